/**
 * The Job controller (pkg/controller/job/job_controller.go, v1.32): keeps
 * min(parallelism, remaining completions) pods active, recreates failed
 * pods after an exponential back-off, counts finished pods through the
 * `batch.kubernetes.io/job-tracking` finalizer and
 * `status.uncountedTerminatedPods`, and finishes the Job with an interim
 * SuccessCriteriaMet / FailureTarget condition first, then Complete / Failed
 * once no pod is left terminating.
 */
import type { JobCondition } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../../api/object';
import { selectorFromLabelSelector, type Selector } from '../../api/selectors/labels';
import { CORE } from '../../client/factory';
import { keyOf, splitKey, type Informer } from '../../client/informer';
import type { EventRecorder } from '../../client/events';
import { CONTROLLER_REACTION_MS, WorkQueue, type SyncResult } from '../../client/workqueue';
import type { ApiCall, ComponentContext } from '../context';
import { apiError, isNamespaceTerminating, isNotFound } from '../replicaset/apiError';
import { claimObjects, controllerOf } from '../replicaset/controllerRef';
import { ControllerExpectations } from '../replicaset/expectations';
import { OwnerIndex } from '../replicaset/ownerIndex';
import { isPodReady, podKey } from '../replicaset/podUtil';
import type { Pod } from '../replicaset/types';
import { nextBackoffRecord, remainingBackoff, type BackoffRecord } from './backoff';
import { activePodsLess, completionIndex, duplicatedIndexPods, firstPendingIndexes, Intervals, UNKNOWN_INDEX } from './indexes';
import { finishedTime, isPodFailed, matchPodFailurePolicy, onlyReplaceFailedPods } from './podFailure';
import { INDEX_FAILURE_COUNT, JOB_TRACKING_FINALIZER, jobPod, jobPodTemplate } from './podTemplate';
import { finishedCondition, type Job, type JobStatusView } from './types';

export const JOB_CONTROLLER = 'job-controller';
const CONTROLLER_MANAGER = 'kube-controller-manager';
const JOBS = { group: 'batch', version: 'v1', resource: 'jobs' } as const;
const PODS = { group: '', version: 'v1', resource: 'pods' } as const;
/** syncJobBatchPeriod: pod events are batched for a second. */
export const SYNC_JOB_BATCH_PERIOD_MS = 1000;
const MAX_UNCOUNTED_PODS = 500;
const MAX_POD_CREATE_DELETE_PER_SYNC = 500;
const JOB_CONTROLLER_NAME = 'kubernetes.io/job-controller';
const ORPHAN = 'orphan-pod:';

interface SyncCtx {
  job: Job;
  pods: Pod[];
  activePods: Pod[];
  ready: number;
  terminating: number;
  succeeded: number;
  failed: number;
  uncountedSucceeded: Set<string>;
  uncountedFailed: Set<string>;
  expectedRmFinalizers: Set<string>;
  finished?: JobCondition;
  prevSucceededIndexes?: Intervals;
  succeededIndexes?: Intervals;
  failedIndexes?: Intervals;
  backoff: BackoffRecord;
}

export interface JobDecision {
  active: number;
  created: string[];
  deleted: string[];
  /** Virtual ms until pods may be created again (back-off). */
  backoffMs?: number;
}

const isIndexed = (job: Job) => job.spec.completionMode === 'Indexed';
const hasBackoffLimitPerIndex = (job: Job) => isIndexed(job) && job.spec.backoffLimitPerIndex !== undefined && job.spec.backoffLimitPerIndex !== null;
const isSuspended = (job: Job) => job.spec.suspend === true;
const hasFinalizer = (p: Pod) => !!p.metadata.finalizers?.includes(JOB_TRACKING_FINALIZER);
const isActive = (p: Pod) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata.deletionTimestamp;
const isTerminatingPod = (p: Pod) => !!p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';

export class JobController {
  readonly expectations: ControllerExpectations;
  private readonly queue: WorkQueue;
  private readonly jobs: Informer<Job>;
  private readonly pods: Informer<Pod>;
  private readonly podIndex: OwnerIndex<Pod>;
  private readonly api: ApiCall;
  private readonly recorder: EventRecorder;
  private readonly backoffStore = new Map<string, BackoffRecord>();
  /** finalizerExpectations: pod UIDs whose finalizer removal we have not seen yet. */
  private readonly rmFinalizers = new Map<string, Set<string>>();
  private readonly decisions = new Map<string, JobDecision>();

  constructor(private readonly ctx: ComponentContext) {
    this.api = ctx.client(CONTROLLER_MANAGER);
    this.recorder = ctx.recorder(JOB_CONTROLLER);
    this.expectations = new ControllerExpectations(() => ctx.clock.now());
    this.queue = new WorkQueue(ctx.clock, (key) => (key.startsWith(ORPHAN) ? this.syncOrphanPod(key.slice(ORPHAN.length)) : this.sync(key)), { component: JOB_CONTROLLER, latencyMs: CONTROLLER_REACTION_MS });
    this.jobs = ctx.informers.for<Job>(JOBS);
    this.pods = ctx.informers.for<Pod>(CORE('pods'));
    this.podIndex = OwnerIndex.of(this.pods);
    this.jobs.addEventHandler({
      add: (j) => this.queue.add(keyOf(j)),
      update: (o, j) => {
        if (o.metadata.uid !== j.metadata.uid) this.forget(keyOf(o));
        this.queue.add(keyOf(j));
      },
      delete: (j) => {
        this.forget(keyOf(j));
        this.queue.add(keyOf(j));
      },
    });
    this.pods.addEventHandler({ add: (p) => this.onPod(undefined, p), update: (o, p) => this.onPod(o, p), delete: (p) => this.onPodDeleted(p) });
  }

  lastDecision(key: string): JobDecision | undefined {
    return this.decisions.get(key);
  }

  private forget(key: string): void {
    this.expectations.delete(key);
    this.rmFinalizers.delete(key);
  }

  private jobOf(pod: Pod): Job | undefined {
    const ref = controllerOf(pod);
    if (!ref || ref.kind !== 'Job' || ref.apiVersion !== 'batch/v1') return undefined;
    const job = this.jobs.get(pod.metadata.namespace, ref.name);
    return job && job.metadata.uid === ref.uid ? job : undefined;
  }

  private onPod(old: Pod | undefined, pod: Pod): void {
    if (old && old.metadata.resourceVersion === pod.metadata.resourceVersion) return;
    if (old && controllerOf(old)?.uid !== controllerOf(pod)?.uid) {
      const oldJob = this.jobOf(old);
      if (oldJob) this.queue.addAfter(keyOf(oldJob), SYNC_JOB_BATCH_PERIOD_MS);
    }
    const job = this.jobOf(pod);
    if (!job) {
      if (hasFinalizer(pod)) this.queue.add(ORPHAN + keyOf(pod));
      if (!controllerOf(pod)) for (const j of this.jobsSelecting(pod)) this.queue.addAfter(keyOf(j), SYNC_JOB_BATCH_PERIOD_MS);
      return;
    }
    const key = keyOf(job);
    if (!old && !pod.metadata.deletionTimestamp) this.expectations.creationObserved(key);
    if (pod.metadata.deletionTimestamp) this.expectations.deletionObserved(key, podKey(pod));
    if (old && hasFinalizer(old) && !hasFinalizer(pod)) this.rmFinalizers.get(key)?.delete(pod.metadata.uid!);
    this.queue.addAfter(key, SYNC_JOB_BATCH_PERIOD_MS);
  }

  private onPodDeleted(pod: Pod): void {
    const job = this.jobOf(pod);
    if (!job) return;
    const key = keyOf(job);
    this.expectations.deletionObserved(key, podKey(pod));
    this.rmFinalizers.get(key)?.delete(pod.metadata.uid!);
    this.queue.addAfter(key, SYNC_JOB_BATCH_PERIOD_MS);
  }

  private jobsSelecting(pod: Pod): Job[] {
    return this.jobs.list(pod.metadata.namespace ?? '').filter((j) => {
      const sel = selectorOf(j);
      return sel && !sel.empty() && sel.matches(pod.metadata.labels);
    });
  }

  /** syncOrphanPod: a pod no unfinished Job owns loses the tracking finalizer. */
  private syncOrphanPod(key: string): SyncResult {
    const { namespace, name } = splitKey(key);
    const pod = this.pods.get(namespace, name);
    if (!pod || !hasFinalizer(pod)) return;
    const job = this.jobOf(pod);
    if (job && !finishedCondition(job)) return;
    if (controllerOf(pod) && controllerOf(pod)!.kind !== 'Job') return;
    const err = this.removeFinalizer(pod);
    return err ? { error: err } : undefined;
  }

  private removeFinalizer(pod: Pod): string | undefined {
    const err = apiError(
      this.api({
        ...PODS,
        verb: 'patch',
        namespace: pod.metadata.namespace,
        name: pod.metadata.name,
        contentType: 'application/strategic-merge-patch+json',
        body: { metadata: { '$deleteFromPrimitiveList/finalizers': [JOB_TRACKING_FINALIZER] } },
      }),
    );
    return err && !isNotFound(err) ? err.message : undefined;
  }

  private sync(key: string): SyncResult {
    const shared = this.jobs.getByKey(key);
    if (!shared) {
      this.forget(key);
      this.backoffStore.delete(key);
      this.decisions.delete(key);
      return;
    }
    if (shared.spec.managedBy && shared.spec.managedBy !== JOB_CONTROLLER_NAME) return;
    if (finishedCondition(shared)) {
      this.backoffStore.delete(key);
      return;
    }
    const mode = shared.spec.completionMode;
    if (mode && mode !== 'NonIndexed' && mode !== 'Indexed') {
      this.recorder.event(shared, 'Warning', 'UnknownCompletionMode', 'Skipped Job sync because completion mode is unknown');
      return;
    }
    const job: Job = { ...shared, status: structuredClone(shared.status ?? {}) };
    const status = job.status!;
    status.uncountedTerminatedPods ??= {};
    const satisfied = this.expectations.satisfied(key);
    const claimed = this.podsForJob(job);
    if (typeof claimed === 'string') return { error: claimed };
    const pods = claimed;
    const now = this.ctx.clock.now();
    const activePods = pods.filter(isActive);
    const c: SyncCtx = {
      job,
      pods,
      activePods,
      ready: activePods.filter(isPodReady).length,
      terminating: pods.filter(isTerminatingPod).length,
      succeeded: 0,
      failed: 0,
      uncountedSucceeded: new Set(status.uncountedTerminatedPods.succeeded ?? []),
      uncountedFailed: new Set(status.uncountedTerminatedPods.failed ?? []),
      expectedRmFinalizers: new Set(this.rmFinalizers.get(key) ?? []),
      backoff: { failuresAfterLastSuccess: 0 },
    };
    let active = activePods.length;
    const { succeeded: newSucceeded, failed: newFailed } = this.newFinishedPods(c);
    c.succeeded = (status.succeeded ?? 0) + newSucceeded.length + c.uncountedSucceeded.size;
    c.failed = (status.failed ?? 0) + newFailed.filter((p) => matchPodFailurePolicy(job.spec.podFailurePolicy, p).countFailed).length + c.uncountedFailed.size;
    if (!status.startTime && !isSuspended(job)) status.startTime = this.ctx.clock.timestamp(now);
    c.backoff = nextBackoffRecord(this.backoffStore.get(key), newSucceeded, newFailed);
    const decision: JobDecision = { active, created: [], deleted: [] };
    this.decisions.set(key, decision);
    let requeueAfter: number | undefined;

    c.finished = this.successCriteriaMet(job);
    if (!c.finished) {
      const target = job.status?.conditions?.find((x) => x.type === 'FailureTarget' && x.status === 'True');
      if (target) c.finished = this.condition('Failed', target.reason ?? '', target.message ?? '');
      else {
        const msg = this.failJobMessage(job, pods);
        if (msg) c.finished = this.condition('FailureTarget', 'PodFailurePolicy', msg);
      }
    }
    if (!c.finished) {
      if (c.failed > (job.spec.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, pods)) {
        c.finished = this.condition('FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit');
      } else if (this.pastActiveDeadline(job, now)) {
        c.finished = this.condition('FailureTarget', 'DeadlineExceeded', 'Job was active longer than specified deadline');
      } else if (job.spec.activeDeadlineSeconds !== undefined && job.spec.activeDeadlineSeconds !== null && !isSuspended(job) && status.startTime) {
        requeueAfter = job.spec.activeDeadlineSeconds * 1000 - (now - Date.parse(status.startTime));
      }
    }
    if (isIndexed(job)) {
      const completions = job.spec.completions ?? 0;
      c.prevSucceededIndexes = Intervals.parse(status.completedIndexes, completions);
      const fresh = pods.filter((p) => p.status?.phase === 'Succeeded' && hasFinalizer(p) && completionIndex(p) !== UNKNOWN_INDEX && completionIndex(p) < completions).map(completionIndex);
      c.succeededIndexes = c.prevSucceededIndexes.withOrderedIndexes(fresh);
      c.succeeded = c.succeededIndexes.total();
      if (hasBackoffLimitPerIndex(job)) {
        c.failedIndexes = this.failedIndexes(job, pods);
        if (!c.finished) {
          const maxFailed = job.spec.maxFailedIndexes;
          if (maxFailed !== undefined && maxFailed !== null && c.failedIndexes.total() > maxFailed) {
            c.finished = this.condition('FailureTarget', 'MaxFailedIndexesExceeded', 'Job has exceeded the specified maximal number of failed indexes');
          } else if (c.failedIndexes.total() > 0 && c.failedIndexes.total() + c.succeededIndexes.total() >= completions) {
            c.finished = this.condition('FailureTarget', 'FailedIndexes', 'Job has failed indexes');
          }
        }
      }
    }

    let suspendChanged = false;
    let manageErr: string | undefined;
    if (c.finished) {
      const { deleted, deletedReady, error } = this.deletePods(job, c.activePods, false, decision);
      if (deleted !== active || !satisfied) c.finished = undefined;
      active -= deleted;
      c.terminating += deleted;
      c.ready -= deletedReady;
      manageErr = error;
    } else {
      let manageCalled = false;
      if (satisfied && !job.metadata.deletionTimestamp) {
        const r = this.manageJob(job, c, active, decision);
        active = r.active;
        manageErr = r.error;
        if (r.requeueAfter !== undefined) requeueAfter = Math.min(requeueAfter ?? Infinity, r.requeueAfter);
        manageCalled = true;
      }
      const completions = job.spec.completions;
      const complete = completions === undefined || completions === null ? c.succeeded > 0 && active === 0 : c.succeeded >= completions && active === 0;
      if (complete) c.finished = this.condition('SuccessCriteriaMet', 'CompletionsReached', 'Reached expected number of succeeded pods');
      else if (manageCalled) {
        if (isSuspended(job)) {
          if (this.ensureCondition(status, 'Suspended', 'True', 'JobSuspended', 'Job suspended')) {
            suspendChanged = true;
            this.recorder.event(job, 'Normal', 'Suspended', 'Job suspended');
          }
        } else if (this.ensureCondition(status, 'Suspended', 'False', 'JobResumed', 'Job resumed')) {
          suspendChanged = true;
          this.recorder.event(job, 'Normal', 'Resumed', 'Job resumed');
          // ActiveDeadlineSeconds counts from the resume.
          status.startTime = this.ctx.clock.timestamp(now);
        }
      }
    }

    const needsStatusUpdate = suspendChanged || active !== (status.active ?? 0) || c.ready !== status.ready || c.terminating !== status.terminating;
    status.active = active;
    status.ready = c.ready;
    status.terminating = c.terminating;
    decision.active = active;
    const trackErr = this.trackStatusAndRemoveFinalizers(key, c, needsStatusUpdate);
    if (trackErr) return { error: `tracking status: ${trackErr}` };
    if (manageErr) return { error: manageErr };
    return requeueAfter !== undefined ? { requeueAfter: Math.max(0, requeueAfter) } : undefined;
  }

  private condition(type: string, reason: string, message: string): JobCondition {
    const ts = this.ctx.clock.timestamp();
    return { type, status: 'True', lastProbeTime: ts, lastTransitionTime: ts, reason, message };
  }

  /** ensureJobConditionStatus: true when the list changed. */
  private ensureCondition(status: JobStatusView, type: string, value: 'True' | 'False', reason: string, message: string): boolean {
    const list = (status.conditions ??= []);
    const i = list.findIndex((c) => c.type === type);
    if (i >= 0) {
      const c = list[i];
      if (c.status === value && c.reason === reason && c.message === message) return false;
      list[i] = { ...this.condition(type, reason, message), status: value };
      return true;
    }
    if (value === 'False') return false;
    list.push(this.condition(type, reason, message));
    return true;
  }

  private successCriteriaMet(job: Job): JobCondition | undefined {
    return job.status?.conditions?.find((c) => c.type === 'SuccessCriteriaMet' && c.status === 'True');
  }

  private failJobMessage(job: Job, pods: readonly Pod[]): string | undefined {
    if (!job.spec.podFailurePolicy) return undefined;
    for (const p of pods) {
      if (!isPodFailed(p, job)) continue;
      const m = matchPodFailurePolicy(job.spec.podFailurePolicy, p).failJobMessage;
      if (m) return m;
    }
    return undefined;
  }

  private pastActiveDeadline(job: Job, now: number): boolean {
    const ads = job.spec.activeDeadlineSeconds;
    if (ads === undefined || ads === null || !job.status?.startTime || isSuspended(job)) return false;
    return now - Date.parse(job.status.startTime) >= ads * 1000;
  }

  /** getPodsForJob: claim matching pods; adopted ones get the tracking finalizer. */
  private podsForJob(job: Job): Pod[] | string {
    const selector = selectorOf(job);
    if (!selector) return `couldn't convert Job selector`;
    const claim = claimObjects([...this.podIndex.owned(job.metadata.uid), ...this.podIndex.orphansIn(job.metadata.namespace ?? '')], {
      api: this.api,
      owner: job,
      ownerApiVersion: 'batch/v1',
      ownerKind: 'Job',
      ownerRef: JOBS,
      owned: { group: '', version: 'v1', resource: 'pods', kind: 'Pod' },
      match: (p) => selector.matches(p.metadata.labels),
    });
    if (claim.error !== undefined) return claim.error;
    return claim.claimed;
  }

  /** getNewFinishedPods: finished pods still holding the finalizer and not yet uncounted. */
  private newFinishedPods(c: SyncCtx): { succeeded: Pod[]; failed: Pod[] } {
    const valid = (p: Pod, uncounted: Set<string>) => {
      const uid = p.metadata.uid!;
      if (!hasFinalizer(p) || uncounted.has(uid) || c.expectedRmFinalizers.has(uid)) return false;
      if (isIndexed(c.job)) {
        const ix = completionIndex(p);
        if (ix === UNKNOWN_INDEX || ix >= (c.job.spec.completions ?? 0)) return false;
      }
      return true;
    };
    return {
      succeeded: c.pods.filter((p) => valid(p, c.uncountedSucceeded) && p.status?.phase === 'Succeeded'),
      failed: c.pods.filter((p) => valid(p, c.uncountedFailed) && isPodFailed(p, c.job)),
    };
  }

  /** calculateFailedIndexes: indexes whose pods failed more than backoffLimitPerIndex times (or hit FailIndex). */
  private failedIndexes(job: Job, pods: readonly Pod[]): Intervals {
    const completions = job.spec.completions ?? 0;
    const prev = Intervals.parse(job.status?.failedIndexes ?? '', completions);
    const limit = job.spec.backoffLimitPerIndex ?? 0;
    const fresh: number[] = [];
    for (const p of pods) {
      if (!hasFinalizer(p) || !isPodFailed(p, job)) continue;
      const ix = completionIndex(p);
      if (ix === UNKNOWN_INDEX || ix >= completions) continue;
      const m = matchPodFailurePolicy(job.spec.podFailurePolicy, p);
      if (m.action === 'FailIndex' || (m.countFailed && indexFailureCount(p) + 1 > limit)) fresh.push(ix);
    }
    return prev.withOrderedIndexes(fresh);
  }

  /** manageJob: delete surplus pods, or create the missing ones once the back-off allows. */
  private manageJob(job: Job, c: SyncCtx, active: number, decision: JobDecision): { active: number; error?: string; requeueAfter?: number } {
    const parallelism = job.spec.parallelism ?? 1;
    if (isSuspended(job)) {
      const toDelete = [...c.activePods].sort(activePodsLess);
      const r = this.deletePods(job, toDelete, true, decision);
      c.terminating += r.deleted;
      c.ready -= r.deletedReady;
      return { active: active - r.deleted, error: r.error };
    }
    let wantActive: number;
    const completions = job.spec.completions;
    if (completions === undefined || completions === null) wantActive = c.succeeded > 0 ? active : parallelism;
    else wantActive = Math.max(0, Math.min(completions - c.succeeded, parallelism));

    const rmAtLeast = Math.max(0, active - wantActive);
    let rm: Pod[];
    if (isIndexed(job)) {
      const d = duplicatedIndexPods(c.activePods, completions ?? 0);
      rm = d.rm;
      if (rm.length < rmAtLeast) rm.push(...d.left.sort(activePodsLess).slice(0, rmAtLeast - rm.length));
    } else rm = [...c.activePods].sort(activePodsLess).slice(0, rmAtLeast);
    rm = rm.slice(0, MAX_POD_CREATE_DELETE_PER_SYNC);
    if (rm.length > 0) {
      const r = this.deletePods(job, rm, true, decision);
      c.terminating += r.deleted;
      c.ready -= r.deletedReady;
      return { active: active - r.deleted, error: r.error };
    }

    const terminating = onlyReplaceFailedPods(job) ? c.terminating : 0;
    let diff = wantActive - terminating - active;
    if (diff <= 0) return { active };
    const now = this.ctx.clock.now();
    if (!hasBackoffLimitPerIndex(job)) {
      const wait = remainingBackoff(c.backoff.failuresAfterLastSuccess, c.backoff.lastFailureTime, now);
      if (wait > 0) {
        decision.backoffMs = wait;
        return { active, requeueAfter: wait };
      }
    }
    diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);
    let indexes: number[] | undefined;
    const failureCounts = new Map<number, number>();
    if (isIndexed(job)) {
      const activeIx = new Set(c.activePods.map(completionIndex));
      const termIx = onlyReplaceFailedPods(job) ? new Set(c.pods.filter(isTerminatingPod).map(completionIndex)) : new Set<number>();
      indexes = firstPendingIndexes((ix) => c.succeededIndexes!.has(ix) || activeIx.has(ix) || termIx.has(ix) || !!c.failedIndexes?.has(ix), diff, completions ?? 0);
      if (hasBackoffLimitPerIndex(job)) {
        // Each index backs off on its own, from its last failed pod.
        let minWait: number | undefined;
        const ready: number[] = [];
        for (const ix of indexes) {
          const last = lastFailedPodOfIndex(c.pods, ix, job);
          const count = last ? indexFailureCount(last) + 1 : 0;
          if (last) failureCounts.set(ix, count);
          const wait = last ? remainingBackoff(count, finishedTime(last), now) : 0;
          if (wait === 0) ready.push(ix);
          else minWait = Math.min(minWait ?? Infinity, wait);
        }
        if (ready.length === 0 && minWait !== undefined) {
          decision.backoffMs = minWait;
          return { active, requeueAfter: minWait };
        }
        indexes = ready;
      }
      diff = indexes.length;
    }
    if (diff <= 0) return { active };
    const key = keyOf(job);
    this.expectations.expectCreations(key, diff);
    const template = jobPodTemplate(job);
    let attempted = 0;
    let firstErr: string | undefined;
    // Slow start: batches of 1, 2, 4 … stop after a batch with a failure.
    for (let batch = Math.min(diff, 1); attempted < diff; batch = Math.min(2 * batch, diff - attempted)) {
      let failed = false;
      for (let i = 0; i < batch; i++) {
        const ix = indexes?.[attempted];
        attempted++;
        const err = this.createPod(job, jobPod(job, template, ix, ix !== undefined ? failureCounts.get(ix) : undefined), decision);
        if (err !== undefined) {
          this.expectations.creationObserved(key);
          active--;
          failed = true;
          firstErr ??= err;
        }
        active++;
      }
      if (failed) break;
    }
    for (let j = attempted; j < diff; j++) this.expectations.creationObserved(key);
    return { active, error: firstErr };
  }

  private createPod(job: Job, body: Pod, decision: JobDecision): string | undefined {
    const r = this.api({ ...PODS, verb: 'create', namespace: job.metadata.namespace, body });
    const err = apiError(r);
    if (err) {
      if (isNamespaceTerminating(err)) return undefined;
      this.recorder.event(job, 'Warning', 'FailedCreate', `Error creating: ${err.message}`);
      return err.message;
    }
    const name = (r.body as Pod).metadata.name!;
    decision.created.push(name);
    this.recorder.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`);
    return undefined;
  }

  /**
   * deleteJobPods (removeFinalizer) / deleteActivePods: delete the pods; surplus
   * pods lose their finalizer first, a finishing Job's pods keep it until counted.
   */
  private deletePods(job: Job, pods: readonly Pod[], removeFinalizerFirst: boolean, decision: JobDecision): { deleted: number; deletedReady: number; error?: string } {
    const key = keyOf(job);
    if (removeFinalizerFirst && pods.length) this.expectations.expectDeletions(key, pods.map(podKey));
    let deleted = 0;
    let deletedReady = 0;
    let error: string | undefined;
    for (const pod of pods) {
      if (removeFinalizerFirst && hasFinalizer(pod)) {
        const e = this.removeFinalizer(pod);
        if (e) {
          this.expectations.deletionObserved(key, podKey(pod));
          error ??= `removing completion finalizer: ${e}`;
          continue;
        }
      }
      const err = apiError(this.api({ ...PODS, verb: 'delete', namespace: pod.metadata.namespace, name: pod.metadata.name }));
      if (err && !isNotFound(err)) {
        if (removeFinalizerFirst) this.expectations.deletionObserved(key, podKey(pod));
        this.recorder.event(job, 'Warning', 'FailedDelete', `Error deleting: ${err.message}`);
        error ??= err.message;
        continue;
      }
      if (!err) {
        decision.deleted.push(pod.metadata.name!);
        this.recorder.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
      }
      deleted++;
      if (isPodReady(pod)) deletedReady++;
    }
    return { deleted, deletedReady, error };
  }

  /**
   * trackJobStatusAndRemoveFinalizers: record finished pods in
   * uncountedTerminatedPods, remove their finalizers, move them to the
   * counters, then add the terminal condition when nothing is left to count.
   */
  private trackStatusAndRemoveFinalizers(key: string, c: SyncCtx, needsFlushIn: boolean): string | undefined {
    let needsFlush = needsFlushIn;
    const job = c.job;
    const status = job.status!;
    const uncounted = status.uncountedTerminatedPods!;
    const indexed = isIndexed(job);
    const completions = job.spec.completions ?? 0;
    const pods = indexed ? [...c.pods].sort((a, b) => completionIndex(a) - completionIndex(b)) : c.pods;
    const withFinalizer = new Set<string>();
    for (const p of pods) if (hasFinalizer(p) && !c.expectedRmFinalizers.has(p.metadata.uid!)) withFinalizer.add(p.metadata.uid!);
    if (cleanUncounted(status, withFinalizer)) needsFlush = true;
    const toRemove: Pod[] = [];
    const newSucceededIndexes: number[] = [];
    let reachedMax = false;
    for (const pod of pods) {
      const uid = pod.metadata.uid!;
      if (!hasFinalizer(pod) || c.expectedRmFinalizers.has(uid)) continue;
      const failed = isPodFailed(pod, job);
      if (!(job.metadata.deletionTimestamp || c.finished || pod.status?.phase === 'Succeeded' || failed)) continue;
      toRemove.push(pod);
      if (pod.status?.phase === 'Succeeded' && !c.uncountedFailed.has(uid)) {
        if (indexed) {
          const ix = completionIndex(pod);
          if (ix !== UNKNOWN_INDEX && ix < completions && !c.prevSucceededIndexes!.has(ix)) {
            newSucceededIndexes.push(ix);
            needsFlush = true;
          }
        } else if (!c.uncountedSucceeded.has(uid)) {
          needsFlush = true;
          (uncounted.succeeded ??= []).push(uid);
        }
      } else if (failed || (c.finished && c.finished.type !== 'SuccessCriteriaMet')) {
        // Once the Job is finishing, every pod not yet succeeded counts as failed.
        const ix = completionIndex(pod);
        if (!c.uncountedFailed.has(uid) && (!indexed || (ix !== UNKNOWN_INDEX && ix < completions))) {
          if (matchPodFailurePolicy(job.spec.podFailurePolicy, pod).countFailed) {
            needsFlush = true;
            (uncounted.failed ??= []).push(uid);
          }
        }
      }
      if (newSucceededIndexes.length + (uncounted.succeeded?.length ?? 0) + (uncounted.failed?.length ?? 0) >= MAX_UNCOUNTED_PODS) {
        reachedMax = true;
        break;
      }
    }
    if (indexed) {
      c.succeededIndexes = c.succeededIndexes!.withOrderedIndexes(newSucceededIndexes);
      const s = c.succeededIndexes.toString();
      if (s !== (status.completedIndexes ?? '')) needsFlush = true;
      status.succeeded = c.succeededIndexes.total();
      status.completedIndexes = s;
      if (c.failedIndexes) {
        const f = c.failedIndexes.toString();
        if (f !== status.failedIndexes) {
          status.failedIndexes = f;
          needsFlush = true;
        }
      }
    }
    if (c.finished?.type === 'FailureTarget') {
      (status.conditions ??= []).push(c.finished);
      needsFlush = true;
      c.finished = this.condition('Failed', c.finished.reason ?? '', c.finished.message ?? '');
    }
    if (c.finished?.type === 'SuccessCriteriaMet') {
      if (!this.successCriteriaMet(job)) {
        (status.conditions ??= []).push(c.finished);
        needsFlush = true;
      }
      c.finished = this.condition('Complete', c.finished.reason ?? '', c.finished.message ?? '');
    }

    // flushUncountedAndRemoveFinalizers
    if (needsFlush) {
      const r = this.writeStatus(job);
      if (typeof r === 'string') return `adding uncounted pods to status: ${r}`;
      c.job = r;
      this.backoffStore.set(key, c.backoff);
      needsFlush = false;
    }
    const st = c.job.status!;
    let rmErr: string | undefined;
    if (toRemove.length) {
      const expected = this.rmFinalizers.get(key) ?? new Set<string>();
      this.rmFinalizers.set(key, expected);
      for (const p of toRemove) expected.add(p.metadata.uid!);
      for (const p of toRemove) {
        const e = this.removeFinalizer(p);
        expected.delete(p.metadata.uid!);
        if (e) {
          rmErr ??= e;
          continue;
        }
        withFinalizer.delete(p.metadata.uid!);
      }
    }
    if (cleanUncounted(st, withFinalizer)) needsFlush = true;
    if (rmErr) {
      if (needsFlush) this.writeStatus(c.job);
      return rmErr;
    }

    // enactJobFinished
    let finished = false;
    if (c.finished && !reachedMax) {
      const u = st.uncountedTerminatedPods ?? {};
      if ((u.succeeded?.length ?? 0) + (u.failed?.length ?? 0) === 0 && c.terminating === 0) {
        this.ensureCondition(st, c.finished.type, 'True', c.finished.reason ?? '', c.finished.message ?? '');
        if (c.finished.type === 'Complete') st.completionTime = c.finished.lastTransitionTime;
        finished = true;
        needsFlush = true;
      }
    }
    if (needsFlush) {
      const r = this.writeStatus(c.job);
      if (typeof r === 'string') return `removing uncounted pods from status: ${r}`;
      c.job = r;
      if (finished) this.recordFinished(r, c.finished!);
    }
    return undefined;
  }

  private recordFinished(job: Job, cond: JobCondition): void {
    if (cond.type === 'Complete') {
      const completions = job.spec.completions;
      if (completions !== undefined && completions !== null && (job.status?.succeeded ?? 0) > completions) {
        this.recorder.event(job, 'Warning', 'TooManySucceededPods', 'Too many succeeded pods running after completion count reached');
      }
      this.recorder.event(job, 'Normal', 'Completed', 'Job completed');
    } else this.recorder.event(job, 'Warning', cond.reason ?? '', cond.message ?? '');
  }

  /** UpdateStatus with the status as Go writes it. */
  private writeStatus(job: Job): Job | string {
    const r = this.api({ ...JOBS, verb: 'update', namespace: job.metadata.namespace, name: job.metadata.name, subresource: 'status', body: { ...job, status: wireStatus(job.status!) } as KubeObject });
    const err = apiError(r);
    if (err) return err.message;
    const out = r.body as Job;
    return { ...out, status: structuredClone(out.status ?? {}) };
  }
}

/** cleanUncountedPodsWithoutFinalizers: uncounted pods whose finalizer is gone move to the counters. */
function cleanUncounted(status: JobStatusView, withFinalizer: Set<string>): boolean {
  const u = (status.uncountedTerminatedPods ??= {});
  let changed = false;
  const keepS = (u.succeeded ?? []).filter((uid) => withFinalizer.has(uid));
  if (keepS.length !== (u.succeeded ?? []).length) {
    status.succeeded = (status.succeeded ?? 0) + (u.succeeded!.length - keepS.length);
    u.succeeded = keepS;
    changed = true;
  }
  const keepF = (u.failed ?? []).filter((uid) => withFinalizer.has(uid));
  if (keepF.length !== (u.failed ?? []).length) {
    status.failed = (status.failed ?? 0) + (u.failed!.length - keepF.length);
    u.failed = keepF;
    changed = true;
  }
  return changed;
}

/** pastBackoffLimitOnFailure: with restartPolicy OnFailure, container restarts count as failures. */
function pastBackoffLimitOnFailure(job: Job, pods: readonly Pod[]): boolean {
  if (job.spec.template.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of pods) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    for (const cs of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) restarts += cs.restartCount;
  }
  const limit = job.spec.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

function indexFailureCount(pod: Pod): number {
  const v = pod.metadata.annotations?.[INDEX_FAILURE_COUNT];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : 0;
}

function lastFailedPodOfIndex(pods: readonly Pod[], ix: number, job: Job): Pod | undefined {
  let last: Pod | undefined;
  for (const p of pods) {
    if (completionIndex(p) !== ix || !isPodFailed(p, job)) continue;
    if (!last || finishedTime(p) > finishedTime(last)) last = p;
  }
  return last;
}

/** omitempty as in batch/v1 JobStatus: ready, terminating and uncountedTerminatedPods are pointers and stay. */
function wireStatus(s: JobStatusView): JobStatusView {
  const out: JobStatusView = {};
  if (s.conditions?.length) out.conditions = s.conditions;
  if (s.startTime) out.startTime = s.startTime;
  if (s.completionTime) out.completionTime = s.completionTime;
  if (s.active) out.active = s.active;
  if (s.succeeded) out.succeeded = s.succeeded;
  if (s.failed) out.failed = s.failed;
  if (s.terminating !== undefined) out.terminating = s.terminating;
  if (s.completedIndexes) out.completedIndexes = s.completedIndexes;
  if (s.failedIndexes !== undefined) out.failedIndexes = s.failedIndexes;
  const u = s.uncountedTerminatedPods ?? {};
  out.uncountedTerminatedPods = {};
  if (u.succeeded?.length) out.uncountedTerminatedPods.succeeded = u.succeeded;
  if (u.failed?.length) out.uncountedTerminatedPods.failed = u.failed;
  if (s.ready !== undefined) out.ready = s.ready;
  return out;
}

function selectorOf(job: Job): Selector | undefined {
  const r = selectorFromLabelSelector(job.spec.selector);
  return r.ok ? r.selector : undefined;
}

/** Build the Job controller on a cluster's components (its informers start with the others). */
export function startJobController(ctx: ComponentContext): JobController {
  return new JobController(ctx);
}
