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
