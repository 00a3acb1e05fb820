import { describe, it, expect } from 'vitest';
import type { ApiRequest, ApiResponse, WatchEvent } from '../../workers/api/request';
import { startReflector } from './reflector';
import { NAMESPACES } from './resources';
import type { ObjectChange } from './store';

/** A scripted API: list answers in order, watches recorded so tests can push events into them. */
function fakeClient(lists: ApiResponse[]) {
  const requests: ApiRequest[] = [];
  const watches: Array<{ req: ApiRequest; push: (events: WatchEvent[]) => void; stopped: boolean }> = [];
  const client = {
    async request(req: ApiRequest): Promise<ApiResponse> {
      requests.push(req);
      const next = lists.shift();
      if (!next) throw new Error('no more lists scripted');
      return next;
    },
    async watch(req: ApiRequest, onEvents: (events: WatchEvent[]) => void) {
      const w = { req, push: onEvents, stopped: false };
      watches.push(w);
      return () => {
        w.stopped = true;
      };
    },
  };
  return { client, requests, watches };
}

function manualTimers() {
  const due: Array<() => void> = [];
  return {
    due,
    timers: {
      setTimeout: (fn: () => void) => due.push(fn),
      clearTimeout: () => {},
    },
  };
}

const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

const nsList = (rv: string, ...names: string[]): ApiResponse => ({
  status: 200,
  body: { kind: 'NamespaceList', apiVersion: 'v1', metadata: { resourceVersion: rv }, items: names.map((n) => ({ metadata: { name: n, uid: n } })) },
});

const nsEvent = (type: WatchEvent['type'], name: string): WatchEvent => ({
  type,
  object: { kind: 'Namespace', apiVersion: 'v1', metadata: { name, uid: name } },
});

const names = (c: ObjectChange) => (c.type === 'replace' ? c.objects.map((o) => o.metadata.name) : [c.object.metadata.name]);

describe('startReflector', () => {
  it('lists, then watches from the list resourceVersion, emitting store changes', async () => {
    const { client, requests, watches } = fakeClient([nsList('7', 'default', 'kube-system')]);
    const emitted: ObjectChange[][] = [];
    startReflector({ client, spec: NAMESPACES, emit: (c) => emitted.push(c) });
    await settle();
    expect(requests[0]).toMatchObject({ verb: 'list', group: '', version: 'v1', resource: 'namespaces' });
    expect(emitted[0][0]).toMatchObject({ type: 'replace', kind: 'Namespace' });
    // List items come without kind/apiVersion; the store gets them filled in.
    expect(emitted[0][0].type === 'replace' && emitted[0][0].objects[0]).toMatchObject({ kind: 'Namespace', apiVersion: 'v1' });
    expect(watches[0].req).toMatchObject({ verb: 'watch', resource: 'namespaces', query: { resourceVersion: '7' } });
    // The page asks for no bookmarks: they would be tasks on the cluster's clock, part of the history it shows.
    expect(watches[0].req.query?.allowWatchBookmarks).toBeUndefined();

    watches[0].push([nsEvent('ADDED', 'a'), nsEvent('BOOKMARK', ''), nsEvent('MODIFIED', 'a'), nsEvent('DELETED', 'default')]);
    expect(emitted[1].map((c) => c.type)).toEqual(['upsert', 'upsert', 'delete']);
    expect(emitted[1].flatMap(names)).toEqual(['a', 'a', 'default']);
  });

  it('keeps no managedFields from list items, as the page\'s watches carry none', async () => {
    const item = { metadata: { name: 'a', uid: 'a', managedFields: [{ manager: 'kubectl' }] } };
    const { client } = fakeClient([{ status: 200, body: { metadata: { resourceVersion: '3' }, items: [item, { metadata: { name: 'b', uid: 'b' } }] } }]);
    const emitted: ObjectChange[][] = [];
    startReflector({ client, spec: NAMESPACES, emit: (c) => emitted.push(c) });
    await settle();
    const first = emitted[0][0];
    expect(first.type === 'replace' && first.objects.map((o) => o.metadata)).toEqual([{ name: 'a', uid: 'a' }, { name: 'b', uid: 'b' }]);
    expect(item.metadata.managedFields).toHaveLength(1);
  });

  it('relists and rewatches when the watch ends with 410 Gone', async () => {
    const { client, watches } = fakeClient([nsList('7', 'default'), nsList('42', 'default', 'b')]);
    const emitted: ObjectChange[][] = [];
    startReflector({ client, spec: NAMESPACES, emit: (c) => emitted.push(c) });
    await settle();
    watches[0].push([nsEvent('ADDED', 'a'), { type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version' } }]);
    await settle();
    expect(watches[0].stopped).toBe(true);
    expect(emitted.map((b) => b[0].type)).toEqual(['replace', 'upsert', 'replace']);
    expect(emitted[2].flatMap(names)).toEqual(['default', 'b']);
    expect(watches[1].req.query?.resourceVersion).toBe('42');
    // Events still arriving on the abandoned watch are ignored.
    watches[0].push([nsEvent('ADDED', 'late')]);
    expect(emitted).toHaveLength(3);
  });

  it('reports a failed list and retries after a delay', async () => {
    const failed: ApiResponse = { status: 403, body: { kind: 'Status', code: 403, message: 'namespaces is forbidden' } };
    const { client, watches } = fakeClient([failed, nsList('3', 'default')]);
    const { due, timers } = manualTimers();
    const errors: string[] = [];
    const emitted: ObjectChange[][] = [];
    startReflector({ client, spec: NAMESPACES, emit: (c) => emitted.push(c), onError: (m) => errors.push(m), timers });
    await settle();
    expect(errors).toEqual(['list namespaces: namespaces is forbidden']);
    expect(emitted).toHaveLength(0);
    expect(due).toHaveLength(1);
    due[0]();
    await settle();
    expect(emitted[0][0].type).toBe('replace');
    expect(watches).toHaveLength(1);
  });

  it('treats a malformed list body and a thrown request as errors', async () => {
    const { client } = fakeClient([{ status: 200, body: { items: 'nope' } }]);
    const errors: string[] = [];
    const { timers } = manualTimers();
    startReflector({ client, spec: NAMESPACES, emit: () => {}, onError: (m) => errors.push(m), timers });
    await settle();
    expect(errors[0]).toMatch(/^list namespaces: HTTP 200/);

    const empty = fakeClient([]);
    const errors2: string[] = [];
    startReflector({ client: empty.client, spec: NAMESPACES, emit: () => {}, onError: (m) => errors2.push(m), timers });
    await settle();
    expect(errors2[0]).toMatch(/no more lists scripted/);
  });

  it('a non-410 watch error is reported and retried', async () => {
    const { client, watches } = fakeClient([nsList('1'), nsList('2')]);
    const { due, timers } = manualTimers();
    const errors: string[] = [];
    startReflector({ client, spec: NAMESPACES, emit: () => {}, onError: (m) => errors.push(m), timers });
    await settle();
    watches[0].push([{ type: 'ERROR', object: { kind: 'Status', code: 500, message: 'boom' } }]);
    expect(errors).toEqual(['watch namespaces: boom']);
    expect(watches[0].stopped).toBe(true);
    due[0]();
    await settle();
    expect(watches).toHaveLength(2);
  });

  it('stop ends the watch and drops later events', async () => {
    const { client, watches } = fakeClient([nsList('1', 'default')]);
    const emitted: ObjectChange[][] = [];
    const r = startReflector({ client, spec: NAMESPACES, emit: (c) => emitted.push(c) });
    await settle();
    r.stop();
    expect(watches[0].stopped).toBe(true);
    watches[0].push([nsEvent('ADDED', 'x')]);
    expect(emitted).toHaveLength(1);
  });
});
