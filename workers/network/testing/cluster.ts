/** A full cluster with its network, and helpers for the network tests. */
import { createCluster, type Cluster, type ClusterOptions } from '../../cluster';
import type { KubeObject } from '../../api/object';
import type { Network } from '../network';

export interface NetCluster {
  c: Cluster;
  net: Network;
}

export async function netCluster(opts: ClusterOptions = {}): Promise<NetCluster> {
  const c = await createCluster({ seed: 1, ...opts });
  // Let the service account controller make `default` before tests create pods.
  c.clock.runFor(1_000);
  return { c, net: c.network! };
}

/** Apply objects (create) as a test user; throws on failure so tests read cleanly. */
export function create(c: Cluster, obj: Record<string, unknown>): KubeObject {
  const apiVersion = String(obj.apiVersion);
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const kind = String(obj.kind);
  const resource = RESOURCES[kind];
  if (!resource) throw new Error(`no resource for ${kind}`);
  const meta = (obj.metadata ?? {}) as { namespace?: string };
  const cluster = kind === 'Namespace';
  const r = c.request({ verb: 'create', group, version, resource, namespace: cluster ? undefined : meta.namespace ?? 'default', body: obj });
  if (r.status !== 201) throw new Error(`create ${kind}: ${JSON.stringify(r.body)}`);
  return r.body as KubeObject;
}

const RESOURCES: Record<string, string> = {
  Pod: 'pods',
  Service: 'services',
  Deployment: 'deployments',
  StatefulSet: 'statefulsets',
  NetworkPolicy: 'networkpolicies',
  Namespace: 'namespaces',
  ReplicationController: 'replicationcontrollers',
};

export function pods(c: Cluster, selector: string, namespace = 'default'): KubeObject[] {
  const r = c.request({ verb: 'list', group: '', version: 'v1', resource: 'pods', namespace, query: { labelSelector: selector } });
  return (r.body as { items: KubeObject[] }).items;
}

export function podReady(p: KubeObject): boolean {
  const conds = (p.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [];
  return conds.some((x) => x.type === 'Ready' && x.status === 'True');
}

/** Run the clock until `until` holds (at most `ms` of virtual time). */
export function runUntil(c: Cluster, until: () => boolean, ms = 120_000): boolean {
  c.clock.runUntil({ until, time: c.clock.now() + ms });
  return until();
}

/** `kubectl exec` through the API: stdout, stderr and exit code. */
export function exec(c: Cluster, pod: string, command: string[], namespace = 'default', container?: string): { stdout: string; stderr: string; code: number } {
  const p = c.request({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace, name: pod }).body as KubeObject;
  const node = (p.spec as { nodeName?: string }).nodeName!;
  const k = c.kubelets.get(node)!;
  const name = container ?? ((p.spec as { containers: { name: string }[] }).containers[0].name);
  const w = k.workerFor(p as never);
  const r = w?.records.get(`main:${name}`);
  const inst = r?.instances[r.instances.length - 1];
  if (!inst) throw new Error(`no container ${name} in ${pod}`);
  const out = inst.process.exec(command);
  return { stdout: out.stdout, stderr: out.stderr, code: out.exitCode };
}
