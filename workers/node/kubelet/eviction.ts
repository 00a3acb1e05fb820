/**
 * The kubelet's eviction manager, for memory (pkg/kubelet/eviction/eviction_manager.go,
 * helpers.go). Every monitoring interval it observes memory.available — the
 * node's capacity minus what pods and any other process on the node use — and
 * while that is under the hard threshold (the kubelet's default
 * `memory.available<100Mi`) it reports MemoryPressure and evicts one pod per
 * pass, ranked as rankMemoryPressure ranks them. The condition stays True for
 * evictionPressureTransitionPeriod after the threshold was last met. While the
 * node is under memory pressure, BestEffort pods are refused at admission.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { newQuantity } from '../../api/quantity/quantity';
import { toleratesTaint } from '../../scheduler/helpers/taints';
import { quantityOf } from './resources';

/** The kubelet's default hard threshold: memory.available<100Mi. */
export const MEMORY_AVAILABLE_THRESHOLD_BYTES = 100 * 1024 * 1024;
const THRESHOLD_TEXT = '100Mi';
/** --housekeeping-interval: how often the manager observes and acts. */
export const EVICTION_MONITORING_MS = 10_000;
/** --eviction-pressure-transition-period (5m). */
export const PRESSURE_TRANSITION_MS = 5 * 60_000;
/** A hard threshold evicts at once (immediateEvictionGracePeriodSeconds). */
export const HARD_EVICTION_GRACE_SECONDS = 1;
/** scheduling.SystemCriticalPriority: pods at or above it are never evicted. */
export const SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;

export const EVICTED_REASON = 'Evicted';

/** One pod the kubelet is running, with the memory its containers use now. */
export interface EvictionCandidate {
  pod: Pod;
  /** Working set of each running container, bytes. */
  containers: readonly { name: string; memoryBytes: number }[];
  /** Static pods (and their mirrors) are critical. */
  isStatic: boolean;
  /** killPodFunc: Failed/Evicted, containers stopped with this grace. Returns false when the pod was already going. */
  evict(message: string, graceSeconds: number): boolean;
}

export interface EvictionDeps {
  now(): number;
  /** Node memory capacity, bytes. */
  capacityBytes: number;
  /** Memory used on the node outside any pod (a runaway process, chaos). */
  otherBytes(): number;
  /** The pods that hold resources on the node. */
  candidates(): EvictionCandidate[];
}

export interface EvictionPass {
  /** memory.available observed, bytes. */
  availableBytes: number;
  thresholdMet: boolean;
  /** The pod evicted in this pass, and the message it got. */
  evicted?: { pod: Pod; message: string };
}

const podPriority = (p: Pod) => p.spec?.priority ?? 0;

/** kubelettypes.IsCriticalPod: static and mirror pods, and system-critical priority. */
export function isCriticalPod(c: Pick<EvictionCandidate, 'pod' | 'isStatic'>): boolean {
  if (c.isStatic) return true;
  if (c.pod.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined) return true;
  return podPriority(c.pod) >= SYSTEM_CRITICAL_PRIORITY;
}

function memoryRequest(c: Container): number {
  return quantityOf('memory', c.resources?.requests?.memory) ?? 0;
}

function podMemoryRequest(p: Pod): number {
  return (p.spec?.containers ?? []).reduce((sum, c) => sum + memoryRequest(c), 0);
}

const usageOf = (c: EvictionCandidate) => c.containers.reduce((sum, x) => sum + x.memoryBytes, 0);

/**
 * rankMemoryPressure: pods using more than they requested first, then lower
 * priority first, then the largest use above request first.
 */
export function rankForMemory(candidates: readonly EvictionCandidate[]): EvictionCandidate[] {
  const key = (c: EvictionCandidate) => {
    const usage = usageOf(c);
    const request = podMemoryRequest(c.pod);
    return { exceeds: usage > request ? 1 : 0, priority: podPriority(c.pod), above: usage - request };
  };
  return candidates
    .map((c, i) => ({ c, i, k: key(c) }))
    .sort((a, b) => b.k.exceeds - a.k.exceeds || a.k.priority - b.k.priority || b.k.above - a.k.above || a.i - b.i)
    .map((x) => x.c);
}

// cgroup memory counters count whole 4 KiB pages, so real readings print in Ki.
const PAGE = 4096;
const bytesText = (n: number) => newQuantity(Math.max(0, Math.floor(n / PAGE) * PAGE), 'BinarySI').toString();

/** evictionMessage: the resource, the threshold and the observation, then each container using more than it requested. */
export function evictionMessage(c: EvictionCandidate, availableBytes: number): string {
  let msg = `The node was low on resource: memory. Threshold quantity: ${THRESHOLD_TEXT}, available: ${bytesText(availableBytes)}. `;
  for (const spec of c.pod.spec?.containers ?? []) {
    const used = c.containers.find((x) => x.name === spec.name);
    if (!used) continue;
    const request = memoryRequest(spec);
    if (used.memoryBytes > request) {
      const requestText = spec.resources?.requests?.memory !== undefined ? String(spec.resources.requests.memory) : '0';
      msg += `Container ${spec.name} was using ${bytesText(used.memoryBytes)}, request is ${requestText}, has larger consumption of memory. `;
    }
  }
  return msg;
}

export type EvictionAdmit = { admit: true } | { admit: false; reason: string; message: string };

export class EvictionManager {
  private lastMetAt = Number.NEGATIVE_INFINITY;
  private lastAvailable: number;

  constructor(private readonly deps: EvictionDeps) {
    this.lastAvailable = deps.capacityBytes;
  }

  /** memory.available now, bytes. */
  observe(): number {
    let used = this.deps.otherBytes();
    for (const c of this.deps.candidates()) used += usageOf(c);
    return this.deps.capacityBytes - used;
  }

  /** The node reports MemoryPressure while the threshold was met within the transition period. */
  get memoryPressure(): boolean {
    return this.deps.now() - this.lastMetAt < PRESSURE_TRANSITION_MS;
  }

  get availableBytes(): number {
    return this.lastAvailable;
  }

  /** One monitoring pass (synchronize): observe, and evict at most one pod. */
  synchronize(): EvictionPass {
    const available = this.observe();
    this.lastAvailable = available;
    const thresholdMet = available < MEMORY_AVAILABLE_THRESHOLD_BYTES;
    if (!thresholdMet) return { availableBytes: available, thresholdMet };
    this.lastMetAt = this.deps.now();
    for (const c of rankForMemory(this.deps.candidates())) {
      // evictPod refuses critical pods and goes on to the next in rank.
      if (isCriticalPod(c)) continue;
      const message = evictionMessage(c, available);
      if (c.evict(message, HARD_EVICTION_GRACE_SECONDS)) return { availableBytes: available, thresholdMet, evicted: { pod: c.pod, message } };
    }
    return { availableBytes: available, thresholdMet };
  }

  /** Admit: under memory pressure only pods that are not BestEffort, critical, or tolerate the memory-pressure taint get in. */
  admit(pod: Pod): EvictionAdmit {
    if (!this.memoryPressure) return { admit: true };
    if (isCriticalPod({ pod, isStatic: false })) return { admit: true };
    if (pod.status?.qosClass !== 'BestEffort') return { admit: true };
    if ((pod.spec?.tolerations ?? []).some((t) => toleratesTaint(t, { key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' }))) return { admit: true };
    return { admit: false, reason: EVICTED_REASON, message: 'The node had condition: [MemoryPressure]. ' };
  }
}
