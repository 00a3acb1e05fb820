/**
 * The CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go):
 * at each schedule time it creates a Job named after that time, honouring
 * suspend, startingDeadlineSeconds and concurrencyPolicy; it tracks active
 * Jobs in status, notices finished and missing ones, and deletes finished
 * Jobs beyond the history limits. It sleeps until the next schedule time.
 */
import type { ObjectReference } from 'kubernetes-types/core/v1';
import { isKnownTimeZone } from '../../api/kinds/batch/cronSchedule';
import { keyOf, type Informer } from '../../client/informer';
import type { EventRecorder } from '../../client/events';
import { WorkQueue, type SyncResult } from '../../client/workqueue';
import type { ApiCall, ComponentContext } from '../context';
import { finishedCondition, type CronJob, type Job } from '../job/types';
import { apiError, isAlreadyExists, isNamespaceTerminating, isNotFound } from '../replicaset/apiError';
import { controllerOf } from '../replicaset/controllerRef';
import { OwnerIndex } from '../replicaset/ownerIndex';
import { parseCronJobSchedule } from './schedule';
import { byJobStartTime, jobFromTemplate, jobName, mostRecentScheduleTime, nextScheduleDuration, rfc1123z } from './utils';

export const CRONJOB_CONTROLLER = 'cronjob-controller';
const CONTROLLER_MANAGER = 'kube-controller-manager';
const CRONJOBS = { group: 'batch', version: 'v1', resource: 'cronjobs' } as const;
const JOBS = { group: 'batch', version: 'v1', resource: 'jobs' } as const;

type Status = NonNullable<CronJob['status']>;

export class CronJobController {
  private readonly queue: WorkQueue;
  private readonly cronJobs: Informer<CronJob>;
  private readonly jobIndex: OwnerIndex<Job>;
  private readonly api: ApiCall;
  private readonly recorder: EventRecorder;

  constructor(private readonly ctx: ComponentContext) {
    this.api = ctx.client(CONTROLLER_MANAGER);
    this.recorder = ctx.recorder(CRONJOB_CONTROLLER);
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), { component: CRONJOB_CONTROLLER });
    this.cronJobs = ctx.informers.for<CronJob>(CRONJOBS);
    const jobs = ctx.informers.for<Job>(JOBS);
    this.jobIndex = OwnerIndex.of(jobs);
    this.cronJobs.addEventHandler({
      add: (cj) => this.queue.add(keyOf(cj)),
      update: (old, cj) => {
        if (old.spec.schedule !== cj.spec.schedule || old.spec.timeZone !== cj.spec.timeZone) {
          // A new schedule: sleep until its next time instead of acting now.
          const parsed = parseCronJobSchedule(cj.spec.schedule, cj.spec.timeZone ?? undefined);
          const d = parsed.ok ? nextScheduleDuration(cj, ctx.clock.now(), parsed.schedule) : undefined;
          if (d !== undefined) {
            this.queue.addAfter(keyOf(cj), Math.max(0, d));
            return;
          }
        }
        this.queue.add(keyOf(cj));
      },
      delete: (cj) => this.queue.add(keyOf(cj)),
    });
    const onJob = (j: Job) => {
      const ref = controllerOf(j);
      if (!ref || ref.kind !== 'CronJob') return;
      const cj = this.cronJobs.get(j.metadata.namespace, ref.name);
      if (cj && cj.metadata.uid === ref.uid) this.queue.add(keyOf(cj));
    };
    jobs.addEventHandler({
      add: onJob,
      update: (o, j) => {
        if (controllerOf(o)?.uid !== controllerOf(j)?.uid) onJob(o);
        onJob(j);
      },
      delete: onJob,
    });
  }

  private sync(key: string): SyncResult {
    const shared = this.cronJobs.getByKey(key);
    if (!shared) return;
    const cj: CronJob = { ...shared, status: structuredClone(shared.status ?? {}) };
    const jobs = this.jobIndex.owned(cj.metadata.uid);
    const cleanup = this.cleanupFinishedJobs(cj, jobs);
    const r = this.syncCronJob(cj, jobs);
    if (cleanup || r.updateStatus) {
      const err = apiError(this.api({ ...CRONJOBS, verb: 'update', namespace: cj.metadata.namespace, name: cj.metadata.name, subresource: 'status', body: { ...cj, status: wireStatus(cj.status!) } }));
      if (err) return { error: err.message };
    }
    if (r.requeueAfter !== undefined) return { requeueAfter: Math.max(0, r.requeueAfter) };
    return r.error ? { error: r.error } : undefined;
  }

  private syncCronJob(cj: CronJob, jobs: readonly Job[]): { requeueAfter?: number; updateStatus: boolean; error?: string } {
    const now = this.ctx.clock.now();
    const status = cj.status!;
    let updateStatus = false;
    const children = new Set<string>();
    for (const j of jobs) {
      const uid = j.metadata.uid!;
      children.add(uid);
      const found = inActiveList(status, uid);
      const finished = finishedCondition(j);
      if (!found && !finished) {
        const fresh = this.api({ ...CRONJOBS, verb: 'get', namespace: cj.metadata.namespace, name: cj.metadata.name });
        const err = apiError(fresh);
        if (err) return { updateStatus, error: err.message };
        if (inActiveList((fresh.body as CronJob).status ?? {}, uid)) {
          status.active = structuredClone((fresh.body as CronJob).status?.active);
          continue;
        }
        this.recorder.event(cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata.name}`);
      } else if (found && finished) {
        deleteFromActiveList(status, uid);
        this.recorder.event(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, condition: ${finished.type}`);
        updateStatus = true;
      } else if (finished?.type === 'Complete' && j.status?.completionTime) {
        const ct = j.status.completionTime;
        if (!status.lastSuccessfulTime || Date.parse(ct) > Date.parse(status.lastSuccessfulTime)) {
          status.lastSuccessfulTime = ct;
          updateStatus = true;
        }
      }
    }
    for (const ref of [...(status.active ?? [])]) {
      if (ref.uid && children.has(ref.uid)) continue;
      const r = this.api({ ...JOBS, verb: 'get', namespace: ref.namespace, name: ref.name });
      const err = apiError(r);
      if (isNotFound(err)) {
        this.recorder.event(cj, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`);
        deleteFromActiveList(status, ref.uid);
        updateStatus = true;
      } else if (err) return { updateStatus, error: err.message };
    }
    if (cj.metadata.deletionTimestamp) return { updateStatus };

    const tz = cj.spec.timeZone ?? undefined;
    if (tz !== undefined && !isKnownTimeZone(tz)) {
      this.recorder.event(cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: "${tz}": unknown time zone ${tz}`);
      return { updateStatus };
    }
    if (cj.spec.suspend) return { updateStatus };
    if (cj.spec.schedule.includes('TZ')) {
      this.recorder.event(
        cj,
        'Warning',
        'UnsupportedSchedule',
        `CRON_TZ or TZ used in schedule "${cj.spec.schedule}" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`,
      );
    }
    const parsed = parseCronJobSchedule(cj.spec.schedule, cj.spec.schedule.includes('TZ') ? undefined : tz);
    if (!parsed.ok) {
      this.recorder.event(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: "${cj.spec.schedule}" : ${parsed.error}`);
      return { updateStatus };
    }
    const sched = parsed.schedule;
    const next = () => nextScheduleDuration(cj, now, sched);

    const recent = mostRecentScheduleTime(cj, now, sched, true);
    if (recent.error) {
      this.recorder.event(cj, 'Warning', 'InvalidSchedule', `invalid schedule: ${cj.spec.schedule} : ${recent.error}`);
      return { updateStatus };
    }
    const scheduled = recent.mostRecent !== undefined && recent.mostRecent <= now ? recent.mostRecent : undefined;
    if (scheduled !== undefined && recent.missed === 'many') {
      this.recorder.event(cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew');
    }
    if (scheduled === undefined) return { updateStatus, requeueAfter: next() };

    const sds = cj.spec.startingDeadlineSeconds;
    if (sds !== undefined && sds !== null && scheduled + sds * 1000 < now) {
      this.recorder.event(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`);
      return { updateStatus, requeueAfter: next() };
    }
    const name = jobName(cj, scheduled);
    if ((status.active ?? []).some((a) => a.name === name && a.namespace === cj.metadata.namespace) || (status.lastScheduleTime && Date.parse(status.lastScheduleTime) === scheduled)) {
      return { updateStatus, requeueAfter: next() };
    }
    if (cj.spec.concurrencyPolicy === 'Forbid' && (status.active?.length ?? 0) > 0) {
      this.recorder.event(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid');
      return { updateStatus, requeueAfter: next() };
    }
    if (cj.spec.concurrencyPolicy === 'Replace') {
      for (const ref of [...(status.active ?? [])]) {
        const r = this.api({ ...JOBS, verb: 'get', namespace: ref.namespace, name: ref.name });
        const err = apiError(r);
        if (err) {
          this.recorder.event(cj, 'Warning', 'FailedGet', `Get job: ${err.message}`);
          return { updateStatus, error: err.message };
        }
        if (!this.deleteJob(cj, r.body as Job)) return { updateStatus, error: `could not replace job ${ref.namespace}/${ref.name}` };
        updateStatus = true;
      }
    }

    const body = jobFromTemplate(cj, scheduled);
    const created = this.api({ ...JOBS, verb: 'create', namespace: cj.metadata.namespace, body });
    const err = apiError(created);
    let job: Job;
    if (!err) {
      job = created.body as Job;
      this.recorder.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${job.metadata.name}`);
    } else if (isNamespaceTerminating(err)) return { updateStatus, error: err.message };
    else if (isAlreadyExists(err)) {
      const got = this.api({ ...JOBS, verb: 'get', namespace: cj.metadata.namespace, name });
      const getErr = apiError(got);
      if (getErr) return { updateStatus, error: getErr.message };
      job = got.body as Job;
      // Someone else's Job, or one already tracked: nothing to record.
      if (controllerOf(job)?.uid !== cj.metadata.uid || inActiveList(status, job.metadata.uid!)) return { updateStatus };
    } else {
      this.recorder.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${err.message}`);
      return { updateStatus, error: err.message };
    }
    status.active = [...(status.active ?? []), jobRef(job)];
    status.lastScheduleTime = this.ctx.clock.timestamp(scheduled);
    return { updateStatus: true, requeueAfter: next() };
  }

  /** cleanupFinishedJobs: keep the newest successfulJobsHistoryLimit / failedJobsHistoryLimit finished Jobs. */
  private cleanupFinishedJobs(cj: CronJob, jobs: readonly Job[]): boolean {
    const sLimit = cj.spec.successfulJobsHistoryLimit;
    const fLimit = cj.spec.failedJobsHistoryLimit;
    if ((sLimit === undefined || sLimit === null) && (fLimit === undefined || fLimit === null)) return false;
    const ok: Job[] = [];
    const failed: Job[] = [];
    for (const j of jobs) {
      const f = finishedCondition(j);
      if (f?.type === 'Complete') ok.push(j);
      else if (f?.type === 'Failed') failed.push(j);
    }
    let update = false;
    for (const [list, limit] of [
      [ok, sLimit],
      [failed, fLimit],
    ] as const) {
      if (limit === undefined || limit === null) continue;
      const n = list.length - limit;
      if (n <= 0) continue;
      for (const j of [...list].sort(byJobStartTime).slice(0, n)) if (this.deleteJob(cj, j)) update = true;
    }
    return update;
  }

  /** deleteJob: background deletion, then off the active list. */
  private deleteJob(cj: CronJob, job: Job): boolean {
    const err = apiError(this.api({ ...JOBS, verb: 'delete', namespace: job.metadata.namespace, name: job.metadata.name, body: { apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy: 'Background' } }));
    if (err) {
      this.recorder.event(cj, 'Warning', 'FailedDelete', `Deleted job: ${err.message}`);
      return false;
    }
    deleteFromActiveList(cj.status!, job.metadata.uid);
    this.recorder.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`);
    return true;
  }
}

const inActiveList = (status: Status, uid: string) => (status.active ?? []).some((a) => a.uid === uid);

function deleteFromActiveList(status: Status, uid: string | undefined): void {
  if (!status.active) return;
  status.active = status.active.filter((a) => a.uid !== uid);
}

/** reference.GetReference of a Job. */
function jobRef(job: Job): ObjectReference {
  return { kind: 'Job', namespace: job.metadata.namespace, name: job.metadata.name, uid: job.metadata.uid, apiVersion: 'batch/v1', resourceVersion: job.metadata.resourceVersion };
}

function wireStatus(s: Status): Status {
  const out: Status = {};
  if (s.active?.length) out.active = s.active;
  if (s.lastScheduleTime) out.lastScheduleTime = s.lastScheduleTime;
  if (s.lastSuccessfulTime) out.lastSuccessfulTime = s.lastSuccessfulTime;
  return out;
}

/** Build the CronJob controller on a cluster's components (its informers start with the others). */
export function startCronJobController(ctx: ComponentContext): CronJobController {
  return new CronJobController(ctx);
}
