import { describe, it, expect } from 'vitest';
import type { ApiRequest, ApiResponse } from '../../workers/api/request';
import { MetricsPoller, NODE_METRICS, podMetricsRequest, type PollerDeps } from './metricsPoller';

function fakeDeps(respond: (req: ApiRequest) => ApiResponse = () => ({ status: 200, body: { items: [] } })) {
  const calls: ApiRequest[] = [];
  const timers = new Set<number>();
  let next = 1;
  const state = { now: 0, suspended: false };
  const deps: PollerDeps = {
    request: async (req) => {
      calls.push(req);
      return respond(req);
    },
    now: async () => state.now,
    suspended: () => state.suspended,
    setInterval: () => {
      const id = next++;
      timers.add(id);
      return id;
    },
    clearInterval: (h) => void timers.delete(h as number),
  };
  return { deps, calls, timers, state };
}

describe('MetricsPoller', () => {
  it('fetches at once, then once per 15 s of virtual time', async () => {
    const f = fakeDeps();
    const p = new MetricsPoller(f.deps);
    let changes = 0;
    p.subscribe(NODE_METRICS, () => changes++);
    await p.tick();
    expect(f.calls).toHaveLength(1);
    expect(p.state(NODE_METRICS)).toMatchObject({ phase: 'ok', body: { items: [] }, fetchedAt: 0 });
    expect(changes).toBe(1);
    f.state.now = 14_999;
    await p.tick();
    expect(f.calls).toHaveLength(1);
    f.state.now = 15_000;
    await p.tick();
    expect(f.calls).toHaveLength(2);
  });

  it('asks nothing while suspended or paused, and stops its timer with the last subscriber', async () => {
    const f = fakeDeps();
    const p = new MetricsPoller(f.deps);
    f.state.suspended = true;
    const off1 = p.subscribe(NODE_METRICS, () => {});
    const off2 = p.subscribe(podMetricsRequest('default', 'web'), () => {});
    await p.tick();
    expect(f.calls).toHaveLength(0);
    expect(p.running).toBe(true);
    expect(f.timers.size).toBe(1);
    off1();
    expect(p.running).toBe(true);
    off2();
    expect(p.running).toBe(false);
    expect(f.timers.size).toBe(0);
    f.state.suspended = false;
    await p.tick();
    expect(f.calls).toHaveLength(0);
  });

  it('reports an unavailable API and keeps the last good numbers', async () => {
    let status = 200;
    const f = fakeDeps(() => (status === 200 ? { status, body: { items: [1] } } : { status, body: 'service unavailable\n' }));
    const p = new MetricsPoller(f.deps);
    p.subscribe(NODE_METRICS, () => {});
    await p.tick();
    status = 503;
    f.state.now = 20_000;
    await p.tick();
    expect(p.state(NODE_METRICS)).toEqual({ phase: 'unavailable', code: 503, message: 'service unavailable', body: { items: [1] }, fetchedAt: 0 });
  });

  it('survives a request that throws, and shares one entry per request', async () => {
    const f = fakeDeps(() => {
      throw new Error('worker gone');
    });
    const p = new MetricsPoller(f.deps);
    p.subscribe(podMetricsRequest('a', 'b'), () => {});
    p.subscribe(podMetricsRequest('a', 'b'), () => {});
    await p.tick();
    expect(f.calls).toHaveLength(1);
    expect(p.state(podMetricsRequest('a', 'b'))).toEqual({ phase: 'unavailable', code: 0, message: 'worker gone' });
  });

  it('fetches again when the clock went back (a replayed cluster)', async () => {
    const f = fakeDeps();
    const p = new MetricsPoller(f.deps);
    f.state.now = 100_000;
    p.subscribe(NODE_METRICS, () => {});
    await p.tick();
    f.state.now = 5_000;
    await p.tick();
    expect(f.calls).toHaveLength(2);
  });
});
