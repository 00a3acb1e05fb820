import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/object';
import { createCluster, type Cluster } from '../../cluster';

const list = (c: Cluster, resource: string, namespace?: string): KubeObject[] =>
  (c.request({ verb: 'list', group: '', version: 'v1', resource, namespace }).body as { items: KubeObject[] }).items;

function createPod(c: Cluster, name: string, cpu: string, extra: Record<string, unknown> = {}): void {
  const r = c.request({ verb: 'create', group: '', version: 'v1', resource: 'pods', namespace: 'default', body: { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu } } }], ...extra } } });
  expect(r.status).toBe(201);
}

const eventsFor = (c: Cluster, name: string) => list(c, 'events', 'default').filter((e) => (e as unknown as { involvedObject: { name: string } }).involvedObject.name === name) as unknown as { reason: string; message: string; source: { component: string } }[];

describe('cluster autoscaler in a running cluster', () => {
  it('a pod too big for any node keeps the scheduler’s message and adds NotTriggerScaleUp', async () => {
    const c = await createCluster({ seed: 3 });
    c.clock.runFor(20_000);
    createPod(c, 'huge', '100');
    c.clock.runFor(30_000);
    const ev = eventsFor(c, 'huge');
    const failed = ev.find((e) => e.reason === 'FailedScheduling');
    expect(failed?.message).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
    const not = ev.find((e) => e.reason === 'NotTriggerScaleUp');
    expect(not?.message).toBe("pod didn't trigger scale-up: 1 Insufficient cpu");
    expect(not?.source.component).toBe('cluster-autoscaler');
    expect(list(c, 'nodes')).toHaveLength(4);
    expect(c.clusterAutoscaler?.lastDecision()?.scaleUp?.notTriggered).toEqual([{ pod: 'default/huge', reasons: '1 Insufficient cpu' }]);
  });

  it('boots a node for a pod that fits a new one, and says the group is full at max', async () => {
    const c = await createCluster({ seed: 4, nodes: 1, autoscaler: { max: 2 } });
    c.clock.runFor(20_000);
    createPod(c, 'a', '3');
    createPod(c, 'b', '3');
    createPod(c, 'c', '3');
    c.clock.runFor(20_000);
    const triggered = eventsFor(c, 'b').find((e) => e.reason === 'TriggeredScaleUp') ?? eventsFor(c, 'c').find((e) => e.reason === 'TriggeredScaleUp');
    expect(triggered?.message).toBe('pod triggered scale-up: [{workers 1->2 (max: 2)}]');
    // The machine boots for 40–60 s before its Node registers.
    expect(list(c, 'nodes')).toHaveLength(2);
    c.clock.runFor(90_000);
    expect(list(c, 'nodes').map((n) => n.metadata.name)).toEqual(['control-plane', 'worker-1', 'worker-2']);
    const pods = list(c, 'pods', 'default') as unknown as { metadata: { name: string }; spec: { nodeName?: string } }[];
    expect(pods.filter((p) => p.spec.nodeName).length).toBe(2);
    const stuck = pods.find((p) => !p.spec.nodeName)!;
    c.clock.runFor(20_000);
    expect(eventsFor(c, stuck.metadata.name).find((e) => e.reason === 'NotTriggerScaleUp')?.message).toBe("pod didn't trigger scale-up: 1 max node group size reached");
    const cm = c.request({ verb: 'get', group: '', version: 'v1', resource: 'configmaps', namespace: 'kube-system', name: 'cluster-autoscaler-status' }).body as { data: { status: string } };
    expect(cm.data.status).toContain('cloudProviderTarget: 2\n    minSize: 1\n    maxSize: 2\n');
  });

  it('drains an under-used added node: taint, evict, delete, with the events upstream records', async () => {
    const c = await createCluster({ seed: 6, nodes: 2 });
    c.clock.runFor(20_000);
    const deploy = (name: string, replicas: number, cpu: string) =>
      c.request({ verb: 'create', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name }, spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu } } }] } } } } });
    expect(deploy('big', 3, '3').status).toBe(201);
    c.clock.runFor(120_000);
    expect(list(c, 'nodes').map((n) => n.metadata.name)).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3']);
    c.request({ verb: 'patch', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', name: 'big', contentType: 'application/merge-patch+json', body: { spec: { replicas: 0 } } });
    c.clock.runFor(30_000);
    // The emptiest node takes the small pod (LeastAllocated): the new one.
    expect(deploy('small', 1, '100m').status).toBe(201);
    c.clock.runFor(20_000);
    const small = () => (list(c, 'pods', 'default') as unknown as { metadata: { name: string; labels: Record<string, string>; deletionTimestamp?: string }; spec: { nodeName?: string } }[]).filter((p) => p.metadata.labels.app === 'small' && !p.metadata.deletionTimestamp);
    const first = small()[0];
    expect(first.spec.nodeName).toBe('worker-3');
    const unneeded = c.clusterAutoscaler!.lastDecision()!.scaleDown;
    expect(unneeded.considered.find((v) => v.node === 'worker-3')?.podsToMove).toEqual([`default/${first.metadata.name}`]);
    expect(unneeded.blocked).toBe('ScaleDownInCooldown (scale-down-delay-after-add)');
    c.clock.runFor(12 * 60_000);
    expect(list(c, 'nodes').map((n) => n.metadata.name)).toEqual(['control-plane', 'worker-1', 'worker-2']);
    expect(small()).toHaveLength(1);
    expect(small()[0].spec.nodeName).toMatch(/^worker-[12]$/);
    expect(eventsFor(c, first.metadata.name).find((e) => e.reason === 'ScaleDown')?.message).toBe('deleting pod for node scale down');
    const nodeEvents = eventsFor(c, 'worker-3').map((e) => `${e.reason}: ${e.message}`);
    expect(nodeEvents).toContain('ScaleDown: marked the node as toBeDeleted/unschedulable');
    expect(nodeEvents).toContain('DeletingNode: Deleting node worker-3 because it does not exist in the cloud provider');
    const cmEvents = (list(c, 'events', 'kube-system') as unknown as { involvedObject: { name: string }; reason: string; message: string }[]).filter((e) => e.involvedObject.name === 'cluster-autoscaler-status').map((e) => `${e.reason}: ${e.message}`);
    expect(cmEvents).toContain('ScaledUpGroup: Scale-up: setting group workers size to 3 instead of 2 (max: 5)');
    expect(cmEvents.find((m) => m.startsWith('ScaleDown: Scale-down: removing node worker-3'))).toMatch(new RegExp(`^ScaleDown: Scale-down: removing node worker-3, utilization: \\{0\\.025 [0-9.e-]+ 0 cpu 0\\.025\\}, pods to reschedule: default/${first.metadata.name}$`));
    expect(cmEvents).toContain('ScaleDown: Scale-down: node worker-3 removed with drain');
  });

  it('can be turned off', async () => {
    const c = await createCluster({ seed: 5, autoscaler: { enabled: false } });
    expect(c.clusterAutoscaler).toBeUndefined();
  });
});

describe('cluster autoscaler options', () => {
  it('refuses a group whose max is under its min', async () => {
    await expect(createCluster({ autoscaler: { min: 4, max: 2 } })).rejects.toThrow('autoscaler: need 0 <= min <= max, got min 4, max 2');
  });
});
