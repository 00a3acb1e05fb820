/**
 * Everything the scheduler knows about one node (framework.NodeInfo): the
 * Node, the pods on it (bound or assumed), what they request, which host
 * ports they hold and which images the node has. Kept up to date
 * incrementally by the cache; cloned for preemption dry runs.
 */
import type { Node, Taint } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object';
import type { Selector } from '../api/selectors/labels';
import type { PodInfo } from './podInfo';
import { cloneResource, emptyResource, resourceFromList, type Resource } from './resources';

export interface ImageSummary {
  size: number;
  /** Names of nodes holding the image (its length is ImageStateSummary.NumNodes). */
  nodes: Set<string>;
}

const EMPTY_LABELS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * A question about a node's pods: how many live (not terminating) pods of
 * `namespace` does `selector` match. `key` must name the pair exactly; equal
 * keys share one count. Being data rather than a predicate, it reads only a
 * pod's namespace, labels and deletionTimestamp, so an update that changes
 * none of them (a status write) leaves every count alone.
 */
export interface PodCount {
  readonly key: string;
  readonly namespace: string;
  readonly selector: Selector;
}

/** Whether `p` counts towards `c` (terminating pods do not, #87621). */
export function podCounts(c: PodCount, p: PodInfo): boolean {
  return !p.pod.metadata.deletionTimestamp && p.namespace === c.namespace && c.selector.matches(p.labels);
}

/** A count of this node's pods for one PodCount, kept current as pods come and go. */
interface PodCounter {
  readonly question: PodCount;
  n: number;
}

/** Updates with the same labels object and terminating state count the same for every PodCount. */
function countsAlike(a: PodInfo, b: PodInfo): boolean {
  return a.labels === b.labels && a.namespace === b.namespace && !a.pod.metadata.deletionTimestamp === !b.pod.metadata.deletionTimestamp;
}

/** Updates sharing the precomputed requests and ports add up the same. */
function accountsAlike(a: PodInfo, b: PodInfo): boolean {
  return a.requests === b.requests && a.hostPorts === b.hostPorts && a.nonZeroCPU === b.nonZeroCPU && a.nonZeroMem === b.nonZeroMem;
}

/** Counters a node keeps at most; more distinct questions start afresh. */
const MAX_COUNTERS = 64;

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
  private counters: Map<string, PodCounter> | null = null;
  /**
   * The question last asked (by identity) and its counter in `counters`: one
   * scheduling cycle asks every node the same PodCount, and the pods of one
   * controller share it, so most answers skip the map.
   */
  private lastAsked: PodCount | null = null;
  private lastCounter: PodCounter | null = null;

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
    this.count(p, 1);
    this.generation++;
  }

  /**
   * How many of this node's pods `c` counts. The first question under a key
   * counts; later ones are answered from a count that every pod add and
   * remove keeps current, so a pod's status update costs at most two
   * checks instead of a recount of every pod on the node.
   */
  countPods(c: PodCount): number {
    if (c === this.lastAsked) return this.lastCounter!.n;
    let counter = this.counters?.get(c.key);
    if (!counter) {
      let n = 0;
      for (const p of this.pods) if (podCounts(c, p)) n++;
      this.counters ??= new Map();
      if (this.counters.size >= MAX_COUNTERS) this.counters.clear();
      this.counters.set(c.key, (counter = { question: c, n }));
    }
    this.lastAsked = c;
    this.lastCounter = counter;
    return counter.n;
  }

  private count(p: PodInfo, sign: 1 | -1): void {
    if (this.counters) for (const c of this.counters.values()) if (podCounts(c.question, p)) c.n += sign;
  }

  /**
   * Replaces the pod with `p.key` by `p` where it stands (a status update),
   * rather than removing it and adding it again at the end; false when it is
   * not here. `prev`, when the caller knows it, is the entry being replaced.
   */
  updatePod(p: PodInfo, prev?: PodInfo): boolean {
    const i = this.indexOf(p.key, prev);
    if (i < 0) return false;
    const old = this.pods[i];
    this.pods[i] = p;
    if (old.hasAffinity || p.hasAffinity) this.podsWithAffinity = replaced(this.podsWithAffinity, old, p, p.hasAffinity);
    if (old.requiredAntiAffinityTerms.length || p.requiredAntiAffinityTerms.length) {
      this.podsWithRequiredAntiAffinity = replaced(this.podsWithRequiredAntiAffinity, old, p, p.requiredAntiAffinityTerms.length > 0);
    }
    if (!accountsAlike(old, p)) {
      this.account(old, -1);
      this.account(p, 1);
    }
    if (!countsAlike(old, p)) {
      this.count(old, -1);
      this.count(p, 1);
    }
    this.generation++;
    return true;
  }

  /** Where the pod with `key` stands: `hint` is found by identity, else the key is searched for. */
  private indexOf(key: string, hint: PodInfo | undefined): number {
    const i = hint ? this.pods.indexOf(hint) : -1;
    return i >= 0 ? i : this.pods.findIndex((x) => x.key === key);
  }

  /** Removes the pod with `key` (`hint`: its entry, when the caller knows it); false when it is not here. */
  removePod(key: string, hint?: PodInfo): boolean {
    const i = this.indexOf(key, hint);
    if (i < 0) return false;
    const p = this.pods[i];
    this.pods.splice(i, 1);
    if (p.hasAffinity) this.podsWithAffinity = this.podsWithAffinity.filter((x) => x.key !== key);
    if (p.requiredAntiAffinityTerms.length) this.podsWithRequiredAntiAffinity = this.podsWithRequiredAntiAffinity.filter((x) => x.key !== key);
    this.account(p, -1);
    this.count(p, -1);
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
    if (this.counters) c.counters = new Map([...this.counters].map(([k, v]) => [k, { question: v.question, n: v.n }]));
    return c;
  }
}

/** `list` with `old` taken out and `p` put in its place (or at the end) when `keep`. */
function replaced(list: PodInfo[], old: PodInfo, p: PodInfo, keep: boolean): PodInfo[] {
  const i = list.indexOf(old);
  if (i < 0) return keep ? [...list, p] : list;
  if (keep) return list.map((x) => (x === old ? p : x));
  return list.filter((x) => x !== old);
}
