/**
 * The EndpointSlice reconciler's planning half
 * (staging/src/k8s.io/endpointslice/reconciler.go Reconcile,
 * reconcileByAddressType, reconcileByPortMapping): from a service, the pods
 * it selects and the slices it has, decide which slices to create, update and
 * delete. Pure: the controller carries the plan out through the API.
 * Topology hints and trafficDistribution are not modelled.
 */
import { jsonEqual } from '../../api/object';
import { EndpointSet, endpointPorts, endpointsEqualBeyondHash, podToEndpoint, portMapKey } from './endpoint';
import { shouldPodBeInEndpoints } from './podUtil';
import { newEndpointSlice, ownedBy, sliceLabels } from './sliceMeta';
import type { Endpoint, EndpointPort, EndpointSlice, Node, Pod, Service } from './types';

/** --max-endpoints-per-slice default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

export interface ReconcileInput {
  service: Service;
  pods: readonly Pod[];
  /** The service's slices (this controller's, not pending deletion). */
  slices: readonly EndpointSlice[];
  node(name: string): Node | undefined;
  maxEndpointsPerSlice?: number;
  controllerName: string;
}

export interface ReconcilePlan {
  create: EndpointSlice[];
  update: EndpointSlice[];
  delete: EndpointSlice[];
  /** Problems that do not stop the plan (a pod on a missing node) but fail the sync. */
  errors: string[];
}

/** getAddressTypesForService. */
export function addressTypesFor(svc: Service): string[] {
  const out = new Set<string>();
  for (const f of svc.spec?.ipFamilies ?? []) {
    if (f === 'IPv4') out.add('IPv4');
    if (f === 'IPv6') out.add('IPv6');
  }
  if (out.size) return [...out];
  const ip = svc.spec?.clusterIP;
  if (ip && ip !== 'None') return [ip.includes(':') ? 'IPv6' : 'IPv4'];
  return ['IPv4', 'IPv6'];
}

export function reconcile(input: ReconcileInput): ReconcilePlan {
  const plan: ReconcilePlan = { create: [], update: [], delete: [], errors: [] };
  const types = addressTypesFor(input.service);
  const byType = new Map<string, EndpointSlice[]>();
  for (const s of input.slices) {
    if (!types.includes(s.addressType)) {
      plan.delete.push(s);
      continue;
    }
    const list = byType.get(s.addressType) ?? [];
    list.push(s);
    byType.set(s.addressType, list);
  }
  for (const t of types) reconcileByAddressType(input, byType.get(t) ?? [], t, plan);
  return plan;
}

function reconcileByAddressType(input: ReconcileInput, existing: EndpointSlice[], addressType: string, plan: ReconcilePlan): void {
  const { service } = input;
  const max = input.maxEndpointsPerSlice ?? MAX_ENDPOINTS_PER_SLICE;
  const toCreate: EndpointSlice[] = [];
  const toUpdate: EndpointSlice[] = [];
  const toDelete: EndpointSlice[] = [];

  const existingByPorts = new Map<string, EndpointSlice[]>();
  for (const s of existing) {
    if (!ownedBy(s, service)) {
      // A slice of an earlier service with this name, still waiting for the garbage collector.
      toDelete.push(s);
      continue;
    }
    const k = portMapKey(s.ports);
    existingByPorts.set(k, [...(existingByPorts.get(k) ?? []), s]);
  }

  const desired = new Map<string, { ports: EndpointPort[]; set: EndpointSet }>();
  for (const pod of input.pods) {
    // Terminating pods stay in slices (ready=false, terminating=true).
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = endpointPorts(service, pod);
    const k = portMapKey(ports);
    let group = desired.get(k);
    if (!group) desired.set(k, (group = { ports, set: new EndpointSet() }));
    const nodeName = pod.spec?.nodeName ?? '';
    const node = input.node(nodeName);
    if (!node && !service.spec?.publishNotReadyAddresses) {
      // Left out, and the sync retried, until the pod GC removes the pod or the node returns.
      plan.errors.push(`skipping Pod ${pod.metadata.name} for Service ${service.metadata.namespace}/${service.metadata.name}: Node ${nodeName} Not Found`);
      continue;
    }
    const ep = podToEndpoint(pod, node, service, addressType);
    if (ep.addresses.length > 0) group.set.insert(ep);
  }

  for (const [k, group] of desired) {
    const r = reconcileByPortMapping(input, existingByPorts.get(k) ?? [], group.set, group.ports, addressType, max);
    toCreate.push(...r.create);
    toUpdate.push(...r.update);
    toDelete.push(...r.delete);
  }
  for (const [k, slices] of existingByPorts) if (!desired.has(k)) toDelete.push(...slices);

  // A service with nothing to serve still has one empty slice, so consumers can tell "no endpoints" from "not synced".
  if (existing.length === toDelete.length && toCreate.length < 1) {
    const placeholder = newEndpointSlice(service, [], addressType, input.controllerName);
    if (toDelete.length === 1 && isSamePlaceholder(toDelete[0], placeholder)) toDelete.length = 0;
    else toCreate.push(placeholder);
  }

  finalizePlan(service, toCreate, toUpdate, toDelete);
  plan.create.push(...toCreate);
  plan.update.push(...toUpdate);
  plan.delete.push(...toDelete);
}

/** placeholderSliceCompare: ObjectMeta compared by namespace and labels only; nil and empty lists alike. */
function isSamePlaceholder(a: EndpointSlice, b: EndpointSlice): boolean {
  if (a.metadata.namespace !== b.metadata.namespace) return false;
  if (!jsonEqual(a.metadata.labels ?? {}, b.metadata.labels ?? {})) return false;
  if (a.addressType !== b.addressType) return false;
  if ((a.endpoints ?? []).length || (b.endpoints ?? []).length) return false;
  if ((a.ports ?? []).length || (b.ports ?? []).length) return false;
  return jsonEqual(a.metadata.ownerReferences ?? [], b.metadata.ownerReferences ?? []);
}

/** finalize's first step: a slice about to be deleted is reused for one about to be created. */
function finalizePlan(service: Service, toCreate: EndpointSlice[], toUpdate: EndpointSlice[], toDelete: EndpointSlice[]): void {
  for (let i = 0; i < toDelete.length && toCreate.length > 0; ) {
    const old = toDelete[i];
    const slice = toCreate[toCreate.length - 1];
    // Never reuse a slice of an older service with the same name: the garbage collector is deleting it.
    if (old.addressType === slice.addressType && ownedBy(old, service)) {
      toCreate.pop();
      toUpdate.push({ ...slice, metadata: { ...slice.metadata, name: old.metadata.name, resourceVersion: old.metadata.resourceVersion } });
      toDelete.splice(i, 1);
    } else {
      i++;
    }
  }
}

function reconcileByPortMapping(
  input: ReconcileInput,
  existing: EndpointSlice[],
  desiredSet: EndpointSet,
  ports: EndpointPort[],
  addressType: string,
  max: number,
): { create: EndpointSlice[]; update: EndpointSlice[]; delete: EndpointSlice[] } {
  const { service, controllerName } = input;
  const byName = new Map<string, EndpointSlice>();
  const unchanged = new Set<string>();
  const toUpdate = new Set<string>();
  const toDelete = new Set<string>();

  // 1. Keep the endpoints still wanted (refreshed), drop the others.
  for (const slice of existing) {
    const name = slice.metadata.name!;
    byName.set(name, slice);
    const kept: Endpoint[] = [];
    let endpointUpdated = false;
    for (const ep of slice.endpoints ?? []) {
      const want = desiredSet.get(ep);
      if (!want) continue;
      kept.push(want);
      if (!endpointsEqualBeyondHash(want, ep)) endpointUpdated = true;
      desiredSet.delete(ep);
    }
    const { labels, changed: labelsChanged } = sliceLabels(slice, service, controllerName);
    const had = (slice.endpoints ?? []).length;
    if (endpointUpdated || had !== kept.length) {
      if (kept.length === 0) toDelete.add(name);
      else {
        byName.set(name, { ...slice, metadata: { ...slice.metadata, labels }, endpoints: kept });
        toUpdate.add(name);
      }
    } else if (labelsChanged) {
      byName.set(name, { ...slice, metadata: { ...slice.metadata, labels } });
      toUpdate.add(name);
    } else {
      unchanged.add(name);
    }
  }

  // 2. Fill the slices being updated anyway, fullest first.
  if (desiredSet.size > 0 && toUpdate.size > 0) {
    const slices = [...toUpdate].map((n) => byName.get(n)!).sort((a, b) => (b.endpoints ?? []).length - (a.endpoints ?? []).length);
    for (const slice of slices) {
      const eps = [...(slice.endpoints ?? [])];
      while (desiredSet.size > 0 && eps.length < max) eps.push(desiredSet.popAny()!);
      byName.set(slice.metadata.name!, { ...slice, endpoints: eps });
    }
  }

  // 3. What is left goes into the unchanged slice it fits best, else into new slices.
  const toCreate: EndpointSlice[] = [];
  while (desiredSet.size > 0) {
    let fill: EndpointSlice | undefined;
    if (desiredSet.size < max && unchanged.size > 0) fill = sliceToFill([...unchanged].map((n) => byName.get(n)!), desiredSet.size, max);
    const slice: EndpointSlice = fill ? { ...fill } : newEndpointSlice(service, ports, addressType, controllerName);
    const eps = [...(slice.endpoints ?? [])];
    while (desiredSet.size > 0 && eps.length < max) eps.push(desiredSet.popAny()!);
    slice.endpoints = eps;
    if (slice.metadata.name) {
      byName.set(slice.metadata.name, slice);
      toUpdate.add(slice.metadata.name);
      unchanged.delete(slice.metadata.name);
    } else {
      toCreate.push(slice);
    }
  }

  return {
    create: toCreate,
    update: [...toUpdate].map((n) => byName.get(n)!),
    delete: [...toDelete].map((n) => byName.get(n)!),
  };
}

/** getSliceToFill: the slice that comes closest to full with `n` more endpoints. */
function sliceToFill(slices: EndpointSlice[], n: number, max: number): EndpointSlice | undefined {
  let closestDiff = max;
  let closest: EndpointSlice | undefined;
  for (const s of slices) {
    const diff = max - (n + (s.endpoints ?? []).length);
    if (diff >= 0 && diff < closestDiff) {
      closestDiff = diff;
      closest = s;
      if (diff === 0) return s;
    }
  }
  return closest;
}
