/**
 * What the three VPA components share: whether their pod runs (they act
 * only while it does, as a real Deployment's process would), and lookups
 * of pod owners from the shared informers.
 */
import type { ComponentContext } from '../../controllers/context';
import { CORE } from '../../client/factory';
import type { ResourceRef } from '../../client/informer';
import type { ObjectGetter } from './target';

/** A Running pod labelled `app=<name>` in kube-system. */
export function componentRunning(ctx: ComponentContext, app: string): boolean {
  const pods = ctx.informers.for(CORE('pods')).list('kube-system');
  return pods.some((p) => p.metadata.labels?.app === app && (p.status as { phase?: string } | undefined)?.phase === 'Running' && !p.metadata.deletionTimestamp);
}

const REFS: Record<string, ResourceRef> = {
  'replicasets.apps': { group: 'apps', version: 'v1', resource: 'replicasets' },
  'deployments.apps': { group: 'apps', version: 'v1', resource: 'deployments' },
  'statefulsets.apps': { group: 'apps', version: 'v1', resource: 'statefulsets' },
  'daemonsets.apps': { group: 'apps', version: 'v1', resource: 'daemonsets' },
  'jobs.batch': { group: 'batch', version: 'v1', resource: 'jobs' },
  'cronjobs.batch': { group: 'batch', version: 'v1', resource: 'cronjobs' },
  replicationcontrollers: CORE('replicationcontrollers'),
};

/** Owner lookups from the shared informer caches (built before the factory starts). */
export function objectGetter(ctx: ComponentContext): ObjectGetter {
  const informers = new Map(Object.entries(REFS).map(([k, ref]) => [k, ctx.informers.for(ref)]));
  return (resource, namespace, name) => informers.get(resource)?.get(namespace, name);
}

/** spec.replicas of a pod group's controller (getReplicaCount). */
export function replicasOf(get: ObjectGetter, namespace: string): (kind: string, name: string) => number | undefined {
  const resourceOf: Record<string, string> = { ReplicaSet: 'replicasets.apps', StatefulSet: 'statefulsets.apps', ReplicationController: 'replicationcontrollers' };
  return (kind, name) => {
    const r = resourceOf[kind];
    const o = r ? get(r, namespace, name) : undefined;
    if (!o) return undefined;
    return (o.spec as { replicas?: number } | undefined)?.replicas ?? 1;
  };
}
