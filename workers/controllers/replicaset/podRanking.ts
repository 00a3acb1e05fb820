/**
 * Which pods a ReplicaSet deletes first when it scales down
 * (pkg/controller/controller_utils.go ActivePodsWithRanks.Less, with the
 * PodDeletionCost and LogarithmicScaleDown gates on, as in v1.32), and the
 * rank replica_set.go gives each pod: how many related active pods share
 * its node.
 */
import { isPodActive, isPodReady, podReadyCondition } from './podUtil';
import type { Pod } from './types';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

function phaseOrdinal(p: Pod): number {
  return PHASE_ORDINAL[p.status?.phase ?? ''] ?? 0;
}

/** GetDeletionCostFromPodAnnotations (an unparsable value counts as 0). */
function deletionCost(p: Pod): number {
  const v = p.metadata.annotations?.[DELETION_COST];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return 0;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

function maxRestarts(p: Pod): number {
  let m = 0;
  for (const c of p.status?.containerStatuses ?? []) if (c.restartCount > m) m = c.restartCount;
  return m;
}

/** A timestamp in ms, or 0 for the zero time. */
const ms = (t: string | undefined) => (t ? Date.parse(t) : 0);

function readyTime(p: Pod): number {
  const c = podReadyCondition(p);
  return c?.status === 'True' ? ms(c.lastTransitionTime) : 0;
}

/** afterOrZero: the zero time sorts first, then later before earlier. */
function afterOrZero(t1: number, t2: number): boolean {
  if (t1 === 0 || t2 === 0) return t1 === 0;
  return t1 > t2;
}

function logRank(t: number, now: number): number {
  const d = (now - t) * 1e6; // Go durations are nanoseconds
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
}

/** Compare on a log2 scale of age; equal ranks fall back to UID order. */
function timeLess(a: Pod, b: Pod, ta: number, tb: number, now: number): boolean {
  if (now === 0 || ta === 0 || tb === 0) return afterOrZero(ta, tb);
  const diff = logRank(ta, now) - logRank(tb, now);
  if (diff === 0) return (a.metadata.uid ?? '') < (b.metadata.uid ?? '');
  return diff < 0;
}

interface Ranked {
  pod: Pod;
  rank: number;
}

function less(a: Ranked, b: Ranked, now: number): boolean {
  const pa = a.pod;
  const pb = b.pod;
  const na = pa.spec?.nodeName ?? '';
  const nb = pb.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '';
  const oa = phaseOrdinal(pa);
  const ob = phaseOrdinal(pb);
  if (oa !== ob) return oa < ob;
  const ra = isPodReady(pa);
  const rb = isPodReady(pb);
  if (ra !== rb) return !ra;
  const ca = deletionCost(pa);
  const cb = deletionCost(pb);
  if (ca !== cb) return ca < cb;
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (ra && rb) {
    const ta = readyTime(pa);
    const tb = readyTime(pb);
    if (ta !== tb) return timeLess(pa, pb, ta, tb, now);
  }
  const xa = maxRestarts(pa);
  const xb = maxRestarts(pb);
  if (xa !== xb) return xa > xb;
  const ka = ms(pa.metadata.creationTimestamp);
  const kb = ms(pb.metadata.creationTimestamp);
  if (ka !== kb) return timeLess(pa, pb, ka, kb, now);
  return false;
}

/**
 * getPodsToDelete: the `diff` pods to delete, preferring those earliest in
 * their start-up; `related` are the active pods of every ReplicaSet sharing
 * this one's controller (used to rank doubled-up nodes first).
 */
export function podsToDelete(filtered: readonly Pod[], related: readonly Pod[], diff: number, nowMs: number): Pod[] {
  if (diff >= filtered.length) return filtered.slice(0, diff);
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (!isPodActive(p)) continue;
    const n = p.spec?.nodeName ?? '';
    onNode.set(n, (onNode.get(n) ?? 0) + 1);
  }
  const ranked: Ranked[] = filtered.map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
  ranked.sort((a, b) => (less(a, b, nowMs) ? -1 : less(b, a, nowMs) ? 1 : 0));
  return ranked.slice(0, diff).map((r) => r.pod);
}
