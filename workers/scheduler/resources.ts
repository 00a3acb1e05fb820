/**
 * Resource amounts as the scheduler counts them (framework.Resource): CPU in
 * millicores, everything else in units, held as plain numbers so that fit
 * checks over thousands of nodes stay arithmetic. Pod requests follow
 * resourcehelper.PodRequests (k8s.io/component-helpers/resource/helpers.go):
 * containers summed, init containers maxed, restartable (sidecar) init
 * containers added to both, then pod overhead.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { quantityFromJSON } from '../api/quantity/quantity';

export interface Resource {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  allowedPodNumber: number;
  /** Extended resources, hugepages, attachable volumes (IsScalarResourceName). */
  scalar: Map<string, number> | null;
}

/** schedutil.DefaultMilliCPURequest / DefaultMemoryRequest: what scoring assumes for a container without requests. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export function emptyResource(): Resource {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, allowedPodNumber: 0, scalar: null };
}

export function cloneResource(r: Resource): Resource {
  return { ...r, scalar: r.scalar ? new Map(r.scalar) : null };
}

const milliCache = new Map<string, number>();
const valueCache = new Map<string, number>();

/** Quantity.MilliValue(); unparsable amounts count as 0 (validation already refused them). */
export function milliValue(v: unknown): number {
  const k = String(v);
  let n = milliCache.get(k);
  if (n === undefined) {
    const q = quantityFromJSON(v);
    n = q.ok ? q.quantity.milliValue() : 0;
    if (milliCache.size < 10_000) milliCache.set(k, n);
  }
  return n;
}

/** Quantity.Value(), rounded up as upstream does. */
export function unitValue(v: unknown): number {
  const k = String(v);
  let n = valueCache.get(k);
  if (n === undefined) {
    const q = quantityFromJSON(v);
    n = q.ok ? q.quantity.value() : 0;
    if (valueCache.size < 10_000) valueCache.set(k, n);
  }
  return n;
}

/** v1helper.IsNativeResource: no domain, or a kubernetes.io domain. */
function isNative(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

/** schedutil.IsScalarResourceName. */
export function isScalarResourceName(name: string): boolean {
  const extended = !isNative(name) && !name.startsWith('requests.');
  return extended || name.startsWith('hugepages-') || name.includes('kubernetes.io/') || name.startsWith('attachable-volumes-');
}

/** Resource.Add(ResourceList). */
export function addList(r: Resource, list: Record<string, unknown> | undefined | null): void {
  if (!list) return;
  for (const name in list) {
    const q = list[name];
    switch (name) {
      case 'cpu':
        r.milliCPU += milliValue(q);
        break;
      case 'memory':
        r.memory += unitValue(q);
        break;
      case 'ephemeral-storage':
        r.ephemeralStorage += unitValue(q);
        break;
      case 'pods':
        r.allowedPodNumber += unitValue(q);
        break;
      default:
        if (isScalarResourceName(name)) {
          r.scalar ??= new Map();
          r.scalar.set(name, (r.scalar.get(name) ?? 0) + unitValue(q));
        }
    }
  }
}

export function resourceFromList(list: Record<string, unknown> | undefined | null): Resource {
  const r = emptyResource();
  addList(r, list);
  return r;
}

function add(into: Resource, r: Resource): void {
  into.milliCPU += r.milliCPU;
  into.memory += r.memory;
  into.ephemeralStorage += r.ephemeralStorage;
  if (r.scalar) {
    into.scalar ??= new Map();
    for (const [k, v] of r.scalar) into.scalar.set(k, (into.scalar.get(k) ?? 0) + v);
  }
}

function max(into: Resource, r: Resource): void {
  into.milliCPU = Math.max(into.milliCPU, r.milliCPU);
  into.memory = Math.max(into.memory, r.memory);
  into.ephemeralStorage = Math.max(into.ephemeralStorage, r.ephemeralStorage);
  if (r.scalar) {
    into.scalar ??= new Map();
    for (const [k, v] of r.scalar) into.scalar.set(k, Math.max(into.scalar.get(k) ?? 0, v));
  }
}

function containerRequests(c: Container, nonZero: boolean): Resource {
  const reqs = c.resources?.requests as Record<string, unknown> | undefined;
  const r = resourceFromList(reqs);
  if (nonZero) {
    // NonMissingContainerRequests: only absent requests get the default, an explicit 0 stays 0.
    if (!reqs || !('cpu' in reqs)) r.milliCPU = DEFAULT_MILLI_CPU_REQUEST;
    if (!reqs || !('memory' in reqs)) r.memory = DEFAULT_MEMORY_REQUEST;
  }
  return r;
}

/**
 * PodRequests. With `nonZero`, containers missing a cpu or memory request
 * count the scheduler's defaults (used for scoring, never for fit).
 */
export function podRequests(pod: Pod, nonZero = false): Resource {
  const spec = pod.spec;
  const reqs = emptyResource();
  if (!spec) return reqs;
  for (const c of spec.containers ?? []) add(reqs, containerRequests(c, nonZero));
  const sidecars = emptyResource();
  const inits = emptyResource();
  for (const c of spec.initContainers ?? []) {
    const r = containerRequests(c, nonZero);
    if (c.restartPolicy === 'Always') {
      // A sidecar keeps running next to the app containers and later init containers.
      add(reqs, r);
      add(sidecars, r);
      max(inits, sidecars);
    } else {
      const withSidecars = emptyResource();
      add(withSidecars, r);
      add(withSidecars, sidecars);
      max(inits, withSidecars);
    }
  }
  max(reqs, inits);
  addList(reqs, spec.overhead as Record<string, unknown> | undefined);
  return reqs;
}
