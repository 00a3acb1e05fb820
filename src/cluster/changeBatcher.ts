/**
 * Collects store changes from every watch and applies them together once per
 * animation frame, so React renders at most once a frame however many watch
 * batches arrive.
 */
import type { ObjectChange } from './store';

export type FrameScheduler = (flush: () => void) => void;

export interface ChangeBatcher {
  push(changes: readonly ObjectChange[]): void;
  /** Applies whatever is pending now (tests, teardown). */
  flush(): void;
}

export const animationFrameScheduler: FrameScheduler = (flush) => {
  requestAnimationFrame(() => flush());
};

export function createChangeBatcher(apply: (changes: ObjectChange[]) => void, schedule: FrameScheduler): ChangeBatcher {
  let pending: ObjectChange[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    apply(batch);
  };
  return {
    push(changes) {
      if (changes.length === 0) return;
      for (const c of changes) pending.push(c);
      if (!scheduled) {
        scheduled = true;
        schedule(flush);
      }
    },
    flush,
  };
}
