/** Actions from outside: who asked for what, and what it changed (or why it was refused). */
import { listOf, objectWrites, type NarrationContext } from './context';
import { describeWrites } from './generic';

export function narrateAction(ctx: NarrationContext): string {
  const { entry } = ctx;
  const a = entry.action;
  if (a?.type === 'chaos') {
    const c = a.chaos;
    const said =
      c.action === 'stopKubelet' ? `stopped the kubelet on ${c.node}`
      : c.action === 'startKubelet' ? `started the kubelet on ${c.node}`
      : c.action === 'crashContainer' ? `killed a container of Pod ${c.namespace}/${c.pod}${c.container ? ` (${c.container})` : ''}`
      : c.action === 'deleteNode' ? `removed node ${c.node}`
      : 'added a node';
    return `Chaos: ${said}${entry.status !== undefined && entry.status >= 400 ? ` — refused (${entry.status})` : ''}`;
  }
  const writes = describeWrites(objectWrites(ctx));
  const r = a?.type === 'request' ? a.request : undefined;
  const asked = r ? `${entry.what} ${r.resource}${entry.key ? ` ${entry.key}` : ''}` : `${entry.what} ${entry.key}`;
  if (entry.status !== undefined && entry.status >= 400) return `${entry.component}: ${asked} refused (${entry.status})`;
  if (r?.query?.dryRun) return `${entry.component}: ${asked} (dry run, nothing stored)`;
  if (!writes.length) return `${entry.component}: ${asked} — nothing changed`;
  return `${entry.component}: ${listOf(writes, 4)}`;
}
