import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/object';
import { createCluster, CONTROLLER_NAMES, type Cluster } from '../../cluster';
import type { UsageSource } from '../usage';
import { Recommender } from './recommender';
import { CPU_HISTOGRAM_OPTIONS } from './histogram';
import { VPA_GROUP, VPA_VERSION, type Vpa } from './types';

const MiB = 1024 * 1024;

function create(c: Cluster, group: string, version: string, resource: string, body: Record<string, unknown>): void {
  const r = c.request({ verb: 'create', group, version, resource, namespace: 'default', body });
  expect(r.status).toBe(201);
}

function vpaNamed(c: Cluster, name: string): Vpa {
  return c.request({ verb: 'get', group: VPA_GROUP, version: VPA_VERSION, resource: 'verticalpodautoscalers', namespace: 'default', name }).body as Vpa;
}

describe('vpa-recommender loop', () => {
  it('turns the usage of the target’s pods into status.recommendation, and says when no pod matches', async () => {
    const c = await createCluster({ seed: 7, controllers: CONTROLLER_NAMES.filter((n) => n !== 'vpa' && n !== 'cluster-autoscaler') });
    c.clock.runFor(20_000);
    create(c, 'apps', 'v1', 'deployments', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx', resources: { requests: { cpu: '100m' } } }] } } } });
    const vpa = (name: string, target: string) => ({ apiVersion: 'autoscaling.k8s.io/v1', kind: 'VerticalPodAutoscaler', metadata: { name }, spec: { targetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: target }, updatePolicy: { updateMode: 'Off' } } });
    create(c, VPA_GROUP, VPA_VERSION, 'verticalpodautoscalers', vpa('web-vpa', 'web'));
    create(c, VPA_GROUP, VPA_VERSION, 'verticalpodautoscalers', vpa('ghost-vpa', 'ghost'));
    c.clock.runFor(20_000);
    const pods = () => (c.request({ verb: 'list', group: '', version: 'v1', resource: 'pods', namespace: 'default' }).body as { items: KubeObject[] }).items;
    expect(pods()).toHaveLength(2);
    const usage: UsageSource = { podUsage: () => pods().map((p) => ({ namespace: 'default', name: p.metadata.name!, containers: [{ name: 'app', cpuMillis: 700, memoryBytes: 300 * MiB }] })) };
    const rec = new Recommender(c.components, usage, () => false);
    for (let i = 0; i < 5; i++) {
      c.clock.runFor(60_000);
      rec.runOnce();
    }
    const web = vpaNamed(c, 'web-vpa');
    const target = web.status?.recommendation?.containerRecommendations?.[0];
    const cpu = Math.trunc(CPU_HISTOGRAM_OPTIONS.bucketStart(CPU_HISTOGRAM_OPTIONS.findBucket(0.7) + 1) * 1000);
    expect(target?.containerName).toBe('app');
    expect(target?.target.cpu).toBe(`${cpu + Math.trunc(cpu * 0.15)}m`);
    expect(target?.uncappedTarget).toEqual(target?.target);
    expect(web.status?.conditions).toEqual([{ type: 'RecommendationProvided', status: 'True', lastTransitionTime: expect.any(String) }]);
    expect(rec.lastDecisions().find((d) => d.vpa === 'default/web-vpa')?.samples).toBe(2);

    const ghost = vpaNamed(c, 'ghost-vpa');
    expect(ghost.status?.recommendation).toBeUndefined();
    expect(ghost.status?.conditions).toEqual([
      { type: 'NoPodsMatched', status: 'True', reason: 'NoPodsMatched', message: 'No pods match this VPA object', lastTransitionTime: expect.any(String) },
      { type: 'RecommendationProvided', status: 'False', reason: 'NoPodsMatched', message: 'No pods match this VPA object', lastTransitionTime: expect.any(String) },
    ]);
    const cp = c.request({ verb: 'get', group: VPA_GROUP, version: VPA_VERSION, resource: 'verticalpodautoscalercheckpoints', namespace: 'default', name: 'web-vpa-app' });
    expect(cp.status).toBe(200);
    expect((cp.body as { status: { totalSamplesCount: number; version: string } }).status).toMatchObject({ totalSamplesCount: 10, version: 'v3' });
  });
});
