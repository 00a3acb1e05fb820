/**
 * ReplicaSet / ReplicationController status as a pure function of the pods
 * it owns (pkg/controller/replicaset/replica_set_utils.go calculateStatus).
 */
import type { ReplicaSetCondition } from 'kubernetes-types/apps/v1';
import { selectorFromSet } from '../../api/selectors/labels';
import { isPodAvailable, isPodReady } from './podUtil';
import type { Pod, ReplicaOwner, ReplicaStatus } from './types';

export const REPLICA_FAILURE = 'ReplicaFailure';

export function calculateStatus(rs: ReplicaOwner, pods: readonly Pod[], manageError: string | undefined, nowMs: number, timestamp: string): ReplicaStatus {
  const templateLabels = selectorFromSet(rs.spec.template?.metadata?.labels);
  const minReady = rs.spec.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const p of pods) {
    if (templateLabels.matches(p.metadata.labels)) fullyLabeled++;
    if (isPodReady(p)) {
      ready++;
      if (isPodAvailable(p, minReady, nowMs)) available++;
    }
  }
  const status: ReplicaStatus = { ...(rs.status ?? {}) };
  const failure = rs.status?.conditions?.find((c) => c.type === REPLICA_FAILURE);
  if (manageError !== undefined && !failure) {
    const diff = pods.length - (rs.spec.replicas ?? 1);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    const cond: ReplicaSetCondition = { type: REPLICA_FAILURE, status: 'True', lastTransitionTime: timestamp, reason, message: manageError };
    status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== REPLICA_FAILURE), cond];
  } else if (manageError === undefined && failure) {
    status.conditions = (status.conditions ?? []).filter((c) => c.type !== REPLICA_FAILURE);
  }
  status.replicas = pods.length;
  status.fullyLabeledReplicas = fullyLabeled;
  status.readyReplicas = ready;
  status.availableReplicas = available;
  return status;
}

/**
 * The status as Go serialises it: `replicas` always, the other counts and
 * conditions only when non-zero / non-empty (omitempty).
 */
export function wireStatus(s: ReplicaStatus): ReplicaStatus {
  const out: ReplicaStatus = { replicas: s.replicas ?? 0 };
  if (s.fullyLabeledReplicas) out.fullyLabeledReplicas = s.fullyLabeledReplicas;
  if (s.readyReplicas) out.readyReplicas = s.readyReplicas;
  if (s.availableReplicas) out.availableReplicas = s.availableReplicas;
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration;
  if (s.conditions?.length) out.conditions = s.conditions;
  return out;
}

/** updateReplicaSetStatus's "nothing changed" test. */
export function statusUnchanged(rs: ReplicaOwner, next: ReplicaStatus): boolean {
  const cur = rs.status ?? {};
  return (
    (cur.replicas ?? 0) === (next.replicas ?? 0) &&
    (cur.fullyLabeledReplicas ?? 0) === (next.fullyLabeledReplicas ?? 0) &&
    (cur.readyReplicas ?? 0) === (next.readyReplicas ?? 0) &&
    (cur.availableReplicas ?? 0) === (next.availableReplicas ?? 0) &&
    (rs.metadata.generation ?? 0) === (cur.observedGeneration ?? 0) &&
    JSON.stringify(cur.conditions ?? []) === JSON.stringify(next.conditions ?? [])
  );
}
