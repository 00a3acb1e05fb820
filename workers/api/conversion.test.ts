import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';

const hpaV1 = {
  apiVersion: 'autoscaling/v1',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'frontend-scaler', namespace: 'default' },
  spec: { scaleTargetRef: { kind: 'ReplicaSet', name: 'frontend' }, minReplicas: 3, maxReplicas: 10, targetCPUUtilizationPercentage: 50 },
};

describe('serving one stored kind at two versions', () => {
  it('stores an autoscaling/v1 HPA as v2 and reads it back at both versions', async () => {
    const c = await createCluster();
    const r = c.request({ verb: 'create', group: 'autoscaling', version: 'v1', resource: 'horizontalpodautoscalers', namespace: 'default', body: hpaV1 });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ apiVersion: 'autoscaling/v1', spec: { targetCPUUtilizationPercentage: 50 } });
    const v2 = c.request({ verb: 'get', group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers', namespace: 'default', name: 'frontend-scaler' });
    expect(v2.body).toMatchObject({
      apiVersion: 'autoscaling/v2',
      spec: { metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] },
    });
    const list = c.request({ verb: 'list', group: 'autoscaling', version: 'v1', resource: 'horizontalpodautoscalers', namespace: 'default' });
    expect(list.body).toMatchObject({ kind: 'HorizontalPodAutoscalerList', apiVersion: 'autoscaling/v1', items: [{ spec: { targetCPUUtilizationPercentage: 50 } }] });
  });

  it('patches an autoscaling/v1 HPA as v1 sees it', async () => {
    const c = await createCluster();
    c.request({ verb: 'create', group: 'autoscaling', version: 'v1', resource: 'horizontalpodautoscalers', namespace: 'default', body: hpaV1 });
    const r = c.request({
      verb: 'patch',
      group: 'autoscaling',
      version: 'v1',
      resource: 'horizontalpodautoscalers',
      namespace: 'default',
      name: 'frontend-scaler',
      contentType: 'application/merge-patch+json',
      body: { spec: { targetCPUUtilizationPercentage: 70 } },
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ spec: { targetCPUUtilizationPercentage: 70 } });
  });

  it('shows core Events through events.k8s.io/v1', async () => {
    const c = await createCluster();
    const ev = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'x.1', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'x', namespace: 'default' },
      reason: 'Started',
      message: 'Started container c',
      type: 'Normal',
      source: { component: 'kubelet' },
      count: 1,
    };
    expect(c.request({ verb: 'create', group: '', version: 'v1', resource: 'events', namespace: 'default', body: ev }).status).toBe(201);
    const r = c.request({ verb: 'get', group: 'events.k8s.io', version: 'v1', resource: 'events', namespace: 'default', name: 'x.1' });
    expect(r.body).toMatchObject({ apiVersion: 'events.k8s.io/v1', regarding: { kind: 'Pod', name: 'x' }, note: 'Started container c', deprecatedCount: 1, deprecatedSource: { component: 'kubelet' } });
  });

  it('refuses a body of the wrong version', async () => {
    const c = await createCluster();
    const r = c.request({ verb: 'create', group: 'autoscaling', version: 'v1', resource: 'horizontalpodautoscalers', namespace: 'default', body: { ...hpaV1, apiVersion: 'autoscaling/v2' } });
    expect(r.status).toBe(400);
    expect(c.request({ verb: 'list', group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers', namespace: 'default' }).body).toMatchObject({ items: [] });
  });
});
