import { describe, it, expect } from 'vitest';
import { createNodeProxy } from './nodeProxy';
import { createPod, eventsOf, getPod, runUntil, setup, statusOf } from './testing/setup';
import type { KubeObject } from '../../api/object';

describe('kubelet: logs and exec', () => {
  it('serves the logs of sh -c "echo hello; sleep 3600", and exec', async () => {
    const { c, k } = await setup({ preloaded: ['busybox'] });
    c.api.nodeProxy = createNodeProxy((n) => (n === k.nodeName ? k : undefined));
    createPod(c, { containers: [{ name: 'main', image: 'busybox', imagePullPolicy: 'IfNotPresent', command: ['sh', '-c', 'echo hello; sleep 3600'] }] }, 'talker');
    const logs = (query: Record<string, string> = {}) => c.request({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'talker', subresource: 'log', query });
    // Before the container exists the kubelet says why.
    expect(logs()).toMatchObject({ status: 400, body: { reason: 'BadRequest', message: 'container "main" in pod "talker" is waiting to start: ContainerCreating' } });
    expect(runUntil(c, () => statusOf(c, 'talker').phase === 'Running', 10_000)).toBe(true);
    expect(logs()).toEqual({ status: 200, body: 'hello\n', contentType: 'text/plain' });
    expect((logs({ timestamps: 'true' }).body as string)).toMatch(/^2025-01-01T00:00:01\.\d+Z hello\n$|^2025-01-01T00:00:0\dZ hello\n$/);
    expect(logs({ tailLines: '0' }).body).toBe('');
    expect(logs({ previous: 'true' })).toMatchObject({ status: 400, body: { message: 'previous terminated container "main" in pod "talker" not found' } });
    expect(logs({ container: 'nope' })).toMatchObject({ status: 400, body: { message: 'container nope is not valid for pod talker' } });
    const exec = c.request({ verb: 'create', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'talker', subresource: 'exec', body: { command: ['echo', 'hi'] } });
    expect(exec).toEqual({ status: 200, body: { stdout: 'hi\n', stderr: '', exitCode: 0 } });
    const missing = c.request({ verb: 'create', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'talker', subresource: 'exec', body: { command: ['nosuchcmd'] } });
    expect(missing.status).toBe(500);
    expect((missing.body as { message: string }).message).toMatch(/^Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: .*"nosuchcmd": executable file not found in \$PATH: unknown$/);
  });

  it('asks for a container name when the pod has several', async () => {
    const { c, k } = await setup({ preloaded: ['busybox'] });
    c.api.nodeProxy = createNodeProxy((n) => (n === k.nodeName ? k : undefined));
    createPod(c, {
      initContainers: [{ name: 'setup', image: 'busybox', command: ['sh', '-c', 'exit 0'] }],
      containers: [
        { name: 'a', image: 'busybox', command: ['sh', '-c', 'sleep 100'] },
        { name: 'b', image: 'busybox', command: ['sh', '-c', 'sleep 100'] },
      ],
    }, 'multi');
    const r = c.request({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'multi', subresource: 'log' });
    expect(r).toMatchObject({ status: 400, body: { message: 'a container name must be specified for pod multi, choose one of: [a b] or one of the init containers: [setup]' } });
  });
});

describe('kubelet: probes', () => {
  it('restarts a container whose liveness probe fails', async () => {
    const { c } = await setup({ preloaded: ['nginx'] });
    createPod(c, {
      containers: [{ name: 'web', image: 'nginx', imagePullPolicy: 'IfNotPresent', livenessProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 5, failureThreshold: 2 } }],
    }, 'sick');
    expect(runUntil(c, () => (statusOf(c, 'sick').containerStatuses?.[0].restartCount ?? 0) >= 1, 60_000)).toBe(true);
    const events = eventsOf(c, 'sick');
    expect(events).toContain('Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 404');
    expect(events).toContain('Killing: Container web failed liveness probe, will be restarted');
    const cs = statusOf(c, 'sick').containerStatuses![0];
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(cs.state.running).toBeDefined();
  });

  it('gates Ready on the readiness probe', async () => {
    const { c, started } = await setup({ preloaded: ['busybox'] });
    createPod(c, {
      containers: [{ name: 'app', image: 'busybox', command: ['sh', '-c', 'touch /tmp/ready; sleep 3600'], readinessProbe: { exec: { command: ['cat', '/tmp/ready'] }, periodSeconds: 2 } }],
    }, 'gated');
    const ready = () => statusOf(c, 'gated').conditions?.find((x) => x.type === 'Ready');
    expect(runUntil(c, () => ready()?.status === 'True', 20_000)).toBe(true);
    expect(statusOf(c, 'gated').containerStatuses?.[0].ready).toBe(true);
    started.find((p) => p.config.podName === 'gated')!.process.exec(['rm', '/tmp/ready']);
    expect(runUntil(c, () => ready()?.status === 'False', 20_000)).toBe(true);
    expect(ready()).toMatchObject({ reason: 'ContainersNotReady', message: 'containers with unready status: [app]' });
    expect(eventsOf(c, 'gated').some((e) => e.startsWith("Unhealthy: Readiness probe failed: cat: can't open '/tmp/ready'"))).toBe(true);
  });
});

describe('kubelet: spec changes', () => {
  it('restarts a container whose image was changed', async () => {
    const { c } = await setup({ preloaded: ['nginx:1.27', 'nginx:1.26'] });
    createPod(c, { containers: [{ name: 'web', image: 'nginx:1.26' }] }, 'upgrade');
    expect(runUntil(c, () => statusOf(c, 'upgrade').phase === 'Running', 10_000)).toBe(true);
    const r = c.request({ verb: 'patch', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'upgrade', contentType: 'application/strategic-merge-patch+json', body: { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } } });
    expect(r.status).toBe(200);
    expect(runUntil(c, () => statusOf(c, 'upgrade').containerStatuses?.[0].image === 'docker.io/library/nginx:1.27', 30_000)).toBe(true);
    expect(statusOf(c, 'upgrade').containerStatuses?.[0].restartCount).toBe(1);
    expect(eventsOf(c, 'upgrade')).toContain('Killing: Container web definition changed, will be restarted');
  });
});

describe('kubelet: init containers and sidecars', () => {
  it('runs init containers one at a time, in order, before the main container', async () => {
    const { c, started } = await setup({ preloaded: ['busybox', 'nginx'] });
    createPod(c, {
      initContainers: [
        { name: 'first', image: 'busybox', command: ['sh', '-c', 'sleep 2'] },
        { name: 'second', image: 'busybox', command: ['sh', '-c', 'sleep 3'] },
      ],
      containers: [{ name: 'app', image: 'nginx' }],
    }, 'init');
    expect(runUntil(c, () => statusOf(c, 'init').initContainerStatuses?.[0]?.state.running !== undefined, 10_000)).toBe(true);
    let s = statusOf(c, 'init');
    expect(s.phase).toBe('Pending');
    expect(s.initContainerStatuses?.[1].state.waiting?.reason).toBe('PodInitializing');
    expect(s.containerStatuses?.[0].state.waiting?.reason).toBe('PodInitializing');
    expect(s.conditions?.find((x) => x.type === 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [first second]' });
    expect(runUntil(c, () => statusOf(c, 'init').phase === 'Running', 20_000)).toBe(true);
    s = statusOf(c, 'init');
    expect(s.initContainerStatuses!.map((x) => x.state.terminated?.reason)).toEqual(['Completed', 'Completed']);
    const order = started.filter((p) => p.config.podName === 'init');
    expect(order.map((p) => p.config.name)).toEqual(['first', 'second', 'app']);
    expect(order[1].process.startedAt - order[0].process.startedAt).toBeGreaterThanOrEqual(2000);
    expect(order[2].process.startedAt - order[1].process.startedAt).toBeGreaterThanOrEqual(3000);
  });

  it('starts a sidecar, keeps it running beside the main container, and stops it when the job is done', async () => {
    const { c } = await setup({ preloaded: ['busybox'] });
    createPod(c, {
      restartPolicy: 'Never',
      initContainers: [{ name: 'proxy', image: 'busybox', restartPolicy: 'Always', command: ['sh', '-c', 'sleep 3600'] }],
      containers: [{ name: 'job', image: 'busybox', command: ['sh', '-c', 'sleep 5'] }],
    }, 'side');
    expect(runUntil(c, () => statusOf(c, 'side').containerStatuses?.[0]?.state.running !== undefined, 10_000)).toBe(true);
    expect(statusOf(c, 'side').initContainerStatuses?.[0].state.running).toBeDefined();
    expect(statusOf(c, 'side').phase).toBe('Running');
    expect(runUntil(c, () => statusOf(c, 'side').phase === 'Succeeded', 60_000)).toBe(true);
    expect(statusOf(c, 'side').initContainerStatuses?.[0].state.terminated).toBeDefined();
    expect(eventsOf(c, 'side')).toContain('Killing: Stopping container proxy');
  });
});

describe('kubelet: config errors', () => {
  it('holds a container in CreateContainerConfigError while its ConfigMap is missing, then starts it', async () => {
    const { c } = await setup({ preloaded: ['nginx'] });
    createPod(c, { containers: [{ name: 'app', image: 'nginx', env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'settings', key: 'mode' } } }] }] }, 'cfg');
    const waiting = () => statusOf(c, 'cfg').containerStatuses?.[0]?.state.waiting;
    expect(runUntil(c, () => waiting()?.reason === 'CreateContainerConfigError', 10_000)).toBe(true);
    expect(waiting()?.message).toBe('configmap "settings" not found');
    expect(eventsOf(c, 'cfg')).toContain('Failed: Error: configmap "settings" not found');
    c.request({ verb: 'create', group: '', version: 'v1', resource: 'configmaps', namespace: 'default', body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { mode: 'fast' } } });
    expect(runUntil(c, () => statusOf(c, 'cfg').phase === 'Running', 30_000)).toBe(true);
  });

  it('reports FailedMount for a missing ConfigMap volume and keeps the pod in ContainerCreating', async () => {
    const { c } = await setup({ preloaded: ['nginx'] });
    createPod(c, { volumes: [{ name: 'conf', configMap: { name: 'web-conf' } }], containers: [{ name: 'app', image: 'nginx', volumeMounts: [{ name: 'conf', mountPath: '/etc/conf' }] }] }, 'vol');
    runUntil(c, () => false, 10_000);
    expect(eventsOf(c, 'vol')).toEqual(['FailedMount: MountVolume.SetUp failed for volume "conf" : configmap "web-conf" not found']);
    const s = statusOf(c, 'vol');
    expect(s.phase).toBe('Pending');
    expect(s.podIP).toBeUndefined();
    expect(s.containerStatuses?.[0].state.waiting?.reason).toBe('ContainerCreating');
    expect(s.conditions?.find((x) => x.type === 'PodReadyToStartContainers')?.status).toBe('False');
  });
});

describe('kubelet: admission', () => {
  it('rejects a pod that does not fit: OutOfcpu, phase Failed', async () => {
    const { c } = await setup();
    createPod(c, { containers: [{ name: 'big', image: 'nginx', resources: { requests: { cpu: '8' } } }] }, 'big');
    expect(runUntil(c, () => statusOf(c, 'big').phase === 'Failed', 5_000)).toBe(true);
    const s = statusOf(c, 'big');
    expect(s.reason).toBe('OutOfcpu');
    expect(s.message).toBe("Pod was rejected: Node didn't have enough resource: cpu, requested: 8000, used: 0, capacity: 4000");
    expect(eventsOf(c, 'big')).toEqual(["OutOfcpu: Node didn't have enough resource: cpu, requested: 8000, used: 0, capacity: 4000"]);
  });
});

describe('kubelet: deletion', () => {
  it('stops containers within terminationGracePeriodSeconds, then deletes the pod with grace 0', async () => {
    const { c, started } = await setup({ preloaded: ['busybox'] });
    createPod(c, { terminationGracePeriodSeconds: 20, containers: [{ name: 'sleepy', image: 'busybox', command: ['sh', '-c', 'sleep 3600'] }] }, 'bye');
    expect(runUntil(c, () => statusOf(c, 'bye').phase === 'Running', 10_000)).toBe(true);
    const ip = statusOf(c, 'bye').podIP;
    const del = c.request({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'bye' });
    expect(del.status).toBe(200);
    const t0 = c.clock.now();
    expect(getPod(c, 'bye')?.metadata.deletionTimestamp).toBeDefined();
    expect(runUntil(c, () => getPod(c, 'bye') === undefined, 60_000)).toBe(true);
    expect(c.clock.now() - t0).toBe(20_000);
    const proc = started.find((p) => p.config.podName === 'bye')!;
    expect(proc.signals).toEqual(['TERM', 'KILL']);
    expect(proc.process.exited()).toMatchObject({ exitCode: 137 });
    expect(eventsOf(c, 'bye')).toContain('Killing: Stopping container sleepy');
    // The IP is free again: the next pod gets it back after the range wraps, so just check a new pod still gets one.
    createPod(c, { containers: [{ name: 'sleepy', image: 'busybox', command: ['sh', '-c', 'sleep 3600'] }] }, 'next');
    expect(runUntil(c, () => statusOf(c, 'next').phase === 'Running', 10_000)).toBe(true);
    expect(statusOf(c, 'next').podIP).not.toBe(ip);
  });

  it('stops a pod at once when it vanishes from the API (force delete)', async () => {
    const { c, k, started } = await setup({ preloaded: ['nginx'] });
    createPod(c, { containers: [{ name: 'web', image: 'nginx' }] }, 'gone');
    expect(runUntil(c, () => statusOf(c, 'gone').phase === 'Running', 10_000)).toBe(true);
    c.request({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'gone', query: { gracePeriodSeconds: '0' } });
    expect(getPod(c, 'gone')).toBeUndefined();
    const proc = started.find((p) => p.config.podName === 'gone')!;
    expect(runUntil(c, () => proc.process.exited() !== undefined, 10_000)).toBe(true);
    expect(proc.signals[0]).toBe('TERM');
    expect(k.usage().some((u) => u.name === 'gone')).toBe(false);
  });
});

describe('kubelet: static pods', () => {
  it('runs the control plane and mirrors it into kube-system', async () => {
    const { c } = await setup({ node: 'control-plane', preloaded: ['registry.k8s.io/etcd:3.5.16-0', 'registry.k8s.io/kube-apiserver:v1.32.0', 'registry.k8s.io/kube-controller-manager:v1.32.0', 'registry.k8s.io/kube-scheduler:v1.32.0'] });
    const list = () => (c.request({ verb: 'list', group: '', version: 'v1', resource: 'pods', namespace: 'kube-system' }).body as { items: KubeObject[] }).items.filter((p) => p.metadata.ownerReferences?.[0]?.kind === 'Node');
    expect(runUntil(c, () => list().filter((p) => (p.status as { phase?: string }).phase === 'Running').length === 4, 30_000)).toBe(true);
    const names = list().map((p) => p.metadata.name).sort();
    expect(names).toEqual(['etcd-control-plane', 'kube-apiserver-control-plane', 'kube-controller-manager-control-plane', 'kube-scheduler-control-plane']);
    const etcd = list().find((p) => p.metadata.name === 'etcd-control-plane')!;
    const ann = etcd.metadata.annotations!;
    expect(ann['kubernetes.io/config.source']).toBe('file');
    expect(ann['kubernetes.io/config.mirror']).toBe(ann['kubernetes.io/config.hash']);
    expect(etcd.metadata.ownerReferences?.[0]).toMatchObject({ apiVersion: 'v1', kind: 'Node', name: 'control-plane', controller: true });
    const spec = etcd.spec as { priorityClassName: string; priority: number; hostNetwork: boolean; containers: { image: string }[] };
    expect(spec).toMatchObject({ priorityClassName: 'system-node-critical', priority: 2000001000, hostNetwork: true });
    expect(spec.containers[0].image).toBe('registry.k8s.io/etcd:3.5.16-0');
    expect((etcd.status as { podIP?: string }).podIP).toBe('172.18.0.2');
    // Deleting a mirror pod does not stop the static pod; the kubelet mirrors it again.
    c.request({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: 'kube-system', name: 'etcd-control-plane' });
    expect(runUntil(c, () => list().some((p) => p.metadata.name === 'etcd-control-plane' && p.metadata.uid !== etcd.metadata.uid && (p.status as { phase?: string }).phase === 'Running'), 30_000)).toBe(true);
  });
});
