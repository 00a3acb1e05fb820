/**
 * Small validators the group folders share, mirroring
 * pkg/apis/core/validation (ValidateNonnegativeField),
 * apimachinery/pkg/api/validation (ValidateImmutableField) and
 * apimachinery/pkg/util/validation (IsValidPercent, RegexError).
 */
import { invalid, required, type FieldError, type Path } from '../../../validation/field';
import { jsonEqual } from '../../../object';
import { goIntOrString, invalidRendered } from './goFormat';
import { isValidPercent } from '../../../validation/formats';

type At = Path | string;

export { FIELD_IMMUTABLE } from '../../../validation/objectMeta';
import { FIELD_IMMUTABLE } from '../../../validation/objectMeta';

/** apivalidation.ValidateNonnegativeField */
export function nonNegative(v: unknown, at: At): FieldError[] {
  return typeof v === 'number' && v < 0 ? [invalid(at, v, 'must be greater than or equal to 0')] : [];
}

/**
 * apivalidation.ValidateImmutableField. `rendered` is the new value as
 * ErrorBody prints it (pointers dereferenced), see ./goFormat.
 */
export function immutable(next: unknown, old: unknown, at: At, rendered: string): FieldError[] {
  return jsonEqual(next ?? null, old ?? null) ? [] : [invalidRendered(at, rendered, FIELD_IMMUTABLE)];
}

const PERCENT_RE = /^[0-9]+%$/;

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
