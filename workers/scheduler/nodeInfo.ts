/**
 * Everything the scheduler knows about one node (framework.NodeInfo): the
 * Node, the pods on it (bound or assumed), what they request, which host
 * ports they hold and which images the node has. Kept up to date
 * incrementally by the cache; cloned for preemption dry runs.
 */
import type { Node, Taint } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object';
import type { PodInfo } from './podInfo';
import { cloneResource, emptyResource, resourceFromList, type Resource } from './resources';

export interface ImageSummary {
  size: number;
  /** Names of nodes holding the image (its length is ImageStateSummary.NumNodes). */
  nodes: Set<string>;
}

const EMPTY_LABELS: Readonly<Record<string, string>> = Object.freeze({});

export class NodeInfo {
  node: (Node & KubeObject) | null = null;
  name: string;
  labels: Readonly<Record<string, string>> = EMPTY_LABELS;
  taints: readonly Taint[] = [];
  unschedulable = false;
  allocatable: Resource = emptyResource();
  requested: Resource = emptyResource();
  nonZeroCPU = 0;
  nonZeroMem = 0;
  pods: PodInfo[] = [];
  podsWithAffinity: PodInfo[] = [];
  podsWithRequiredAntiAffinity: PodInfo[] = [];
  /** hostIP → set of `protocol/port` (framework.HostPortInfo). */
  usedPorts = new Map<string, Set<string>>();
  imageStates = new Map<string, ImageSummary>();
  generation = 0;

  constructor(name: string) {
    this.name = name;
  }

  setNode(node: KubeObject): void {
    const n = node as Node & KubeObject;
    this.node = n;
    this.labels = (n.metadata.labels as Record<string, string> | undefined) ?? EMPTY_LABELS;
    this.taints = n.spec?.taints ?? [];
    this.unschedulable = !!n.spec?.unschedulable;
    this.allocatable = resourceFromList(n.status?.allocatable as Record<string, unknown> | undefined);
    this.generation++;
  }

  addPod(p: PodInfo): void {
    this.pods.push(p);
    if (p.hasAffinity) this.podsWithAffinity.push(p);
    if (p.requiredAntiAffinityTerms.length) this.podsWithRequiredAntiAffinity.push(p);
    this.account(p, 1);
    this.generation++;
  }

  /** Removes the pod with `key`; false when it is not here. */
  removePod(key: string): boolean {
    const i = this.pods.findIndex((x) => x.key === key);
    if (i < 0) return false;
    const p = this.pods[i];
    this.pods.splice(i, 1);
    if (p.hasAffinity) this.podsWithAffinity = this.podsWithAffinity.filter((x) => x.key !== key);
    if (p.requiredAntiAffinityTerms.length) this.podsWithRequiredAntiAffinity = this.podsWithRequiredAntiAffinity.filter((x) => x.key !== key);
    this.account(p, -1);
    this.generation++;
    return true;
  }

  private account(p: PodInfo, sign: 1 | -1): void {
    const r = this.requested;
    r.milliCPU += sign * p.requests.milliCPU;
    r.memory += sign * p.requests.memory;
    r.ephemeralStorage += sign * p.requests.ephemeralStorage;
    if (p.requests.scalar) {
      r.scalar ??= new Map();
      for (const [k, v] of p.requests.scalar) r.scalar.set(k, (r.scalar.get(k) ?? 0) + sign * v);
    }
    this.nonZeroCPU += sign * p.nonZeroCPU;
    this.nonZeroMem += sign * p.nonZeroMem;
    for (const hp of p.hostPorts) {
      const pp = `${hp.protocol}/${hp.port}`;
      let set = this.usedPorts.get(hp.ip);
      if (sign > 0) {
        if (!set) this.usedPorts.set(hp.ip, (set = new Set()));
        set.add(pp);
      } else if (set) {
        set.delete(pp);
        if (set.size === 0) this.usedPorts.delete(hp.ip);
      }
    }
  }

  /** HostPortInfo.CheckConflict: 0.0.0.0 clashes with every address. */
  portConflicts(ip: string, protocol: string, port: number): boolean {
    if (port <= 0) return false;
    const pp = `${protocol || 'TCP'}/${port}`;
    const addr = ip || '0.0.0.0';
    if (addr === '0.0.0.0') {
      for (const set of this.usedPorts.values()) if (set.has(pp)) return true;
      return false;
    }
    return !!(this.usedPorts.get('0.0.0.0')?.has(pp) || this.usedPorts.get(addr)?.has(pp));
  }

  /** NodeInfo.Snapshot(): an independent copy whose pod lists and sums can change. */
  clone(): NodeInfo {
    const c = new NodeInfo(this.name);
    c.node = this.node;
    c.labels = this.labels;
    c.taints = this.taints;
    c.unschedulable = this.unschedulable;
    c.allocatable = this.allocatable;
    c.requested = cloneResource(this.requested);
    c.nonZeroCPU = this.nonZeroCPU;
    c.nonZeroMem = this.nonZeroMem;
    c.pods = [...this.pods];
    c.podsWithAffinity = [...this.podsWithAffinity];
    c.podsWithRequiredAntiAffinity = [...this.podsWithRequiredAntiAffinity];
    c.usedPorts = new Map([...this.usedPorts].map(([k, v]) => [k, new Set(v)]));
    c.imageStates = this.imageStates;
    c.generation = this.generation;
    return c;
  }
}
