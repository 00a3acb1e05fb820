/**
 * The worker's timeline methods (workers/timeline/types.ts: entries, stepping,
 * history reads, sessions, fork) as the page calls them: each waits for the
 * cluster to exist and answers a promise of the worker's `TimelineResult`.
 */
import type { ClusterWorkerApi } from '../../workers/cluster.worker';

export const TIMELINE_METHODS = [
  'timelineInfo',
  'timeline',
  'timelineEntry',
  'step',
  'objectAt',
  'diff',
  'changes',
  'exportSession',
  'importSession',
  'fork',
  'historyHash',
  'objectHistory',
] as const;

export type TimelineMethod = (typeof TIMELINE_METHODS)[number];

type Promised<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;

export type TimelineClient = { [M in TimelineMethod]: Promised<ClusterWorkerApi[M]> };

/** Anything that answers the worker's timeline methods, synchronously or not (comlink's remote does, with promises). */
export type TimelineRemote = { [M in TimelineMethod]: (...args: Parameters<ClusterWorkerApi[M]>) => unknown };

export function makeTimelineClient(remote: TimelineRemote, started: Promise<unknown>): TimelineClient {
  const client = {} as Record<TimelineMethod, (...args: unknown[]) => Promise<unknown>>;
  for (const m of TIMELINE_METHODS) {
    const call = remote[m] as (...args: unknown[]) => unknown;
    client[m] = async (...args: unknown[]) => {
      await started;
      return call(...args);
    };
  }
  return client as unknown as TimelineClient;
}
