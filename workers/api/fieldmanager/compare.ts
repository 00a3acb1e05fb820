/**
 * Which fields changed between two objects, as structured-merge-diff's
 * typed.Compare: leaves (scalars, atomic lists/maps, empty containers) are
 * added, removed or modified; a granular map or list item that appears or
 * disappears is itself added or removed, which is where managedFields'
 * `"."` entries come from.
 */
import { jsonEqual } from '../object';
import { FieldSet } from './fieldset';
import type { PathElement } from './pathElement';
import { fieldInfo, implicitFieldNames, isAtomicMap, isMap, itemSchema, listItemPE, listSemantics, omittedField, type Schema } from './schemaInfo';

export interface Comparison {
  added: FieldSet;
  modified: FieldSet;
  removed: FieldSet;
}

/**
 * `undefined` stands for an absent value (Go's nil Value); `null` is a
 * present null. Subtrees under members of `ignore` (reset fields) are not
 * walked at all: the result is the same as filtering them out afterwards.
 */
export function compare(lhs: unknown, rhs: unknown, schema: Schema, ignore?: FieldSet): Comparison {
  const c: Comparison = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  node(lhs, rhs, schema, [], c, ignore && !ignore.empty() ? ignore : undefined);
  return c;
}

/** What an update needs of a comparison: added and modified together, and removed. */
export interface Changes {
  changed: FieldSet;
  removed: FieldSet;
}

/**
 * compare, with `added` and `modified` gathered into one set as they are
 * found (the updater only ever uses their union, and a path is never both).
 */
export function changes(lhs: unknown, rhs: unknown, schema: Schema, ignore?: FieldSet): Changes {
  const changed = new FieldSet();
  const removed = new FieldSet();
  node(lhs, rhs, schema, [], { added: changed, modified: changed, removed }, ignore && !ignore.empty() ? ignore : undefined);
  return { changed, removed };
}

/** Off only inside `withoutShortcuts`, for tests holding the shortcuts to the plain walk's answer. */
let shortcuts = true;

/** Runs `f` with the walk's shortcuts off (tests only). */
export function withoutShortcuts<T>(f: () => T): T {
  shortcuts = false;
  try {
    return f();
  } finally {
    shortcuts = true;
  }
}

type Shape = 'list' | 'map' | 'scalar';

function shapeOf(v: unknown, s: Schema): Shape {
  if (Array.isArray(v)) return 'list';
  if (isMap(v)) return 'map';
  if (v === null && s && (s.kind === 'list' || s.kind === 'object' || s.kind === 'map')) return s.kind === 'list' ? 'list' : 'map';
  return 'scalar';
}

function leaf(l: unknown, r: unknown, path: PathElement[], c: Comparison): void {
  if (l === undefined) c.added.insert(path);
  else if (r === undefined) c.removed.insert(path);
  else if (!jsonEqual(l, r)) c.modified.insert(path);
}

const isEmpty = (v: unknown) => v === undefined || v === null || (Array.isArray(v) ? v.length === 0 : isMap(v) && Object.keys(v).length === 0);

/** `path` is a shared stack: pushed before descending, popped after. */
function node(l: unknown, r: unknown, s: Schema, path: PathElement[], c: Comparison, ignore: FieldSet | undefined): void {
  // Stored revisions share unchanged subtrees: the same object cannot differ from itself.
  if (l === r && l !== undefined) return;
  const ls = l === undefined ? undefined : shapeOf(l, s);
  const rs = r === undefined ? undefined : shapeOf(r, s);
  const shape = rs ?? ls!;
  if ((ls && rs && ls !== rs) || shape === 'scalar') {
    leaf(l, r, path, c);
    return;
  }
  if (shape === 'list') {
    if (listSemantics(s).type === 'atomic' || (isEmpty(l) && isEmpty(r))) {
      leaf(l, r, path, c);
      return;
    }
    listItems(Array.isArray(l) ? l : [], Array.isArray(r) ? r : [], s, path, c, ignore);
  } else {
    if (isAtomicMap(s) || (isEmpty(l) && isEmpty(r))) {
      leaf(l, r, path, c);
      return;
    }
    mapItems(isMap(l) ? l : undefined, isMap(r) ? r : undefined, s, path, c, ignore);
  }
  if (l === undefined) c.added.insert(path);
  else if (r === undefined) c.removed.insert(path);
}

function mapItems(
  l: Record<string, unknown> | undefined,
  r: Record<string, unknown> | undefined,
  s: Schema,
  path: PathElement[],
  c: Comparison,
  ignore: FieldSet | undefined,
): void {
  if (l) for (const k in l) if (l[k] !== undefined) mapItem(k, l, r, s, path, c, ignore);
  if (r) for (const k in r) if (r[k] !== undefined && (!l || l[k] === undefined)) mapItem(k, l, r, s, path, c, ignore);
  // With both sides present, a field absent from both gets the same implicit value on each: no change.
  if (l && r && shortcuts) return;
  for (const k of implicitFieldNames(s)) if ((!l || l[k] === undefined) && (!r || r[k] === undefined)) mapItem(k, l, r, s, path, c, ignore);
}

function mapItem(
  k: string,
  l: Record<string, unknown> | undefined,
  r: Record<string, unknown> | undefined,
  s: Schema,
  path: PathElement[],
  c: Comparison,
  ignore: FieldSet | undefined,
): void {
  let lv = l?.[k];
  let rv = r?.[k];
  // Stored revisions share unchanged subtrees; with both sides present, one
  // value is omitted or defaulted alike on both, so it cannot differ from itself.
  if (lv === rv && l && r && shortcuts) return;
  const info = fieldInfo(s, k);
  const pe = info.pe;
  if (ignore?.hasMember(pe)) return;
  if (omittedField(info, lv)) lv = undefined;
  if (omittedField(info, rv)) rv = undefined;
  if (lv === undefined && l) lv = info.implicit;
  if (rv === undefined && r) rv = info.implicit;
  if (lv === undefined && rv === undefined) return;
  // Stored revisions share unchanged subtrees: the same object cannot differ from itself.
  if (lv === rv) return;
  path.push(pe);
  node(lv, rv, info.schema, path, c, ignore?.withPrefixOrUndefined(pe));
  path.pop();
}

/** A list's items by their path element (list-map key or set value), first-seen order kept. */
export function indexListItems(items: unknown[], s: Schema): { order: PathElement[]; byKey: Map<string, unknown[]> } {
  const sem = listSemantics(s);
  const order: PathElement[] = [];
  const byKey = new Map<string, unknown[]>();
  for (const item of items) {
    const pe = listItemPE(sem, item);
    if (pe instanceof Error) continue;
    const seen = byKey.get(pe.key);
    if (seen) seen.push(item);
    else {
      byKey.set(pe.key, [item]);
      order.push(pe);
    }
  }
  return { order, byKey };
}

/**
 * The common case of a list compared with its next revision: the same
 * items by key, in the same order, none duplicated. Items are compared
 * pairwise, as the general walk below would, without indexing either side;
 * false (nothing done) when the lists are not like that.
 */
function sameKeyedItems(l: unknown[], r: unknown[], s: Schema, path: PathElement[], c: Comparison, ignore: FieldSet | undefined): boolean {
  const n = l.length;
  if (n !== r.length || n > MAX_PAIRWISE) return false;
  const sem = listSemantics(s);
  const pes = pairwiseKeys;
  pes.length = 0;
  for (let i = 0; i < n; i++) {
    const pe = listItemPE(sem, l[i]);
    if (pe instanceof Error) return false;
    const rpe = listItemPE(sem, r[i]);
    if (rpe instanceof Error || rpe.key !== pe.key) return false;
    for (let j = 0; j < i; j++) if (pes[j].key === pe.key) return false;
    pes.push(pe);
  }
  // Copied: the walk below re-enters for nested lists.
  const items = pes.slice();
  const itemS = itemSchema(s);
  for (let i = 0; i < n; i++) {
    const pe = items[i];
    if (ignore?.hasMember(pe)) continue;
    path.push(pe);
    node(l[i], r[i], itemS, path, c, ignore?.withPrefixOrUndefined(pe));
    path.pop();
  }
  return true;
}

/** Longer lists are indexed (the duplicate check above is quadratic). */
const MAX_PAIRWISE = 16;
const pairwiseKeys: PathElement[] = [];

function listItems(l: unknown[], r: unknown[], s: Schema, path: PathElement[], c: Comparison, ignore: FieldSet | undefined): void {
  if (shortcuts && sameKeyedItems(l, r, s, path, c, ignore)) return;
  const li = indexListItems(l, s);
  const ri = indexListItems(r, s);
  const all = [...li.order];
  for (const pe of ri.order) if (!li.byKey.has(pe.key)) all.push(pe);
  const itemS = itemSchema(s);
  for (const pe of all) {
    if (ignore?.hasMember(pe)) continue;
    const ll = li.byKey.get(pe.key) ?? [];
    const rl = ri.byKey.get(pe.key) ?? [];
    const sub = ignore?.withPrefixOrUndefined(pe);
    path.push(pe);
    if (ll.length <= 1 && rl.length <= 1) {
      node(ll[0], rl[0], itemS, path, c, sub);
    } else if (ll.length >= 2 && rl.length >= 2) {
      // Duplicates on both sides are compared as one atomic value.
      if (ll.length !== rl.length || ll.some((v, i) => !jsonEqual(v, rl[i]))) c.modified.insert(path);
    } else if (ll.length >= 2) {
      if (rl.length) node(undefined, rl[0], itemS, path, c, sub);
      c.removed.insert(path);
    } else {
      if (ll.length) node(ll[0], undefined, itemS, path, c, sub);
      c.added.insert(path);
    }
    path.pop();
  }
}
