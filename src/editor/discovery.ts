/**
 * apiVersion/kind → REST resource, as kubectl's RESTMapper answers it from
 * discovery. The worker exposes only `request(ApiRequest)` (no discovery
 * documents), so the built-in kinds are kept here and custom resources are
 * found by listing CustomResourceDefinitions.
 *
 * Keep BUILTIN_KINDS in step with workers/api/kinds/builtin.ts: the test
 * beside this file fails when they drift.
 */

export interface ResourceMapping {
  /** '' for the core group. */
  group: string;
  version: string;
  kind: string;
  /** plural resource name */
  resource: string;
  namespaced: boolean;
}

type Row = readonly [apiVersion: string, kind: string, resource: string, namespaced: boolean];

const ROWS: readonly Row[] = [
  ['v1', 'ConfigMap', 'configmaps', true],
  ['v1', 'Endpoints', 'endpoints', true],
  ['v1', 'Event', 'events', true],
  ['v1', 'LimitRange', 'limitranges', true],
  ['v1', 'Namespace', 'namespaces', false],
  ['v1', 'Node', 'nodes', false],
  ['v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true],
  ['v1', 'PersistentVolume', 'persistentvolumes', false],
  ['v1', 'Pod', 'pods', true],
  ['v1', 'PodTemplate', 'podtemplates', true],
  ['v1', 'ReplicationController', 'replicationcontrollers', true],
  ['v1', 'ResourceQuota', 'resourcequotas', true],
  ['v1', 'Secret', 'secrets', true],
  ['v1', 'ServiceAccount', 'serviceaccounts', true],
  ['v1', 'Service', 'services', true],
  ['apiextensions.k8s.io/v1', 'CustomResourceDefinition', 'customresourcedefinitions', false],
  ['apps/v1', 'ControllerRevision', 'controllerrevisions', true],
  ['apps/v1', 'DaemonSet', 'daemonsets', true],
  ['apps/v1', 'Deployment', 'deployments', true],
  ['apps/v1', 'ReplicaSet', 'replicasets', true],
  ['apps/v1', 'StatefulSet', 'statefulsets', true],
  ['autoscaling/v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true],
  ['autoscaling/v1', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true],
  ['batch/v1', 'CronJob', 'cronjobs', true],
  ['batch/v1', 'Job', 'jobs', true],
  ['coordination.k8s.io/v1', 'Lease', 'leases', true],
  ['discovery.k8s.io/v1', 'EndpointSlice', 'endpointslices', true],
  ['events.k8s.io/v1', 'Event', 'events', true],
  ['networking.k8s.io/v1', 'IngressClass', 'ingressclasses', false],
  ['networking.k8s.io/v1', 'Ingress', 'ingresses', true],
  ['networking.k8s.io/v1', 'NetworkPolicy', 'networkpolicies', true],
  ['policy/v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true],
  ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', 'clusterrolebindings', false],
  ['rbac.authorization.k8s.io/v1', 'ClusterRole', 'clusterroles', false],
  ['rbac.authorization.k8s.io/v1', 'RoleBinding', 'rolebindings', true],
  ['rbac.authorization.k8s.io/v1', 'Role', 'roles', true],
  ['scheduling.k8s.io/v1', 'PriorityClass', 'priorityclasses', false],
  ['storage.k8s.io/v1', 'StorageClass', 'storageclasses', false],
];

/** `apps/v1` → { group: 'apps', version: 'v1' }; `v1` → core. */
export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

export const BUILTIN_KINDS: readonly ResourceMapping[] = ROWS.map(([apiVersion, kind, resource, namespaced]) => ({
  ...splitApiVersion(apiVersion),
  kind,
  resource,
  namespaced,
}));

export function apiVersionOf(m: { group: string; version: string }): string {
  return m.group ? `${m.group}/${m.version}` : m.version;
}

const byGvk = new Map(BUILTIN_KINDS.map((m) => [`${apiVersionOf(m)}|${m.kind}`, m]));

export function builtinMapping(apiVersion: string, kind: string): ResourceMapping | undefined {
  return byGvk.get(`${apiVersion}|${kind}`);
}

/** `deployment.apps`, `service`: how kubectl names a resource type in its output lines. */
export function qualifiedKind(m: ResourceMapping): string {
  const k = m.kind.toLowerCase();
  return m.group ? `${k}.${m.group}` : k;
}

/** Kubectl's RESTMapper message when nothing serves this kind (meta.NoKindMatchError). */
export function noKindMatchMessage(apiVersion: string, kind: string): string {
  return `no matches for kind "${kind}" in version "${apiVersion}"`;
}

/** Mappings for the served versions of custom resources, read from CustomResourceDefinition objects. */
export function crdMappings(crds: readonly unknown[]): ResourceMapping[] {
  const out: ResourceMapping[] = [];
  for (const crd of crds) {
    const spec = (crd as { spec?: Record<string, unknown> } | null)?.spec;
    if (!spec || typeof spec.group !== 'string') continue;
    const names = spec.names as { kind?: unknown; plural?: unknown } | undefined;
    if (typeof names?.kind !== 'string' || typeof names.plural !== 'string') continue;
    const versions = Array.isArray(spec.versions) ? spec.versions : [];
    for (const v of versions as Array<{ name?: unknown; served?: unknown }>) {
      if (typeof v?.name !== 'string' || v.served === false) continue;
      out.push({ group: spec.group, version: v.name, kind: names.kind, resource: names.plural, namespaced: spec.scope !== 'Cluster' });
    }
  }
  return out;
}
