import { describe, expect, it } from 'vitest';
import { Clock } from './clock';
import { ClockDriver, type WallClock } from './driver';
import { Rng } from './prng';

const label = (key: string) => ({ component: 'test', key, what: 'run' });

describe('Clock', () => {
  it('runs tasks in due-time order, ties in scheduling order', () => {
    const clock = new Clock(0);
    const ran: string[] = [];
    clock.schedule(20, label('c'), () => ran.push('c'));
    clock.schedule(10, label('a'), () => ran.push('a'));
    clock.schedule(10, label('b'), () => ran.push('b'));
    clock.runUntil({});
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(clock.now()).toBe(20);
  });

  it('orders thousands of tasks, scheduled while running and cancelled at random, by due time then scheduling order', () => {
    const clock = new Clock(0);
    const rng = new Rng(5);
    const want: { at: number; seq: number }[] = [];
    const ran: number[] = [];
    let seq = 0;
    const add = () => {
      const at = clock.now() + rng.int(50);
      const mine = ++seq;
      const t = clock.schedule(at - clock.now(), label(String(mine)), () => {
        ran.push(mine);
        if (rng.next() < 0.5) add();
      });
      if (rng.next() < 0.1) clock.cancel(t);
      else want.push({ at, seq: mine });
    };
    for (let i = 0; i < 2000; i++) add();
    clock.runUntil({});
    want.sort((a, b) => a.at - b.at || a.seq - b.seq);
    expect(ran).toEqual(want.map((w) => w.seq));
  });

  it('skips cancelled tasks and counts pending ones', () => {
    const clock = new Clock(0);
    const ran: string[] = [];
    const t = clock.schedule(5, label('x'), () => ran.push('x'));
    clock.schedule(6, label('y'), () => ran.push('y'));
    clock.cancel(t);
    expect(clock.pending()).toBe(1);
    clock.runUntil({});
    expect(ran).toEqual(['y']);
  });

  it('stops at a virtual time and advances to it', () => {
    const clock = new Clock(1000);
    let n = 0;
    const tick = () => {
      n++;
      clock.schedule(100, label('tick'), tick);
    };
    clock.schedule(0, label('tick'), tick);
    clock.runUntil({ time: 1450 });
    expect(n).toBe(5); // 1000, 1100, 1200, 1300, 1400
    expect(clock.now()).toBe(1450);
  });

  it('stops when a condition holds and exposes the running task', () => {
    const clock = new Clock(0);
    const seen: string[] = [];
    for (let i = 0; i < 10; i++) clock.schedule(i, label(`k${i}`), () => seen.push(clock.current!.key));
    clock.runUntil({ until: () => seen.length === 3 });
    expect(seen).toEqual(['k0', 'k1', 'k2']);
  });

  it('formats timestamps as Kubernetes does', () => {
    const clock = new Clock(Date.UTC(2025, 0, 2, 3, 4, 5, 678));
    expect(clock.timestamp()).toBe('2025-01-02T03:04:05Z');
    expect(clock.microTimestamp()).toBe('2025-01-02T03:04:05.678000Z');
  });
});

describe('Rng', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const sa = Array.from({ length: 5 }, () => a.nameSuffix(5));
    const sb = Array.from({ length: 5 }, () => b.nameSuffix(5));
    const sc = Array.from({ length: 5 }, () => c.nameSuffix(5));
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
    expect(sa.join('')).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
  });

  it('spreads ints over the range', () => {
    const r = new Rng(1);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[r.int(4)]++;
    for (const c of counts) expect(c).toBeGreaterThan(800);
  });
});

describe('ClockDriver', () => {
  function fakeWall() {
    let now = 0;
    const timers: { at: number; fn: () => void; id: number }[] = [];
    let id = 0;
    const wall: WallClock = {
      now: () => now,
      setTimeout: (fn, ms) => {
        timers.push({ at: now + ms, fn, id: ++id });
        return id;
      },
      clearTimeout: (h) => {
        const i = timers.findIndex((t) => t.id === h);
        if (i >= 0) timers.splice(i, 1);
      },
    };
    const advance = (ms: number) => {
      const end = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const t = timers[0];
        if (!t || t.at > end) break;
        timers.shift();
        now = Math.max(now, t.at);
        t.fn();
      }
      now = end;
    };
    return { wall, advance };
  }

  it('maps wall time to virtual time at the chosen speed', () => {
    const clock = new Clock(0);
    const { wall, advance } = fakeWall();
    const driver = new ClockDriver(clock, wall);
    const ran: number[] = [];
    clock.schedule(1000, label('a'), () => ran.push(clock.now()));
    clock.schedule(5000, label('b'), () => ran.push(clock.now()));
    driver.setMode({ kind: 'realtime', speed: 10 });
    advance(150); // 1.5 s virtual
    expect(ran).toEqual([1000]);
    advance(400); // 5.5 s virtual
    expect(ran).toEqual([1000, 5000]);
    driver.setMode({ kind: 'paused' });
    const before = clock.now();
    advance(1000);
    expect(clock.now()).toBe(before);
  });

  it('clamps speed to the supported range', () => {
    const driver = new ClockDriver(new Clock(0), fakeWall().wall);
    driver.setMode({ kind: 'realtime', speed: 5000 });
    expect(driver.mode).toEqual({ kind: 'realtime', speed: 1000 });
    driver.stop();
  });

  it('wakes at once for work that arrives while it sleeps, instead of after the planned wake-up', () => {
    const clock = new Clock(0);
    const { wall, advance } = fakeWall();
    const driver = new ClockDriver(clock, wall);
    const ran: string[] = [];
    clock.schedule(10_000, label('far'), () => ran.push('far'));
    driver.setMode({ kind: 'realtime', speed: 1 });
    advance(50); // sleeping: the next task is seconds away
    clock.schedule(0, label('now'), () => ran.push('now')); // an API request's follow-up work
    clock.schedule(0, label('also'), () => ran.push('also'));
    advance(1);
    expect(ran).toEqual(['now', 'also']);
    clock.schedule(100, label('soon'), () => ran.push('soon'));
    advance(97); // due 100 ms of virtual time after the last tick's time
    expect(ran).toEqual(['now', 'also']);
    advance(3);
    expect(ran).toEqual(['now', 'also', 'soon']);

    // Paused: nothing wakes it.
    driver.setMode({ kind: 'paused' });
    clock.schedule(0, label('held'), () => ran.push('held'));
    advance(500);
    expect(ran).toEqual(['now', 'also', 'soon']);

    // Fastest, idle between ticks: new work runs on the next turn.
    driver.setMode({ kind: 'fastest' });
    advance(1);
    expect(ran).toContain('held');
    advance(5);
    clock.schedule(0, label('late'), () => ran.push('late'));
    advance(0);
    expect(ran.at(-1)).toBe('late');
    driver.stop();
  });
});
