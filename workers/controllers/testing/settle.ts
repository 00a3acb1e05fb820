/**
 * Let a test cluster react: run what is due within `ms`, then keep following
 * chains of reactions — each controller sync comes CONTROLLER_REACTION_MS
 * after the event that queued it — until nothing more is due that soon.
 * Slower things (a sandbox, a back-off, a resync) are left for the test to
 * wait for explicitly.
 */
import type { Cluster } from '../../cluster';
import { CONTROLLER_REACTION_MS } from '../../client/workqueue';

export function settleCluster(c: Cluster, ms: number, maxTasks: number): void {
  let horizon = c.clock.now() + ms;
  let left = maxTasks;
  for (;;) {
    left -= c.clock.runUntil({ time: horizon, maxTasks: left });
    const next = c.clock.nextAt();
    if (left <= 0 || next === undefined || next > horizon + CONTROLLER_REACTION_MS) return;
    horizon = next;
  }
}
