/** kube-scheduler: which node a Pod went to and why (filter verdicts, scores), or why none fit. */
import { eventsOf, listOf, objectWrites, str, asObj, type NarrationContext } from './context';

export function narrateScheduler(ctx: NarrationContext): string | undefined {
  const pod = ctx.entry.key.split('/').pop();
  const d = ctx.detail?.type === 'scheduling' ? ctx.detail : undefined;
  const failed = eventsOf(ctx).find((e) => e.reason === 'FailedScheduling');
  if (failed) return `Scheduler: Pod ${pod} not scheduled: ${failed.message}`;
  const bound = objectWrites(ctx).find((w) => w.write.resource === 'pods' && str(asObj(asObj(w.after).spec).nodeName));
  const node = d?.node ?? str(asObj(asObj(bound?.after).spec).nodeName);
  if (!node) return undefined;
  const why: string[] = [];
  if (d) {
    const filtered = d.nodes.filter((n) => n.verdict === 'filtered').map((n) => `${n.node} ${(n.reasons ?? []).join(', ')}`);
    if (filtered.length) why.push(listOf(filtered));
    const scored = d.nodes.filter((n) => n.total !== undefined).sort((a, b) => b.total! - a.total! || a.node.localeCompare(b.node));
    if (scored.length) why.push(listOf(scored.map((n) => `${n.node} score ${n.total}`)));
  }
  return `Scheduler: Pod ${pod} → ${node}${why.length ? ` (${why.join('; ')})` : ''}`;
}
