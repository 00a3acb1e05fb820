/**
 * helper.DefaultSelector (plugins/helper/spread.go): the labels that Services
 * selecting the pod and the pod's controlling RC/ReplicaSet/StatefulSet
 * select on; system-default topology spreading counts pods matching it.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/object';
import { Selector, selectorFromLabelSelector, selectorFromSet, type Requirement } from '../../api/selectors/labels';
import type { Handle } from '../types';
import type { PodInfo } from '../podInfo';

export function defaultSelector(pod: PodInfo, h: Handle): Selector {
  const set: Record<string, string> = {};
  for (const svc of h.informer('services').list(pod.namespace)) {
    const sel = (svc.spec as { selector?: Record<string, string> } | undefined)?.selector;
    // GetPodServices: a Service without a selector selects nothing.
    if (!sel || Object.keys(sel).length === 0) continue;
    if (selectorFromSet(sel).matches(pod.labels)) Object.assign(set, sel);
  }
  const reqs: Requirement[] = [...selectorFromSet(set).requirements];
  const owner = pod.pod.metadata.ownerReferences?.find((o) => o.controller);
  if (owner) {
    const byKind: Record<string, 'replicationcontrollers' | 'replicasets' | 'statefulsets'> = {
      'v1/ReplicationController': 'replicationcontrollers',
      'apps/v1/ReplicaSet': 'replicasets',
      'apps/v1/StatefulSet': 'statefulsets',
    };
    const res = byKind[`${owner.apiVersion}/${owner.kind}`];
    const obj: KubeObject | undefined = res ? h.informer(res).get(pod.namespace, owner.name) : undefined;
    if (obj && res === 'replicationcontrollers') {
      Object.assign(set, (obj.spec as { selector?: Record<string, string> } | undefined)?.selector ?? {});
      return selectorFromSet(set);
    }
    if (obj) {
      const r = selectorFromLabelSelector((obj.spec as { selector?: LabelSelector } | undefined)?.selector);
      if (r.ok) reqs.push(...r.selector.requirements);
    }
  }
  return reqs.length ? Selector.of(reqs) : Selector.everything();
}
