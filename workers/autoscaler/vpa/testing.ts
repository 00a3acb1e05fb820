/** Fixtures for this folder's tests: VPAs, pods owned by a Deployment's ReplicaSet, a StrategyContext over them. */
import type { KubeObject } from '../../api/object';
import type { StrategyContext } from '../../api/kinds/types';
import type { RecommendedContainerResources, Vpa } from './types';

export function vpa(name: string, spec: Partial<Vpa['spec']> = {}, recs?: RecommendedContainerResources[], namespace = 'default'): Vpa {
  return {
    apiVersion: 'autoscaling.k8s.io/v1',
    kind: 'VerticalPodAutoscaler',
    metadata: { name, namespace, creationTimestamp: '2025-01-01T00:00:00Z' },
    spec: { targetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, ...spec },
    ...(recs ? { status: { recommendation: { containerRecommendations: recs } } } : {}),
  };
}

export function deploymentChain(name = 'web', replicas = 3, namespace = 'default'): KubeObject[] {
  return [
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace, uid: `${name}-uid` }, spec: { replicas } },
    {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: `${name}-abc`, namespace, uid: `${name}-rs-uid`, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name, uid: `${name}-uid`, controller: true }] },
      spec: { replicas },
    },
  ];
}

export function pod(name: string, resources: { requests?: Record<string, string>; limits?: Record<string, string> } | undefined, opts: { owner?: string; phase?: string; startTime?: string; namespace?: string; containers?: string[] } = {}): KubeObject {
  const owner = opts.owner ?? 'web-abc';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: opts.namespace ?? 'default', uid: `${name}-uid`, ownerReferences: owner ? [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid: 'x', controller: true }] : undefined },
    spec: { containers: (opts.containers ?? ['app']).map((c) => ({ name: c, image: 'nginx', ...(resources ? { resources: structuredClone(resources) } : {}) })) },
    status: { phase: opts.phase ?? 'Running', ...(opts.startTime ? { startTime: opts.startTime } : {}) },
  };
}

const RESOURCE_OF: Record<string, string> = {
  Pod: 'pods',
  Deployment: 'deployments.apps',
  ReplicaSet: 'replicasets.apps',
  VerticalPodAutoscaler: 'verticalpodautoscalers.autoscaling.k8s.io',
};

export function context(objects: KubeObject[]): StrategyContext {
  const res = (o: KubeObject) => RESOURCE_OF[o.kind] ?? o.kind;
  return {
    now: Date.parse('2025-01-01T01:00:00Z'),
    get: (r, ns, name) => objects.find((o) => res(o) === r && (o.metadata.namespace ?? undefined) === (ns || undefined) && o.metadata.name === name),
    list: (r, ns) => objects.filter((o) => res(o) === r && (ns === undefined || o.metadata.namespace === ns)),
  };
}

/** The admission controller's own pod, Running: the webhook is served. */
export const admissionControllerPod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'vpa-admission-controller-1', namespace: 'kube-system', labels: { app: 'vpa-admission-controller' } },
  status: { phase: 'Running' },
};
