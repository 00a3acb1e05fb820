/**
 * Resource arithmetic the kubelet needs: a pod's effective requests
 * (k8s.io/component-helpers/resource PodRequests: sidecars add up, other
 * init containers take the max) and container limits for the runtime.
 */
import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../../api/quantity/quantity';

export interface PodRequest {
  /** millicores */
  cpu: number;
  /** bytes */
  memory: number;
}

/** millicores (cpu) or bytes (anything else) of a quantity; undefined when absent or malformed. */
export function quantityOf(resource: string, v: unknown): number | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const r = parseQuantity(String(v));
  if (!r.ok) return undefined;
  return resource === 'cpu' ? r.quantity.milliValue() : r.quantity.value();
}

function containerRequest(c: Container): PodRequest {
  const req = (c.resources?.requests ?? {}) as Record<string, unknown>;
  return { cpu: quantityOf('cpu', req.cpu) ?? 0, memory: quantityOf('memory', req.memory) ?? 0 };
}

const max = (a: PodRequest, b: PodRequest): PodRequest => ({ cpu: Math.max(a.cpu, b.cpu), memory: Math.max(a.memory, b.memory) });
const add = (a: PodRequest, b: PodRequest): PodRequest => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory });

export function isSidecar(c: Container): boolean {
  return c.restartPolicy === 'Always';
}

export function podRequests(spec: PodSpec): PodRequest {
  let reqs: PodRequest = { cpu: 0, memory: 0 };
  for (const c of spec.containers ?? []) reqs = add(reqs, containerRequest(c));
  let sidecars: PodRequest = { cpu: 0, memory: 0 };
  let init: PodRequest = { cpu: 0, memory: 0 };
  for (const c of spec.initContainers ?? []) {
    const r = containerRequest(c);
    if (isSidecar(c)) {
      sidecars = add(sidecars, r);
      reqs = add(reqs, r);
      init = max(init, sidecars);
    } else init = max(init, add(r, sidecars));
  }
  reqs = max(reqs, init);
  const overhead = (spec.overhead ?? {}) as Record<string, unknown>;
  return add(reqs, { cpu: quantityOf('cpu', overhead.cpu) ?? 0, memory: quantityOf('memory', overhead.memory) ?? 0 });
}

/** The container's limit in the unit the runtime takes, or undefined when unlimited. */
export function containerLimit(c: Container, resource: 'cpu' | 'memory'): number | undefined {
  return quantityOf(resource, (c.resources?.limits as Record<string, unknown> | undefined)?.[resource]);
}
