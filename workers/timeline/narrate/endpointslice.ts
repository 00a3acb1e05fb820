/** endpointslice-controller: which addresses each slice gained, lost, or saw turn ready. */
import type { EndpointSliceDecision } from '../../controllers/endpointslice/controller';
import { arr, asObj, listOf, objectWrites, type NarrationContext } from './context';

function addresses(slice: unknown): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const ep of arr(asObj(slice).endpoints)) {
    const ready = asObj(ep.conditions).ready !== false;
    for (const a of (Array.isArray(ep.addresses) ? ep.addresses : []) as unknown[]) out.set(String(a), ready);
  }
  return out;
}

export function narrateEndpointSlice(ctx: NarrationContext): string | undefined {
  const parts: string[] = [];
  for (const w of objectWrites(ctx)) {
    if (w.write.resource !== 'endpointslices') continue;
    const before = addresses(w.before);
    const after = addresses(w.after);
    const added = [...after.keys()].filter((a) => !before.has(a));
    const removed = [...before.keys()].filter((a) => !after.has(a));
    const readied = [...after].filter(([a, r]) => before.has(a) && before.get(a) !== r).map(([a, r]) => `${a} ${r ? 'ready' : 'not ready'}`);
    const bits: string[] = [];
    if (w.write.op === 'created') bits.push(`created${after.size ? ` with ${listOf([...after.keys()])}` : ' (no endpoints yet)'}`);
    else if (w.write.op === 'deleted') bits.push('deleted');
    else {
      if (added.length) bits.push(`added ${listOf(added)}`);
      if (removed.length) bits.push(`removed ${listOf(removed)}`);
      if (readied.length) bits.push(listOf(readied));
      if (!bits.length) bits.push('updated');
    }
    parts.push(`EndpointSlice ${w.write.name}: ${bits.join(', ')}`);
  }
  if (parts.length) return parts.join('; ');
  const d = ctx.detail?.type === 'controller' ? (ctx.detail.decision as unknown as EndpointSliceDecision) : undefined;
  if (!d) return undefined;
  return `Service ${ctx.entry.key}: endpoints up to date (${d.ready}/${d.endpoints} ready)${d.error ? `; error: ${d.error}` : ''}`;
}
