import { describe, expect, it } from 'vitest';
import type { Pod } from '../replicaset/types';
import { calculatePodRequests, groupPods, plainMetricReplicas, resourceReplicas, type CalculatorConfig, type PodMetricsInfo } from './replicaCalculator';

// The fixtures of upstream replica_calculator_test.go: pods `test-pod-N` with
// two containers, each requesting the pod's request; metrics per container;
// the testing config (2 min CPU initialization, 10 s readiness delay).
const CFG: CalculatorConfig = { tolerance: 0.1, cpuInitializationPeriodMs: 2 * 60_000, delayOfInitialReadinessStatusMs: 10_000 };
const NOW = Date.UTC(2025, 0, 1, 12);
const GO_ZERO = '0001-01-01T00:00:00Z';
const HOT = new Date(NOW).toISOString();
const COOL = new Date(NOW - 3 * 60_000).toISOString();

interface Case {
  name: string;
  currentReplicas: number;
  expectedReplicas?: number;
  expectedError?: string;
  readiness?: ('True' | 'False')[];
  startTime?: string[];
  phase?: string[];
  deleting?: boolean[];
  requests: string[];
  /** Per pod: one level for both containers, or per-container levels. */
  levels: (number | number[])[];
  target: number;
  container?: string;
  expectedUtilization?: number;
  expectedValue?: number;
}

function podsFor(c: Case): Pod[] {
  const n = Math.max(c.currentReplicas, c.phase?.length ?? 0);
  return Array.from({ length: n }, (_, i) => {
    const req = c.requests[i];
    const resources = req !== undefined ? { requests: { cpu: req } } : {};
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `test-pod-${i}`, namespace: 'test-namespace', labels: { name: 'test-pod' }, ...(c.deleting?.[i] ? { deletionTimestamp: HOT } : {}) },
      spec: { containers: [{ name: 'container1', resources }, { name: 'container2', resources }] },
      status: { phase: (c.phase?.[i] ?? 'Running') as 'Running', startTime: c.startTime?.[i] ?? GO_ZERO, conditions: [{ type: 'Ready', status: c.readiness?.[i] ?? 'True' }] },
    } as Pod;
  });
}

/** What the resource metrics client makes of the fake PodMetrics list (window 1 min, zero timestamp). */
function metricsFor(c: Case): PodMetricsInfo {
  const m: PodMetricsInfo = new Map();
  c.levels.forEach((level, i) => {
    const per = Array.isArray(level) ? level : [level, level];
    const value = c.container ? per[c.container === 'container1' ? 0 : 1] : per.reduce((a, b) => a + b, 0);
    if (value === undefined) return;
    m.set(`test-pod-${i}`, { timestamp: Date.parse(GO_ZERO), windowMs: 60_000, value });
  });
  return m;
}

const cases: Case[] = [
  { name: 'ScaleUp', currentReplicas: 3, expectedReplicas: 5, requests: ['1.0', '1.0', '1.0'], levels: [300, 500, 700], target: 30, expectedUtilization: 50, expectedValue: 2 * 500 },
  { name: 'ScaleUpContainer', currentReplicas: 3, expectedReplicas: 5, requests: ['1.0', '1.0', '1.0'], levels: [[1000, 300], [1000, 500], [1000, 700]], container: 'container2', target: 30, expectedUtilization: 50, expectedValue: 500 },
  { name: 'ScaleUpUnreadyLessScale', currentReplicas: 3, expectedReplicas: 4, readiness: ['False', 'True', 'True'], requests: ['1.0', '1.0', '1.0'], levels: [300, 500, 700], target: 30, expectedUtilization: 60, expectedValue: 2 * 600 },
  { name: 'ScaleUpHotCpuLessScale', currentReplicas: 3, expectedReplicas: 4, startTime: [HOT, COOL, COOL], requests: ['1.0', '1.0', '1.0'], levels: [300, 500, 700], target: 30, expectedUtilization: 60, expectedValue: 2 * 600 },
  { name: 'ScaleUpUnreadyNoScale', currentReplicas: 3, expectedReplicas: 3, readiness: ['True', 'False', 'False'], requests: ['1.0', '1.0', '1.0'], levels: [400, 500, 700], target: 30, expectedUtilization: 40, expectedValue: 2 * 400 },
  { name: 'ScaleHotCpuNoScale', currentReplicas: 3, expectedReplicas: 3, readiness: ['True', 'False', 'False'], startTime: [COOL, HOT, HOT], requests: ['1.0', '1.0', '1.0'], levels: [400, 500, 700], target: 30, expectedUtilization: 40, expectedValue: 2 * 400 },
  { name: 'ScaleUpIgnoresFailedPods', currentReplicas: 2, expectedReplicas: 4, readiness: ['True', 'True', 'False', 'False'], phase: ['Running', 'Running', 'Failed', 'Failed'], requests: ['1.0', '1.0', '1.0', '1.0'], levels: [500, 700], target: 30, expectedUtilization: 60, expectedValue: 2 * 600 },
  { name: 'ScaleUpIgnoresDeletionPods', currentReplicas: 2, expectedReplicas: 4, readiness: ['True', 'True', 'False', 'False'], phase: ['Running', 'Running', 'Running', 'Running'], deleting: [false, false, true, true], requests: ['1.0', '1.0', '1.0', '1.0'], levels: [500, 700], target: 30, expectedUtilization: 60, expectedValue: 2 * 600 },
  { name: 'ScaleDown', currentReplicas: 5, expectedReplicas: 3, requests: ['1.0', '1.0', '1.0', '1.0', '1.0'], levels: [100, 300, 500, 250, 250], target: 50, expectedUtilization: 28, expectedValue: 2 * 280 },
  { name: 'ScaleDownExcludeUnreadyPods', currentReplicas: 5, expectedReplicas: 2, readiness: ['True', 'True', 'True', 'False', 'False'], requests: ['1.0', '1.0', '1.0', '1.0', '1.0'], levels: [100, 300, 500, 250, 250], target: 50, expectedUtilization: 30, expectedValue: 2 * 300 },
  { name: 'ScaleDownExcludeUnscheduledPods', currentReplicas: 5, expectedReplicas: 1, readiness: ['True', 'False', 'False', 'False', 'False'], phase: ['Running', 'Pending', 'Pending', 'Pending', 'Pending'], requests: ['1.0', '1.0', '1.0', '1.0', '1.0'], levels: [100], target: 50, expectedUtilization: 10, expectedValue: 2 * 100 },
  { name: 'ScaleDownIgnoreHotCpuPods', currentReplicas: 5, expectedReplicas: 2, startTime: [COOL, COOL, COOL, HOT, HOT], requests: ['1.0', '1.0', '1.0', '1.0', '1.0'], levels: [100, 300, 500, 250, 250], target: 50, expectedUtilization: 30, expectedValue: 2 * 300 },
  { name: 'Tolerance', currentReplicas: 3, expectedReplicas: 3, requests: ['0.9', '1.0', '1.1'], levels: [1010, 1030, 1020], target: 100, expectedUtilization: 102, expectedValue: 2 * 1020 },
  { name: 'SuperfluousMetrics', currentReplicas: 4, expectedReplicas: 24, requests: ['1.0', '1.0', '1.0', '1.0'], levels: [4000, 9500, 3000, 7000, 3200, 2000], target: 100, expectedUtilization: 587, expectedValue: 2 * 5875 },
  { name: 'MissingMetricsNoChangeEq', currentReplicas: 2, expectedReplicas: 2, requests: ['1.0', '1.0'], levels: [1000], target: 100, expectedUtilization: 100, expectedValue: 2 * 1000 },
  { name: 'MissingMetricsNoChangeGt', currentReplicas: 2, expectedReplicas: 2, requests: ['1.0', '1.0'], levels: [1900], target: 100, expectedUtilization: 190, expectedValue: 2 * 1900 },
  { name: 'MissingMetricsNoChangeLt', currentReplicas: 2, expectedReplicas: 2, requests: ['1.0', '1.0'], levels: [600], target: 100, expectedUtilization: 60, expectedValue: 2 * 600 },
  { name: 'MissingMetricsUnreadyChange', currentReplicas: 3, expectedReplicas: 3, readiness: ['False', 'True', 'True'], requests: ['1.0', '1.0', '1.0'], levels: [100, 450], target: 50, expectedUtilization: 45, expectedValue: 2 * 450 },
  { name: 'MissingMetricsUnreadyScaleUp', currentReplicas: 3, expectedReplicas: 4, readiness: ['False', 'True', 'True'], requests: ['1.0', '1.0', '1.0'], levels: [100, 2000], target: 50, expectedUtilization: 200, expectedValue: 2 * 2000 },
  { name: 'MissingMetricsUnreadyScaleDown', currentReplicas: 4, expectedReplicas: 3, readiness: ['False', 'True', 'True', 'True'], requests: ['1.0', '1.0', '1.0', '1.0'], levels: [100, 100, 100], target: 50, expectedUtilization: 10, expectedValue: 2 * 100 },
  { name: 'EmptyMetrics', currentReplicas: 4, expectedError: 'did not receive metrics for targeted pods (pods might be unready)', requests: ['1.0', '1.0', '1.0', '1.0'], levels: [], target: 100 },
  { name: 'EmptyCPURequest', currentReplicas: 1, expectedError: 'missing request for', requests: [], levels: [200], target: 100 },
  { name: 'ScaleDownMissingMetricsTargetOver100 (missing pods count at the target)', currentReplicas: 4, expectedReplicas: 2, requests: ['1.0', '1.0', '1.0', '1.0'], levels: [200, 100, 100], target: 300, expectedUtilization: 13, expectedValue: 266 },
];

describe('resourceReplicas (replica_calculator_test.go cases)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = resourceReplicas({ currentReplicas: c.currentReplicas, resource: 'cpu', container: c.container ?? '', pods: podsFor(c), metrics: metricsFor(c), timestamp: 0, now: NOW, cfg: CFG }, c.target);
      if (c.expectedError) {
        expect(r).toHaveProperty('error');
        expect((r as { error: string }).error).toContain(c.expectedError);
        return;
      }
      expect(r).toMatchObject({ replicas: c.expectedReplicas, utilization: c.expectedUtilization, rawUtilization: c.expectedValue });
    });
  }

  it('refuses with no pods at all', () => {
    const r = resourceReplicas({ currentReplicas: 1, resource: 'cpu', container: '', pods: [], metrics: new Map(), timestamp: 0, now: NOW, cfg: CFG }, 50);
    expect(r).toEqual({ error: 'no pods returned by selector while calculating replica count' });
  });
});

describe('plainMetricReplicas (AverageValue targets)', () => {
  const c = (levels: number[], readiness?: ('True' | 'False')[]): Case => ({ name: '', currentReplicas: levels.length, requests: [], levels, target: 0, readiness });
  it('scales on the average value per pod', () => {
    const k = c([20000, 10000, 30000]);
    const r = plainMetricReplicas({ currentReplicas: 3, resource: '', container: '', pods: podsFor(k), metrics: metricsFor(k), timestamp: 0, now: NOW, cfg: CFG }, 15000 * 2);
    expect(r).toMatchObject({ replicas: 4, usage: 40000 });
  });
  it('scales down and keeps the count within the tolerance', () => {
    const k = c([12000, 12000, 12000, 12000, 12000]);
    const down = plainMetricReplicas({ currentReplicas: 5, resource: '', container: '', pods: podsFor(k), metrics: metricsFor(k), timestamp: 0, now: NOW, cfg: CFG }, 20000 * 2);
    expect(down).toMatchObject({ replicas: 3, usage: 24000 });
    const same = plainMetricReplicas({ currentReplicas: 5, resource: '', container: '', pods: podsFor(k), metrics: metricsFor(k), timestamp: 0, now: NOW, cfg: CFG }, 25000);
    expect(same).toMatchObject({ replicas: 5 });
  });
});

describe('groupPods and requests', () => {
  it('a pod past its CPU initialization that was never ready is unready; one that was ready before is not', () => {
    const pod = (transitionAgoMs: number): Pod =>
      ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', namespace: 'ns' },
        status: { phase: 'Running', startTime: new Date(NOW - 10 * 60_000).toISOString(), conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: new Date(NOW - transitionAgoMs).toISOString() }] },
      }) as Pod;
    const metrics: PodMetricsInfo = new Map([['p', { timestamp: NOW, windowMs: 15_000, value: 100 }]]);
    // Became unready 9m55s after start: within the readiness delay of start → never ready.
    expect(groupPods([pod(10 * 60_000 - 5_000)], metrics, 'cpu', CFG, NOW).unready.has('p')).toBe(true);
    // Unready since 2 min ago (8 min after start): was ready once, its CPU counts.
    expect(groupPods([pod(2 * 60_000)], metrics, 'cpu', CFG, NOW).readyPodCount).toBe(1);
    // Memory ignores readiness altogether.
    expect(groupPods([pod(10 * 60_000 - 5_000)], metrics, 'memory', CFG, NOW).readyPodCount).toBe(1);
  });

  it('sums containers and restartable init containers; names the container missing a request', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-1' },
      spec: {
        initContainers: [{ name: 'sidecar', restartPolicy: 'Always', resources: { requests: { cpu: '50m' } } }, { name: 'init', resources: {} }],
        containers: [{ name: 'a', resources: { requests: { cpu: '200m' } } }, { name: 'b', resources: { requests: { cpu: '0.1' } } }],
      },
    } as Pod;
    expect(calculatePodRequests([pod], '', 'cpu')).toEqual(new Map([['web-1', 350]]));
    expect(calculatePodRequests([pod], 'b', 'cpu')).toEqual(new Map([['web-1', 100]]));
    expect(calculatePodRequests([pod], '', 'memory')).toEqual({ error: 'missing request for memory in container a of Pod web-1' });
  });
});
