import { describe, it, expect, afterAll, beforeAll } from 'vitest';
import { startTestHost, type TestHost } from '../host/testing/kubectl';

let h: TestHost;

beforeAll(async () => {
  h = await startTestHost({ seed: 1, speed: 100 });
});

afterAll(async () => {
  await h?.close();
});

const MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx
spec:
  replicas: 3
  selector:
    matchLabels: {app: nginx}
  template:
    metadata:
      labels: {app: nginx}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
---
apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  selector: {app: nginx}
  ports:
  - port: 80
`;

describe('the network with real kubectl', () => {
  it('kubectl exec client -- wget -qO- http://nginx returns the welcome page', async () => {
    const applied = await h.kubectl(['apply', '-f', h.file('nginx.yaml', MANIFEST)]);
    expect(applied.code, applied.stderr).toBe(0);
    await h.kubectl(['run', 'client', '--image=busybox:1.36', '--', 'sleep', '3600']);
    const deadline = Date.now() + 60_000;
    let out = { code: 1, stdout: '', stderr: '' };
    while (Date.now() < deadline) {
      out = await h.kubectl(['exec', 'client', '--', 'wget', '-qO-', '-T', '2', 'http://nginx']);
      if (out.code === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(out.stderr).toBe('');
    expect(out.stdout).toContain('<title>Welcome to nginx!</title>');
    const ns = await h.kubectl(['exec', 'client', '--', 'nslookup', 'nginx']);
    expect(ns.stdout).toMatch(/^Server:\t\t10\.96\.0\.10\nAddress:\t10\.96\.0\.10:53\n\nName:\tnginx\.default\.svc\.cluster\.local\nAddress: 10\.\d+\.\d+\.\d+\n\n$/);
  });
});
