/**
 * NodeResourcesBalancedAllocation (plugins/noderesources/balanced_allocation.go):
 * favours nodes whose cpu and memory would be used in equal shares after
 * placing the pod. Counts actual requests (useRequested), fractions capped at 1.
 */
import type { PreScorePlugin, ScorePlugin } from '../types';
import { MAX_NODE_SCORE } from '../helpers/normalizeScore';
import type { NodeInfo } from '../nodeInfo';
import type { PodInfo } from '../podInfo';

export const Name = 'NodeResourcesBalancedAllocation';

/** balancedResourceScorer: (1 - standard deviation of the fractions) × 100. */
export function balancedScore(requested: readonly number[], allocatable: readonly number[]): number {
  const fractions: number[] = [];
  let total = 0;
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue;
    const f = Math.min(requested[i] / allocatable[i], 1);
    total += f;
    fractions.push(f);
  }
  let std = 0;
  if (fractions.length === 2) std = Math.abs((fractions[0] - fractions[1]) / 2);
  else if (fractions.length > 2) {
    const mean = total / fractions.length;
    let sum = 0;
    for (const f of fractions) sum += (f - mean) * (f - mean);
    std = Math.sqrt(sum / fractions.length);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

function balancedAllocation(pod: PodInfo, node: NodeInfo): number {
  const a = node.allocatable;
  const r = node.requested;
  if (a.milliCPU === 0 || a.memory === 0) return balancedScore([r.milliCPU + pod.requests.milliCPU, r.memory + pod.requests.memory], [a.milliCPU, a.memory]);
  // The common two-resource case, without the arrays: std = |f1 - f2| / 2.
  const f1 = Math.min((r.milliCPU + pod.requests.milliCPU) / a.milliCPU, 1);
  const f2 = Math.min((r.memory + pod.requests.memory) / a.memory, 1);
  return Math.trunc((1 - Math.abs((f1 - f2) / 2)) * MAX_NODE_SCORE);
}

export function New(): PreScorePlugin & ScorePlugin {
  return {
    name: Name,
    events: ['NodeAdd', 'NodeUpdate', 'AssignedPodDelete'],
    preScore() {
      return null;
    },
    score(_state, pod, node) {
      return balancedAllocation(pod, node);
    },
    scoreNodes(_state, pod, nodes, out) {
      for (let i = 0; i < nodes.length; i++) out[i] = balancedAllocation(pod, nodes[i]);
    },
  };
}
