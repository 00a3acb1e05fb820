/**
 * Test fixtures for the endpoint and service controllers: a full cluster
 * (kubelets, scheduler, workload controllers) with the controllers under test
 * started on it, and small readers and builders.
 */
import { CONTROLLER_NAMES, createCluster, type Cluster } from '../../cluster';
import { apiVersionOf, parseApiVersion, type KubeObject } from '../../api/object';
import type { ComponentContext } from '../context';
import { LABEL_SERVICE_NAME, type EndpointSlice, type Endpoints, type Pod, type Service } from './types';

export async function clusterWith<T extends unknown[]>(...start: { [K in keyof T]: (ctx: ComponentContext) => T[K] }): Promise<{ c: Cluster; started: T }> {
  // The controllers under test are started by the test itself.
  const c = await createCluster({ seed: 1, controllers: CONTROLLER_NAMES.filter((n) => n !== 'endpointslice' && n !== 'endpoints' && n !== 'service-lb') });
  const started = start.map((s) => s(c.components)) as T;
  c.informers.start();
  run(c, 0);
  return { c, started };
}

/** Run every task due within `ms` of virtual time from now. */
export function run(c: Cluster, ms: number): void {
  c.clock.runUntil({ time: c.clock.now() + ms, maxTasks: 1_000_000 });
}

/** Run until `done()` holds, at most `ms` of virtual time; returns whether it held. */
export function runUntil(c: Cluster, done: () => boolean, ms = 60_000): boolean {
  c.clock.runUntil({ until: done, time: c.clock.now() + ms, maxTasks: 1_000_000 });
  return done();
}

const RESOURCES: Record<string, string> = {
  Service: 'services',
  Pod: 'pods',
  Deployment: 'deployments',
  ReplicationController: 'replicationcontrollers',
  Endpoints: 'endpoints',
  EndpointSlice: 'endpointslices',
};

export function create(c: Cluster, obj: KubeObject): KubeObject {
  const { group, version } = parseApiVersion(obj.apiVersion);
  const r = c.as('test')({ verb: 'create', group, version, resource: RESOURCES[obj.kind], namespace: obj.metadata.namespace ?? 'default', body: obj });
  if (r.status >= 400) throw new Error(`create ${obj.kind} failed: ${JSON.stringify(r.body)}`);
  return r.body as KubeObject;
}

function items<T>(c: Cluster, group: string, resource: string, namespace = 'default', query?: Record<string, string>): T[] {
  const r = c.as('test')({ verb: 'list', group, version: 'v1', resource, namespace, query });
  if (r.status !== 200) throw new Error(`list ${resource} failed: ${JSON.stringify(r.body)}`);
  const list = r.body as { kind: string; items: KubeObject[] };
  return list.items.map((o) => ({ ...o, apiVersion: apiVersionOf(group, 'v1'), kind: list.kind.replace(/List$/, '') })) as T[];
}

export function slicesOf(c: Cluster, service: string, namespace = 'default'): EndpointSlice[] {
  return items<EndpointSlice>(c, 'discovery.k8s.io', 'endpointslices', namespace, { labelSelector: `${LABEL_SERVICE_NAME}=${service}` });
}

export function endpointsOf(c: Cluster, name: string, namespace = 'default'): Endpoints | undefined {
  const r = c.as('test')({ verb: 'get', group: '', version: 'v1', resource: 'endpoints', namespace, name });
  return r.status === 200 ? (r.body as Endpoints) : undefined;
}

export function getService(c: Cluster, name: string, namespace = 'default'): Service | undefined {
  const r = c.as('test')({ verb: 'get', group: '', version: 'v1', resource: 'services', namespace, name });
  return r.status === 200 ? (r.body as Service) : undefined;
}

export function pods(c: Cluster, selector: string, namespace = 'default'): Pod[] {
  return items<Pod>(c, '', 'pods', namespace, { labelSelector: selector });
}

export function events(c: Cluster, namespace = 'default'): { reason: string; message: string; type: string; source: { component: string }; involvedObject: { kind: string; name: string } }[] {
  return items(c, '', 'events', namespace);
}

/** Every endpoint of a service's slices. */
export function endpointsIn(slices: readonly EndpointSlice[]) {
  return slices.flatMap((s) => s.endpoints ?? []);
}

export function isReady(p: Pod): boolean {
  return !!p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True');
}

export function deployment(name: string, replicas: number, container: Record<string, unknown>, labels: Record<string, string> = { app: name }): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [container] } } },
  };
}

export function service(name: string, spec: Record<string, unknown>, labels?: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default', ...(labels ? { labels } : {}) }, spec };
}

export const nginx = (extra: Record<string, unknown> = {}) => ({ name: 'nginx', image: 'nginx:1.27', ports: [{ name: 'http', containerPort: 80 }], ...extra });
