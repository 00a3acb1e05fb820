import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../cluster';
import type { KubeObject } from '../../api/object';
import { startGarbageCollector, type GarbageCollector } from './garbageCollector';
import { clusterWith, create, list, ok, ownerRef, pod, req, settle, tryGet } from '../testing/lifecycle';

// The owner is a ConfigMap: no controller manages it, so only the collector acts on its pods
// (a ReplicaSet would have the ReplicaSet controller deleting or adopting them too).
const ownerBody = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' } });

async function setup(): Promise<{ c: Cluster; gc: GarbageCollector; rs: KubeObject }> {
  const { c, started } = await clusterWith((ctx, cl) => startGarbageCollector(ctx, cl.api.deps.registry));
  const rs = create(c, '', 'configmaps', ownerBody('web'));
  for (const n of ['web-a', 'web-b']) create(c, '', 'pods', pod(n, { labels: { app: 'web' }, owners: [ownerRef(rs, { controller: true, block: true })] }));
  settle(c);
  return { c, gc: started[0], rs };
}

const podNames = (c: Cluster) => list(c, '', 'v1', 'pods', 'default').map((p) => p.metadata.name).sort();
const del = (c: Cluster, name: string, propagationPolicy?: string) =>
  ok(req(c, { verb: 'delete', group: '', version: 'v1', resource: 'configmaps', namespace: 'default', name, body: propagationPolicy ? { propagationPolicy } : undefined }));

describe('garbage collector', () => {
  it('watches every deletable resource except events', async () => {
    const { gc } = await setup();
    const m = gc.monitoredResources();
    expect(m).toEqual(expect.arrayContaining(['/pods', 'apps/replicasets', 'apps/deployments', '/configmaps', 'coordination.k8s.io/leases', '/namespaces']));
    expect(m).not.toContain('/events');
    expect(m).not.toContain('events.k8s.io/events');
  });

  it('background deletion: dependents of a deleted owner are deleted after it', async () => {
    const { c, rs, gc } = await setup();
    expect(gc.graph.node(rs.metadata.uid!)?.dependents.size).toBe(2);
    del(c, 'web');
    expect(tryGet(c, '', 'v1', 'configmaps', 'default', 'web')).toBeUndefined();
    expect(podNames(c)).toEqual(['web-a', 'web-b']);
    settle(c);
    expect(podNames(c)).toEqual([]);
    expect(gc.graph.node(rs.metadata.uid!)).toBeUndefined();
  });

  it('foreground deletion: the owner waits in deletion until its blocking dependents are gone', async () => {
    const { c, rs } = await setup();
    // A finalizer on one pod keeps it (and so the owner) around.
    ok(req(c, { verb: 'patch', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'web-a', contentType: 'application/merge-patch+json', body: { metadata: { finalizers: ['example.com/hold'] } } }));
    del(c, 'web', 'Foreground');
    const owner = tryGet(c, '', 'v1', 'configmaps', 'default', 'web')!;
    expect(owner.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(owner.metadata.deletionTimestamp).toBeDefined();
    settle(c);
    expect(podNames(c)).toEqual(['web-a']);
    expect(tryGet(c, '', 'v1', 'pods', 'default', 'web-a')!.metadata.deletionTimestamp).toBeDefined();
    expect(tryGet(c, '', 'v1', 'configmaps', 'default', 'web')?.metadata.uid).toBe(rs.metadata.uid);
    ok(req(c, { verb: 'patch', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'web-a', contentType: 'application/merge-patch+json', body: { metadata: { finalizers: null } } }));
    settle(c);
    expect(podNames(c)).toEqual([]);
    expect(tryGet(c, '', 'v1', 'configmaps', 'default', 'web')).toBeUndefined();
  });

  it('foreground deletion does not wait for dependents that do not block it', async () => {
    const { c } = await clusterWith((ctx, cl) => startGarbageCollector(ctx, cl.api.deps.registry));
    const rs = create(c, '', 'configmaps', ownerBody('web'));
    create(c, '', 'pods', pod('loose', { owners: [ownerRef(rs, { block: false })], spec: {} }));
    ok(req(c, { verb: 'patch', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'loose', contentType: 'application/merge-patch+json', body: { metadata: { finalizers: ['example.com/hold'] } } }));
    del(c, 'web', 'Foreground');
    settle(c);
    expect(tryGet(c, '', 'v1', 'configmaps', 'default', 'web')).toBeUndefined();
    expect(tryGet(c, '', 'v1', 'pods', 'default', 'loose')!.metadata.deletionTimestamp).toBeDefined();
  });

  it('orphan deletion: dependents lose the owner reference and stay', async () => {
    const { c } = await setup();
    del(c, 'web', 'Orphan');
    expect(tryGet(c, '', 'v1', 'configmaps', 'default', 'web')?.metadata.finalizers).toEqual(['orphan']);
    settle(c);
    expect(tryGet(c, '', 'v1', 'configmaps', 'default', 'web')).toBeUndefined();
    const pods = list(c, '', 'v1', 'pods', 'default');
    expect(pods.map((p) => p.metadata.name).sort()).toEqual(['web-a', 'web-b']);
    for (const p of pods) {
      // (The API server keeps an emptied list as []; Go's omitempty would drop it.)
      expect(p.metadata.ownerReferences ?? []).toEqual([]);
      expect(p.metadata.deletionTimestamp).toBeUndefined();
    }
  });

  it('cascades the deletion of a ReplicaSet to the pods it owns', async () => {
    const { c } = await clusterWith((ctx, cl) => startGarbageCollector(ctx, cl.api.deps.registry));
    const labels = { app: 'api' };
    const rs = create(c, 'apps', 'replicasets', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'api', namespace: 'default' },
      spec: { replicas: 2, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } },
    });
    for (const n of ['api-1', 'api-2']) create(c, '', 'pods', pod(n, { labels, owners: [ownerRef(rs, { controller: true, block: true })] }));
    settle(c);
    ok(req(c, { verb: 'delete', group: 'apps', version: 'v1', resource: 'replicasets', namespace: 'default', name: 'api', body: { propagationPolicy: 'Foreground' } }));
    settle(c);
    expect(list(c, '', 'v1', 'pods', 'default').filter((p) => p.metadata.labels?.app === 'api')).toEqual([]);
    expect(tryGet(c, 'apps', 'v1', 'replicasets', 'default', 'api')).toBeUndefined();
  });

  it('deletes a dependent whose only owner never existed, keeps one with a live second owner', async () => {
    const { c } = await clusterWith((ctx, cl) => startGarbageCollector(ctx, cl.api.deps.registry));
    const cm = create(c, '', 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'keep', namespace: 'default' } });
    const ghost = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'ghost', uid: '00000000-0000-4000-8000-000000000001' };
    create(c, '', 'pods', pod('orphaned', { owners: [ghost] }));
    create(c, '', 'pods', pod('shared', { owners: [ghost, ownerRef(cm)] }));
    settle(c);
    expect(tryGet(c, '', 'v1', 'pods', 'default', 'orphaned')).toBeUndefined();
    const shared = tryGet(c, '', 'v1', 'pods', 'default', 'shared')!;
    // The dangling reference is removed; the solid one stays.
    expect(shared.metadata.ownerReferences).toEqual([ownerRef(cm)]);
  });

  it('treats an owner with the same name but another uid as gone', async () => {
    const { c } = await clusterWith((ctx, cl) => startGarbageCollector(ctx, cl.api.deps.registry));
    create(c, '', 'configmaps', ownerBody('web'));
    create(c, '', 'pods', pod('stale', { owners: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: '00000000-0000-4000-8000-00000000abcd' }] }));
    settle(c);
    expect(tryGet(c, '', 'v1', 'pods', 'default', 'stale')).toBeUndefined();
    expect(tryGet(c, '', 'v1', 'configmaps', 'default', 'web')).toBeDefined();
  });

  it('does not delete a namespaced dependent of a cluster-scoped owner that exists', async () => {
    const { c } = await clusterWith((ctx, cl) => startGarbageCollector(ctx, cl.api.deps.registry));
    const node = tryGet(c, '', 'v1', 'nodes', undefined, 'worker-1')!;
    create(c, '', 'pods', pod('pinned', { owners: [ownerRef(node)] }));
    settle(c);
    expect(tryGet(c, '', 'v1', 'pods', 'default', 'pinned')).toBeDefined();
  });

  it('keeps retrying, without deleting, a dependent whose owner kind is unknown', async () => {
    const { c } = await clusterWith((ctx, cl) => startGarbageCollector(ctx, cl.api.deps.registry));
    create(c, '', 'pods', pod('odd', { owners: [{ apiVersion: 'example.com/v1', kind: 'Widget', name: 'w', uid: '00000000-0000-4000-8000-0000000000ff' }] }));
    settle(c, 10_000);
    expect(tryGet(c, '', 'v1', 'pods', 'default', 'odd')).toBeDefined();
  });
});
