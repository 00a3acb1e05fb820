/**
 * What kube-proxy keeps of a Service and its EndpointSlices
 * (pkg/proxy/servicechangetracker.go newBaseServiceInfo,
 * pkg/proxy/endpointslicecache.go): one entry per service port, and per
 * service port the endpoints, sorted by `ip:port`.
 */
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { clusterChain, endpointChain, externalChain, firewallChain, localChain, servicePortName, type Proto } from './chainNames';

/** service.spec.sessionAffinityConfig.clientIP.timeoutSeconds default (3 hours). */
export const DEFAULT_STICKY_SECONDS = 10800;

export interface ServicePortInfo {
  /** `namespace/name:port`: the service port's name everywhere in kube-proxy. */
  name: string;
  namespace: string;
  service: string;
  portName: string;
  proto: Proto;
  clusterIP: string;
  port: number;
  /** 0 when the port has none. */
  nodePort: number;
  externalIPs: string[];
  loadBalancerIPs: string[];
  loadBalancerSourceRanges: string[];
  sessionAffinity: boolean;
  stickySeconds: number;
  internalPolicyLocal: boolean;
  externalPolicyLocal: boolean;
  chains: { cluster: string; local: string; external: string; firewall: string };
}

export interface EndpointInfo {
  ip: string;
  port: number;
  /** `ip:port` */
  endpoint: string;
  nodeName?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  chain: string;
  /** The pod behind the endpoint, when the slice names it. */
  targetRef?: { namespace?: string; name?: string };
}

/** v1helper.IsServiceIPSet: a ClusterIP that is neither empty nor `None`. */
export function isServiceIPSet(svc: Service): boolean {
  const ip = svc.spec?.clusterIP;
  return !!ip && ip !== 'None' && svc.spec?.type !== 'ExternalName';
}

export function externallyAccessible(p: Pick<ServicePortInfo, 'nodePort' | 'externalIPs' | 'loadBalancerIPs'>): boolean {
  return p.nodePort !== 0 || p.externalIPs.length > 0 || p.loadBalancerIPs.length > 0;
}

export function servicePorts(svc: Service): ServicePortInfo[] {
  if (!isServiceIPSet(svc)) return [];
  const spec = svc.spec!;
  const ns = svc.metadata!.namespace!;
  const name = svc.metadata!.name!;
  const lbIPs = (svc.status?.loadBalancer?.ingress ?? []).filter((i) => i.ip && (i as { ipMode?: string }).ipMode !== 'Proxy').map((i) => i.ip!);
  const affinity = spec.sessionAffinity === 'ClientIP';
  return (spec.ports ?? []).map((p) => {
    const proto = (p.protocol ?? 'TCP').toLowerCase() as Proto;
    const spn = servicePortName(ns, name, p.name);
    const base = {
      nodePort: p.nodePort ?? 0,
      externalIPs: spec.externalIPs ?? [],
      loadBalancerIPs: lbIPs,
    };
    return {
      name: spn,
      namespace: ns,
      service: name,
      portName: p.name ?? '',
      proto,
      clusterIP: spec.clusterIP!,
      port: p.port,
      ...base,
      loadBalancerSourceRanges: spec.loadBalancerSourceRanges ?? [],
      sessionAffinity: affinity,
      stickySeconds: affinity ? spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_STICKY_SECONDS : 0,
      internalPolicyLocal: spec.internalTrafficPolicy === 'Local',
      externalPolicyLocal: externallyAccessible(base) && spec.externalTrafficPolicy === 'Local',
      chains: { cluster: clusterChain(spn, proto), local: localChain(spn, proto), external: externalChain(spn, proto), firewall: firewallChain(spn, proto) },
    };
  });
}

/** The endpoints of one service port across the service's slices, deduplicated and sorted by `ip:port`. */
export function portEndpoints(port: ServicePortInfo, slices: Iterable<EndpointSlice>): EndpointInfo[] {
  const byEndpoint = new Map<string, EndpointInfo>();
  for (const s of slices) {
    if (s.addressType !== 'IPv4') continue;
    const sp = (s.ports ?? []).find((x) => (x.name ?? '') === port.portName && (x.protocol ?? 'TCP').toLowerCase() === port.proto);
    if (!sp || !sp.port) continue;
    for (const e of s.endpoints ?? []) {
      const ip = e.addresses?.[0];
      if (!ip) continue;
      const endpoint = `${ip}:${sp.port}`;
      if (byEndpoint.has(endpoint)) continue;
      byEndpoint.set(endpoint, {
        ip,
        port: sp.port,
        endpoint,
        nodeName: e.nodeName,
        ready: e.conditions?.ready !== false,
        serving: e.conditions?.serving !== false,
        terminating: e.conditions?.terminating === true,
        chain: endpointChain(port.name, port.proto, endpoint),
        targetRef: e.targetRef ? { namespace: e.targetRef.namespace, name: e.targetRef.name } : undefined,
      });
    }
  }
  return [...byEndpoint.values()].sort((a, b) => (a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0));
}

export interface Categorized {
  cluster: EndpointInfo[];
  local: EndpointInfo[];
  /** Endpoints this node can route to (the KUBE-SEP chains it writes). */
  reachable: EndpointInfo[];
  hasAny: boolean;
}

/**
 * Mirrors pkg/proxy/topology.go CategorizeEndpoints (without topology
 * hints): ready endpoints, falling back to serving-and-terminating ones.
 */
export function categorizeEndpoints(endpoints: EndpointInfo[], svc: ServicePortInfo, nodeName: string): Categorized {
  const accessible = externallyAccessible(svc);
  const usesCluster = !svc.internalPolicyLocal || (accessible && !svc.externalPolicyLocal);
  const usesLocal = svc.internalPolicyLocal || (accessible && svc.externalPolicyLocal);
  let cluster: EndpointInfo[] = [];
  let local: EndpointInfo[] = [];
  let hasAny = false;
  if (usesCluster) {
    cluster = endpoints.filter((e) => e.ready);
    if (!cluster.length) cluster = endpoints.filter((e) => e.serving && e.terminating);
    hasAny = cluster.length > 0;
  }
  if (!usesLocal) return { cluster, local, reachable: cluster, hasAny };
  let localReady = false;
  let localServingTerminating = false;
  for (const e of endpoints) {
    if (e.ready) {
      hasAny = true;
      if (e.nodeName === nodeName) localReady = true;
    } else if (e.serving && e.terminating) {
      hasAny = true;
      if (e.nodeName === nodeName) localServingTerminating = true;
    }
  }
  if (localReady) local = endpoints.filter((e) => e.nodeName === nodeName && e.ready);
  else if (localServingTerminating) local = endpoints.filter((e) => e.nodeName === nodeName && e.serving && e.terminating);
  if (!usesCluster) return { cluster, local, reachable: local, hasAny };
  const seen = new Set(cluster.map((e) => e.endpoint));
  return { cluster, local, reachable: [...cluster, ...local.filter((e) => !seen.has(e.endpoint))], hasAny };
}
