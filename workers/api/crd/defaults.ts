/**
 * Schema defaults for a custom resource
 * (apiextensions-apiserver pkg/apiserver/schema/defaulting/algorithm.go):
 * a missing property, or a null one that may not be null, takes a copy of
 * its `default`; then defaulting goes on inside every value.
 */
import { additionalSchema, deepCopy, hasOwn, isMap, type JSONSchemaProps } from './schema';

const nonNullableNull = (v: unknown, s: JSONSchemaProps | undefined) => v === null && !!s && !s.nullable && s.default !== undefined;

export function applyDefaults(x: unknown, s: JSONSchemaProps | undefined): void {
  if (!s) return;
  if (isMap(x)) {
    const props = s.properties ?? {};
    for (const k of Object.keys(props)) {
      const p = props[k];
      if (p.default === undefined) continue;
      if (!hasOwn(x, k) || nonNullableNull(x[k], p)) x[k] = deepCopy(p.default);
    }
    const extra = additionalSchema(s);
    for (const k of Object.keys(x)) {
      if (hasOwn(props, k)) applyDefaults(x[k], props[k]);
      else if (extra) {
        if (nonNullableNull(x[k], extra)) x[k] = deepCopy(extra.default);
        applyDefaults(x[k], extra);
      }
    }
  } else if (Array.isArray(x) && s.items) {
    const items = s.items;
    x.forEach((v, i) => {
      if (nonNullableNull(v, items)) x[i] = deepCopy(items.default);
      applyDefaults(x[i], items);
    });
  }
}
