/**
 * NodeResourcesFit (plugins/noderesources/fit.go): the pod's requests must
 * fit in what is left of the node's allocatable, and the node must have
 * room for one more pod. Scores with LeastAllocated over cpu and memory
 * (weight 1 each), counting the scheduler's defaults for missing requests.
 */
import type { FilterPlugin, PreFilterPlugin, PreScorePlugin, ScorePlugin } from '../types';
import { unschedulable } from '../status';
import type { NodeInfo } from '../nodeInfo';
import type { PodInfo } from '../podInfo';
import { MAX_NODE_SCORE } from '../helpers/normalizeScore';

export const Name = 'NodeResourcesFit';

export interface InsufficientResource {
  resourceName: string;
  reason: string;
  requested: number;
  used: number;
  capacity: number;
}

/** fitsRequest: every resource the pod lacks on the node, pods count first. */
export function fitsRequest(pod: PodInfo, node: NodeInfo): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  const alloc = node.allocatable;
  const used = node.requested;
  if (node.pods.length + 1 > alloc.allowedPodNumber) {
    out.push({ resourceName: 'pods', reason: 'Too many pods', requested: 1, used: node.pods.length, capacity: alloc.allowedPodNumber });
  }
  const req = pod.requests;
  if (req.milliCPU === 0 && req.memory === 0 && req.ephemeralStorage === 0 && !req.scalar?.size) return out;
  if (req.milliCPU > 0 && req.milliCPU > alloc.milliCPU - used.milliCPU) {
    out.push({ resourceName: 'cpu', reason: 'Insufficient cpu', requested: req.milliCPU, used: used.milliCPU, capacity: alloc.milliCPU });
  }
  if (req.memory > 0 && req.memory > alloc.memory - used.memory) {
    out.push({ resourceName: 'memory', reason: 'Insufficient memory', requested: req.memory, used: used.memory, capacity: alloc.memory });
  }
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) {
    out.push({
      resourceName: 'ephemeral-storage',
      reason: 'Insufficient ephemeral-storage',
      requested: req.ephemeralStorage,
      used: used.ephemeralStorage,
      capacity: alloc.ephemeralStorage,
    });
  }
  if (req.scalar) {
    for (const [name, q] of req.scalar) {
      if (q === 0) continue;
      const a = alloc.scalar?.get(name) ?? 0;
      const u = used.scalar?.get(name) ?? 0;
      if (q > a - u) out.push({ resourceName: name, reason: `Insufficient ${name}`, requested: q, used: u, capacity: a });
    }
  }
  return out;
}

/** leastRequestedScore: the free share of a resource after placing the pod, 0..100. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** resourceAllocationScorer with LeastAllocated over NonZeroRequested cpu and memory; resources with no allocatable are left out. */
function leastAllocated(pod: PodInfo, node: NodeInfo): number {
  let total = 0;
  let weights = 0;
  const cpuAlloc = node.allocatable.milliCPU;
  if (cpuAlloc !== 0) {
    total += leastRequestedScore(node.nonZeroCPU + pod.nonZeroCPU, cpuAlloc);
    weights++;
  }
  const memAlloc = node.allocatable.memory;
  if (memAlloc !== 0) {
    total += leastRequestedScore(node.nonZeroMem + pod.nonZeroMem, memAlloc);
    weights++;
  }
  return weights === 0 ? 0 : Math.trunc(total / weights);
}

export function New(): PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin {
  return {
    name: Name,
    events: ['NodeAdd', 'NodeUpdate', 'AssignedPodDelete'],
    preFilter() {
      // The requests were computed with the PodInfo.
      return { status: null };
    },
    filter(_state, pod, node) {
      // Most nodes fit: answer those without building the list of shortfalls.
      const a = node.allocatable;
      const u = node.requested;
      const r = pod.requests;
      if (
        node.pods.length + 1 <= a.allowedPodNumber &&
        r.milliCPU <= a.milliCPU - u.milliCPU &&
        r.memory <= a.memory - u.memory &&
        r.ephemeralStorage <= a.ephemeralStorage - u.ephemeralStorage &&
        !r.scalar?.size
      ) {
        return null;
      }
      const lacking = fitsRequest(pod, node);
      if (lacking.length === 0) return null;
      return unschedulable(...lacking.map((r) => r.reason));
    },
    preScore() {
      return null;
    },
    score(_state, pod, node) {
      return leastAllocated(pod, node);
    },
    scoreNodes(_state, pod, nodes, out) {
      for (let i = 0; i < nodes.length; i++) out[i] = leastAllocated(pod, nodes[i]);
    },
  };
}
