import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../cluster';
import type { KubeObject } from '../../api/object';
import { startDisruptionController, type PdbStatus } from './disruptionController';
import { clusterWith, create, events, ok, ownerRef, pod, req, setPodStatus, settle, tryGet } from '../testing/lifecycle';

async function start(): Promise<Cluster> {
  const { c } = await clusterWith((ctx, cl) => startDisruptionController(ctx, cl.api.deps.registry));
  return c;
}

/** An owner no controller manages here: a ReplicaSet object with `replicas`, and its pods created by hand. */
function ownedPods(c: Cluster, replicas: number, pods: number, ready: number): KubeObject {
  const labels = { app: 'web' };
  const rs = create(c, 'apps', 'replicasets', {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } },
  });
  for (let i = 0; i < pods; i++) {
    create(c, '', 'pods', pod(`web-${i}`, { labels, owners: [ownerRef(rs, { controller: true, block: true })] }));
    setPodStatus(c, 'default', `web-${i}`, i < ready);
  }
  return rs;
}

function pdb(c: Cluster, spec: Record<string, unknown>): void {
  create(c, 'policy', 'poddisruptionbudgets', { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web-pdb', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } }, ...spec } });
}

const status = (c: Cluster) => tryGet(c, 'policy', 'v1', 'poddisruptionbudgets', 'default', 'web-pdb')!.status as PdbStatus;

describe('disruption controller', () => {
  it('counts healthy pods against an integer minAvailable', async () => {
    const c = await start();
    ownedPods(c, 4, 4, 3);
    pdb(c, { minAvailable: 2 });
    settle(c);
    expect(status(c)).toEqual({
      observedGeneration: 1,
      disruptionsAllowed: 1,
      currentHealthy: 3,
      desiredHealthy: 2,
      expectedPods: 4,
      conditions: [{ type: 'DisruptionAllowed', status: 'True', observedGeneration: 1, lastTransitionTime: c.clock.timestamp(), reason: 'SufficientPods', message: '' }],
    });
  });

  it('scales a percentage maxUnavailable by the controller replicas, and follows readiness', async () => {
    const c = await start();
    ownedPods(c, 5, 3, 3);
    pdb(c, { maxUnavailable: '30%' });
    settle(c);
    // 5 expected (the owner's replicas, not the 3 pods), ceil(1.5) unavailable allowed → 3 must be healthy.
    expect(status(c)).toMatchObject({ expectedPods: 5, desiredHealthy: 3, currentHealthy: 3, disruptionsAllowed: 0 });
    expect(status(c).conditions).toEqual([expect.objectContaining({ status: 'False', reason: 'InsufficientPods' })]);
    const before = status(c).conditions![0].lastTransitionTime;
    settle(c, 5_000);
    setPodStatus(c, 'default', 'web-0', false);
    settle(c);
    expect(status(c)).toMatchObject({ currentHealthy: 2, disruptionsAllowed: 0 });
    // Same status: the transition time stays.
    expect(status(c).conditions![0].lastTransitionTime).toBe(before);
  });

  it('looks through a ReplicaSet to the Deployment that owns it', async () => {
    const c = await start();
    const labels = { app: 'web' };
    const d = create(c, 'apps', 'deployments', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 10, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } },
    });
    const rs = create(c, 'apps', 'replicasets', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web-abc', namespace: 'default', ownerReferences: [ownerRef(d, { controller: true, block: true })] },
      spec: { replicas: 2, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } },
    });
    create(c, '', 'pods', pod('web-abc-1', { labels, owners: [ownerRef(rs, { controller: true, block: true })] }));
    setPodStatus(c, 'default', 'web-abc-1', true);
    pdb(c, { minAvailable: '50%' });
    settle(c);
    expect(status(c)).toMatchObject({ expectedPods: 10, desiredHealthy: 5, currentHealthy: 1, disruptionsAllowed: 0 });
  });

  it('fails safe with SyncFailed when the pods have an owner that has no scale', async () => {
    const c = await start();
    const cm = create(c, '', 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'fake-owner', namespace: 'default' } });
    for (const n of ['a', 'b']) {
      create(c, '', 'pods', pod(n, { labels: { app: 'web' }, owners: [ownerRef(cm, { controller: true })] }));
      setPodStatus(c, 'default', n, true);
    }
    pdb(c, { maxUnavailable: 1 });
    settle(c);
    expect(status(c).disruptionsAllowed).toBe(0);
    expect(status(c).conditions).toEqual([
      expect.objectContaining({ type: 'DisruptionAllowed', status: 'False', reason: 'SyncFailed', message: 'configmaps does not implement the scale subresource' }),
    ]);
    expect(events(c)).toContainEqual(
      expect.objectContaining({ reason: 'CalculateExpectedPodCountFailed', message: 'Failed to calculate the number of expected pods: configmaps does not implement the scale subresource', source: { component: 'controllermanager' } }),
    );
  });

  it('reports no pods, and an integer minAvailable over unmanaged pods', async () => {
    const c = await start();
    pdb(c, { minAvailable: 1 });
    settle(c);
    expect(status(c)).toMatchObject({ expectedPods: 0, currentHealthy: 0, desiredHealthy: 1, disruptionsAllowed: 0 });
    expect(events(c)).toContainEqual(expect.objectContaining({ reason: 'NoPods', message: 'No matching pods found', type: 'Normal' }));
    for (const n of ['a', 'b']) {
      create(c, '', 'pods', pod(n, { labels: { app: 'web' } }));
      setPodStatus(c, 'default', n, true);
    }
    settle(c);
    expect(status(c)).toMatchObject({ expectedPods: 2, currentHealthy: 2, desiredHealthy: 1, disruptionsAllowed: 1 });
  });

  it('keeps an evicted pod out of the healthy count until the deletion timeout passes', async () => {
    const c = await start();
    ownedPods(c, 3, 3, 3);
    pdb(c, { minAvailable: 1 });
    settle(c);
    const cur = tryGet(c, 'policy', 'v1', 'poddisruptionbudgets', 'default', 'web-pdb')!;
    // What the eviction subresource records when it lets web-0 go.
    ok(req(c, { verb: 'update', group: 'policy', version: 'v1', resource: 'poddisruptionbudgets', namespace: 'default', name: 'web-pdb', subresource: 'status', body: { ...cur, status: { ...status(c), disruptionsAllowed: 1, disruptedPods: { 'web-0': c.clock.timestamp() } } } }));
    settle(c);
    expect(status(c)).toMatchObject({ currentHealthy: 2, disruptionsAllowed: 1, disruptedPods: { 'web-0': expect.any(String) } });
    settle(c, 125_000);
    expect(status(c)).toMatchObject({ currentHealthy: 3, disruptionsAllowed: 2 });
    expect(status(c).disruptedPods).toBeUndefined();
    expect(events(c)).toContainEqual(expect.objectContaining({ reason: 'NotDeleted', message: "Pod was expected by PDB default/web-pdb to be deleted but it wasn't" }));
  });
});
