/**
 * One pod as an EndpointSlice endpoint, the ports a service resolves to on
 * it, and the keys slices are grouped and matched by
 * (staging/src/k8s.io/endpointslice/utils.go, util/endpointset.go).
 */
import { jsonEqual } from '../../api/object';
import { findPort, isPodReady, shouldSetHostname } from './podUtil';
import { LABEL_TOPOLOGY_ZONE, type Endpoint, type EndpointPort, type Node, type Pod, type Service } from './types';

const isIPv6 = (ip: string) => ip.includes(':');

/** getEndpointAddresses: the pod IPs of this address type. */
export function endpointAddresses(pod: Pod, addressType: string): string[] {
  const out: string[] = [];
  const ips = pod.status?.podIPs?.length ? pod.status.podIPs.map((p) => p.ip) : pod.status?.podIP ? [pod.status.podIP] : [];
  for (const ip of ips) {
    if (!ip) continue;
    if (isIPv6(ip) ? addressType === 'IPv6' : addressType === 'IPv4') out.push(ip);
  }
  return out;
}

/**
 * podToEndpoint. Field order follows the Go struct, so the JSON reads as
 * kubectl shows it: addresses, conditions, hostname, targetRef, nodeName, zone.
 */
export function podToEndpoint(pod: Pod, node: Node | undefined, svc: Service, addressType: string): Endpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  // Ready is never true for a terminating pod unless the service publishes not-ready addresses.
  const ready = !!svc.spec?.publishNotReadyAddresses || (serving && !terminating);
  const ep: Endpoint = { addresses: endpointAddresses(pod, addressType), conditions: { ready, serving, terminating } };
  if (shouldSetHostname(pod, svc)) ep.hostname = pod.spec!.hostname;
  ep.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
  const zone = node?.metadata.labels?.[LABEL_TOPOLOGY_ZONE];
  if (zone) ep.zone = zone;
  return ep;
}

/** getEndpointPorts: the service's ports that resolve on this pod (named targetPorts may not). */
export function endpointPorts(svc: Service, pod: Pod): EndpointPort[] {
  const ports = svc.spec?.ports ?? [];
  // A headless service may have no ports.
  if (ports.length === 0 && svc.spec?.clusterIP === 'None') return [];
  const out: EndpointPort[] = [];
  for (const sp of ports) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    const ep: EndpointPort = { name: sp.name ?? '', protocol: sp.protocol ?? 'TCP', port };
    if (sp.appProtocol !== undefined) ep.appProtocol = sp.appProtocol;
    out.push(ep);
  }
  return out;
}

/**
 * NewPortMapKey: endpoints with the same resolved ports share slices.
 * Upstream hashes the ports sorted by their hash; any order-free canonical
 * form groups the same way.
 */
export function portMapKey(ports: readonly EndpointPort[] | null | undefined): string {
  return (ports ?? [])
    .map((p) => JSON.stringify([p.name ?? null, p.protocol ?? null, p.port ?? null, p.appProtocol ?? null]))
    .sort()
    .join('|');
}

/** hashEndpoint: an endpoint is the same one when its addresses, hostname and target pod are. */
export function endpointKey(ep: Endpoint): string {
  return JSON.stringify([[...ep.addresses].sort(), ep.hostname ?? '', ep.targetRef?.namespace ?? '', ep.targetRef?.name ?? '']);
}

/** EndpointsEqualBeyondHash: what a keyed endpoint may change (conditions, node, zone, target uid). */
export function endpointsEqualBeyondHash(a: Endpoint, b: Endpoint): boolean {
  if ((a.nodeName ?? null) !== (b.nodeName ?? null)) return false;
  if ((a.zone ?? null) !== (b.zone ?? null)) return false;
  const ca = a.conditions ?? {};
  const cb = b.conditions ?? {};
  if ((ca.ready ?? null) !== (cb.ready ?? null)) return false;
  if ((ca.serving ?? null) !== (cb.serving ?? null)) return false;
  if ((ca.terminating ?? null) !== (cb.terminating ?? null)) return false;
  const ra = a.targetRef ? { ...a.targetRef, resourceVersion: undefined } : null;
  const rb = b.targetRef ? { ...b.targetRef, resourceVersion: undefined } : null;
  return jsonEqual(ra, rb);
}

/**
 * An insertion-ordered EndpointSet. Upstream pops in map order; here the
 * order is the pods' (the informer's), so the same history gives the same slices.
 */
export class EndpointSet {
  private items = new Map<string, Endpoint>();

  insert(ep: Endpoint): void {
    this.items.set(endpointKey(ep), ep);
  }

  get(ep: Endpoint): Endpoint | undefined {
    return this.items.get(endpointKey(ep));
  }

  delete(ep: Endpoint): void {
    this.items.delete(endpointKey(ep));
  }

  popAny(): Endpoint | undefined {
    for (const [k, ep] of this.items) {
      this.items.delete(k);
      return ep;
    }
    return undefined;
  }

  get size(): number {
    return this.items.size;
  }
}
