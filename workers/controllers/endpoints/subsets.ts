/**
 * Building an Endpoints object's subsets: one small subset per pod and port
 * (addEndpointSubset, pkg/controller/endpoint/endpoints_controller.go), packed
 * into the fewest subsets that say the same (RepackSubsets,
 * pkg/api/v1/endpoints/util.go), and the 1000-address cap (truncateEndpoints).
 */
import type { EndpointAddress, EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1';
import { jsonEqual } from '../../api/object';

/** maxCapacity: addresses beyond this are cut and the object annotated. */
export const MAX_CAPACITY = 1000;
/** v1.EndpointsOverCapacity and its value. */
export const ANNOTATION_OVER_CAPACITY = 'endpoints.kubernetes.io/over-capacity';
export const OVER_CAPACITY_TRUNCATED = 'truncated';

/** addEndpointSubset: the pod's address under this port, ready or not. */
export function podSubset(address: EndpointAddress, port: EndpointPort | undefined, ready: boolean): EndpointSubset {
  const ports = port ? [port] : [];
  return ready ? { addresses: [address], ports } : { notReadyAddresses: [address], ports };
}

const addressKey = (a: EndpointAddress) => `${a.ip}\u0000${a.targetRef?.uid ?? ''}`;
const portKey = (p: EndpointPort | null) => (p ? JSON.stringify([p.name ?? '', p.port, p.protocol ?? '', p.appProtocol ?? null]) : '');

/**
 * RepackSubsets: for each port, the addresses that offer it (not-ready wins
 * over ready); ports offered by the very same addresses share a subset.
 */
export function repackSubsets(subsets: readonly EndpointSubset[]): EndpointSubset[] {
  const allAddrs = new Map<string, EndpointAddress>();
  // A port-less subset (a headless service without ports) is kept under a sentinel.
  const byPort = new Map<string, { port: EndpointPort | null; addrs: Map<string, boolean> }>();
  const mapAddress = (a: EndpointAddress, port: EndpointPort | null, ready: boolean) => {
    const k = addressKey(a);
    if (!allAddrs.has(k)) allAddrs.set(k, a);
    const pk = portKey(port);
    let entry = byPort.get(pk);
    if (!entry) byPort.set(pk, (entry = { port, addrs: new Map() }));
    const was = entry.addrs.get(k);
    if (was === undefined || was) entry.addrs.set(k, ready);
  };
  for (const ss of subsets) {
    const ports: (EndpointPort | null)[] = ss.ports?.length ? ss.ports : [null];
    for (const port of ports) {
      for (const a of ss.addresses ?? []) mapAddress(a, port, true);
      for (const a of ss.notReadyAddresses ?? []) mapAddress(a, port, false);
    }
  }
  const groups = new Map<string, { addrs: Map<string, boolean>; ports: EndpointPort[] }>();
  for (const { port, addrs } of byPort.values()) {
    const key = JSON.stringify([...addrs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { addrs, ports: [] }));
    if (port) g.ports.push(port);
  }
  const out: EndpointSubset[] = [];
  for (const g of groups.values()) {
    const ready: EndpointAddress[] = [];
    const notReady: EndpointAddress[] = [];
    for (const [k, r] of g.addrs) (r ? ready : notReady).push(allAddrs.get(k)!);
    const ss: EndpointSubset = {};
    if (ready.length) ss.addresses = ready;
    if (notReady.length) ss.notReadyAddresses = notReady;
    if (g.ports.length) ss.ports = g.ports;
    out.push(ss);
  }
  return sortSubsets(out);
}

/** LessEndpointAddress: by IP (as bytes of the string), then by target uid. */
function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  const ua = a.targetRef?.uid ?? '';
  const ub = b.targetRef?.uid ?? '';
  return ua < ub ? -1 : ua > ub ? 1 : 0;
}

/**
 * SortSubsets. Upstream orders ports and subsets by an MD5 hash of their Go
 * dump; any fixed order serves the same purpose (a stable comparison), so
 * here ports go by number and subsets by their first address.
 */
export function sortSubsets(subsets: EndpointSubset[]): EndpointSubset[] {
  for (const ss of subsets) {
    ss.addresses?.sort(compareAddresses);
    ss.notReadyAddresses?.sort(compareAddresses);
    ss.ports?.sort((a, b) => a.port - b.port || portKey(a).localeCompare(portKey(b)));
  }
  const first = (ss: EndpointSubset) => ss.addresses?.[0] ?? ss.notReadyAddresses?.[0];
  return subsets.sort((a, b) => {
    const fa = first(a);
    const fb = first(b);
    if (fa && fb) return compareAddresses(fa, fb) || portKey(a.ports?.[0] ?? null).localeCompare(portKey(b.ports?.[0] ?? null));
    return fa ? -1 : fb ? 1 : 0;
  });
}

/** truncateEndpoints: keep at most MAX_CAPACITY addresses, not-ready ones first to go; true when cut. */
export function truncateSubsets(subsets: EndpointSubset[]): boolean {
  let totalReady = 0;
  let totalNotReady = 0;
  for (const ss of subsets) {
    totalReady += ss.addresses?.length ?? 0;
    totalNotReady += ss.notReadyAddresses?.length ?? 0;
  }
  if (totalReady + totalNotReady <= MAX_CAPACITY) return false;
  const truncateReady = totalReady > MAX_CAPACITY;
  const max = truncateReady ? MAX_CAPACITY : MAX_CAPACITY - totalReady;
  const numTotal = truncateReady ? totalReady : totalNotReady;
  let canBeAdded = max;
  for (const ss of subsets) {
    const inSubset = (truncateReady ? ss.addresses?.length : ss.notReadyAddresses?.length) ?? 0;
    // Each subset keeps its share, rounded up; the last one gets what is left.
    const toBeAdded = Math.min(Math.ceil((inSubset / numTotal) * max), canBeAdded);
    if (truncateReady) {
      if (ss.addresses) ss.addresses = ss.addresses.slice(0, toBeAdded);
      delete ss.notReadyAddresses;
      canBeAdded -= ss.addresses?.length ?? 0;
    } else {
      if (ss.notReadyAddresses) ss.notReadyAddresses = ss.notReadyAddresses.slice(0, toBeAdded);
      canBeAdded -= ss.notReadyAddresses?.length ?? 0;
    }
  }
  return true;
}

/** capacityAnnotationSetCorrectly: under capacity and not annotated as truncated. */
export function capacityAnnotationSetCorrectly(annotations: Readonly<Record<string, string>> | undefined, subsets: readonly EndpointSubset[]): boolean {
  let n = 0;
  for (const ss of subsets) n += (ss.addresses?.length ?? 0) + (ss.notReadyAddresses?.length ?? 0);
  if (n > MAX_CAPACITY) return false;
  return !(annotations && ANNOTATION_OVER_CAPACITY in annotations);
}

/** endpointSubsetsEqualIgnoreResourceVersion. */
export function subsetsEqual(a: readonly EndpointSubset[] | undefined, b: readonly EndpointSubset[] | undefined): boolean {
  const strip = (list: readonly EndpointSubset[] | undefined) =>
    (list ?? []).map((ss) => ({
      addresses: (ss.addresses ?? []).map(stripRV),
      notReadyAddresses: (ss.notReadyAddresses ?? []).map(stripRV),
      ports: ss.ports ?? [],
    }));
  return jsonEqual(strip(a), strip(b));
}

function stripRV(a: EndpointAddress): EndpointAddress {
  if (!a.targetRef?.resourceVersion) return a;
  const { resourceVersion: _rv, ...ref } = a.targetRef;
  return { ...a, targetRef: ref };
}
