/**
 * From history to a recommendation (pkg/recommender/logic/recommender.go,
 * estimator.go, with pkg/recommender/config defaults): target = p90, lower
 * bound = p50, upper bound = p95 of the CPU histogram and of the memory
 * peaks, each plus a 15% safety margin; the upper bound widened by
 * (1 + 1/confidence), the lower bound narrowed by (1 + 0.001/confidence)⁻²,
 * where confidence ≈ days of history; at least 25 millicores and 250 MiB
 * per pod, split evenly over its containers.
 */
import type { AggregateContainerState } from './aggregateState';

export interface RecommendationConfig {
  safetyMarginFraction: number;
  podMinCpuMillicores: number;
  podMinMemoryMb: number;
  targetCpuPercentile: number;
  lowerBoundCpuPercentile: number;
  upperBoundCpuPercentile: number;
  targetMemoryPercentile: number;
  lowerBoundMemoryPercentile: number;
  upperBoundMemoryPercentile: number;
  confidenceIntervalMs: number;
}

export const DEFAULT_RECOMMENDATION_CONFIG: RecommendationConfig = {
  safetyMarginFraction: 0.15,
  podMinCpuMillicores: 25,
  podMinMemoryMb: 250,
  targetCpuPercentile: 0.9,
  lowerBoundCpuPercentile: 0.5,
  upperBoundCpuPercentile: 0.95,
  targetMemoryPercentile: 0.9,
  lowerBoundMemoryPercentile: 0.5,
  upperBoundMemoryPercentile: 0.95,
  confidenceIntervalMs: 24 * 3_600_000,
};

/** CPU in millicores, memory in bytes: the model's ResourceAmount, integers. */
export interface Amounts {
  cpu: number;
  memory: number;
}

export interface ContainerEstimate {
  target: Amounts;
  lowerBound: Amounts;
  upperBound: Amounts;
}

/** model.MaxResourceAmount. */
const MAX_AMOUNT = 1e14;

/** resourceAmountFromFloat: truncated toward zero, clamped to [0, 1e14]. */
export function amount(v: number): number {
  if (v > MAX_AMOUNT) return MAX_AMOUNT;
  if (!(v > 0)) return 0;
  return Math.trunc(v);
}

const scale = (a: number, factor: number): number => amount(a * factor);

/** getConfidence: min(days between first and last sample, samples ÷ minutes per day). */
export function confidence(s: AggregateContainerState, intervalMs: number): number {
  const lifespan = (s.lastSampleStart - s.firstSampleStart) / intervalMs;
  const samples = s.totalSamplesCount / (intervalMs / 60_000);
  return Math.min(lifespan, samples);
}

function withMargin(base: number, fraction: number): number {
  return base + scale(base, fraction);
}

function withConfidence(base: number, multiplier: number, exponent: number, conf: number): number {
  // conf 0 gives an infinite factor (upper bound) or 0 (lower bound), as Go's math does.
  return scale(base, Math.pow(1 + multiplier / conf, exponent));
}

/** GetRecommendedPodResources for one pod's containers (by name). */
export function estimatePod(states: ReadonlyMap<string, AggregateContainerState>, config: RecommendationConfig = DEFAULT_RECOMMENDATION_CONFIG): Map<string, ContainerEstimate> {
  const out = new Map<string, ContainerEstimate>();
  if (states.size === 0) return out;
  const fraction = 1 / states.size;
  const minCpu = scale(amount(config.podMinCpuMillicores * 0.001 * 1000), fraction);
  const minMemory = scale(amount(config.podMinMemoryMb * 1024 * 1024), fraction);
  for (const [name, s] of states) out.set(name, estimateContainer(s, config, minCpu, minMemory));
  return out;
}

function estimateContainer(s: AggregateContainerState, c: RecommendationConfig, minCpu: number, minMemory: number): ContainerEstimate {
  const conf = confidence(s, c.confidenceIntervalMs);
  const cpuAt = (p: number) => withMargin(amount(s.cpu.percentile(p) * 1000), c.safetyMarginFraction);
  const memAt = (p: number) => withMargin(amount(s.memoryPeaks.percentile(p)), c.safetyMarginFraction);
  return {
    target: { cpu: Math.max(cpuAt(c.targetCpuPercentile), minCpu), memory: Math.max(memAt(c.targetMemoryPercentile), minMemory) },
    lowerBound: {
      cpu: Math.max(withConfidence(cpuAt(c.lowerBoundCpuPercentile), 0.001, -2, conf), minCpu),
      memory: Math.max(withConfidence(memAt(c.lowerBoundMemoryPercentile), 0.001, -2, conf), minMemory),
    },
    upperBound: {
      cpu: Math.max(withConfidence(cpuAt(c.upperBoundCpuPercentile), 1, 1, conf), minCpu),
      memory: Math.max(withConfidence(memAt(c.upperBoundMemoryPercentile), 1, 1, conf), minMemory),
    },
  };
}
