/**
 * Stepping a paused cluster: one task, to the next store write, until an
 * object changes, or until idle (see idle.ts). Each returns the entries it ran.
 */
import type { Cluster } from '../cluster';
import type { Recorder } from './recorder';
import { STEP_RESULT_LIMIT, type StepRequest, type StepResult, type TimelineResult } from './types';
import { invalidInput, ok } from './errors';
import { summaryOf, touches } from './entries';
import { isIdle } from './idle';

/** No single step request runs more tasks than this. */
export const MAX_STEP_TASKS = 100_000;
/** Default cap of virtual time for `idle`. */
export const DEFAULT_IDLE_MAX_MS = 10 * 60_000;

export function step(cluster: Cluster, recorder: Recorder, req: StepRequest): TimelineResult<StepResult> {
  if (typeof req !== 'object' || req === null) return invalidInput('step request must be an object like { kind: "task" }');
  const kind = (req as { kind?: unknown }).kind;
  let goal: (() => boolean) | undefined;
  let until = Number.POSITIVE_INFINITY;
  const clock = cluster.clock;
  const newest = () => recorder.get(recorder.newestId);
  switch (kind) {
    case 'task':
      break;
    case 'write':
      goal = () => (newest()?.revisions.length ?? 0) > 0;
      break;
    case 'object': {
      const object = (req as { object?: unknown }).object;
      if (typeof object !== 'string' || !object) return invalidInput('step "object" needs object: a store key (/registry/...) or a uid');
      goal = () => {
        const e = newest();
        return !!e && e.revisions.length > 0 && touches(cluster.store, e, object);
      };
      break;
    }
    case 'idle': {
      const max = (req as { maxVirtualMs?: unknown }).maxVirtualMs ?? DEFAULT_IDLE_MAX_MS;
      if (typeof max !== 'number' || !(max > 0)) return invalidInput(`maxVirtualMs must be a positive number, got ${JSON.stringify(max)}`);
      until = clock.now() + max;
      break;
    }
    default:
      return invalidInput(`unknown step kind ${JSON.stringify(kind)}: use "task", "write", "object" or "idle"`);
  }
  if (cluster.driver.mode.kind !== 'paused') cluster.driver.setMode({ kind: 'paused' });

  const first = recorder.newestId + 1;
  let ran = 0;
  let stopped: StepResult['stopped'] = 'limit';
  for (;;) {
    if (kind === 'idle' && isIdle(clock)) {
      stopped = clock.pending() ? 'done' : 'idle';
      break;
    }
    if (ran >= MAX_STEP_TASKS) break;
    const next = clock.nextAt();
    if (next === undefined) {
      stopped = 'idle';
      break;
    }
    if (next > until) break;
    clock.step();
    ran++;
    if (kind === 'task' || goal?.()) {
      stopped = 'done';
      break;
    }
  }
  const entries = [];
  for (let id = Math.max(first, recorder.newestId - STEP_RESULT_LIMIT + 1, recorder.oldestId); id <= recorder.newestId; id++) {
    const rec = recorder.get(id);
    if (rec) entries.push(summaryOf(recorder, rec));
  }
  return ok({ entries, ran, stopped, now: clock.now(), revision: cluster.store.revision });
}
