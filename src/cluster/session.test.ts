import { describe, it, expect } from 'vitest';
import type { ApiRequest, ApiResponse, WatchEvent } from '../../workers/api/request';
import type { ClusterClient } from './client';
import { NAMESPACES, PODS } from './resources';
import { startClusterSession } from './session';
import type { TimelineClient } from './timelineClient';

const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

/** A cluster whose present has pods `now-*` and whose revision 5 had pod `old-1`. */
function fakeClient() {
  const requests: ApiRequest[] = [];
  const watches: Array<{ req: ApiRequest; push: (e: WatchEvent[]) => void; stopped: boolean }> = [];
  const items = (req: ApiRequest) => {
    const past = req.query?.resourceVersionMatch === 'Exact';
    if (req.resource === 'pods') return (past ? ['old-1'] : ['now-1', 'now-2']).map((n) => ({ metadata: { name: n, uid: n, namespace: 'default' } }));
    return [{ metadata: { name: 'default', uid: 'ns-default' } }];
  };
  const client: ClusterClient = {
    started: Promise.resolve({ epochMs: 0 }),
    timeline: {} as TimelineClient,
    async request(req) {
      requests.push(req);
      if (req.verb === 'list') return { status: 200, body: { metadata: { resourceVersion: '77' }, items: items(req) } } as ApiResponse;
      return { status: 201, body: {} };
    },
    async watch(req, onEvents) {
      const w = { req, push: onEvents, stopped: false };
      watches.push(w);
      return () => {
        w.stopped = true;
      };
    },
    async setMode() {},
    async clock() {
      return { now: 0, mode: { kind: 'paused' } };
    },
    close() {},
  };
  return { client, requests, watches };
}

const frames: Array<() => void> = [];
const schedule = (f: () => void) => frames.push(f);
const runFrames = () => {
  while (frames.length) frames.shift()!();
};
const podNames = (s: ReturnType<typeof startClusterSession>) => [...(s.store.getState().objects.Pod?.values() ?? [])].map((p) => p.metadata.name).sort();

describe('cluster session time travel', () => {
  it('scrubbing lists every kind at the revision and stops watching; back to live watches again', async () => {
    const { client, requests, watches } = fakeClient();
    const s = startClusterSession(client, [PODS, NAMESPACES], schedule);
    await settle();
    runFrames();
    expect(podNames(s)).toEqual(['now-1', 'now-2']);
    expect(watches).toHaveLength(2);

    s.store.getState().travelTo({ type: 'scrub', revision: 5, time: 1000, latest: 77 });
    expect(watches.every((w) => w.stopped)).toBe(true);
    expect(s.store.getState().travel.status).toEqual({ phase: 'loading', revision: 5 });
    await settle();
    expect(podNames(s)).toEqual(['old-1']);
    expect(s.store.getState().travel.status).toEqual({ phase: 'ready' });
    expect(requests.filter((r) => r.query?.resourceVersionMatch === 'Exact').map((r) => r.query?.resourceVersion)).toEqual(['5', '5']);

    // A live event that arrives on a stopped watch changes nothing.
    watches[0].push([{ type: 'ADDED', object: { metadata: { name: 'late', uid: 'late', namespace: 'default' } } }]);
    runFrames();
    expect(podNames(s)).toEqual(['old-1']);

    s.store.getState().travelTo({ type: 'live' });
    await settle();
    runFrames();
    expect(podNames(s)).toEqual(['now-1', 'now-2']);
    expect(watches.filter((w) => !w.stopped)).toHaveLength(2);
    s.stop();
  });

  it('while in the past, panels read lists at that revision and cannot write', async () => {
    const { client, requests } = fakeClient();
    const s = startClusterSession(client, [PODS], schedule);
    await settle();
    s.store.getState().travelTo({ type: 'scrub', revision: 5, time: 1000, latest: 77 });
    await settle();
    const before = requests.length;
    const created = await s.client.request({ verb: 'create', group: '', version: 'v1', resource: 'pods', namespace: 'default', body: {} });
    expect(created.status).toBe(409);
    expect((created.body as { message: string }).message).toMatch(/revision 5/);
    expect(requests.length).toBe(before);
    await s.client.request({ verb: 'list', group: 'apps', version: 'v1', resource: 'deployments', query: { labelSelector: 'a=b' } });
    expect(requests.at(-1)?.query).toEqual({ labelSelector: 'a=b', resourceVersion: '5', resourceVersionMatch: 'Exact' });

    s.store.getState().travelTo({ type: 'live' });
    await s.client.request({ verb: 'list', group: '', version: 'v1', resource: 'pods' });
    expect(requests.at(-1)?.query).toBeUndefined();
    expect((await s.client.request({ verb: 'create', group: '', version: 'v1', resource: 'pods', body: {} })).status).toBe(201);
    s.stop();
  });

  it('a failed past read says why and keeps showing what it had', async () => {
    const { client } = fakeClient();
    const original = client.request;
    client.request = async (req) =>
      req.query?.resourceVersionMatch === 'Exact' ? { status: 410, body: { kind: 'Status', code: 410, message: 'compacted' } } : original(req);
    const s = startClusterSession(client, [PODS], schedule);
    await settle();
    runFrames();
    s.store.getState().travelTo({ type: 'scrub', revision: 2, time: 0, latest: 77 });
    await settle();
    expect(s.store.getState().travel.status).toEqual({ phase: 'failed', message: 'list pods at revision 2: compacted' });
    expect(podNames(s)).toEqual(['now-1', 'now-2']);
    s.stop();
  });
});
