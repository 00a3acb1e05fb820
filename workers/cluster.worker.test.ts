import { describe, it, expect } from 'vitest';
import * as Comlink from 'comlink';
import { createClusterWorkerApi, BATCH_INTERVAL_MS, type BatchTimer } from './cluster.worker';
import type { Cluster, ClusterOptions } from './cluster';
import type { ApiRequest, ApiResponse, WatchEvent, WatchHandle } from './api/request';
import type { ClockMode } from './clock/driver';
import { wrapClusterEndpoint } from '../src/cluster/client';

/** Just enough of a Cluster to see what the worker does with it. */
function fakeCluster(opts: ClusterOptions = {}) {
  const watchers: Array<{ req: ApiRequest; emit: (e: WatchEvent) => void; stopped: boolean }> = [];
  const modes: ClockMode[] = [];
  let refuseWatch: ApiResponse | null = null;
  const cluster = {
    opts,
    clock: { epochMs: 1_735_689_600_000, now: () => 1_735_689_601_000 },
    driver: {
      mode: { kind: 'paused' } as ClockMode,
      setMode(m: ClockMode) {
        modes.push(m);
        this.mode = m;
      },
    },
    request(req: ApiRequest): ApiResponse {
      if (req.name === 'explode') throw new Error('kaboom');
      return { status: 200, body: { echo: req } };
    },
    watch(req: ApiRequest, emit: (e: WatchEvent) => void): WatchHandle | ApiResponse {
      if (refuseWatch) return refuseWatch;
      const w = { req, emit, stopped: false };
      watchers.push(w);
      return { stop: () => (w.stopped = true) };
    },
  };
  return {
    cluster: cluster as unknown as Cluster,
    raw: cluster,
    watchers,
    modes,
    refuse(res: ApiResponse) {
      refuseWatch = res;
    },
  };
}

function manualTimer() {
  let now = 0;
  let queue: Array<{ at: number; fn: () => void; id: number }> = [];
  let ids = 0;
  const timer: BatchTimer = {
    now: () => now,
    setTimeout(fn, ms) {
      const id = ++ids;
      queue.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout(h) {
      queue = queue.filter((t) => t.id !== h);
    },
  };
  return {
    timer,
    pending: () => queue.length,
    /** Advances time, running due timers in order. */
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        queue.sort((a, b) => a.at - b.at);
        const next = queue[0];
        if (!next || next.at > end) break;
        queue.shift();
        now = next.at;
        next.fn();
      }
      now = end;
    },
  };
}

const ev = (name: string): WatchEvent => ({ type: 'ADDED', object: { metadata: { name } } });
const namesOf = (batch: WatchEvent[]) => batch.map((e) => (e.object as { metadata: { name: string } }).metadata.name);
const flushPromises = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('cluster worker api', () => {
  it('start creates one cluster with the seed and runs it in real time at 1×', async () => {
    const fake = fakeCluster();
    let made = 0;
    const api = createClusterWorkerApi((o) => {
      made++;
      (fake.raw as { opts: ClusterOptions }).opts = o ?? {};
      return fake.cluster;
    });
    const first = api.start({ seed: 42 });
    const concurrent = api.start({ seed: 7 });
    await expect(first).resolves.toEqual({ seed: 42, epochMs: 1_735_689_600_000 });
    await expect(concurrent).resolves.toEqual({ seed: 42, epochMs: 1_735_689_600_000 });
    expect(fake.raw.opts).toEqual({ seed: 42 });
    expect(fake.modes).toEqual([{ kind: 'realtime', speed: 1 }]);
    await expect(api.start({ seed: 7 })).resolves.toEqual({ seed: 42, epochMs: 1_735_689_600_000 });
    expect(made).toBe(1);
  });

  it('refuses calls before the cluster exists', async () => {
    let resolve: (c: Cluster) => void = () => {};
    const api = createClusterWorkerApi(() => new Promise<Cluster>((r) => (resolve = r)));
    expect(() => api.request({ verb: 'list', group: '', version: 'v1', resource: 'nodes' })).toThrow(/not started/);
    const started = api.start();
    expect(() => api.request({ verb: 'list', group: '', version: 'v1', resource: 'nodes' })).toThrow(/not started/);
    resolve(fakeCluster().cluster);
    await started;
    expect(api.request({ verb: 'list', group: '', version: 'v1', resource: 'nodes' }).status).toBe(200);
  });

  it('a cluster that fails to build rejects start', async () => {
    const api = createClusterWorkerApi(() => Promise.reject(new Error('schema missing')));
    await expect(api.start()).rejects.toThrow('schema missing');
  });

  it('passes requests through and turns a thrown error into a 500 Status', async () => {
    const api = createClusterWorkerApi(() => fakeCluster().cluster);
    await api.start();
    expect(api.request({ verb: 'get', group: '', version: 'v1', resource: 'nodes', name: 'a' }).status).toBe(200);
    const res = api.request({ verb: 'get', group: '', version: 'v1', resource: 'nodes', name: 'explode' });
    expect(res).toEqual({
      status: 500,
      body: expect.objectContaining({ kind: 'Status', code: 500, reason: 'InternalError', message: 'Internal error occurred: kaboom' }),
    });
  });

  it('batches watch events: a burst goes out as one array, later ones wait out the interval', async () => {
    const fake = fakeCluster();
    const t = manualTimer();
    const api = createClusterWorkerApi(() => fake.cluster, t.timer);
    await api.start();
    const batches: WatchEvent[][] = [];
    api.watch({ verb: 'watch', group: '', version: 'v1', resource: 'nodes' }, (b) => void batches.push(b));
    const w = fake.watchers[0];
    for (const n of ['a', 'b', 'c']) w.emit(ev(n));
    expect(batches).toHaveLength(0);
    t.advance(0);
    expect(batches.map(namesOf)).toEqual([['a', 'b', 'c']]);
  });

  it('leaves managedFields out of watched objects only when asked, without touching the stored object', async () => {
    const fake = fakeCluster();
    const t = manualTimer();
    const api = createClusterWorkerApi(() => fake.cluster, t.timer);
    await api.start();
    const slim: WatchEvent[][] = [];
    const whole: WatchEvent[][] = [];
    api.watch({ verb: 'watch', group: '', version: 'v1', resource: 'pods' }, (b) => void slim.push(b), { omitManagedFields: true });
    api.watch({ verb: 'watch', group: '', version: 'v1', resource: 'pods' }, (b) => void whole.push(b));
    const stored = { metadata: { name: 'p', managedFields: [{ manager: 'kubectl' }] }, spec: { x: 1 } };
    const status = { kind: 'Status', code: 410 };
    for (const w of fake.watchers) {
      w.emit({ type: 'MODIFIED', object: stored });
      w.emit({ type: 'ADDED', object: { metadata: { name: 'q' } } });
      w.emit({ type: 'ERROR', object: status });
    }
    t.advance(0);
    expect(slim[0][0]).toEqual({ type: 'MODIFIED', object: { metadata: { name: 'p' }, spec: { x: 1 } } });
    expect(slim[0].slice(1)).toEqual([{ type: 'ADDED', object: { metadata: { name: 'q' } } }, { type: 'ERROR', object: status }]);
    expect(whole[0][0].object).toBe(stored);
    expect(stored.metadata.managedFields).toHaveLength(1);
  });

  it('sends at most one batch per interval', async () => {
    const fake = fakeCluster();
    const t = manualTimer();
    const api = createClusterWorkerApi(() => fake.cluster, t.timer);
    await api.start();
    const batches: WatchEvent[][] = [];
    api.watch({ verb: 'watch', group: '', version: 'v1', resource: 'nodes' }, (b) => void batches.push(b));
    const w = fake.watchers[0];
    w.emit(ev('a'));
    t.advance(0);
    await flushPromises();
    w.emit(ev('b'));
    t.advance(5);
    w.emit(ev('c'));
    t.advance(BATCH_INTERVAL_MS - 6);
    expect(batches).toHaveLength(1);
    t.advance(1);
    expect(batches.map(namesOf)).toEqual([['a'], ['b', 'c']]);
  });

  it('holds the next batch until the page has taken the previous one', async () => {
    const fake = fakeCluster();
    const t = manualTimer();
    const api = createClusterWorkerApi(() => fake.cluster, t.timer);
    await api.start();
    const batches: WatchEvent[][] = [];
    let release: () => void = () => {};
    api.watch({ verb: 'watch', group: '', version: 'v1', resource: 'nodes' }, (b) => {
      batches.push(b);
      return new Promise<void>((r) => (release = r));
    });
    const w = fake.watchers[0];
    w.emit(ev('a'));
    t.advance(0);
    for (let i = 0; i < 100; i++) w.emit(ev(`x${i}`));
    t.advance(1000);
    expect(batches).toHaveLength(1);
    release();
    await flushPromises();
    t.advance(0);
    expect(batches).toHaveLength(2);
    expect(batches[1]).toHaveLength(100);
  });

  it('delivers a refused watch as one ERROR event carrying its Status', async () => {
    const fake = fakeCluster();
    const t = manualTimer();
    const api = createClusterWorkerApi(() => fake.cluster, t.timer);
    await api.start();
    const gone = { kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version: 1 (50)' };
    fake.refuse({ status: 410, body: gone });
    const batches: WatchEvent[][] = [];
    api.watch({ verb: 'watch', group: '', version: 'v1', resource: 'nodes', query: { resourceVersion: '1' } }, (b) => void batches.push(b));
    t.advance(0);
    expect(batches).toEqual([[{ type: 'ERROR', object: gone }]]);
  });

  it('unwatch stops the cluster watch and drops pending events', async () => {
    const fake = fakeCluster();
    const t = manualTimer();
    const api = createClusterWorkerApi(() => fake.cluster, t.timer);
    await api.start();
    const batches: WatchEvent[][] = [];
    const id = api.watch({ verb: 'watch', group: '', version: 'v1', resource: 'nodes' }, (b) => void batches.push(b));
    fake.watchers[0].emit(ev('a'));
    api.unwatch(id);
    api.unwatch(id);
    t.advance(100);
    expect(fake.watchers[0].stopped).toBe(true);
    expect(batches).toHaveLength(0);
    expect(t.pending()).toBe(0);
  });

  it('stops a watch whose page side is gone', async () => {
    const fake = fakeCluster();
    const t = manualTimer();
    const api = createClusterWorkerApi(() => fake.cluster, t.timer);
    await api.start();
    api.watch({ verb: 'watch', group: '', version: 'v1', resource: 'nodes' }, () => Promise.reject(new Error('proxy released')));
    fake.watchers[0].emit(ev('a'));
    t.advance(0);
    await flushPromises();
    expect(fake.watchers[0].stopped).toBe(true);
  });

  it('setMode and clock reach the driver', async () => {
    const fake = fakeCluster();
    const api = createClusterWorkerApi(() => fake.cluster);
    await api.start();
    api.setMode({ kind: 'paused' });
    expect(fake.modes.at(-1)).toEqual({ kind: 'paused' });
    expect(api.clock()).toEqual({ now: 1_735_689_601_000, mode: { kind: 'paused' } });
  });
});

describe('cluster worker over comlink', () => {
  it('the page client starts the cluster, requests, and receives watch batches', async () => {
    const fake = fakeCluster();
    let startedWith: ClusterOptions | undefined;
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(
      createClusterWorkerApi((o) => {
        startedWith = o;
        return fake.cluster;
      }),
      port1,
    );
    const client = wrapClusterEndpoint(port2, { seed: 9 });
    try {
      await expect(client.started).resolves.toMatchObject({ seed: 9 });
      expect(startedWith).toEqual({ seed: 9 });
      const res = await client.request({ verb: 'list', group: '', version: 'v1', resource: 'namespaces' });
      expect(res.body).toMatchObject({ echo: { userAgent: 'kube-playground-ui', resource: 'namespaces' } });

      const got: WatchEvent[][] = [];
      const arrived = new Promise<void>((resolve) => {
        void client
          .watch({ verb: 'watch', group: '', version: 'v1', resource: 'namespaces' }, (b) => {
            got.push(b);
            resolve();
          })
          .then(() => {
            fake.watchers[0].emit(ev('default'));
            fake.watchers[0].emit(ev('kube-system'));
          });
      });
      await arrived;
      expect(got.map(namesOf)).toEqual([['default', 'kube-system']]);
    } finally {
      client.close();
      port1.close();
    }
  });
});
