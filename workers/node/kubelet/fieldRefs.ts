/**
 * Values the downward API exposes, for env (valueFrom) and downwardAPI
 * volumes (pkg/kubelet/kubelet_pods.go podFieldSelectorRuntimeValue,
 * pkg/api/v1/resource containerResourceRuntimeValue, pkg/fieldpath).
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../../api/quantity/quantity';
import type { Allocatable } from './admission';

export interface DownwardContext {
  pod: Pod;
  hostIPs: string[];
  podIPs: string[];
  node: Allocatable & { ephemeralStorage: number };
}

export type ValueResult = { ok: true; value: string } | { ok: false; message: string };

function formatMap(m: Record<string, string> | undefined): string {
  return Object.keys(m ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify(m![k])}`)
    .join('\n');
}

export function fieldRefValue(fieldPath: string, ctx: DownwardContext, forVolume = false): ValueResult {
  const { pod } = ctx;
  const meta = pod.metadata ?? {};
  // Only `metadata.labels['k']` style paths end in a bracket: the rest skip both patterns.
  const sub = fieldPath.endsWith(']') ? (/^metadata\.(labels|annotations)\['(.*)'\]$/.exec(fieldPath) ?? /^metadata\.(labels|annotations)\["(.*)"\]$/.exec(fieldPath)) : null;
  if (sub) {
    const m = (sub[1] === 'labels' ? meta.labels : meta.annotations) ?? {};
    return { ok: true, value: m[sub[2]] ?? '' };
  }
  switch (fieldPath) {
    case 'metadata.name':
      return { ok: true, value: meta.name ?? '' };
    case 'metadata.namespace':
      return { ok: true, value: meta.namespace ?? '' };
    case 'metadata.uid':
      return { ok: true, value: meta.uid ?? '' };
    case 'metadata.labels':
      if (forVolume) return { ok: true, value: formatMap(meta.labels) };
      break;
    case 'metadata.annotations':
      if (forVolume) return { ok: true, value: formatMap(meta.annotations) };
      break;
    case 'spec.nodeName':
      return { ok: true, value: pod.spec?.nodeName ?? '' };
    case 'spec.serviceAccountName':
      return { ok: true, value: pod.spec?.serviceAccountName ?? '' };
    case 'status.hostIP':
      return { ok: true, value: ctx.hostIPs[0] ?? '' };
    case 'status.hostIPs':
      return { ok: true, value: ctx.hostIPs.join(',') };
    case 'status.podIP':
      return { ok: true, value: ctx.podIPs[0] ?? '' };
    case 'status.podIPs':
      return { ok: true, value: ctx.podIPs.join(',') };
  }
  return { ok: false, message: `unsupported fieldPath: ${fieldPath}` };
}

/** `limits.cpu` etc. of a container, divided by `divisor` and rounded up; unset limits are the node's allocatable. */
export function resourceFieldValue(
  ref: { resource: string; containerName?: string; divisor?: string | number },
  container: Container | undefined,
  ctx: DownwardContext,
): ValueResult {
  const [kind, resource] = ref.resource.split('.', 2) as [string, string | undefined];
  if ((kind !== 'limits' && kind !== 'requests') || !resource) return { ok: false, message: `unsupported container resource : ${ref.resource}` };
  const divisorQ = parseQuantity(String(ref.divisor ?? '1'));
  const divisor = divisorQ.ok ? divisorQ.quantity : undefined;
  if (!divisor || divisor.isZero()) return { ok: false, message: `invalid divisor ${ref.divisor}` };
  const list = ((kind === 'limits' ? container?.resources?.limits : container?.resources?.requests) ?? {}) as Record<string, unknown>;
  const raw = list[resource];
  const q = raw !== undefined ? parseQuantity(String(raw)) : undefined;
  if (resource === 'cpu') {
    let milli = q?.ok ? q.quantity.milliValue() : undefined;
    if (milli === undefined) milli = kind === 'limits' ? ctx.node.cpu : 0;
    return { ok: true, value: String(Math.ceil(milli / divisor.milliValue())) };
  }
  let v = q?.ok ? q.quantity.value() : undefined;
  if (v === undefined) v = kind === 'limits' ? (resource === 'memory' ? ctx.node.memory : resource === 'ephemeral-storage' ? ctx.node.ephemeralStorage : 0) : 0;
  return { ok: true, value: String(Math.ceil(v / divisor.value())) };
}
