/**
 * Which VPA controls a pod: the pod's top-most controller (a ReplicaSet's
 * Deployment, a Job's CronJob, ...) must be the VPA's targetRef, as
 * upstream's controller_fetcher walks owner references to the scalable
 * root; among several, the oldest VPA wins (pkg/utils/vpa/api.go Stronger).
 */
import type { KubeObject } from '../../api/object';
import type { Vpa } from './types';

/** Looks an object up by (resource plural with group, namespace, name). */
export type ObjectGetter = (resource: string, namespace: string, name: string) => KubeObject | undefined;

const RESOURCE_OF_KIND: Record<string, string> = {
  ReplicaSet: 'replicasets.apps',
  Deployment: 'deployments.apps',
  StatefulSet: 'statefulsets.apps',
  DaemonSet: 'daemonsets.apps',
  Job: 'jobs.batch',
  CronJob: 'cronjobs.batch',
  ReplicationController: 'replicationcontrollers',
};

export interface ControllerRef {
  kind: string;
  name: string;
}

function controllerOf(o: KubeObject): ControllerRef | undefined {
  const ref = o.metadata.ownerReferences?.find((r) => r.controller);
  return ref ? { kind: ref.kind, name: ref.name } : undefined;
}

/** The root controller of a pod (undefined for a bare pod). */
export function topController(pod: KubeObject, get: ObjectGetter): ControllerRef | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  let ref = controllerOf(pod);
  for (let depth = 0; ref && depth < 5; depth++) {
    const resource = RESOURCE_OF_KIND[ref.kind];
    const owner = resource ? get(resource, ns, ref.name) : undefined;
    const up = owner && controllerOf(owner);
    // Only owners the fetcher knows are followed; an unknown owner is the root.
    if (!up || !RESOURCE_OF_KIND[up.kind]) return ref;
    ref = up;
  }
  return ref;
}

/** The pod's managing controller (the immediate one), what the updater groups replicas by. */
export function managingController(pod: KubeObject): ControllerRef | undefined {
  return controllerOf(pod);
}

export function vpaTargets(vpa: Vpa, root: ControllerRef | undefined): boolean {
  const t = vpa.spec.targetRef;
  return !!root && !!t && t.kind === root.kind && t.name === root.name;
}

/** Stronger: the older VPA, then the smaller name. */
function stronger(a: Vpa, b: Vpa | undefined): boolean {
  if (!b) return true;
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '');
}

/** The VPA of `vpas` (same namespace as the pod) controlling the pod, if any. */
export function matchingVpa(pod: KubeObject, vpas: readonly Vpa[], get: ObjectGetter, accept: (v: Vpa) => boolean = () => true): Vpa | undefined {
  if (vpas.length === 0) return undefined;
  const root = topController(pod, get);
  if (!root) return undefined;
  let best: Vpa | undefined;
  for (const v of vpas) {
    if (v.metadata.namespace !== pod.metadata.namespace || !accept(v) || !vpaTargets(v, root)) continue;
    if (stronger(v, best)) best = v;
  }
  return best;
}
