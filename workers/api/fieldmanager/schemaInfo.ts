/**
 * How structured-merge-diff sees a PatchSchema node: atomic or granular
 * maps, atomic / set / keyed lists, named struct fields, and the path
 * element that identifies a list item. A missing schema is upstream's
 * "deduced" type: maps are granular, lists atomic.
 */
import type { PatchSchema } from '../patch/schema';
import { fieldPE, keyPE, singleKeyPE, valuePE, type PathElement } from './pathElement';

export type Schema = PatchSchema | undefined;
export type JsonMap = Record<string, unknown>;

export const isMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

export type ListSemantics = { type: 'atomic' } | { type: 'set' } | { type: 'map'; keys: string[] };

/**
 * kube-openapi's schemaconv: x-kubernetes-list-type wins; otherwise a list
 * with patch strategy "merge" is associative (keyed by its patch merge key,
 * or a set of scalars without one); every other list is atomic.
 */
const ATOMIC: ListSemantics = Object.freeze({ type: 'atomic' });
const SET: ListSemantics = Object.freeze({ type: 'set' });
// Asked for at every list of every write; schemas live as long as their kind.
const semantics = new WeakMap<PatchSchema, ListSemantics>();

export function listSemantics(s: Schema): ListSemantics {
  if (!s || s.kind !== 'list') return ATOMIC;
  let sem = semantics.get(s);
  if (!sem) {
    sem = computeListSemantics(s);
    semantics.set(s, sem);
  }
  return sem;
}

function computeListSemantics(s: PatchSchema): ListSemantics {
  if (s.listType === 'atomic') return ATOMIC;
  if (s.listType === 'set') return SET;
  if (s.listType === 'map') {
    const keys = s.listMapKeys?.length ? s.listMapKeys : s.patchMergeKey ? [s.patchMergeKey] : [];
    return keys.length ? { type: 'map', keys } : SET;
  }
  const strategy = s.patchStrategy ?? '';
  if (strategy === 'merge' || strategy.startsWith('merge,')) {
    return s.patchMergeKey ? { type: 'map', keys: [s.patchMergeKey] } : SET;
  }
  return ATOMIC;
}

export const isAtomicMap = (s: Schema): boolean => !!s && s.mapType === 'atomic' && s.kind !== 'list' && s.kind !== 'primitive';

/** Schema of a map entry or struct field. */
export function fieldSchema(s: Schema, name: string): Schema {
  if (!s || s.kind === 'list' || s.kind === 'primitive') return undefined;
  return s.field(name);
}

export const itemSchema = (s: Schema): Schema => (s && s.kind === 'list' ? s.items() : undefined);

/** A struct's declared field (upstream Map.FindField), as opposed to a map entry. */
export const isNamedField = (s: Schema, name: string): boolean => !!s && s.kind === 'object' && s.field(name) !== undefined;

/** Schema of the node under a path element. */
export function childSchema(s: Schema, pe: PathElement): Schema {
  if (pe.t === 'f') return fieldSchema(s, pe.name);
  if (pe.t === 'k') return itemSchema(s);
  return undefined;
}

/**
 * Defaults of list-map key fields, which upstream reads from the OpenAPI
 * `default` of the key property. PatchSchema carries no defaults; the only
 * built-in key with one is `protocol` (ContainerPort, ServicePort,
 * EndpointPort: "TCP").
 */
const KEY_DEFAULTS: Record<string, unknown> = { protocol: 'TCP' };

/** typed.listItemToPathElement for an associative list; error text as upstream. */
export function listItemPE(sem: ListSemantics, item: unknown): PathElement | Error {
  if (sem.type === 'atomic') return new Error('invalid indexing of non-associative list');
  if (sem.type === 'map') {
    if (item === null) return new Error('associative list with keys may not have a null element');
    if (!isMap(item)) return new Error('associative list with keys may not have non-map elements');
    if (sem.keys.length === 1) {
      const k = sem.keys[0];
      const v = k in item ? item[k] : undefined;
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return singleKeyPE(k, v);
    }
    const fields: [string, unknown][] = [];
    for (const k of sem.keys) {
      if (k in item && item[k] !== undefined) fields.push([k, item[k]]);
      else if (KEY_DEFAULTS[k] !== undefined) fields.push([k, KEY_DEFAULTS[k]]);
      else return new Error(`associative list with keys has an element that omits key field "${k}" (and doesn't have default value)`);
    }
    return keyPE(fields);
  }
  if (isMap(item)) return new Error("associative list without keys has an element that's a map type");
  if (Array.isArray(item)) return new Error('not supported: associative list with lists as elements');
  if (item === null) return new Error("associative list without keys has an element that's an explicit null");
  return valuePE(item);
}

/**
 * Go's JSON encoding always writes non-pointer struct fields (and a few
 * lists without omitempty), so the typed objects upstream compares hold
 * `{}` / `null` where our stored objects may hold nothing. Treating those as
 * present keeps `"."` markers out of managedFields exactly where a real API
 * server leaves them out (`f:spec` has none, `f:rollingUpdate` has one).
 */
const VALUE_STRUCT_FIELDS = new Set([
  'metadata',
  'spec',
  'status',
  'template',
  'strategy',
  'updateStrategy',
  'resources',
  'jobTemplate',
  'loadBalancer',
  'nodeInfo',
  'daemonEndpoints',
  'kubeletEndpoint',
  'roleRef',
  'involvedObject',
  'regarding',
  'scaleTargetRef',
  'podAffinityTerm',
  'preference',
  'clientConfig',
  'names',
]);
const ALWAYS_LISTS = new Set(['containers', 'nodeSelectorTerms', 'endpoints']);

/**
 * The same names are pointers in a few structs: PodSpec.resources (only
 * Container and PVC resources are values) and ReplicationControllerSpec.template
 * (told apart by its map-typed selector).
 */
function pointerInThisParent(parent: PatchSchema, name: string): boolean {
  if (name === 'resources') return !parent.field('image') && !parent.field('accessModes');
  if (name === 'template') return parent.field('selector')?.kind === 'map';
  return false;
}

const IMPLICIT_NAMES = [...VALUE_STRUCT_FIELDS, ...ALWAYS_LISTS];
const implicitCache = new WeakMap<PatchSchema, string[]>();

/** The fields of this struct that may hold an implicit value (see implicitValue). */
export function implicitFieldNames(s: Schema): readonly string[] {
  if (!s || s.kind !== 'object') return [];
  let names = implicitCache.get(s);
  if (!names) {
    names = IMPLICIT_NAMES.filter((n) => implicitValue(s, n) !== undefined);
    implicitCache.set(s, names);
  }
  return names;
}

/** What Go would have serialized for an absent field of a struct, or undefined when it omits it. */
export function implicitValue(parent: Schema, name: string): unknown {
  if (!parent || parent.kind !== 'object') return undefined;
  const struct = VALUE_STRUCT_FIELDS.has(name);
  if (!struct && !ALWAYS_LISTS.has(name)) return undefined;
  const s = parent.field(name);
  if (!s) return undefined;
  if (struct && s.kind === 'object') return pointerInThisParent(parent, name) ? undefined : {};
  if (!struct && s.kind === 'list') return null;
  return undefined;
}

/**
 * Whether Go's encoder leaves this value out (omitempty on maps and slices),
 * so a typed round trip would not see it at all.
 */
export function omittedByGo(parent: Schema, name: string, v: unknown): boolean {
  if (Array.isArray(v)) return v.length === 0 && !ALWAYS_LISTS.has(name);
  if (typeof v !== 'object' || v === null) return false;
  for (const _ in v) return false;
  const s = fieldSchema(parent, name);
  return !!s && s.kind === 'map';
}

/** What the typed walks need to know about one field of a struct or map, looked up once. */
export interface FieldInfo {
  pe: PathElement;
  schema: Schema;
  /** implicitValue(parent, name) */
  implicit: unknown;
  /** omittedByGo(parent, name, []) */
  omitsEmptyList: boolean;
  /** omittedByGo(parent, name, {}) */
  omitsEmptyMap: boolean;
}

// Map schemas take user-chosen keys, so each schema remembers only so many.
const infos = new WeakMap<PatchSchema, Map<string, FieldInfo>>();
const MAX_INFOS_PER_SCHEMA = 512;

// Walks ask for the fields of one struct in a row: its table is kept at hand.
let lastSchema: PatchSchema | undefined;
let lastInfos: Map<string, FieldInfo> | undefined;

export function fieldInfo(s: Schema, name: string): FieldInfo {
  let known: Map<string, FieldInfo> | undefined;
  if (s) {
    if (s === lastSchema) known = lastInfos;
    else {
      known = infos.get(s);
      if (known) {
        lastSchema = s;
        lastInfos = known;
      }
    }
    const hit = known?.get(name);
    if (hit) return hit;
  }
  const info: FieldInfo = {
    pe: fieldPE(name),
    schema: fieldSchema(s, name),
    // Shared by every walk that asks, so frozen.
    implicit: freeze(implicitValue(s, name)),
    omitsEmptyList: omittedByGo(s, name, []),
    omitsEmptyMap: omittedByGo(s, name, {}),
  };
  if (s) {
    if (!known) infos.set(s, (known = new Map()));
    if (known.size < MAX_INFOS_PER_SCHEMA) known.set(name, info);
  }
  return info;
}

const freeze = (v: unknown) => (typeof v === 'object' && v !== null ? Object.freeze(v) : v);

/** omittedByGo, from a FieldInfo. */
export function omittedField(info: FieldInfo, v: unknown): boolean {
  if (Array.isArray(v)) return v.length === 0 && info.omitsEmptyList;
  if (typeof v !== 'object' || v === null) return false;
  for (const _ in v) return false;
  return info.omitsEmptyMap;
}
