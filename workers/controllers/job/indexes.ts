/**
 * Completion indexes of Indexed Jobs (pkg/controller/job/indexed_job_utils.go):
 * the `batch.kubernetes.io/job-completion-index` annotation, ordered
 * intervals printed as `status.completedIndexes` ("0-2,4", "0,1"), and
 * which indexes still need a pod.
 */
import type { Pod } from '../replicaset/types';
import { isPodReady } from '../replicaset/podUtil';

export const COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
export const UNKNOWN_INDEX = -1;

/** getCompletionIndex: the annotation as a non-negative int, else -1. */
export function completionIndex(pod: Pod): number {
  const v = pod.metadata.annotations?.[COMPLETION_INDEX];
  if (v === undefined || !/^\d+$/.test(v)) return UNKNOWN_INDEX;
  const n = Number(v);
  return Number.isSafeInteger(n) && n <= 2147483647 ? n : UNKNOWN_INDEX;
}

export interface Interval {
  first: number;
  last: number;
}

/** orderedIntervals: sorted, non-overlapping, non-adjacent intervals. */
export class Intervals {
  constructor(readonly list: readonly Interval[] = []) {}

  /** parseIndexesFromString: "1,3-5"; indexes at or above `completions` and bad tokens are dropped. */
  static parse(s: string | undefined, completions: number): Intervals {
    const out: number[] = [];
    for (const part of (s ?? '').split(',')) {
      if (!part) continue;
      const m = /^(\d+)(?:-(\d+))?$/.exec(part);
      if (!m) continue;
      const first = Number(m[1]);
      const last = Math.min(m[2] === undefined ? first : Number(m[2]), completions - 1);
      for (let i = first; i <= last; i++) out.push(i);
    }
    return Intervals.of(out);
  }

  static of(indexes: Iterable<number>): Intervals {
    const sorted = [...new Set(indexes)].sort((a, b) => a - b);
    const list: Interval[] = [];
    for (const ix of sorted) {
      const last = list[list.length - 1];
      if (last && ix === last.last + 1) last.last = ix;
      else list.push({ first: ix, last: ix });
    }
    return new Intervals(list);
  }

  withOrderedIndexes(more: Iterable<number>): Intervals {
    const all: number[] = [...more];
    for (const iv of this.list) for (let i = iv.first; i <= iv.last; i++) all.push(i);
    return Intervals.of(all);
  }

  has(ix: number): boolean {
    return this.list.some((iv) => ix >= iv.first && ix <= iv.last);
  }

  total(): number {
    return this.list.reduce((n, iv) => n + iv.last - iv.first + 1, 0);
  }

  /** Two consecutive indexes print as "a,b", longer runs as "a-b". */
  toString(): string {
    return this.list.map((iv) => (iv.last === iv.first ? `${iv.first}` : iv.last === iv.first + 1 ? `${iv.first},${iv.last}` : `${iv.first}-${iv.last}`)).join(',');
  }
}

/** firstPendingIndexes: the lowest `count` indexes with no success, no active pod and no failure. */
export function firstPendingIndexes(nonPending: (ix: number) => boolean, count: number, completions: number): number[] {
  const out: number[] = [];
  for (let ix = 0; ix < completions && out.length < count; ix++) if (!nonPending(ix)) out.push(ix);
  return out;
}

const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** controller.ActivePods.Less: the pod that should go first sorts first. */
export function activePodsLess(a: Pod, b: Pod): number {
  const an = !!a.spec?.nodeName;
  const bn = !!b.spec?.nodeName;
  if (an !== bn) return an ? 1 : -1;
  const pa = PHASE_ORDER[a.status?.phase ?? ''] ?? 0;
  const pb = PHASE_ORDER[b.status?.phase ?? ''] ?? 0;
  if (pa !== pb) return pa - pb;
  const ra = isPodReady(a);
  const rb = isPodReady(b);
  if (ra !== rb) return ra ? 1 : -1;
  const restarts = (p: Pod) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount));
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  const ta = Date.parse(a.metadata.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
  return tb - ta;
}

/**
 * appendDuplicatedIndexPodsForRemoval: pods without a valid index, with an
 * index out of range, or repeating an index (all but the most advanced) go.
 */
export function duplicatedIndexPods(pods: readonly Pod[], completions: number): { rm: Pod[]; left: Pod[] } {
  const rm: Pod[] = [];
  const left: Pod[] = [];
  const byIndex = new Map<number, Pod[]>();
  for (const p of pods) {
    const ix = completionIndex(p);
    if (ix === UNKNOWN_INDEX || ix >= completions) {
      rm.push(p);
      continue;
    }
    let l = byIndex.get(ix);
    if (!l) byIndex.set(ix, (l = []));
    l.push(p);
  }
  for (const ix of [...byIndex.keys()].sort((a, b) => a - b)) {
    const same = byIndex.get(ix)!.sort(activePodsLess);
    rm.push(...same.slice(0, -1));
    left.push(same[same.length - 1]);
  }
  return { rm, left };
}
