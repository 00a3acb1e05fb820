/**
 * The HPA walkthrough on a recorded cluster: the timeline narrates the
 * HPA's decisions from its captured record, and objectHistory gives the
 * replica counts rising over virtual time.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster';
import type { TimelineService } from './service';
import { recordedCluster } from './testCluster';
import { objectHistory } from './objectHistory';

const HPA_KEY = '/registry/autoscaling/horizontalpodautoscalers/default/php-apache';
const UA = 'kubectl/v1.32.0 (linux/amd64)';

function create(c: Cluster, group: string, version: string, resource: string, body: Record<string, unknown>) {
  const r = c.request({ verb: 'create', group, version, resource, namespace: 'default', body, userAgent: UA });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
}

describe('autoscaling on the timeline', () => {
  let svc: TimelineService;
  let c: Cluster;

  beforeAll(async () => {
    ({ svc, c } = await recordedCluster({ seed: 5 }));
    c.clock.runFor(20_000);
    const labels = { run: 'php-apache' };
    create(c, 'apps', 'v1', 'deployments', {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'php-apache' },
      spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'php-apache', image: 'registry.k8s.io/hpa-example', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '500m' }, requests: { cpu: '200m' } } }] } } },
    });
    create(c, '', 'v1', 'services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'php-apache', labels }, spec: { ports: [{ port: 80 }], selector: labels } });
    c.clock.runFor(20_000);
    create(c, 'autoscaling', 'v2', 'horizontalpodautoscalers', {
      apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'php-apache' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php-apache' }, minReplicas: 1, maxReplicas: 10, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] },
    });
    c.clock.runFor(30_000);
    create(c, '', 'v1', 'pods', {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'load-generator' },
      spec: { restartPolicy: 'Never', containers: [{ name: 'load-generator', image: 'busybox:1.28', command: ['/bin/sh', '-c', 'while sleep 0.01; do wget -q -O- http://php-apache; done'] }] },
    });
    c.clock.runFor(180_000);
  }, 120_000);

  it('narrates the HPA from its decision: metric vs target, and the rescale', () => {
    const page = svc.page({ component: 'horizontal-pod-autoscaler', limit: 1000, direction: 'newer' });
    if (!page.ok) throw new Error(page.status.message);
    const said = page.value.entries.map((e) => e.narration);
    expect(said.some((s) => /^HPA php-apache: cpu \d+% of request vs target 50% → stays at 1$/.test(s))).toBe(true);
    const rescale = said.find((s) => /→ \d+ replicas \(was 1/.test(s));
    expect(rescale, said.join('\n')).toMatch(/^HPA php-apache: cpu \d+% of request vs target 50% → \d+ replicas \(was 1/);
  });

  it('keeps the HPA history: desired replicas rise over virtual time', () => {
    const h = objectHistory(c.store, HPA_KEY);
    if (!h.ok) throw new Error(h.status.message);
    const desired = h.value.points.map((p) => (p.object?.status as { desiredReplicas?: number } | undefined)?.desiredReplicas ?? 0);
    expect(h.value.points.length).toBeGreaterThan(2);
    expect(Math.max(...desired)).toBeGreaterThan(1);
    const times = h.value.points.map((p) => p.time);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('narrates the cluster autoscaler loop', () => {
    const page = svc.page({ component: 'cluster-autoscaler', limit: 5 });
    if (!page.ok) throw new Error(page.status.message);
    expect(page.value.entries.length).toBeGreaterThan(0);
    expect(page.value.entries.some((e) => e.narration.startsWith('Cluster autoscaler: '))).toBe(true);
  });
});
