/**
 * From a metric's proposal to the replica count the HPA applies, as
 * pkg/controller/podautoscaler/horizontal.go does it: without `behavior`,
 * the highest recommendation of the downscale stabilization window and a
 * scale-up limit of max(2 × current, 4); with `behavior`, stabilization
 * windows both ways, then the scaling policies (Pods / Percent per period,
 * selectPolicy Max / Min / Disabled) over the scale events of each period,
 * then min/max replicas. Each step says what limited it, as the
 * AbleToScale and ScalingLimited conditions report.
 */
import type { HPAScalingRules } from 'kubernetes-types/autoscaling/v2';

export interface TimestampedRecommendation {
  recommendation: number;
  timestamp: number;
}

export interface TimestampedScaleEvent {
  /** Absolute number of replicas added or removed. */
  replicaChange: number;
  timestamp: number;
  outdated: boolean;
}

/** What the controller remembers per HPA between syncs. */
export interface ScaleHistory {
  recommendations: TimestampedRecommendation[];
  scaleUpEvents: TimestampedScaleEvent[];
  scaleDownEvents: TimestampedScaleEvent[];
}

export function newScaleHistory(): ScaleHistory {
  return { recommendations: [], scaleUpEvents: [], scaleDownEvents: [] };
}

export interface Reason {
  reason: string;
  message: string;
}

export const SCALE_UP_LIMIT_FACTOR = 2;
export const SCALE_UP_LIMIT_MINIMUM = 4;

const MSG = {
  scaleUpLimit: 'the desired replica count is increasing faster than the maximum scale rate',
  scaleDownLimit: 'the desired replica count is decreasing faster than the maximum scale rate',
  tooMany: 'the desired replica count is more than the maximum replica count',
  tooFew: 'the desired replica count is less than the minimum replica count',
  within: 'the desired count is within the acceptable range',
  upStabilized: 'recent recommendations were lower than current one, applying the lowest recent recommendation',
  downStabilized: 'recent recommendations were higher than current one, applying the highest recent recommendation',
};

/** stabilizeRecommendation: the highest recommendation within the window; the oldest stale sample is reused. */
export function stabilizeRecommendation(h: ScaleHistory, prenormalized: number, windowMs: number, now: number): number {
  let max = prenormalized;
  let oldIndex = -1;
  const cutoff = now - windowMs;
  h.recommendations.forEach((rec, i) => {
    if (rec.timestamp < cutoff) oldIndex = i;
    else if (rec.recommendation > max) max = rec.recommendation;
  });
  const entry = { recommendation: prenormalized, timestamp: now };
  if (oldIndex >= 0) h.recommendations[oldIndex] = entry;
  else h.recommendations.push(entry);
  return max;
}

export function calculateScaleUpLimit(currentReplicas: number): number {
  return Math.trunc(Math.max(SCALE_UP_LIMIT_FACTOR * currentReplicas, SCALE_UP_LIMIT_MINIMUM));
}

/** convertDesiredReplicasWithRules (no behavior). */
export function convertDesiredReplicasWithRules(current: number, desired: number, min: number, max: number): { replicas: number } & Reason {
  const scaleUpLimit = calculateScaleUpLimit(current);
  let maximumAllowed: number;
  let limit: Reason;
  if (max > scaleUpLimit) {
    maximumAllowed = scaleUpLimit;
    limit = { reason: 'ScaleUpLimit', message: MSG.scaleUpLimit };
  } else {
    maximumAllowed = max;
    limit = { reason: 'TooManyReplicas', message: MSG.tooMany };
  }
  if (desired < min) return { replicas: min, reason: 'TooFewReplicas', message: MSG.tooFew };
  if (desired > maximumAllowed) return { replicas: maximumAllowed, ...limit };
  return { replicas: desired, reason: 'DesiredWithinRange', message: MSG.within };
}

export interface Normalized {
  replicas: number;
  /** After stabilization, before the rate and range limits. */
  stabilized: number;
  ableToScale: Reason;
  /** status True when the limits changed the stabilized count. */
  scalingLimited: Reason & { status: 'True' | 'False' };
}

/** normalizeDesiredReplicas: the path for HPAs without `behavior`. */
export function normalizeDesiredReplicas(h: ScaleHistory, current: number, prenormalized: number, min: number, max: number, downscaleWindowMs: number, now: number): Normalized {
  const stabilized = stabilizeRecommendation(h, prenormalized, downscaleWindowMs, now);
  const ableToScale = stabilized !== prenormalized ? { reason: 'ScaleDownStabilized', message: MSG.downStabilized } : { reason: 'ReadyForNewScale', message: 'recommended size matches current size' };
  const r = convertDesiredReplicasWithRules(current, stabilized, min, max);
  return { replicas: r.replicas, stabilized, ableToScale, scalingLimited: { reason: r.reason, message: r.message, status: r.replicas === stabilized ? 'False' : 'True' } };
}

/** Rules with every field the API server defaults filled in, and the controller's scale-down window when unset. */
export interface Behavior {
  scaleUp: HPAScalingRules;
  scaleDown: HPAScalingRules;
}

export interface NormalizationArg {
  scaleUp: HPAScalingRules;
  scaleDown: HPAScalingRules;
  minReplicas: number;
  maxReplicas: number;
  currentReplicas: number;
  desiredReplicas: number;
}

/** stabilizeRecommendationWithBehaviors. */
export function stabilizeRecommendationWithBehaviors(h: ScaleHistory, a: NormalizationArg, now: number): { replicas: number } & Reason {
  let oldIndex = -1;
  let up = a.desiredReplicas;
  let down = a.desiredReplicas;
  const upCutoff = now - (a.scaleUp.stabilizationWindowSeconds ?? 0) * 1000;
  const downCutoff = now - (a.scaleDown.stabilizationWindowSeconds ?? 0) * 1000;
  h.recommendations.forEach((rec, i) => {
    if (rec.timestamp > upCutoff) up = Math.min(rec.recommendation, up);
    if (rec.timestamp > downCutoff) down = Math.max(rec.recommendation, down);
    if (rec.timestamp < upCutoff && rec.timestamp < downCutoff) oldIndex = i;
  });
  let recommendation = a.currentReplicas;
  if (recommendation < up) recommendation = up;
  if (recommendation > down) recommendation = down;
  const entry = { recommendation: a.desiredReplicas, timestamp: now };
  if (oldIndex >= 0) h.recommendations[oldIndex] = entry;
  else h.recommendations.push(entry);
  const reason = a.desiredReplicas >= a.currentReplicas ? { reason: 'ScaleUpStabilized', message: MSG.upStabilized } : { reason: 'ScaleDownStabilized', message: MSG.downStabilized };
  return { replicas: recommendation, ...reason };
}

/** getReplicasChangePerPeriod. */
export function replicasChangePerPeriod(periodSeconds: number, events: readonly TimestampedScaleEvent[], now: number): number {
  const cutoff = now - periodSeconds * 1000;
  let n = 0;
  for (const e of events) if (e.timestamp > cutoff) n += e.replicaChange;
  return n;
}

const INT32_MAX = 2147483647;
const INT32_MIN = -2147483648;

/** calculateScaleUpLimitWithScalingRules. */
export function scaleUpLimitWithRules(current: number, up: readonly TimestampedScaleEvent[], down: readonly TimestampedScaleEvent[], rules: HPAScalingRules, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const useMin = rules.selectPolicy === 'Min';
  let result = useMin ? INT32_MAX : INT32_MIN;
  for (const p of rules.policies ?? []) {
    const start = current - replicasChangePerPeriod(p.periodSeconds, up, now) + replicasChangePerPeriod(p.periodSeconds, down, now);
    // Percent rounds up, or a small target could never grow.
    const proposed = p.type === 'Pods' ? start + p.value : p.type === 'Percent' ? Math.ceil(start * (1 + p.value / 100)) : 0;
    result = useMin ? Math.min(result, proposed) : Math.max(result, proposed);
  }
  return result;
}

/** calculateScaleDownLimitWithBehaviors. */
export function scaleDownLimitWithRules(current: number, up: readonly TimestampedScaleEvent[], down: readonly TimestampedScaleEvent[], rules: HPAScalingRules, now: number): number {
  if (rules.selectPolicy === 'Disabled') return current;
  const useMin = rules.selectPolicy === 'Min';
  let result = useMin ? INT32_MIN : INT32_MAX;
  for (const p of rules.policies ?? []) {
    const start = current - replicasChangePerPeriod(p.periodSeconds, up, now) + replicasChangePerPeriod(p.periodSeconds, down, now);
    const proposed = p.type === 'Pods' ? start - p.value : p.type === 'Percent' ? Math.trunc(start * (1 - p.value / 100)) : 0;
    result = useMin ? Math.max(result, proposed) : Math.min(result, proposed);
  }
  return result;
}

/** convertDesiredReplicasWithBehaviorRate. */
export function convertDesiredReplicasWithBehaviorRate(h: ScaleHistory, a: NormalizationArg, now: number): { replicas: number } & Reason {
  if (a.desiredReplicas > a.currentReplicas) {
    let limit = scaleUpLimitWithRules(a.currentReplicas, h.scaleUpEvents, h.scaleDownEvents, a.scaleUp, now);
    // Until old events age out there is no room to grow.
    if (limit < a.currentReplicas) limit = a.currentReplicas;
    let maximumAllowed = a.maxReplicas;
    let why: Reason;
    if (maximumAllowed > limit) {
      maximumAllowed = limit;
      why = { reason: 'ScaleUpLimit', message: MSG.scaleUpLimit };
    } else why = { reason: 'TooManyReplicas', message: MSG.tooMany };
    if (a.desiredReplicas > maximumAllowed) return { replicas: maximumAllowed, ...why };
  } else if (a.desiredReplicas < a.currentReplicas) {
    let limit = scaleDownLimitWithRules(a.currentReplicas, h.scaleUpEvents, h.scaleDownEvents, a.scaleDown, now);
    if (limit > a.currentReplicas) limit = a.currentReplicas;
    let minimumAllowed = a.minReplicas;
    let why: Reason;
    if (minimumAllowed < limit) {
      minimumAllowed = limit;
      why = { reason: 'ScaleDownLimit', message: MSG.scaleDownLimit };
    } else why = { reason: 'TooFewReplicas', message: MSG.tooFew };
    if (a.desiredReplicas < minimumAllowed) return { replicas: minimumAllowed, ...why };
  }
  return { replicas: a.desiredReplicas, reason: 'DesiredWithinRange', message: MSG.within };
}

/** normalizeDesiredReplicasWithBehaviors. */
export function normalizeDesiredReplicasWithBehaviors(h: ScaleHistory, behavior: Behavior, current: number, prenormalized: number, min: number, max: number, now: number): Normalized {
  const arg: NormalizationArg = { scaleUp: behavior.scaleUp, scaleDown: behavior.scaleDown, minReplicas: min, maxReplicas: max, currentReplicas: current, desiredReplicas: prenormalized };
  const s = stabilizeRecommendationWithBehaviors(h, arg, now);
  const ableToScale = s.replicas !== prenormalized ? { reason: s.reason, message: s.message } : { reason: 'ReadyForNewScale', message: 'recommended size matches current size' };
  const r = convertDesiredReplicasWithBehaviorRate(h, { ...arg, desiredReplicas: s.replicas }, now);
  return { replicas: r.replicas, stabilized: s.replicas, ableToScale, scalingLimited: { reason: r.reason, message: r.message, status: r.replicas === s.replicas ? 'False' : 'True' } };
}

function longestPolicyPeriod(rules: HPAScalingRules): number {
  let longest = 0;
  for (const p of rules.policies ?? []) if (p.periodSeconds > longest) longest = p.periodSeconds;
  return longest;
}

/** storeScaleEvent: kept only with `behavior`; an outdated event's slot is reused. */
export function storeScaleEvent(h: ScaleHistory, behavior: Behavior | undefined, prev: number, next: number, now: number): void {
  if (!behavior) return;
  const up = next > prev;
  const events = up ? h.scaleUpEvents : h.scaleDownEvents;
  const cutoff = now - longestPolicyPeriod(up ? behavior.scaleUp : behavior.scaleDown) * 1000;
  let oldIndex = -1;
  events.forEach((e, i) => {
    if (e.timestamp < cutoff) e.outdated = true;
    if (e.outdated) oldIndex = i;
  });
  const event = { replicaChange: up ? next - prev : prev - next, timestamp: now, outdated: false };
  if (oldIndex >= 0) events[oldIndex] = event;
  else events.push(event);
}
