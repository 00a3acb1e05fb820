import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../host/testing/kubectl';
import { startLifecycleControllers } from './lifecycle';

let h: TestHost;

beforeAll(async () => {
  h = await startTestHost({ seed: 7, speed: 100 });
  startLifecycleControllers(h.cluster.components, h.cluster.api.deps.registry);
  h.cluster.informers.start();
});

afterAll(async () => {
  await h?.close();
});

describe('lifecycle controllers through real kubectl', () => {
  it('kubectl delete namespace waits until the namespace is gone', async () => {
    expect((await h.kubectl(['create', 'namespace', 'shop'])).code).toBe(0);
    expect((await h.kubectl(['-n', 'shop', 'create', 'configmap', 'settings', '--from-literal=a=1'])).code).toBe(0);
    const del = await h.kubectl(['delete', 'namespace', 'shop', '--timeout=20s'], { timeoutMs: 30_000 });
    expect(del.stderr).toBe('');
    expect(del.stdout).toBe('namespace "shop" deleted\n');
    const get = await h.kubectl(['get', 'namespace', 'shop']);
    expect(get.stderr).toContain('Error from server (NotFound): namespaces "shop" not found');
  });

  it('kubectl delete --cascade=orphan keeps the dependents, the default cascade removes them', async () => {
    const owner = async (name: string) => (await h.kubectl(['create', 'configmap', name, '-o', 'jsonpath={.metadata.uid}'])).stdout;
    const pod = (name: string, ownerName: string, uid: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  ownerReferences:
  - apiVersion: v1
    kind: ConfigMap
    name: ${ownerName}
    uid: ${uid}
spec:
  containers:
  - name: app
    image: nginx:1.27
`;
    expect((await h.kubectl(['apply', '-f', h.file('a.yaml', pod('dep-a', 'owner', await owner('owner')))])).code).toBe(0);
    const orphan = await h.kubectl(['delete', 'configmap', 'owner', '--cascade=orphan']);
    expect(orphan.stdout).toBe('configmap "owner" deleted\n');
    const left = await h.kubectl(['get', 'pod', 'dep-a', '-o', 'jsonpath={.metadata.ownerReferences}']);
    expect(left.code).toBe(0);
    expect(left.stdout === '' || left.stdout === '[]').toBe(true);

    expect((await h.kubectl(['apply', '-f', h.file('b.yaml', pod('dep-b', 'owner2', await owner('owner2')))])).code).toBe(0);
    expect((await h.kubectl(['delete', 'configmap', 'owner2'])).code).toBe(0);
    const deadline = Date.now() + 10_000;
    let gone = false;
    while (!gone && Date.now() < deadline) {
      gone = (await h.kubectl(['get', 'pod', 'dep-b'])).code !== 0;
      if (!gone) await new Promise((r) => setTimeout(r, 50));
    }
    expect(gone).toBe(true);
  });

  it('kubectl cordon taints the node unschedulable, uncordon removes it', async () => {
    expect((await h.kubectl(['cordon', 'worker-2'])).stdout).toBe('node/worker-2 cordoned\n');
    const taints = async () => (await h.kubectl(['get', 'node', 'worker-2', '-o', 'jsonpath={.spec.taints[*].key}'])).stdout;
    const deadline = Date.now() + 10_000;
    while ((await taints()) !== 'node.kubernetes.io/unschedulable' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await taints()).toBe('node.kubernetes.io/unschedulable');
    expect((await h.kubectl(['uncordon', 'worker-2'])).stdout).toBe('node/worker-2 uncordoned\n');
    while ((await taints()) !== '' && Date.now() < deadline + 10_000) await new Promise((r) => setTimeout(r, 50));
    expect(await taints()).toBe('');
  });

  it('the control plane holds its leader election Leases', async () => {
    const r = await h.kubectl(['get', 'lease', '-n', 'kube-system']);
    expect(r.stdout).toMatch(/^NAME\s+HOLDER\s+AGE\n/);
    expect(r.stdout).toMatch(/kube-controller-manager\s+control-plane_[0-9a-f-]{36}\s+\S+\n/);
    expect(r.stdout).toMatch(/kube-scheduler\s+control-plane_[0-9a-f-]{36}\s+\S+\n/);
  });
});
