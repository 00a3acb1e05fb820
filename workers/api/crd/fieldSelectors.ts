/**
 * Field selectors on custom resources: metadata.name, metadata.namespace
 * and the version's `selectableFields` (CustomResourceFieldSelectors, GA in
 * v1.32; apiextensions-apiserver pkg/registry/customresource/strategy.go
 * GetAttrs). A selectable field missing from an object reads as "".
 */
import type { KubeObject } from '../object';
import { parseFieldSelector, type FieldSelectorResult } from '../selectors/fields';
import type { CustomResourceInfo } from './customResourceType';
import { isMap } from './schema';

/** `.spec.color` → `spec.color` */
export function selectableFieldsOf(info: CustomResourceInfo): string[] {
  return (info.version.selectableFields ?? []).map((f) => f.jsonPath.replace(/^\./, ''));
}

export function parseCustomResourceFieldSelector(selector: string, selectable: readonly string[]): FieldSelectorResult {
  const parsed = parseFieldSelector(selector);
  if (!parsed.ok) return parsed;
  for (const t of parsed.selector.terms) {
    if (t.field !== 'metadata.name' && t.field !== 'metadata.namespace' && !selectable.includes(t.field)) {
      return { ok: false, error: `field label not supported: ${t.field}` };
    }
  }
  return parsed;
}

function valueAt(obj: unknown, dotted: string): string {
  let cur: unknown = obj;
  for (const part of dotted.split('.')) {
    if (!isMap(cur)) return '';
    cur = cur[part];
  }
  if (typeof cur === 'string') return cur;
  if (typeof cur === 'number' || typeof cur === 'boolean') return String(cur);
  return '';
}

export function customResourceFields(obj: KubeObject, selectable: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = { 'metadata.name': obj.metadata?.name ?? '', 'metadata.namespace': obj.metadata?.namespace ?? '' };
  for (const f of selectable) fields[f] = valueAt(obj, f);
  return fields;
}
