/**
 * When a cron schedule fires next, as github.com/robfig/cron/v3 spec.go
 * SpecSchedule.Next does: fields matched in the schedule's time zone, day of
 * month and day of week OR-ed unless either is `*`, nothing found within
 * five years means never. Schedules come from the API's own parser
 * (workers/api/kinds/batch/cronSchedule.ts).
 */
import { parseStandard, type CronSchedule } from '../../api/kinds/batch/cronSchedule';

interface LocalFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  dow: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const DOW: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** Wall-clock fields of an instant in a zone (UTC when none). */
export function localFields(ms: number, zone: string | undefined): LocalFields {
  if (!zone || zone === 'UTC' || zone === 'Local') {
    const d = new Date(ms);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), dow: d.getUTCDay() };
  }
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', weekday: 'short' });
    formatters.set(zone, f);
  }
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(ms))) out[p.type] = p.value;
  return { year: Number(out.year), month: Number(out.month), day: Number(out.day), hour: Number(out.hour) % 24, minute: Number(out.minute), dow: DOW[out.weekday] ?? 0 };
}

/** The zone's offset from UTC at an instant, in ms (for RFC 3339 text). */
export function zoneOffsetMs(ms: number, zone: string | undefined): number {
  const l = localFields(Math.floor(ms / 60_000) * 60_000, zone);
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute) - Math.floor(ms / 60_000) * 60_000;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

type Spec = Extract<CronSchedule, { kind: 'spec' }>;

function dayMatches(s: Spec, f: LocalFields): boolean {
  const dom = s.dom.values.has(f.day);
  const dow = s.dow.values.has(f.dow);
  return s.dom.star || s.dow.star ? dom && dow : dom || dow;
}

/** SpecSchedule.Next / ConstantDelaySchedule.Next: the first firing strictly after `afterMs`, or undefined. */
export function nextAfter(schedule: CronSchedule, afterMs: number, zone?: string): number | undefined {
  const tz = schedule.location ?? zone;
  if (schedule.kind === 'every') {
    const delay = Math.max(1, Math.floor(schedule.seconds)) * 1000;
    return Math.floor(afterMs / 1000) * 1000 + delay;
  }
  // Seconds are always 0 in the standard format: start at the next whole minute.
  let t = Math.floor(afterMs / 60_000) * 60_000 + 60_000;
  const yearLimit = localFields(t, tz).year + 5;
  for (let guard = 0; guard < 500_000; guard++) {
    const f = localFields(t, tz);
    if (f.year > yearLimit) return undefined;
    if (!schedule.month.values.has(f.month)) {
      t += ((daysInMonth(f.year, f.month) - f.day) * 1440 + (1440 - f.hour * 60 - f.minute)) * 60_000;
      t = toMidnight(t, tz);
      continue;
    }
    if (!dayMatches(schedule, f)) {
      t = toMidnight(t + (1440 - f.hour * 60 - f.minute) * 60_000, tz);
      continue;
    }
    if (!schedule.hour.values.has(f.hour)) {
      t += (60 - f.minute) * 60_000;
      continue;
    }
    if (!schedule.minute.values.has(f.minute)) {
      t += 60_000;
      continue;
    }
    return t;
  }
  return undefined;
}

/** After a day-sized jump, undo a DST shift so the search resumes at local midnight (as robfig does). */
function toMidnight(t: number, tz: string | undefined): number {
  const f = localFields(t, tz);
  if (f.hour === 0 && f.minute === 0) return t;
  const back = f.hour > 12 ? (24 - f.hour) * 60 - f.minute : -(f.hour * 60 + f.minute);
  return t + back * 60_000;
}

/** Parse the schedule the CronJob controller runs (formatSchedule adds `TZ=<timeZone>`). */
export function parseCronJobSchedule(schedule: string, timeZone: string | undefined): { ok: true; schedule: CronSchedule } | { ok: false; error: string } {
  return parseStandard(timeZone ? `TZ=${timeZone} ${schedule}` : schedule);
}
