/** Issue-level scenarios of workloads coming alive, driven by real kubectl against the host. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from './testing/kubectl';

let h: TestHost;
beforeAll(async () => {
  h = await startTestHost({ seed: 21, speed: 200 });
});
afterAll(async () => {
  await h?.close();
});

const until = (args: string[], ok: (out: string) => boolean, ms = 30_000) => h.until(args, ok, ms);

describe('workloads come alive', () => {
  it('runs a 3-replica deployment on the workers and rolls it out', async () => {
    expect((await h.kubectl(['create', 'deployment', 'web', '--image=nginx', '--replicas=3'])).stdout.trim()).toBe('deployment.apps/web created');
    const r = await h.kubectl(['rollout', 'status', 'deployment/web', '--timeout=60s']);
    expect(r.stdout.trim().split('\n').pop()).toBe('deployment "web" successfully rolled out');
    const pods = await h.kubectl(['get', 'pods', '-l', 'app=web', '-o', 'wide', '--no-headers']);
    const lines = pods.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines) {
      expect(l).toMatch(/1\/1\s+Running\s+0/);
      expect(l).toMatch(/worker-\d/);
    }
  });

  it('updates the image within maxSurge/maxUnavailable, undoes it, and scales', async () => {
    expect((await h.kubectl(['set', 'image', 'deployment/web', 'nginx=nginx:1.27'])).stdout.trim()).toBe('deployment.apps/web image updated');
    await h.kubectl(['rollout', 'status', 'deployment/web', '--timeout=60s']);
    const rs = await h.kubectl(['get', 'rs', '-l', 'app=web', '-o', 'jsonpath={range .items[*]}{.spec.replicas}{" "}{end}']);
    expect(rs.stdout.trim().split(' ').map(Number).sort()).toEqual([0, 3]);
    const hist = await h.kubectl(['rollout', 'history', 'deployment/web']);
    expect(hist.stdout).toMatch(/REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>/);
    expect((await h.kubectl(['rollout', 'undo', 'deployment/web'])).stdout.trim()).toBe('deployment.apps/web rolled back');
    await h.kubectl(['rollout', 'status', 'deployment/web', '--timeout=60s']);
    const img = await h.kubectl(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']);
    expect(img.stdout).toBe('nginx');
    expect((await h.kubectl(['scale', 'deployment/web', '--replicas=5'])).stdout.trim()).toBe('deployment.apps/web scaled');
    await until(['get', 'deploy', 'web', '-o', 'jsonpath={.status.readyReplicas}'], (o) => o === '5');
  });

  it('replaces a deleted pod', async () => {
    const name = (await h.kubectl(['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}'])).stdout;
    expect((await h.kubectl(['delete', 'pod', name])).stdout.trim()).toBe(`pod "${name}" deleted`);
    await until(['get', 'pods', '-l', 'app=web', '--no-headers'], (o) => !o.includes(name) && o.trim().split('\n').filter((l) => /Running/.test(l)).length === 5);
  });

  it('keeps a pod that asks for 100 CPUs Pending with the upstream message', async () => {
    const f = h.file('big.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: big\nspec:\n  containers:\n  - name: c\n    image: nginx\n    resources:\n      requests:\n        cpu: "100"\n');
    await h.kubectl(['apply', '-f', f]);
    const msg = await until(['get', 'pod', 'big', '-o', 'jsonpath={.status.conditions[?(@.type=="PodScheduled")].message}'], (o) => o.length > 0);
    expect(msg).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
    const ev = await h.kubectl(['get', 'events', '--field-selector', 'involvedObject.name=big,reason=FailedScheduling', '-o', 'jsonpath={.items[0].message}']);
    expect(ev.stdout).toBe(msg);
    expect((await h.kubectl(['get', 'pod', 'big', '--no-headers'])).stdout).toMatch(/big\s+0\/1\s+Pending/);
  });

  it('computes pi in a Job and shows it with kubectl logs', async () => {
    const f = h.file('pi.yaml', 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n  backoffLimit: 4\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: pi\n        image: perl:5.34.0\n        command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]\n');
    await h.kubectl(['apply', '-f', f]);
    await until(['get', 'job', 'pi', '-o', 'jsonpath={.status.succeeded}'], (o) => o === '1', 60_000);
    const logs = await h.kubectl(['logs', 'job/pi']);
    expect(logs.stdout.startsWith('3.14159265358979323846264338327950288419716939937510')).toBe(true);
    expect(logs.stdout.trim().length).toBe(2001);
  });

  it('backs off a crashing container into CrashLoopBackOff', async () => {
    await h.kubectl(['run', 'crash', '--image=busybox', '--', 'sh', '-c', 'exit 1']);
    const out = await until(['get', 'pod', 'crash', '--no-headers'], (o) => /CrashLoopBackOff/.test(o) && /\s[2-9]\s|\s\d{2,}\s|\d \(/.test(o), 60_000);
    expect(out).toMatch(/crash\s+0\/1\s+CrashLoopBackOff\s+\d+/);
    const ev = await h.kubectl(['get', 'events', '--field-selector', 'involvedObject.name=crash,reason=BackOff', '-o', 'jsonpath={.items[0].message}']);
    expect(ev.stdout).toMatch(/^Back-off restarting failed container crash in pod crash_default\(/);
  });

  it('shows ErrImagePull then ImagePullBackOff for an unknown image', async () => {
    await h.kubectl(['run', 'typo', '--image=nginxx']);
    const reasons = new Set<string>();
    const deadline = Date.now() + 30_000;
    while (!reasons.has('ImagePullBackOff') && Date.now() < deadline) {
      const r = await h.kubectl(['get', 'pod', 'typo', '-o', 'jsonpath={.status.containerStatuses[0].state.waiting.reason}']);
      if (r.stdout) reasons.add(r.stdout);
      await new Promise((res) => setTimeout(res, 20));
    }
    expect(reasons.has('ImagePullBackOff')).toBe(true);
    const ev = await h.kubectl(['get', 'events', '--field-selector', 'involvedObject.name=typo,reason=Failed', '-o', 'jsonpath={.items[*].message}']);
    expect(ev.stdout).toContain('Failed to pull image "nginxx": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginxx:latest"');
  });

  it('drains a node: pods are evicted and rescheduled elsewhere', async () => {
    // --force: bare pods (from kubectl run) on the node are deleted, as on a real cluster.
    const r = await h.kubectl(['drain', 'worker-1', '--ignore-daemonsets', '--delete-emptydir-data', '--force', '--timeout=60s']);
    expect(r.stdout).toContain('node/worker-1 cordoned');
    expect(r.stdout).toContain('node/worker-1 drained');
    const nodes = await h.kubectl(['get', 'node', 'worker-1', '--no-headers']);
    expect(nodes.stdout).toMatch(/worker-1\s+Ready,SchedulingDisabled/);
    await until(['get', 'pods', '-l', 'app=web', '-o', 'wide', '--no-headers'], (o) => !o.includes('worker-1') && o.trim().split('\n').filter((l) => /Running/.test(l)).length === 5);
    expect((await h.kubectl(['uncordon', 'worker-1'])).stdout.trim()).toBe('node/worker-1 uncordoned');
  });

  it('describes a pod and a node like a real cluster', async () => {
    const name = (await h.kubectl(['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}'])).stdout;
    const d = await h.kubectl(['describe', 'pod', name]);
    expect(d.stdout).toMatch(/^Name:\s+web-/m);
    expect(d.stdout).toMatch(/^Status:\s+Running/m);
    expect(d.stdout).toMatch(/^Controlled By:\s+ReplicaSet\/web-/m);
    expect(d.stdout).toMatch(/Normal\s+Scheduled\s+\S+\s+default-scheduler\s+Successfully assigned default\//);
    const n = await h.kubectl(['describe', 'node', 'worker-2']);
    expect(n.stdout).toMatch(/^Roles:\s+<none>/m);
    expect(n.stdout).toMatch(/Ready\s+True\s+.*KubeletReady\s+kubelet is posting ready status/);
    expect(n.stdout).toMatch(/Non-terminated Pods:/);
  });
});

describe('logs and exec', () => {
  it('follows a log as the container writes it, and runs commands with exec', async () => {
    await h.kubectl(['run', 'ticker', '--image=busybox', '--', 'sh', '-c', 'i=0; while true; do echo tick $i; i=$((i+1)); sleep 1; done']);
    await until(['get', 'pod', 'ticker', '-o', 'jsonpath={.status.phase}'], (o) => o === 'Running');
    const f = h.spawnKubectl(['logs', '-f', 'ticker']);
    try {
      const deadline = Date.now() + 20_000;
      while (!/tick 5/.test(f.output()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(f.output()).toMatch(/^tick 0\ntick 1\n/);
      expect(f.output()).toMatch(/tick 5/);
    } finally {
      f.proc.kill();
    }
    const e = await h.kubectl(['exec', 'ticker', '--', 'sh', '-c', 'echo hello from $(hostname)']);
    expect(e.stdout.trim()).toBe('hello from ticker');
    const bad = await h.kubectl(['exec', 'ticker', '--', 'sh', '-c', 'exit 3']);
    expect(bad.code).toBe(3);
    expect(bad.stderr.trim()).toBe('command terminated with exit code 3');
  });
});

describe('an interactive shell', () => {
  it('runs kubectl exec -it … -- sh line by line, remembering cd', async () => {
    const { spawn } = await import('node:child_process');
    await h.kubectl(['run', 'box', '--image=busybox', '--', 'sleep', '3600']);
    await until(['get', 'pod', 'box', '-o', 'jsonpath={.status.phase}'], (o) => o === 'Running');
    // kubectl wants a terminal for -t: `script` gives it one.
    const kubectl = (await import('./testing/kubectl')).findKubectl();
    const child = spawn('script', ['-qc', `${kubectl} --server ${h.url} exec -it box -- sh`, '/dev/null'], { env: { ...process.env, KUBECONFIG: '/dev/null' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const type = async (s: string) => {
      await new Promise((r) => setTimeout(r, 300));
      child.stdin.write(s);
    };
    await type('echo hi\r');
    await type('cd /etc\r');
    await type('pwd\r');
    await type('exit\r');
    await new Promise((r) => child.on('close', r));
    const text = out.replace(/\r/g, '');
    expect(text).toMatch(/\/ # echo hi\nhi\n/);
    expect(text).toMatch(/\/etc # pwd\n\/etc\n/);
  });
});
