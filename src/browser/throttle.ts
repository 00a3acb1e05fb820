/**
 * At most one call per interval: the first trigger runs at once, triggers
 * during the interval collapse into one trailing call. Keeps server Tables
 * fresh during a 1,000-pod rollout without a request per watch batch.
 */
export interface Timers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const browserTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface Throttle {
  trigger(): void;
  cancel(): void;
}

export function createThrottle(fn: () => void, intervalMs: number, timers: Timers = browserTimers): Throttle {
  let last = Number.NEGATIVE_INFINITY;
  let pending: unknown = null;
  let cancelled = false;
  const run = () => {
    pending = null;
    if (cancelled) return;
    last = timers.now();
    fn();
  };
  return {
    trigger() {
      if (cancelled || pending !== null) return;
      const wait = last + intervalMs - timers.now();
      if (wait <= 0) run();
      else pending = timers.setTimeout(run, wait);
    },
    cancel() {
      cancelled = true;
      if (pending !== null) timers.clearTimeout(pending);
      pending = null;
    },
  };
}
