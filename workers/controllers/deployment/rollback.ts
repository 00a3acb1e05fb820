/**
 * Rolling back through the deprecated `deprecated.deployment.rollback.to`
 * annotation (pkg/controller/deployment/rollback.go): copy the template of
 * the chosen revision's ReplicaSet into the Deployment. kubectl 1.32's
 * `rollout undo` does the same copy client-side with a JSON patch; either
 * way the next sync finds that ReplicaSet as the new one and raises its
 * revision.
 */
import { clone } from '../../api/object';
import type { Deployment, ReplicaSet } from '../replicaset/types';
import { updateDeployment, type DeploymentEnv } from './env';
import { getAllReplicaSetsAndSyncRevision, getRollbackTo, type Err } from './sync';
import { DEPRECATED_ROLLBACK_TO, Reason, equalIgnoreHash, lastRevision, revisionOf, setDeploymentAnnotationsTo } from './util';

export function rollback(env: DeploymentEnv, d: Deployment, rsList: ReplicaSet[]): Err {
  env.decision.action = 'rollback';
  const all = getAllReplicaSetsAndSyncRevision(env, d, rsList, true);
  if (all.error !== undefined) return all.error;
  const allRSs = [...all.oldRSs, ...(all.newRS ? [all.newRS] : [])];
  let revision = getRollbackTo(d) ?? 0;
  if (revision === 0) {
    revision = lastRevision(allRSs);
    if (revision === 0) {
      env.recorder.event(d, 'Warning', Reason.RollbackRevisionNotFound, 'Unable to find last revision.');
      return updateDeploymentAndClearRollbackTo(env, d);
    }
  }
  for (const rs of allRSs) {
    if (revisionOf(rs) !== revision) continue;
    const performed = !equalIgnoreHash(d.spec.template, rs.spec.template);
    if (performed) {
      // SetFromReplicaSetTemplate: the template without the hash label, and the ReplicaSet's annotations.
      const template = clone(rs.spec.template!);
      if (template.metadata?.labels) delete template.metadata.labels['pod-template-hash'];
      d.spec.template = template;
      setDeploymentAnnotationsTo(d, rs);
    } else {
      env.recorder.event(d, 'Warning', Reason.RollbackTemplateUnchanged, `The rollback revision contains the same template as current deployment "${d.metadata.name}"`);
    }
    const err = updateDeploymentAndClearRollbackTo(env, d);
    if (performed && err === undefined) {
      env.decision.rolledBackTo = revision;
      env.recorder.event(d, 'Normal', Reason.RollbackDone, `Rolled back deployment "${d.metadata.name}" to revision ${revision}`);
    }
    return err;
  }
  env.recorder.event(d, 'Warning', Reason.RollbackRevisionNotFound, 'Unable to find the revision to rollback to.');
  return updateDeploymentAndClearRollbackTo(env, d);
}

function updateDeploymentAndClearRollbackTo(env: DeploymentEnv, d: Deployment): Err {
  if (d.metadata.annotations) delete d.metadata.annotations[DEPRECATED_ROLLBACK_TO];
  return updateDeployment(env, d).error;
}
