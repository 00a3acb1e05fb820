import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../host/testing/kubectl';
import { isPodReady } from '../replicaset/podUtil';
import { livePods, markReady } from '../replicaset/testing';

let h: TestHost;
let kubelet: ReturnType<typeof setInterval> | undefined;

/** No kubelet runs in this cluster yet: this stands in for one, marking pods Ready. */
function fakeKubelet(): void {
  try {
    markReady(h.cluster, livePods(h.cluster).filter((p) => !isPodReady(p)));
  } catch {
    /* a pod went away between list and update: next tick */
  }
}

beforeAll(async () => {
  h = await startTestHost({ seed: 11, speed: 100 });
  kubelet = setInterval(fakeKubelet, 25);
});

afterAll(async () => {
  if (kubelet) clearInterval(kubelet);
  await h?.close();
});

const manifest = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: app
        image: ${image}
`;

async function rolledOut(name = 'web') {
  const r = await h.kubectl(['rollout', 'status', `deployment/${name}`, '--timeout=60s']);
  expect(r.stderr).toBe('');
  expect(r.stdout.trim().split('\n').pop()).toBe(`deployment "${name}" successfully rolled out`);
}

describe('kubectl rollout against the Deployment controller', () => {
  it('applies, scales, updates the image, and reports history', async () => {
    const apply = await h.kubectl(['apply', '-f', h.file('web.yaml', manifest('nginx:1.27'))]);
    expect(apply.stderr).toBe('');
    expect(apply.stdout.trim()).toBe('deployment.apps/web created');
    await rolledOut();

    const scale = await h.kubectl(['scale', 'deployment/web', '--replicas=5']);
    expect(scale.stdout.trim()).toBe('deployment.apps/web scaled');
    await rolledOut();

    const set = await h.kubectl(['set', 'image', 'deployment/web', 'app=nginx:1.28']);
    expect(set.stderr).toBe('');
    expect(set.stdout.trim()).toBe('deployment.apps/web image updated');
    await rolledOut();

    const rs = await h.kubectl(['get', 'rs', '-l', 'app=web', '-o', 'jsonpath={range .items[*]}{.spec.replicas}{" "}{.metadata.annotations.deployment\\.kubernetes\\.io/revision}{"\\n"}{end}']);
    expect(rs.stdout.trim().split('\n').sort()).toEqual(['0 1', '5 2']);

    const history = await h.kubectl(['rollout', 'history', 'deployment/web']);
    expect(history.stderr).toBe('');
    expect(history.stdout).toMatch(/^deployment\.apps\/web\s*\nREVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>\n/);
  });

  it('undoes to the previous revision, reusing its ReplicaSet', async () => {
    const undo = await h.kubectl(['rollout', 'undo', 'deployment/web']);
    expect(undo.stderr).toBe('');
    expect(undo.stdout.trim()).toBe('deployment.apps/web rolled back');
    await rolledOut();
    const image = await h.kubectl(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']);
    expect(image.stdout).toBe('nginx:1.27');
    const history = await h.kubectl(['rollout', 'history', 'deployment/web']);
    expect(history.stdout).toMatch(/REVISION\s+CHANGE-CAUSE\n2\s+<none>\n3\s+<none>\n/);
    const rs = await h.kubectl(['get', 'rs', '-l', 'app=web', '--no-headers']);
    expect(rs.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('pauses, resumes and restarts', async () => {
    expect((await h.kubectl(['rollout', 'pause', 'deployment/web'])).stdout.trim()).toBe('deployment.apps/web paused');
    const paused = await h.kubectl(['get', 'deployment', 'web', '-o', 'jsonpath={.spec.paused}']);
    expect(paused.stdout).toBe('true');
    expect((await h.kubectl(['rollout', 'resume', 'deployment/web'])).stdout.trim()).toBe('deployment.apps/web resumed');
    const restart = await h.kubectl(['rollout', 'restart', 'deployment/web']);
    expect(restart.stdout.trim()).toBe('deployment.apps/web restarted');
    await rolledOut();
    const rs = await h.kubectl(['get', 'rs', '-l', 'app=web', '--no-headers']);
    expect(rs.stdout.trim().split('\n')).toHaveLength(3);
  });

  // Needs protobuf request bodies in the host: `kubectl create deployment` sends protobuf.
  it('creates a deployment with kubectl create deployment', async () => {
    const r = await h.kubectl(['create', 'deployment', 'api', '--image=nginx', '--replicas=2']);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('deployment.apps/api created');
    await rolledOut('api');
  });
});
