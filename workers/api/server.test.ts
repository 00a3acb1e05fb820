import { beforeEach, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../cluster';
import type { ApiRequest, WatchEvent } from './request';

let c: Cluster;
beforeEach(async () => {
  c = await createCluster({ seed: 2 });
  c.clock.runUntil({ time: c.clock.now() + 1000 });
});

const cm = (name: string, data: Record<string, string> = { a: '1' }, labels?: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default', ...(labels ? { labels } : {}) },
  data,
});
const req = (r: Partial<ApiRequest>): ApiRequest => ({ verb: 'get', group: '', version: 'v1', resource: 'configmaps', namespace: 'default', userAgent: 'test', ...r });
const body = <T = Record<string, unknown>>(r: { body: unknown }) => r.body as T;

describe('ApiServer', () => {
  it('refuses an invalid object with 422 and field causes, changing nothing', () => {
    const before = c.store.revision;
    const r = c.request(req({ verb: 'create', body: { ...cm('Bad_Name') } }));
    expect(r.status).toBe(422);
    expect(body<{ reason: string; details: { causes: { field: string }[] } }>(r)).toMatchObject({ reason: 'Invalid', details: { causes: [{ field: 'metadata.name' }] } });
    expect(c.store.revision).toBe(before);
  });

  it('answers a stale resourceVersion with 409 Conflict', () => {
    const created = body<{ metadata: { resourceVersion: string } }>(c.request(req({ verb: 'create', body: cm('x') })));
    expect(c.request(req({ verb: 'update', name: 'x', body: { ...cm('x', { a: '2' }), metadata: { name: 'x', namespace: 'default', resourceVersion: created.metadata.resourceVersion } } })).status).toBe(200);
    const stale = c.request(req({ verb: 'update', name: 'x', body: { ...cm('x', { a: '3' }), metadata: { name: 'x', namespace: 'default', resourceVersion: created.metadata.resourceVersion } } }));
    expect(stale.status).toBe(409);
    expect(body<{ message: string }>(stale).message).toBe(
      'Operation cannot be fulfilled on configmaps "x": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('does not bump resourceVersion for an update that changes nothing', () => {
    const created = body<{ metadata: { resourceVersion: string } }>(c.request(req({ verb: 'create', body: cm('same') })));
    const again = body<{ metadata: { resourceVersion: string } }>(c.request(req({ verb: 'update', name: 'same', body: cm('same') })));
    expect(again.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
  });

  it('generates names and honours dry run', () => {
    const r = c.request(req({ verb: 'create', body: { ...cm(''), metadata: { generateName: 'gen-', namespace: 'default' } } }));
    expect(body<{ metadata: { name: string } }>(r).metadata.name).toMatch(/^gen-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const before = c.store.revision;
    const dry = c.request(req({ verb: 'create', body: cm('dry'), query: { dryRun: 'All' } }));
    expect(dry.status).toBe(201);
    expect(c.store.revision).toBe(before);
    expect(c.request(req({ name: 'dry' })).status).toBe(404);
  });

  it('pages lists with limit and continue, and filters by selectors', () => {
    for (let i = 0; i < 5; i++) c.request(req({ verb: 'create', body: cm(`p${i}`, {}, { tier: i % 2 ? 'odd' : 'even' }) }));
    const first = body<{ items: { metadata: { name: string } }[]; metadata: { continue: string; remainingItemCount: number } }>(c.request(req({ verb: 'list', query: { limit: '2' } })));
    expect(first.items.map((i) => i.metadata.name)).toEqual(['kube-root-ca.crt', 'p0']);
    expect(first.metadata.remainingItemCount).toBe(4);
    const second = body<{ items: { metadata: { name: string } }[] }>(c.request(req({ verb: 'list', query: { limit: '2', continue: first.metadata.continue } })));
    expect(second.items.map((i) => i.metadata.name)).toEqual(['p1', 'p2']);
    const odd = body<{ items: { metadata: { name: string } }[] }>(c.request(req({ verb: 'list', query: { labelSelector: 'tier=odd' } })));
    expect(odd.items.map((i) => i.metadata.name)).toEqual(['p1', 'p3']);
    const bad = c.request(req({ verb: 'list', query: { labelSelector: 'tier in (' } }));
    expect(bad.status).toBe(400);
    const byName = body<{ items: unknown[] }>(c.request(req({ verb: 'list', query: { fieldSelector: 'metadata.name=p4' } })));
    expect(byName.items).toHaveLength(1);
  });

  it('honours delete preconditions and foreground propagation', () => {
    const created = body<{ metadata: { uid: string } }>(c.request(req({ verb: 'create', body: cm('d') })));
    const wrong = c.request(req({ verb: 'delete', name: 'd', body: { preconditions: { uid: 'nope' } } }));
    expect(wrong.status).toBe(409);
    const fg = c.request(req({ verb: 'delete', name: 'd', body: { propagationPolicy: 'Foreground', preconditions: { uid: created.metadata.uid } } }));
    expect(fg.status).toBe(200);
    const live = body<{ metadata: { finalizers: string[]; deletionTimestamp: string } }>(c.request(req({ name: 'd' })));
    expect(live.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(live.metadata.deletionTimestamp).toBeTruthy();
  });

  it('replays a watch from a resourceVersion and answers a compacted one with 410', () => {
    const rv = c.store.revision;
    c.request(req({ verb: 'create', body: cm('w1') }));
    const seen: WatchEvent[] = [];
    const h = c.watch(req({ verb: 'watch', query: { resourceVersion: String(rv) } }), (e) => seen.push(e));
    expect('stop' in h).toBe(true);
    expect(seen.map((e) => e.type)).toEqual(['ADDED']);
    c.store.compact(c.store.revision);
    const old: WatchEvent[] = [];
    c.watch(req({ verb: 'watch', query: { resourceVersion: String(rv) } }), (e) => old.push(e));
    expect(old[0].type).toBe('ERROR');
    expect(old[0].object).toMatchObject({ code: 410, reason: 'Expired' });
  });

  it('refuses new content in a terminating namespace', () => {
    c.request({ verb: 'create', group: '', version: 'v1', resource: 'namespaces', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'going' } } });
    c.request({ verb: 'delete', group: '', version: 'v1', resource: 'namespaces', name: 'going' });
    const ns = body<{ status: { phase: string } }>(c.request({ verb: 'get', group: '', version: 'v1', resource: 'namespaces', name: 'going' }));
    expect(ns.status.phase).toBe('Terminating');
    const r = c.request(req({ verb: 'create', namespace: 'going', body: { ...cm('x'), metadata: { name: 'x', namespace: 'going' } } }));
    expect(r.status).toBe(403);
    expect(body<{ message: string }>(r).message).toBe('configmaps "x" is forbidden: unable to create new content in namespace going because it is being terminated');
  });

  it('never lets a broken body take the server down', () => {
    for (const b of [null, 42, 'text', [], { kind: 'ConfigMap' }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: 'x' }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'y' }, data: [1, 2] }]) {
      const r = c.request(req({ verb: 'create', body: b }));
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
  });
});
