import { describe, it, expect } from 'vitest';
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { base32, clusterChain, endpointChain, servicePortName } from './chainNames';
import { computeProbability, savedProbability, statisticMatches } from './probability';
import { renderRule, saveString } from './render';
import { portEndpoints, servicePorts, type EndpointInfo } from './serviceInfo';
import { syncProxyRules, type ProxyState } from './syncRules';
import { evaluatePacket, type NodeNetfilter } from './evaluate';
import type { RuleSet } from './iptables';

describe('chain names', () => {
  it('hash service ports as upstream does (kind clusters show these names)', () => {
    expect(clusterChain('default/kubernetes:https', 'tcp')).toBe('KUBE-SVC-NPX46M4PTMTKRN6Y');
    expect(clusterChain('kube-system/kube-dns:dns', 'udp')).toBe('KUBE-SVC-TCOU7JCQXEZGVUNU');
    expect(clusterChain('kube-system/kube-dns:dns-tcp', 'tcp')).toBe('KUBE-SVC-ERIFXISQEP7F7OF4');
    expect(clusterChain('kube-system/kube-dns:metrics', 'tcp')).toBe('KUBE-SVC-JD5MR3NA4I4DYORP');
    expect(servicePortName('default', 'web', '')).toBe('default/web');
    expect(endpointChain('default/web', 'tcp', '10.244.1.2:80')).toMatch(/^KUBE-SEP-[A-Z2-7]{16}$/);
    expect(endpointChain('default/web', 'tcp', '10.244.1.2:80')).not.toBe(endpointChain('default/web', 'tcp', '10.244.1.3:80'));
  });

  it('base32 is RFC 4648', () => {
    expect(base32(new TextEncoder().encode('foobar'))).toBe('MZXW6YTBOI');
    expect(base32(new Uint8Array([]))).toBe('');
  });
});

describe('probabilities', () => {
  it('are written with %0.10f and saved with the kernel rounding', () => {
    expect(computeProbability(3)).toBe('0.3333333333');
    expect(savedProbability(computeProbability(3))).toBe('0.33333333349');
    expect(savedProbability(computeProbability(2))).toBe('0.50000000000');
    expect(savedProbability(computeProbability(5))).toBe('0.20000000019');
    expect(statisticMatches('0.5000000000', 0.49)).toBe(true);
    expect(statisticMatches('0.5000000000', 0.5)).toBe(false);
  });

  it('comments are quoted only when needed', () => {
    expect(saveString('KUBE-SVC')).toBe('KUBE-SVC');
    expect(saveString('default/nginx')).toBe('"default/nginx"');
    expect(saveString('')).toBe('""');
  });
});

const svc = (spec: Record<string, unknown>, name = 'web'): Service => ({ metadata: { name, namespace: 'default' }, spec: { clusterIP: '10.96.10.10', ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }], ...spec } }) as Service;
const slice = (eps: { ip: string; node: string; ready?: boolean; serving?: boolean; terminating?: boolean }[]): EndpointSlice => ({
  addressType: 'IPv4',
  metadata: { name: 'web-abc', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
  ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
  endpoints: eps.map((e) => ({ addresses: [e.ip], nodeName: e.node, conditions: { ready: e.ready ?? true, serving: e.serving ?? e.ready ?? true, terminating: e.terminating ?? false } })),
});

function state(s: Service, sl: EndpointSlice[]): ProxyState {
  const ports = servicePorts(s);
  const endpoints = new Map<string, EndpointInfo[]>(ports.map((p) => [p.name, portEndpoints(p, sl)]));
  return { ports, endpoints };
}

function nf(rules: RuleSet, draws: number[] = [0.9, 0.9, 0.9], local = ['172.18.0.3']): NodeNetfilter {
  let i = 0;
  return { rules, isLocal: (ip) => local.includes(ip) || ip.startsWith('127.'), recent: new Map(), now: 1_000, random: () => draws[i++ % draws.length] };
}

const lines = (rs: RuleSet) => rs.nat.rules.map(renderRule);

describe('syncProxyRules', () => {
  const three = slice([{ ip: '10.244.2.5', node: 'worker-2' }, { ip: '10.244.1.4', node: 'worker-1' }, { ip: '10.244.3.6', node: 'worker-3' }]);

  it('writes cluster IP, SVC split and SEP DNAT rules, endpoints sorted', () => {
    const rs = syncProxyRules(state(svc({}), [three]), { name: 'worker-1', clusterCIDR: '10.244.0.0/16' });
    const chain = clusterChain('default/web:http', 'tcp');
    const l = lines(rs);
    expect(l).toContain(`-A KUBE-SERVICES -d 10.96.10.10/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j ${chain}`);
    expect(l).toContain(`-A ${chain} ! -s 10.244.0.0/16 -d 10.96.10.10/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-MARK-MASQ`);
    const svcRules = l.filter((x) => x.startsWith(`-A ${chain} -m comment`));
    expect(svcRules.map((x) => /-> (\S+)"/.exec(x)![1])).toEqual(['10.244.1.4:8080', '10.244.2.5:8080', '10.244.3.6:8080']);
    expect(svcRules[0]).toContain('--probability 0.33333333349');
    expect(svcRules[1]).toContain('--probability 0.50000000000');
    expect(svcRules[2]).not.toContain('statistic');
    const sep = endpointChain('default/web:http', 'tcp', '10.244.1.4:8080');
    expect(l).toContain(`-A ${sep} -p tcp -m comment --comment "default/web:http" -m tcp -j DNAT --to-destination 10.244.1.4:8080`);
  });

  it('REJECTs a service without endpoints in the filter table, and the packet is refused', () => {
    const rs = syncProxyRules(state(svc({}), []), { name: 'worker-1', clusterCIDR: '10.244.0.0/16' });
    expect(rs.filter.rules.map(renderRule)).toContain('-A KUBE-SERVICES -d 10.96.10.10/32 -p tcp -m comment --comment "default/web:http has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable');
    expect(evaluatePacket(nf(rs), { src: '10.244.1.9', dst: '10.96.10.10', proto: 'tcp', dport: 80 }).kind).toBe('reject');
    expect(evaluatePacket(nf(rs), { src: '10.244.1.9', dst: '10.96.10.10', proto: 'tcp', dport: 81 }).kind).toBe('accept');
  });

  it('picks endpoints by the statistic draws and DNATs', () => {
    const rs = syncProxyRules(state(svc({}), [three]), { name: 'worker-1', clusterCIDR: '10.244.0.0/16' });
    const v1 = evaluatePacket(nf(rs, [0.1]), { src: '10.244.1.9', dst: '10.96.10.10', proto: 'tcp', dport: 80 });
    expect(v1).toMatchObject({ kind: 'dnat', ip: '10.244.1.4', port: 8080, masquerade: false });
    const v3 = evaluatePacket(nf(rs, [0.9, 0.9]), { src: '10.244.1.9', dst: '10.96.10.10', proto: 'tcp', dport: 80 });
    expect(v3).toMatchObject({ kind: 'dnat', ip: '10.244.3.6' });
    // From outside the pod network the ClusterIP path masquerades.
    expect(evaluatePacket(nf(rs, [0.1]), { src: '172.18.0.9', dst: '10.96.10.10', proto: 'tcp', dport: 80 })).toMatchObject({ kind: 'dnat', masquerade: true });
  });

  it('keeps a client on its endpoint with sessionAffinity ClientIP', () => {
    const rs = syncProxyRules(state(svc({ sessionAffinity: 'ClientIP' }), [three]), { name: 'worker-1', clusterCIDR: '10.244.0.0/16' });
    expect(lines(rs).some((x) => x.includes('-m recent --rcheck --seconds 10800 --reap'))).toBe(true);
    const n = nf(rs, [0.9, 0.1]);
    const first = evaluatePacket(n, { src: '10.244.1.9', dst: '10.96.10.10', proto: 'tcp', dport: 80 });
    for (let i = 0; i < 5; i++) expect(evaluatePacket(n, { src: '10.244.1.9', dst: '10.96.10.10', proto: 'tcp', dport: 80 })).toMatchObject({ kind: 'dnat', ip: (first as { ip: string }).ip });
    n.now += 10_801_000;
    n.random = () => 0.01;
    expect(evaluatePacket(n, { src: '10.244.1.9', dst: '10.96.10.10', proto: 'tcp', dport: 80 })).toMatchObject({ ip: '10.244.1.4' });
  });

  it('internalTrafficPolicy Local: only local endpoints through KUBE-SVL, DROP on nodes without one', () => {
    const s = svc({ internalTrafficPolicy: 'Local' });
    const two = slice([{ ip: '10.244.1.4', node: 'worker-1' }, { ip: '10.244.2.5', node: 'worker-2' }]);
    const w1 = syncProxyRules(state(s, [two]), { name: 'worker-1', clusterCIDR: '10.244.0.0/16' });
    expect(lines(w1).some((x) => x.startsWith('-A KUBE-SERVICES') && x.includes('-j KUBE-SVL-'))).toBe(true);
    for (const d of [0.05, 0.4, 0.6, 0.95]) expect(evaluatePacket(nf(w1, [d]), { src: '10.244.1.9', dst: '10.96.10.10', proto: 'tcp', dport: 80 })).toMatchObject({ ip: '10.244.1.4' });
    const w3 = syncProxyRules(state(s, [two]), { name: 'worker-3', clusterCIDR: '10.244.0.0/16' });
    expect(w3.filter.rules.map(renderRule).some((x) => x.includes('"default/web:http has no local endpoints"') && x.endsWith('-j DROP'))).toBe(true);
    expect(evaluatePacket(nf(w3), { src: '10.244.3.9', dst: '10.96.10.10', proto: 'tcp', dport: 80 }).kind).toBe('drop');
  });

  it('NodePort with externalTrafficPolicy Local keeps external traffic on local endpoints', () => {
    const s = svc({ type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{ name: 'http', port: 80, protocol: 'TCP', nodePort: 30080 }] });
    const two = slice([{ ip: '10.244.2.5', node: 'worker-2' }]);
    const w1 = syncProxyRules(state(s, [two]), { name: 'worker-1', clusterCIDR: '10.244.0.0/16' });
    const ext = lines(w1).filter((x) => x.startsWith('-A KUBE-EXT-'));
    expect(ext.some((x) => x.includes('"pod traffic for default/web:http external destinations"'))).toBe(true);
    // From outside, worker-1 has no local endpoint: dropped.
    expect(evaluatePacket(nf(w1), { src: '192.168.1.1', dst: '172.18.0.3', proto: 'tcp', dport: 30080 }).kind).toBe('drop');
    // From a pod, the short-circuit sends it to the cluster-wide chain.
    expect(evaluatePacket(nf(w1), { src: '10.244.1.9', dst: '172.18.0.3', proto: 'tcp', dport: 30080 })).toMatchObject({ kind: 'dnat', ip: '10.244.2.5' });
  });

  it('ignores not-ready endpoints but falls back to serving terminating ones', () => {
    const sl = slice([{ ip: '10.244.1.4', node: 'worker-1', ready: false, serving: false }, { ip: '10.244.2.5', node: 'worker-2', ready: false, serving: true, terminating: true }]);
    const rs = syncProxyRules(state(svc({}), [sl]), { name: 'worker-1', clusterCIDR: '10.244.0.0/16' });
    expect(evaluatePacket(nf(rs), { src: '10.244.1.9', dst: '10.96.10.10', proto: 'tcp', dport: 80 })).toMatchObject({ kind: 'dnat', ip: '10.244.2.5' });
    const none = slice([{ ip: '10.244.1.4', node: 'worker-1', ready: false, serving: false }]);
    expect(evaluatePacket(nf(syncProxyRules(state(svc({}), [none]), { name: 'worker-1', clusterCIDR: '10.244.0.0/16' })), { src: '10.244.1.9', dst: '10.96.10.10', proto: 'tcp', dport: 80 }).kind).toBe('reject');
  });

  it('skips headless and ExternalName services', () => {
    expect(servicePorts(svc({ clusterIP: 'None' }))).toEqual([]);
    expect(servicePorts(svc({ type: 'ExternalName', clusterIP: undefined, externalName: 'x.example.com' }))).toEqual([]);
  });
});
