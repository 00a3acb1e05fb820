import { describe, it, expect } from 'vitest';
import { createPaintLoop } from './paintLoop';

function manualFrames() {
  const queue: ((now: number) => void)[] = [];
  return {
    request: (cb: (now: number) => void) => queue.push(cb),
    pending: () => queue.length,
    tick(now: number) {
      const due = queue.splice(0);
      for (const cb of due) cb(now);
    },
  };
}

describe('createPaintLoop', () => {
  it('runs a job once per frame while it asks to, then stops asking for frames', () => {
    const f = manualFrames();
    const loop = createPaintLoop(f.request);
    const seen: number[] = [];
    loop.schedule({}, (now) => {
      seen.push(now);
      return now < 32;
    });
    expect(f.pending()).toBe(1);
    f.tick(16);
    f.tick(32);
    expect(f.pending()).toBe(0);
    f.tick(48);
    expect(seen).toEqual([16, 32]);
  });

  it('asks for one frame however many jobs, and the newest job for a key wins', () => {
    const f = manualFrames();
    const loop = createPaintLoop(f.request);
    const key = {};
    const ran: string[] = [];
    loop.schedule(key, () => (ran.push('old'), false));
    loop.schedule(key, () => (ran.push('new'), false));
    loop.schedule({}, () => (ran.push('other'), false));
    expect(f.pending()).toBe(1);
    f.tick(16);
    expect(ran).toEqual(['new', 'other']);
  });

  it('drops cancelled jobs and keeps one rescheduled while the frame ran', () => {
    const f = manualFrames();
    const loop = createPaintLoop(f.request);
    const a = {};
    const b = {};
    const ran: string[] = [];
    loop.schedule(a, () => (ran.push('a'), true));
    loop.cancel(a);
    loop.schedule(b, () => {
      ran.push('b1');
      loop.schedule(b, () => (ran.push('b2'), false));
      return true;
    });
    f.tick(16);
    f.tick(32);
    expect(ran).toEqual(['b1', 'b2']);
    expect(f.pending()).toBe(0);
  });
});
