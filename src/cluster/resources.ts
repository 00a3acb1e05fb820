/** The API resources the UI mirrors, named as discovery names them. */
export interface ResourceSpec {
  /** Key of this resource's objects in the UI store. */
  kind: string;
  /** '' for the core group. */
  group: string;
  version: string;
  /** plural resource name */
  resource: string;
  namespaced: boolean;
}

const core = (kind: string, resource: string, namespaced = true): ResourceSpec => ({ kind, group: '', version: 'v1', resource, namespaced });
const grouped = (group: string, kind: string, resource: string): ResourceSpec => ({ kind, group, version: 'v1', resource, namespaced: true });

export const NODES = core('Node', 'nodes', false);
export const NAMESPACES = core('Namespace', 'namespaces', false);
export const PODS = core('Pod', 'pods');
export const SERVICES = core('Service', 'services');
export const PVCS = core('PersistentVolumeClaim', 'persistentvolumeclaims');
export const PVS = core('PersistentVolume', 'persistentvolumes', false);
export const EVENTS = core('Event', 'events');
export const DEPLOYMENTS = grouped('apps', 'Deployment', 'deployments');
export const REPLICASETS = grouped('apps', 'ReplicaSet', 'replicasets');
export const STATEFULSETS = grouped('apps', 'StatefulSet', 'statefulsets');
export const DAEMONSETS = grouped('apps', 'DaemonSet', 'daemonsets');
export const JOBS = grouped('batch', 'Job', 'jobs');
export const CRONJOBS = grouped('batch', 'CronJob', 'cronjobs');
export const ENDPOINTSLICES = grouped('discovery.k8s.io', 'EndpointSlice', 'endpointslices');
export const INGRESSES = grouped('networking.k8s.io', 'Ingress', 'ingresses');

/** Everything the page lists and keeps live: what the graph draws, plus events for the inspector. */
export const MIRRORED_RESOURCES: readonly ResourceSpec[] = [
  NODES,
  NAMESPACES,
  PODS,
  DEPLOYMENTS,
  REPLICASETS,
  STATEFULSETS,
  DAEMONSETS,
  JOBS,
  CRONJOBS,
  SERVICES,
  ENDPOINTSLICES,
  PVCS,
  PVS,
  INGRESSES,
  EVENTS,
];

const BY_KIND = new Map(MIRRORED_RESOURCES.map((r) => [r.kind, r]));

/** The mirrored resource of a kind, if the page mirrors it. */
export function resourceForKind(kind: string): ResourceSpec | undefined {
  return BY_KIND.get(kind);
}
