import { describe, expect, it } from 'vitest';
import { Clock } from '../clock/clock';
import { CONTROLLER_REACTION_MS, WorkQueue } from './workqueue';

describe('WorkQueue', () => {
  it('runs a key once however often it was added while waiting', () => {
    const clock = new Clock(0);
    const runs: string[] = [];
    const q = new WorkQueue(clock, (k) => void runs.push(k), { component: 'test' });
    q.add('a');
    q.add('a');
    q.add('b');
    q.add('a');
    clock.runUntil({});
    expect(runs).toEqual(['a', 'b']);
  });

  it('labels each run as a clock task of its component', () => {
    const clock = new Clock(0);
    const seen: string[] = [];
    clock.onTask((t) => seen.push(`${t.component} ${t.key} ${t.what}`));
    const q = new WorkQueue(clock, () => {}, { component: 'replicaset-controller' });
    q.add('default/web');
    clock.runUntil({});
    expect(seen).toEqual(['replicaset-controller default/web sync']);
  });

  it('backs off exponentially on errors and forgets on success', () => {
    const clock = new Clock(0);
    const times: number[] = [];
    let fail = 4;
    const q = new WorkQueue(clock, () => {
      times.push(clock.now());
      return fail-- > 0 ? { error: 'boom' } : undefined;
    }, { component: 'c', baseDelayMs: 10 });
    q.add('k');
    clock.runUntil({});
    expect(times).toEqual([0, 10, 30, 70, 150]);
    expect(q.numRequeues('k')).toBe(0);
  });

  it('keeps the earlier of two delayed adds and honours requeueAfter', () => {
    const clock = new Clock(0);
    const times: number[] = [];
    let n = 0;
    const q = new WorkQueue(clock, () => {
      times.push(clock.now());
      return n++ === 0 ? { requeueAfter: 500 } : undefined;
    }, { component: 'c' });
    q.addAfter('k', 100);
    q.addAfter('k', 50);
    q.addAfter('k', 200);
    clock.runUntil({});
    expect(times).toEqual([50, 550]);
  });

  it('coalesces a burst of adds within the reaction time into one sync', () => {
    const clock = new Clock(0);
    const times: number[] = [];
    const q = new WorkQueue(clock, () => void times.push(clock.now()), { component: 'c', latencyMs: CONTROLLER_REACTION_MS });
    // 100 events for one key, one per task, as a burst of pod updates arrives.
    for (let i = 0; i < 100; i++) clock.schedule(0, { component: 'kubelet', key: `p${i}`, what: 'sync' }, () => q.add('rs'));
    clock.runUntil({});
    expect(times).toEqual([CONTROLLER_REACTION_MS]);
    q.add('rs');
    clock.runUntil({});
    expect(times).toEqual([CONTROLLER_REACTION_MS, 2 * CONTROLLER_REACTION_MS]);
  });
});
