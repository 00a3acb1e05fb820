/** Shared by the timeline's tests: a recorded cluster and the requests the scenarios send. */
import { createCluster, type Cluster, type ClusterOptions } from '../cluster';
import type { ApiResponse } from '../api/request';
import { TimelineService } from './service';

export async function recordedCluster(opts: ClusterOptions = { seed: 7 }): Promise<{ svc: TimelineService; c: Cluster }> {
  const svc = new TimelineService(createCluster);
  const c = await createCluster(opts);
  svc.attach(c, opts);
  return { svc, c };
}

export const DEPLOYMENT_KEY = '/registry/apps/deployments/default/web';

export function createDeployment(c: Pick<Cluster, 'request'>, replicas = 3): ApiResponse {
  return c.request({
    verb: 'create', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', userAgent: 'kubectl/v1.32.0 (linux/amd64)',
    body: {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
      spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', resources: { requests: { cpu: '100m' } } }] } } },
    },
  });
}

export function scaleDeployment(c: Pick<Cluster, 'request'>, replicas: number): ApiResponse {
  return c.request({
    verb: 'patch', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', name: 'web', subresource: 'scale',
    contentType: 'application/merge-patch+json', body: { spec: { replicas } }, userAgent: 'kubectl/v1.32.0 (linux/amd64)',
  });
}

export function webPods(c: Pick<Cluster, 'request'>, query: Record<string, string> = {}): { names: string[]; resourceVersion: string; status: number; body: unknown } {
  const r = c.request({ verb: 'list', group: '', version: 'v1', resource: 'pods', namespace: 'default', query: { labelSelector: 'app=web', ...query } });
  const body = r.body as { items?: { metadata: { name: string } }[]; metadata?: { resourceVersion?: string } };
  return { names: (body.items ?? []).map((p) => p.metadata.name), resourceVersion: body.metadata?.resourceVersion ?? '', status: r.status, body: r.body };
}
