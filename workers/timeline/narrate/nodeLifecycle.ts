/**
 * node-lifecycle-controller: a Node whose Lease went stale turns Ready
 * Unknown (kubectl: NotReady) and gets the unreachable taints; the reverse
 * when it comes back. Mirrors the wording of pkg/controller/nodelifecycle.
 */
import { arr, asObj, listOf, objectWrites, plural, str, type NarratedWrite, type NarrationContext, type Obj } from './context';

const taintName = (t: Obj) => `${str(t.key)}${t.value ? `=${str(t.value)}` : ''}:${str(t.effect)}`;

export function narrateNodeLifecycle(ctx: NarrationContext): string | undefined {
  const parts: string[] = [];
  let podsMarked = 0;
  for (const w of objectWrites(ctx)) {
    if (w.write.resource === 'nodes') parts.push(nodeSentence(ctx, w));
    else if (w.write.resource === 'pods') podsMarked++;
  }
  if (podsMarked) parts.push(`marked ${plural(podsMarked, 'Pod')} not Ready`);
  return parts.length ? parts.join('; ') : undefined;
}

function readyOf(o: unknown): Obj | undefined {
  return arr(asObj(asObj(o).status).conditions).find((c) => c.type === 'Ready');
}

function nodeSentence(ctx: NarrationContext, w: NarratedWrite): string {
  const bits: string[] = [];
  const was = readyOf(w.before);
  const now = readyOf(w.after);
  if (str(was?.status) !== str(now?.status) && now) {
    const shown = now.status === 'True' ? 'Ready' : 'NotReady';
    const age = leaseAge(ctx, w.write.name);
    const cause = now.status === 'Unknown' ? `lease not renewed${age !== undefined ? ` for ${age} s` : ''} → ` : '';
    bits.push(`${cause}${shown} (Ready ${str(now.status)}${now.reason ? `, ${str(now.reason)}` : ''})`);
  }
  const before = new Set(arr(asObj(asObj(w.before).spec).taints).map(taintName));
  const after = new Set(arr(asObj(asObj(w.after).spec).taints).map(taintName));
  const added = [...after].filter((t) => !before.has(t));
  const removed = [...before].filter((t) => !after.has(t));
  if (added.length) bits.push(`tainted ${listOf(added)}`);
  if (removed.length) bits.push(`removed taint ${listOf(removed)}`);
  if (!bits.length) bits.push('updated');
  return `Node ${w.write.name}: ${bits.join(', ')}`;
}

/** Seconds since the node's Lease was last renewed, at the time of the entry. */
function leaseAge(ctx: NarrationContext, node: string): number | undefined {
  const rev = ctx.entry.revisions[0];
  try {
    const lease = ctx.store.getAt(`/registry/coordination.k8s.io/leases/kube-node-lease/${node}`, rev ? rev - 1 : ctx.store.revision)?.value;
    const renewed = str(asObj(asObj(lease).spec).renewTime);
    if (!renewed) return undefined;
    return Math.round((ctx.entry.time - Date.parse(renewed)) / 1000);
  } catch {
    return undefined;
  }
}
