/**
 * Test fixtures for the lifecycle controllers (garbage collector, namespace,
 * node lifecycle, pod GC, disruption, leader election): a cluster with the
 * components under test started on it, and small object builders.
 */
import { createCluster, type Cluster } from '../../cluster';
import { settleCluster } from './settle';
import type { KubeObject } from '../../api/object';
import type { ApiRequest } from '../../api/request';
import type { ComponentContext } from '../context';

export async function clusterWith<T extends unknown[]>(...start: { [K in keyof T]: (ctx: ComponentContext, c: Cluster) => T[K] }): Promise<{ c: Cluster; started: T }> {
  // No workload controllers: only the components under test act.
  const c = await createCluster({ seed: 1, controllers: [] });
  const started = start.map((s) => s(c.components, c)) as T;
  c.informers.start();
  settle(c);
  return { c, started };
}

/** Run every task due within `ms`, and the controllers' reactions to it (see settleCluster). */
export function settle(c: Cluster, ms = 0): void {
  settleCluster(c, ms, 500_000);
}

export function ok<T = KubeObject>(r: { status: number; body: unknown }): T {
  if (r.status >= 400) throw new Error(`request failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}

export function req(c: Cluster, r: Omit<ApiRequest, 'userAgent'>): { status: number; body: unknown } {
  return c.as('test')(r);
}

export function create(c: Cluster, group: string, resource: string, body: KubeObject, namespace?: string): KubeObject {
  const version = body.apiVersion.includes('/') ? body.apiVersion.split('/')[1] : body.apiVersion;
  return ok(req(c, { verb: 'create', group, version, resource, namespace: namespace ?? body.metadata.namespace, body }));
}

export function tryGet(c: Cluster, group: string, version: string, resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
  const r = req(c, { verb: 'get', group, version, resource, namespace, name });
  return r.status === 200 ? (r.body as KubeObject) : undefined;
}

export function list(c: Cluster, group: string, version: string, resource: string, namespace?: string): KubeObject[] {
  return ok<{ items: KubeObject[] }>(req(c, { verb: 'list', group, version, resource, namespace })).items;
}

export interface EventView {
  reason: string;
  message: string;
  type: string;
  source: { component: string };
  involvedObject: { kind: string; name: string; namespace?: string };
}

export function events(c: Cluster, namespace = 'default'): EventView[] {
  return list(c, '', 'v1', 'events', namespace) as unknown as EventView[];
}

export function pod(name: string, extra: { namespace?: string; labels?: Record<string, string>; owners?: KubeObject['metadata']['ownerReferences']; nodeName?: string; spec?: Record<string, unknown> } = {}): KubeObject {
  const spec: Record<string, unknown> = { containers: [{ name: 'app', image: 'nginx:1.27' }], ...(extra.spec ?? {}) };
  if (extra.nodeName) spec.nodeName = extra.nodeName;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: extra.namespace ?? 'default', labels: extra.labels, ownerReferences: extra.owners },
    spec,
  };
}

export function ownerRef(owner: KubeObject, opts: { controller?: boolean; block?: boolean } = {}): NonNullable<KubeObject['metadata']['ownerReferences']>[number] {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name!,
    uid: owner.metadata.uid!,
    ...(opts.controller ? { controller: true } : {}),
    ...(opts.block !== undefined ? { blockOwnerDeletion: opts.block } : {}),
  };
}

/** Set a pod's phase and Ready condition through pods/status, as a kubelet would. */
export function setPodStatus(c: Cluster, namespace: string, name: string, ready: boolean, phase = 'Running'): void {
  const ts = c.clock.timestamp();
  ok(
    req(c, {
      verb: 'patch',
      group: '',
      version: 'v1',
      resource: 'pods',
      namespace,
      name,
      subresource: 'status',
      contentType: 'application/merge-patch+json',
      body: { status: { phase, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: ts, lastProbeTime: null }] } },
    }),
  );
}
