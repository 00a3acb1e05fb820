/**
 * The rules one node's kube-proxy writes for the services it knows
 * (pkg/proxy/iptables/proxier.go syncProxyRules, v1.32). A pure function
 * of the service ports, their endpoints and the node, so every node can
 * rebuild its tables from the snapshot it last synced.
 */
import type { Match, Rule, RuleSet, Table } from './iptables';
import { BUILTIN_CHAINS, indexChains } from './iptables';
import { computeProbability } from './probability';
import { categorizeEndpoints, type EndpointInfo, type ServicePortInfo } from './serviceInfo';

/** The masquerade mark of masqueradeBit 14, as iptables-save shows it. */
export const MASQ_MARK = '0x4000/0x4000';

export interface ProxyNode {
  name: string;
  /** --cluster-cidr, for detect-local-mode ClusterCIDR (kind's default). */
  clusterCIDR: string;
}

export interface ProxyState {
  ports: readonly ServicePortInfo[];
  endpoints: ReadonlyMap<string, readonly EndpointInfo[]>;
}

const comment = (text: string): Match => ({ kind: 'comment', text });

export function syncProxyRules(state: ProxyState, node: ProxyNode): RuleSet {
  const filterChains = [...BUILTIN_CHAINS.filter, 'KUBE-EXTERNAL-SERVICES', 'KUBE-FIREWALL', 'KUBE-FORWARD', 'KUBE-NODEPORTS', 'KUBE-PROXY-CANARY', 'KUBE-PROXY-FIREWALL', 'KUBE-SERVICES'];
  const natTop = ['KUBE-MARK-MASQ', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-PROXY-CANARY', 'KUBE-SERVICES'];
  const filter: Rule[] = [];
  const nat: Rule[] = [];
  const natChains = new Set<string>();
  const f = (chain: string, matches: Match[], target: Rule['target']) => filter.push({ chain, matches, target });
  const n = (chain: string, matches: Match[], target: Rule['target']) => nat.push({ chain, matches, target });
  const ctNew: Match = { kind: 'raw', text: '-m conntrack --ctstate NEW' };

  // The jumps from the built-in chains (iptablesJumpChains), as they end up after prepending.
  f('INPUT', [ctNew, comment('kubernetes load balancer firewall')], { kind: 'jump', chain: 'KUBE-PROXY-FIREWALL' });
  f('INPUT', [comment('kubernetes health check service ports')], { kind: 'jump', chain: 'KUBE-NODEPORTS' });
  f('INPUT', [ctNew, comment('kubernetes externally-visible service portals')], { kind: 'jump', chain: 'KUBE-EXTERNAL-SERVICES' });
  f('INPUT', [], { kind: 'jump', chain: 'KUBE-FIREWALL' });
  f('FORWARD', [ctNew, comment('kubernetes load balancer firewall')], { kind: 'jump', chain: 'KUBE-PROXY-FIREWALL' });
  f('FORWARD', [comment('kubernetes forwarding rules')], { kind: 'jump', chain: 'KUBE-FORWARD' });
  f('FORWARD', [ctNew, comment('kubernetes service portals')], { kind: 'jump', chain: 'KUBE-SERVICES' });
  f('FORWARD', [ctNew, comment('kubernetes externally-visible service portals')], { kind: 'jump', chain: 'KUBE-EXTERNAL-SERVICES' });
  f('OUTPUT', [ctNew, comment('kubernetes load balancer firewall')], { kind: 'jump', chain: 'KUBE-PROXY-FIREWALL' });
  f('OUTPUT', [ctNew, comment('kubernetes service portals')], { kind: 'jump', chain: 'KUBE-SERVICES' });
  f('OUTPUT', [], { kind: 'jump', chain: 'KUBE-FIREWALL' });
  f('KUBE-FIREWALL', [{ kind: 'src', cidr: '127.0.0.0/8', negate: true }, { kind: 'dst', cidr: '127.0.0.0/8' }, comment('block incoming localnet connections'), { kind: 'raw', text: '-m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT' }], { kind: 'DROP' });
  n('PREROUTING', [comment('kubernetes service portals')], { kind: 'jump', chain: 'KUBE-SERVICES' });
  n('OUTPUT', [comment('kubernetes service portals')], { kind: 'jump', chain: 'KUBE-SERVICES' });
  n('POSTROUTING', [comment('kubernetes postrouting rules')], { kind: 'jump', chain: 'KUBE-POSTROUTING' });
  n('KUBE-MARK-MASQ', [], { kind: 'MARK', set: MASQ_MARK });
  n('KUBE-POSTROUTING', [{ kind: 'mark', mark: MASQ_MARK, negate: true }], { kind: 'RETURN' });
  n('KUBE-POSTROUTING', [], { kind: 'MARK', set: '0x4000/0x0' });
  n('KUBE-POSTROUTING', [comment('kubernetes service traffic requiring SNAT')], { kind: 'MASQUERADE' });

  const notLocal: Match = { kind: 'src', cidr: node.clusterCIDR, negate: true };
  const isLocal: Match = { kind: 'src', cidr: node.clusterCIDR };

  for (const svc of state.ports) {
    const p = svc.proto;
    const name = svc.name;
    const all = state.endpoints.get(name) ?? [];
    const cat = categorizeEndpoints([...all], svc, node.name);
    const accessible = svc.nodePort !== 0 || svc.externalIPs.length > 0 || svc.loadBalancerIPs.length > 0;
    const usesClusterChain = cat.cluster.length > 0 && (!svc.internalPolicyLocal || (accessible && !svc.externalPolicyLocal));
    const usesLocalChain = cat.local.length > 0 && (svc.internalPolicyLocal || (accessible && svc.externalPolicyLocal));
    const internalChain = svc.internalPolicyLocal ? svc.chains.local : svc.chains.cluster;
    const hasInternal = cat.hasAny && (!svc.internalPolicyLocal || cat.local.length > 0);
    const externalPolicyChain = svc.externalPolicyLocal ? svc.chains.local : svc.chains.cluster;
    const hasExternal = cat.hasAny && (!svc.externalPolicyLocal || cat.local.length > 0);
    const usesExt = cat.hasAny && accessible;
    const usesFW = cat.hasAny && svc.loadBalancerIPs.length > 0 && svc.loadBalancerSourceRanges.length > 0;
    const lbChain = usesFW ? svc.chains.firewall : svc.chains.external;
    const noEndpoints = `${name} has no endpoints`;
    const noLocal = `${name} has no local endpoints`;
    const internalFilter = !cat.hasAny ? { target: { kind: 'REJECT' } as const, text: noEndpoints } : { target: { kind: 'DROP' } as const, text: noLocal };
    const externalFilter = internalFilter.target.kind === 'REJECT' ? internalFilter : { target: { kind: 'DROP' } as const, text: noLocal };
    const vip = (ip: string, text: string): Match[] => [{ kind: 'dst', cidr: ip }, { kind: 'proto', proto: p }, comment(text), { kind: 'port', proto: p, dport: svc.port }];

    if (hasInternal) n('KUBE-SERVICES', vip(svc.clusterIP, `${name} cluster IP`), { kind: 'jump', chain: internalChain });
    else f('KUBE-SERVICES', vip(svc.clusterIP, internalFilter.text), internalFilter.target);

    for (const ip of svc.externalIPs) {
      if (cat.hasAny) n('KUBE-SERVICES', vip(ip, `${name} external IP`), { kind: 'jump', chain: svc.chains.external });
      if (!hasExternal) f('KUBE-EXTERNAL-SERVICES', vip(ip, externalFilter.text), externalFilter.target);
    }
    for (const ip of svc.loadBalancerIPs) {
      if (cat.hasAny) n('KUBE-SERVICES', vip(ip, `${name} loadbalancer IP`), { kind: 'jump', chain: lbChain });
      if (usesFW) f('KUBE-PROXY-FIREWALL', vip(ip, `${name} traffic not accepted by ${svc.chains.firewall}`), { kind: 'DROP' });
    }
    if (!hasExternal) for (const ip of svc.loadBalancerIPs) f('KUBE-EXTERNAL-SERVICES', vip(ip, externalFilter.text), externalFilter.target);

    if (svc.nodePort) {
      const np: Match[] = [{ kind: 'proto', proto: p }, comment(name), { kind: 'port', proto: p, dport: svc.nodePort }];
      if (cat.hasAny) n('KUBE-NODEPORTS', np, { kind: 'jump', chain: svc.chains.external });
      if (!hasExternal) f('KUBE-EXTERNAL-SERVICES', [{ kind: 'proto', proto: p }, comment(externalFilter.text), { kind: 'addrtype', dst: 'LOCAL' }, { kind: 'port', proto: p, dport: svc.nodePort }], externalFilter.target);
    }

    if (hasInternal) {
      // Off-cluster sources reaching the ClusterIP through this node get masqueraded.
      n(internalChain, [notLocal, ...vip(svc.clusterIP, `${name} cluster IP`)], { kind: 'jump', chain: 'KUBE-MARK-MASQ' });
    }

    if (usesExt) {
      const ext = svc.chains.external;
      natChains.add(ext);
      if (!svc.externalPolicyLocal) {
        n(ext, [comment(`masquerade traffic for ${name} external destinations`)], { kind: 'jump', chain: 'KUBE-MARK-MASQ' });
      } else {
        n(ext, [isLocal, comment(`pod traffic for ${name} external destinations`)], { kind: 'jump', chain: svc.chains.cluster });
        n(ext, [comment(`masquerade LOCAL traffic for ${name} external destinations`), { kind: 'addrtype', src: 'LOCAL' }], { kind: 'jump', chain: 'KUBE-MARK-MASQ' });
        n(ext, [comment(`route LOCAL traffic for ${name} external destinations`), { kind: 'addrtype', src: 'LOCAL' }], { kind: 'jump', chain: svc.chains.cluster });
      }
      if (hasExternal) n(ext, [], { kind: 'jump', chain: externalPolicyChain });
    }

    if (usesFW) {
      const fw = svc.chains.firewall;
      natChains.add(fw);
      for (const cidr of svc.loadBalancerSourceRanges) n(fw, [{ kind: 'src', cidr }, comment(`${name} loadbalancer IP`)], { kind: 'jump', chain: svc.chains.external });
      // Falling off the end: KUBE-PROXY-FIREWALL in the filter table drops it.
      n(fw, [comment(`other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL`)], { kind: 'none' });
    }

    if (usesClusterChain) writeServiceToEndpointRules(n, natChains, svc, svc.chains.cluster, cat.cluster);
    if (usesLocalChain) writeServiceToEndpointRules(n, natChains, svc, svc.chains.local, cat.local);

    for (const ep of cat.reachable) {
      natChains.add(ep.chain);
      n(ep.chain, [{ kind: 'src', cidr: ep.ip }, comment(name)], { kind: 'jump', chain: 'KUBE-MARK-MASQ' });
      const dnat: Match[] = [{ kind: 'proto', proto: p }, comment(name)];
      if (svc.sessionAffinity) dnat.push({ kind: 'recent', mode: 'set', name: ep.chain });
      dnat.push({ kind: 'port', proto: p });
      n(ep.chain, dnat, { kind: 'DNAT', to: ep.endpoint });
    }
  }

  n('KUBE-SERVICES', [comment('kubernetes service nodeports; NOTE: this must be the last rule in this chain'), { kind: 'addrtype', dst: 'LOCAL' }], { kind: 'jump', chain: 'KUBE-NODEPORTS' });
  f('KUBE-FORWARD', [{ kind: 'raw', text: '-m conntrack --ctstate INVALID' }], { kind: 'DROP' });
  f('KUBE-FORWARD', [comment('kubernetes forwarding rules'), { kind: 'mark', mark: MASQ_MARK }], { kind: 'ACCEPT' });
  f('KUBE-FORWARD', [comment('kubernetes forwarding conntrack rule'), { kind: 'raw', text: '-m conntrack --ctstate RELATED,ESTABLISHED' }], { kind: 'ACCEPT' });

  // libiptc keeps user chains sorted by name, and iptables-save prints rules chain by chain.
  const natTable: Table = { name: 'nat', chains: [...BUILTIN_CHAINS.nat, ...[...natTop, ...natChains].sort()], rules: [] };
  natTable.rules = groupByChain(nat, natTable.chains);
  const filterTable: Table = { name: 'filter', chains: filterChains, rules: groupByChain(filter, filterChains) };
  return { filter: filterTable, nat: natTable, natChains: indexChains(natTable), filterChains: indexChains(filterTable) };
}

function writeServiceToEndpointRules(n: (chain: string, m: Match[], t: Rule['target']) => void, natChains: Set<string>, svc: ServicePortInfo, chain: string, endpoints: EndpointInfo[]): void {
  natChains.add(chain);
  if (svc.sessionAffinity) {
    for (const ep of endpoints) {
      n(chain, [comment(`${svc.name} -> ${ep.endpoint}`), { kind: 'recent', mode: 'rcheck', name: ep.chain, seconds: svc.stickySeconds }], { kind: 'jump', chain: ep.chain });
    }
  }
  endpoints.forEach((ep, i) => {
    const m: Match[] = [comment(`${svc.name} -> ${ep.endpoint}`)];
    if (i < endpoints.length - 1) m.push({ kind: 'statistic', probability: computeProbability(endpoints.length - i) });
    n(chain, m, { kind: 'jump', chain: ep.chain });
  });
}

function groupByChain(rules: Rule[], order: string[]): Rule[] {
  const pos = new Map(order.map((c, i) => [c, i]));
  return rules.map((r, i) => ({ r, i })).sort((a, b) => (pos.get(a.r.chain)! - pos.get(b.r.chain)!) || a.i - b.i).map((x) => x.r);
}
