/**
 * What the node lifecycle controller remembers about each node's health and
 * how it decides a node has gone silent (node_lifecycle_controller.go
 * tryUpdateNodeHealth): the probe time moves when the kubelet posts a new
 * Ready heartbeat or renews its Lease; past the grace period the node's
 * conditions become Unknown.
 */
import type { NodeCondition, NodeObj } from './taints';

export interface NodeHealth {
  /** The Ready condition last seen (nodeHealth.status). */
  ready?: NodeCondition;
  probeTimestamp: number;
  readyTransitionTimestamp: number;
  /** renewTime of the Lease last seen, ms. */
  leaseRenewTime?: number;
}

/** Conditions set to Unknown when the kubelet goes silent; NetworkUnavailable belongs to the network plugin. */
const SILENT_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

export interface HealthDecision {
  health: NodeHealth;
  observed: NodeCondition;
  current: NodeCondition | undefined;
  /** Conditions to write through nodes/status (only when Ready changes). */
  newConditions?: NodeCondition[];
  /** What to remember instead when that write fails. */
  healthIfWriteFails?: NodeHealth;
  /** The grace period applied (startup grace for nodes that never posted Ready). */
  gracePeriodMs: number;
}

export interface HealthInputs {
  node: NodeObj;
  saved: NodeHealth | undefined;
  /** renewTime of the node's Lease in kube-node-lease, ms, if any. */
  leaseRenewTime: number | undefined;
  now: number;
  nowTimestamp: string;
  monitorGraceMs: number;
  startupGraceMs: number;
}

export function decideNodeHealth(i: HealthInputs): HealthDecision {
  const { node, now } = i;
  const created = node.metadata.creationTimestamp ?? i.nowTimestamp;
  const createdMs = Date.parse(created);
  const conditions = node.status?.conditions ?? [];
  const currentReady = conditions.find((c) => c.type === 'Ready');
  let health = i.saved ? { ...i.saved } : undefined;
  let observed: NodeCondition;
  let gracePeriodMs: number;
  if (!currentReady) {
    // Never posted: pretend it went Unknown at creation and give it the startup grace.
    observed = { type: 'Ready', status: 'Unknown', lastHeartbeatTime: created, lastTransitionTime: created };
    gracePeriodMs = i.startupGraceMs;
    if (health) health.ready = undefined;
    else health = { probeTimestamp: createdMs, readyTransitionTimestamp: createdMs };
  } else {
    observed = { ...currentReady };
    gracePeriodMs = i.monitorGraceMs;
  }
  const savedReady = health?.ready;
  const savedLease = health?.leaseRenewTime;
  if (!health) {
    health = { ready: currentReady, probeTimestamp: now, readyTransitionTimestamp: now };
  } else if (!savedReady && currentReady) {
    health = { ready: currentReady, probeTimestamp: now, readyTransitionTimestamp: now };
  } else if (savedReady && !currentReady) {
    health = { probeTimestamp: now, readyTransitionTimestamp: now };
  } else if (savedReady && currentReady && savedReady.lastHeartbeatTime !== currentReady.lastHeartbeatTime) {
    const transition = savedReady.lastTransitionTime !== currentReady.lastTransitionTime ? now : health.readyTransitionTimestamp;
    health = { ready: currentReady, probeTimestamp: now, readyTransitionTimestamp: transition };
  }
  // A renewed Lease is a heartbeat, whatever the node's status says.
  if (i.leaseRenewTime !== undefined && (savedLease === undefined || savedLease < i.leaseRenewTime)) {
    health.leaseRenewTime = i.leaseRenewTime;
    health.probeTimestamp = now;
  }
  let current = currentReady;
  if (now > health.probeTimestamp + gracePeriodMs) {
    const next = conditions.map((c) => ({ ...c }));
    for (const type of SILENT_CONDITIONS) {
      const c = next.find((x) => x.type === type);
      if (!c) {
        next.push({ type, status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: created, lastTransitionTime: i.nowTimestamp });
      } else if (c.status !== 'Unknown') {
        c.status = 'Unknown';
        c.reason = 'NodeStatusUnknown';
        c.message = 'Kubelet stopped posting node status.';
        c.lastTransitionTime = i.nowTimestamp;
      }
    }
    current = next.find((x) => x.type === 'Ready');
    if (!sameCondition(current, observed)) {
      return {
        health: { ready: current, probeTimestamp: health.probeTimestamp, readyTransitionTimestamp: now, leaseRenewTime: i.leaseRenewTime },
        observed,
        current,
        newConditions: next,
        healthIfWriteFails: health,
        gracePeriodMs,
      };
    }
  }
  return { health, observed, current, gracePeriodMs };
}

function sameCondition(a: NodeCondition | undefined, b: NodeCondition): boolean {
  if (!a) return false;
  return (
    a.type === b.type &&
    a.status === b.status &&
    (a.reason ?? '') === (b.reason ?? '') &&
    (a.message ?? '') === (b.message ?? '') &&
    a.lastHeartbeatTime === b.lastHeartbeatTime &&
    a.lastTransitionTime === b.lastTransitionTime
  );
}
