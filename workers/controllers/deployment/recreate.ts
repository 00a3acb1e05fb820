/**
 * The Recreate strategy (pkg/controller/deployment/recreate.go): scale every
 * old ReplicaSet to zero, wait until none of their pods is left running,
 * then create and scale up the new one.
 */
import type { Deployment, Pod, ReplicaSet } from '../replicaset/types';
import type { DeploymentEnv } from './env';
import { syncRolloutStatus } from './progress';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent, type Err } from './sync';
import { actualReplicaCount, deploymentComplete, filterActive, specReplicas } from './util';

export function rolloutRecreate(env: DeploymentEnv, d: Deployment, rsList: ReplicaSet[], podMap: Map<string, Pod[]>): Err {
  env.decision.action = 'recreate';
  // Do not create the new ReplicaSet yet: nothing may scale up before the old pods are gone.
  let all = getAllReplicaSetsAndSyncRevision(env, d, rsList, false);
  if (all.error !== undefined) return all.error;
  let allRSs: (ReplicaSet | undefined)[] = [...all.oldRSs, all.newRS];

  let scaledDown = false;
  for (const rs of filterActive(all.oldRSs)) {
    const r = scaleReplicaSetAndRecordEvent(env, rs, 0, d);
    if (r.error !== undefined) return r.error;
    if (r.scaled) scaledDown = true;
  }
  if (scaledDown) return syncRolloutStatus(env, allRSs, all.newRS, d);

  if (oldPodsRunning(all.newRS, all.oldRSs, podMap)) {
    env.decision.waitingForOldPods = true;
    return syncRolloutStatus(env, allRSs, all.newRS, d);
  }

  if (!all.newRS) {
    all = getAllReplicaSetsAndSyncRevision(env, d, rsList, true);
    if (all.error !== undefined) return all.error;
    allRSs = [...all.oldRSs, all.newRS];
  }
  const newRS = all.newRS!;
  const up = scaleReplicaSetAndRecordEvent(env, newRS, specReplicas(d), d);
  if (up.error !== undefined) return up.error;

  if (deploymentComplete(d, d.status ?? {})) {
    const err = cleanupDeployment(env, all.oldRSs, d);
    if (err !== undefined) return err;
  }
  return syncRolloutStatus(env, allRSs, newRS, d);
}

/** oldPodsRunning: an old ReplicaSet still reports pods, or one of its pods is not finished. */
function oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[], podMap: Map<string, Pod[]>): boolean {
  if (actualReplicaCount(oldRSs) > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata.uid === uid) continue;
    for (const p of pods) {
      const phase = p.status?.phase;
      if (phase === 'Failed' || phase === 'Succeeded') continue;
      return true;
    }
  }
  return false;
}
