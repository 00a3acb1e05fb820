/**
 * Go's `fmt` rendering of decoded JSON values (`map[string]interface{}`,
 * `[]interface{}`, string, int64/float64, bool, nil). Strategic-merge-patch
 * errors embed these verbatim, e.g.
 * `map: map[image:nginx] does not contain declared merge key: name`.
 */

import { isJsonMap } from './json';

/** `%v` of a float64: strconv 'g' at shortest precision, which switches to an exponent when exp < -4 || exp >= 6. */
function goFloat(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN';
  const [mantissa, expText] = n.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(n);
}

/**
 * `%v`. JSON integers decode as int64 in the API server (PreserveInts), so
 * integral numbers print bare; other numbers print as float64.
 */
export function goV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? String(v) : goFloat(v);
  if (Array.isArray(v)) return `[${v.map(goV).join(' ')}]`;
  if (isJsonMap(v)) {
    // fmt prints map keys sorted (bytewise for strings).
    const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${keys.map((k) => `${k}:${goV(v[k])}`).join(' ')}]`;
  }
  return String(v);
}

/** The Go type name `reflect.TypeOf` reports for a decoded JSON value. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '%!s(<nil>)';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (Array.isArray(v)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** `%s` of an arbitrary decoded value: strings bare, others as `%!s(type=value)`. */
export function goS(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '%!s(<nil>)';
  return `%!s(${goTypeName(v)}=${goV(v)})`;
}
