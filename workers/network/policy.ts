/**
 * NetworkPolicy enforcement (networking.k8s.io/v1), as a policy-enforcing
 * CNI applies it: a pod selected by a policy of a direction is isolated in
 * that direction, and a connection is allowed only if some rule of some
 * selecting policy admits the peer and the port. Egress is checked against
 * the destination after kube-proxy's DNAT (the backend pod and its port).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort } from 'kubernetes-types/networking/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Informer } from '../client/informer';
import type { KubeObject } from '../api/object';
import { selectorFromLabelSelector } from '../api/selectors/labels';
import { cidrContains } from './ip';

export interface PolicyPeer {
  ip: string;
  /** The pod with this IP, when the address is a pod's. */
  pod?: Pod;
}

export type PolicyDecision = { allowed: true } | { allowed: false; policies: string[] };

export interface PolicySources {
  policies: Informer<KubeObject>;
  namespaceLabels(name: string): Record<string, string> | undefined;
}

/** An empty or absent selector selects everything here (podSelector {} is "all pods"). */
function selects(sel: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean {
  const r = selectorFromLabelSelector(sel ?? {});
  return r.ok && r.selector.matches(labels ?? {});
}

/** spec.policyTypes, or what it means when unset: Ingress, plus Egress when there are egress rules. */
export function policyTypes(np: NetworkPolicy): string[] {
  const t = np.spec?.policyTypes;
  if (t && t.length) return t;
  return np.spec?.egress ? ['Ingress', 'Egress'] : ['Ingress'];
}

export class PolicyEngine {
  constructor(private readonly src: PolicySources) {}

  /** May `peer` open a connection to `pod` on port/protocol? */
  ingress(pod: Pod, peer: PolicyPeer, port: number, protocol: string): PolicyDecision {
    return this.check(pod, 'Ingress', peer, port, protocol, pod);
  }

  /** May `pod` open a connection to `peer` on port/protocol? */
  egress(pod: Pod, peer: PolicyPeer, port: number, protocol: string): PolicyDecision {
    return this.check(pod, 'Egress', peer, port, protocol, peer.pod);
  }

  private check(pod: Pod, dir: 'Ingress' | 'Egress', peer: PolicyPeer, port: number, protocol: string, portOwner: Pod | undefined): PolicyDecision {
    const ns = pod.metadata!.namespace!;
    const isolating: NetworkPolicy[] = [];
    for (const o of this.src.policies.list(ns)) {
      const np = o as unknown as NetworkPolicy;
      if (!policyTypes(np).includes(dir)) continue;
      if (!selects(np.spec?.podSelector, pod.metadata?.labels)) continue;
      isolating.push(np);
    }
    if (!isolating.length) return { allowed: true };
    for (const np of isolating) {
      const rules = dir === 'Ingress' ? (np.spec?.ingress ?? []).map((r) => ({ peers: r.from, ports: r.ports })) : (np.spec?.egress ?? []).map((r) => ({ peers: r.to, ports: r.ports }));
      for (const r of rules) {
        if (!this.portsAllow(r.ports, port, protocol, portOwner)) continue;
        if (!r.peers || r.peers.length === 0 || r.peers.some((p) => this.peerMatches(p, ns, peer))) return { allowed: true };
      }
    }
    return { allowed: false, policies: isolating.map((np) => `${np.metadata!.namespace}/${np.metadata!.name}`).sort() };
  }

  private peerMatches(p: NetworkPolicyPeer, policyNs: string, peer: PolicyPeer): boolean {
    if (p.ipBlock) {
      if (!cidrContains(p.ipBlock.cidr, peer.ip)) return false;
      return !(p.ipBlock.except ?? []).some((c) => cidrContains(c, peer.ip));
    }
    const pod = peer.pod;
    if (!pod) return false;
    const podNs = pod.metadata!.namespace!;
    if (p.namespaceSelector) {
      const r = selectorFromLabelSelector(p.namespaceSelector);
      if (!r.ok || !r.selector.matches(this.src.namespaceLabels(podNs) ?? {})) return false;
    } else if (podNs !== policyNs) return false;
    if (p.podSelector) return selects(p.podSelector, pod.metadata?.labels);
    return true;
  }

  private portsAllow(ports: NetworkPolicyPort[] | undefined, port: number, protocol: string, owner: Pod | undefined): boolean {
    if (!ports || ports.length === 0) return true;
    return ports.some((p) => {
      if ((p.protocol ?? 'TCP') !== protocol) return false;
      if (p.port === undefined) return true;
      if (typeof p.port === 'number') return p.endPort !== undefined ? port >= p.port && port <= p.endPort : port === p.port;
      // A named port is the destination pod's container port of that name.
      return !!owner && namedPort(owner, p.port, protocol) === port;
    });
  }
}

export function namedPort(pod: Pod, name: string, protocol: string): number | undefined {
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    for (const p of c.ports ?? []) if (p.name === name && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  }
  return undefined;
}
