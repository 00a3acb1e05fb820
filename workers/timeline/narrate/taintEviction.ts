/** taint-eviction-controller: which Pod it evicts from which node, and why (toleration expired or none). */
import { arr, asObj, num, objectWrites, str, type NarrationContext, type Obj } from './context';

export function narrateTaintEviction(ctx: NarrationContext): string | undefined {
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const w of objectWrites(ctx)) {
    // Marking a pod for deletion and removing it may both land in one task: one eviction.
    if (w.write.resource !== 'pods' || seen.has(w.write.key)) continue;
    seen.add(w.write.key);
    const pod = asObj(w.before ?? w.after);
    const spec = asObj(pod.spec);
    const node = str(spec.nodeName) ?? '?';
    const taints = noExecuteTaints(ctx, node);
    const tolerating = arr(spec.tolerations).filter((t) => num(t.tolerationSeconds) !== undefined && taints.some((x) => tolerates(t, x)));
    const why = tolerating.length
      ? `toleration expired after ${num(tolerating[0].tolerationSeconds)} s`
      : taints.length
        ? `no toleration for ${str(taints[0].key)}:NoExecute`
        : 'NoExecute taint';
    parts.push(`evicting Pod ${w.write.namespace}/${w.write.name} from ${node} (${why})`);
  }
  return parts.length ? `Taint eviction: ${parts.join('; ')}` : undefined;
}

function tolerates(t: Obj, taint: Obj): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.operator === 'Exists') return !t.key || t.key === taint.key;
  return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
}

function noExecuteTaints(ctx: NarrationContext, node: string): Obj[] {
  try {
    const rev = ctx.entry.revisions[0] ?? ctx.store.revision;
    const n = ctx.store.getAt(`/registry/core/nodes/${node}`, rev)?.value;
    return arr(asObj(asObj(n).spec).taints).filter((t) => t.effect === 'NoExecute');
  } catch {
    return [];
  }
}
