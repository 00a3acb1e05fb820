/**
 * Reconciling a Deployment's ReplicaSets on scaling events and while paused,
 * finding or creating the new ReplicaSet, revision bookkeeping, history
 * cleanup and status (pkg/controller/deployment/sync.go).
 */
import type { DeploymentStatus } from 'kubernetes-types/apps/v1';
import { clone } from '../../api/object';
import { apiError, isAlreadyExists, isNamespaceTerminating, isNotFound } from '../replicaset/apiError';
import { controllerOf, newControllerRef } from '../replicaset/controllerRef';
import type { Deployment, ReplicaSet } from '../replicaset/types';
import { updateDeploymentStatus, updateReplicaSet, type DeploymentEnv } from './env';
import { computeHash } from './podTemplateHash';
import {
  POD_TEMPLATE_HASH,
  REVISION,
  Reason,
  actualReplicaCount,
  availableReplicaCount,
  byRevision,
  bySizeNewer,
  bySizeOlder,
  desiredReplicasAnnotation,
  equalIgnoreHash,
  filterActive,
  findActiveOrLatest,
  findNewReplicaSet,
  findOldReplicaSets,
  getCondition,
  hasProgressDeadline,
  hasRevisionHistoryLimit,
  isRollingUpdate,
  isSaturated,
  maxRevision,
  maxSurge,
  maxUnavailable,
  newCondition,
  newRSNewReplicas,
  readyReplicaCount,
  replicaCount,
  replicaSetProportion,
  replicasAnnotationsNeedUpdate,
  setCondition,
  setDeploymentRevision,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  specReplicas,
} from './util';

export type Err = string | undefined;

export interface AllReplicaSets {
  newRS?: ReplicaSet;
  oldRSs: ReplicaSet[];
  error?: string;
}

/** getAllReplicaSetsAndSyncRevision: the new ReplicaSet (created if asked) and all old ones. */
export function getAllReplicaSetsAndSyncRevision(env: DeploymentEnv, d: Deployment, rsList: ReplicaSet[], create: boolean): AllReplicaSets {
  const oldRSs = findOldReplicaSets(d, rsList);
  const r = getNewReplicaSet(env, d, rsList, oldRSs, create);
  if (r.error !== undefined) return { oldRSs, error: r.error };
  if (r.rs) env.decision.newRS = r.rs.metadata.name;
  return { newRS: r.rs, oldRSs };
}

/**
 * getNewReplicaSet: sync the existing new ReplicaSet's annotations (its
 * revision becomes the highest: this is how a rollback to an old template
 * reuses that template's ReplicaSet) or create it, named after the template
 * hash, bumping collisionCount when the name is taken by another template.
 */
function getNewReplicaSet(env: DeploymentEnv, d: Deployment, rsList: ReplicaSet[], oldRSs: ReplicaSet[], create: boolean): { rs?: ReplicaSet; error?: string } {
  const existing = findNewReplicaSet(d, rsList);
  const newRevision = maxRevision(oldRSs) + 1;
  const ts = env.clock.timestamp();
  if (existing) {
    const rsCopy = clone(existing);
    const annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true);
    const minReadyUpdated = (rsCopy.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0);
    if (annotationsUpdated || minReadyUpdated) {
      rsCopy.spec.minReadySeconds = d.spec.minReadySeconds ?? 0;
      if (!rsCopy.spec.minReadySeconds) delete rsCopy.spec.minReadySeconds;
      const w = updateReplicaSet(env, rsCopy);
      return w.error !== undefined ? { error: w.error } : { rs: w.obj };
    }
    let needsUpdate = setDeploymentRevision(d, rsCopy.metadata.annotations?.[REVISION] ?? '');
    if (hasProgressDeadline(d) && !getCondition(d.status, 'Progressing')) {
      setCondition((d.status ??= {}), newCondition('Progressing', 'True', Reason.FoundNewRS, `Found new replica set "${rsCopy.metadata.name}"`, ts));
      needsUpdate = true;
    }
    if (needsUpdate) {
      const w = updateDeploymentStatus(env, { ...d, status: wireDeploymentStatus(d.status ?? {}) });
      if (w.error !== undefined) return { error: w.error };
    }
    return { rs: rsCopy };
  }
  if (!create) return {};

  const template = clone(d.spec.template);
  const hash = computeHash(d.spec.template, d.status?.collisionCount);
  template.metadata = { ...(template.metadata ?? {}), labels: { ...(d.spec.template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH]: hash } };
  const selector = clone(d.spec.selector);
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash };
  const name = `${d.metadata.name}-${hash}`;
  const newRS: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: d.metadata.namespace,
      ownerReferences: [newControllerRef(d, 'apps/v1', 'Deployment')],
      labels: { ...template.metadata.labels },
    },
    spec: { replicas: 0, selector, template },
  };
  if (d.spec.minReadySeconds) newRS.spec.minReadySeconds = d.spec.minReadySeconds;
  const replicas = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  if (typeof replicas !== 'number') return { error: replicas.error };
  newRS.spec.replicas = replicas;
  setNewReplicaSetAnnotations(d, newRS, newRevision, false);

  let createdRS: ReplicaSet | undefined;
  let alreadyExists = false;
  const r = env.api({ verb: 'create', group: 'apps', version: 'v1', resource: 'replicasets', namespace: d.metadata.namespace, body: newRS });
  const err = apiError(r);
  if (err && isAlreadyExists(err)) {
    alreadyExists = true;
    const rs = env.replicaSets.get(d.metadata.namespace, name);
    if (!rs) return { error: `replicaset.apps "${name}" not found` };
    const ref = controllerOf(rs);
    if (!(ref && ref.uid === d.metadata.uid && equalIgnoreHash(d.spec.template, rs.spec.template))) {
      // Another template owns the name: count the collision so the next hash differs.
      const status = { ...(d.status ?? {}), collisionCount: (d.status?.collisionCount ?? 0) + 1 };
      updateDeploymentStatus(env, { ...d, status: wireDeploymentStatus(status) });
      return { error: err.message };
    }
    createdRS = rs;
  } else if (err && isNamespaceTerminating(err)) {
    return { error: err.message };
  } else if (err) {
    const msg = `Failed to create new replica set "${name}": ${err.message}`;
    if (hasProgressDeadline(d)) {
      setCondition((d.status ??= {}), newCondition('Progressing', 'False', Reason.FailedRSCreate, msg, ts));
      updateDeploymentStatus(env, { ...d, status: wireDeploymentStatus(d.status) });
    }
    env.recorder.event(d, 'Warning', Reason.FailedRSCreate, msg);
    return { error: err.message };
  } else {
    createdRS = r.body as ReplicaSet;
  }
  if (!alreadyExists) {
    env.decision.createdRS = name;
    if (replicas > 0) {
      env.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${replicas}`);
      env.decision.scaledUp.push({ rs: name, from: 0, to: replicas });
    }
  }
  let needsUpdate = setDeploymentRevision(d, String(newRevision));
  if (!alreadyExists && hasProgressDeadline(d)) {
    setCondition((d.status ??= {}), newCondition('Progressing', 'True', Reason.NewReplicaSet, `Created new replica set "${name}"`, ts));
    needsUpdate = true;
  }
  if (needsUpdate) {
    const w = updateDeploymentStatus(env, { ...d, status: wireDeploymentStatus(d.status ?? {}) });
    if (w.error !== undefined) return { rs: createdRS, error: w.error };
  }
  return { rs: createdRS };
}

/** sync: reconcile on a scaling event or while paused, clean up history, and update status. */
export function sync(env: DeploymentEnv, d: Deployment, rsList: ReplicaSet[]): Err {
  const all = getAllReplicaSetsAndSyncRevision(env, d, rsList, false);
  if (all.error !== undefined) return all.error;
  const err = scale(env, d, all.newRS, all.oldRSs);
  if (err !== undefined) return err;
  if (d.spec.paused && !getRollbackTo(d)) {
    const cleanupErr = cleanupDeployment(env, all.oldRSs, d);
    if (cleanupErr !== undefined) return cleanupErr;
  }
  return syncDeploymentStatus(env, [...all.oldRSs, all.newRS], all.newRS, d);
}

/** syncStatusOnly: a Deployment being deleted only gets its status refreshed. */
export function syncStatusOnly(env: DeploymentEnv, d: Deployment, rsList: ReplicaSet[]): Err {
  const all = getAllReplicaSetsAndSyncRevision(env, d, rsList, false);
  if (all.error !== undefined) return all.error;
  return syncDeploymentStatus(env, [...all.oldRSs, all.newRS], all.newRS, d);
}

/** getRollbackTo: the revision asked for through the deprecated rollback annotation. */
export function getRollbackTo(d: Deployment): number | undefined {
  const v = d.metadata.annotations?.['deprecated.deployment.rollback.to'];
  if (!v || !/^[+-]?\d+$/.test(v)) return undefined;
  return Number(v);
}

/**
 * scale: one active ReplicaSet (or none) takes the whole count; a saturated
 * new one means the old ones go to zero; otherwise a rolling Deployment
 * spreads the change proportionally, biggest ReplicaSets first.
 */
export function scale(env: DeploymentEnv, d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): Err {
  const desired = specReplicas(d);
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if ((activeOrLatest.spec.replicas ?? 0) === desired) return undefined;
    return scaleReplicaSetAndRecordEvent(env, activeOrLatest, desired, d).error;
  }
  if (isSaturated(d, newRS)) {
    for (const old of filterActive(oldRSs)) {
      const r = scaleReplicaSetAndRecordEvent(env, old, 0, d);
      if (r.error !== undefined) return r.error;
    }
    return undefined;
  }
  if (!isRollingUpdate(d)) return undefined;
  const allRSs = filterActive([...oldRSs, newRS]);
  const allowedSize = desired > 0 ? desired + maxSurge(d) : 0;
  const toAdd = allowedSize - replicaCount(allRSs);
  let operation = '';
  if (toAdd > 0) {
    allRSs.sort(bySizeNewer);
    operation = 'up';
  } else if (toAdd < 0) {
    allRSs.sort(bySizeOlder);
    operation = 'down';
  }
  let added = 0;
  const sizes = new Map<string, number>();
  for (const rs of allRSs) {
    if (toAdd !== 0) {
      const p = replicaSetProportion(rs, d, toAdd, added);
      sizes.set(rs.metadata.name!, (rs.spec.replicas ?? 0) + p);
      added += p;
    } else sizes.set(rs.metadata.name!, rs.spec.replicas ?? 0);
  }
  for (let i = 0; i < allRSs.length; i++) {
    const rs = allRSs[i];
    const name = rs.metadata.name!;
    // Leftovers go to the biggest ReplicaSet.
    if (i === 0 && toAdd !== 0) sizes.set(name, Math.max(0, sizes.get(name)! + toAdd - added));
    const r = scaleReplicaSet(env, rs, sizes.get(name)!, d, operation);
    if (r.error !== undefined) return r.error;
  }
  return undefined;
}

export interface Scaled {
  scaled: boolean;
  rs: ReplicaSet;
  error?: string;
}

export function scaleReplicaSetAndRecordEvent(env: DeploymentEnv, rs: ReplicaSet, newScale: number, d: Deployment): Scaled {
  const cur = rs.spec.replicas ?? 0;
  if (cur === newScale) return { scaled: false, rs };
  return scaleReplicaSet(env, rs, newScale, d, cur < newScale ? 'up' : 'down');
}

/** scaleReplicaSet: set the size and the desired/max annotations; an event when the size changed. */
export function scaleReplicaSet(env: DeploymentEnv, rs: ReplicaSet, newScale: number, d: Deployment, operation: string): Scaled {
  const oldScale = rs.spec.replicas ?? 0;
  const sizeNeedsUpdate = oldScale !== newScale;
  const desired = specReplicas(d);
  const max = desired + maxSurge(d);
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired, max)) return { scaled: false, rs };
  const rsCopy = clone(rs);
  rsCopy.spec.replicas = newScale;
  setReplicasAnnotations(rsCopy, desired, max);
  const w = updateReplicaSet(env, rsCopy);
  if (w.error !== undefined) return { scaled: false, rs, error: w.error };
  if (!sizeNeedsUpdate) return { scaled: false, rs: w.obj };
  const name = w.obj.metadata.name!;
  env.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${operation} replica set ${name} from ${oldScale} to ${newScale}`);
  (oldScale < newScale ? env.decision.scaledUp : env.decision.scaledDown).push({ rs: name, from: oldScale, to: newScale });
  return { scaled: true, rs: w.obj };
}

/** cleanupDeployment: delete the oldest idle ReplicaSets beyond revisionHistoryLimit. */
export function cleanupDeployment(env: DeploymentEnv, oldRSs: ReplicaSet[], d: Deployment): Err {
  if (!hasRevisionHistoryLimit(d)) return undefined;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - (d.spec.revisionHistoryLimit ?? 0);
  if (diff <= 0) return undefined;
  cleanable.sort(byRevision);
  for (let i = 0; i < diff; i++) {
    const rs = cleanable[i];
    // Only ReplicaSets with nothing left and whose last change the ReplicaSet controller has seen.
    if ((rs.status?.replicas ?? 0) !== 0 || (rs.spec.replicas ?? 0) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0) || rs.metadata.deletionTimestamp) continue;
    const err = apiError(env.api({ verb: 'delete', group: 'apps', version: 'v1', resource: 'replicasets', namespace: rs.metadata.namespace, name: rs.metadata.name }));
    if (err && !isNotFound(err)) return err.message;
    if (!err) (env.decision.deletedRS ??= []).push(rs.metadata.name!);
  }
  return undefined;
}

/** syncDeploymentStatus: write the calculated status when it differs. */
export function syncDeploymentStatus(env: DeploymentEnv, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): Err {
  const status = calculateStatus(env, allRSs, newRS, d);
  if (sameStatus(d.status, status)) return undefined;
  return updateDeploymentStatus(env, { ...d, status: wireDeploymentStatus(status) }).error;
}

/** calculateStatus: counts summed over the ReplicaSets, and the Available condition. */
export function calculateStatus(env: DeploymentEnv, allRSs: (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): DeploymentStatus {
  const available = availableReplicaCount(allRSs);
  const total = replicaCount(allRSs);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation,
    replicas: actualReplicaCount(allRSs),
    updatedReplicas: actualReplicaCount([newRS]),
    readyReplicas: readyReplicaCount(allRSs),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
    collisionCount: d.status?.collisionCount,
    conditions: [...(d.status?.conditions ?? [])],
  };
  const ts = env.clock.timestamp();
  if (available >= specReplicas(d) - maxUnavailable(d)) {
    setCondition(status, newCondition('Available', 'True', Reason.MinimumReplicasAvailable, 'Deployment has minimum availability.', ts));
  } else {
    setCondition(status, newCondition('Available', 'False', Reason.MinimumReplicasUnavailable, 'Deployment does not have minimum availability.', ts));
  }
  return status;
}

/** The status as Go serialises it: zero counts and empty conditions omitted; collisionCount is a pointer. */
export function wireDeploymentStatus(s: DeploymentStatus): DeploymentStatus {
  const out: DeploymentStatus = {};
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration;
  if (s.replicas) out.replicas = s.replicas;
  if (s.updatedReplicas) out.updatedReplicas = s.updatedReplicas;
  if (s.readyReplicas) out.readyReplicas = s.readyReplicas;
  if (s.availableReplicas) out.availableReplicas = s.availableReplicas;
  if (s.unavailableReplicas) out.unavailableReplicas = s.unavailableReplicas;
  if (s.conditions?.length) out.conditions = s.conditions;
  if (s.collisionCount !== undefined && s.collisionCount !== null) out.collisionCount = s.collisionCount;
  return out;
}

/** reflect.DeepEqual of two statuses, as Go structs (absent = zero). */
export function sameStatus(a: DeploymentStatus | undefined, b: DeploymentStatus): boolean {
  return JSON.stringify(wireDeploymentStatus(a ?? {})) === JSON.stringify(wireDeploymentStatus(b));
}

/** isScalingEvent: an active ReplicaSet was sized for a different replica count. */
export function isScalingEvent(env: DeploymentEnv, d: Deployment, rsList: ReplicaSet[]): { scaling: boolean; error?: string } {
  const all = getAllReplicaSetsAndSyncRevision(env, d, rsList, false);
  if (all.error !== undefined) return { scaling: false, error: all.error };
  if (!all.newRS) return { scaling: false };
  for (const rs of filterActive([...all.oldRSs, all.newRS])) {
    const desired = desiredReplicasAnnotation(rs);
    if (desired !== undefined && desired !== specReplicas(d)) return { scaling: true };
  }
  return { scaling: false };
}

/** checkPausedConditions: Progressing Unknown with DeploymentPaused / DeploymentResumed. */
export function checkPausedConditions(env: DeploymentEnv, d: Deployment): Err {
  if (!hasProgressDeadline(d)) return undefined;
  const cond = getCondition(d.status, 'Progressing');
  // A reported lack of progress is not overwritten by pausing.
  if (cond?.reason === Reason.TimedOut) return undefined;
  const pausedCondExists = cond?.reason === Reason.PausedDeploy;
  const ts = env.clock.timestamp();
  let needsUpdate = false;
  if (d.spec.paused && !pausedCondExists) {
    setCondition((d.status ??= {}), newCondition('Progressing', 'Unknown', Reason.PausedDeploy, 'Deployment is paused', ts));
    needsUpdate = true;
  } else if (!d.spec.paused && pausedCondExists) {
    setCondition((d.status ??= {}), newCondition('Progressing', 'Unknown', Reason.ResumedDeploy, 'Deployment is resumed', ts));
    needsUpdate = true;
  }
  if (!needsUpdate) return undefined;
  return updateDeploymentStatus(env, { ...d, status: wireDeploymentStatus(d.status ?? {}) }).error;
}
