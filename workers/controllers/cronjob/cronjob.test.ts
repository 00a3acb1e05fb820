import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../api/object';
import { parseStandard } from '../../api/kinds/batch/cronSchedule';
import type { Cluster } from '../../cluster';
import type { CronJob, Job } from '../job/types';
import { create, events, get, list, ok, patch, settle, tryGet, workloadCluster } from '../statefulset/testing';
import { startCronJobController } from './controller';
import { nextAfter } from './schedule';
import { mostRecentScheduleTime, rfc3339In } from './utils';

function hello(spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', namespace: 'default' },
    spec: {
      schedule: '*/5 * * * *',
      jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'hello', image: 'busybox:1.28' }] } } } },
      ...spec,
    },
  };
}

const T0 = Date.UTC(2025, 0, 1);
const minutes = (ms: number) => Math.floor(ms / 60_000);
const jobNames = (c: Cluster) => list<Job>(c, 'batch', 'jobs').map((j) => j.metadata.name).sort();

/** Act as the Job controller: mark a Job Complete (or Failed). */
function finishJob(c: Cluster, name: string, type: 'Complete' | 'Failed' = 'Complete'): void {
  const j = get<Job>(c, 'batch', 'jobs', name);
  const ts = c.clock.timestamp();
  const status = {
    ...(j.status ?? {}),
    startTime: j.status?.startTime ?? ts,
    conditions: [{ type, status: 'True', lastProbeTime: ts, lastTransitionTime: ts }],
    ...(type === 'Complete' ? { completionTime: ts, succeeded: 1 } : { failed: 1 }),
  };
  ok(c.as('test-job-controller')({ verb: 'update', group: 'batch', version: 'v1', resource: 'jobs', namespace: 'default', name, subresource: 'status', body: { ...j, status } }));
}

/** Advance virtual time to `at` (ms since epoch). */
const runTo = (c: Cluster, at: number) => settle(c, Math.max(0, at - c.clock.now()));

describe('CronJob controller', () => {
  it('creates a Job named after the scheduled minute, at that virtual minute', async () => {
    const { c } = await workloadCluster(startCronJobController);
    create(c, 'cronjobs', hello());
    runTo(c, T0 + 4 * 60_000 + 59_000);
    expect(jobNames(c)).toEqual([]);
    runTo(c, T0 + 5 * 60_000 + 1000);
    const name = `hello-${minutes(T0 + 5 * 60_000)}`;
    expect(jobNames(c)).toEqual([name]);
    const job = get<Job>(c, 'batch', 'jobs', name);
    expect(Date.parse(job.metadata.creationTimestamp!)).toBeGreaterThanOrEqual(T0 + 5 * 60_000);
    expect(Date.parse(job.metadata.creationTimestamp!)).toBeLessThan(T0 + 5 * 60_000 + 1000);
    expect(job.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe('2025-01-01T00:05:00Z');
    expect(job.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'CronJob', name: 'hello', controller: true });
    const cj = get<CronJob>(c, 'batch', 'cronjobs', 'hello');
    expect(cj.status?.lastScheduleTime).toBe('2025-01-01T00:05:00Z');
    expect(cj.status?.active).toEqual([{ kind: 'Job', namespace: 'default', name, uid: job.metadata.uid, apiVersion: 'batch/v1', resourceVersion: expect.any(String) }]);
    expect(events(c, 'hello').map((e) => `${e.reason} ${e.message}`)).toContain(`SuccessfulCreate Created job ${name}`);
    expect(events(c, 'hello')[0].source.component).toBe('cronjob-controller');

    // Allow: the next run starts although the first is still active.
    runTo(c, T0 + 10 * 60_000 + 1000);
    expect(jobNames(c)).toHaveLength(2);
  });

  it('with Forbid, skips a run while the previous Job is active', async () => {
    const { c } = await workloadCluster(startCronJobController);
    create(c, 'cronjobs', hello({ concurrencyPolicy: 'Forbid' }));
    runTo(c, T0 + 5 * 60_000 + 1000);
    const first = `hello-${minutes(T0 + 5 * 60_000)}`;
    expect(jobNames(c)).toEqual([first]);
    runTo(c, T0 + 10 * 60_000 + 1000);
    expect(jobNames(c)).toEqual([first]);
    expect(events(c, 'hello').some((e) => e.reason === 'JobAlreadyActive' && e.message === 'Not starting job because prior execution is running and concurrency policy is Forbid')).toBe(true);

    finishJob(c, first);
    settle(c);
    // The skipped 00:10 run is still unmet (no startingDeadlineSeconds), so it starts late, now.
    const late = `hello-${minutes(T0 + 10 * 60_000)}`;
    let cj = get<CronJob>(c, 'batch', 'cronjobs', 'hello');
    expect(cj.status?.active?.map((a) => a.name)).toEqual([late]);
    expect(events(c, 'hello').some((e) => e.reason === 'SawCompletedJob' && e.message === `Saw completed job: ${first}, condition: Complete`)).toBe(true);
    expect(cj.status?.lastSuccessfulTime).toBeDefined();
    runTo(c, T0 + 15 * 60_000 + 1000);
    expect(jobNames(c)).toEqual([first, late]);
    finishJob(c, late, 'Failed');
    settle(c);
    // 00:15 was skipped while `late` ran; it starts as soon as `late` is done.
    expect(jobNames(c)).toEqual([first, late, `hello-${minutes(T0 + 15 * 60_000)}`]);
    cj = get<CronJob>(c, 'batch', 'cronjobs', 'hello');
    expect(cj.status?.active).toHaveLength(1);
  });

  it('with Replace, deletes the running Job before starting the next', async () => {
    const { c } = await workloadCluster(startCronJobController);
    create(c, 'cronjobs', hello({ concurrencyPolicy: 'Replace' }));
    runTo(c, T0 + 5 * 60_000 + 1000);
    runTo(c, T0 + 10 * 60_000 + 1000);
    const first = `hello-${minutes(T0 + 5 * 60_000)}`;
    const gone = tryGet<Job>(c, 'batch', 'jobs', first);
    expect(gone === undefined || !!gone.metadata.deletionTimestamp).toBe(true);
    expect(events(c, 'hello').some((e) => e.reason === 'SuccessfulDelete' && e.message === `Deleted job ${first}`)).toBe(true);
    expect(get<CronJob>(c, 'batch', 'cronjobs', 'hello').status?.active?.map((a) => a.name)).toEqual([`hello-${minutes(T0 + 10 * 60_000)}`]);
  });

  it('does nothing while suspended, and keeps only the history limit of finished Jobs', async () => {
    const { c } = await workloadCluster(startCronJobController);
    create(c, 'cronjobs', hello({ suspend: true, successfulJobsHistoryLimit: 1 }));
    runTo(c, T0 + 11 * 60_000);
    expect(jobNames(c)).toEqual([]);
    patch(c, 'batch', 'cronjobs', 'hello', { spec: { suspend: false, startingDeadlineSeconds: 30 } });
    settle(c);
    // 00:10 is older than the starting deadline: it is not run late.
    expect(jobNames(c)).toEqual([]);
    runTo(c, T0 + 15 * 60_000 + 1000);
    const a = `hello-${minutes(T0 + 15 * 60_000)}`;
    finishJob(c, a);
    runTo(c, T0 + 20 * 60_000 + 1000);
    const b = `hello-${minutes(T0 + 20 * 60_000)}`;
    finishJob(c, b);
    settle(c);
    expect(jobNames(c)).toEqual([b]);
  });
});

describe('cron schedules', () => {
  const sched = (s: string) => {
    const r = parseStandard(s);
    if (!r.ok) throw new Error(r.error);
    return r.schedule;
  };
  it('finds the next firing after a time', () => {
    expect(nextAfter(sched('*/5 * * * *'), T0)).toBe(T0 + 5 * 60_000);
    expect(nextAfter(sched('0 * * * *'), T0 + 1)).toBe(T0 + 3600_000);
    expect(nextAfter(sched('@daily'), T0)).toBe(T0 + 86_400_000);
    // 2025-01-01 is a Wednesday; the next Monday 09:30 is Jan 6.
    expect(nextAfter(sched('30 9 * * 1'), T0)).toBe(Date.UTC(2025, 0, 6, 9, 30));
    expect(nextAfter(sched('0 0 29 2 *'), T0)).toBe(Date.UTC(2028, 1, 29));
    expect(nextAfter(sched('0 0 31 2 *'), T0)).toBeUndefined();
    expect(nextAfter(sched('@every 90s'), T0 + 500)).toBe(T0 + 90_000);
  });
  it('fires at wall-clock times in a time zone', () => {
    // 09:00 in New York (UTC-5 in January) is 14:00 UTC.
    expect(nextAfter(sched('0 9 * * *'), T0, 'America/New_York')).toBe(Date.UTC(2025, 0, 1, 14));
    expect(rfc3339In(Date.UTC(2025, 0, 1, 14), 'America/New_York')).toBe('2025-01-01T09:00:00-05:00');
    // Across the spring-forward change on 9 March 2025 (UTC-4 afterwards).
    expect(nextAfter(sched('0 9 * * *'), Date.UTC(2025, 2, 8, 15), 'America/New_York')).toBe(Date.UTC(2025, 2, 9, 13));
  });
  it('counts missed schedules', () => {
    const cj = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'x', creationTimestamp: '2025-01-01T00:00:00Z' }, spec: { schedule: '* * * * *', jobTemplate: {} } } as unknown as CronJob;
    expect(mostRecentScheduleTime(cj, T0 + 30_000, sched('* * * * *'), true).mostRecent).toBeUndefined();
    expect(mostRecentScheduleTime(cj, T0 + 3 * 60_000 + 5, sched('* * * * *'), true)).toMatchObject({ missed: 'few', mostRecent: T0 + 3 * 60_000 });
    expect(mostRecentScheduleTime(cj, T0 + 200 * 60_000, sched('* * * * *'), true).missed).toBe('many');
  });
});
