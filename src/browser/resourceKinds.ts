/**
 * The kinds the resource browser lists, grouped as a learner meets them.
 * Names, groups and versions are the served ones (`kubectl api-resources`).
 */
import type { ResourceSpec } from '../cluster/resources';

export interface BrowserKind extends ResourceSpec {
  namespaced: boolean;
  /** Plural label shown in the sidebar. */
  label: string;
  section: 'Workloads' | 'Network' | 'Config & Storage' | 'Cluster';
}

const k = (kind: string, group: string, version: string, resource: string, namespaced: boolean, label: string, section: BrowserKind['section']): BrowserKind => ({
  kind,
  group,
  version,
  resource,
  namespaced,
  label,
  section,
});

export const BROWSER_KINDS: readonly BrowserKind[] = [
  k('Pod', '', 'v1', 'pods', true, 'Pods', 'Workloads'),
  k('Deployment', 'apps', 'v1', 'deployments', true, 'Deployments', 'Workloads'),
  k('ReplicaSet', 'apps', 'v1', 'replicasets', true, 'ReplicaSets', 'Workloads'),
  k('StatefulSet', 'apps', 'v1', 'statefulsets', true, 'StatefulSets', 'Workloads'),
  k('DaemonSet', 'apps', 'v1', 'daemonsets', true, 'DaemonSets', 'Workloads'),
  k('Job', 'batch', 'v1', 'jobs', true, 'Jobs', 'Workloads'),
  k('CronJob', 'batch', 'v1', 'cronjobs', true, 'CronJobs', 'Workloads'),
  k('HorizontalPodAutoscaler', 'autoscaling', 'v2', 'horizontalpodautoscalers', true, 'HPAs', 'Workloads'),
  k('VerticalPodAutoscaler', 'autoscaling.k8s.io', 'v1', 'verticalpodautoscalers', true, 'VPAs', 'Workloads'),
  k('Service', '', 'v1', 'services', true, 'Services', 'Network'),
  k('EndpointSlice', 'discovery.k8s.io', 'v1', 'endpointslices', true, 'EndpointSlices', 'Network'),
  k('Ingress', 'networking.k8s.io', 'v1', 'ingresses', true, 'Ingresses', 'Network'),
  k('NetworkPolicy', 'networking.k8s.io', 'v1', 'networkpolicies', true, 'NetworkPolicies', 'Network'),
  k('ConfigMap', '', 'v1', 'configmaps', true, 'ConfigMaps', 'Config & Storage'),
  k('Secret', '', 'v1', 'secrets', true, 'Secrets', 'Config & Storage'),
  k('PersistentVolumeClaim', '', 'v1', 'persistentvolumeclaims', true, 'PVCs', 'Config & Storage'),
  k('PersistentVolume', '', 'v1', 'persistentvolumes', false, 'PVs', 'Config & Storage'),
  k('Node', '', 'v1', 'nodes', false, 'Nodes', 'Cluster'),
  k('Namespace', '', 'v1', 'namespaces', false, 'Namespaces', 'Cluster'),
  k('Event', '', 'v1', 'events', true, 'Events', 'Cluster'),
];

export const SECTIONS: readonly BrowserKind['section'][] = ['Workloads', 'Network', 'Config & Storage', 'Cluster'];

const BY_KIND = new Map(BROWSER_KINDS.map((b) => [b.kind, b]));

export function browserKind(kind: string): BrowserKind | undefined {
  return BY_KIND.get(kind);
}
