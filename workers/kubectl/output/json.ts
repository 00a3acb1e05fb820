/**
 * `-o json` as kubectl prints it: Go's json.MarshalIndent with four spaces
 * over a generic map, so object keys come out sorted and `<`, `>`, `&` are
 * escaped as \u003c, \u003e, \u0026 (encoding/json's HTML-safe default).
 */

import { jsonString as quote } from '../../jsonpath';

/** strconv.FormatFloat(f, 'f' or 'e', -1, 64) as encoding/json picks it. */
function number(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
    const [m, e] = n.toExponential().split('e');
    const exp = Number(e);
    return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(n);
}

function write(v: unknown, indent: string, out: string[]): void {
  if (v === null || v === undefined) {
    out.push('null');
    return;
  }
  if (typeof v === 'string') {
    out.push(quote(v));
    return;
  }
  if (typeof v === 'number') {
    out.push(number(v));
    return;
  }
  if (typeof v === 'boolean') {
    out.push(String(v));
    return;
  }
  const inner = `${indent}    `;
  if (Array.isArray(v)) {
    if (v.length === 0) {
      out.push('[]');
      return;
    }
    out.push('[\n');
    v.forEach((x, i) => {
      out.push(inner);
      write(x, inner, out);
      out.push(i < v.length - 1 ? ',\n' : '\n');
    });
    out.push(`${indent}]`);
    return;
  }
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (keys.length === 0) {
    out.push('{}');
    return;
  }
  out.push('{\n');
  keys.forEach((k, i) => {
    out.push(`${inner}${quote(k)}: `);
    write(obj[k], inner, out);
    out.push(i < keys.length - 1 ? ',\n' : '\n');
  });
  out.push(`${indent}}`);
}

/** The text kubectl prints for one object, with its final newline. */
export function toKubectlJson(v: unknown): string {
  const out: string[] = [];
  write(v, '', out);
  return `${out.join('')}\n`;
}

/** Go's json.Encoder output for a generic map: compact, keys sorted, HTML-safe escapes, final newline. */
export function toGoCompactJson(v: unknown): string {
  const w = (x: unknown): string => {
    if (x === null || x === undefined) return 'null';
    if (typeof x === 'string') return quote(x);
    if (typeof x === 'number') return number(x);
    if (typeof x === 'boolean') return String(x);
    if (Array.isArray(x)) return `[${x.map(w).join(',')}]`;
    const o = x as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${keys.map((k) => `${quote(k)}:${w(o[k])}`).join(',')}}`;
  };
  return `${w(v)}\n`;
}
