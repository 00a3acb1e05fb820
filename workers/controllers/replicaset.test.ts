import { describe, expect, it } from 'vitest';
import { startReplicaSetController } from './replicaset';
import { clusterWith, create, events, get, livePods, markReady, NS, ok, pods, replicaSet, settle } from './replicaset/testing';
import type { ReplicaOwner } from './replicaset/types';

const rsStatus = (c: Parameters<typeof get>[0], name: string) => get<ReplicaOwner>(c, 'apps', 'replicasets', name).status ?? {};

describe('ReplicaSet controller', () => {
  it('creates the pods a new ReplicaSet wants, owned by it, with events and status', async () => {
    const { c, controllers } = await clusterWith(startReplicaSetController);
    const [rsc] = controllers;
    const rs = create(c, 'replicasets', replicaSet('web', 3));
    settle(c);
    const ps = livePods(c);
    expect(ps).toHaveLength(3);
    for (const p of ps) {
      expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.generateName).toBe('web-');
      expect(p.metadata.labels).toEqual({ app: 'web' });
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
      expect(p.spec?.containers[0].image).toBe('nginx:1.27');
    }
    const evs = events(c, 'web').filter((e) => e.reason === 'SuccessfulCreate');
    expect(evs.map((e) => e.message).sort()).toEqual(ps.map((p) => `Created pod: ${p.metadata.name}`).sort());
    expect(evs.every((e) => e.source.component === 'replicaset-controller' && e.involvedObject.kind === 'ReplicaSet')).toBe(true);
    expect(rsStatus(c, 'web')).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
    expect(rsc.lastDecision(`${NS}/web`)).toMatchObject({ want: 3, have: 3 });
  });

  it('never creates more than it wants although every watch event arrives inside the create call', async () => {
    const { c, controllers } = await clusterWith(startReplicaSetController);
    create(c, 'replicasets', replicaSet('web', 5));
    // Run task by task and look at the pod count after each: it may never overshoot.
    let max = 0;
    for (let i = 0; i < 200 && c.clock.pending() > 0; i++) {
      c.clock.step();
      max = Math.max(max, pods(c).length);
    }
    expect(max).toBe(5);
    expect(controllers[0].expectations.satisfied(`${NS}/web`)).toBe(true);
  });

  it('marks available and ready replicas from pod conditions, honouring minReadySeconds', async () => {
    const { c } = await clusterWith(startReplicaSetController);
    create(c, 'replicasets', replicaSet('web', 2, { app: 'web' }, { minReadySeconds: 10 }));
    settle(c);
    markReady(c, livePods(c));
    settle(c);
    expect(rsStatus(c, 'web')).toMatchObject({ replicas: 2, readyReplicas: 2 });
    expect(rsStatus(c, 'web').availableReplicas).toBeUndefined();
    settle(c, 12_000);
    expect(rsStatus(c, 'web')).toMatchObject({ replicas: 2, readyReplicas: 2, availableReplicas: 2 });
  });

  it('scales down deleting unready before ready, unscheduled before scheduled', async () => {
    const { c } = await clusterWith(startReplicaSetController);
    // Pods per node rank only ReplicaSets that have a controller (getIndirectlyRelatedPods).
    const rs = replicaSet('web', 4);
    rs.metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'deployment-uid', controller: true }];
    create(c, 'replicasets', rs);
    settle(c);
    const [a, b, cc, d] = livePods(c);
    markReady(c, [a, b], { node: 'worker-1' });
    markReady(c, [cc], { node: 'worker-2' });
    // d stays unscheduled and not ready: first to go; then cc (alone on worker-2 ranks below the doubled-up a, b? no: doubled-up go first).
    ok(c.as('test')({ verb: 'patch', group: 'apps', version: 'v1', resource: 'replicasets', namespace: NS, name: 'web', contentType: 'application/merge-patch+json', body: { spec: { replicas: 2 } } }));
    settle(c);
    const left = livePods(c).map((p) => p.metadata.name);
    expect(left).not.toContain(d.metadata.name);
    // Of the ready, scheduled pods, one on the doubled-up node goes before the one alone on worker-2.
    expect(left).toContain(cc.metadata.name);
    expect(left).toHaveLength(2);
    const deleted = events(c, 'web').filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message);
    expect(deleted).toContain(`Deleted pod: ${d.metadata.name}`);
    expect(deleted).toHaveLength(2);
  });

  it('prefers pods with more restarts, then the newer, among equals', async () => {
    const { c } = await clusterWith(startReplicaSetController);
    create(c, 'replicasets', replicaSet('web', 3));
    settle(c);
    const [a, b, d] = livePods(c);
    markReady(c, [a], { node: 'worker-1' });
    markReady(c, [b], { node: 'worker-2', restarts: 4 });
    markReady(c, [d], { node: 'worker-3' });
    ok(c.as('test')({ verb: 'patch', group: 'apps', version: 'v1', resource: 'replicasets', namespace: NS, name: 'web', contentType: 'application/merge-patch+json', body: { spec: { replicas: 2 } } }));
    settle(c);
    expect(livePods(c).map((p) => p.metadata.name)).not.toContain(b.metadata.name);
  });

  it('adopts a matching orphan instead of creating, and releases a pod whose labels stop matching', async () => {
    const { c, controllers } = await clusterWith(startReplicaSetController);
    create(c, 'pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', namespace: NS, labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } });
    const rs = create(c, 'replicasets', replicaSet('web', 2));
    settle(c);
    const stray = get<ReplicaOwner>(c, '', 'pods', 'stray');
    expect(stray.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true });
    expect(livePods(c)).toHaveLength(2);
    expect(controllers[0].lastDecision(`${NS}/web`)).toMatchObject({ want: 2 });

    ok(c.as('test')({ verb: 'patch', group: '', version: 'v1', resource: 'pods', namespace: NS, name: 'stray', contentType: 'application/merge-patch+json', body: { metadata: { labels: { app: 'other' } } } }));
    settle(c);
    expect(get<ReplicaOwner>(c, '', 'pods', 'stray').metadata.ownerReferences ?? []).toEqual([]);
    // A replacement was made for the released pod.
    expect(livePods(c, 'app=web')).toHaveLength(2);
  });

  it('leaves pods owned by another controller alone', async () => {
    const { c } = await clusterWith(startReplicaSetController);
    const other = create(c, 'replicasets', replicaSet('other', 1, { app: 'web', tier: 'x' }));
    settle(c);
    create(c, 'replicasets', replicaSet('web', 1));
    settle(c);
    const owners = livePods(c, 'app=web').map((p) => p.metadata.ownerReferences?.[0].name).sort();
    expect(owners).toEqual(['other', 'web']);
    expect(other.metadata.name).toBe('other');
  });

  it('reports FailedCreate with the API error and a ReplicaFailure condition, then clears it', async () => {
    const { c } = await clusterWith(startReplicaSetController);
    create(c, 'resourcequotas', { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: NS }, spec: { hard: { pods: '2' } } });
    settle(c);
    create(c, 'replicasets', replicaSet('web', 3));
    settle(c, 1000);
    expect(livePods(c)).toHaveLength(2);
    const failed = events(c, 'web').filter((e) => e.reason === 'FailedCreate');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0].type).toBe('Warning');
    expect(failed[0].message).toMatch(/^Error creating: pods "web-" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2$/);
    const cond = rsStatus(c, 'web').conditions?.find((x) => x.type === 'ReplicaFailure');
    expect(cond).toMatchObject({ status: 'True', reason: 'FailedCreate' });
    expect(cond?.message).toMatch(/exceeded quota: q/);

    ok(c.as('test')({ verb: 'delete', group: '', version: 'v1', resource: 'resourcequotas', namespace: NS, name: 'q' }));
    settle(c, 60_000);
    expect(livePods(c)).toHaveLength(3);
    expect(rsStatus(c, 'web').conditions).toBeUndefined();
  });

  it('does nothing more for a ReplicaSet that is gone', async () => {
    const { c, controllers } = await clusterWith(startReplicaSetController);
    create(c, 'replicasets', replicaSet('web', 1));
    settle(c);
    // No garbage collector runs here, so the pod stays behind, ownerless in effect.
    ok(c.as('test')({ verb: 'delete', group: 'apps', version: 'v1', resource: 'replicasets', namespace: NS, name: 'web' }));
    settle(c);
    expect(controllers[0].lastDecision(`${NS}/web`)).toBeUndefined();
    expect(pods(c)).toHaveLength(1);
  });
});
