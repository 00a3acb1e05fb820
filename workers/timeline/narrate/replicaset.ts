/** replicaset-controller (and replicationcontroller): wants N, has M → creating or deleting Pods. */
import type { ReplicaDecision } from '../../controllers/replicaset';
import { asObj, listOf, num, objectWrites, plural, type NarrationContext } from './context';

export function narrateReplicaSet(ctx: NarrationContext, kind = 'ReplicaSet'): string | undefined {
  const d = ctx.detail?.type === 'controller' ? (ctx.detail.decision as unknown as ReplicaDecision) : undefined;
  if (!d) return undefined;
  const name = ctx.entry.key.split('/').pop();
  const head = `${kind} ${name}: wants ${d.want}, has ${d.have}`;
  const parts: string[] = [];
  if (d.created) parts.push(`creating ${plural(d.created, 'Pod')}`);
  if (d.deleted?.length) parts.push(`deleting ${plural(d.deleted.length, 'Pod')} (${listOf(d.deleted)})`);
  if (d.adopted?.length) parts.push(`adopted ${listOf(d.adopted)}`);
  if (d.released?.length) parts.push(`released ${listOf(d.released)}`);
  if (d.waiting) parts.push('waiting for earlier creations and deletions to be observed');
  if (d.error) parts.push(`error: ${d.error}`);
  if (!parts.length) {
    const own = objectWrites(ctx).find((w) => w.write.resource === 'replicasets' || w.write.resource === 'replicationcontrollers');
    if (!own) return `${head}, nothing to do`;
    const s = asObj(asObj(own.after).status);
    return `${head}; status ${num(s.readyReplicas) ?? 0} ready, ${num(s.availableReplicas) ?? 0} available`;
  }
  return `${head} → ${parts.join(', ')}`;
}
