import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../host/testing/kubectl';

let h: TestHost;

beforeAll(async () => {
  h = await startTestHost({ seed: 5, speed: 100 });
});

afterAll(async () => {
  await h?.close();
});

/** Run kubectl until its output matches, or give up after `ms` of real time. */
async function eventually(args: string[], ok: (out: string) => boolean, ms = 20_000): Promise<string> {
  const deadline = Date.now() + ms;
  let out = '';
  while (Date.now() < deadline) {
    const r = await h.kubectl(args);
    out = r.stdout + r.stderr;
    if (ok(out)) return out;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return out;
}

const GUESTBOOK = `apiVersion: v1
kind: ReplicationController
metadata:
  name: guestbook
spec:
  replicas: 2
  selector:
    app: guestbook
  template:
    metadata:
      labels:
        app: guestbook
    spec:
      containers:
      - name: guestbook
        image: registry.k8s.io/guestbook:v3
        ports:
        - name: http-server
          containerPort: 3000
---
kind: Service
apiVersion: v1
metadata:
  name: guestbook
  labels:
    app: guestbook
spec:
  ports:
  - port: 3000
    targetPort: http-server
  selector:
    app: guestbook
  type: LoadBalancer
`;

describe('kubectl and the endpoint and load balancer controllers', () => {
  it('a LoadBalancer Service gets an EXTERNAL-IP; its endpoints list the pods on the named port', async () => {
    const apply = await h.kubectl(['apply', '-f', h.file('guestbook.yaml', GUESTBOOK)]);
    expect(apply.stderr).toBe('');
    expect(apply.stdout.trim().split('\n')).toEqual(['replicationcontroller/guestbook created', 'service/guestbook created']);

    const svc = await eventually(['get', 'svc', 'guestbook'], (o) => o.includes('172.18.255.200'));
    const [header, row] = svc.trim().split('\n');
    expect(header.split(/\s+/)).toEqual(['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE']);
    const cells = row.split(/\s+/);
    expect(cells.slice(0, 2)).toEqual(['guestbook', 'LoadBalancer']);
    expect(cells[3]).toBe('172.18.255.200');
    expect(cells[4]).toMatch(/^3000:3\d{4}\/TCP$/);

    const ep = await eventually(['get', 'endpoints', 'guestbook'], (o) => (o.match(/:3000/g) ?? []).length === 2);
    expect(ep).toMatch(/^guestbook\s+10\.244\.\d+\.\d+:3000,10\.244\.\d+\.\d+:3000\s/m);
    const slices = await eventually(['get', 'endpointslices', '-l', 'kubernetes.io/service-name=guestbook'], (o) => /guestbook-\w{5}\s+IPv4\s+3000\s+10\.244\.\d+\.\d+,10\.244/.test(o));
    expect(slices).toMatch(/guestbook-\w{5}\s+IPv4\s+3000\s+10\.244\.\d+\.\d+,10\.244\.\d+\.\d+\s/);

    const describe = await h.kubectl(['describe', 'svc', 'guestbook']);
    expect(describe.stdout).toMatch(/LoadBalancer Ingress:\s+172\.18\.255\.200 \(VIP\)/);
    expect(describe.stdout).toMatch(/Normal\s+EnsuringLoadBalancer\s+.*service-controller\s+Ensuring load balancer/);
    expect(describe.stdout).toMatch(/Normal\s+EnsuredLoadBalancer\s+.*service-controller\s+Ensured load balancer/);
  });
});
