import { describe, it, expect } from 'vitest';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object';
import type { Informer } from '../client/informer';
import { candidateNames, parseResolvConf } from './resolver';
import { serviceVars } from './serviceEnv';
import { PolicyEngine } from './policy';
import { TraceLog } from './trace';
import { cidrContains } from './ip';

describe('resolver', () => {
  const conf = parseResolvConf('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  it('parses the kubelet resolv.conf', () => {
    expect(conf).toMatchObject({ nameservers: ['10.96.0.10'], search: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], ndots: 5 });
    expect(parseResolvConf(undefined).nameservers).toEqual([]);
    expect(parseResolvConf('options ndots:x').ndots).toBe(1);
  });
  it('tries the search list first below ndots, the name first at or above it', () => {
    expect(candidateNames('nginx', conf)).toEqual(['nginx.default.svc.cluster.local', 'nginx.svc.cluster.local', 'nginx.cluster.local', 'nginx']);
    expect(candidateNames('a.b.c.d.e.f', conf)[0]).toBe('a.b.c.d.e.f');
    expect(candidateNames('nginx.default.svc.cluster.local.', conf)).toEqual(['nginx.default.svc.cluster.local']);
  });
});

describe('service environment variables', () => {
  it('follow envvars.FromServices', () => {
    const svc = { metadata: { name: 'redis-leader', namespace: 'default' }, spec: { clusterIP: '10.96.1.2', ports: [{ port: 6379 }, { name: 'metrics-port', port: 9121, protocol: 'TCP' }] } } as Service;
    expect(Object.fromEntries(serviceVars(svc))).toEqual({
      REDIS_LEADER_SERVICE_HOST: '10.96.1.2',
      REDIS_LEADER_SERVICE_PORT: '6379',
      REDIS_LEADER_SERVICE_PORT_METRICS_PORT: '9121',
      REDIS_LEADER_PORT: 'tcp://10.96.1.2:6379',
      REDIS_LEADER_PORT_6379_TCP: 'tcp://10.96.1.2:6379',
      REDIS_LEADER_PORT_6379_TCP_PROTO: 'tcp',
      REDIS_LEADER_PORT_6379_TCP_PORT: '6379',
      REDIS_LEADER_PORT_6379_TCP_ADDR: '10.96.1.2',
      REDIS_LEADER_PORT_9121_TCP: 'tcp://10.96.1.2:9121',
      REDIS_LEADER_PORT_9121_TCP_PROTO: 'tcp',
      REDIS_LEADER_PORT_9121_TCP_PORT: '9121',
      REDIS_LEADER_PORT_9121_TCP_ADDR: '10.96.1.2',
    });
    expect(serviceVars({ ...svc, spec: { ...svc.spec, clusterIP: 'None' } })).toEqual([]);
  });
});

function fakeInformer(objs: unknown[]): Informer<KubeObject> {
  const list = objs as KubeObject[];
  return { list: (ns?: string) => list.filter((o) => ns === undefined || o.metadata.namespace === ns) } as unknown as Informer<KubeObject>;
}

const pod = (name: string, ns: string, labels: Record<string, string>, ports: { name: string; containerPort: number }[] = []): Pod =>
  ({ metadata: { name, namespace: ns, labels }, spec: { containers: [{ name: 'c', ports }] } }) as Pod;

describe('NetworkPolicy', () => {
  const web = pod('web', 'prod', { app: 'web' }, [{ name: 'http', containerPort: 8080 }]);
  const policies = [
    { metadata: { name: 'web-ingress', namespace: 'prod' }, spec: { podSelector: { matchLabels: { app: 'web' } }, ingress: [
      { from: [{ namespaceSelector: { matchLabels: { team: 'ops' } }, podSelector: { matchLabels: { role: 'monitor' } } }], ports: [{ port: 'http' }] },
      { from: [{ ipBlock: { cidr: '172.18.0.0/16', except: ['172.18.0.9/32'] } }] },
    ] } },
    { metadata: { name: 'db-egress', namespace: 'prod' }, spec: { podSelector: { matchLabels: { app: 'db' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] } },
  ];
  const engine = new PolicyEngine({ policies: fakeInformer(policies), namespaceLabels: (n) => ({ ops: { team: 'ops' }, dev: { team: 'dev' } } as Record<string, Record<string, string>>)[n] ?? {} });
  it('admits peers matching namespace AND pod selectors on the named port only', () => {
    const monitor = pod('m', 'ops', { role: 'monitor' });
    expect(engine.ingress(web, { ip: '10.244.1.5', pod: monitor }, 8080, 'TCP')).toEqual({ allowed: true });
    expect(engine.ingress(web, { ip: '10.244.1.5', pod: monitor }, 9090, 'TCP')).toEqual({ allowed: false, policies: ['prod/web-ingress'] });
    expect(engine.ingress(web, { ip: '10.244.1.6', pod: pod('m', 'dev', { role: 'monitor' }) }, 8080, 'TCP').allowed).toBe(false);
  });
  it('matches ipBlock with exceptions', () => {
    expect(engine.ingress(web, { ip: '172.18.0.3' }, 1234, 'TCP').allowed).toBe(true);
    expect(engine.ingress(web, { ip: '172.18.0.9' }, 1234, 'TCP').allowed).toBe(false);
  });
  it('leaves unselected pods alone and isolates egress only where asked', () => {
    expect(engine.ingress(pod('other', 'prod', { app: 'other' }), { ip: '1.2.3.4' }, 80, 'TCP').allowed).toBe(true);
    const db = pod('db', 'prod', { app: 'db' });
    expect(engine.egress(db, { ip: '10.96.0.10' }, 53, 'UDP').allowed).toBe(true);
    expect(engine.egress(db, { ip: '10.244.2.2' }, 80, 'TCP')).toEqual({ allowed: false, policies: ['prod/db-egress'] });
    expect(engine.ingress(db, { ip: '10.244.2.2' }, 80, 'TCP').allowed).toBe(true);
  });
});

describe('traces and addresses', () => {
  it('keeps a bounded ring buffer', () => {
    const log = new TraceLog(3);
    for (let i = 0; i < 5; i++) log.add({ id: log.newId(), time: i, from: 'x', request: `r${i}`, outcome: 'ok', hops: [] });
    expect(log.list().map((t) => t.request)).toEqual(['r2', 'r3', 'r4']);
  });
  it('matches CIDRs and rejects malformed ones', () => {
    expect(cidrContains('10.244.0.0/16', '10.244.3.7')).toBe(true);
    expect(cidrContains('10.244.0.0/16', '10.245.0.1')).toBe(false);
    expect(cidrContains('0.0.0.0/0', '8.8.8.8')).toBe(true);
    expect(cidrContains('10.0.0.0/33', '10.0.0.1')).toBe(false);
    expect(cidrContains('banana', '10.0.0.1')).toBe(false);
    expect(cidrContains('10.0.0.1', '10.0.0.1')).toBe(true);
  });
});
