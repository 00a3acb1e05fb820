/**
 * The FieldsV1 of the first Update entry an object gets (a create, or any
 * write to an object nobody manages yet), computed in one walk.
 *
 * With no previous owners, upstream's chain (managedFieldsUpdater over
 * Updater.Update, then stripMetaManager) reduces to: the fields
 * typed.Compare(live, next) reports added or modified, minus the reset
 * fields, minus the metadata nobody owns. This is compare.ts's walk with
 * its three FieldSets replaced by JSON built bottom-up as the walk returns,
 * so no sets are built, diffed or sorted twice. Kept byte-identical to the
 * general path by firstOwner.test.ts.
 */
import { jsonEqual } from '../object';
import { forgetShared, LEAF, markShared, type FieldSet } from './fieldset';
import { comparePE, fieldPE, type PathElement } from './pathElement';
import { fieldInfo, implicitFieldNames, isAtomicMap, isMap, itemSchema, listSemantics, omittedField, type Schema } from './schemaInfo';
import { indexListItems } from './compare';

/** Paths never owned (stripMetaManager), as a tree of FieldsV1 keys. */
interface Strip {
  own: boolean;
  kids?: Map<string, Strip>;
}

const stripTrees = new WeakMap<readonly (readonly string[])[], Map<string, Strip>>();

function stripTree(paths: readonly (readonly string[])[]): Map<string, Strip> {
  let root = stripTrees.get(paths);
  if (root) return root;
  root = new Map();
  for (const p of paths) {
    let level = root;
    let at: Strip | undefined;
    for (const name of p) {
      const key = fieldPE(name).key;
      at = level.get(key);
      if (!at) level.set(key, (at = { own: false }));
      level = at.kids ??= new Map();
    }
    if (at) at.own = true;
  }
  stripTrees.set(paths, root);
  return root;
}

/**
 * FieldsV1 of what `next` sets beyond `live`, ignoring the subtrees under
 * `ignore` (reset fields, managedFields) and never owning `strip` (the
 * stripMetaManager paths); undefined when nothing is owned.
 */
export function firstOwnerFieldsV1(live: unknown, next: unknown, schema: Schema, ignore: FieldSet | undefined, strip: readonly (readonly string[])[]): Record<string, unknown> | undefined {
  // The root is the whole object, which nobody owns.
  return visit(live, next, schema, ignore && !ignore.empty() ? ignore : undefined, stripTree(strip), false)?.json;
}

/**
 * Emitted subtrees, interned: pods of one template own the same fields, so
 * their FieldsV1 objects share everything but the few keys that differ (a
 * token volume's name), and so do the FieldSets decoded from them later.
 * Stored objects are immutable, which makes the sharing safe. Bounded: the
 * table starts over when full.
 */
interface Built {
  json: Record<string, unknown>;
  id: number;
  /** The signature: self flag, then each key's number and its subtree's id. */
  sig: number[];
  /** In the table (false for levels that hold a key never seen before, like a token volume's random name). */
  shared: boolean;
}

interface Entry {
  pe: PathElement;
  sub: Built | undefined;
}

// Signatures are hashed to numbers (and compared in full on a hit), so a
// lookup builds no strings.
const interned = new Map<number, Built[]>();
let internedCount = 0;
/** FieldsV1 key → small number. */
const keyIds = new Map<string, number>();
const MAX_INTERNED = 20_000;
const MAX_KEYS = 50_000;
// Never reused, even across clears: a subtree built just before a clear may still be named by its parent.
let nextId = 1;

/**
 * Keys met once so far, with a stand-in number (negative, never in a
 * table). A key becomes a number in keyIds the second time it is met, so
 * one-off keys (a token volume's random name) never fill the tables.
 */
const seenOnce = new Map<string, number>();
const MAX_SEEN_ONCE = 4096;
let standIn = -1;

/** A key's number; `fresh` is set when the key is new to keyIds. */
let fresh = false;

function keyId(key: string): number {
  const id = keyIds.get(key);
  if (id !== undefined) return id;
  fresh = true;
  if (seenOnce.delete(key)) {
    const n = keyIds.size;
    keyIds.set(key, n);
    return n;
  }
  if (seenOnce.size >= MAX_SEEN_ONCE) seenOnce.clear();
  const t = standIn--;
  seenOnce.set(key, t);
  return t;
}

function hash(codes: readonly number[]): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < codes.length; i++) h = Math.imul(h ^ codes[i], 16777619);
  return h;
}

function sameCodes(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Levels with a few entries are sorted as they come; bigger ones in the
 * order remembered for their keys as the walk met them (objects of one
 * template list their fields in one order, so each order is sorted once).
 */
const SORT_DIRECTLY = 4;
const orders = new Map<number, { keys: number[]; order: number[] }[]>();

function sorted(entries: Entry[], keys: number[], known: boolean): { entries: Entry[]; keys: number[] } {
  const n = entries.length;
  let order: number[] | undefined;
  if (n > SORT_DIRECTLY && known) {
    const h = hash(keys);
    const bucket = orders.get(h);
    order = bucket?.find((o) => sameCodes(o.keys, keys))?.order;
    if (!order) {
      order = byPathElement(entries);
      if (bucket) bucket.push({ keys, order });
      else orders.set(h, [{ keys, order }]);
    }
  } else if (n > 1) order = byPathElement(entries);
  if (!order) return { entries, keys };
  return { entries: order.map((i) => entries[i]), keys: order.map((i) => keys[i]) };
}

const byPathElement = (entries: Entry[]): number[] => entries.map((_, i) => i).sort((a, b) => comparePE(entries[a].pe, entries[b].pe));

/**
 * The last level emitted with each key sequence. A new level with the same
 * keys (the `f:spec` of the next pod, which differs only in its volumes)
 * starts as a copy of it, which V8 makes at once, and changes only the
 * values that differ.
 */
const lastByKeys = new Map<number, Built[]>();
const keyCodes: number[] = [];

/** Whether `sig` (self flag, then key and subtree id pairs) has the self flag and keys of `keys`. */
function sameKeys(sig: readonly number[], keys: readonly number[]): boolean {
  if (sig.length !== 2 * keys.length - 1 || sig[0] !== keys[0]) return false;
  for (let i = 1; i < keys.length; i++) if (sig[2 * i - 1] !== keys[i]) return false;
  return true;
}

/** The JSON of a new level; with known keys, it becomes the model for the next level with them. */
function emit(entries: Entry[], sig: number[], id: number, shared: boolean, known: boolean): Built {
  let json: Record<string, unknown> | undefined;
  let similar: Built[] | undefined;
  let at = -1;
  if (known) {
    keyCodes.length = 0;
    keyCodes.push(sig[0]);
    for (let i = 1; i < sig.length; i += 2) keyCodes.push(sig[i]);
    const kh = hash(keyCodes);
    similar = lastByKeys.get(kh);
    if (!similar) lastByKeys.set(kh, (similar = []));
    at = similar.findIndex((b) => sameKeys(b.sig, keyCodes));
    if (at >= 0) {
      const like = similar[at];
      json = { ...like.json };
      for (let i = 0; i < entries.length; i++) {
        const { pe, sub } = entries[i];
        if ((sub ? sub.id : 0) !== like.sig[2 + 2 * i]) json[pe.key] = sub ? sub.json : LEAF;
      }
    }
  }
  if (!json) {
    json = {};
    if (sig[0]) json['.'] = LEAF;
    for (const { pe, sub } of entries) json[pe.key] = sub ? sub.json : LEAF;
  }
  const b: Built = { json, id, sig, shared };
  if (similar) {
    if (at >= 0) similar[at] = b;
    else similar.push(b);
  }
  return b;
}

/** Empties the tables (when full; tests call it too). */
export function startOver(): void {
  interned.clear();
  lastByKeys.clear();
  internedCount = 0;
  keyIds.clear();
  seenOnce.clear();
  orders.clear();
  forgetShared();
}

/** Set.ToJSON of one level: `"."` first when the path itself is owned, then keys in path-element order. */
function build(unsorted: Entry[], self: boolean): Built {
  if (internedCount >= MAX_INTERNED || keyIds.size >= MAX_KEYS) startOver();
  fresh = false;
  const ids = unsorted.map((e) => keyId(e.pe.key));
  const known = !fresh;
  const { entries, keys } = sorted(unsorted, ids, known);
  const sig = [self ? 1 : 0];
  // A level with a key met for the first time, or holding such a level, is most likely never met
  // again: it is neither looked up nor kept.
  let unique = !known;
  for (let i = 0; i < entries.length; i++) {
    const sub = entries[i].sub;
    sig.push(keys[i], sub ? sub.id : 0);
    if (sub && !sub.shared) unique = true;
  }
  const h = unique ? 0 : hash(sig);
  const bucket = unique ? undefined : interned.get(h);
  if (bucket) for (const b of bucket) if (sameCodes(b.sig, sig)) return b;
  const b = emit(entries, sig, nextId++, !unique, known);
  if (unique) return b;
  if (bucket) bucket.push(b);
  else interned.set(h, [b]);
  internedCount++;
  markShared(b.json);
  return b;
}

// From here on, compare.ts's walk, owning what it would call added or modified.

/**
 * Set by visit() as it returns: whether the path it visited is owned
 * itself (a leaf that was added or changed, or a container that appeared).
 */
let owned = false;

type Shape = 'list' | 'map' | 'scalar';

function shapeOf(v: unknown, s: Schema): Shape {
  if (Array.isArray(v)) return 'list';
  if (isMap(v)) return 'map';
  if (v === null && s && (s.kind === 'list' || s.kind === 'object' || s.kind === 'map')) return s.kind === 'list' ? 'list' : 'map';
  return 'scalar';
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (!isMap(v)) return false;
  for (const _ in v) return false;
  return true;
}

/** The owned subtree below this path (undefined when none); `owned` tells whether the path itself is. */
function visit(l: unknown, r: unknown, s: Schema, ignore: FieldSet | undefined, strip: Map<string, Strip> | undefined, ownable: boolean): Built | undefined {
  const ls = l === undefined ? undefined : shapeOf(l, s);
  const rs = r === undefined ? undefined : shapeOf(r, s);
  const shape = rs ?? ls!;
  let entries: Entry[] | undefined;
  if ((ls && rs && ls !== rs) || shape === 'scalar') {
    owned = ownable && (l === undefined || (r !== undefined && !jsonEqual(l, r)));
    return undefined;
  }
  if (shape === 'list') {
    if (listSemantics(s).type === 'atomic' || (isEmpty(l) && isEmpty(r))) {
      owned = ownable && (l === undefined || (r !== undefined && !jsonEqual(l, r)));
      return undefined;
    }
    entries = listItems(Array.isArray(l) ? l : NONE, Array.isArray(r) ? r : NONE, s, ignore, strip);
  } else {
    if (isAtomicMap(s) || (isEmpty(l) && isEmpty(r))) {
      owned = ownable && (l === undefined || (r !== undefined && !jsonEqual(l, r)));
      return undefined;
    }
    entries = mapItems(isMap(l) ? l : undefined, isMap(r) ? r : undefined, s, ignore, strip);
  }
  owned = ownable && l === undefined;
  return entries ? build(entries, owned) : undefined;
}

const NONE: unknown[] = [];

/** Visits one child; adds it to `entries` when it or something beneath it is owned. */
function add(entries: Entry[] | undefined, pe: PathElement, l: unknown, r: unknown, s: Schema, ignore: FieldSet | undefined, strip: Map<string, Strip> | undefined): Entry[] | undefined {
  // The same value cannot differ from itself.
  if (l === r) return entries;
  const st = strip?.get(pe.key);
  const sub = visit(l, r, s, ignore?.withPrefixOrUndefined(pe), st?.kids, !st?.own);
  if (!owned && !sub) return entries;
  (entries ??= []).push({ pe, sub });
  return entries;
}

function mapItems(l: Record<string, unknown> | undefined, r: Record<string, unknown> | undefined, s: Schema, ignore: FieldSet | undefined, strip: Map<string, Strip> | undefined): Entry[] | undefined {
  let entries: Entry[] | undefined;
  if (l) for (const k in l) if (l[k] !== undefined) entries = mapItem(entries, k, l, r, s, ignore, strip);
  if (r) for (const k in r) if (r[k] !== undefined && (!l || l[k] === undefined)) entries = mapItem(entries, k, l, r, s, ignore, strip);
  for (const k of implicitFieldNames(s)) if ((!l || l[k] === undefined) && (!r || r[k] === undefined)) entries = mapItem(entries, k, l, r, s, ignore, strip);
  return entries;
}

function mapItem(
  entries: Entry[] | undefined,
  k: string,
  l: Record<string, unknown> | undefined,
  r: Record<string, unknown> | undefined,
  s: Schema,
  ignore: FieldSet | undefined,
  strip: Map<string, Strip> | undefined,
): Entry[] | undefined {
  const info = fieldInfo(s, k);
  if (ignore?.hasMember(info.pe)) return entries;
  let lv = l?.[k];
  let rv = r?.[k];
  if (omittedField(info, lv)) lv = undefined;
  if (omittedField(info, rv)) rv = undefined;
  if (lv === undefined && l) lv = info.implicit;
  if (rv === undefined && r) rv = info.implicit;
  if (lv === undefined && rv === undefined) return entries;
  return add(entries, info.pe, lv, rv, info.schema, ignore, strip);
}

interface Indexed {
  order: PathElement[];
  byKey: Map<string, unknown[]>;
}

const NO_INDEX: Indexed = { order: [], byKey: new Map() };

function listItems(l: unknown[], r: unknown[], s: Schema, ignore: FieldSet | undefined, strip: Map<string, Strip> | undefined): Entry[] | undefined {
  const li = l.length ? indexListItems(l, s) : NO_INDEX;
  const ri = indexListItems(r, s);
  let all = ri.order;
  if (li.order.length) {
    all = [...li.order];
    for (const pe of ri.order) if (!li.byKey.has(pe.key)) all.push(pe);
  }
  const itemS = itemSchema(s);
  let entries: Entry[] | undefined;
  for (const pe of all) {
    if (ignore?.hasMember(pe)) continue;
    const ll = li.byKey.get(pe.key) ?? NONE;
    const rl = ri.byKey.get(pe.key) ?? NONE;
    if (ll.length <= 1 && rl.length <= 1) {
      entries = add(entries, pe, ll[0], rl[0], itemS, ignore, strip);
      continue;
    }
    // Duplicated items are owned as a whole when they appear or change, never field by field.
    if (ll.length >= 2 && rl.length >= 2) {
      if (ll.length !== rl.length || ll.some((v, i) => !jsonEqual(v, rl[i]))) entries = own(entries, pe, strip);
    } else if (ll.length >= 2) {
      if (rl.length) entries = add(entries, pe, undefined, rl[0], itemS, ignore, strip);
    } else entries = own(entries, pe, strip);
  }
  return entries;
}

/** A path owned as a leaf. */
function own(entries: Entry[] | undefined, pe: PathElement, strip: Map<string, Strip> | undefined): Entry[] | undefined {
  if (strip?.get(pe.key)?.own) return entries;
  (entries ??= []).push({ pe, sub: undefined });
  return entries;
}
