import { describe, it, expect } from 'vitest';
import type { Cluster } from '../cluster';
import { create, exec, netCluster, podReady, pods, runUntil } from './testing/cluster';

function nginx(c: Cluster, replicas = 3, extra: Record<string, unknown> = {}) {
  create(c, {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'nginx' },
    spec: { replicas, selector: { matchLabels: { app: 'nginx' } }, template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, name: 'http' }], ...extra }] } } },
  });
  create(c, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx' }, spec: { selector: { app: 'nginx' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] } });
}

function client(c: Cluster, name = 'client', spec: Record<string, unknown> = {}) {
  create(c, { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: name } }, spec: { containers: [{ name: 'busybox', image: 'busybox:1.36', command: ['sleep', '3600'] }], ...spec } });
}

const ready = (c: Cluster, sel: string, n: number, ns = 'default') => () => pods(c, sel, ns).filter(podReady).length === n;

describe('network: a ClusterIP Service in front of nginx', () => {
  it('serves the welcome page through DNS, kube-proxy and DNAT, spread over the backends', async () => {
    const { c, net } = await netCluster();
    nginx(c);
    client(c);
    expect(runUntil(c, () => ready(c, 'app=nginx', 3)() && ready(c, 'app=client', 1)() && ready(c, 'k8s-app=kube-dns', 2, 'kube-system')())).toBe(true);
    c.clock.runFor(5_000);
    const r = exec(c, 'client', ['wget', '-qO-', 'http://nginx']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('<title>Welcome to nginx!</title>');
    const t = net.traces().at(-1)!;
    expect(t.outcome).toBe('ok');
    const kinds = t.hops.map((h) => h.kind);
    expect(kinds[0]).toBe('dns');
    expect(kinds).toContain('dnat');
    expect(kinds.at(-1)).toBe('response');
    expect(t.hops.some((h) => h.kind === 'rule' && /^KUBE-SVC-/.test(h.chain ?? ''))).toBe(true);

    const backends = new Set<string>();
    for (let i = 0; i < 30; i++) {
      expect(exec(c, 'client', ['wget', '-qO-', 'http://nginx']).stdout).toContain('Welcome to nginx');
      const d = net.traces().at(-1)!.hops.find((h) => h.kind === 'deliver')!;
      backends.add(d.detail.split(' ')[0]);
    }
    expect(backends.size).toBeGreaterThan(1);
  });
});

describe('network: determinism', () => {
  it('picks the same backends for the same seed', async () => {
    const run = async () => {
      const { c, net } = await netCluster();
      nginx(c);
      client(c);
      runUntil(c, () => ready(c, 'app=nginx', 3)() && ready(c, 'app=client', 1)() && ready(c, 'k8s-app=kube-dns', 2, 'kube-system')());
      c.clock.runFor(3_000);
      for (let i = 0; i < 10; i++) exec(c, 'client', ['wget', '-qO-', 'http://nginx']);
      return JSON.stringify(net.traces());
    };
    const a = await run();
    expect(a).toContain('"kind":"dnat"');
    expect(await run()).toBe(a);
  });
});
