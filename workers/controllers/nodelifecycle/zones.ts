/**
 * Zones and their disruption state (node_lifecycle_controller.go
 * ComputeZoneState, handleDisruption; component-helpers nodetopology.GetZoneKey):
 * when a large share of a zone is not ready the eviction rate drops, and when
 * every zone is fully disrupted (the control plane lost touch with all nodes)
 * evictions stop altogether.
 */
import type { NodeCondition, NodeObj } from './taints';

export type ZoneState = 'Initial' | 'Normal' | 'FullDisruption' | 'PartialDisruption';

/** --node-eviction-rate, --secondary-node-eviction-rate, --large-cluster-size-threshold, --unhealthy-zone-threshold. */
export const EVICTION_QPS = 0.1;
export const SECONDARY_EVICTION_QPS = 0.01;
export const LARGE_CLUSTER_THRESHOLD = 50;
export const UNHEALTHY_ZONE_THRESHOLD = 0.55;

/** region + ":\x00:" + zone, from the topology labels (or their deprecated beta names). */
export function zoneKey(node: NodeObj): string {
  const l = node.metadata.labels ?? {};
  const region = l['topology.kubernetes.io/region'] ?? l['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone = l['topology.kubernetes.io/zone'] ?? l['failure-domain.beta.kubernetes.io/zone'] ?? '';
  if (!region && !zone) return '';
  return `${region}:\u0000:${zone}`;
}

/** Nodes labelled node.kubernetes.io/exclude-disruption do not count towards their zone's health. */
export const excludedFromDisruption = (node: NodeObj) => (node.metadata.labels ?? {})['node.kubernetes.io/exclude-disruption'] !== undefined;

export function computeZoneState(ready: (NodeCondition | undefined)[]): { notReady: number; state: ZoneState } {
  let readyNodes = 0;
  let notReady = 0;
  for (const c of ready) {
    if (c?.status === 'True') readyNodes++;
    else notReady++;
  }
  if (readyNodes === 0 && notReady > 0) return { notReady, state: 'FullDisruption' };
  if (notReady > 2 && notReady / (notReady + readyNodes) >= UNHEALTHY_ZONE_THRESHOLD) return { notReady, state: 'PartialDisruption' };
  return { notReady, state: 'Normal' };
}

/** The eviction rate for a zone in `state` with `size` nodes (setLimiterInZone). */
export function zoneQps(state: ZoneState, size: number): number {
  switch (state) {
    case 'PartialDisruption':
      // ReducedQPSFunc: small clusters stop evicting; large ones slow down.
      return size > LARGE_CLUSTER_THRESHOLD ? SECONDARY_EVICTION_QPS : 0;
    default:
      return EVICTION_QPS;
  }
}
