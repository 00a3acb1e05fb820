import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../object';
import { createErrors, obj, prepareCreate } from '../apps/helpers/testing';
import { BEHAVIOR_ANNOTATION, CONDITIONS_ANNOTATION, METRIC_SPECS_ANNOTATION, hpaV1ToV2, hpaV2ToV1 } from './convert';
import { hpaStrategy as s } from './hpa';

const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };

describe('HPA v1 ⇄ v2 conversion', () => {
  it('turns targetCPUUtilizationPercentage into a Resource metric and back', () => {
    const v1 = obj('autoscaling/v1', 'HorizontalPodAutoscaler', 'web', { spec: { scaleTargetRef: ref, minReplicas: 2, maxReplicas: 5, targetCPUUtilizationPercentage: 50 } });
    const v2 = hpaV1ToV2(v1);
    expect(v2.apiVersion).toBe('autoscaling/v2');
    expect((v2.spec as Record<string, unknown>).metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }]);
    expect(hpaV2ToV1(v2)).toEqual(v1);
  });

  it('defaults v1 without a target to 80% CPU', () => {
    const v2 = hpaV1ToV2(obj('autoscaling/v1', 'HorizontalPodAutoscaler', 'web', { spec: { scaleTargetRef: ref, maxReplicas: 3 } }));
    expect((v2.spec as Record<string, unknown>).metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]);
  });

  it('round-trips v2-only fields through annotations', () => {
    const v2: KubeObject = obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'web', {
      spec: {
        scaleTargetRef: ref,
        minReplicas: 1,
        maxReplicas: 10,
        metrics: [
          { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '10' } } },
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } },
        ],
        behavior: { scaleDown: { stabilizationWindowSeconds: 300, selectPolicy: 'Min', policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } },
      },
      status: {
        currentReplicas: 2,
        desiredReplicas: 2,
        currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 40, averageValue: '120m' } } }],
        conditions: [{ type: 'AbleToScale', status: 'True', lastTransitionTime: '2025-01-01T00:00:00Z', reason: 'ReadyForNewScale', message: 'ok' }],
      },
    });
    const v1 = hpaV2ToV1(v2);
    const ann = v1.metadata.annotations ?? {};
    expect(JSON.parse(ann[METRIC_SPECS_ANNOTATION])).toEqual([{ type: 'Pods', pods: { metricName: 'qps', targetAverageValue: '10' } }]);
    expect(ann[BEHAVIOR_ANNOTATION]).toBe(
      '{"ScaleUp":null,"ScaleDown":{"StabilizationWindowSeconds":300,"SelectPolicy":"Min","Policies":[{"Type":"Pods","Value":1,"PeriodSeconds":60}]}}',
    );
    expect(JSON.parse(ann[CONDITIONS_ANNOTATION])[0].reason).toBe('ReadyForNewScale');
    expect(v1.spec).toMatchObject({ targetCPUUtilizationPercentage: 60 });
    expect(v1.status).toMatchObject({ currentCPUUtilizationPercentage: 40 });

    const back = hpaV1ToV2(v1);
    expect(back.metadata.annotations).toBeUndefined();
    expect(back.spec).toEqual(v2.spec);
    expect((back.status as Record<string, unknown>).currentMetrics).toEqual((v2.status as Record<string, unknown>).currentMetrics);
    expect((back.status as Record<string, unknown>).conditions).toEqual((v2.status as Record<string, unknown>).conditions);
  });

  it('ignores malformed round-trip annotations', () => {
    const v1 = obj('autoscaling/v1', 'HorizontalPodAutoscaler', 'web', { spec: { scaleTargetRef: ref, maxReplicas: 3, targetCPUUtilizationPercentage: 70 } });
    v1.metadata.annotations = { [METRIC_SPECS_ANNOTATION]: '{not json', keep: 'me' };
    const v2 = hpaV1ToV2(v1);
    expect(v2.metadata.annotations).toEqual({ keep: 'me' });
    expect((v2.spec as { metrics: unknown[] }).metrics).toHaveLength(1);
  });
});

describe('HPA validation and defaults', () => {
  const hpa = (spec: Record<string, unknown>) => obj('autoscaling/v2', 'HorizontalPodAutoscaler', 'web', { spec: { scaleTargetRef: ref, maxReplicas: 5, ...spec } });

  it('defaults minReplicas, metrics and behavior', () => {
    const o = prepareCreate(s, hpa({ behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } }));
    expect(o.spec).toMatchObject({
      minReplicas: 1,
      behavior: {
        scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max' },
        scaleDown: { stabilizationWindowSeconds: 60, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
      },
    });
    expect(o.status).toEqual({ currentMetrics: null, desiredReplicas: 0 });
    expect(createErrors(s, hpa({}))).toEqual([]);
  });

  it('checks replica bounds and the target reference', () => {
    expect(createErrors(s, hpa({ minReplicas: 0, maxReplicas: 0, scaleTargetRef: { kind: '', name: 'a/b' } }))).toEqual([
      'spec.minReplicas: Invalid value: 0: must be greater than or equal to 1',
      'spec.maxReplicas: Invalid value: 0: must be greater than 0',
      'spec.scaleTargetRef.kind: Required value',
      "spec.scaleTargetRef.name: Invalid value: \"a/b\": may not contain '/'",
      'spec.metrics: Forbidden: must specify at least one Object or External metric to support scaling to zero replicas',
    ]);
    expect(createErrors(s, hpa({ minReplicas: 6 }))).toEqual(['spec.maxReplicas: Invalid value: 5: must be greater than or equal to `minReplicas`']);
  });

  it('checks metric sources', () => {
    expect(createErrors(s, hpa({ metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization' } } }] }))).toEqual([
      'spec.metrics[0].resource.target.averageUtilization: Required value: must set either a target raw value or a target utilization',
    ]);
  });
});
