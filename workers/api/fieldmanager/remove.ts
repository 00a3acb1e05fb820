/**
 * structured-merge-diff's typed.RemoveItems: drop the fields, map entries
 * and associative-list items a set names, and extensions of
 * Set.EnsureNamedFieldsAreMembers, which the apply prune step needs.
 */
import { FieldSet } from './fieldset';
import { fieldPE, type PathElement } from './pathElement';
import { childSchema, fieldSchema, isAtomicMap, isMap, isNamedField, itemSchema, listItemPE, listSemantics, type Schema } from './schemaInfo';

/**
 * Returns `value` without the items in `set`; undefined when nothing is left.
 * Where upstream leaves an emptied container as `null` (which the typed
 * round trip then drops) the key is simply left out.
 */
export function removeItems(value: unknown, set: FieldSet, schema: Schema): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    const sem = listSemantics(schema);
    if (sem.type === 'atomic') return undefined;
    const out: unknown[] = [];
    for (const item of value) {
      const pe = listItemPE(sem, item);
      if (pe instanceof Error) {
        out.push(item);
        continue;
      }
      if (set.hasMember(pe)) continue;
      const sub = set.withPrefix(pe);
      const kept = sub.empty() ? item : removeItems(item, sub, itemSchema(schema));
      if (kept !== undefined) out.push(kept);
    }
    return out.length ? out : undefined;
  }
  if (isMap(value)) {
    if (Object.keys(value).length === 0 || isAtomicMap(schema)) return undefined;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const pe = fieldPE(k);
      if (set.hasMember(pe)) continue;
      const sub = set.withPrefix(pe);
      const kept = sub.empty() ? v : removeItems(v, sub, fieldSchema(schema, k));
      if (kept !== undefined) out[k] = kept;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return value;
}

/**
 * Set.EnsureNamedFieldsAreMembers: a struct field that only has children in
 * the set (`spec` above `spec.replicas`) also becomes a member, so removing
 * the set removes the struct field when nothing else keeps it. Map entries
 * and list items are left as they are.
 */
export function ensureNamedFieldsAreMembers(set: FieldSet, schema: Schema): FieldSet {
  const members: PathElement[] = [];
  const children: [PathElement, FieldSet][] = [];
  for (const e of set.entries()) {
    if (e.member) members.push(e.pe);
    if (e.child) {
      if (!e.member && e.pe.t === 'f' && isNamedField(schema, e.pe.name)) members.push(e.pe);
      children.push([e.pe, ensureNamedFieldsAreMembers(e.child, childSchema(schema, e.pe))]);
    }
  }
  return FieldSet.build(members, children);
}
