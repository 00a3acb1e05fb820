import { describe, it, expect } from 'vitest';
import { hpaSample, hpaSeries, mergePoints, metricLines, type HistoryPoint } from './hpaSeries';

const hpa = (current: number, desired: number, cpu?: number, target = 50) => ({
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'php-apache', namespace: 'default' },
  spec: {
    minReplicas: 1,
    maxReplicas: 10,
    scaleTargetRef: { kind: 'Deployment', name: 'php-apache', apiVersion: 'apps/v1' },
    metrics: [
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target } } },
      { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '10' } } },
    ],
  },
  status: {
    currentReplicas: current,
    desiredReplicas: desired,
    currentMetrics: cpu === undefined ? [] : [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: cpu, averageValue: '250m' } } }],
  },
});

describe('hpa samples', () => {
  it('reads replicas, bounds, targets and current values', () => {
    const s = hpaSample({ revision: 5, time: 1000, object: hpa(1, 7, 305) });
    expect(s).toMatchObject({ revision: 5, time: 1000, current: 1, desired: 7, min: 1, max: 10 });
    expect(s?.values).toEqual({ 'Resource/cpu': 305 });
    expect(s?.targets).toEqual({ 'Resource/cpu': 50, 'Pods/qps': 10 });
  });
  it('gives nothing for a deleted object and tolerates a bare one', () => {
    expect(hpaSample({ revision: 1, time: 0 })).toBeUndefined();
    expect(hpaSample({ revision: 1, time: 0, object: {} })).toEqual({ revision: 1, time: 0, values: {}, targets: {}, min: 1 });
  });
  it('labels metric lines with their units', () => {
    expect(metricLines(hpa(1, 1))).toEqual([
      { id: 'Resource/cpu', label: 'cpu (% of request)', unit: 'percent' },
      { id: 'Pods/qps', label: 'qps', unit: 'count' },
    ]);
    expect(metricLines({ spec: { metrics: [{ type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } }, { type: 'Bogus' }] } })).toEqual([
      { id: 'Resource/memory', label: 'memory', unit: 'bytes' },
    ]);
  });
});

describe('history → series', () => {
  const points: HistoryPoint[] = [
    { revision: 10, time: 0, object: hpa(0, 0) },
    { revision: 12, time: 15_000, object: hpa(1, 1, 0) },
    { revision: 20, time: 30_000, object: hpa(1, 4, 305) },
    { revision: 20, time: 30_000, object: hpa(1, 4, 305) },
    { revision: 15, time: 20_000, object: hpa(1, 1, 120) },
    { revision: 30, time: 45_000, object: hpa(4, 7, 180) },
  ];
  it('orders by revision, drops duplicates and keeps the newest `limit`', () => {
    const s = hpaSeries(points, undefined);
    expect(s.samples.map((x) => x.revision)).toEqual([10, 12, 15, 20, 30]);
    expect(s.samples.map((x) => x.desired)).toEqual([0, 1, 1, 4, 7]);
    expect(s.samples.map((x) => x.values['Resource/cpu'])).toEqual([undefined, 0, 120, 305, 180]);
    expect(s.metrics.map((m) => m.id)).toEqual(['Resource/cpu', 'Pods/qps']);
    expect(hpaSeries(points, undefined, 2).samples.map((x) => x.revision)).toEqual([20, 30]);
  });
  it('starts afresh after a delete', () => {
    const s = hpaSeries([...points, { revision: 40, time: 60_000 }, { revision: 41, time: 61_000, object: hpa(1, 1) }], undefined);
    expect(s.samples.map((x) => x.revision)).toEqual([41]);
  });
  it('is empty for no history', () => {
    expect(hpaSeries([], undefined)).toEqual({ samples: [], metrics: [] });
  });
  it('appends only newer points when merging live updates', () => {
    const held = points.slice(0, 3);
    const merged = mergePoints(held, [points[2], points[5]]);
    expect(merged.map((p) => p.revision)).toEqual([10, 12, 20, 30]);
    expect(mergePoints(held, [])).toBe(held);
    expect(mergePoints(held, [points[5]], 2).map((p) => p.revision)).toEqual([20, 30]);
  });
});
