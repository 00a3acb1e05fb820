import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from './cluster';
import type { KubeObject } from './api/object';

type Pod = KubeObject & { spec: { nodeName?: string }; status?: { phase?: string; containerStatuses?: { restartCount: number }[] } };

const list = (c: Cluster, resource: string, namespace?: string) =>
  (c.request({ verb: 'list', group: '', version: 'v1', resource, namespace }).body as { items: KubeObject[] }).items;
const webPods = (c: Cluster) => (list(c, 'pods', 'default') as Pod[]).filter((p) => p.metadata.labels?.app === 'web' && !p.metadata.deletionTimestamp);
const running = (c: Cluster) => webPods(c).filter((p) => p.status?.phase === 'Running');
const ready = (c: Cluster, node: string) =>
  ((c.request({ verb: 'get', group: '', version: 'v1', resource: 'nodes', name: node }).body as { status: { conditions: { type: string; status: string }[] } }).status.conditions.find((x) => x.type === 'Ready')?.status);

async function withWeb(replicas = 3): Promise<Cluster> {
  const c = await createCluster({ seed: 3 });
  c.clock.runFor(10_000);
  c.request({
    verb: 'create',
    group: 'apps',
    version: 'v1',
    resource: 'deployments',
    namespace: 'default',
    body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } } },
  });
  c.clock.runUntil({ until: () => running(c).length === replicas, time: c.clock.now() + 120_000 });
  expect(running(c)).toHaveLength(replicas);
  return c;
}

describe('chaos', () => {
  it('a stopped kubelet makes its node NotReady, then its pods are evicted and recreated elsewhere', async () => {
    const c = await withWeb();
    const victim = running(c)[0].spec.nodeName!;
    expect(c.chaos({ action: 'stopKubelet', node: victim }).status).toBe(200);
    c.clock.runFor(60_000);
    expect(ready(c, victim)).toBe('Unknown');
    const node = c.request({ verb: 'get', group: '', version: 'v1', resource: 'nodes', name: victim }).body as { spec: { taints?: { key: string; effect: string }[] } };
    expect(node.spec.taints).toContainEqual(expect.objectContaining({ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }));
    // The default 300 s toleration runs out, then the ReplicaSet replaces what was evicted.
    c.clock.runUntil({ until: () => running(c).length === 3 && running(c).every((p) => p.spec.nodeName !== victim), time: c.clock.now() + 600_000 });
    expect(running(c).every((p) => p.spec.nodeName !== victim)).toBe(true);
    expect(running(c)).toHaveLength(3);
    c.chaos({ action: 'startKubelet', node: victim });
    c.clock.runFor(30_000);
    expect(ready(c, victim)).toBe('True');
  });

  it('a crashed container is restarted by its kubelet', async () => {
    const c = await withWeb(1);
    const pod = running(c)[0];
    expect(c.chaos({ action: 'crashContainer', namespace: 'default', pod: pod.metadata.name! }).status).toBe(200);
    c.clock.runFor(30_000);
    const after = c.request({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: pod.metadata.name! }).body as Pod;
    expect(after.status?.containerStatuses?.[0].restartCount).toBe(1);
    expect(c.chaos({ action: 'crashContainer', namespace: 'default', pod: 'nope' }).status).toBe(404);
  });

  it('adds and removes nodes', async () => {
    const c = await createCluster({ seed: 3 });
    c.clock.runFor(5_000);
    const added = c.chaos({ action: 'addNode' });
    const name = (added.body as { details: { name: string } }).details.name;
    expect(name).toBe('worker-4');
    c.clock.runFor(5_000);
    expect(ready(c, name)).toBe('True');
    expect(c.chaos({ action: 'deleteNode', node: name }).status).toBe(200);
    expect(c.request({ verb: 'get', group: '', version: 'v1', resource: 'nodes', name }).status).toBe(404);
    expect(c.chaos({ action: 'stopKubelet', node: 'nope' }).status).toBe(404);
  });
});

describe('chaos: partition and memory', () => {
  it('a partitioned node goes Unknown while its containers keep running, and heals', async () => {
    const c = await withWeb();
    const victim = running(c)[0].spec.nodeName!;
    const worker = c.kubelets.get(victim)!.workerFor(running(c)[0])!;
    expect(c.chaos({ action: 'partitionNode', node: victim }).status).toBe(200);
    expect(c.chaos({ action: 'partitionNode', node: victim }).status).toBe(409);
    expect(c.network!.isPartitioned(victim)).toBe(true);
    c.clock.runFor(30_000);
    expect(ready(c, victim)).toBe('True');
    // The node monitor grace period (40 s) runs out without a lease renewal.
    c.clock.runFor(30_000);
    expect(ready(c, victim)).toBe('Unknown');
    expect(worker.usage().length).toBeGreaterThan(0);
    expect(c.chaos({ action: 'healNode', node: victim }).status).toBe(200);
    expect(c.chaos({ action: 'healNode', node: victim }).status).toBe(409);
    c.clock.runFor(20_000);
    expect(ready(c, victim)).toBe('True');
    expect(c.chaos({ action: 'partitionNode', node: 'nope' }).status).toBe(404);
  });

  it('exhausted memory: MemoryPressure, its taint, pods evicted as the kubelet does, replaced elsewhere', async () => {
    const c = await withWeb();
    const victim = running(c)[0].spec.nodeName!;
    const onVictim = running(c).filter((p) => p.spec.nodeName === victim).map((p) => p.metadata.name);
    const r = c.chaos({ action: 'exhaustMemory', node: victim });
    expect(r.status).toBe(200);
    expect((r.body as { message: string }).message).toMatch(/^a process on worker-\d took \d+Mi of memory: memory\.available is \d+[KM]i, under the kubelet's eviction threshold \(100Mi\)$/);
    c.clock.runFor(25_000);
    const node = c.request({ verb: 'get', group: '', version: 'v1', resource: 'nodes', name: victim }).body as {
      spec: { taints?: { key: string; effect: string }[] };
      status: { conditions: { type: string; status: string; reason: string }[] };
    };
    expect(node.status.conditions.find((x) => x.type === 'MemoryPressure')).toMatchObject({ status: 'True', reason: 'KubeletHasInsufficientMemory' });
    expect(node.spec.taints).toContainEqual(expect.objectContaining({ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' }));
    const evicted = (list(c, 'pods', 'default') as (Pod & { status: { reason?: string; message?: string; conditions?: { type: string; reason?: string }[] } })[]).filter(
      (p) => p.status?.reason === 'Evicted',
    );
    expect(evicted.length).toBeGreaterThan(0);
    expect(onVictim).toContain(evicted[0].metadata.name);
    expect(evicted[0].status.phase).toBe('Failed');
    expect(evicted[0].status.message).toMatch(/^The node was low on resource: memory\. Threshold quantity: 100Mi, available: \d+Ki\. Container nginx was using \d+Ki, request is 0, has larger consumption of memory\. $/);
    expect(evicted[0].status.conditions).toContainEqual(expect.objectContaining({ type: 'DisruptionTarget', reason: 'TerminationByKubelet' }));
    // The ReplicaSet replaces them on nodes without pressure.
    c.clock.runUntil({ until: () => running(c).length === 3 && running(c).every((p) => p.spec.nodeName !== victim), time: c.clock.now() + 120_000 });
    expect(running(c).every((p) => p.spec.nodeName !== victim)).toBe(true);
    // Static and DaemonSet system-critical pods stay.
    const kubeProxy = (list(c, 'pods', 'kube-system') as Pod[]).find((p) => p.spec.nodeName === victim && p.metadata.name?.startsWith('kube-proxy'));
    expect(kubeProxy?.status?.phase).toBe('Running');
    expect(c.chaos({ action: 'releaseMemory', node: victim }).status).toBe(200);
    expect(c.chaos({ action: 'releaseMemory', node: victim }).status).toBe(409);
    // The condition clears after the 5 min pressure transition period.
    c.clock.runFor(6 * 60_000);
    const healed = c.request({ verb: 'get', group: '', version: 'v1', resource: 'nodes', name: victim }).body as { status: { conditions: { type: string; status: string }[] } };
    expect(healed.status.conditions.find((x) => x.type === 'MemoryPressure')?.status).toBe('False');
    expect(c.chaos({ action: 'exhaustMemory', node: victim, bytes: -1 }).status).toBe(400);
  });
});
