import { describe, expect, it } from 'vitest';
import { narrate, type NarratedWrite } from './index';
import type { EntryRecord } from '../recorder';
import type { EntryDetail } from '../types';
import { Store } from '../../store/store';
import type { KubeObject } from '../../api/object';
import { limitPhrase, metricPhrase } from './hpa';

const store = new Store<KubeObject>();
const entry = (component: string, key: string, what: string): EntryRecord => ({ id: 1, source: 'task', taskId: 1, component, key, what, time: 0, revisions: [1] });
const detail = (controller: string, decision: Record<string, unknown>): EntryDetail => ({ type: 'controller', controller, decision });
const say = (e: EntryRecord, d?: EntryDetail, writes: NarratedWrite[] = []) => narrate({ entry: e, writes, detail: d, store });

const hpaWrite = (behavior?: unknown): NarratedWrite => ({
  write: { revision: 1, type: 'PUT', op: 'updated', key: '/registry/autoscaling/horizontalpodautoscalers/default/php-apache', group: 'autoscaling', resource: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler', namespace: 'default', name: 'php-apache', changed: ['status'] },
  after: { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'php-apache', namespace: 'default' }, spec: { minReplicas: 1, maxReplicas: 10, ...(behavior ? { behavior } : {}) } } as unknown as KubeObject,
});

const CPU = { metric: 'cpu resource utilization (percentage of request)', current: '305%', target: '50%', proposal: 7 };

describe('HPA narration', () => {
  const e = entry('horizontal-pod-autoscaler', 'default/php-apache', 'reconcile');
  it('says the metric against its target and the new count, with the limit that applied', () => {
    const d = detail('horizontal-pod-autoscaler', { at: 0, reference: 'Deployment/default/php-apache', currentReplicas: 1, metrics: [CPU], proposed: 7, desiredReplicas: 4, limitedBy: 'ScaleUpLimit', rescale: true });
    expect(say(e, d, [hpaWrite()])).toBe('HPA php-apache: cpu 305% of request vs target 50% → 4 replicas (was 1; limited by the scale-up rate (at most 4))');
    const behavior = { scaleUp: { policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] } };
    expect(say(e, d, [hpaWrite(behavior)])).toBe('HPA php-apache: cpu 305% of request vs target 50% → 4 replicas (was 1; limited by scale-up policy 4 Pods/15 s or 100%/15 s)');
  });
  it('says when nothing changes and why (stabilization)', () => {
    const d = detail('horizontal-pod-autoscaler', { at: 0, reference: 'Deployment/default/php-apache', currentReplicas: 7, metrics: [{ ...CPU, current: '10%' }], proposed: 2, desiredReplicas: 7, ableToScale: 'ScaleDownStabilized', rescale: false });
    expect(say(e, d)).toBe('HPA php-apache: cpu 10% of request vs target 50% → stays at 7 (scale-down stabilized, proposal was 2)');
  });
  it('reports failures in the words of the decision', () => {
    const noScale = detail('horizontal-pod-autoscaler', { at: 0, reference: 'Deployment/default/gone', currentReplicas: 0, metrics: [], desiredReplicas: 0, ableToScale: 'FailedGetScale', error: 'deployments.apps "gone" not found', rescale: false });
    expect(say(e, noScale)).toBe('HPA php-apache: cannot read the scale of Deployment/gone (deployments.apps "gone" not found)');
    const noMetrics = detail('horizontal-pod-autoscaler', { at: 0, reference: 'Deployment/default/php-apache', currentReplicas: 1, metrics: [{ metric: 'Resource', target: '50%', error: 'failed to get cpu utilization: no metrics returned from resource metrics API' }], desiredReplicas: 1, error: 'invalid metrics (1 invalid out of 1), first error is: …', rescale: false });
    expect(say(e, noMetrics)).toBe('HPA php-apache: no change — failed to get cpu utilization: no metrics returned from resource metrics API');
    expect(metricPhrase({ metric: 'Resource', target: '50%', error: 'no metrics returned' })).toBe('Resource: no metrics returned');
    expect(metricPhrase({ metric: 'packets-per-second', target: '1k' })).toBe('packets-per-second <unknown> vs target 1k');
  });
  it('words the other limits', () => {
    const hpa = { spec: { minReplicas: 2, maxReplicas: 5 } };
    expect(limitPhrase('TooManyReplicas', hpa, 3)).toBe('capped at maxReplicas 5');
    expect(limitPhrase('TooFewReplicas', hpa, 3)).toBe('raised to minReplicas 2');
    expect(limitPhrase('ScaleUpLimit', hpa, 3)).toBe('limited by the scale-up rate (at most 6)');
    expect(limitPhrase('ScaleDownLimit', { spec: { behavior: { scaleDown: { policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } } } }, 3)).toBe('limited by scale-down policy 1 Pod/60 s');
  });
  it('falls back to the generic sentence without a decision', () => {
    expect(say(e, undefined, [hpaWrite()])).toBe('horizontal-pod-autoscaler: updated HorizontalPodAutoscaler default/php-apache status');
  });
});

describe('cluster autoscaler narration', () => {
  const e = entry('cluster-autoscaler', 'kube-system/cluster-autoscaler', 'autoscale');
  const none = { considered: [], unneededSince: {}, removing: [] };
  it('scale-up: the pods and the group size change', () => {
    const d = detail('cluster-autoscaler', { at: 0, unschedulable: ['default/a', 'default/b', 'default/c'], scaleUp: { waiting: [], triggeredBy: ['default/a'], option: { group: 'workers', currentSize: 3, newSize: 4, maxSize: 6 }, notTriggered: [] }, scaleDown: none });
    expect(say(e, d)).toBe('Cluster autoscaler: 3 pods unschedulable → node group workers 3→4 (boot 40–60 s; max 6)');
  });
  it('no scale-up, waiting for booting nodes, and unneeded nodes', () => {
    const no = detail('cluster-autoscaler', { at: 0, unschedulable: ['default/big'], scaleUp: { waiting: [], triggeredBy: [], notTriggered: [{ pod: 'default/big', reasons: "1 max node group size reached" }] }, scaleDown: none });
    expect(say(e, no)).toBe('Cluster autoscaler: 1 pod unschedulable; no scale-up for 1 pod: 1 max node group size reached');
    const wait = detail('cluster-autoscaler', { at: 0, unschedulable: ['default/a'], scaleUp: { waiting: ['default/a'], triggeredBy: [], notTriggered: [] }, scaleDown: none });
    expect(say(e, wait)).toBe('Cluster autoscaler: 1 pod unschedulable, waiting for nodes that are booting (default/a)');
    const unneeded = detail('cluster-autoscaler', { at: 300_000, unschedulable: [], scaleDown: { considered: [], unneededSince: { 'worker-4': 60_000 }, removing: [] } });
    expect(say(e, unneeded)).toBe('Cluster autoscaler: unneeded: worker-4 for 4m (removed after 10m)');
  });
  it('scale-down: the node, its utilization and its pods', () => {
    const d = detail('cluster-autoscaler', { at: 0, unschedulable: [], scaleDown: { considered: [{ node: 'worker-4', utilization: { cpu: 0.1, memory: 0.05, resource: 'cpu', value: 0.1 }, podsToMove: ['default/x'] }], unneededSince: {}, removing: ['worker-4'] } });
    expect(say(e, d)).toBe('Cluster autoscaler: removing worker-4 (cpu 10% requested, moving 1 pod)');
    expect(say(e, detail('cluster-autoscaler', { at: 0, unschedulable: [], scaleDown: none }))).toBe('Cluster autoscaler: every pod scheduled, no node unneeded — nothing to do');
  });
});

describe('VPA narration', () => {
  it('recommender: per VPA the pods, samples and the recommendation', () => {
    const d = detail('vpa-recommender', { decisions: [{ at: 0, vpa: 'default/web-vpa', pods: ['a', 'b'], samples: 12, recommendation: [{ containerName: 'php', target: { cpu: '250m', memory: '256Mi' }, lowerBound: { cpu: '100m', memory: '128Mi' }, upperBound: { cpu: '1', memory: '1Gi' } }] }] });
    expect(say(entry('vpa-recommender', 'kube-system/vpa-recommender', 'update recommendations'), d)).toBe('VPA recommender: web-vpa (2 pods, 12 samples) → php: cpu 250m (100m–1), memory 256Mi (128Mi–1Gi)');
  });
  it('updater: evictions and pods left alone', () => {
    const d = detail('vpa-updater', { decisions: [{ at: 0, vpa: 'default/web-vpa', evicted: ['default/web-1'], skipped: [{ pod: 'default/web-2', why: 'eviction budget' }] }] });
    expect(say(entry('vpa-updater', 'kube-system/vpa-updater', 'evict pods to update'), d)).toBe('VPA updater: web-vpa evicted default/web-1 (requests outside the recommended range); left default/web-2: eviction budget');
    expect(say(entry('vpa-updater', 'kube-system/vpa-updater', 'evict pods to update'), detail('vpa-updater', { decisions: 'x' }))).toBe('vpa-updater: evict pods to update kube-system/vpa-updater — nothing written');
  });
});
