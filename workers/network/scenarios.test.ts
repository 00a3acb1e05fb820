import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import type { Cluster } from '../cluster';
import { create, exec, netCluster, podReady, pods, runUntil } from './testing/cluster';

const busybox = (c: Cluster, name: string, extra: Record<string, unknown> = {}) =>
  create(c, { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: name } }, spec: { containers: [{ name: 'busybox', image: 'busybox:1.36', command: ['sleep', '3600'] }], ...extra } });

const nReady = (c: Cluster, sel: string, ns = 'default') => pods(c, sel, ns).filter(podReady).length;
const dnsUp = (c: Cluster) => nReady(c, 'k8s-app=kube-dns', 'kube-system') === 2;

function deployment(c: Cluster, name: string, replicas: number, container: Record<string, unknown>, labels: Record<string, string> = { app: name }) {
  create(c, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name }, spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [container] } } } });
}

describe('network scenarios', () => {
  it('nslookup gives the ClusterIP; service variables only in pods created after the Service', async () => {
    const { c } = await netCluster();
    busybox(c, 'early');
    runUntil(c, () => nReady(c, 'app=early') === 1);
    deployment(c, 'nginx', 1, { name: 'nginx', image: 'nginx:1.27' });
    const svc = create(c, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx' }, spec: { selector: { app: 'nginx' }, ports: [{ port: 80 }] } });
    const ip = (svc.spec as { clusterIP: string }).clusterIP;
    busybox(c, 'late');
    expect(runUntil(c, () => nReady(c, 'app=late') === 1 && dnsUp(c))).toBe(true);
    c.clock.runFor(3_000);
    const ns = exec(c, 'late', ['nslookup', 'nginx.default.svc.cluster.local']);
    expect(ns.stdout).toBe(`Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tnginx.default.svc.cluster.local\nAddress: ${ip}\n\n`);
    expect(exec(c, 'late', ['nslookup', 'nginx']).stdout).toContain('Name:\tnginx.default.svc.cluster.local\n');
    expect(exec(c, 'late', ['nslookup', 'nope']).stdout).toContain("** server can't find nope: NXDOMAIN");
    const late = exec(c, 'late', ['env']).stdout;
    expect(late).toContain(`NGINX_SERVICE_HOST=${ip}\n`);
    expect(late).toContain(`NGINX_PORT_80_TCP_ADDR=${ip}\n`);
    expect(late).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1\n');
    const early = exec(c, 'early', ['env']).stdout;
    expect(early).not.toContain('NGINX_SERVICE_HOST');
    expect(early).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1\n');
    busybox(c, 'nolinks', { enableServiceLinks: false });
    runUntil(c, () => nReady(c, 'app=nolinks') === 1);
    const nolinks = exec(c, 'nolinks', ['env']).stdout;
    expect(nolinks).not.toContain('NGINX_');
    expect(nolinks).toContain('KUBERNETES_PORT=tcp://10.96.0.1:443\n');
  });

  it('a NodePort answers on every node IP', async () => {
    const { c, net } = await netCluster();
    deployment(c, 'web', 1, { name: 'nginx', image: 'nginx:1.27' });
    create(c, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { type: 'NodePort', selector: { app: 'web' }, ports: [{ port: 80, nodePort: 30080 }] } });
    busybox(c, 'client');
    expect(runUntil(c, () => nReady(c, 'app=web') === 1 && nReady(c, 'app=client') === 1)).toBe(true);
    c.clock.runFor(3_000);
    for (const ip of ['172.18.0.2', '172.18.0.3', '172.18.0.4', '172.18.0.5']) {
      const r = exec(c, 'client', ['wget', '-qO-', `http://${ip}:30080`]);
      expect(r.stdout, ip).toContain('Welcome to nginx');
      expect(net.traces().at(-1)!.hops.some((h) => h.chain === 'KUBE-NODEPORTS')).toBe(true);
    }
    const r = exec(c, 'client', ['wget', '-qO-', 'http://172.18.0.3:30081']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("wget: can't connect to remote host (172.18.0.3): Connection refused\n");
  });

  it('an ExternalName service is a CNAME; a headless StatefulSet names its pods', async () => {
    const { c } = await netCluster();
    create(c, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'db' }, spec: { type: 'ExternalName', externalName: 'my.database.example.com' } });
    create(c, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx' }, spec: { clusterIP: 'None', selector: { app: 'web' }, ports: [{ port: 80, name: 'web' }] } });
    create(c, {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web' },
      spec: { serviceName: 'nginx', replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80, name: 'web' }] }] } } },
    });
    busybox(c, 'client');
    expect(runUntil(c, () => nReady(c, 'app=web') === 2 && nReady(c, 'app=client') === 1 && dnsUp(c))).toBe(true);
    c.clock.runFor(3_000);
    const cname = exec(c, 'client', ['nslookup', 'db']);
    expect(cname.stdout).toContain('db.default.svc.cluster.local\tcanonical name = my.database.example.com\n');
    const web0 = pods(c, 'app=web').find((p) => p.metadata.name === 'web-0')!;
    const ip0 = (web0.status as { podIP: string }).podIP;
    expect(exec(c, 'client', ['nslookup', 'web-0.nginx']).stdout).toContain(`Name:\tweb-0.nginx.default.svc.cluster.local\nAddress: ${ip0}\n`);
    const all = exec(c, 'client', ['nslookup', 'nginx']).stdout;
    expect(all.match(/Address: 10\.244\./g)).toHaveLength(2);
    expect(exec(c, 'client', ['wget', '-qO-', 'http://web-0.nginx']).stdout).toContain('Welcome to nginx');
    const srv = exec(c, 'client', ['nslookup', '-type=SRV', '_web._tcp.nginx.default.svc.cluster.local']).stdout;
    expect(srv).toContain('_web._tcp.nginx.default.svc.cluster.local\tservice = 0 50 80 web-0.nginx.default.svc.cluster.local\n');
    expect(exec(c, 'client', ['nslookup', `${ip0.replace(/\./g, '-')}.default.pod.cluster.local`]).stdout).toContain(`Address: ${ip0}\n`);
  });

  it('a pod failing its readiness probe gets no traffic', async () => {
    const { c, net } = await netCluster();
    deployment(c, 'web', 2, { name: 'nginx', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 1 } });
    create(c, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'sick', labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', readinessProbe: { httpGet: { path: '/healthz-missing', port: 80 }, periodSeconds: 1 } }] } });
    create(c, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    busybox(c, 'client');
    expect(runUntil(c, () => nReady(c, 'app=web') === 2 && nReady(c, 'app=client') === 1 && dnsUp(c))).toBe(true);
    c.clock.runFor(5_000);
    const sickIP = (pods(c, 'app=web').find((p) => p.metadata.name === 'sick')!.status as { podIP: string }).podIP;
    expect(sickIP).toMatch(/^10\.244\./);
    expect(net.rules('worker-1')).not.toContain(`${sickIP}:80`);
    for (let i = 0; i < 20; i++) {
      expect(exec(c, 'client', ['wget', '-qO-', 'http://web']).stdout).toContain('Welcome to nginx');
      expect(net.traces().at(-1)!.hops.find((h) => h.kind === 'deliver')!.detail).not.toContain('default/sick');
    }
    // Directly by pod IP it still answers: readiness only steers Service traffic.
    expect(exec(c, 'client', ['wget', '-qO-', `http://${sickIP}`]).stdout).toContain('Welcome to nginx');
  });

  it('a NetworkPolicy denying ingress makes wget time out, naming the policy', async () => {
    const { c, net } = await netCluster();
    deployment(c, 'nginx', 2, { name: 'nginx', image: 'nginx:1.27' });
    create(c, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'nginx' }, spec: { selector: { app: 'nginx' }, ports: [{ port: 80 }] } });
    busybox(c, 'client');
    busybox(c, 'friend');
    expect(runUntil(c, () => nReady(c, 'app=nginx') === 2 && nReady(c, 'app=client') === 1 && nReady(c, 'app=friend') === 1 && dnsUp(c))).toBe(true);
    c.clock.runFor(3_000);
    expect(exec(c, 'client', ['wget', '-qO-', '-T', '2', 'http://nginx']).stdout).toContain('Welcome');
    create(c, { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny-ingress' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
    c.clock.runFor(1_000);
    // DNS still works: CoreDNS lives in kube-system, which the policy does not isolate.
    const denied = exec(c, 'client', ['wget', '-qO-', '-T', '2', 'http://nginx']);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toBe('wget: download timed out\n');
    const t = net.traces().at(-1)!;
    expect(t.outcome).toBe('timeout');
    expect(t.hops.find((h) => h.kind === 'policy')!.detail).toContain('default/default-deny-ingress');
    create(c, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow-friend' },
      spec: { podSelector: { matchLabels: { app: 'nginx' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'friend' } } }], ports: [{ port: 80 }] }] },
    });
    c.clock.runFor(1_000);
    expect(exec(c, 'friend', ['wget', '-qO-', '-T', '2', 'http://nginx']).stdout).toContain('Welcome');
    expect(exec(c, 'client', ['wget', '-qO-', '-T', '2', 'http://nginx']).stderr).toBe('wget: download timed out\n');
    // An egress default-deny in the client's namespace also cuts its DNS.
    create(c, { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny-egress' }, spec: { podSelector: { matchLabels: { app: 'friend' } }, policyTypes: ['Egress'] } });
    const noDns = exec(c, 'friend', ['wget', '-qO-', '-T', '2', 'http://nginx']);
    expect(noDns.stderr).toBe("wget: bad address 'nginx'\n");
    expect(net.traces().at(-1)!.hops.some((h) => h.kind === 'policy' && h.detail.includes('default/deny-egress'))).toBe(true);
  });

  it('the guestbook frontend finds redis through DNS', async () => {
    const { c, net } = await netCluster();
    const text = readFileSync('/work/shared/corpus/manifests/k8s-examples-web-guestbook-all-in-one__frontend.yaml', 'utf8');
    for (const d of parseAllDocuments(text)) create(c, d.toJS());
    for (const role of ['leader', 'follower']) {
      const labels = { app: 'redis', role, tier: 'backend' };
      create(c, { apiVersion: 'v1', kind: 'Service', metadata: { name: `redis-${role}`, labels }, spec: { ports: [{ port: 6379, targetPort: 6379 }], selector: labels } });
      deployment(c, `redis-${role}`, 1, { name: role, image: role === 'leader' ? 'docker.io/redis:6.0.5' : 'gcr.io/google_samples/gb-redis-follower:v2', ports: [{ containerPort: 6379 }] }, labels);
    }
    busybox(c, 'client');
    expect(runUntil(c, () => nReady(c, 'app=guestbook') === 3 && nReady(c, 'app=redis') === 2 && nReady(c, 'app=client') === 1 && dnsUp(c))).toBe(true);
    c.clock.runFor(3_000);
    const r = exec(c, 'client', ['wget', '-qO-', 'http://frontend/guestbook.php?cmd=get&key=messages']);
    expect(r.stdout).toBe('{"data": ""}');
    const lookups = net.traces().filter((t) => t.request === 'A redis-follower');
    expect(lookups.length).toBeGreaterThan(0);
    expect(lookups.at(-1)!.from).toMatch(/^default\/frontend-/);
    expect(lookups.at(-1)!.outcome).toBe('ok');
    expect(exec(c, 'client', ['nc', '-z', 'redis-leader', '6379']).code).toBe(0);
  });

  it('no endpoints: connection refused; no ready CoreDNS: lookups time out', async () => {
    const { c, net } = await netCluster();
    create(c, { apiVersion: 'v1', kind: 'Service', metadata: { name: 'empty' }, spec: { selector: { app: 'nothing' }, ports: [{ port: 80 }] } });
    busybox(c, 'client');
    expect(runUntil(c, () => nReady(c, 'app=client') === 1 && dnsUp(c))).toBe(true);
    c.clock.runFor(3_000);
    const r = exec(c, 'client', ['wget', '-qO-', 'http://empty']);
    expect(r.stderr).toMatch(/^wget: can't connect to remote host \(10\.\d+\.\d+\.\d+\): Connection refused\n$/);
    expect(net.traces().at(-1)!.hops.some((h) => h.kind === 'rule' && h.rule?.includes('has no endpoints') && h.rule.endsWith('REJECT --reject-with icmp-port-unreachable'))).toBe(true);
    c.request({ verb: 'patch', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'kube-system', name: 'coredns', contentType: 'application/merge-patch+json', body: { spec: { replicas: 0 } } });
    expect(runUntil(c, () => pods(c, 'k8s-app=kube-dns', 'kube-system').length === 0)).toBe(true);
    c.clock.runFor(3_000);
    expect(exec(c, 'client', ['nslookup', 'kubernetes.default']).stdout).toBe(';; connection timed out; no servers could be reached\n\n');
    expect(exec(c, 'client', ['wget', '-qO-', '-T', '1', 'http://empty']).stderr).toBe("wget: bad address 'empty'\n");
  });

  it('kube-proxy syncs as its own clock task, at most once a second after a burst', async () => {
    const { c, net } = await netCluster();
    busybox(c, 'client');
    expect(runUntil(c, () => nReady(c, 'app=client') === 1)).toBe(true);
    c.clock.runFor(5_000);
    const syncs: number[] = [];
    c.clock.onTask((t) => {
      if (t.component === 'kube-proxy/worker-1') syncs.push(t.at);
    });
    const start = c.clock.now();
    for (let i = 0; i < 5; i++) {
      create(c, { apiVersion: 'v1', kind: 'Service', metadata: { name: `s${i}` }, spec: { selector: { app: 'x' }, ports: [{ port: 80 }] } });
      c.clock.runFor(100);
    }
    c.clock.runFor(3_000);
    expect(net.rules('worker-1')).toContain('"default/s4 has no endpoints"');
    // A burst of two, then one a second.
    expect(syncs[0]).toBe(start);
    expect(syncs.length).toBeGreaterThanOrEqual(2);
    expect(syncs.length).toBeLessThanOrEqual(3);
    for (let i = 2; i < syncs.length; i++) expect(syncs[i] - syncs[i - 2]).toBeGreaterThanOrEqual(1_000);
  });
});
