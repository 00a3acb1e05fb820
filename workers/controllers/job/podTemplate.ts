/**
 * The pods a Job creates (pkg/controller/job/job_controller.go manageJob and
 * indexed_job_utils.go): the template with the `batch.kubernetes.io/job-tracking`
 * finalizer, and for Indexed Jobs the completion index as annotation, label,
 * `JOB_COMPLETION_INDEX` env var, hostname `<job>-<index>` and name prefix
 * `<job>-<index>-`.
 */
import type { Container, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { clone } from '../../api/object';
import { newControllerRef } from '../replicaset/controllerRef';
import { podFromTemplate } from '../replicaset/podFromTemplate';
import type { Pod } from '../replicaset/types';
import { COMPLETION_INDEX } from './indexes';
import type { Job } from './types';

export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
export const INDEX_FAILURE_COUNT = 'batch.kubernetes.io/job-index-failure-count';
const COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';

function addIndexEnv(containers: Container[] | undefined): void {
  for (const c of containers ?? []) {
    if (c.env?.some((e) => e.name === COMPLETION_INDEX_ENV)) continue;
    c.env = [...(c.env ?? []), { name: COMPLETION_INDEX_ENV, valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${COMPLETION_INDEX}']` } } }];
  }
}

/** The template every pod of this sync starts from. */
export function jobPodTemplate(job: Job): PodTemplateSpec {
  const t = clone(job.spec.template);
  if (job.spec.completionMode === 'Indexed' && t.spec) {
    addIndexEnv(t.spec.initContainers);
    addIndexEnv(t.spec.containers);
  }
  const meta = (t.metadata ??= {});
  if (!meta.finalizers?.includes(JOB_TRACKING_FINALIZER)) meta.finalizers = [...(meta.finalizers ?? []), JOB_TRACKING_FINALIZER];
  return t;
}

/** One pod to create; `index` is the completion index of an Indexed Job. */
export function jobPod(job: Job, template: PodTemplateSpec, index: number | undefined, failureCount?: number): Pod {
  let t = template;
  if (index !== undefined) {
    t = clone(template);
    const meta = (t.metadata ??= {});
    meta.annotations = { ...(meta.annotations ?? {}), [COMPLETION_INDEX]: String(index) };
    if (failureCount !== undefined) meta.annotations[INDEX_FAILURE_COUNT] = String(failureCount);
    meta.labels = { ...(meta.labels ?? {}), [COMPLETION_INDEX]: String(index) };
    if (t.spec) t.spec.hostname = `${job.metadata.name}-${index}`;
  }
  const pod = podFromTemplate(t, job, newControllerRef(job, 'batch/v1', 'Job')) as Pod;
  if (index !== undefined) pod.metadata.generateName = podGenerateNameWithIndex(job.metadata.name!, index);
  return pod;
}

/** podGenerateNameWithIndex: `<job>-<index>-`, the job name cut so the whole stays within 63 characters. */
export function podGenerateNameWithIndex(jobName: string, index: number): string {
  const appendIndex = `-${index}-`;
  const maxPrefix = 63 - 5 - appendIndex.length;
  return `${jobName.length > maxPrefix ? jobName.slice(0, maxPrefix) : jobName}${appendIndex}`;
}
