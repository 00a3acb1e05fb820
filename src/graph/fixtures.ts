/** Small object builders for graph tests (client-go's newPod/newReplicaSet style). */
import type { KubeObject } from '../../workers/api/object';
import type { GraphInputs } from './buildGraph';

let seq = 0;
const ts = (n: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString().replace('.000Z', 'Z');

export function node(name: string, opts: { controlPlane?: boolean; ready?: boolean } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `node-${name}`, labels: opts.controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {} },
    status: { conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }] },
  };
}

export function owned(kind: string, name: string, uid: string) {
  return [{ apiVersion: 'apps/v1', kind, name, uid, controller: true }];
}

export function deployment(name: string, opts: { namespace?: string; created?: number; replicas?: number; ready?: number } = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: opts.namespace ?? 'default', uid: `dep-${name}`, creationTimestamp: ts(opts.created ?? 10) },
    spec: { replicas: opts.replicas ?? 3, selector: { matchLabels: { app: name } } },
    status: { readyReplicas: opts.ready ?? 0 },
  };
}

export function replicaSet(dep: KubeObject, hash: string, opts: { revision?: number; replicas?: number; created?: number } = {}): KubeObject {
  const name = `${dep.metadata.name}-${hash}`;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: dep.metadata.namespace,
      uid: `rs-${name}`,
      creationTimestamp: ts(opts.created ?? 11),
      annotations: { 'deployment.kubernetes.io/revision': String(opts.revision ?? 1) },
      ownerReferences: owned('Deployment', dep.metadata.name ?? '', dep.metadata.uid ?? ''),
    },
    spec: { replicas: opts.replicas ?? 3 },
    status: { replicas: opts.replicas ?? 3 },
  };
}

export function pod(
  name: string,
  opts: { namespace?: string; nodeName?: string; owner?: KubeObject; labels?: Record<string, string>; phase?: string; ready?: boolean; uid?: string } = {},
): KubeObject {
  const ready = opts.ready ?? opts.phase === 'Running';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: opts.namespace ?? 'default',
      uid: opts.uid ?? `pod-${name}`,
      labels: opts.labels ?? {},
      ...(opts.owner ? { ownerReferences: owned(opts.owner.kind, opts.owner.metadata.name ?? '', opts.owner.metadata.uid ?? '') } : {}),
    },
    spec: { containers: [{ name: 'app', image: 'nginx' }], ...(opts.nodeName ? { nodeName: opts.nodeName } : {}) },
    status: {
      phase: opts.phase ?? 'Pending',
      ...(opts.phase === 'Running'
        ? { containerStatuses: [{ name: 'app', image: 'nginx', imageID: '', restartCount: 0, ready, state: { running: {} } }], conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] }
        : {}),
    },
  };
}

export function service(name: string, selector: Record<string, string> | undefined, opts: { namespace?: string; created?: number } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: opts.namespace ?? 'default', uid: `svc-${name}-${seq++}`, creationTimestamp: ts(opts.created ?? 12) },
    spec: { type: 'ClusterIP', clusterIP: '10.96.0.10', ports: [{ port: 80 }], ...(selector ? { selector } : {}) },
  };
}

export const byUid = (...objs: KubeObject[]): ReadonlyMap<string, KubeObject> => new Map(objs.map((o) => [o.metadata.uid ?? '', o]));

export function inputs(over: Partial<GraphInputs> = {}): GraphInputs {
  const empty = new Map<string, KubeObject>();
  return {
    nodes: empty,
    pods: empty,
    deployments: empty,
    replicasets: empty,
    statefulsets: empty,
    daemonsets: empty,
    jobs: empty,
    cronjobs: empty,
    services: empty,
    pvcs: empty,
    pvs: empty,
    ingresses: empty,
    hiddenNamespaces: new Set(['kube-system']),
    laneOverrides: {},
    selectedUid: null,
    highlighted: new Set(),
    ...over,
  };
}
