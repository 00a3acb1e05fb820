/**
 * The TTL-after-finished controller (pkg/controller/ttlafterfinished):
 * a finished Job with `ttlSecondsAfterFinished` is deleted, with Foreground
 * propagation, that many seconds after its Complete or Failed condition.
 */
import { keyOf, type Informer } from '../../client/informer';
import { WorkQueue, type SyncResult } from '../../client/workqueue';
import type { ApiCall, ComponentContext } from '../context';
import { apiError, isNotFound } from '../replicaset/apiError';
import { finishedCondition, type Job } from './types';

export const TTL_AFTER_FINISHED_CONTROLLER = 'ttl-after-finished-controller';
const JOBS = { group: 'batch', version: 'v1', resource: 'jobs' } as const;
const CONTROLLER_MANAGER_FOR_TTL = 'kube-controller-manager';

const needsCleanup = (job: Job) => job.spec.ttlSecondsAfterFinished !== undefined && job.spec.ttlSecondsAfterFinished !== null && !!finishedCondition(job);

/** timeLeft: ms until the Job expires, or undefined when it has no TTL or is not finished. */
export function timeLeft(job: Job, nowMs: number): number | undefined {
  if (!needsCleanup(job)) return undefined;
  const finishedAt = Date.parse(finishedCondition(job)!.lastTransitionTime ?? '');
  if (Number.isNaN(finishedAt)) return undefined;
  return finishedAt + job.spec.ttlSecondsAfterFinished! * 1000 - nowMs;
}

export class TTLAfterFinishedController {
  private readonly queue: WorkQueue;
  private readonly jobs: Informer<Job>;
  private readonly api: ApiCall;

  constructor(private readonly ctx: ComponentContext) {
    this.api = ctx.client(CONTROLLER_MANAGER_FOR_TTL);
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), { component: TTL_AFTER_FINISHED_CONTROLLER });
    this.jobs = ctx.informers.for<Job>(JOBS);
    const enqueue = (j: Job) => {
      if (!j.metadata.deletionTimestamp && needsCleanup(j)) this.queue.add(keyOf(j));
    };
    this.jobs.addEventHandler({ add: enqueue, update: (_o, j) => enqueue(j) });
  }

  private sync(key: string): SyncResult {
    const job = this.jobs.getByKey(key);
    if (!job || job.metadata.deletionTimestamp) return;
    const left = timeLeft(job, this.ctx.clock.now());
    if (left === undefined) return;
    if (left > 0) return { requeueAfter: left };
    // The cache may be stale (TTL shortened, Job restarted): check the live object before deleting.
    const fresh = this.api({ ...JOBS, verb: 'get', namespace: job.metadata.namespace, name: job.metadata.name });
    const getErr = apiError(fresh);
    if (getErr) return isNotFound(getErr) ? undefined : { error: getErr.message };
    const live = fresh.body as Job;
    const liveLeft = timeLeft(live, this.ctx.clock.now());
    if (liveLeft === undefined) return;
    if (liveLeft > 0) return { requeueAfter: liveLeft };
    const err = apiError(
      this.api({
        ...JOBS,
        verb: 'delete',
        namespace: live.metadata.namespace,
        name: live.metadata.name,
        body: { apiVersion: 'v1', kind: 'DeleteOptions', propagationPolicy: 'Foreground', preconditions: { uid: live.metadata.uid, resourceVersion: live.metadata.resourceVersion } },
      }),
    );
    if (err && !isNotFound(err)) return { error: err.message };
    return undefined;
  }
}

/** Build the TTL-after-finished controller on a cluster's components. */
export function startTTLAfterFinishedController(ctx: ComponentContext): TTLAfterFinishedController {
  return new TTLAfterFinishedController(ctx);
}
