/**
 * Test fixtures shared by the StatefulSet, DaemonSet, Job and CronJob
 * controller tests: a cluster with the controllers under test, request
 * helpers, and a stand-in kubelet that moves pods through their phases with
 * `pods/binding` and `pods/status` (tests only; real pods are run by kubelets).
 */
import { createCluster, type Cluster } from '../../cluster';
import { settleCluster } from '../testing/settle';
import type { KubeObject } from '../../api/object';
import type { ComponentContext } from '../context';
import type { Pod } from '../replicaset/types';

export async function workloadCluster<T extends unknown[]>(...start: { [K in keyof T]: (ctx: ComponentContext) => T[K] }): Promise<{ c: Cluster; controllers: T }> {
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

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.split('/')[0] : '');

export function create(c: Cluster, resource: string, body: KubeObject, namespace = 'default'): KubeObject {
  return ok(c.as('test')({ verb: 'create', group: groupOf(body.apiVersion), version: 'v1', resource, namespace, body }));
}

export function get<T = KubeObject>(c: Cluster, group: string, resource: string, name: string, namespace = 'default'): T {
  return ok<T>(c.as('test')({ verb: 'get', group, version: 'v1', resource, namespace, name }));
}

export function tryGet<T = KubeObject>(c: Cluster, group: string, resource: string, name: string, namespace = 'default'): T | undefined {
  const r = c.as('test')({ verb: 'get', group, version: 'v1', resource, namespace, name });
  return r.status === 200 ? (r.body as T) : undefined;
}

export function list<T = KubeObject>(c: Cluster, group: string, resource: string, namespace = 'default', labelSelector?: string): T[] {
  return ok<{ items: T[] }>(c.as('test')({ verb: 'list', group, version: 'v1', resource, namespace, query: labelSelector ? { labelSelector } : undefined })).items;
}

export function patch(c: Cluster, group: string, resource: string, name: string, body: unknown, namespace = 'default'): KubeObject {
  return ok(c.as('test')({ verb: 'patch', group, version: 'v1', resource, namespace, name, contentType: 'application/merge-patch+json', body }));
}

/** Merge-patch a cluster-scoped object (a Node). */
export function patchClusterScoped(c: Cluster, group: string, resource: string, name: string, body: unknown): KubeObject {
  return ok(c.as('test')({ verb: 'patch', group, version: 'v1', resource, name, contentType: 'application/merge-patch+json', body }));
}

/** Live (not terminating) pods sorted by name. */
export function livePods(c: Cluster, namespace = 'default', labelSelector?: string): Pod[] {
  return list<Pod>(c, '', 'pods', namespace, labelSelector)
    .filter((p) => !p.metadata.deletionTimestamp)
    .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
}

export function events(c: Cluster, name?: string, namespace = 'default'): { reason: string; message: string; type: string; source: { component: string }; involvedObject: { kind: string; name: string } }[] {
  const all = list(c, '', 'events', namespace) as unknown as ReturnType<typeof events>;
  return name ? all.filter((e) => e.involvedObject.name === name) : all;
}

export function bind(c: Cluster, pod: Pod, node: string): void {
  const name = pod.metadata.name!;
  ok(
    c.as('test-kubelet')({
      verb: 'create',
      group: '',
      version: 'v1',
      resource: 'pods',
      namespace: pod.metadata.namespace,
      name,
      subresource: 'binding',
      body: { apiVersion: 'v1', kind: 'Binding', metadata: { name }, target: { kind: 'Node', name: node } },
    }),
  );
}

export type FakePhase = 'Running' | 'Succeeded' | 'Failed';

/** Act as a kubelet: report the pod Running and Ready, or finished with an exit code. */
export function setPhase(c: Cluster, pod: Pod, phase: FakePhase, opts: { exitCode?: number; ready?: boolean } = {}): void {
  const ns = pod.metadata.namespace ?? 'default';
  const name = pod.metadata.name!;
  const cur = get<Pod>(c, '', 'pods', name, ns);
  const ts = c.clock.timestamp();
  const ready = phase === 'Running' && opts.ready !== false;
  const cond = (type: string, status: boolean) => ({ type, status: status ? 'True' : 'False', lastTransitionTime: ts, lastProbeTime: null });
  const containers = cur.spec?.containers ?? [];
  const exitCode = opts.exitCode ?? (phase === 'Failed' ? 1 : 0);
  const state =
    phase === 'Running'
      ? { running: { startedAt: ts } }
      : { terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt: ts, finishedAt: ts } };
  const status = {
    ...(cur.status ?? {}),
    phase,
    conditions: [cond('Initialized', true), cond('Ready', ready), cond('ContainersReady', ready), cond('PodScheduled', true)],
    containerStatuses: containers.map((ct) => ({ name: ct.name, image: ct.image, imageID: '', ready, started: phase === 'Running', restartCount: 0, state })),
  };
  ok(c.as('test-kubelet')({ verb: 'update', group: '', version: 'v1', resource: 'pods', namespace: ns, name, subresource: 'status', body: { ...cur, status } }));
}

/** Act as a kubelet finishing graceful deletions. */
export function finishTerminating(c: Cluster, namespace = 'default'): void {
  for (const p of list<Pod>(c, '', 'pods', namespace)) {
    if (!p.metadata.deletionTimestamp) continue;
    if (p.metadata.finalizers?.length) continue;
    c.as('test-kubelet')({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace, name: p.metadata.name, body: { gracePeriodSeconds: 0 } });
  }
}
