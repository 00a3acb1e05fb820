/**
 * One animation-frame loop for every lane canvas that is still animating
 * (pods fading in or out): each frame repaints those lanes, and the loop
 * stops by itself when none is left. A job returns true to run again.
 */
export type PaintJob = (now: number) => boolean;

export interface PaintLoop {
  /** Runs `job` next frame under `key`, replacing any job already there. */
  schedule(key: object, job: PaintJob): void;
  cancel(key: object): void;
}

export function createPaintLoop(requestFrame: (cb: (now: number) => void) => unknown): PaintLoop {
  const jobs = new Map<object, PaintJob>();
  let pending = false;
  const run = (now: number) => {
    pending = false;
    const due = [...jobs];
    jobs.clear();
    for (const [key, job] of due) {
      // A job scheduled again while this frame ran (a React commit) is newer: keep it.
      if (job(now) && !jobs.has(key)) jobs.set(key, job);
    }
    if (jobs.size > 0) {
      pending = true;
      requestFrame(run);
    }
  };
  return {
    schedule(key, job) {
      jobs.set(key, job);
      if (!pending) {
        pending = true;
        requestFrame(run);
      }
    },
    cancel(key) {
      jobs.delete(key);
    },
  };
}
