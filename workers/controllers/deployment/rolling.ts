/**
 * The RollingUpdate strategy (pkg/controller/deployment/rolling.go): grow the
 * new ReplicaSet while the total stays within replicas + maxSurge, shrink old
 * ones while availability stays above replicas - maxUnavailable, one kind of
 * step per sync.
 */
import { clone } from '../../api/object';
import type { Deployment, ReplicaSet } from '../replicaset/types';
import type { DeploymentEnv } from './env';
import { syncRolloutStatus } from './progress';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent, type Err } from './sync';
import { availableReplicaCount, byCreation, deploymentComplete, filterActive, maxUnavailable, newRSNewReplicas, replicaCount, specReplicas } from './util';

export function rolloutRolling(env: DeploymentEnv, d: Deployment, rsList: ReplicaSet[]): Err {
  env.decision.action = 'rolling';
  const all = getAllReplicaSetsAndSyncRevision(env, d, rsList, true);
  if (all.error !== undefined) return all.error;
  const newRS = all.newRS!;
  const oldRSs = all.oldRSs;
  const allRSs = [...oldRSs, newRS];

  const up = reconcileNewReplicaSet(env, allRSs, newRS, d);
  if (up.error !== undefined) return up.error;
  if (up.scaled) return syncRolloutStatus(env, allRSs, newRS, d);

  const down = reconcileOldReplicaSets(env, allRSs, filterActive(oldRSs), newRS, d);
  if (down.error !== undefined) return down.error;
  if (down.scaled) return syncRolloutStatus(env, allRSs, newRS, d);

  if (deploymentComplete(d, d.status ?? {})) {
    const err = cleanupDeployment(env, oldRSs, d);
    if (err !== undefined) return err;
  }
  return syncRolloutStatus(env, allRSs, newRS, d);
}

function reconcileNewReplicaSet(env: DeploymentEnv, allRSs: ReplicaSet[], newRS: ReplicaSet, d: Deployment): { scaled: boolean; error?: string } {
  const desired = specReplicas(d);
  const cur = newRS.spec.replicas ?? 0;
  if (cur === desired) return { scaled: false };
  if (cur > desired) return scaleReplicaSetAndRecordEvent(env, newRS, desired, d);
  const n = newRSNewReplicas(d, allRSs, newRS);
  if (typeof n !== 'number') return { scaled: false, error: n.error };
  return scaleReplicaSetAndRecordEvent(env, newRS, n, d);
}

function reconcileOldReplicaSets(env: DeploymentEnv, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet, d: Deployment): { scaled: boolean; error?: string } {
  if (replicaCount(oldRSs) === 0) return { scaled: false };
  const minAvailable = specReplicas(d) - maxUnavailable(d);
  const newRSUnavailable = (newRS.spec.replicas ?? 0) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = replicaCount(allRSs) - minAvailable - newRSUnavailable;
  if (maxScaledDown <= 0) return { scaled: false };

  // Unhealthy old replicas go first: they would otherwise block the rollout (kubernetes#16737).
  const cleaned = cleanupUnhealthyReplicas(env, oldRSs, d, maxScaledDown);
  if (cleaned.error !== undefined) return { scaled: false, error: cleaned.error };
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(env, [...cleaned.oldRSs, newRS], cleaned.oldRSs, d);
  if (scaledDown.error !== undefined) return { scaled: false, error: scaledDown.error };
  return { scaled: cleaned.count + scaledDown.count > 0 };
}

function cleanupUnhealthyReplicas(env: DeploymentEnv, oldRSs: ReplicaSet[], d: Deployment, maxCleanup: number): { oldRSs: ReplicaSet[]; count: number; error?: string } {
  const rss = [...oldRSs].sort(byCreation);
  let total = 0;
  for (let i = 0; i < rss.length; i++) {
    if (total >= maxCleanup) break;
    const rs = rss[i];
    const size = rs.spec.replicas ?? 0;
    const available = rs.status?.availableReplicas ?? 0;
    if (size === 0 || size === available) continue;
    const count = Math.min(maxCleanup - total, size - available);
    const next = size - count;
    if (next > size) return { oldRSs: rss, count: 0, error: `when cleaning up unhealthy replicas, got invalid request to scale down ${rs.metadata.namespace}/${rs.metadata.name} ${size} -> ${next}` };
    const r = scaleReplicaSetAndRecordEvent(env, rs, next, d);
    if (r.error !== undefined) return { oldRSs: rss, count: total, error: r.error };
    total += count;
    rss[i] = r.rs;
  }
  return { oldRSs: rss, count: total };
}

function scaleDownOldReplicaSetsForRollingUpdate(env: DeploymentEnv, allRSs: ReplicaSet[], oldRSs: ReplicaSet[], d: Deployment): { count: number; error?: string } {
  const minAvailable = specReplicas(d) - maxUnavailable(d);
  const available = availableReplicaCount(allRSs);
  if (available <= minAvailable) return { count: 0 };
  const rss = oldRSs.map((rs) => clone(rs)).sort(byCreation);
  const target = available - minAvailable;
  let total = 0;
  for (const rs of rss) {
    if (total >= target) break;
    const size = rs.spec.replicas ?? 0;
    if (size === 0) continue;
    const count = Math.min(size, target - total);
    const r = scaleReplicaSetAndRecordEvent(env, rs, size - count, d);
    if (r.error !== undefined) return { count: total, error: r.error };
    total += count;
  }
  return { count: total };
}
