/**
 * What the usage bars show, as plain data: per node, CPU and memory used
 * (metrics.k8s.io) and requested (the pods bound to it) against what it can
 * allocate; per pod, each container's usage against its requests and limits.
 */
import { parseQuantity, type ResourceName } from './quantity';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.map(obj) : []);

export const RESOURCES: readonly ResourceName[] = ['cpu', 'memory'];

export type UsageTone = 'normal' | 'elevated' | 'high';

/** One resource of one node: amounts in cores or bytes. */
export interface NodeResourceBar {
  resource: ResourceName;
  allocatable?: number;
  /** Absent until metrics-server has a point for the node. */
  used?: number;
  requested: number;
  limits: number;
}

export interface NodeUsage {
  name: string;
  cpu: NodeResourceBar;
  memory: NodeResourceBar;
  /** Pods counted in `requested`. */
  pods: number;
}

function sameBar(a: NodeResourceBar, b: NodeResourceBar): boolean {
  return a.resource === b.resource && a.allocatable === b.allocatable && a.used === b.used && a.requested === b.requested && a.limits === b.limits;
}

/** Same numbers: the bars would draw the same. */
export function sameNodeUsage(a: NodeUsage, b: NodeUsage): boolean {
  return a.name === b.name && a.pods === b.pods && sameBar(a.cpu, b.cpu) && sameBar(a.memory, b.memory);
}

/** 0.42 for 42%; undefined without a positive capacity. Not clamped: over-commitment shows as > 1. */
export function fraction(v: number | undefined, capacity: number | undefined): number | undefined {
  if (v === undefined || capacity === undefined || !(capacity > 0) || !Number.isFinite(v)) return undefined;
  return Math.max(0, v / capacity);
}

/** Width of a bar segment in percent, 0–100. */
export function widthPercent(f: number | undefined): number {
  if (f === undefined || !Number.isFinite(f)) return 0;
  return Math.round(Math.min(1, Math.max(0, f)) * 1000) / 10;
}

/** `42%`, `<1%` for a sliver, `—` when unknown. */
export function percentText(f: number | undefined): string {
  if (f === undefined) return '—';
  if (f > 0 && f < 0.005) return '<1%';
  return `${Math.round(f * 100)}%`;
}

export function toneOf(f: number | undefined): UsageTone {
  if (f === undefined) return 'normal';
  if (f >= 0.9) return 'high';
  if (f >= 0.7) return 'elevated';
  return 'normal';
}

function amounts(resources: unknown, field: 'requests' | 'limits'): Record<ResourceName, number> {
  const r = obj(obj(resources)[field]);
  return { cpu: parseQuantity(r.cpu) ?? 0, memory: parseQuantity(r.memory) ?? 0 };
}

/**
 * A pod's effective requests (or limits): the larger of its app containers
 * plus sidecars and its biggest init container, plus overhead.
 * Mirrors k8s.io/component-helpers/resource/helpers.go PodRequests.
 */
export function podResources(pod: unknown, field: 'requests' | 'limits' = 'requests'): Record<ResourceName, number> {
  const spec = obj(obj(pod).spec);
  const sum: Record<ResourceName, number> = { cpu: 0, memory: 0 };
  for (const c of list(spec.containers)) {
    const a = amounts(c.resources, field);
    sum.cpu += a.cpu;
    sum.memory += a.memory;
  }
  const initMax: Record<ResourceName, number> = { cpu: 0, memory: 0 };
  const sidecars: Record<ResourceName, number> = { cpu: 0, memory: 0 };
  for (const c of list(spec.initContainers)) {
    const a = amounts(c.resources, field);
    for (const r of RESOURCES) {
      if (c.restartPolicy === 'Always') {
        sidecars[r] += a[r];
        initMax[r] = Math.max(initMax[r], sidecars[r]);
      } else initMax[r] = Math.max(initMax[r], a[r] + sidecars[r]);
    }
  }
  const overhead = field === 'requests' ? amounts({ requests: spec.overhead }, 'requests') : { cpu: 0, memory: 0 };
  return {
    cpu: Math.max(sum.cpu + sidecars.cpu, initMax.cpu) + overhead.cpu,
    memory: Math.max(sum.memory + sidecars.memory, initMax.memory) + overhead.memory,
  };
}

/** Pods that hold resources on their node: bound and not finished. */
export function holdsResources(pod: unknown): boolean {
  const p = obj(pod);
  const phase = obj(p.status).phase;
  return typeof obj(p.spec).nodeName === 'string' && phase !== 'Succeeded' && phase !== 'Failed';
}

/** The usage of one NodeMetrics (or PodMetrics container): `{cpu, memory}` in cores and bytes. */
export function usageOf(metrics: unknown): Partial<Record<ResourceName, number>> {
  const u = obj(obj(metrics).usage);
  const out: Partial<Record<ResourceName, number>> = {};
  const cpu = parseQuantity(u.cpu);
  const memory = parseQuantity(u.memory);
  if (cpu !== undefined) out.cpu = cpu;
  if (memory !== undefined) out.memory = memory;
  return out;
}

/** Requests and limits of the pods on each node, by node name. */
export function requestsByNode(pods: Iterable<unknown>): Map<string, { requests: Record<ResourceName, number>; limits: Record<ResourceName, number>; pods: number }> {
  const out = new Map<string, { requests: Record<ResourceName, number>; limits: Record<ResourceName, number>; pods: number }>();
  for (const p of pods) {
    if (!holdsResources(p)) continue;
    const node = obj(obj(p).spec).nodeName as string;
    let acc = out.get(node);
    if (!acc) out.set(node, (acc = { requests: { cpu: 0, memory: 0 }, limits: { cpu: 0, memory: 0 }, pods: 0 }));
    const req = podResources(p, 'requests');
    const lim = podResources(p, 'limits');
    for (const r of RESOURCES) {
      acc.requests[r] += req[r];
      acc.limits[r] += lim[r];
    }
    acc.pods++;
  }
  return out;
}

export function nodeUsage(node: unknown, metrics: unknown, onNode: { requests: Record<ResourceName, number>; limits: Record<ResourceName, number>; pods: number } | undefined): NodeUsage {
  const n = obj(node);
  const alloc = obj(obj(n.status).allocatable);
  const used = metrics === undefined ? {} : usageOf(metrics);
  const bar = (r: ResourceName): NodeResourceBar => {
    const b: NodeResourceBar = { resource: r, requested: onNode?.requests[r] ?? 0, limits: onNode?.limits[r] ?? 0 };
    const a = parseQuantity(alloc[r]);
    if (a !== undefined) b.allocatable = a;
    if (used[r] !== undefined) b.used = used[r];
    return b;
  };
  return { name: String(obj(n.metadata).name ?? ''), cpu: bar('cpu'), memory: bar('memory'), pods: onNode?.pods ?? 0 };
}

/** One resource of one container: usage against its request and limit. */
export interface ContainerResourceBar {
  resource: ResourceName;
  used?: number;
  request?: number;
  limit?: number;
  /** The bar's full width: the limit, else the larger of request and usage (never 0). */
  scale: number;
}

export interface ContainerUsage {
  name: string;
  cpu: ContainerResourceBar;
  memory: ContainerResourceBar;
}

/** Per container of the pod (in spec order), with the PodMetrics usage when there is one. */
export function podUsage(pod: unknown, podMetrics: unknown): ContainerUsage[] {
  const byName = new Map(list(obj(podMetrics).containers).map((c) => [String(c.name), usageOf(c)]));
  return list(obj(obj(pod).spec).containers).map((c) => {
    const used = byName.get(String(c.name)) ?? {};
    const res = obj(c.resources);
    const bar = (r: ResourceName): ContainerResourceBar => {
      const request = parseQuantity(obj(res.requests)[r]);
      const limit = parseQuantity(obj(res.limits)[r]);
      const u = used[r];
      const scale = limit ?? Math.max(request ?? 0, u ?? 0);
      const b: ContainerResourceBar = { resource: r, scale: scale > 0 ? scale : 1 };
      if (u !== undefined) b.used = u;
      if (request !== undefined) b.request = request;
      if (limit !== undefined) b.limit = limit;
      return b;
    };
    return { name: String(c.name), cpu: bar('cpu'), memory: bar('memory') };
  });
}
