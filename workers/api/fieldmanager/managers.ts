/**
 * `metadata.managedFields` in and out: entries keyed by upstream's manager
 * identifier, decoded to field sets, encoded back in upstream's order.
 * Mirrors apimachinery/pkg/util/managedfields/internal/managedfields.go and
 * capmanagers.go.
 */
import { FieldSet } from './fieldset';

export type Operation = 'Apply' | 'Update';

/** metav1.ManagedFieldsEntry as JSON, in Go's field order. */
export interface ManagedFieldsEntry {
  manager?: string;
  operation?: Operation;
  apiVersion?: string;
  time?: string;
  fieldsType?: 'FieldsV1';
  fieldsV1?: Record<string, unknown>;
  subresource?: string;
}

export interface VersionedSet {
  set: FieldSet;
  apiVersion: string;
  applied: boolean;
}

/** Manager identifier → what it owns, plus the time of its last change. */
export interface Managed {
  fields: Map<string, VersionedSet>;
  times: Map<string, string | undefined>;
}

export const emptyManaged = (): Managed => ({ fields: new Map(), times: new Map() });

export function copyManaged(m: Managed): Managed {
  return { fields: new Map(m.fields), times: new Map(m.times) };
}

/**
 * BuildManagerIdentifier: the entry as JSON without time and fields; appliers
 * leave out apiVersion so each apply replaces their previous entry.
 */
const ids = new Map<string, string>();

export function managerIdentifier(e: { manager?: string; operation?: string; apiVersion?: string; subresource?: string }): string {
  const memo = `${e.manager}\u0000${e.operation}\u0000${e.apiVersion}\u0000${e.subresource}`;
  let id = ids.get(memo);
  if (id === undefined) {
    id = buildIdentifier(e);
    if (ids.size < 10_000) ids.set(memo, id);
  }
  return id;
}

function buildIdentifier(e: { manager?: string; operation?: string; apiVersion?: string; subresource?: string }): string {
  const id: Record<string, string> = {};
  if (e.manager) id.manager = e.manager;
  if (e.operation) id.operation = e.operation;
  if (e.apiVersion && e.operation !== 'Apply') id.apiVersion = e.apiVersion;
  if (e.subresource) id.subresource = e.subresource;
  return JSON.stringify(id);
}

/** The parts of an identifier (or of a bare name that is not one). */
export function parseIdentifier(id: string): { manager: string; operation?: Operation; apiVersion?: string; subresource?: string } | undefined {
  try {
    const v: unknown = JSON.parse(id);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    const o = v as Record<string, unknown>;
    const str = (x: unknown) => (typeof x === 'string' && x !== '' ? x : undefined);
    return {
      manager: str(o.manager) ?? '',
      operation: o.operation === 'Apply' || o.operation === 'Update' ? o.operation : undefined,
      apiVersion: str(o.apiVersion),
      subresource: str(o.subresource),
    };
  } catch {
    return undefined;
  }
}

// Stored objects are immutable and share structure across revisions, so a
// manager's FieldsV1 object decodes once and an unchanged set encodes back to
// the very object it came from. The decoded sets of the objects written
// lately stay in a bounded cache: the next write to an object usually comes
// soon, and keeping a decoded tree beside every stored object would cost
// kilobytes per object in a large cluster.
//
// Two generations instead of a FIFO map: deleting a Map's oldest entry
// leaves a hole V8 skips on every later `keys().next()` until the table is
// rehashed, which made each eviction cost a walk over thousands of holes.
// A hit in the old generation moves up, so a recently used set survives.
const DECODED_GENERATION = 2048;
let decoded = new Map<object, FieldSet>();
let decodedOld = new Map<object, FieldSet>();

function cached(v: object): FieldSet | undefined {
  const hit = decoded.get(v);
  if (hit) return hit;
  const old = decodedOld.get(v);
  if (old) {
    decodedOld.delete(v);
    keep(v, old);
  }
  return old;
}

function keep(v: object, set: FieldSet): void {
  if (decoded.size >= DECODED_GENERATION) {
    decodedOld = decoded;
    decoded = new Map();
  }
  decoded.set(v, set);
}
/**
 * FieldsV1 objects this server emitted: well formed by construction, so
 * they are read lazily (FieldSet.lazy) instead of decoded and checked whole.
 */
const emitted = new WeakSet<object>();

/** Marks a FieldsV1 object built by this server's own encoder (firstOwner.ts, toFieldsV1). */
export function markEmitted(v: Record<string, unknown>): void {
  emitted.add(v);
}

function decodeFields(v: unknown): FieldSet | Error {
  if (v === undefined || v === null) return new FieldSet();
  const hit = typeof v === 'object' ? cached(v) : undefined;
  if (hit) return hit;
  if (typeof v === 'object' && emitted.has(v)) {
    const set = FieldSet.lazy(v as Record<string, unknown>);
    remember(v as Record<string, unknown>, set);
    return set;
  }
  const set = FieldSet.fromFieldsV1(v);
  if (!(set instanceof Error)) remember(v as Record<string, unknown>, set);
  return set;
}

function remember(v: Record<string, unknown>, set: FieldSet): void {
  set.encoded = v;
  keep(v, set);
}

function encodeFields(set: FieldSet): Record<string, unknown> {
  if (set.encoded) return set.encoded;
  const v = set.toFieldsV1();
  emitted.add(v);
  remember(v, set);
  return v;
}

const identifiers = new Map<string, ReturnType<typeof parseIdentifier>>();

function identifierParts(id: string) {
  let p = identifiers.get(id);
  if (!p) {
    p = parseIdentifier(id);
    if (identifiers.size < 10_000) identifiers.set(id, p);
  }
  return p;
}

/** DecodeManagedFields: errors as upstream words them. */
export function decodeManagedFields(list: unknown): Managed | Error {
  const m = emptyManaged();
  if (list === undefined || list === null) return m;
  if (!Array.isArray(list)) return new Error('managedFields must be a list');
  for (let i = 0; i < list.length; i++) {
    const e = list[i] as ManagedFieldsEntry;
    if (typeof e !== 'object' || e === null) return new Error(`managed fields entry ${i} is not an object`);
    if (e.operation !== 'Apply' && e.operation !== 'Update') return new Error('operation must be `Apply` or `Update`');
    if (!e.apiVersion) return new Error('apiVersion must not be empty');
    if (!e.fieldsType) return new Error(`missing fieldsType in managed fields entry ${i}`);
    if (e.fieldsType !== 'FieldsV1') return new Error(`invalid fieldsType "${String(e.fieldsType)}" in managed fields entry ${i}`);
    const set = decodeFields(e.fieldsV1);
    if (set instanceof Error) return new Error(`error decoding versioned set: error decoding set: ${set.message}`);
    const id = managerIdentifier(e);
    m.fields.set(id, { set, apiVersion: e.apiVersion, applied: e.operation === 'Apply' });
    m.times.set(id, e.time);
  }
  return m;
}

// Entries are sorted on every write, and their times repeat (an object's
// entries usually carry two or three); parsing one is not free. Bounded:
// the table starts over when full.
const parsedTimes = new Map<string, number>();
const PARSED_TIMES_MAX = 1024;

function seconds(t: string | undefined): number {
  if (!t) return 0;
  let s = parsedTimes.get(t);
  if (s === undefined) {
    s = Math.floor(Date.parse(t) / 1000) || 0;
    if (parsedTimes.size >= PARSED_TIMES_MAX) parsedTimes.clear();
    parsedTimes.set(t, s);
  }
  return s;
}
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One entry as encodeManagedFields writes it, in Go's field order. */
export function encodeEntry(id: string, applied: boolean, apiVersion: string, time: string | undefined, fieldsV1: Record<string, unknown>): ManagedFieldsEntry {
  const p = identifierParts(id) ?? { manager: id };
  const e: ManagedFieldsEntry = {};
  if (p.manager) e.manager = p.manager;
  const op: Operation | undefined = applied ? 'Apply' : p.operation;
  if (op) e.operation = op;
  e.apiVersion = apiVersion;
  if (time) e.time = time;
  e.fieldsType = 'FieldsV1';
  e.fieldsV1 = fieldsV1;
  if (p.subresource) e.subresource = p.subresource;
  return e;
}

/** encodeManagedFields: undefined when nobody manages anything (the field is dropped). */
export function encodeManagedFields(m: Managed): ManagedFieldsEntry[] | undefined {
  if (m.fields.size === 0) return undefined;
  const out: ManagedFieldsEntry[] = [];
  for (const [id, vs] of m.fields) out.push(encodeEntry(id, vs.applied, vs.apiVersion, m.times.get(id), encodeFields(vs.set)));
  return out.length > 1 ? out.sort(entryOrder) : out;
}

/** sortEncodedManagedFields: operation, then time (whole seconds), manager, apiVersion, subresource. */
function entryOrder(p: ManagedFieldsEntry, q: ManagedFieldsEntry): number {
  return (
    cmp(p.operation ?? '', q.operation ?? '') ||
    seconds(p.time) - seconds(q.time) ||
    cmp(p.manager ?? '', q.manager ?? '') ||
    cmp(p.apiVersion ?? '', q.apiVersion ?? '') ||
    cmp(p.subresource ?? '', q.subresource ?? '')
  );
}

export const MAX_UPDATE_MANAGERS = 10;

/**
 * capManagersManager: past ten Update entries, the oldest are folded into
 * one "ancient-changes" entry per apiVersion.
 */
export function capUpdateManagers(m: Managed, max = MAX_UPDATE_MANAGERS): Managed {
  const updaters = [...m.fields].filter(([, vs]) => !vs.applied).map(([id]) => id);
  if (updaters.length <= max) return m;
  const out = copyManaged(m);
  updaters.sort((a, b) => seconds(m.times.get(a)) - seconds(m.times.get(b)) || cmp(a, b));
  const firstByVersion = new Map<string, string>();
  let length = updaters.length;
  for (let i = 0; i < updaters.length && length > max; i++) {
    const id = updaters[i];
    const vs = out.fields.get(id)!;
    const time = out.times.get(id);
    const bucket = managerIdentifier({ manager: 'ancient-changes', operation: 'Update', apiVersion: vs.apiVersion });
    const first = firstByVersion.get(vs.apiVersion);
    if (first === undefined) {
      firstByVersion.set(vs.apiVersion, id);
      continue;
    }
    if (!out.fields.has(bucket)) {
      out.fields.set(bucket, out.fields.get(first)!);
      out.fields.delete(first);
      out.times.delete(first);
    }
    out.fields.set(bucket, { set: vs.set.union(out.fields.get(bucket)!.set), apiVersion: vs.apiVersion, applied: vs.applied });
    out.fields.delete(id);
    out.times.delete(id);
    length--;
    out.times.set(bucket, time);
  }
  return out;
}
