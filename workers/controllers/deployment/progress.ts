/**
 * Rollout status with the Progressing condition and the progress deadline
 * (pkg/controller/deployment/progress.go).
 */
import type { DeploymentCondition } from 'kubernetes-types/apps/v1';
import { keyOf } from '../../client/informer';
import type { Deployment, ReplicaSet } from '../replicaset/types';
import { updateDeploymentStatus, type DeploymentEnv } from './env';
import { calculateStatus, sameStatus, wireDeploymentStatus, type Err } from './sync';
import { Reason, deploymentComplete, deploymentProgressing, deploymentTimedOut, getCondition, hasProgressDeadline, newCondition, removeCondition, setCondition } from './util';

/** syncRolloutStatus: status plus Progressing (complete, progressing or timed out) and ReplicaFailure. */
export function syncRolloutStatus(env: DeploymentEnv, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): Err {
  const status = calculateStatus(env, allRSs, newRS, d);
  if (!hasProgressDeadline(d)) removeCondition(status, 'Progressing');
  const current = getCondition(d.status, 'Progressing');
  const isComplete = status.replicas === status.updatedReplicas && current?.reason === Reason.NewRSAvailable;
  const ts = env.clock.timestamp();
  if (hasProgressDeadline(d) && !isComplete) {
    const rsName = newRS?.metadata.name;
    if (deploymentComplete(d, status)) {
      const msg = rsName ? `ReplicaSet "${rsName}" has successfully progressed.` : `Deployment "${d.metadata.name}" has successfully progressed.`;
      setCondition(status, newCondition('Progressing', 'True', Reason.NewRSAvailable, msg, ts));
    } else if (deploymentProgressing(d, status)) {
      const msg = rsName ? `ReplicaSet "${rsName}" is progressing.` : `Deployment "${d.metadata.name}" is progressing.`;
      const cond = newCondition('Progressing', 'True', Reason.ReplicaSetUpdated, msg, ts);
      // Progress refreshes lastUpdateTime even with the same reason; a True condition keeps its transition time.
      if (current) {
        if (current.status === 'True') cond.lastTransitionTime = current.lastTransitionTime;
        removeCondition(status, 'Progressing');
      }
      setCondition(status, cond);
    } else if (deploymentTimedOut(d, status, env.clock.now())) {
      const msg = rsName ? `ReplicaSet "${rsName}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
      setCondition(status, newCondition('Progressing', 'False', Reason.TimedOut, msg, ts));
    }
  }
  const failures = replicaFailures(allRSs, newRS);
  if (failures.length) setCondition(status, failures[0]);
  else removeCondition(status, 'ReplicaFailure');

  if (sameStatus(d.status, status)) {
    requeueStuckDeployment(env, d, status);
    return undefined;
  }
  return updateDeploymentStatus(env, { ...d, status: wireDeploymentStatus(status) }).error;
}

/** getReplicaFailures: the new ReplicaSet's ReplicaFailure first, else any old one's. */
function replicaFailures(allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined): DeploymentCondition[] {
  const from = (rs: ReplicaSet): DeploymentCondition[] =>
    (rs.status?.conditions ?? [])
      .filter((c) => c.type === 'ReplicaFailure')
      .map((c) => ({ type: c.type, status: c.status, lastTransitionTime: c.lastTransitionTime, lastUpdateTime: c.lastTransitionTime, reason: c.reason, message: c.message }));
  if (newRS) {
    const own = from(newRS);
    if (own.length) return own;
  }
  return allRSs.flatMap((rs) => (rs ? from(rs) : []));
}

/**
 * requeueStuckDeployment: with no sign of progress, look again when the
 * deadline passes (lastUpdateTime + progressDeadlineSeconds, plus a second).
 * Upstream re-queues rate-limited when less than a second is left; here the
 * same single wake-up after the deadline serves both cases.
 */
function requeueStuckDeployment(env: DeploymentEnv, d: Deployment, status: { conditions?: DeploymentCondition[]; updatedReplicas?: number; replicas?: number; availableReplicas?: number; observedGeneration?: number }): void {
  const current = getCondition(d.status, 'Progressing');
  if (!hasProgressDeadline(d) || !current) return;
  if (deploymentComplete(d, status) || current.reason === Reason.TimedOut) return;
  const lastUpdate = Date.parse(current.lastUpdateTime ?? '') || 0;
  const after = lastUpdate + (d.spec.progressDeadlineSeconds ?? 0) * 1000 - env.clock.now();
  env.later.addAfter(keyOf(d), Math.max(0, after) + 1000);
}
