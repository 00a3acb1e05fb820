/**
 * Test fixtures for the workload controllers: a cluster with the
 * controllers under test started on it, object builders, and a stand-in
 * kubelet that marks pods Running and Ready through `pods/status` (tests
 * only: real pods become Ready through a kubelet).
 */
import { createCluster, type Cluster } from '../../cluster';
import { settleCluster } from '../testing/settle';
import type { KubeObject } from '../../api/object';
import type { ComponentContext } from '../context';
import type { Pod } from './types';

export const NS = 'default';

export async function clusterWith<T extends unknown[]>(...start: { [K in keyof T]: (ctx: ComponentContext) => T[K] }): Promise<{ c: Cluster; controllers: T }> {
  const c = await createCluster({ seed: 1, controllers: [], kubelets: 'register' });
  const controllers = start.map((s) => s(c.components)) as T;
  c.informers.start();
  settle(c);
  return { c, controllers };
}

/** Run every task due within `ms`, and the controllers' reactions to it (see settleCluster). */
export function settle(c: Cluster, ms = 0): void {
  settleCluster(c, ms, 200_000);
}

export function ok<T = KubeObject>(r: { status: number; body: unknown }): T {
  if (r.status >= 400) throw new Error(`request failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}

export function podTemplate(labels: Record<string, string>, image = 'nginx:1.27') {
  return { metadata: { labels }, spec: { containers: [{ name: 'app', image }] } };
}

export function replicaSet(name: string, replicas: number, labels: Record<string, string> = { app: name }, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: NS },
    spec: { replicas, selector: { matchLabels: labels }, template: podTemplate(labels), ...extra },
  };
}

export function deployment(name: string, replicas: number, spec: Record<string, unknown> = {}, labels: Record<string, string> = { app: name }): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: NS },
    spec: { replicas, selector: { matchLabels: labels }, template: podTemplate(labels), ...spec },
  };
}

export function create(c: Cluster, resource: string, body: KubeObject): KubeObject {
  const group = body.apiVersion.includes('/') ? body.apiVersion.split('/')[0] : '';
  return ok(c.as('test')({ verb: 'create', group, version: 'v1', resource, namespace: NS, body }));
}

export function get<T = KubeObject>(c: Cluster, group: string, resource: string, name: string): T {
  return ok<T>(c.as('test')({ verb: 'get', group, version: 'v1', resource, namespace: NS, name }));
}

export function list<T = KubeObject>(c: Cluster, group: string, resource: string, labelSelector?: string): T[] {
  const body = ok<{ items: T[] }>(c.as('test')({ verb: 'list', group, version: 'v1', resource, namespace: NS, query: labelSelector ? { labelSelector } : undefined }));
  return body.items;
}

export const pods = (c: Cluster, labelSelector?: string) => list<Pod>(c, '', 'pods', labelSelector);

/** Active (not terminating) pods, sorted by name. */
export const livePods = (c: Cluster, labelSelector?: string) =>
  pods(c, labelSelector)
    .filter((p) => !p.metadata.deletionTimestamp)
    .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));

export function events(c: Cluster, name?: string): { reason: string; message: string; type: string; source: { component: string }; involvedObject: { kind: string; name: string } }[] {
  const all = list<KubeObject>(c, '', 'events') as unknown as ReturnType<typeof events>;
  return name ? all.filter((e) => e.involvedObject.name === name) : all;
}

/** Act as a kubelet: mark pods Running and Ready (optionally bound to a node first). */
export function markReady(c: Cluster, podList: readonly Pod[], opts: { node?: string; restarts?: number } = {}): void {
  const api = c.as('test-kubelet');
  for (const p of podList) {
    const name = p.metadata.name!;
    if (opts.node) ok(api({ verb: 'create', group: '', version: 'v1', resource: 'pods', namespace: NS, name, subresource: 'binding', body: { apiVersion: 'v1', kind: 'Binding', metadata: { name }, target: { kind: 'Node', name: opts.node } } }));
    const cur = get<Pod>(c, '', 'pods', name);
    const ts = c.clock.timestamp();
    const status = {
      ...(cur.status ?? {}),
      phase: 'Running',
      conditions: [
        { type: 'Initialized', status: 'True', lastTransitionTime: ts, lastProbeTime: null },
        { type: 'Ready', status: 'True', lastTransitionTime: ts, lastProbeTime: null },
        { type: 'ContainersReady', status: 'True', lastTransitionTime: ts, lastProbeTime: null },
        { type: 'PodScheduled', status: 'True', lastTransitionTime: ts, lastProbeTime: null },
      ],
      containerStatuses: [{ name: 'app', image: 'nginx:1.27', imageID: '', ready: true, started: true, restartCount: opts.restarts ?? 0, state: { running: { startedAt: ts } } }],
    };
    ok(api({ verb: 'update', group: '', version: 'v1', resource: 'pods', namespace: NS, name, subresource: 'status', body: { ...cur, status } }));
  }
}

/** Act as a kubelet finishing graceful deletions: remove terminating pods for good. */
export function finishTerminating(c: Cluster): void {
  for (const p of pods(c)) {
    if (!p.metadata.deletionTimestamp) continue;
    c.as('test-kubelet')({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: NS, name: p.metadata.name, body: { gracePeriodSeconds: 0 } });
  }
}

