/**
 * CronJob: SetDefaults_CronJob, ValidateCronJobCreate / ValidateCronJobUpdate
 * (pkg/apis/batch/validation) and pkg/registry/batch/cronjob/strategy.go.
 */
import { invalid, notSupported, path, required, type FieldError, type Path } from '../../validation/field';
import type { KubeObject } from '../../object';
import type { ResourceType } from '../types';
import { nonNegative } from '../apps/helpers/checks';
import { goLabelSelector, goScalar, invalidRendered, notSupportedRendered } from '../apps/helpers/goFormat';
import { ensureObj, isObj, objAt, setDefault, type Json } from '../apps/helpers/json';
import { isKnownTimeZone, parseStandard } from './cronSchedule';
import { defaultJobTemplateSpec, validateJobSpec } from './jobSpec';

const CONCURRENCY = ['Allow', 'Forbid', 'Replace'];
// Job names get an 11-character "-<minutes>" suffix and must stay within 63.
const MAX_CRONJOB_NAME = 52;

export function defaultCronJob(obj: KubeObject): void {
  const spec = ensureObj(obj, 'spec');
  setDefault(spec, 'concurrencyPolicy', 'Allow');
  setDefault(spec, 'suspend', false);
  setDefault(spec, 'successfulJobsHistoryLimit', 3);
  setDefault(spec, 'failedJobsHistoryLimit', 1);
  defaultJobTemplateSpec(ensureObj(ensureObj(spec, 'jobTemplate'), 'spec'));
}

function validateSchedule(schedule: string, allowTZ: boolean, timeZone: unknown, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const parsed = parseStandard(schedule);
  if (!parsed.ok) errs.push(invalid(at, schedule, parsed.error));
  const hasTZ = schedule.includes('TZ');
  if (allowTZ && hasTZ && timeZone !== undefined && timeZone !== null) {
    errs.push(invalid(at, schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
  } else if (!allowTZ && hasTZ) {
    errs.push(invalid(at, schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  return errs;
}

const TZ_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** validateTimeZone: IANA-looking names the runtime knows; never "Local". */
export function validateTimeZone(tz: unknown, at: Path): FieldError[] {
  if (tz === undefined || tz === null) return [];
  const s = String(tz);
  if (s.length === 0) return [invalid(at, s, 'timeZone must be nil or non-empty string')];
  for (const part of s.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !TZ_PART.test(part)) return [invalid(at, s, `unknown time zone ${s}`)];
  }
  const errs: FieldError[] = [];
  if (s.toLowerCase() === 'local') errs.push(invalid(at, s, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'));
  if (!isKnownTimeZone(s)) errs.push(invalid(at, s, `unknown time zone ${s}`));
  return errs;
}

function validateCronJobSpec(spec: Json, oldSpec: Json | undefined, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const schedule = typeof spec.schedule === 'string' ? spec.schedule : '';
  if (!schedule) errs.push(required(at.child('schedule'), ''));
  else {
    const allowTZ = typeof oldSpec?.schedule === 'string' && oldSpec.schedule.includes('TZ');
    errs.push(...validateSchedule(schedule, allowTZ, spec.timeZone, at.child('schedule')));
  }
  errs.push(...nonNegative(spec.startingDeadlineSeconds, at.child('startingDeadlineSeconds')));
  if (!oldSpec || oldSpec.timeZone !== spec.timeZone) errs.push(...validateTimeZone(spec.timeZone, at.child('timeZone')));
  const cp = spec.concurrencyPolicy;
  if (!cp) errs.push(required(at.child('concurrencyPolicy'), ''));
  else if (!CONCURRENCY.includes(cp as string)) errs.push(notSupported(at.child('concurrencyPolicy'), cp, CONCURRENCY));

  const jtAt = at.child('jobTemplate');
  const jobSpec = objAt(objAt(spec, 'jobTemplate'), 'spec') ?? {};
  errs.push(...validateJobSpec(jobSpec, jtAt.child('spec')));
  if (isObj(jobSpec.selector)) errs.push(invalidRendered(jtAt.child('spec', 'selector'), goLabelSelector(jobSpec.selector), '`selector` will be auto-generated'));
  if (jobSpec.manualSelector === true) errs.push(notSupportedRendered(jtAt.child('spec', 'manualSelector'), goScalar(true), ['nil', 'false']));

  errs.push(...nonNegative(spec.successfulJobsHistoryLimit, at.child('successfulJobsHistoryLimit')));
  errs.push(...nonNegative(spec.failedJobsHistoryLimit, at.child('failedJobsHistoryLimit')));
  return errs;
}

export const cronJobStrategy: Partial<ResourceType> = {
  defaults: (obj) => defaultCronJob(obj),
  prepareForCreate(obj) {
    obj.status = {};
  },
  prepareForUpdate(obj, old) {
    obj.status = old.status;
  },
  validate(obj) {
    const errs = validateCronJobSpec(objAt(obj, 'spec') ?? {}, undefined, path('spec'));
    const name = obj.metadata.name ?? '';
    if (name.length > MAX_CRONJOB_NAME) errs.push(invalid(path('metadata', 'name'), name, `must be no more than ${MAX_CRONJOB_NAME} characters`));
    return errs;
  },
  // The 52-character name limit is not applied on update, so older CronJobs stay editable.
  validateUpdate: (obj, old) => validateCronJobSpec(objAt(obj, 'spec') ?? {}, objAt(old, 'spec') ?? {}, path('spec')),
};
