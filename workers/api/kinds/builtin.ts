/**
 * The built-in resources the API server serves, with the names, short names,
 * categories and subresources a v1.32 API server advertises in discovery.
 */
import type { ResourceType } from './types';

type Names = Pick<ResourceType, 'group' | 'version' | 'kind' | 'plural' | 'namespaced'> &
  Partial<Pick<ResourceType, 'shortNames' | 'categories' | 'subresources' | 'hasGeneration' | 'verbs' | 'nameRule'>>;

const core = (kind: string, plural: string, namespaced: boolean, more: Partial<Names> = {}): Names => ({
  group: '',
  version: 'v1',
  kind,
  plural,
  namespaced,
  ...more,
});
const g = (group: string, version: string, kind: string, plural: string, namespaced: boolean, more: Partial<Names> = {}): Names => ({
  group,
  version,
  kind,
  plural,
  namespaced,
  ...more,
});

const ALL = ['all'];

export const BUILTIN_NAMES: readonly Names[] = [
  core('ConfigMap', 'configmaps', true, { shortNames: ['cm'] }),
  core('Endpoints', 'endpoints', true, { shortNames: ['ep'] }),
  core('Event', 'events', true, { shortNames: ['ev'] }),
  core('LimitRange', 'limitranges', true, { shortNames: ['limits'] }),
  core('Namespace', 'namespaces', false, { shortNames: ['ns'], subresources: ['status', 'finalize'], nameRule: 'label' }),
  core('Node', 'nodes', false, { shortNames: ['no'], subresources: ['status'] }),
  core('PersistentVolumeClaim', 'persistentvolumeclaims', true, { shortNames: ['pvc'], subresources: ['status'] }),
  core('PersistentVolume', 'persistentvolumes', false, { shortNames: ['pv'], subresources: ['status'] }),
  core('Pod', 'pods', true, {
    shortNames: ['po'],
    categories: ALL,
    subresources: ['status', 'binding', 'eviction', 'log', 'exec', 'ephemeralcontainers'],
  }),
  core('PodTemplate', 'podtemplates', true),
  core('ReplicationController', 'replicationcontrollers', true, {
    shortNames: ['rc'],
    categories: ALL,
    subresources: ['status', 'scale'],
    hasGeneration: true,
  }),
  core('ResourceQuota', 'resourcequotas', true, { shortNames: ['quota'], subresources: ['status'] }),
  core('Secret', 'secrets', true),
  core('ServiceAccount', 'serviceaccounts', true, { shortNames: ['sa'] }),
  core('Service', 'services', true, { shortNames: ['svc'], categories: ALL, subresources: ['status'], nameRule: 'dns1035' }),

  g('apiextensions.k8s.io', 'v1', 'CustomResourceDefinition', 'customresourcedefinitions', false, {
    shortNames: ['crd', 'crds'],
    categories: ['api-extensions'],
    subresources: ['status'],
    hasGeneration: true,
  }),
  g('apps', 'v1', 'ControllerRevision', 'controllerrevisions', true),
  g('apps', 'v1', 'DaemonSet', 'daemonsets', true, { shortNames: ['ds'], categories: ALL, subresources: ['status'], hasGeneration: true }),
  g('apps', 'v1', 'Deployment', 'deployments', true, {
    shortNames: ['deploy'],
    categories: ALL,
    subresources: ['status', 'scale'],
    hasGeneration: true,
  }),
  g('apps', 'v1', 'ReplicaSet', 'replicasets', true, {
    shortNames: ['rs'],
    categories: ALL,
    subresources: ['status', 'scale'],
    hasGeneration: true,
  }),
  g('apps', 'v1', 'StatefulSet', 'statefulsets', true, {
    shortNames: ['sts'],
    categories: ALL,
    subresources: ['status', 'scale'],
    hasGeneration: true,
  }),
  g('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, {
    shortNames: ['hpa'],
    categories: ALL,
    subresources: ['status'],
  }),
  g('autoscaling', 'v1', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, {
    shortNames: ['hpa'],
    categories: ALL,
    subresources: ['status'],
  }),
  g('batch', 'v1', 'CronJob', 'cronjobs', true, { shortNames: ['cj'], categories: ALL, subresources: ['status'], hasGeneration: true }),
  g('batch', 'v1', 'Job', 'jobs', true, { categories: ALL, subresources: ['status'], hasGeneration: true }),
  g('coordination.k8s.io', 'v1', 'Lease', 'leases', true),
  g('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', true),
  g('events.k8s.io', 'v1', 'Event', 'events', true, { shortNames: ['ev'] }),
  g('networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', false, { hasGeneration: true }),
  g('networking.k8s.io', 'v1', 'Ingress', 'ingresses', true, { shortNames: ['ing'], subresources: ['status'], hasGeneration: true }),
  g('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', true, { shortNames: ['netpol'], hasGeneration: true }),
  g('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true, {
    shortNames: ['pdb'],
    subresources: ['status'],
    hasGeneration: true,
  }),
  g('rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', false, { nameRule: 'path' }),
  g('rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', false, { nameRule: 'path' }),
  g('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings', true, { nameRule: 'path' }),
  g('rbac.authorization.k8s.io', 'v1', 'Role', 'roles', true, { nameRule: 'path' }),
  g('scheduling.k8s.io', 'v1', 'PriorityClass', 'priorityclasses', false, { shortNames: ['pc'] }),
  g('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false, { shortNames: ['sc'] }),
];

/** Singular name as discovery reports it: lower-case kind. */
export function singularOf(kind: string): string {
  return kind.toLowerCase();
}
