/**
 * ResourceList arithmetic over parsed quantities, and the pod totals of
 * pkg/api/v1/resource/helpers.go (PodRequests / PodLimits, v1.32): regular
 * containers add up, init containers count by their peak, restartable init
 * containers (sidecars) add to both.
 */
import { Quantity, quantityFromJSON } from '../quantity/quantity';
import { asObject, containersOf, type JsonObject } from './json';

export type ResourceList = Map<string, Quantity>;

/**
 * Parse a ResourceList; unparseable values are skipped (mutating admission
 * runs before validation, which reports them).
 */
export function resourceList(v: unknown): ResourceList {
  const out: ResourceList = new Map();
  for (const [k, raw] of Object.entries(asObject(v))) {
    const r = quantityFromJSON(raw);
    if (r.ok) out.set(k, r.quantity);
  }
  return out;
}

export function addResourceList(list: ResourceList, add: ResourceList): void {
  for (const [k, q] of add) {
    const cur = list.get(k);
    list.set(k, cur ? cur.add(q) : q);
  }
}

export function maxResourceList(list: ResourceList, other: ResourceList): void {
  for (const [k, q] of other) {
    const cur = list.get(k);
    if (!cur || q.cmp(cur) > 0) list.set(k, q);
  }
}

/** The keys of `list` whose names are in `names`, in `list` order (quota.Mask). */
export function mask(list: ResourceList, names: Iterable<string>): ResourceList {
  const keep = new Set(names);
  const out: ResourceList = new Map();
  for (const [k, q] of list) if (keep.has(k)) out.set(k, q);
  return out;
}

/** `k=v,k2=v2` sorted by key (resourcequota controller prettyPrint). */
export function prettyPrint(list: ResourceList): string {
  return [...list.keys()]
    .sort()
    .map((k) => `${k}=${list.get(k)!.toString()}`)
    .join(',');
}

function isSidecar(c: JsonObject): boolean {
  return c.restartPolicy === 'Always';
}

function podTotal(pod: unknown, field: 'requests' | 'limits'): ResourceList {
  const spec = asObject(asObject(pod).spec);
  const total: ResourceList = new Map();
  for (const c of containersOf(spec, 'containers')) addResourceList(total, resourceList(asObject(c.resources)[field]));
  const sidecars: ResourceList = new Map();
  const initPeak: ResourceList = new Map();
  for (const c of containersOf(spec, 'initContainers')) {
    const own = resourceList(asObject(c.resources)[field]);
    let effective: ResourceList;
    if (isSidecar(c)) {
      addResourceList(total, own);
      addResourceList(sidecars, own);
      effective = sidecars;
    } else {
      effective = new Map();
      addResourceList(effective, own);
      addResourceList(effective, sidecars);
    }
    maxResourceList(initPeak, effective);
  }
  maxResourceList(total, initPeak);
  return total;
}

/** resourcehelper.PodRequests; `overhead` adds spec.overhead as upstream does by default. */
export function podRequests(pod: unknown, opts: { overhead: boolean }): ResourceList {
  const reqs = podTotal(pod, 'requests');
  if (opts.overhead) addResourceList(reqs, resourceList(asObject(asObject(pod).spec).overhead));
  return reqs;
}

/** resourcehelper.PodLimits; overhead only adds to limits that are set. */
export function podLimits(pod: unknown, opts: { overhead: boolean }): ResourceList {
  const limits = podTotal(pod, 'limits');
  if (opts.overhead) {
    for (const [k, q] of resourceList(asObject(asObject(pod).spec).overhead)) {
      const cur = limits.get(k);
      if (cur) limits.set(k, cur.add(q));
    }
  }
  return limits;
}
