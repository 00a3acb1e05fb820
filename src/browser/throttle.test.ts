import { describe, it, expect } from 'vitest';
import { createThrottle, type Timers } from './throttle';

function fakeTimers() {
  let now = 0;
  const due: Array<{ at: number; fn: () => void; id: number }> = [];
  let nextId = 1;
  const timers: Timers = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      due.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (h) => {
      const i = due.findIndex((d) => d.id === h);
      if (i >= 0) due.splice(i, 1);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const d of [...due].sort((a, b) => a.at - b.at)) {
      if (d.at <= now) {
        due.splice(due.indexOf(d), 1);
        d.fn();
      }
    }
  };
  return { timers, advance, due };
}

describe('createThrottle', () => {
  it('runs the first trigger at once and folds later ones into one trailing call', () => {
    const { timers, advance } = fakeTimers();
    let calls = 0;
    const t = createThrottle(() => calls++, 500, timers);
    t.trigger();
    expect(calls).toBe(1);
    t.trigger();
    t.trigger();
    advance(100);
    t.trigger();
    expect(calls).toBe(1);
    advance(400);
    expect(calls).toBe(2);
    advance(1000);
    expect(calls).toBe(2);
    t.trigger();
    expect(calls).toBe(3);
  });

  it('cancel drops the pending call and ignores later triggers', () => {
    const { timers, advance, due } = fakeTimers();
    let calls = 0;
    const t = createThrottle(() => calls++, 500, timers);
    t.trigger();
    t.trigger();
    t.cancel();
    expect(due).toHaveLength(0);
    advance(1000);
    t.trigger();
    expect(calls).toBe(1);
  });
});
