/**
 * The fields an object sets, as structured-merge-diff's typed.ToFieldSet:
 * every scalar, every atomic list or map as a single leaf, every map entry
 * that is not a declared struct field, every associative-list item, and
 * empty or null struct fields.
 */
import { FieldSet } from './fieldset';
import { fieldPE, type PathElement } from './pathElement';
import { fieldSchema, isAtomicMap, isMap, isNamedField, itemSchema, listItemPE, listSemantics, type Schema } from './schemaInfo';

export function toFieldSet(value: unknown, schema: Schema): FieldSet {
  const set = new FieldSet();
  walk(value, schema, [], set);
  return set;
}

/** `path` is a shared stack: pushed before descending, popped after. */
function walk(v: unknown, s: Schema, path: PathElement[], set: FieldSet): void {
  if (Array.isArray(v) || (v === null && s?.kind === 'list')) {
    const sem = listSemantics(s);
    if (sem.type === 'atomic') {
      set.insert(path);
      return;
    }
    if (!Array.isArray(v)) return;
    const items: { pe: PathElement; item: unknown }[] = [];
    const seen = new Set<string>();
    const dup = new Set<string>();
    for (const item of v) {
      const pe = listItemPE(sem, item);
      if (pe instanceof Error) continue;
      if (seen.has(pe.key)) {
        // Duplicated items are owned as a whole, never field by field.
        if (!dup.has(pe.key)) {
          path.push(pe);
          set.insert(path);
          path.pop();
        }
        dup.add(pe.key);
      } else seen.add(pe.key);
      items.push({ pe, item });
    }
    const itemS = itemSchema(s);
    for (const { pe, item } of items) {
      if (dup.has(pe.key)) continue;
      path.push(pe);
      walk(item, itemS, path, set);
      set.insert(path);
      path.pop();
    }
    return;
  }
  if (isMap(v) || (v === null && s && (s.kind === 'object' || s.kind === 'map'))) {
    if (isAtomicMap(s)) {
      set.insert(path);
      return;
    }
    if (!isMap(v)) return;
    for (const k in v) {
      const val = v[k];
      if (val === undefined) continue;
      path.push(fieldPE(k));
      walk(val, fieldSchema(s, k), path, set);
      if (val === null || (isMap(val) && Object.keys(val).length === 0) || !isNamedField(s, k)) set.insert(path);
      path.pop();
    }
    return;
  }
  set.insert(path);
}
