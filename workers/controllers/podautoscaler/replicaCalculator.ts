/**
 * The replica count a metric asks for. Mirrors
 * pkg/controller/podautoscaler/replica_calculator.go (v1.32) and
 * metrics/utilization.go: pods are grouped into ready, unready (pending, or
 * CPU sampled too early after start), missing (no metrics yet) and ignored
 * (deleted, failed); a change within the tolerance is no change; missing
 * pods count as 0% on a scale-up and as max(100%, target) on a scale-down;
 * unready pods count as 0% on a scale-up; a re-computed ratio that flips the
 * direction of scale keeps the current count. Pure functions: the caller
 * brings the pods, the metrics and the time.
 */
import type { Pod } from '../replicaset/types';
import { parseQuantity } from '../../api/quantity/quantity';

export interface PodMetric {
  /** When the sample was taken (ms). */
  timestamp: number;
  /** The span it averages over (ms). */
  windowMs: number;
  /** Milli-units: millicores, or milli-bytes for memory. */
  value: number;
}

/** Pod name → metric, as metricsclient.PodMetricsInfo. */
export type PodMetricsInfo = Map<string, PodMetric>;

export interface CalculatorConfig {
  tolerance: number;
  cpuInitializationPeriodMs: number;
  delayOfInitialReadinessStatusMs: number;
}

/** kube-controller-manager's defaults (--horizontal-pod-autoscaler-*). */
export const DEFAULT_CALCULATOR_CONFIG: CalculatorConfig = {
  tolerance: 0.1,
  cpuInitializationPeriodMs: 5 * 60_000,
  delayOfInitialReadinessStatusMs: 30_000,
};

export type Failure = { error: string };

export function isFailure(v: unknown): v is Failure {
  return typeof v === 'object' && v !== null && 'error' in v;
}

/** Go's zero time.Time (year 1), what an unset metav1.Time compares as. */
const GO_ZERO_TIME = -62135596800000;

function time(s: string | undefined | null): number | undefined {
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

export interface PodGroups {
  readyPodCount: number;
  unready: Set<string>;
  missing: Set<string>;
  ignored: Set<string>;
}

/** groupPods. */
export function groupPods(pods: readonly Pod[], metrics: PodMetricsInfo, resource: string, cfg: CalculatorConfig, now: number): PodGroups {
  const out: PodGroups = { readyPodCount: 0, unready: new Set(), missing: new Set(), ignored: new Set() };
  for (const pod of pods) {
    const name = pod.metadata.name!;
    if (pod.metadata.deletionTimestamp || pod.status?.phase === 'Failed') {
      out.ignored.add(name);
      continue;
    }
    if (pod.status?.phase === 'Pending') {
      out.unready.add(name);
      continue;
    }
    const metric = metrics.get(name);
    if (!metric) {
      out.missing.add(name);
      continue;
    }
    if (resource === 'cpu') {
      const cond = pod.status?.conditions?.find((c) => c.type === 'Ready');
      const start = time(pod.status?.startTime);
      let unready: boolean;
      if (!cond || start === undefined) unready = true;
      else {
        const transition = time(cond.lastTransitionTime) ?? GO_ZERO_TIME;
        if (start + cfg.cpuInitializationPeriodMs > now) {
          // Still starting: a sample taken before one full window after readiness may include the start-up burst.
          unready = cond.status === 'False' || metric.timestamp < transition + metric.windowMs;
        } else {
          // Past start-up: only a pod that has never been ready is left out.
          unready = cond.status === 'False' && start + cfg.delayOfInitialReadinessStatusMs > transition;
        }
      }
      if (unready) {
        out.unready.add(name);
        continue;
      }
    }
    out.readyPodCount++;
  }
  return out;
}

function milliOf(q: unknown): number | undefined {
  if (typeof q !== 'string' && typeof q !== 'number') return undefined;
  const r = parseQuantity(String(q));
  return r.ok ? r.quantity.milliValue() : undefined;
}

/** calculatePodRequests: the pod's request for `resource` (one container's, or the sum with sidecars). */
export function calculatePodRequests(pods: readonly Pod[], container: string, resource: string): Map<string, number> | Failure {
  const requests = new Map<string, number>();
  for (const pod of pods) {
    const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];
    let sum = 0;
    for (const c of containers) {
      if (container !== '' && container !== c.name) continue;
      const v = milliOf(c.resources?.requests?.[resource]);
      if (v === undefined) return { error: `missing request for ${resource} in container ${c.name} of Pod ${pod.metadata.name}` };
      sum += v;
    }
    requests.set(pod.metadata.name!, sum);
  }
  return requests;
}

/** GetResourceUtilizationRatio: integer percent of the summed requests, as upstream's int64 arithmetic. */
export function resourceUtilizationRatio(metrics: PodMetricsInfo, requests: Map<string, number>, targetUtilization: number): { ratio: number; utilization: number; rawAverage: number } | Failure {
  let metricsTotal = 0;
  let requestsTotal = 0;
  let entries = 0;
  for (const [pod, m] of metrics) {
    const request = requests.get(pod);
    // Metrics of pods we do not know are extraneous.
    if (request === undefined) continue;
    metricsTotal += m.value;
    requestsTotal += request;
    entries++;
  }
  if (requestsTotal === 0) return { error: 'no metrics returned matched known pods' };
  const utilization = Math.trunc((metricsTotal * 100) / requestsTotal);
  return { ratio: utilization / targetUtilization, utilization, rawAverage: Math.trunc(metricsTotal / entries) };
}

/** GetMetricUsageRatio. */
export function metricUsageRatio(metrics: PodMetricsInfo, targetUsage: number): { ratio: number; usage: number } {
  let total = 0;
  for (const m of metrics.values()) total += m.value;
  const usage = Math.trunc(total / metrics.size);
  return { ratio: usage / targetUsage, usage };
}

export interface ResourceProposal {
  replicas: number;
  /** Percent of request (Utilization targets). */
  utilization: number;
  /** Average milli-value per pod. */
  rawUtilization: number;
  /** Timestamp of the metrics used (ms). */
  timestamp: number;
}

export interface ResourceInput {
  currentReplicas: number;
  resource: string;
  /** '' for the whole pod. */
  container: string;
  pods: readonly Pod[];
  metrics: PodMetricsInfo;
  timestamp: number;
  now: number;
  cfg: CalculatorConfig;
}

function withinTolerance(ratio: number, cfg: CalculatorConfig): boolean {
  return Math.abs(1 - ratio) <= cfg.tolerance;
}

/** GetResourceReplicas, after the metrics are fetched. */
export function resourceReplicas(input: ResourceInput, targetUtilization: number): ResourceProposal | Failure {
  const { currentReplicas, resource, pods, cfg, timestamp } = input;
  const metrics = new Map(input.metrics);
  if (!pods.length) return { error: 'no pods returned by selector while calculating replica count' };
  const g = groupPods(pods, metrics, resource, cfg, input.now);
  for (const n of g.ignored) metrics.delete(n);
  for (const n of g.unready) metrics.delete(n);
  if (!metrics.size) return { error: 'did not receive metrics for targeted pods (pods might be unready)' };
  const requests = calculatePodRequests(pods, input.container, resource);
  if (isFailure(requests)) return requests;
  const first = resourceUtilizationRatio(metrics, requests, targetUtilization);
  if (isFailure(first)) return first;
  const { ratio, utilization, rawAverage } = first;
  const done = (replicas: number): ResourceProposal => ({ replicas, utilization, rawUtilization: rawAverage, timestamp });

  const scaleUpWithUnready = g.unready.size > 0 && ratio > 1;
  if (!scaleUpWithUnready && g.missing.size === 0) {
    if (withinTolerance(ratio, cfg)) return done(currentReplicas);
    return done(Math.ceil(ratio * g.readyPodCount));
  }
  if (g.missing.size > 0) {
    if (ratio < 1) {
      // Scale-down: count a missing pod as using its whole request, or the target when that is higher.
      const fallback = Math.max(100, targetUtilization);
      for (const n of g.missing) metrics.set(n, { timestamp: 0, windowMs: 0, value: Math.trunc(((requests.get(n) ?? 0) * fallback) / 100) });
    } else if (ratio > 1) {
      for (const n of g.missing) metrics.set(n, { timestamp: 0, windowMs: 0, value: 0 });
    }
  }
  if (scaleUpWithUnready) for (const n of g.unready) metrics.set(n, { timestamp: 0, windowMs: 0, value: 0 });

  const second = resourceUtilizationRatio(metrics, requests, targetUtilization);
  if (isFailure(second)) return second;
  const next = second.ratio;
  if (withinTolerance(next, cfg) || (ratio < 1 && next > 1) || (ratio > 1 && next < 1)) return done(currentReplicas);
  const replicas = Math.ceil(next * metrics.size);
  if ((next < 1 && replicas > currentReplicas) || (next > 1 && replicas < currentReplicas)) return done(currentReplicas);
  return done(replicas);
}

export interface PlainProposal {
  replicas: number;
  usage: number;
  timestamp: number;
}

/** calcPlainMetricReplicas (AverageValue resource targets, Pods metrics). */
export function plainMetricReplicas(input: ResourceInput, targetUsage: number): PlainProposal | Failure {
  const { currentReplicas, resource, pods, cfg, timestamp } = input;
  const metrics = new Map(input.metrics);
  if (!pods.length) return { error: 'no pods returned by selector while calculating replica count' };
  const g = groupPods(pods, metrics, resource, cfg, input.now);
  for (const n of g.ignored) metrics.delete(n);
  for (const n of g.unready) metrics.delete(n);
  if (!metrics.size) return { error: 'did not receive metrics for targeted pods (pods might be unready)' };
  const { ratio, usage } = metricUsageRatio(metrics, targetUsage);
  const done = (replicas: number): PlainProposal => ({ replicas, usage, timestamp });

  const scaleUpWithUnready = g.unready.size > 0 && ratio > 1;
  if (!scaleUpWithUnready && g.missing.size === 0) {
    if (withinTolerance(ratio, cfg)) return done(currentReplicas);
    return done(Math.ceil(ratio * g.readyPodCount));
  }
  if (g.missing.size > 0) {
    if (ratio < 1) for (const n of g.missing) metrics.set(n, { timestamp: 0, windowMs: 0, value: targetUsage });
    else if (ratio > 1) for (const n of g.missing) metrics.set(n, { timestamp: 0, windowMs: 0, value: 0 });
  }
  if (scaleUpWithUnready) for (const n of g.unready) metrics.set(n, { timestamp: 0, windowMs: 0, value: 0 });
  const next = metricUsageRatio(metrics, targetUsage).ratio;
  if (withinTolerance(next, cfg) || (ratio < 1 && next > 1) || (ratio > 1 && next < 1)) return done(currentReplicas);
  const replicas = Math.ceil(next * metrics.size);
  if ((next < 1 && replicas > currentReplicas) || (next > 1 && replicas < currentReplicas)) return done(currentReplicas);
  return done(replicas);
}
