/**
 * Dropping what a custom resource's schema does not declare, as the CR
 * decoder does (apiextensions-apiserver pkg/apiserver/customresource_handler.go
 * unstructuredSchemaCoercer.apply): unknown ObjectMeta fields, then
 * structural pruning (pkg/apiserver/schema/pruning/algorithm.go) which
 * keeps apiVersion/kind/metadata at the root and in embedded resources, then
 * nulls of non-nullable fields without defaults
 * (pkg/apiserver/schema/defaulting/prunenulls.go). The paths it returns are
 * what `fieldValidation` Warn/Strict report as `unknown field "<path>"`.
 */
import { additionalSchema, hasOwn, isMap, type JSONSchemaProps } from './schema';

const META_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/** The JSON fields of metav1.ObjectMeta. */
const OBJECT_META_FIELDS = new Set([
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
  'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields',
]);

/** Prune `obj` in place; returns the unknown field paths (metadata first, then the rest sorted). */
export function pruneCustomResource(obj: Record<string, unknown>, schema: JSONSchemaProps | undefined): string[] {
  const metaUnknown: string[] = [];
  if (isMap(obj.metadata)) {
    for (const k of Object.keys(obj.metadata)) {
      if (OBJECT_META_FIELDS.has(k)) continue;
      metaUnknown.push(`metadata.${k}`);
      delete obj.metadata[k];
    }
  }
  const unknown: string[] = [];
  const root: JSONSchemaProps = { ...(schema ?? {}), 'x-kubernetes-embedded-resource': true };
  prune(obj, root, '', unknown);
  if (schema) pruneNulls(obj, schema);
  return [...metaUnknown, ...unknown.sort()];
}

const appendKey = (parent: string, k: string) => (parent ? `${parent}.${k}` : k);

function prune(x: unknown, s: JSONSchemaProps | undefined, at: string, unknown: string[]): void {
  if (s?.['x-kubernetes-preserve-unknown-fields']) return skipPrune(x, s, at, unknown);
  if (isMap(x)) {
    if (!s) {
      for (const k of Object.keys(x)) {
        unknown.push(appendKey(at, k));
        delete x[k];
      }
      return;
    }
    const props = s.properties ?? {};
    const extra = additionalSchema(s);
    for (const k of Object.keys(x)) {
      if (s['x-kubernetes-embedded-resource'] && META_FIELDS.has(k)) continue;
      if (hasOwn(props, k)) prune(x[k], props[k], appendKey(at, k), unknown);
      else if (extra || s.additionalProperties === true) prune(x[k], extra, appendKey(at, k), unknown);
      else {
        if (!META_FIELDS.has(k) || at !== '') unknown.push(appendKey(at, k));
        delete x[k];
      }
    }
  } else if (Array.isArray(x)) {
    x.forEach((v, i) => prune(v, s?.items, `${at}[${i}]`, unknown));
  }
}

function skipPrune(x: unknown, s: JSONSchemaProps, at: string, unknown: string[]): void {
  if (isMap(x)) {
    const props = s.properties ?? {};
    const extra = additionalSchema(s);
    for (const k of Object.keys(x)) {
      if (s['x-kubernetes-embedded-resource'] && META_FIELDS.has(k)) continue;
      if (hasOwn(props, k)) prune(x[k], props[k], appendKey(at, k), unknown);
      else if (extra) prune(x[k], extra, appendKey(at, k), unknown);
    }
  } else if (Array.isArray(x) && s.items) {
    const items = s.items;
    x.forEach((v, i) => skipPrune(v, items, `${at}[${i}]`, unknown));
  }
}

function pruneNulls(x: unknown, s: JSONSchemaProps): void {
  if (isMap(x)) {
    const props = s.properties ?? {};
    const extra = additionalSchema(s);
    for (const k of Object.keys(x)) {
      const ps = hasOwn(props, k) ? props[k] : extra;
      if (!ps) continue;
      if (x[k] === null && !ps.nullable && ps.default === undefined) delete x[k];
      else pruneNulls(x[k], ps);
    }
  } else if (Array.isArray(x) && s.items) {
    for (const v of x) pruneNulls(v, s.items);
  }
}
