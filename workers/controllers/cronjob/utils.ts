/**
 * Schedule arithmetic and Job construction of the CronJob controller
 * (pkg/controller/cronjob/utils.go): the most recent unmet schedule time,
 * when to look again, and the Job named `<cronjob>-<minutes since epoch>`.
 */
import type { CronSchedule } from '../../api/kinds/batch/cronSchedule';
import type { KubeObject } from '../../api/object';
import { clone } from '../../api/object';
import { newControllerRef } from '../replicaset/controllerRef';
import type { CronJob, Job } from '../job/types';
import { nextAfter, zoneOffsetMs } from './schedule';

export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
/** nextScheduleDelta: wake a little after the scheduled time. */
export const NEXT_SCHEDULE_DELTA_MS = 100;

export type Missed = 'none' | 'few' | 'many';

export interface MostRecent {
  earliest: number;
  mostRecent?: number;
  missed: Missed;
  error?: string;
}

/** mostRecentScheduleTime: the latest schedule time in (earliest, now], and how many were missed. */
export function mostRecentScheduleTime(cj: CronJob, nowMs: number, schedule: CronSchedule, includeStartingDeadline: boolean): MostRecent {
  let earliest = Date.parse(cj.metadata.creationTimestamp ?? '') || 0;
  if (cj.status?.lastScheduleTime) earliest = Date.parse(cj.status.lastScheduleTime);
  const sds = cj.spec.startingDeadlineSeconds;
  if (includeStartingDeadline && sds !== undefined && sds !== null) earliest = Math.max(earliest, nowMs - sds * 1000);
  const tz = cj.spec.timeZone ?? undefined;
  const t1 = nextAfter(schedule, earliest, tz);
  if (t1 === undefined || nowMs < t1) return { earliest, missed: 'none' };
  const t2 = nextAfter(schedule, t1, tz);
  if (t2 === undefined || nowMs < t2) return { earliest, mostRecent: t1, missed: 'none' };
  const between = Math.round((t2 - t1) / 1000);
  if (between < 1) return { earliest, missed: 'none', error: 'time difference between two schedules is less than 1 second' };
  const elapsed = Math.floor((nowMs - t1) / 1000);
  const missedCount = Math.floor(elapsed / between) + 1;
  let mostRecent: number | undefined;
  const potentialEarliest = t1 + (missedCount - 2) * between * 1000;
  for (let t = nextAfter(schedule, potentialEarliest, tz); t !== undefined && t <= nowMs; t = nextAfter(schedule, t, tz)) mostRecent = t;
  const missed: Missed = missedCount > 100 ? 'many' : missedCount > 0 ? 'few' : 'none';
  return { earliest, mostRecent, missed };
}

/** nextScheduleTimeDuration: ms from now until the sync after the next schedule time. */
export function nextScheduleDuration(cj: CronJob, nowMs: number, schedule: CronSchedule): number | undefined {
  const r = mostRecentScheduleTime(cj, nowMs, schedule, false);
  let from: number;
  if (r.error) from = nowMs;
  else if (r.mostRecent === undefined) from = r.missed === 'none' ? r.earliest : nowMs;
  else from = r.mostRecent;
  const next = nextAfter(schedule, from, cj.spec.timeZone ?? undefined);
  return next === undefined ? undefined : next + NEXT_SCHEDULE_DELTA_MS - nowMs;
}

/** getJobName: `<cronjob>-<scheduled time in minutes since the epoch>`. */
export const jobName = (cj: CronJob, scheduledMs: number) => `${cj.metadata.name}-${Math.floor(scheduledMs / 60_000)}`;

/** time.Time.Format(time.RFC3339) in the CronJob's zone. */
export function rfc3339In(ms: number, zone: string | undefined): string {
  const off = zoneOffsetMs(ms, zone);
  const local = new Date(ms + off).toISOString().replace(/\.\d{3}Z$/, '');
  if (off === 0) return `${local}Z`;
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off) / 60_000;
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** getJobFromTemplate2. */
export function jobFromTemplate(cj: CronJob, scheduledMs: number): Job {
  const tmeta = cj.spec.jobTemplate.metadata ?? {};
  const metadata: KubeObject['metadata'] = {
    name: jobName(cj, scheduledMs),
    namespace: cj.metadata.namespace,
    labels: { ...(tmeta.labels ?? {}) },
    annotations: { ...(tmeta.annotations ?? {}), [SCHEDULED_TIMESTAMP_ANNOTATION]: rfc3339In(scheduledMs, cj.spec.timeZone ?? undefined) },
    ownerReferences: [newControllerRef(cj, 'batch/v1', 'CronJob')],
  };
  return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: clone(cj.spec.jobTemplate.spec!) };
}

/** byJobStartTime: started Jobs first, oldest first, then by name. */
export function byJobStartTime(a: Job, b: Job): number {
  const sa = a.status?.startTime;
  const sb = b.status?.startTime;
  if (!sa && sb) return 1;
  if (sa && !sb) return -1;
  if (sa === sb || (sa && sb && Date.parse(sa) === Date.parse(sb))) return a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0;
  return Date.parse(sa!) - Date.parse(sb!);
}

/** Go's time.RFC1123Z layout, for the MissSchedule event. */
export function rfc1123z(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
