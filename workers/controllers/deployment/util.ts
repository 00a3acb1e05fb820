/**
 * Helpers of pkg/controller/deployment/util/deployment_util.go: revision and
 * replica annotations, maxSurge / maxUnavailable fenceposts, conditions,
 * orderings and counts over ReplicaSets.
 */
import type { DeploymentCondition, RollingUpdateDeployment } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { Deployment, ReplicaSet } from '../replicaset/types';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
/** apps/v1 round-trips extensions' spec.rollbackTo through this annotation. */
export const DEPRECATED_ROLLBACK_TO = 'deprecated.deployment.rollback.to';
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
export const POD_TEMPLATE_HASH = 'pod-template-hash';
/** maxRevHistoryLengthInChars in deployment_controller.go. */
export const MAX_REV_HISTORY_CHARS = 2000;
const MAX_INT32 = 2147483647;

/** Annotations a Deployment does not hand down to its ReplicaSets. */
const SKIPPED_ANNOTATIONS = new Set([LAST_APPLIED, REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS, DEPRECATED_ROLLBACK_TO]);

export const Reason = {
  RollbackRevisionNotFound: 'DeploymentRollbackRevisionNotFound',
  RollbackTemplateUnchanged: 'DeploymentRollbackTemplateUnchanged',
  RollbackDone: 'DeploymentRollback',
  ReplicaSetUpdated: 'ReplicaSetUpdated',
  FailedRSCreate: 'ReplicaSetCreateError',
  NewReplicaSet: 'NewReplicaSetCreated',
  FoundNewRS: 'FoundNewReplicaSet',
  NewRSAvailable: 'NewReplicaSetAvailable',
  TimedOut: 'ProgressDeadlineExceeded',
  PausedDeploy: 'DeploymentPaused',
  ResumedDeploy: 'DeploymentResumed',
  MinimumReplicasAvailable: 'MinimumReplicasAvailable',
  MinimumReplicasUnavailable: 'MinimumReplicasUnavailable',
} as const;

// ---- replica counts ------------------------------------------------------

export const specReplicas = (o: { spec: { replicas?: number } }) => o.spec.replicas ?? 1;

const sum = (rss: readonly (ReplicaSet | undefined)[], f: (rs: ReplicaSet) => number) => rss.reduce((n, rs) => (rs ? n + f(rs) : n), 0);
/** GetReplicaCountForReplicaSets: desired (spec) replicas. */
export const replicaCount = (rss: readonly (ReplicaSet | undefined)[]) => sum(rss, (rs) => rs.spec.replicas ?? 0);
/** GetActualReplicaCountForReplicaSets: status.replicas. */
export const actualReplicaCount = (rss: readonly (ReplicaSet | undefined)[]) => sum(rss, (rs) => rs.status?.replicas ?? 0);
export const readyReplicaCount = (rss: readonly (ReplicaSet | undefined)[]) => sum(rss, (rs) => rs.status?.readyReplicas ?? 0);
export const availableReplicaCount = (rss: readonly (ReplicaSet | undefined)[]) => sum(rss, (rs) => rs.status?.availableReplicas ?? 0);

/** FilterActiveReplicaSets: those that want pods. */
export const filterActive = (rss: readonly (ReplicaSet | undefined)[]): ReplicaSet[] => rss.filter((rs): rs is ReplicaSet => !!rs && (rs.spec.replicas ?? 0) > 0);

// ---- orderings -----------------------------------------------------------

const created = (rs: ReplicaSet) => Date.parse(rs.metadata.creationTimestamp ?? '') || 0;

/** ReplicaSetsByCreationTimestamp: oldest first, then by name. */
export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const d = created(a) - created(b);
  if (d !== 0) return d;
  return a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0;
}

/** ReplicaSetsBySizeOlder: bigger first, older first among equals. */
export const bySizeOlder = (a: ReplicaSet, b: ReplicaSet) => (b.spec.replicas ?? 0) - (a.spec.replicas ?? 0) || byCreation(a, b);
/** ReplicaSetsBySizeNewer: bigger first, newer first among equals. */
export const bySizeNewer = (a: ReplicaSet, b: ReplicaSet) => (b.spec.replicas ?? 0) - (a.spec.replicas ?? 0) || byCreation(b, a);

/** ReplicaSetsByRevision: lowest revision first, creation order when unknown or equal. */
export function byRevision(a: ReplicaSet, b: ReplicaSet): number {
  const ra = revisionOf(a);
  const rb = revisionOf(b);
  if (ra === undefined || rb === undefined || ra === rb) return byCreation(a, b);
  return ra - rb;
}

// ---- revisions -----------------------------------------------------------

/** Revision: the revision annotation as a number; undefined when unparsable (missing counts as 0). */
export function revisionOf(rs: ReplicaSet): number | undefined {
  const v = rs.metadata.annotations?.[REVISION];
  if (v === undefined || v === '') return 0;
  return /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

export function maxRevision(rss: readonly ReplicaSet[]): number {
  let max = 0;
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (v !== undefined && v > max) max = v;
  }
  return max;
}

/** LastRevision: the second highest revision. */
export function lastRevision(rss: readonly ReplicaSet[]): number {
  let max = 0;
  let second = 0;
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    if (v >= max) {
      second = max;
      max = v;
    } else if (v > second) second = v;
  }
  return second;
}

// ---- fenceposts ----------------------------------------------------------

/** intstr.GetScaledValueFromIntOrPercent; a string must be a percentage. */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean): number | { error: string } {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return { error: `invalid value for IntOrString: invalid type: string is not a percentage` };
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

const num = (v: number | { error: string }) => (typeof v === 'number' ? v : 0);

export const isRollingUpdate = (d: Deployment) => d.spec.strategy?.type === 'RollingUpdate';

function rollingUpdate(d: Deployment): RollingUpdateDeployment {
  return d.spec.strategy?.rollingUpdate ?? {};
}

/** ResolveFenceposts: surge rounds up, unavailable down; both zero means one may be unavailable. */
export function resolveFenceposts(d: Deployment): { surge: number; unavailable: number } {
  const ru = rollingUpdate(d);
  const desired = specReplicas(d);
  const surge = num(scaledValue(ru.maxSurge ?? 0, desired, true));
  let unavailable = num(scaledValue(ru.maxUnavailable ?? 0, desired, false));
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export function maxSurge(d: Deployment): number {
  return isRollingUpdate(d) ? resolveFenceposts(d).surge : 0;
}

export function maxUnavailable(d: Deployment): number {
  const desired = specReplicas(d);
  if (!isRollingUpdate(d) || desired === 0) return 0;
  return Math.min(resolveFenceposts(d).unavailable, desired);
}

/** NewRSNewReplicas: how big the new ReplicaSet may be now. */
export function newRSNewReplicas(d: Deployment, allRSs: readonly ReplicaSet[], newRS: ReplicaSet): number | { error: string } {
  const desired = specReplicas(d);
  const cur = newRS.spec.replicas ?? 0;
  switch (d.spec.strategy?.type) {
    case 'RollingUpdate': {
      const surge = scaledValue(rollingUpdate(d).maxSurge, desired, true);
      if (typeof surge !== 'number') return surge;
      const maxTotal = desired + surge;
      const current = replicaCount(allRSs);
      if (current >= maxTotal) return cur;
      return cur + Math.min(maxTotal - current, desired - cur);
    }
    case 'Recreate':
      return desired;
    default:
      return { error: `deployment type ${d.spec.strategy?.type ?? ''} isn't supported` };
  }
}

/** IsSaturated: the new ReplicaSet is the whole Deployment and all of it is available. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicasAnnotation(rs);
  const n = specReplicas(d);
  return desired === n && (rs.spec.replicas ?? 0) === n && (rs.status?.availableReplicas ?? 0) === n;
}

/** FindActiveOrLatest: the one ReplicaSet with pods, or the newest when none has any. */
export function findActiveOrLatest(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  oldRSs.sort((a, b) => byCreation(b, a));
  const active = filterActive([...oldRSs, newRS]);
  if (active.length === 0) return newRS ?? oldRSs[0];
  return active.length === 1 ? active[0] : undefined;
}

/** GetReplicaSetProportion: this ReplicaSet's share of a proportional scale. */
export function replicaSetProportion(rs: ReplicaSet, d: Deployment, toAdd: number, added: number): number {
  if ((rs.spec.replicas ?? 0) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function replicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  const size = rs.spec.replicas ?? 0;
  if (specReplicas(d) === 0) return -size;
  const deploymentMax = specReplicas(d) + maxSurge(d);
  let before = maxReplicasAnnotation(rs);
  if (before === undefined || before === 0) {
    // The annotation is missing (hand-edited ReplicaSet, or scaled to zero): use the current size.
    before = d.status?.replicas ?? 0;
    if (before === 0) return 0;
  }
  // integer.RoundToInt32 rounds half away from zero; sizes are never negative here.
  return Math.round((size * deploymentMax) / before) - size;
}

// ---- annotations ---------------------------------------------------------

function intAnnotation(rs: ReplicaSet, key: string): number | undefined {
  const v = rs.metadata.annotations?.[key];
  return v !== undefined && /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

export const desiredReplicasAnnotation = (rs: ReplicaSet) => intAnnotation(rs, DESIRED_REPLICAS);
export const maxReplicasAnnotation = (rs: ReplicaSet) => intAnnotation(rs, MAX_REPLICAS);

export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = rs.metadata.annotations;
  return !a || a[DESIRED_REPLICAS] !== String(desired) || a[MAX_REPLICAS] !== String(max);
}

/** SetReplicasAnnotations: mutates `rs`; true when something changed. */
export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  if (a[DESIRED_REPLICAS] !== String(desired)) {
    a[DESIRED_REPLICAS] = String(desired);
    changed = true;
  }
  if (a[MAX_REPLICAS] !== String(max)) {
    a[MAX_REPLICAS] = String(max);
    changed = true;
  }
  return changed;
}

const skipCopy = (k: string) => SKIPPED_ANNOTATIONS.has(k);

/** copyDeploymentAnnotationsToReplicaSet: everything but the skipped ones. */
function copyAnnotationsToReplicaSet(d: Deployment, rs: ReplicaSet): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (skipCopy(k) || a[k] === v) continue;
    a[k] = v;
    changed = true;
  }
  return changed;
}

/**
 * SetNewReplicaSetAnnotations: copy the Deployment's annotations, raise the
 * revision to `newRevision` if it is lower (keeping the old one in
 * revision-history: this is a rollback), and on creation set the replica
 * annotations. Mutates `rs`; true when something changed.
 */
export function setNewReplicaSetAnnotations(d: Deployment, rs: ReplicaSet, newRevision: number, exists: boolean): boolean {
  let changed = copyAnnotationsToReplicaSet(d, rs);
  const a = (rs.metadata.annotations ??= {});
  const oldRevision = a[REVISION];
  const had = oldRevision !== undefined;
  let oldNum = 0;
  if (had && oldRevision !== '') {
    if (!/^[+-]?\d+$/.test(oldRevision)) return false;
    oldNum = Number(oldRevision);
  }
  if (oldNum < newRevision) {
    a[REVISION] = String(newRevision);
    changed = true;
  }
  if (had && oldNum < newRevision) {
    const history = a[REVISION_HISTORY] ?? '';
    let olds = history.split(',');
    if (olds[0].length === 0) a[REVISION_HISTORY] = oldRevision;
    else {
      let total = history.length + oldRevision.length + 1;
      let start = 0;
      while (total > MAX_REV_HISTORY_CHARS && start < olds.length) {
        total -= olds[start].length + 1;
        start++;
      }
      if (total <= MAX_REV_HISTORY_CHARS) {
        olds = [...olds.slice(start), oldRevision];
        a[REVISION_HISTORY] = olds.join(',');
      }
    }
  }
  if (!exists && setReplicasAnnotations(rs, specReplicas(d), specReplicas(d) + maxSurge(d))) changed = true;
  return changed;
}

/** SetDeploymentAnnotationsTo: on rollback, the Deployment takes the target ReplicaSet's annotations. */
export function setDeploymentAnnotationsTo(d: Deployment, rs: ReplicaSet): void {
  const kept: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (skipCopy(k)) kept[k] = v;
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) if (!skipCopy(k)) kept[k] = v;
  d.metadata.annotations = kept;
}

/** SetDeploymentRevision: mutates `d`; true when it changed. */
export function setDeploymentRevision(d: Deployment, revision: string): boolean {
  const a = (d.metadata.annotations ??= {});
  if (a[REVISION] === revision) return false;
  a[REVISION] = revision;
  return true;
}

// ---- conditions ----------------------------------------------------------

export function newCondition(type: string, status: string, reason: string, message: string, timestamp: string): DeploymentCondition {
  return { type, status, lastUpdateTime: timestamp, lastTransitionTime: timestamp, reason, message };
}

export function getCondition(status: { conditions?: DeploymentCondition[] } | undefined, type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/** SetDeploymentCondition: same status and reason is a no-op; same status keeps lastTransitionTime; appended last. */
export function setCondition(status: { conditions?: DeploymentCondition[] }, cond: DeploymentCondition): void {
  const cur = getCondition(status, cond.type);
  if (cur && cur.status === cond.status && cur.reason === cond.reason) return;
  const next = { ...cond };
  if (cur && cur.status === cond.status) next.lastTransitionTime = cur.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== cond.type), next];
}

export function removeCondition(status: { conditions?: DeploymentCondition[] }, type: string): void {
  if (!status.conditions) return;
  status.conditions = status.conditions.filter((c) => c.type !== type);
}

// ---- progress ------------------------------------------------------------

export const hasProgressDeadline = (d: Deployment) => d.spec.progressDeadlineSeconds !== undefined && d.spec.progressDeadlineSeconds !== MAX_INT32;
export const hasRevisionHistoryLimit = (d: Deployment) => d.spec.revisionHistoryLimit !== undefined && d.spec.revisionHistoryLimit !== MAX_INT32;

type Counts = { replicas?: number; updatedReplicas?: number; availableReplicas?: number; readyReplicas?: number; observedGeneration?: number };

/** DeploymentComplete: every desired replica is updated and available, and this generation is observed. */
export function deploymentComplete(d: Deployment, s: Counts): boolean {
  const n = specReplicas(d);
  return (s.updatedReplicas ?? 0) === n && (s.replicas ?? 0) === n && (s.availableReplicas ?? 0) === n && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available than last observed. */
export function deploymentProgressing(d: Deployment, s: Counts): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (
    (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/** DeploymentTimedOut: no progress reported for progressDeadlineSeconds. */
export function deploymentTimedOut(d: Deployment, s: { conditions?: DeploymentCondition[] }, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const cond = getCondition(s, 'Progressing');
  if (!cond) return false;
  if (cond.reason === Reason.NewRSAvailable) return false;
  if (cond.reason === Reason.TimedOut) return true;
  const from = Date.parse(cond.lastUpdateTime ?? '') || 0;
  return from + (d.spec.progressDeadlineSeconds ?? 0) * 1000 < nowMs;
}

// ---- templates -----------------------------------------------------------

/**
 * Drop what Go's semantic equality cannot tell from absent: null, empty
 * strings, empty maps and lists (e.g. `creationTimestamp: null`,
 * `resources: {}` in a template kubectl sends back on rollout undo).
 */
export function semanticNormal(v: unknown): unknown {
  if (Array.isArray(v)) {
    const out = v.map(semanticNormal);
    return out.length ? out : undefined;
  }
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) {
      const x = semanticNormal((v as Record<string, unknown>)[k]);
      if (x !== undefined) out[k] = x;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (v === null || v === '') return undefined;
  return v;
}

function withoutHashLabel(t: PodTemplateSpec | undefined): unknown {
  if (!t) return undefined;
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH];
  return semanticNormal({ ...t, metadata: { ...(t.metadata ?? {}), labels } });
}

/** EqualIgnoreHash: templates equal but for the pod-template-hash label. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  return JSON.stringify(withoutHashLabel(a)) === JSON.stringify(withoutHashLabel(b));
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template is the Deployment's. */
export function findNewReplicaSet(d: Deployment, rsList: readonly ReplicaSet[]): ReplicaSet | undefined {
  const sorted = [...rsList].sort(byCreation);
  return sorted.find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
}

/** FindOldReplicaSets: every other ReplicaSet (all of them; those with pods are filtered by callers). */
export function findOldReplicaSets(d: Deployment, rsList: readonly ReplicaSet[]): ReplicaSet[] {
  const newRS = findNewReplicaSet(d, rsList);
  return rsList.filter((rs) => !newRS || rs.metadata.uid !== newRS.metadata.uid);
}
