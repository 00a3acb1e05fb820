/**
 * The autoscalers seen through real kubectl: the cluster autoscaler adds
 * nodes for pods that do not fit and removes them when they are no longer
 * needed; the VPA recommends requests and recreates pods with them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../host/testing/kubectl';

let h: TestHost;
beforeAll(async () => {
  h = await startTestHost({ seed: 31, speed: 200 });
});
afterAll(async () => {
  await h?.close();
});

const until = (args: string[], ok: (out: string) => boolean, ms = 30_000) => h.until(args, ok, ms);

const BIG = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: big
spec:
  replicas: 6
  selector:
    matchLabels:
      app: big
  template:
    metadata:
      labels:
        app: big
    spec:
      containers:
      - name: app
        image: nginx
        resources:
          requests:
            cpu: "3"
`;

const HAMSTER = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: hamster
spec:
  replicas: 2
  selector:
    matchLabels:
      app: hamster
  template:
    metadata:
      labels:
        app: hamster
    spec:
      containers:
      - name: hamster
        image: vish/stress
        args: ["-cpus", "1", "-mem-total", "200Mi"]
        resources:
          requests:
            cpu: 100m
            memory: 50Mi
---
apiVersion: autoscaling.k8s.io/v1
kind: VerticalPodAutoscaler
metadata:
  name: hamster-vpa
spec:
  targetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: hamster
  updatePolicy:
    updateMode: Recreate
  resourcePolicy:
    containerPolicies:
    - containerName: '*'
      minAllowed:
        cpu: 100m
        memory: 50Mi
      maxAllowed:
        cpu: "1"
        memory: 500Mi
`;

const lines = (s: string) => s.trim().split('\n').filter(Boolean);

describe('cluster autoscaler', () => {
  it('adds nodes for pods that do not fit, and removes them once they are not needed', async () => {
    await until(['get', 'nodes', '--no-headers'], (o) => lines(o).length === 4 && lines(o).every((l) => / Ready /.test(l)));
    expect((await h.kubectl(['apply', '-f', '-'], { stdin: BIG })).stdout.trim()).toBe('deployment.apps/big created');

    // Three pods fit on the three 4-cpu workers; the other three wait and trigger a scale-up.
    const events = await until(['get', 'events', '--field-selector', 'reason=TriggeredScaleUp', '-o', 'jsonpath={range .items[*]}{.involvedObject.name}{" "}{.message}{"\\n"}{end}'], (o) => lines(o).length === 3);
    expect(new Set(lines(events).map((l) => l.slice(l.indexOf(' ') + 1)))).toEqual(new Set(['pod triggered scale-up: [{workers 3->6 (max: 6)}]']));
    const one = lines(events)[0].split(' ')[0];
    const describe = await h.kubectl(['describe', 'pod', one]);
    expect(describe.stdout).toMatch(/Warning\s+FailedScheduling\s+.*default-scheduler\s+0\/4 nodes are available: 1 node\(s\) had untolerated taint \{node-role.kubernetes.io\/control-plane: \}, 3 Insufficient cpu\./);
    expect(describe.stdout).toMatch(/Normal\s+TriggeredScaleUp\s+.*cluster-autoscaler\s+pod triggered scale-up: \[\{workers 3->6 \(max: 6\)\}\]/);

    // The machines boot, register, and the pods run on them.
    const nodes = await until(['get', 'nodes', '--no-headers'], (o) => lines(o).length === 7 && lines(o).every((l) => / Ready /.test(l)), 40_000);
    expect(lines(nodes).map((l) => l.split(/\s+/)[0])).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3', 'worker-4', 'worker-5', 'worker-6']);
    const wide = await until(['get', 'pods', '-l', 'app=big', '-o', 'wide', '--no-headers'], (o) => lines(o).length === 6 && lines(o).every((l) => / Running /.test(l)), 30_000);
    expect(lines(wide).filter((l) => /worker-[456]/.test(l))).toHaveLength(3);

    const status = await h.kubectl(['-n', 'kube-system', 'get', 'configmap', 'cluster-autoscaler-status', '-o', 'yaml']);
    expect(status.stdout).toMatch(/cluster-autoscaler.kubernetes.io\/last-updated: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? \+0000 UTC/);
    expect(status.stdout).toContain('    autoscalerStatus: Running\n');
    expect(status.stdout).toMatch(/    nodeGroups:\n    - name: workers\n      health:\n        status: Healthy\n/);
    expect(status.stdout).toContain('        cloudProviderTarget: 6\n        minSize: 3\n        maxSize: 6\n');

    // No replicas: after scale-down-delay-after-add and scale-down-unneeded-time (10 min each), the spare nodes go.
    // (One 3-cpu replica left would keep its node 75% used, above the 50% threshold.)
    expect((await h.kubectl(['scale', 'deployment/big', '--replicas=0'])).stdout.trim()).toBe('deployment.apps/big scaled');
    h.cluster.driver.setMode({ kind: 'realtime', speed: 600 });
    await until(['get', 'nodes', '--no-headers'], (o) => lines(o).length === 4, 50_000);
    h.cluster.driver.setMode({ kind: 'realtime', speed: 200 });
    const removed = await h.kubectl(['get', 'events', '-A', '--field-selector', 'reason=ScaleDown,involvedObject.kind=Node', '-o', 'jsonpath={range .items[*]}{.involvedObject.name}{" "}{.message}{"\\n"}{end}']);
    expect(lines(removed.stdout).length).toBeGreaterThanOrEqual(3);
    for (const l of lines(removed.stdout)) expect(l).toMatch(/^worker-\d marked the node as toBeDeleted\/unschedulable$/);
    const after = await h.kubectl(['-n', 'kube-system', 'get', 'configmap', 'cluster-autoscaler-status', '-o', 'jsonpath={.data.status}']);
    expect(after.stdout).toContain('cloudProviderTarget: 3\n');
    await h.kubectl(['delete', 'deployment', 'big']);
  }, 150_000);
});

describe('vertical pod autoscaler', () => {
  it('recommends requests for an under-requesting Deployment and recreates its pods with them', async () => {
    const applied = await h.kubectl(['apply', '-f', '-'], { stdin: HAMSTER });
    expect(applied.stdout.trim()).toBe('deployment.apps/hamster created\nverticalpodautoscaler.autoscaling.k8s.io/hamster-vpa created');

    const table = await until(['get', 'vpa'], (o) => /hamster-vpa\s+Recreate\s+\S+\s+\S+\s+True/.test(o), 40_000);
    expect(lines(table)[0]).toMatch(/^NAME\s+MODE\s+CPU\s+MEM\s+PROVIDED\s+AGE$/);
    const [, mode, cpu, mem, provided] = lines(table)[1].split(/\s+/);
    expect([mode, provided]).toEqual(['Recreate', 'True']);
    expect(cpu).toMatch(/^(\d+m|1)$/);
    expect(mem).toMatch(/^\d+k?$/);

    // The updater evicts the pods (their 100m request is under the lower bound); the admission controller sets the new requests.
    const target = () => h.kubectl(['get', 'vpa', 'hamster-vpa', '-o', 'jsonpath={.status.recommendation.containerRecommendations[0].target.cpu}']);
    await until(['get', 'events', '--field-selector', 'reason=EvictedByVPA', '-o', 'jsonpath={range .items[*]}{.message}{"\\n"}{end}'], (o) => lines(o).length >= 1, 40_000);
    const pods = await until(
      ['get', 'pods', '-l', 'app=hamster', '-o', 'jsonpath={range .items[*]}{.status.phase}{" "}{.spec.containers[0].resources.requests.cpu}{" "}{.metadata.annotations.vpaUpdates}{"\\n"}{end}'],
      (o) => lines(o).length === 2 && lines(o).every((l) => l.startsWith('Running ') && l.split(' ')[1] !== '100m' && l.includes('Pod resources updated')),
      40_000,
    );
    const want = (await target()).stdout;
    for (const l of lines(pods)) {
      const [, request] = l.split(' ');
      // The recommendation may have moved on since the pod was admitted; both are well above the old 100m.
      expect(request === want || /^(\d{3,4}m|1)$/.test(request)).toBe(true);
      expect(l).toContain('Pod resources updated by hamster-vpa: container 0: cpu request, memory request');
    }
    const evicted = await h.kubectl(['get', 'events', '--field-selector', 'reason=EvictedByVPA', '-o', 'jsonpath={.items[0].message}']);
    expect(evicted.stdout).toBe('Pod was evicted by VPA Updater to apply resource recommendation.');

    const described = await h.kubectl(['describe', 'vpa', 'hamster-vpa']);
    expect(described.stdout).toMatch(/^Name:\s+hamster-vpa$/m);
    expect(described.stdout).toMatch(/Kind:\s+VerticalPodAutoscaler/);
    expect(described.stdout).toMatch(/Container Recommendations:/);
    expect(described.stdout).toMatch(/Uncapped Target:/);
    expect(described.stdout).toMatch(/Type:\s+RecommendationProvided/);
    expect(described.stdout).toMatch(/EvictedPod\s+.*vpa-updater\s+VPA Updater evicted Pod hamster-/);
  }, 120_000);
});
