import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../cluster';
import type { KubeObject } from '../../api/object';
import { startNodeLifecycleController } from './nodeLifecycleController';
import { startTaintEvictionController } from './taintEviction';
import { clusterWith, create, events, ok, pod, req, settle, tryGet } from '../testing/lifecycle';
import type { NodeObj, Taint } from './taints';

const ALL = ['control-plane', 'worker-1', 'worker-2', 'worker-3'];
const node = (c: Cluster, name: string) => tryGet(c, '', 'v1', 'nodes', undefined, name) as NodeObj;
const ready = (c: Cluster, name: string) => node(c, name).status!.conditions!.find((x) => x.type === 'Ready')!;
const taints = (c: Cluster, name: string): Taint[] => node(c, name).spec?.taints ?? [];
const keys = (ts: Taint[]) => ts.map((t) => `${t.key}:${t.effect}`).sort();

async function start() {
  const { c, started } = await clusterWith(
    (ctx) => startNodeLifecycleController(ctx),
    (ctx) => startTaintEvictionController(ctx),
  );
  // The kubelets renew their Leases; stopping one is a node going silent.
  const kubelet = (name: string) => c.kubelets.get(name)!;
  const leases = { stop: (name: string) => kubelet(name).stop(), resume: (name: string) => kubelet(name).start() };
  settle(c, 1_000);
  return { c, nlc: started[0], tec: started[1], leases };
}

/** A pod on worker-1, run by its kubelet until Ready. */
function runningPod(c: Cluster, name: string, tolerations?: unknown[]): KubeObject {
  const p = create(c, '', 'pods', pod(name, { nodeName: 'worker-1', spec: tolerations ? { tolerations } : {} }));
  until(c, () => isReady(c, name), 60_000);
  expect(isReady(c, name)).toBe(true);
  return p;
}

const isReady = (c: Cluster, name: string) =>
  ((tryGet(c, '', 'v1', 'pods', 'default', name)?.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []).some((x) => x.type === 'Ready' && x.status === 'True');

/** Run until `cond` holds, at most `ms` of virtual time; returns the virtual ms it took. */
function until(c: Cluster, cond: () => boolean, ms: number): number {
  const t0 = c.clock.now();
  c.clock.runUntil({ until: cond, time: t0 + ms, maxTasks: 500_000 });
  return c.clock.now() - t0;
}

describe('node lifecycle controller', () => {
  it('registers nodes and leaves healthy ones alone', async () => {
    const { c } = await start();
    settle(c, 120_000);
    for (const n of ALL) expect(ready(c, n).status).toBe('True');
    expect(keys(taints(c, 'worker-1'))).toEqual([]);
    const reg = events(c).filter((e) => e.reason === 'RegisteredNode');
    expect(reg.map((e) => e.message).sort()).toEqual(ALL.map((n) => `Node ${n} event: Registered Node ${n} in Controller`).sort());
    expect(reg.every((e) => e.source.component === 'node-controller' && e.involvedObject.kind === 'Node')).toBe(true);
  });

  it('marks a silent node Unknown after the grace period, taints it, and evicts its pods after their tolerations', async () => {
    const { c, leases } = await start();
    runningPod(c, 'web-1');
    runningPod(c, 'impatient', [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 0 }]);
    runningPod(c, 'loyal', [{ operator: 'Exists' }]);
    settle(c, 20_000);
    // web-1 got the 300 s default tolerations from admission.
    expect((tryGet(c, '', 'v1', 'pods', 'default', 'web-1')!.spec as { tolerations: unknown[] }).tolerations).toContainEqual({
      key: 'node.kubernetes.io/unreachable',
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: 300,
    });

    leases.stop('worker-1');
    const lastRenew = Date.parse((tryGet(c, 'coordination.k8s.io', 'v1', 'leases', 'kube-node-lease', 'worker-1')!.spec as { renewTime: string }).renewTime);
    until(c, () => ready(c, 'worker-1').status !== 'True', 120_000);
    const silentFor = c.clock.now() - lastRenew;
    expect(silentFor).toBeGreaterThan(40_000);
    expect(silentFor).toBeLessThanOrEqual(45_000);
    const conds = node(c, 'worker-1').status!.conditions!;
    for (const type of ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']) {
      expect(conds.find((x) => x.type === type)).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    }
    expect(ready(c, 'worker-2').status).toBe('True');
    const evs = events(c);
    expect(evs).toContainEqual(expect.objectContaining({ reason: 'NodeNotReady', message: 'Node worker-1 status is now: NodeNotReady', involvedObject: expect.objectContaining({ kind: 'Node', name: 'worker-1' }) }));
    expect(evs.filter((e) => e.reason === 'NodeNotReady' && e.involvedObject.kind === 'Pod' && e.message === 'Node is not ready').map((e) => e.involvedObject.name).sort()).toEqual([
      'impatient',
      'loyal',
      'web-1',
    ]);
    const podReady = (name: string) => ((tryGet(c, '', 'v1', 'pods', 'default', name)!.status as { conditions: { type: string; status: string }[] }).conditions.find((x) => x.type === 'Ready')!.status);
    expect(podReady('web-1')).toBe('False');

    // The next monitor pass queues the NoExecute taint; the NoSchedule one follows the condition.
    until(c, () => keys(taints(c, 'worker-1')).includes('node.kubernetes.io/unreachable:NoExecute'), 10_000);
    expect(keys(taints(c, 'worker-1'))).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    expect(taints(c, 'worker-1').every((t) => typeof t.timeAdded === 'string')).toBe(true);
    const taintedAt = c.clock.now();

    settle(c, 1_000);
    // Not tolerated for long: deleted at once (it has a grace period, and no kubelet finishes it here).
    expect(tryGet(c, '', 'v1', 'pods', 'default', 'impatient')?.metadata.deletionTimestamp).toBeDefined();
    expect(tryGet(c, '', 'v1', 'pods', 'default', 'web-1')?.metadata.deletionTimestamp).toBeUndefined();
    const marking = events(c).filter((e) => e.reason === 'TaintManagerEviction');
    expect(marking).toContainEqual(expect.objectContaining({ message: 'Marking for deletion Pod default/impatient', source: { component: 'taint-eviction-controller' } }));
    const impatient = tryGet(c, '', 'v1', 'pods', 'default', 'impatient')!;
    expect((impatient.status as { conditions: unknown[] }).conditions).toContainEqual(
      expect.objectContaining({ type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' }),
    );

    until(c, () => !!tryGet(c, '', 'v1', 'pods', 'default', 'web-1')?.metadata.deletionTimestamp, 400_000);
    const after = c.clock.now() - taintedAt;
    expect(after).toBeGreaterThanOrEqual(299_000);
    expect(after).toBeLessThanOrEqual(301_000);
    expect(events(c)).toContainEqual(expect.objectContaining({ reason: 'TaintManagerEviction', message: 'Marking for deletion Pod default/web-1' }));
    settle(c, 60_000);
    expect(tryGet(c, '', 'v1', 'pods', 'default', 'loyal')?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('removes the taints when the node is Ready again, cancelling pending evictions', async () => {
    const { c, leases, tec } = await start();
    runningPod(c, 'web-1');
    settle(c, 10_000);
    leases.stop('worker-1');
    until(c, () => keys(taints(c, 'worker-1')).includes('node.kubernetes.io/unreachable:NoExecute'), 120_000);
    settle(c, 1_000);
    expect(tec.scheduled.has('default/web-1')).toBe(true);
    // The kubelet is back: it renews its Lease and posts Ready.
    leases.resume('worker-1');
    settle(c, 10_000);
    expect(ready(c, 'worker-1').status).toBe('True');
    expect(keys(taints(c, 'worker-1'))).toEqual([]);
    expect(tec.scheduled.has('default/web-1')).toBe(false);
    expect(events(c)).toContainEqual(expect.objectContaining({ reason: 'TaintManagerEviction', message: 'Cancelling deletion of Pod default/web-1' }));
    settle(c, 400_000);
    expect(tryGet(c, '', 'v1', 'pods', 'default', 'web-1')?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('evicts nothing when every node goes silent at once', async () => {
    const { c, leases } = await start();
    runningPod(c, 'web-1');
    settle(c, 10_000);
    for (const n of ALL) leases.stop(n);
    settle(c, 120_000);
    for (const n of ALL) expect(ready(c, n).status).toBe('Unknown');
    // The NoSchedule taints follow the condition; NoExecute ones are held back.
    expect(keys(taints(c, 'worker-1'))).toEqual(['node.kubernetes.io/unreachable:NoSchedule']);
    settle(c, 400_000);
    expect(tryGet(c, '', 'v1', 'pods', 'default', 'web-1')?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('taints a cordoned node unschedulable and untaints it on uncordon', async () => {
    const { c } = await start();
    const cordon = (on: boolean) =>
      ok(req(c, { verb: 'patch', group: '', version: 'v1', resource: 'nodes', name: 'worker-2', contentType: 'application/strategic-merge-patch+json', body: { spec: { unschedulable: on ? true : null } } }));
    cordon(true);
    settle(c);
    const t = taints(c, 'worker-2');
    expect(t).toEqual([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: c.clock.timestamp() }]);
    cordon(false);
    settle(c);
    expect(taints(c, 'worker-2')).toEqual([]);
    // The control plane's own taint is not ours to touch.
    expect(keys(taints(c, 'control-plane'))).toEqual(['node-role.kubernetes.io/control-plane:NoSchedule']);
  });
});
