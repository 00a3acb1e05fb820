/**
 * helper.DefaultSelector (plugins/helper/spread.go): the labels that Services
 * selecting the pod and the pod's controlling RC/ReplicaSet/StatefulSet
 * select on; system-default topology spreading counts pods matching it.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { KubeObject } from '../../api/object';
import { Selector, selectorFromLabelSelector, selectorFromSet, type Requirement } from '../../api/selectors/labels';
import type { Handle } from '../types';
import { sameLabels, type PodInfo } from '../podInfo';

type ControllerResource = 'replicationcontrollers' | 'replicasets' | 'statefulsets';

const BY_KIND: Readonly<Record<string, ControllerResource>> = {
  'v1/ReplicationController': 'replicationcontrollers',
  'apps/v1/ReplicaSet': 'replicasets',
  'apps/v1/StatefulSet': 'statefulsets',
};

/** Everything DefaultSelector reads: the pod's Services and its controller (when cached). */
interface Inputs {
  services: readonly KubeObject[];
  owner: KubeObject | undefined;
  ownerResource: ControllerResource | undefined;
}

function inputs(pod: PodInfo, h: Handle): Inputs {
  const services = h.informer('services').list(pod.namespace);
  const ref = pod.pod.metadata.ownerReferences?.find((o) => o.controller);
  const ownerResource = ref ? BY_KIND[`${ref.apiVersion}/${ref.kind}`] : undefined;
  const owner = ref && ownerResource ? h.informer(ownerResource).get(pod.namespace, ref.name) : undefined;
  return { services, owner, ownerResource };
}

function compute(pod: PodInfo, { services, owner, ownerResource }: Inputs): Selector {
  const set: Record<string, string> = {};
  for (const svc of services) {
    const sel = (svc.spec as { selector?: Record<string, string> } | undefined)?.selector;
    // GetPodServices: a Service without a selector selects nothing.
    if (!sel || Object.keys(sel).length === 0) continue;
    if (selectorFromSet(sel).matches(pod.labels)) Object.assign(set, sel);
  }
  const reqs: Requirement[] = [...selectorFromSet(set).requirements];
  if (owner && ownerResource === 'replicationcontrollers') {
    Object.assign(set, (owner.spec as { selector?: Record<string, string> } | undefined)?.selector ?? {});
    return selectorFromSet(set);
  }
  if (owner) {
    const r = selectorFromLabelSelector((owner.spec as { selector?: LabelSelector } | undefined)?.selector);
    if (r.ok) reqs.push(...r.selector.requirements);
  }
  return reqs.length ? Selector.of(reqs) : Selector.everything();
}

export function defaultSelector(pod: PodInfo, h: Handle): Selector {
  return compute(pod, inputs(pod, h));
}

function sameObjects(a: readonly KubeObject[], b: readonly KubeObject[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * DefaultSelector remembering its last answer. Pods of one controller are
 * scheduled in a row and ask the same question: the same namespace, labels,
 * Service objects and controller object give the same selector, returned as
 * the same instance so callers can reuse what they built from it. Informer
 * objects are replaced, never changed, on update, so identity is enough.
 */
export class DefaultSelectorMemo {
  private last: { namespace: string; labels: Readonly<Record<string, string>>; in: Inputs; selector: Selector } | null = null;

  constructor(private readonly h: Handle) {}

  get(pod: PodInfo): Selector {
    const cur = inputs(pod, this.h);
    const m = this.last;
    if (m && m.namespace === pod.namespace && m.in.owner === cur.owner && m.in.ownerResource === cur.ownerResource && sameObjects(m.in.services, cur.services) && sameLabels(m.labels, pod.labels)) {
      return m.selector;
    }
    const selector = compute(pod, cur);
    this.last = { namespace: pod.namespace, labels: pod.labels, in: cur, selector };
    return selector;
  }
}
