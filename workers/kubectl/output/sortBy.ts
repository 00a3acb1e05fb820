/**
 * --sort-by: order objects (or Table rows carrying their objects) by a
 * JSONPath field. Mirrors staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go
 * for the common cases: numbers numerically, quantities and timestamps by
 * value, strings by text, objects missing the field first.
 */
import { KubectlError } from '../cli/errors';
import type { ServerTable } from './humanTable';

function fieldPath(expr: string): string[] {
  let e = expr.trim();
  if (e.startsWith('{') && e.endsWith('}')) e = e.slice(1, -1);
  if (e.startsWith('.')) e = e.slice(1);
  if (e === '') throw new KubectlError(`error: couldn't parse sort-by field "${expr}"`);
  return e.split('.').flatMap((p) => {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(p);
    if (!m) return [p];
    const idx = [...m[2].matchAll(/\[(\d+)\]/g)].map((x) => x[1]);
    return [m[1], ...idx].filter((x) => x !== '');
  });
}

function valueAt(o: unknown, path: string[]): unknown {
  let cur = o;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur;
}

function compare(a: unknown, b: unknown): number {
  if (a === undefined && b === undefined) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = typeof a === 'string' ? a : JSON.stringify(a);
  const sb = typeof b === 'string' ? b : JSON.stringify(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export function sortObjects<T extends { object: Record<string, unknown> }>(objs: T[], expr: string): T[] {
  const path = fieldPath(expr);
  return objs
    .map((o, i) => ({ o, i, v: valueAt(o.object, path) }))
    .sort((x, y) => compare(x.v, y.v) || x.i - y.i)
    .map((x) => x.o);
}

export function sortTableRows(t: ServerTable, expr: string): ServerTable {
  const path = fieldPath(expr);
  const rows = (t.rows ?? [])
    .map((r, i) => ({ r, i, v: valueAt(r.object, path) }))
    .sort((x, y) => compare(x.v, y.v) || x.i - y.i)
    .map((x) => x.r);
  return { ...t, rows };
}
