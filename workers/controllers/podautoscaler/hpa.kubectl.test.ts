/**
 * The HorizontalPodAutoscaler walkthrough
 * (kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale-walkthrough)
 * with real kubectl 1.32 against the host. The clock is paused and driven
 * by hand, so minutes of cluster time take a few seconds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../host/testing/kubectl';

const PHP_APACHE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: php-apache
spec:
  selector:
    matchLabels:
      run: php-apache
  template:
    metadata:
      labels:
        run: php-apache
    spec:
      containers:
      - name: php-apache
        image: registry.k8s.io/hpa-example
        ports:
        - containerPort: 80
        resources:
          limits:
            cpu: 500m
          requests:
            cpu: 200m
---
apiVersion: v1
kind: Service
metadata:
  name: php-apache
  labels:
    run: php-apache
spec:
  ports:
  - port: 80
  selector:
    run: php-apache
`;

const GHOST = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ghost
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ghost
  minReplicas: 1
  maxReplicas: 3
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 50
`;

let h: TestHost;

beforeAll(async () => {
  h = await startTestHost({ seed: 11 });
  h.cluster.driver.setMode({ kind: 'paused' });
  // metrics-server is installed and ready before the walkthrough starts.
  advance(60_000);
});

afterAll(async () => {
  await h?.close();
});

function advance(ms: number): void {
  const c = h.cluster;
  c.clock.runUntil({ time: c.clock.now() + ms, maxTasks: 5_000_000 });
  c.clock.advanceTo(c.clock.now() + ms);
}

async function kubectl(...args: string[]): Promise<string> {
  const r = await h.kubectl(args);
  expect(r.stderr, `kubectl ${args.join(' ')}`).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

function hpaRow(out: string): { targets: string; replicas: number } {
  const line = out.split('\n').find((l) => l.startsWith('php-apache '))!;
  const m = /^php-apache\s+Deployment\/php-apache\s+(cpu: \S+)\s+1\s+10\s+(\d+)\s+\S+$/.exec(line.trim());
  expect(m, line).not.toBeNull();
  return { targets: m![1], replicas: Number(m![2]) };
}

function percent(targets: string): number {
  return Number(/^cpu: (\d+)%\/50%$/.exec(targets)![1]);
}

describe('HPA walkthrough with kubectl', () => {
  it('autoscale, top, load, scale up, stabilize, scale back down', async () => {
    expect(await kubectl('apply', '-f', h.file('php-apache.yaml', PHP_APACHE))).toBe('deployment.apps/php-apache created\nservice/php-apache created\n');
    advance(20_000);
    expect(await kubectl('autoscale', 'deployment', 'php-apache', '--cpu-percent=50', '--min=1', '--max=10')).toBe('horizontalpodautoscaler.autoscaling/php-apache autoscaled\n');

    const first = await kubectl('get', 'hpa');
    expect(first.split('\n')[0].split(/\s{2,}/)).toEqual(['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', 'AGE']);
    expect(hpaRow(first).targets).toBe('cpu: <unknown>/50%');

    advance(30_000);
    const idle = hpaRow(await kubectl('get', 'hpa'));
    expect(percent(idle.targets)).toBeLessThan(5);
    expect(idle.replicas).toBe(1);

    // kubectl top: upstream layout, from metrics.k8s.io.
    const top = await kubectl('top', 'pods');
    expect(top).toMatch(/^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)\s*\nphp-apache-[a-z0-9]+-[a-z0-9]{5}\s+\d+m\s+\d+Mi\s*\n$/);
    const podName = /^(php-apache-\S+)/m.exec(top)![1];
    expect(await kubectl('top', 'pod', podName, '--containers')).toMatch(new RegExp(`^POD\\s+NAME\\s+CPU\\(cores\\)\\s+MEMORY\\(bytes\\)\\s*\\n${podName}\\s+php-apache\\s+\\d+m\\s+\\d+Mi\\s*\\n$`));
    const all = await kubectl('top', 'pods', '-A');
    expect(all.split('\n')[0].split(/\s+/).filter(Boolean)).toEqual(['NAMESPACE', 'NAME', 'CPU(cores)', 'MEMORY(bytes)']);
    expect(all).toMatch(/^kube-system\s+metrics-server-\S+\s+\d+m\s+\d+Mi/m);
    expect(all).toMatch(/^kube-system\s+kube-apiserver-control-plane\s+\d+m\s+\d+Mi/m);
    const nodes = await kubectl('top', 'nodes');
    expect(nodes.split('\n')[0].split(/\s+/).filter(Boolean)).toEqual(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']);
    expect(nodes).toMatch(/^control-plane\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%/m);
    expect(nodes).toMatch(/^worker-1\s+\d+m\s+\d+%\s+\d+Mi\s+\d+%/m);
    const missing = await h.kubectl(['top', 'pod', 'nope']);
    expect(missing.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');

    // Increase the load.
    expect(await kubectl('run', 'load-generator', '--image=busybox:1.28', '--restart=Never', '--', '/bin/sh', '-c', 'while sleep 0.01; do wget -q -O- http://php-apache; done')).toBe('pod/load-generator created\n');
    let peak = 0;
    let sawHighLoad = false;
    for (let i = 0; i < 10; i++) {
      advance(30_000);
      const row = hpaRow(await kubectl('get', 'hpa'));
      if (row.replicas === 1 && percent(row.targets) >= 200) sawHighLoad = true;
      peak = Math.max(peak, row.replicas);
    }
    const loaded = hpaRow(await kubectl('get', 'hpa'));
    // One php-apache pod at its 500m limit reads 250% before the first rescale.
    expect(sawHighLoad || peak > 1).toBe(true);
    expect(loaded.replicas).toBeGreaterThanOrEqual(5);
    expect(loaded.replicas).toBeLessThanOrEqual(8);
    expect(percent(loaded.targets)).toBeGreaterThan(30);
    expect(percent(loaded.targets)).toBeLessThan(60);
    expect(await kubectl('get', 'deployment', 'php-apache')).toMatch(new RegExp(`^php-apache\\s+${loaded.replicas}/${loaded.replicas}\\s+${loaded.replicas}\\s+${loaded.replicas}\\s`, 'm'));

    const events = await kubectl('get', 'events', '--field-selector', 'involvedObject.kind=HorizontalPodAutoscaler', '-o', 'custom-columns=REASON:.reason,MESSAGE:.message', '--no-headers');
    expect(events).toMatch(/^SuccessfulRescale\s+New size: 4; reason: cpu resource utilization \(percentage of request\) above target$/m);

    const describe = await kubectl('describe', 'hpa', 'php-apache');
    expect(describe).toMatch(/^Reference:\s+Deployment\/php-apache$/m);
    expect(describe).toMatch(/^ {2}resource cpu on pods {2}\(as a percentage of request\): {2}\d+% \(\d+m\) \/ 50%$/m);
    expect(describe).toMatch(new RegExp(`^Deployment pods:\\s+${loaded.replicas} current / ${loaded.replicas} desired$`, 'm'));
    expect(describe).toMatch(/^ {2}AbleToScale\s+True\s+(ReadyForNewScale|ScaleDownStabilized)\s+/m);
    expect(describe).toMatch(/^ {2}ScalingActive\s+True\s+ValidMetricFound\s+the HPA was able to successfully calculate a replica count from cpu resource utilization \(percentage of request\)$/m);
    expect(describe).toMatch(/^ {2}ScalingLimited\s+False\s+DesiredWithinRange\s+the desired count is within the acceptable range$/m);

    // Stop the load: usage drops at once, the replicas only after the 5-minute stabilization window.
    expect(await kubectl('delete', 'pod', 'load-generator', '--wait=false')).toBe('pod "load-generator" deleted\n');
    advance(60_000);
    const cooled = hpaRow(await kubectl('get', 'hpa'));
    expect(percent(cooled.targets)).toBeLessThan(5);
    expect(cooled.replicas).toBe(loaded.replicas);
    const stabilized = await kubectl('describe', 'hpa', 'php-apache');
    expect(stabilized).toMatch(/^ {2}AbleToScale\s+True\s+ScaleDownStabilized\s+recent recommendations were higher than current one, applying the highest recent recommendation$/m);
    advance(5 * 60_000);
    const done = hpaRow(await kubectl('get', 'hpa'));
    expect(done.replicas).toBe(1);
    expect(await kubectl('get', 'events', '--field-selector', 'involvedObject.kind=HorizontalPodAutoscaler,reason=SuccessfulRescale', '-o', 'custom-columns=MESSAGE:.message', '--no-headers')).toMatch(/^New size: 1; reason: All metrics below target$/m);
  }, 60_000);

  it('reports what it cannot do: a target without requests, a missing target', async () => {
    await kubectl('create', 'deployment', 'plain', '--image=nginx:1.27');
    await kubectl('autoscale', 'deployment', 'plain', '--cpu-percent=50', '--max=3');
    await kubectl('apply', '-f', h.file('ghost.yaml', GHOST));
    advance(60_000);
    const plain = await kubectl('describe', 'hpa', 'plain');
    expect(plain).toMatch(/^ {2}ScalingActive\s+False\s+FailedGetResourceMetric\s+the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container nginx of Pod plain-\S+$/m);
    expect(plain).toMatch(/Warning\s+FailedGetResourceMetric\s+.*failed to get cpu utilization: missing request for cpu in container nginx of Pod plain-/);
    expect(hpaLine(await kubectl('get', 'hpa', 'plain'))).toMatch(/^plain\s+Deployment\/plain\s+cpu: <unknown>\/50%\s+1\s+3\s+1\s/);
    const ghost = await kubectl('describe', 'hpa', 'ghost');
    expect(ghost).toMatch(/^ {2}AbleToScale\s+False\s+FailedGetScale\s+the HPA controller was unable to get the target's current scale: deployments.apps "ghost" not found$/m);
    expect(ghost).toMatch(/Warning\s+FailedGetScale\s+.*deployments.apps "ghost" not found/);
  }, 30_000);
});

function hpaLine(out: string): string {
  return out.split('\n')[1] ?? '';
}
