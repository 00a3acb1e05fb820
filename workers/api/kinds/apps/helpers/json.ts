/**
 * Narrowing accessors for the untyped JSON objects the strategy hooks receive.
 * Shared by every group folder under workers/api/kinds.
 */
export type Json = Record<string, unknown>;

export function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The object at `o[k]`, or undefined when absent or not an object. */
export function objAt(o: unknown, k: string): Json | undefined {
  if (!isObj(o)) return undefined;
  const v = o[k];
  return isObj(v) ? v : undefined;
}

/** The object at `o[k]`, created (and stored) when absent. */
export function ensureObj(o: Json, k: string): Json {
  const v = o[k];
  if (isObj(v)) return v;
  const fresh: Json = {};
  o[k] = fresh;
  return fresh;
}

export function arrAt(o: unknown, k: string): unknown[] | undefined {
  if (!isObj(o)) return undefined;
  const v = o[k];
  return Array.isArray(v) ? v : undefined;
}

export function strAt(o: unknown, k: string): string | undefined {
  if (!isObj(o)) return undefined;
  const v = o[k];
  return typeof v === 'string' ? v : undefined;
}

export function numAt(o: unknown, k: string): number | undefined {
  if (!isObj(o)) return undefined;
  const v = o[k];
  return typeof v === 'number' ? v : undefined;
}

export function boolAt(o: unknown, k: string): boolean | undefined {
  if (!isObj(o)) return undefined;
  const v = o[k];
  return typeof v === 'boolean' ? v : undefined;
}

/** Set `o[k] = v` only when the field is absent (null counts as absent, as a nil pointer does). */
export function setDefault(o: Json, k: string, v: unknown): void {
  if (o[k] === undefined || o[k] === null) o[k] = v;
}

/** String map (labels, matchLabels); non-string values are dropped. */
export function stringMap(v: unknown): Record<string, string> | undefined {
  if (!isObj(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}
