import { describe, expect, it } from 'vitest';
import { createErrors, obj, prepareCreate, updateErrors } from '../apps/helpers/testing';
import { cronJobStrategy as s } from './cronJob';
import { parseStandard } from './cronSchedule';

const cron = (spec: Record<string, unknown>, name = 'hello') =>
  obj('batch/v1', 'CronJob', name, {
    spec: { jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } } }, ...spec },
  });

describe('cron schedule parser', () => {
  it.each([
    ['* * * * *', undefined],
    ['*/5 0-6 1,15 jan-mar mon-fri', undefined],
    ['@hourly', undefined],
    ['@every 1h30m', undefined],
    ['x', 'expected exactly 5 fields, found 1: [x]'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['a * * * *', 'failed to parse int from a: strconv.Atoi: parsing "a": invalid syntax'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
    ['@every x', 'failed to parse duration @every x: time: invalid duration "x"'],
    ['', 'empty spec string'],
  ])('%j', (spec, error) => {
    const r = parseStandard(spec);
    if (error === undefined) expect(r.ok).toBe(true);
    else expect(r).toEqual({ ok: false, error });
  });
});

describe('CronJob', () => {
  it('defaults and accepts a valid schedule', () => {
    const o = prepareCreate(s, cron({ schedule: '*/1 * * * *' }));
    expect(o.spec).toMatchObject({ concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1 });
    // A jobTemplate gets pod defaults only, not Job defaults.
    expect((o.spec as { jobTemplate: { spec: Record<string, unknown> } }).jobTemplate.spec.backoffLimit).toBeUndefined();
    expect(createErrors(s, cron({ schedule: '*/1 * * * *' }))).toEqual([]);
  });

  it('reports a bad schedule with the parser error', () => {
    expect(createErrors(s, cron({ schedule: 'x' }))).toEqual(['spec.schedule: Invalid value: "x": expected exactly 5 fields, found 1: [x]']);
    expect(createErrors(s, cron({}))).toEqual(['spec.schedule: Required value']);
  });

  it('refuses TZ in the schedule and unknown time zones', () => {
    expect(createErrors(s, cron({ schedule: 'TZ=UTC * * * * *' }))).toEqual([
      'spec.schedule: Invalid value: "TZ=UTC * * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    ]);
    expect(createErrors(s, cron({ schedule: '* * * * *', timeZone: 'Mars/Olympus' }))).toEqual([
      'spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus',
    ]);
    expect(createErrors(s, cron({ schedule: '* * * * *', timeZone: 'Europe/Paris' }))).toEqual([]);
  });

  it('limits names to 52 characters on create only', () => {
    const name = 'c'.repeat(53);
    expect(createErrors(s, cron({ schedule: '* * * * *' }, name))).toEqual([`metadata.name: Invalid value: "${name}": must be no more than 52 characters`]);
    const old = prepareCreate(s, cron({ schedule: '* * * * *' }, name));
    expect(updateErrors(s, cron({ schedule: '0 * * * *' }, name), old)).toEqual([]);
  });

  it('rejects a selector in the job template', () => {
    const o = cron({ schedule: '* * * * *' });
    ((o.spec as { jobTemplate: { spec: Record<string, unknown> } }).jobTemplate.spec).selector = { matchLabels: { a: 'b' } };
    expect(createErrors(s, o)).toEqual([
      'spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"a":"b"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated',
    ]);
  });
});
