/**
 * Cron schedule parsing as github.com/robfig/cron/v3 ParseStandard does it
 * (5 fields, descriptors such as @daily and "@every <duration>", optional
 * TZ=/CRON_TZ= prefix), with its error texts, because the API server puts
 * them verbatim into `spec.schedule: Invalid value: "...": <error>`.
 * Mirrors robfig/cron/v3 parser.go.
 */

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = {
  min: 1,
  max: 12,
  names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 },
};
const DOW: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };

/** The set of allowed values for each field; `star` marks a field written as * or ?. */
export interface CronField {
  values: Set<number>;
  star: boolean;
}

export type CronSchedule =
  | { kind: 'spec'; location?: string; minute: CronField; hour: CronField; dom: CronField; month: CronField; dow: CronField }
  | { kind: 'every'; seconds: number; location?: string };

export type ParseResult = { ok: true; schedule: CronSchedule } | { ok: false; error: string };

class CronError extends Error {}

/** Go strconv.Atoi followed by cron's negativity check. */
function mustParseInt(expr: string): number {
  if (!/^[+-]?[0-9]+$/.test(expr)) throw new CronError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`);
  const n = Number(expr);
  if (!Number.isSafeInteger(n) || Math.abs(n) > 2 ** 63 - 1) {
    throw new CronError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: value out of range`);
  }
  if (n < 0) throw new CronError(`negative number (${n}) not allowed: ${expr}`);
  return n;
}

function parseIntOrName(expr: string, names?: Record<string, number>): number {
  if (names) {
    const v = names[expr.toLowerCase()];
    if (v !== undefined) return v;
  }
  return mustParseInt(expr);
}

function getRange(expr: string, r: Bounds, out: CronField): void {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min;
    end = r.max;
    star = true;
  } else {
    start = parseIntOrName(lowAndHigh[0], r.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], r.names);
    else throw new CronError(`too many hyphens: ${expr}`);
  }
  let step: number;
  if (rangeAndStep.length === 1) step = 1;
  else if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]);
    // "N/step" means "N-max/step".
    if (singleDigit) end = r.max;
    if (step > 1) star = false;
  } else throw new CronError(`too many slashes: ${expr}`);

  if (start < r.min) throw new CronError(`beginning of range (${start}) below minimum (${r.min}): ${expr}`);
  if (end > r.max) throw new CronError(`end of range (${end}) above maximum (${r.max}): ${expr}`);
  if (start > end) throw new CronError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronError(`step of range should be a positive number: ${expr}`);
  for (let i = start; i <= end; i += step) out.values.add(i);
  if (star) out.star = true;
}

function getField(field: string, r: Bounds): CronField {
  const out: CronField = { values: new Set(), star: false };
  for (const expr of field.split(',').filter((x) => x !== '')) getRange(expr, r, out);
  return out;
}

/** Go time.ParseDuration, enough for "@every": units ns us µs ms s m h, decimals, sign. */
export function parseGoDuration(s: string): number | undefined {
  let sign = 1;
  if (s[0] === '-' || s[0] === '+') {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return undefined;
  const units: Record<string, number> = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, 'μs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };
  let total = 0;
  const re = /^([0-9]*(?:\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)/;
  while (s.length) {
    const m = re.exec(s);
    if (!m || m[1] === '' || m[1] === '.') return undefined;
    total += Number(m[1]) * units[m[2]];
    s = s.slice(m[0].length);
  }
  return sign * total;
}

function parseDescriptor(d: string): CronSchedule {
  const all = (b: Bounds): CronField => ({ values: new Set(Array.from({ length: b.max - b.min + 1 }, (_, i) => b.min + i)), star: true });
  const one = (v: number): CronField => ({ values: new Set([v]), star: false });
  switch (d) {
    case '@yearly':
    case '@annually':
      return { kind: 'spec', minute: one(0), hour: one(0), dom: one(1), month: one(1), dow: all(DOW) };
    case '@monthly':
      return { kind: 'spec', minute: one(0), hour: one(0), dom: one(1), month: all(MONTHS), dow: all(DOW) };
    case '@weekly':
      return { kind: 'spec', minute: one(0), hour: one(0), dom: all(DOM), month: all(MONTHS), dow: one(0) };
    case '@daily':
    case '@midnight':
      return { kind: 'spec', minute: one(0), hour: one(0), dom: all(DOM), month: all(MONTHS), dow: all(DOW) };
    case '@hourly':
      return { kind: 'spec', minute: one(0), hour: all(HOURS), dom: all(DOM), month: all(MONTHS), dow: all(DOW) };
  }
  const every = '@every ';
  if (d.startsWith(every)) {
    const text = d.slice(every.length);
    const secs = parseGoDuration(text);
    if (secs === undefined) throw new CronError(`failed to parse duration ${d}: time: invalid duration ${JSON.stringify(text)}`);
    return { kind: 'every', seconds: secs };
  }
  throw new CronError(`unrecognized descriptor: ${d}`);
}

/** Whether the runtime knows an IANA time zone name (Go's time.LoadLocation). */
export function isKnownTimeZone(tz: string): boolean {
  if (tz === '' || tz === 'UTC' || tz === 'Local') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function parseStandard(spec: string): ParseResult {
  try {
    if (spec.length === 0) throw new CronError('empty spec string');
    let location: string | undefined;
    if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
      const i = spec.indexOf(' ');
      const eq = spec.indexOf('=');
      const name = i < 0 ? spec.slice(eq + 1) : spec.slice(eq + 1, i);
      if (i < 0 || !isKnownTimeZone(name)) throw new CronError(`provided bad location ${name}: unknown time zone ${name}`);
      location = name;
      spec = spec.slice(i).trim();
    }
    if (spec.startsWith('@')) return { ok: true, schedule: { ...parseDescriptor(spec), location } };
    const fields = spec.split(/\s+/).filter((f) => f !== '');
    if (fields.length !== 5) throw new CronError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
    const schedule: CronSchedule = {
      kind: 'spec',
      location,
      minute: getField(fields[0], MINUTES),
      hour: getField(fields[1], HOURS),
      dom: getField(fields[2], DOM),
      month: getField(fields[3], MONTHS),
      dow: getField(fields[4], DOW),
    };
    return { ok: true, schedule };
  } catch (e) {
    if (e instanceof CronError) return { ok: false, error: e.message };
    throw e;
  }
}
