/** Pod predicates of pkg/api/v1/pod/util.go and pkg/controller/controller_utils.go. */
import type { PodCondition } from 'kubernetes-types/core/v1';
import type { Pod } from './types';

export function podReadyCondition(pod: Pod): PodCondition | undefined {
  const conds = pod.status?.conditions;
  if (!conds) return undefined;
  for (const c of conds) if (c.type === 'Ready') return c;
  return undefined;
}

export function isPodReady(pod: Pod): boolean {
  return podReadyCondition(pod)?.status === 'True';
}

/** Ready for longer than minReadySeconds (strictly before now, at second precision as stored). */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (!minReadySeconds) return true;
  const ltt = podReadyCondition(pod)?.lastTransitionTime;
  if (!ltt) return false;
  return Date.parse(ltt) + minReadySeconds * 1000 < nowMs;
}

/** IsPodActive: not finished and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

export function podKey(pod: Pod): string {
  return `${pod.metadata.namespace}/${pod.metadata.name}`;
}
