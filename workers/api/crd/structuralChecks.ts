/**
 * The checks a custom resource gets besides the OpenAPI validator:
 * uniqueness of `x-kubernetes-list-type: set|map` lists
 * (apiextensions-apiserver pkg/apiserver/schema/listtype/validation.go) and
 * the TypeMeta of `x-kubernetes-embedded-resource` objects
 * (pkg/apiserver/schema/objectmeta/validation.go).
 */
import { goValue, invalid, Path, required, type FieldError } from '../validation/field';
import { additionalSchema, hasOwn, isMap, type JSONSchemaProps } from './schema';

const child = (at: Path | undefined, name: string) => (at ? at.child(name) : Path.root(name));

/** `%#v` of the map of list-map keys to their values, as field.Duplicate prints it. */
function keysValue(keys: Record<string, unknown>): string {
  return `map[string]interface {}{${Object.keys(keys)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${goValue(keys[k])}`)
    .join(', ')}}`;
}

export function validateListSetsAndMaps(s: JSONSchemaProps | undefined, obj: unknown, at?: Path): FieldError[] {
  if (!s) return [];
  const errs: FieldError[] = [];
  if (Array.isArray(obj)) {
    const fld = at ?? Path.root('<nil>');
    if (s['x-kubernetes-list-type'] === 'set') {
      const seen = new Set<string>();
      obj.forEach((item, i) => {
        const k = JSON.stringify(item);
        if (seen.has(k)) errs.push({ type: 'FieldValueDuplicate', field: fld.index(i).toString(), value: goValue(item), detail: '' });
        seen.add(k);
      });
    } else if (s['x-kubernetes-list-type'] === 'map') {
      const keys = s['x-kubernetes-list-map-keys'] ?? [];
      const seen = new Set<string>();
      obj.forEach((item, i) => {
        if (!isMap(item)) return;
        const kv: Record<string, unknown> = {};
        for (const k of keys) if (hasOwn(item, k)) kv[k] = item[k];
        const id = JSON.stringify(keys.map((k) => kv[k] ?? null));
        if (seen.has(id)) errs.push({ type: 'FieldValueDuplicate', field: fld.index(i).toString(), value: keysValue(kv), detail: '' });
        seen.add(id);
      });
    }
    if (s.items) obj.forEach((item, i) => errs.push(...validateListSetsAndMaps(s.items, item, fld.index(i))));
  } else if (isMap(obj)) {
    const props = s.properties ?? {};
    const extra = additionalSchema(s);
    for (const k of Object.keys(obj).sort()) {
      if (hasOwn(props, k)) errs.push(...validateListSetsAndMaps(props[k], obj[k], child(at, k)));
      else if (extra) errs.push(...validateListSetsAndMaps(extra, obj[k], at ? at.key(k) : Path.root(k)));
    }
  }
  return errs;
}

/** Embedded resources must name their apiVersion and kind. The resource root is checked elsewhere. */
export function validateEmbeddedResources(s: JSONSchemaProps | undefined, obj: unknown, at?: Path): FieldError[] {
  if (!s) return [];
  const errs: FieldError[] = [];
  if (isMap(obj)) {
    if (at && s['x-kubernetes-embedded-resource']) {
      if (!hasOwn(obj, 'apiVersion')) errs.push(required(at.child('apiVersion'), 'must not be empty'));
      else if (typeof obj.apiVersion !== 'string') errs.push(invalid(at.child('apiVersion'), obj.apiVersion, 'must be a string'));
      else if (obj.apiVersion === '') errs.push(invalid(at.child('apiVersion'), '', 'must not be empty'));
      if (!hasOwn(obj, 'kind')) errs.push(required(at.child('kind'), 'must not be empty'));
      else if (typeof obj.kind !== 'string') errs.push(invalid(at.child('kind'), obj.kind, 'must be a string'));
      else if (obj.kind === '') errs.push(invalid(at.child('kind'), '', 'must not be empty'));
    }
    const props = s.properties ?? {};
    const extra = additionalSchema(s);
    for (const k of Object.keys(obj).sort()) {
      if (hasOwn(props, k)) errs.push(...validateEmbeddedResources(props[k], obj[k], child(at, k)));
      else if (extra) errs.push(...validateEmbeddedResources(extra, obj[k], at ? at.key(k) : Path.root(k)));
    }
  } else if (Array.isArray(obj) && s.items) {
    const fld = at ?? Path.root('<nil>');
    obj.forEach((item, i) => errs.push(...validateEmbeddedResources(s.items, item, fld.index(i))));
  }
  return errs;
}
