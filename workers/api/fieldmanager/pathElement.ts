/**
 * One step of a field path, as structured-merge-diff's fieldpath.PathElement:
 * a struct/map field, the key of an associative-list item, the value of a
 * set item, or (never produced here, only parsed) a list index.
 */
import { compareStrings, goJson, goJsonString, valueToString } from './goText';

/** A list-map key: (field, value) pairs sorted by field name. */
export type KeyFields = ReadonlyArray<readonly [string, unknown]>;

export type PathElement =
  | { readonly t: 'f'; readonly name: string; readonly key: string }
  | { readonly t: 'k'; readonly keys: KeyFields; readonly key: string }
  | { readonly t: 'v'; readonly value: unknown; readonly key: string }
  | { readonly t: 'i'; readonly index: number; readonly key: string };

export type Path = readonly PathElement[];

// Field elements repeat endlessly (every object has `metadata`), so they are
// interned; the cap only guards against unbounded user-chosen map keys.
const FIELDS = new Map<string, PathElement>();
const FIELD_CACHE_MAX = 50_000;

export function fieldPE(name: string): PathElement {
  let pe = FIELDS.get(name);
  if (!pe) {
    pe = { t: 'f', name, key: `f:${name}` };
    if (FIELDS.size < FIELD_CACHE_MAX) FIELDS.set(name, pe);
  }
  return pe;
}

// List items are keyed again on every write that walks their list (conditions
// by type, containers by name); keys of primitive values are interned too.
const KEYS = new Map<string, Map<unknown, PathElement>>();
const KEY_CACHE_MAX = 50_000;
let keyCacheSize = 0;

const isPrimitive = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

export function keyPE(fields: Iterable<readonly [string, unknown]>): PathElement {
  const keys = Array.isArray(fields) ? (fields as (readonly [string, unknown])[]) : [...fields];
  if (keys.length === 1 && isPrimitive(keys[0][1])) return singleKeyPE(keys[0][0], keys[0][1]);
  return buildKeyPE(keys);
}

/** keyPE([[name, value]]) for a primitive value, without building the pair first. */
export function singleKeyPE(name: string, value: unknown): PathElement {
  let byValue = KEYS.get(name);
  let pe = byValue?.get(value);
  if (!pe) {
    pe = buildKeyPE([[name, value]]);
    if (keyCacheSize < KEY_CACHE_MAX && isPrimitive(value)) {
      if (!byValue) KEYS.set(name, (byValue = new Map()));
      byValue.set(value, pe);
      keyCacheSize++;
    }
  }
  return pe;
}

function buildKeyPE(keys: (readonly [string, unknown])[]): PathElement {
  if (keys.length === 1) return { t: 'k', keys, key: `k:{${goJsonString(keys[0][0])}:${goJson(keys[0][1])}}` };
  keys.sort((a, b) => compareStrings(a[0], b[0]));
  // Key fields stay in their sorted order, unlike a Go map.
  return { t: 'k', keys, key: `k:{${keys.map(([k, v]) => `${goJsonString(k)}:${goJson(v)}`).join(',')}}` };
}

export const valuePE = (value: unknown): PathElement => ({ t: 'v', value, key: `v:${goJson(value)}` });

export const indexPE = (index: number): PathElement => ({ t: 'i', index, key: `i:${index}` });

/** Path from field names: `path('spec', 'replicas')`. */
export const fieldPath = (...names: string[]): Path => names.map(fieldPE);

const isNum = (v: unknown): v is number => typeof v === 'number';
const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** value.Compare: numbers < strings < booleans < lists < maps < null. */
export function compareValues(a: unknown, b: unknown): number {
  if (isNum(a) || isNum(b)) {
    if (isNum(a) && isNum(b)) return a < b ? -1 : a > b ? 1 : 0;
    return isNum(a) ? -1 : 1;
  }
  if (typeof a === 'string' || typeof b === 'string') {
    if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
    return typeof a === 'string' ? -1 : 1;
  }
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
    return typeof a === 'boolean' ? -1 : 1;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a)) return 1;
    if (!Array.isArray(b)) return -1;
    for (let i = 0; ; i++) {
      if (i >= a.length && i >= b.length) return 0;
      if (i >= a.length) return -1;
      if (i >= b.length) return 1;
      const c = compareValues(a[i], b[i]);
      if (c !== 0) return c;
    }
  }
  if (isMap(a) || isMap(b)) {
    if (!isMap(a)) return 1;
    if (!isMap(b)) return -1;
    const ak = Object.keys(a).sort(compareStrings);
    const bk = Object.keys(b).sort(compareStrings);
    for (let i = 0; ; i++) {
      if (i >= ak.length && i >= bk.length) return 0;
      if (i >= ak.length) return -1;
      if (i >= bk.length) return 1;
      const kc = compareStrings(ak[i], bk[i]);
      if (kc !== 0) return kc < 0 ? -1 : 1;
      const c = compareValues(a[ak[i]], b[bk[i]]);
      if (c !== 0) return c;
    }
  }
  return 0;
}

const ORDER = { f: 0, k: 1, v: 2, i: 3 } as const;

/** PathElement.Compare: field names, then keys, then values, then indexes. */
export function comparePE(a: PathElement, b: PathElement): number {
  if (a.t !== b.t) return ORDER[a.t] - ORDER[b.t];
  switch (a.t) {
    case 'f':
      return compareStrings(a.name, (b as { name: string }).name);
    case 'k': {
      const bk = (b as { keys: KeyFields }).keys;
      for (let i = 0; ; i++) {
        if (i >= a.keys.length && i >= bk.length) return 0;
        if (i >= a.keys.length) return -1;
        if (i >= bk.length) return 1;
        const c = compareStrings(a.keys[i][0], bk[i][0]) || compareValues(a.keys[i][1], bk[i][1]);
        if (c !== 0) return c;
      }
    }
    case 'v':
      return compareValues(a.value, (b as { value: unknown }).value);
    case 'i': {
      const bi = (b as { index: number }).index;
      return a.index < bi ? -1 : a.index > bi ? 1 : 0;
    }
  }
}

/** The FieldsV1 key of a path element: `f:name`, `k:{"name":"nginx"}`, `v:"x"`, `i:0`. */
export const serializePE = (pe: PathElement): string => pe.key;

// Lazily read managedFields parse the same keys again on every write
// (`k:{"type":"Ready"}` needs a JSON.parse), so parsed elements are kept by
// their text. Bounded: the table starts over when full.
const PARSED = new Map<string, PathElement>();
const PARSED_MAX = 20_000;

/** DeserializePathElement. Unknown prefixes yield 'unknown' (upstream drops them silently). */
export function parsePE(s: string): PathElement | 'unknown' | Error {
  const known = PARSED.get(s);
  if (known) return known;
  const pe = parseFresh(s);
  if (typeof pe === 'object' && !(pe instanceof Error)) {
    if (PARSED.size >= PARSED_MAX) PARSED.clear();
    PARSED.set(s, pe);
  }
  return pe;
}

function parseFresh(s: string): PathElement | 'unknown' | Error {
  if (s.length < 2) return new Error('key must be 2 characters long:');
  if (s[1] !== ':') return new Error(`missing colon: ${s}`);
  const body = s.slice(2);
  switch (s[0]) {
    case 'f':
      return fieldPE(body);
    case 'v':
      try {
        return valuePE(JSON.parse(body));
      } catch (e) {
        return e instanceof Error ? e : new Error(String(e));
      }
    case 'k': {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch (e) {
        return e instanceof Error ? e : new Error(String(e));
      }
      if (!isMap(parsed)) return new Error(`expected an object in key ${s}`);
      return keyPE(Object.entries(parsed));
    }
    case 'i': {
      if (!/^[+-]?\d+$/.test(body)) return new Error(`strconv.Atoi: parsing ${goJsonString(body)}: invalid syntax`);
      return indexPE(Number(body));
    }
    default:
      return 'unknown';
  }
}

/** PathElement.String: `.name`, `[name="nginx"]`, `[="x"]`, `[0]`. */
export function peString(pe: PathElement): string {
  switch (pe.t) {
    case 'f':
      return `.${pe.name}`;
    case 'k':
      return `[${pe.keys.map(([k, v]) => `${k}=${valueToString(v)}`).join(',')}]`;
    case 'v':
      return `[=${valueToString(pe.value)}]`;
    case 'i':
      return `[${pe.index}]`;
  }
}

/** Path.String: `.spec.template.spec.containers[name="nginx"].image`. */
export const pathString = (p: Path): string => p.map(peString).join('');
