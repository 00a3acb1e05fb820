/**
 * Small validators the group folders share, mirroring
 * pkg/apis/core/validation (ValidateNonnegativeField),
 * apimachinery/pkg/api/validation (ValidateImmutableField) and
 * apimachinery/pkg/util/validation (IsValidPercent, RegexError).
 */
import { invalid, required, type FieldError, type Path } from '../../../validation/field';
import { jsonEqual } from '../../../object';
import { goIntOrString, invalidRendered } from './goFormat';

type At = Path | string;

export const FIELD_IMMUTABLE = 'field is immutable';

/** apivalidation.ValidateNonnegativeField */
export function nonNegative(v: unknown, at: At): FieldError[] {
  return typeof v === 'number' && v < 0 ? [invalid(at, v, 'must be greater than or equal to 0')] : [];
}

/** Same, for an optional field (nil pointer is fine). */
export const optNonNegative = nonNegative;

/**
 * apivalidation.ValidateImmutableField. `render` prints the new value the way
 * ErrorBody would (pointers dereferenced); defaults to Go scalars.
 */
export function immutable(next: unknown, old: unknown, at: At, rendered: string): FieldError[] {
  return jsonEqual(next ?? null, old ?? null) ? [] : [invalidRendered(at, rendered, FIELD_IMMUTABLE)];
}

/** Mirrors validation.RegexError: examples each followed by "', " and joined by " or ". */
export function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let s = `${msg} (e.g. `;
  examples.forEach((e, i) => {
    if (i > 0) s += ' or ';
    s += `'${e}', `;
  });
  return `${s}regex used for validation is '${fmt}')`;
}

const PERCENT_FMT = '[0-9]+%';
const PERCENT_RE = /^[0-9]+%$/;

export function isValidPercent(s: string): string[] {
  return PERCENT_RE.test(s)
    ? []
    : [regexError("a valid percent string must be a numeric string followed by an ending '%'", PERCENT_FMT, '1%', '93%')];
}

/** getPercentValue: the number before '%' when `v` is a valid percent string. */
export function percentValue(v: unknown): number | undefined {
  if (typeof v !== 'string' || !PERCENT_RE.test(v)) return undefined;
  return Number.parseInt(v.slice(0, -1), 10);
}

/** getIntOrPercentValue: percent number, or the int, or 0 (IntValue of a non-numeric string). */
export function intOrPercentValue(v: unknown): number {
  const p = percentValue(v);
  if (p !== undefined) return p;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = Number.parseInt(v, 10);
    return Number.isNaN(n) ? 0 : n;
  }
  return 0;
}

/** apps validation ValidatePositiveIntOrPercent. */
export function positiveIntOrPercent(v: unknown, at: At): FieldError[] {
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalidRendered(at, goIntOrString(v), m));
  if (typeof v === 'number') return nonNegative(v, at);
  return [invalidRendered(at, goIntOrString(v), "must be an integer or percentage (e.g '5%%')")];
}

/** apps validation IsNotMoreThan100Percent. */
export function notMoreThan100Percent(v: unknown, at: At): FieldError[] {
  const p = percentValue(v);
  return p === undefined || p <= 100 ? [] : [invalidRendered(at, goIntOrString(v), 'must not be greater than 100%')];
}

/** pathvalidation.IsValidPathSegmentName */
export function pathSegmentNameErrors(name: string): string[] {
  if (name === '.' || name === '..') return [`may not be '${name}'`];
  const out: string[] = [];
  for (const c of ['/', '%']) if (name.includes(c)) out.push(`may not contain '${c}'`);
  return out;
}

/** A required string field: Required when empty or absent. */
export function requiredString(v: unknown, at: At, detail = ''): FieldError[] {
  return typeof v === 'string' && v.length > 0 ? [] : [required(at, detail)];
}
