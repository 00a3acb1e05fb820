/**
 * Test helpers: an in-memory StrategyContext over a few objects, and a
 * request builder. Used by this folder's tests only.
 */
import type { KubeObject } from '../object';
import type { StrategyContext } from '../kinds/types';
import type { AdmissionRequest } from './types';

const RESOURCE_OF_KIND: Record<string, string> = {
  Pod: 'pods',
  Service: 'services',
  ConfigMap: 'configmaps',
  Secret: 'secrets',
  ServiceAccount: 'serviceaccounts',
  LimitRange: 'limitranges',
  ResourceQuota: 'resourcequotas',
  PersistentVolumeClaim: 'persistentvolumeclaims',
  PriorityClass: 'priorityclasses.scheduling.k8s.io',
  StorageClass: 'storageclasses.storage.k8s.io',
  Deployment: 'deployments.apps',
};

export function fakeContext(objects: KubeObject[], now = Date.parse('2025-01-01T00:00:00Z')): StrategyContext {
  const key = (o: KubeObject) => RESOURCE_OF_KIND[o.kind] ?? `${o.kind.toLowerCase()}s`;
  return {
    now,
    get: (resource, namespace, name) =>
      objects.find((o) => key(o) === resource && (o.metadata.namespace ?? undefined) === (namespace || undefined) && o.metadata.name === name),
    list: (resource, namespace) => objects.filter((o) => key(o) === resource && (namespace === undefined || o.metadata.namespace === namespace)),
  };
}

export function podRequest(pod: KubeObject, objects: KubeObject[], extra: Partial<AdmissionRequest> = {}): AdmissionRequest {
  return {
    operation: 'CREATE',
    group: '',
    version: 'v1',
    kind: 'Pod',
    resource: 'pods',
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name ?? '',
    object: pod,
    dryRun: false,
    ctx: fakeContext(objects),
    rng: { nameSuffix: (n) => 'abcde'.slice(0, n) },
    ...extra,
  };
}

export interface ContainerSpec {
  name: string;
  requests?: Record<string, string>;
  limits?: Record<string, string>;
}

export function newPod(name: string, containers: ContainerSpec[] = [{ name: 'app' }], namespace = 'default'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace },
    spec: {
      containers: containers.map((c) => {
        const out: Record<string, unknown> = { name: c.name, image: 'nginx' };
        const resources: Record<string, unknown> = {};
        if (c.requests) resources.requests = { ...c.requests };
        if (c.limits) resources.limits = { ...c.limits };
        if (c.requests || c.limits) out.resources = resources;
        return out;
      }),
    },
  };
}

export const serviceAccountObj = (name = 'default', namespace = 'default', extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: { name, namespace },
  ...extra,
});
