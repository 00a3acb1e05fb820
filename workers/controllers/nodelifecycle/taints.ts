/**
 * Taints and tolerations as the node lifecycle and taint eviction
 * controllers use them: the well-known taint keys, matching
 * (pkg/apis/core/v1/helper, pkg/util/taints), and adding or removing taints
 * on a Node through the API with retries on conflict
 * (pkg/controller/controller_utils.go AddOrUpdateTaintOnNode,
 * RemoveTaintOffNode, PatchNodeTaints).
 */
import { toleratesTaint } from '../../scheduler/helpers/taints';
import type { KubeObject } from '../../api/object';
import type { ApiCall } from '../context';
import { apiError } from '../replicaset/apiError';

export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' | string;
  timeAdded?: string;
}

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal' | string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
export const TAINT_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
export const TAINT_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';
export const TAINT_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';

export const UNREACHABLE_NO_EXECUTE: Taint = { key: TAINT_UNREACHABLE, effect: 'NoExecute' };
export const NOT_READY_NO_EXECUTE: Taint = { key: TAINT_NOT_READY, effect: 'NoExecute' };

export type NodeObj = KubeObject & {
  spec?: { taints?: Taint[]; unschedulable?: boolean };
  status?: { conditions?: NodeCondition[] };
};

export interface NodeCondition {
  type: string;
  status: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export const taintsOf = (n: NodeObj): Taint[] => n.spec?.taints ?? [];

/** Taint.MatchTaint: same key and effect. */
export const matchTaint = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;

export const taintExists = (taints: readonly Taint[], t: Taint) => taints.some((x) => matchTaint(x, t));

/** Toleration.ToleratesTaint, shared with the scheduler. */
export { toleratesTaint };

/** v1helper.GetMatchingTolerations: whether all taints are tolerated, and the tolerations used. */
export function matchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[]): { all: boolean; used: Toleration[] } {
  if (taints.length === 0) return { all: true, used: [] };
  if (tolerations.length === 0) return { all: false, used: [] };
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = tolerations.find((x) => toleratesTaint(x, taint));
    if (!t) return { all: false, used: [] };
    used.push(t);
  }
  return { all: true, used };
}

/** AddOrUpdateTaint: replace a taint with the same key and effect, or append. */
export function addOrUpdateTaint(taints: readonly Taint[], taint: Taint): { taints: Taint[]; updated: boolean } {
  const out: Taint[] = [];
  let replaced = false;
  for (const t of taints) {
    if (matchTaint(t, taint)) {
      if (sameTaint(t, taint)) return { taints: [...taints], updated: false };
      out.push(taint);
      replaced = true;
      continue;
    }
    out.push(t);
  }
  if (!replaced) out.push(taint);
  return { taints: out, updated: true };
}

const sameTaint = (a: Taint, b: Taint) => a.key === b.key && (a.value ?? '') === (b.value ?? '') && a.effect === b.effect && a.timeAdded === b.timeAdded;

/** RemoveTaint: drop taints with the same key and effect. */
export function removeTaint(taints: readonly Taint[], taint: Taint): { taints: Taint[]; removed: boolean } {
  const out = taints.filter((t) => !matchTaint(t, taint));
  return { taints: out, removed: out.length !== taints.length };
}

/** UpdateTaintBackoff steps. */
const RETRIES = 5;

/**
 * Apply `edit` to the node's taints and patch them, guarded by the
 * resourceVersion the edit was computed from (PatchNodeTaints): taints have
 * no merge key, so the whole list is sent.
 */
function patchTaints(api: ApiCall, name: string, edit: (taints: Taint[]) => Taint[] | null): string | undefined {
  for (let i = 0; i < RETRIES; i++) {
    const r = api({ verb: 'get', group: '', version: 'v1', resource: 'nodes', name });
    const gerr = apiError(r);
    if (gerr) return gerr.message;
    const node = r.body as NodeObj;
    const next = edit(taintsOf(node));
    if (!next) return undefined;
    const p = api({
      verb: 'patch',
      group: '',
      version: 'v1',
      resource: 'nodes',
      name,
      contentType: 'application/strategic-merge-patch+json',
      body: { metadata: { resourceVersion: node.metadata.resourceVersion }, spec: { taints: next.length ? next : null } },
    });
    const err = apiError(p);
    if (!err) return undefined;
    if (err.reason !== 'Conflict') return err.message;
  }
  return `failed to update taints of node ${name} after ${RETRIES} attempts`;
}

/** AddOrUpdateTaintOnNode. */
export function addTaintsOnNode(api: ApiCall, name: string, taints: Taint[]): string | undefined {
  if (taints.length === 0) return undefined;
  return patchTaints(api, name, (cur) => {
    let out = cur;
    let changed = false;
    for (const t of taints) {
      const r = addOrUpdateTaint(out, t);
      out = r.taints;
      changed ||= r.updated;
    }
    return changed ? out : null;
  });
}

/** RemoveTaintOffNode: no request at all when the (cached) node has none of them. */
export function removeTaintsOffNode(api: ApiCall, name: string, cached: NodeObj | undefined, taints: Taint[]): string | undefined {
  if (taints.length === 0) return undefined;
  if (cached && !taints.some((t) => taintExists(taintsOf(cached), t))) return undefined;
  return patchTaints(api, name, (cur) => {
    let out = cur;
    let changed = false;
    for (const t of taints) {
      const r = removeTaint(out, t);
      out = r.taints;
      changed ||= r.removed;
    }
    return changed ? out : null;
  });
}

/** SwapNodeControllerTaint: add (stamped with timeAdded) then remove; true on success. */
export function swapNodeControllerTaint(api: ApiCall, now: string, add: Taint[], remove: Taint[], cached: NodeObj): boolean {
  const stamped = add.map((t) => ({ ...t, timeAdded: now }));
  const e1 = addTaintsOnNode(api, cached.metadata.name!, stamped);
  if (e1) return false;
  const e2 = removeTaintsOffNode(api, cached.metadata.name!, cached, remove);
  return !e2;
}
