import { describe, expect, it } from 'vitest';
import type { HPAScalingRules } from 'kubernetes-types/autoscaling/v2';
import {
  convertDesiredReplicasWithBehaviorRate,
  convertDesiredReplicasWithRules,
  newScaleHistory,
  normalizeDesiredReplicas,
  normalizeDesiredReplicasWithBehaviors,
  scaleDownLimitWithRules,
  stabilizeRecommendation,
  storeScaleEvent,
  type TimestampedScaleEvent,
} from './behavior';

const NOW = Date.UTC(2025, 0, 1, 12);
const MIN = 60_000;

/** generateScalingRules from horizontal_test.go. */
function rules(pods: number, podsPeriod: number, percent: number, percentPeriod: number, window: number): HPAScalingRules {
  const r: HPAScalingRules = { stabilizationWindowSeconds: window, selectPolicy: 'Max', policies: [] };
  if (pods) r.policies!.push({ type: 'Pods', value: pods, periodSeconds: podsPeriod });
  if (percent) r.policies!.push({ type: 'Percent', value: percent, periodSeconds: percentPeriod });
  return r;
}

/** generateEventsUniformDistribution: events spread over the last `period` seconds, oldest first. */
function uniform(changes: number[], period: number): TimestampedScaleEvent[] {
  const seg = period / changes.length;
  return changes.map((c, i) => ({ replicaChange: c, timestamp: NOW - Math.trunc(period - seg * (i + 1) + seg / 2) * 1000, outdated: false }));
}

const DEFAULT_UP: HPAScalingRules = { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] };
const DEFAULT_DOWN: HPAScalingRules = { stabilizationWindowSeconds: 300, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] };

describe('convertDesiredReplicasWithBehaviorRate (TestScalingWithRules)', () => {
  const cases: { name: string; current: number; desired: number; min: number; max: number; up?: HPAScalingRules; down?: HPAScalingRules; upEvents?: TimestampedScaleEvent[]; downEvents?: TimestampedScaleEvent[]; want: number; reason: string }[] = [
    { name: 'within range', current: 5, desired: 7, min: 3, max: 8, want: 7, reason: 'DesiredWithinRange' },
    { name: 'below minReplicas', current: 3, desired: 1, min: 2, max: 8, want: 2, reason: 'TooFewReplicas' },
    { name: 'minReplicas 0', current: 1, desired: 0, min: 0, max: 10, want: 0, reason: 'DesiredWithinRange' },
    { name: 'maxReplicas below the scale-up limit', current: 20, desired: 1000, min: 1, max: 10, want: 10, reason: 'TooManyReplicas' },
    { name: 'more than maxReplicas', current: 100, desired: 1000, min: 100, max: 150, want: 150, reason: 'TooManyReplicas' },
    { name: 'user percent policy limits', current: 3, desired: 1000, min: 1, max: 2000, up: rules(0, 0, 1, 60, 0), want: 4, reason: 'ScaleUpLimit' },
    { name: 'user pods policy limits scale-down', current: 1000, desired: 3, min: 3, max: 2000, down: rules(20, 60, 0, 0, 0), want: 980, reason: 'ScaleDownLimit' },
    { name: 'default behavior', current: 10, desired: 50, min: 1, max: 1000, want: 20, reason: 'ScaleUpLimit' },
    { name: 'pods policy larger than percent', current: 10, desired: 500, min: 1, max: 1000, up: rules(100, 60, 100, 60, 0), want: 110, reason: 'ScaleUpLimit' },
    { name: 'percent policy larger than pods', current: 10, desired: 500, min: 1, max: 1000, up: rules(2, 60, 100, 60, 0), want: 20, reason: 'ScaleUpLimit' },
    { name: 'large pods policy', current: 10, desired: 50, min: 1, max: 1000, up: rules(100, 60, 0, 0, 0), want: 50, reason: 'DesiredWithinRange' },
    { name: 'pod policy limitation', current: 10, desired: 50, min: 1, max: 1000, up: rules(30, 60, 0, 0, 0), want: 40, reason: 'ScaleUpLimit' },
    { name: 'percent policy limitation', current: 10, desired: 50, min: 1, max: 1000, up: rules(0, 0, 200, 60, 0), want: 30, reason: 'ScaleUpLimit' },
    { name: 'scale-down percent larger than pods', current: 100, desired: 2, min: 1, max: 1000, down: rules(20, 60, 1, 60, 300), want: 80, reason: 'ScaleDownLimit' },
    { name: 'scale-down pods larger than percent', current: 100, desired: 2, min: 1, max: 1000, down: rules(2, 60, 1, 60, 300), want: 98, reason: 'ScaleDownLimit' },
    { name: 'scale-down to minReplicas', current: 10, desired: 0, min: 1, max: 1000, down: rules(100, 60, 0, 0, 300), want: 1, reason: 'TooFewReplicas' },
    { name: 'scale-down pod policy limitation', current: 10, desired: 2, min: 1, max: 1000, down: rules(5, 60, 0, 0, 300), want: 5, reason: 'ScaleDownLimit' },
    { name: 'scale-down percent policy', current: 10, desired: 5, min: 1, max: 1000, down: rules(0, 0, 50, 60, 300), want: 5, reason: 'DesiredWithinRange' },
    { name: 'max with large pods policy and events', current: 100, desired: 500, min: 1, max: 200, up: rules(300, 60, 0, 0, 0), upEvents: uniform([1, 5, 9], 120), want: 200, reason: 'TooManyReplicas' },
    { name: 'recent scale-ups leave no room', current: 100, desired: 500, min: 1, max: 1000, up: rules(5, 120, 0, 0, 0), upEvents: uniform([1, 5, 9], 120), want: 100, reason: 'ScaleUpLimit' },
    { name: 'pods policy counts from the period start', current: 100, desired: 500, min: 1, max: 1000, up: rules(150, 120, 0, 0, 0), upEvents: uniform([1, 5, 9], 120), want: 235, reason: 'ScaleUpLimit' },
    { name: 'only events within the period count', current: 100, desired: 500, min: 1, max: 1000, up: rules(150, 60, 0, 0, 0), upEvents: uniform([1, 5, 9], 120), want: 241, reason: 'ScaleUpLimit' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const h = newScaleHistory();
      h.scaleUpEvents = c.upEvents ?? [];
      h.scaleDownEvents = c.downEvents ?? [];
      const r = convertDesiredReplicasWithBehaviorRate(h, { scaleUp: c.up ?? DEFAULT_UP, scaleDown: c.down ?? DEFAULT_DOWN, minReplicas: c.min, maxReplicas: c.max, currentReplicas: c.current, desiredReplicas: c.desired }, NOW);
      expect([r.replicas, r.reason]).toEqual([c.want, c.reason]);
    });
  }

  it('selectPolicy Min takes the smaller change; Disabled allows none', () => {
    const minRules: HPAScalingRules = { selectPolicy: 'Min', policies: [{ type: 'Pods', value: 2, periodSeconds: 60 }, { type: 'Percent', value: 50, periodSeconds: 60 }] };
    expect(scaleDownLimitWithRules(5, [], [], minRules, NOW)).toBe(3);
    const h = newScaleHistory();
    const r = convertDesiredReplicasWithBehaviorRate(h, { scaleUp: { ...DEFAULT_UP, selectPolicy: 'Disabled' }, scaleDown: DEFAULT_DOWN, minReplicas: 1, maxReplicas: 10, currentReplicas: 3, desiredReplicas: 8 }, NOW);
    expect([r.replicas, r.reason]).toEqual([3, 'ScaleUpLimit']);
  });
});

describe('stabilization', () => {
  it('without behavior: the highest recommendation of the last 5 minutes (TestNormalizeDesiredReplicas)', () => {
    const cases = [
      { recs: [], pre: 5, want: 5, log: 1 },
      { recs: [[4, 2], [5, 1]], pre: 3, want: 5, log: 3 },
      { recs: [[1, 2], [2, 1]], pre: 3, want: 3, log: 3 },
      { recs: [[10, 10], [9, 9]], pre: 3, want: 3, log: 2 },
      { recs: [[10, 10], [4, 1], [5, 2], [9, 9]], pre: 3, want: 5, log: 4 },
    ];
    for (const c of cases) {
      const h = newScaleHistory();
      h.recommendations = c.recs.map(([r, ago]) => ({ recommendation: r, timestamp: NOW - ago * MIN }));
      expect(stabilizeRecommendation(h, c.pre, 5 * MIN, NOW)).toBe(c.want);
      expect(h.recommendations.length).toBe(c.log);
    }
  });

  it('without behavior the scale-up limit is max(2 × current, 4), and conditions say so', () => {
    expect(convertDesiredReplicasWithRules(1, 5, 1, 10)).toEqual({ replicas: 4, reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' });
    expect(convertDesiredReplicasWithRules(4, 9, 1, 10).replicas).toBe(8);
    expect(convertDesiredReplicasWithRules(4, 12, 1, 7)).toMatchObject({ replicas: 7, reason: 'TooManyReplicas' });
    const h = newScaleHistory();
    h.recommendations = [{ recommendation: 7, timestamp: NOW - 4 * MIN }];
    const n = normalizeDesiredReplicas(h, 7, 2, 1, 10, 5 * MIN, NOW);
    expect(n).toMatchObject({ replicas: 7, stabilized: 7, ableToScale: { reason: 'ScaleDownStabilized' }, scalingLimited: { status: 'False', reason: 'DesiredWithinRange' } });
    // Five minutes on, the old recommendation has aged out.
    const later = normalizeDesiredReplicas(h, 7, 1, 1, 10, 5 * MIN, NOW + 2 * MIN);
    expect(later).toMatchObject({ replicas: 2, ableToScale: { reason: 'ScaleDownStabilized' } });
  });

  it('with behavior: scale-up window takes the lowest, scale-down window the highest', () => {
    const up: HPAScalingRules = { ...DEFAULT_UP, stabilizationWindowSeconds: 120 };
    const h = newScaleHistory();
    h.recommendations = [
      { recommendation: 4, timestamp: NOW - 90_000 },
      { recommendation: 6, timestamp: NOW - 30_000 },
    ];
    const n = normalizeDesiredReplicasWithBehaviors(h, { scaleUp: up, scaleDown: DEFAULT_DOWN }, 3, 9, 1, 20, NOW);
    expect(n).toMatchObject({ replicas: 4, stabilized: 4, ableToScale: { reason: 'ScaleUpStabilized', message: 'recent recommendations were lower than current one, applying the lowest recent recommendation' } });
    const d = normalizeDesiredReplicasWithBehaviors(h, { scaleUp: DEFAULT_UP, scaleDown: DEFAULT_DOWN }, 8, 2, 1, 20, NOW);
    expect(d).toMatchObject({ replicas: 8, stabilized: 8, ableToScale: { reason: 'ScaleDownStabilized' } });
  });
});

describe('storeScaleEvent', () => {
  it('is a no-op without behavior and reuses an outdated slot', () => {
    const h = newScaleHistory();
    storeScaleEvent(h, undefined, 1, 4, NOW);
    expect(h.scaleUpEvents).toEqual([]);
    const b = { scaleUp: rules(4, 60, 0, 0, 0), scaleDown: DEFAULT_DOWN };
    storeScaleEvent(h, b, 1, 4, NOW - 2 * MIN);
    storeScaleEvent(h, b, 4, 6, NOW);
    expect(h.scaleUpEvents).toEqual([{ replicaChange: 2, timestamp: NOW, outdated: false }]);
    storeScaleEvent(h, b, 6, 5, NOW);
    expect(h.scaleDownEvents).toEqual([{ replicaChange: 1, timestamp: NOW, outdated: false }]);
  });
});
