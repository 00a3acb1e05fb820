/** `kubectl get jobs`. Mirrors printers.go printJob (v1.32 adds the STATUS column). */
import type { Job, JobCondition } from 'kubernetes-types/batch/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, containersColumn, imagesColumn, nameColumn } from './columns';
import { DOC } from './descriptions';
import { humanDuration, parseTimestamp, translateTimestampSince } from './duration';
import { formatLabelSelector, layoutContainerCells } from './format';
import type { Printer } from './types';

/** printers.go hasJobCondition: the first condition of the type decides. */
function hasJobCondition(conditions: JobCondition[] | undefined, type: string): boolean {
  const c = (conditions ?? []).find((x) => x.type === type);
  return c?.status === 'True';
}

function jobStatus(job: Job): string {
  const conds = job.status?.conditions;
  if (hasJobCondition(conds, 'Complete')) return 'Complete';
  if (hasJobCondition(conds, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (hasJobCondition(conds, 'Suspended')) return 'Suspended';
  if (hasJobCondition(conds, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function completions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  const want = job.spec?.completions;
  if (want !== undefined && want !== null) return `${succeeded}/${want}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(job: Job, nowMs: number): string {
  const start = parseTimestamp(job.status?.startTime);
  if (start === undefined) return '';
  const end = parseTimestamp(job.status?.completionTime);
  return humanDuration((end ?? nowMs) - start);
}

export const jobPrinter: Printer = {
  columns: [
    nameColumn,
    col('Status', 'string', 'Status of the job.'),
    col('Completions', 'string', DOC['JobStatus.succeeded']),
    col('Duration', 'string', 'Time required to complete the job.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    col('Selector', 'string', DOC['JobSpec.selector'], true),
  ],
  row(obj: KubeObject, nowMs: number) {
    const job = obj as unknown as Job;
    const [names, images] = layoutContainerCells(job.spec?.template?.spec?.containers);
    return [
      obj.metadata.name,
      jobStatus(job),
      completions(job),
      jobDuration(job, nowMs),
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
      names,
      images,
      formatLabelSelector(job.spec?.selector),
    ];
  },
};
