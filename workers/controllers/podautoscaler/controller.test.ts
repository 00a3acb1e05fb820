import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../cluster';
import type { KubeObject } from '../../api/object';

const MIN = 60_000;

function deployment(name: string, replicas: number, requests?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27', resources: requests ? { requests } : {} }] } } },
  };
}

function hpa(name: string, spec: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name, namespace: 'default' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name }, minReplicas: 1, maxReplicas: 5, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } }], ...spec },
  };
}

function create(c: Cluster, group: string, version: string, resource: string, body: KubeObject): void {
  const r = c.request({ verb: 'create', group, version, resource, namespace: 'default', body });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
}

function run(c: Cluster, ms: number): void {
  c.clock.runUntil({ time: c.clock.now() + ms, maxTasks: 2_000_000 });
}

type Status = { currentReplicas?: number; desiredReplicas: number; lastScaleTime?: string; currentMetrics?: unknown[]; conditions?: { type: string; status: string; reason: string; message: string }[] };

function status(c: Cluster, name: string): Status {
  const r = c.request({ verb: 'get', group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers', namespace: 'default', name });
  return (r.body as { status: Status }).status;
}

function events(c: Cluster, name: string): string[] {
  const r = c.request({ verb: 'list', group: '', version: 'v1', resource: 'events', namespace: 'default', query: { fieldSelector: `involvedObject.name=${name},involvedObject.kind=HorizontalPodAutoscaler` } });
  return ((r.body as { items: { type: string; reason: string; message: string }[] }).items ?? []).map((e) => `${e.type} ${e.reason}: ${e.message}`);
}

describe('HorizontalController', () => {
  it('pulls replicas into [min, max] before looking at metrics; a target scaled to 0 disables scaling', async () => {
    const c = await createCluster({ seed: 5 });
    run(c, MIN);
    create(c, 'apps', 'v1', 'deployments', deployment('big', 8, { cpu: '50m' }));
    create(c, 'apps', 'v1', 'deployments', deployment('off', 0, { cpu: '50m' }));
    create(c, 'autoscaling', 'v2', 'horizontalpodautoscalers', hpa('big', {}));
    create(c, 'autoscaling', 'v2', 'horizontalpodautoscalers', hpa('off', {}));
    // The first reconcile comes one sync period (15 s) after the HPA appears.
    run(c, 10_000);
    expect(status(c, 'big').conditions).toBeUndefined();
    run(c, 10_000);
    const big = status(c, 'big');
    expect(big).toMatchObject({ currentReplicas: 8, desiredReplicas: 5 });
    expect(big.lastScaleTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(events(c, 'big')).toContain('Normal SuccessfulRescale: New size: 5; reason: Current number of replicas above Spec.MaxReplicas');
    expect(big.conditions!.find((x) => x.type === 'AbleToScale')).toMatchObject({ status: 'True', reason: 'SucceededRescale', message: 'the HPA controller was able to update the target scale to 5' });
    const dep = c.request({ verb: 'get', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', name: 'big' }).body as { spec: { replicas: number } };
    expect(dep.spec.replicas).toBe(5);
    expect(c.controllers.hpa!.lastDecision('default/big')).toMatchObject({ currentReplicas: 8, desiredReplicas: 5, rescale: true, reason: 'Current number of replicas above Spec.MaxReplicas' });

    const off = status(c, 'off');
    expect(off.desiredReplicas).toBe(0);
    expect(off.conditions!.find((x) => x.type === 'ScalingActive')).toMatchObject({ status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero' });
    expect(events(c, 'off')).toEqual([]);
  }, 30_000);

  it('idle pods scale down to minReplicas after the behavior window; currentMetrics carry utilization and value', async () => {
    const c = await createCluster({ seed: 6 });
    run(c, MIN);
    create(c, 'apps', 'v1', 'deployments', deployment('web', 4, { cpu: '100m' }));
    create(c, 'autoscaling', 'v2', 'horizontalpodautoscalers', hpa('web', { behavior: { scaleDown: { stabilizationWindowSeconds: 60, policies: [{ type: 'Pods', value: 1, periodSeconds: 30 }] } } }));
    run(c, MIN);
    const s = status(c, 'web');
    expect(s.currentMetrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: expect.any(Number), averageValue: expect.stringMatching(/^\d+m$/) } } }]);
    // One pod per 30 s at most: the ScaleDownLimit condition says why it is not at 1 yet.
    run(c, 40_000);
    const limited = status(c, 'web');
    expect(limited.conditions!.find((x) => x.type === 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'ScaleDownLimit', message: 'the desired replica count is decreasing faster than the maximum scale rate' });
    run(c, 3 * MIN);
    expect(status(c, 'web')).toMatchObject({ currentReplicas: 1, desiredReplicas: 1 });
    const downs = events(c, 'web').filter((e) => e.includes('SuccessfulRescale'));
    expect(downs).toEqual(['Normal SuccessfulRescale: New size: 3; reason: All metrics below target', 'Normal SuccessfulRescale: New size: 2; reason: All metrics below target', 'Normal SuccessfulRescale: New size: 1; reason: All metrics below target']);
  }, 30_000);
});
