/** Typed views of Jobs and CronJobs, as plain KubeObjects. */
import type { KubeObject } from '../../api/object';
import type { CronJobSpec, CronJobStatus, JobCondition, JobSpec, JobStatus } from 'kubernetes-types/batch/v1';

export type JobStatusView = Partial<JobStatus> & { conditions?: JobCondition[] };

export type Job = KubeObject & { spec: JobSpec; status?: JobStatusView };

export type CronJob = KubeObject & { spec: CronJobSpec; status?: Partial<CronJobStatus> };

/** IsJobFinished: a Complete or Failed condition is True. */
export function finishedCondition(job: Job): JobCondition | undefined {
  return job.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}
