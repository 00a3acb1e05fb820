/**
 * When is the cluster idle? When no task is due within IDLE_WINDOW_MS of
 * virtual time except periodic housekeeping that runs forever in a healthy
 * cluster: leader-election and node Lease renewals, node status posts, the
 * eviction manager, node health monitoring, probes, resyncs and pod GC.
 * Work those trigger (a kubelet sync after a resync) counts, so idle means
 * "nothing left to react to in the next 10 s", not "the heap is empty",
 * which never happens. HPA reconciles count as periodic too. Back-offs longer than the window (CrashLoopBackOff,
 * an image pull retry) do not keep the cluster busy.
 */
import type { Clock, Task } from '../clock/clock';

export const IDLE_WINDOW_MS = 10_000;

const PERIODIC = new RegExp(
  '^(' +
    [
      'leader election: renew', 'renew lease', 'update node status', 'eviction manager', 'monitor node health',
      'resync', 'resync pods', 'resync monitors', 'gc', 'probe .*', 'watch bookmark',
      'flush unschedulable pods', 'flush backoff queue',
      // Add-on control loops that wake on a timer whatever happens.
      'autoscale', 'scrape kubelets', 'update recommendations', 'evict pods to update',
    ].join('|') +
    ')$',
);

/** Components whose every task is a periodic loop (the HPA re-reads metrics every 15 s). */
const PERIODIC_COMPONENTS = new Set(['horizontal-pod-autoscaler']);

export function isPeriodic(t: Pick<Task, 'what' | 'component'>): boolean {
  return PERIODIC.test(t.what) || PERIODIC_COMPONENTS.has(t.component);
}

export function isIdle(clock: Clock, windowMs = IDLE_WINDOW_MS): boolean {
  const horizon = clock.now() + windowMs;
  for (const t of clock.pendingTasks()) {
    if (!t.cancelled && t.at <= horizon && !isPeriodic(t)) return false;
  }
  return true;
}
