/** Narrowing helpers for plugins that read and edit plain JSON objects. */
export type JsonObject = Record<string, unknown>;

export const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The object at `v`, or an empty one (never shared: callers may not write to it). */
export const asObject = (v: unknown): JsonObject => (isObject(v) ? v : {});

export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export const asString = (v: unknown): string => (typeof v === 'string' ? v : '');

/** `o[key]` as an object, created (and attached) when missing. */
export function ensureObject(o: JsonObject, key: string): JsonObject {
  const v = o[key];
  if (isObject(v)) return v;
  const created: JsonObject = {};
  o[key] = created;
  return created;
}

/** `o[key]` as an array, created (and attached) when missing. */
export function ensureArray(o: JsonObject, key: string): unknown[] {
  const v = o[key];
  if (Array.isArray(v)) return v;
  const created: unknown[] = [];
  o[key] = created;
  return created;
}

/** Objects of `spec.containers` / `spec.initContainers` (skipping garbage entries). */
export function containersOf(spec: JsonObject, key: 'containers' | 'initContainers' | 'ephemeralContainers'): JsonObject[] {
  return asArray(spec[key]).filter(isObject);
}
