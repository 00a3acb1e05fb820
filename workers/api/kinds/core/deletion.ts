/**
 * How Pods and Namespaces are deleted: a pod on a node gets its grace
 * period (pkg/registry/core/pod/strategy.go CheckGracefulDelete); a
 * namespace waits in Terminating until its spec.finalizers are gone
 * (pkg/registry/core/namespace/storage/storage.go Delete).
 */
import type { KubeObject } from '../../object';
import type { ResourceType } from '../types';

export const podDeletion: Partial<ResourceType> = {
  gracePeriod(pod: KubeObject, requested: number | undefined): number {
    const spec = (pod.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number };
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    // Never scheduled, or already finished: nothing to stop, so no grace.
    if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
    return requested ?? spec.terminationGracePeriodSeconds ?? 30;
  },
  returnDeletedObject: true,
};

export const namespaceDeletion: Partial<ResourceType> = {
  holdsDeletion: (ns) => (((ns.spec as { finalizers?: string[] } | undefined)?.finalizers ?? []).length > 0),
  prepareForDelete(ns) {
    ns.status = { ...((ns.status as object | undefined) ?? {}), phase: 'Terminating' };
  },
};
