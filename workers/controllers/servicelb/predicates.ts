/**
 * Which services and nodes the service controller acts on
 * (staging/src/k8s.io/cloud-provider/controllers/service/controller.go
 * wantsLoadBalancer, needsCleanup, needsUpdate, node predicates).
 */
import { jsonEqual } from '../../api/object';
import type { Node, Service } from '../endpointslice/types';

/** servicehelper.LoadBalancerCleanupFinalizer. */
export const LB_CLEANUP_FINALIZER = 'service.kubernetes.io/load-balancer-cleanup';
/** v1.LabelNodeExcludeBalancers. */
const LABEL_EXCLUDE_BALANCERS = 'node.kubernetes.io/exclude-from-external-load-balancers';
/** The cluster autoscaler's taint for a node about to go. */
const TO_BE_DELETED_TAINT = 'ToBeDeletedByClusterAutoscaler';

/** A service with a loadBalancerClass belongs to another implementation. */
export function wantsLoadBalancer(svc: Service): boolean {
  return svc.spec?.type === 'LoadBalancer' && (svc.spec.loadBalancerClass === undefined || svc.spec.loadBalancerClass === null);
}

export function hasLBFinalizer(svc: Service): boolean {
  return (svc.metadata.finalizers ?? []).includes(LB_CLEANUP_FINALIZER);
}

/** needsCleanup: we hold the finalizer of a service being deleted or no longer of type LoadBalancer. */
export function needsCleanup(svc: Service): boolean {
  if (!hasLBFinalizer(svc)) return false;
  if (svc.metadata.deletionTimestamp) return true;
  return svc.spec?.type !== 'LoadBalancer';
}

/** needsUpdate: a change the load balancer reflects. */
export function needsUpdate(old: Service, cur: Service): boolean {
  const wo = wantsLoadBalancer(old);
  const wc = wantsLoadBalancer(cur);
  if (!wo && !wc) return false;
  if (wo !== wc) return true;
  const o = old.spec ?? {};
  const c = cur.spec ?? {};
  if (!jsonEqual(o.loadBalancerSourceRanges ?? null, c.loadBalancerSourceRanges ?? null)) return true;
  if (!portsEqualForLB(o.ports ?? [], c.ports ?? []) || o.sessionAffinity !== c.sessionAffinity) return true;
  if (!jsonEqual(o.sessionAffinityConfig ?? null, c.sessionAffinityConfig ?? null)) return true;
  if ((o.loadBalancerIP ?? '') !== (c.loadBalancerIP ?? '')) return true;
  if (!jsonEqual(o.externalIPs ?? [], c.externalIPs ?? [])) return true;
  if (!jsonEqual(old.metadata.annotations ?? {}, cur.metadata.annotations ?? {})) return true;
  if (old.metadata.uid !== cur.metadata.uid) return true;
  if (o.externalTrafficPolicy !== c.externalTrafficPolicy) return true;
  if ((o.healthCheckNodePort ?? 0) !== (c.healthCheckNodePort ?? 0)) return true;
  return (o.ipFamilies ?? []).length !== (c.ipFamilies ?? []).length;
}

type Port = NonNullable<NonNullable<Service['spec']>['ports']>[number];

function portsEqualForLB(a: Port[], b: Port[]): boolean {
  if (a.length !== b.length) return false;
  return a.every(
    (x, i) =>
      (x.name ?? '') === (b[i].name ?? '') &&
      x.protocol === b[i].protocol &&
      x.port === b[i].port &&
      (x.nodePort ?? 0) === (b[i].nodePort ?? 0) &&
      x.targetPort === b[i].targetPort &&
      (x.appProtocol ?? null) === (b[i].appProtocol ?? null),
  );
}

/** nodeIncludedPredicate: not labelled out of load balancers (an unparsable value excludes too). */
export function nodeIncluded(node: Node): boolean {
  const v = node.metadata.labels?.[LABEL_EXCLUDE_BALANCERS];
  if (v === undefined) return true;
  const parsed = parseGoBool(v);
  return parsed === undefined ? false : !parsed;
}

/** stableNodeSetPredicates: not being deleted, included, not about to be scaled away. */
export function isLoadBalancerHost(node: Node): boolean {
  if (node.metadata.deletionTimestamp) return false;
  if (!nodeIncluded(node)) return false;
  return !(node.spec?.taints ?? []).some((t) => t.key === TO_BE_DELETED_TAINT);
}

/** shouldSyncUpdatedNode. */
export function shouldSyncUpdatedNode(old: Node, cur: Node): boolean {
  return nodeIncluded(old) !== nodeIncluded(cur) || (old.spec?.providerID ?? '') !== (cur.spec?.providerID ?? '');
}

/** strconv.ParseBool. */
function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}
