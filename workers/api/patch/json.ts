/** Small helpers for decoded JSON trees. */

export type JsonMap = Record<string, unknown>;

export const isJsonMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

export const hasKey = (m: JsonMap, k: string): boolean => Object.prototype.hasOwnProperty.call(m, k);

/** Assigns without a user-supplied `__proto__` key changing the map's prototype. */
export function putKey(m: JsonMap, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(m, k, { value: v, enumerable: true, writable: true, configurable: true });
  else m[k] = v;
}
