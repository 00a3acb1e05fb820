/**
 * Renders bad values the way apimachinery's field.Error.ErrorBody does: it
 * dereferences pointers (a nil one prints as the string "null"), prints
 * numbers and bools bare, quotes strings, and falls back to Go's `%#v` for
 * everything else. IntOrString and LabelSelector are values (their String
 * methods have pointer receivers), so they print as `%#v` structs.
 * Mirrors staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go.
 */
import type { FieldError } from '../../../validation/field';
import { isObj, stringMap } from './json';

/** Go `%q` of a string (JSON quoting is the same for printable text). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/** What a nil pointer renders as in a field error. */
export const GO_NULL = '"null"';

export function goStringMap(m: unknown): string {
  const sm = stringMap(m);
  if (!sm) return 'map[string]string(nil)';
  const keys = Object.keys(sm).sort();
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(sm[k])}`).join(', ')}}`;
}

export function goStringSlice(v: unknown): string {
  if (!Array.isArray(v)) return '[]string(nil)';
  return `[]string{${v.map((x) => goQuote(String(x))).join(', ')}}`;
}

/** `intstr.IntOrString{Type:1, IntVal:0, StrVal:"25%"}` */
export function goIntOrString(v: unknown): string {
  if (typeof v === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(v)}}`;
  const n = typeof v === 'number' ? v : 0;
  return `intstr.IntOrString{Type:0, IntVal:${n}, StrVal:""}`;
}

/** `v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}` */
export function goLabelSelector(sel: unknown): string {
  if (!isObj(sel)) return GO_NULL;
  const exprs = sel.matchExpressions;
  let me = '[]v1.LabelSelectorRequirement(nil)';
  if (Array.isArray(exprs)) {
    const items = exprs.map((e) => {
      const r = isObj(e) ? e : {};
      const key = typeof r.key === 'string' ? r.key : '';
      const op = typeof r.operator === 'string' ? r.operator : '';
      return `v1.LabelSelectorRequirement{Key:${goQuote(key)}, Operator:${goQuote(op)}, Values:${goStringSlice(r.values)}}`;
    });
    me = `[]v1.LabelSelectorRequirement{${items.join(', ')}}`;
  }
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${me}}`;
}

/** A number, bool or string pointer's value as ErrorBody prints it (nil → "null"). */
export function goScalar(v: unknown): string {
  if (v === undefined || v === null) return GO_NULL;
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return goAny(v);
}

const upperFirst = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/**
 * Best-effort `%#v` of a whole API struct (e.g. a PodTemplateSpec). Exact
 * output would need every zero-valued field of the Go type and pointer
 * addresses, so this prints the fields that are set, Go-style.
 */
export function goStruct(typeName: string, v: unknown): string {
  if (!isObj(v)) return GO_NULL;
  const parts = Object.entries(v)
    .filter(([, x]) => x !== undefined)
    .map(([k, x]) => `${upperFirst(k)}:${goAny(x)}`);
  return `${typeName}{${parts.join(', ')}}`;
}

function goAny(v: unknown): string {
  if (v === undefined || v === null) return 'nil';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    if (v.every((x) => typeof x === 'string')) return goStringSlice(v);
    return `[]interface {}{${v.map(goAny).join(', ')}}`;
  }
  const o = v as Record<string, unknown>;
  if (Object.values(o).every((x) => typeof x === 'string')) return goStringMap(o);
  return `{${Object.entries(o)
    .map(([k, x]) => `${upperFirst(k)}:${goAny(x)}`)
    .join(', ')}}`;
}

/** field.Invalid with a value this module already rendered. */
export function invalidRendered(at: { toString(): string } | string, rendered: string, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field: at.toString(), value: rendered, detail };
}

/** field.NotSupported with a value this module already rendered. */
export function notSupportedRendered(at: { toString(): string } | string, rendered: string, valid: readonly string[]): FieldError {
  return {
    type: 'FieldValueNotSupported',
    field: at.toString(),
    value: rendered,
    detail: valid.length ? `supported values: ${valid.map((v) => goQuote(v)).join(', ')}` : '',
  };
}
