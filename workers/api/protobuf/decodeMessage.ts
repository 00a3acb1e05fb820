/**
 * Decodes one protobuf message of the Kubernetes API into the JSON object a JSON client would have
 * sent for the same Go value: proto names are the JSON names, inline embeds are flattened, special
 * apimachinery types take their MarshalJSON forms, and zero values of non-pointer omitempty
 * scalars are left out (Go always puts them on the wire; encoding/json drops them).
 */
import { Reader, WireError, WIRE_BYTES, WIRE_END_GROUP, WIRE_FIXED32, WIRE_FIXED64, WIRE_VARINT } from './reader';
import type { CompiledField, CompiledMessage, ScalarType, ValueType } from './schema';
import { base64, durationJSON, microTimeJSON, timeJSON } from './wellKnown';

export type JsonObject = Record<string, unknown>;

/** Deeper nesting than any API type has; stops hostile input from exhausting the stack. */
const MAX_DEPTH = 100;

export interface DecodeContext {
  /** Decodes a nested `k8s\0` envelope found in a RawExtension (rare: a protobuf-encoded embedded object). */
  nested(bytes: Uint8Array, depth: number): unknown;
}

function wireTypeOf(t: ScalarType): number {
  switch (t) {
    case 'string':
    case 'bytes':
      return WIRE_BYTES;
    case 'double':
    case 'fixed64':
    case 'sfixed64':
      return WIRE_FIXED64;
    case 'float':
    case 'fixed32':
    case 'sfixed32':
      return WIRE_FIXED32;
    default:
      return WIRE_VARINT;
  }
}

function readScalar(r: Reader, t: ScalarType): string | number | boolean {
  switch (t) {
    case 'string':
      return r.string();
    case 'bytes':
      return base64(r.bytes());
    case 'bool':
      return r.bool();
    case 'int32':
    case 'enum':
      return r.int32();
    case 'uint32':
      return r.uint32();
    case 'int64':
      return r.int64();
    case 'uint64':
      return r.uint64();
    case 'sint32':
      return r.sint32();
    case 'sint64':
      return r.sint64();
    case 'fixed32':
      return r.fixed32();
    case 'sfixed32':
      return r.sfixed32();
    case 'fixed64':
      return r.fixed64(false);
    case 'sfixed64':
      return r.fixed64(true);
    case 'float':
      return r.float();
    case 'double':
      return r.double();
  }
}

const isZero = (v: unknown) => v === '' || v === 0 || v === false;

function wrongWireType(wt: number, f: CompiledField): WireError {
  return new WireError(`proto: wrong wireType = ${wt} for field ${f.goName}`);
}

/** Reads fields up to `r.limit` into `target` (merging, as a repeated non-repeated message field merges in Go). */
export function decodeFields(r: Reader, m: CompiledMessage, target: JsonObject, depth: number, ctx: DecodeContext): void {
  if (depth > MAX_DEPTH) throw new WireError(`proto: ${m.shortName}: exceeded maximum nesting depth`);
  while (r.pos < r.limit) {
    const tag = r.uint32();
    const fieldNum = tag >>> 3;
    const wt = tag & 7;
    if (wt === WIRE_END_GROUP) throw new WireError(`proto: ${m.shortName}: wiretype end group for non-group`);
    if (fieldNum <= 0) throw new WireError(`proto: ${m.shortName}: illegal tag ${fieldNum} (wire type ${wt})`);
    const f = m.fields[fieldNum];
    if (!f) {
      r.skip(wt);
      continue;
    }
    if (f.mapKey) {
      if (wt !== WIRE_BYTES) throw wrongWireType(wt, f);
      const [k, v] = readMapEntry(r, f, depth, ctx);
      let map = target[f.name] as JsonObject | undefined;
      if (!map) target[f.name] = map = {};
      map[k] = v;
    } else if (f.value.message) {
      if (wt !== WIRE_BYTES) throw wrongWireType(wt, f);
      if (f.inline) {
        readMessage(r, f.value.message, target, depth, ctx);
      } else if (f.repeated) {
        let list = target[f.name] as unknown[] | undefined;
        if (!list) target[f.name] = list = [];
        list.push(readMessage(r, f.value.message, undefined, depth, ctx));
      } else {
        target[f.name] = readMessage(r, f.value.message, target[f.name], depth, ctx);
      }
    } else {
      const t = f.value.scalar;
      const expected = wireTypeOf(t);
      if (f.repeated) {
        let list = target[f.name] as unknown[] | undefined;
        if (!list) target[f.name] = list = [];
        if (wt === expected) list.push(readScalar(r, t));
        else if (wt === WIRE_BYTES && expected !== WIRE_BYTES) {
          // packed repeated numbers
          const end = r.lengthDelimited();
          const saved = r.limit;
          r.limit = end;
          while (r.pos < end) list.push(readScalar(r, t));
          r.limit = saved;
        } else throw wrongWireType(wt, f);
      } else {
        if (wt !== expected) throw wrongWireType(wt, f);
        const v = readScalar(r, t);
        if (f.omitZero && isZero(v)) delete target[f.name];
        else target[f.name] = v;
      }
    }
  }
}

/** Reads a length-delimited message; `existing` is merged into for plain messages. */
function readMessage(r: Reader, m: CompiledMessage, existing: unknown, depth: number, ctx: DecodeContext): unknown {
  const end = r.lengthDelimited();
  const saved = r.limit;
  r.limit = end;
  const value = m.special ? readSpecial(r, m, depth, ctx) : readPlain(r, m, existing, depth, ctx);
  r.limit = saved;
  r.pos = end;
  return value;
}

function readPlain(r: Reader, m: CompiledMessage, existing: unknown, depth: number, ctx: DecodeContext): JsonObject {
  const obj = existing !== null && typeof existing === 'object' && !Array.isArray(existing) ? (existing as JsonObject) : {};
  decodeFields(r, m, obj, depth + 1, ctx);
  return obj;
}

/** Field values of a special message by number, bytes kept raw. */
function readRawFields(r: Reader, m: CompiledMessage): Map<number, unknown> {
  const out = new Map<number, unknown>();
  while (r.pos < r.limit) {
    const tag = r.uint32();
    const fieldNum = tag >>> 3;
    const wt = tag & 7;
    if (wt === WIRE_END_GROUP) throw new WireError(`proto: ${m.shortName}: wiretype end group for non-group`);
    if (fieldNum <= 0) throw new WireError(`proto: ${m.shortName}: illegal tag ${fieldNum} (wire type ${wt})`);
    const f = m.fields[fieldNum];
    if (!f || f.repeated || !f.value.scalar) {
      if (f?.repeated && f.value.scalar === 'string' && wt === WIRE_BYTES) {
        const list = (out.get(fieldNum) as string[] | undefined) ?? [];
        list.push(r.string());
        out.set(fieldNum, list);
      } else r.skip(wt);
      continue;
    }
    if (wt !== wireTypeOf(f.value.scalar)) throw wrongWireType(wt, f);
    out.set(fieldNum, f.value.scalar === 'bytes' ? r.bytes() : readScalar(r, f.value.scalar));
  }
  return out;
}

function readSpecial(r: Reader, m: CompiledMessage, depth: number, ctx: DecodeContext): unknown {
  const v = readRawFields(r, m);
  const num = (n: number) => (v.get(n) as number | undefined) ?? 0;
  switch (m.special) {
    case 'time':
    case 'microTime': {
      const out = (m.special === 'time' ? timeJSON : microTimeJSON)(num(1), num(2));
      if (out instanceof Error) throw new WireError(out.message);
      return out;
    }
    case 'duration':
      return durationJSON(num(1));
    case 'quantity':
      // A Quantity without its string is the zero quantity, which marshals as "0".
      return (v.get(1) as string | undefined) || '0';
    case 'intOrString': {
      // Mirrors apimachinery pkg/util/intstr/intstr.go MarshalJSON.
      const type = num(1);
      if (type === 0) return num(2);
      if (type === 1) return (v.get(3) as string | undefined) ?? '';
      throw new WireError('impossible IntOrString.Type');
    }
    case 'rawExtension':
    case 'fieldsV1':
      return rawJSON(v.get(1) as Uint8Array | undefined, m, depth, ctx);
    case 'array':
      return (v.get(1) as string[] | undefined) ?? [];
    default:
      throw new Error(`unhandled special message ${m.name}`);
  }
}

const textDecoder = new TextDecoder();
const PROTOBUF_MAGIC = [0x6b, 0x38, 0x73, 0x00];

/** RawExtension/FieldsV1 bytes hold JSON (or, for RawExtension, possibly a nested protobuf envelope). */
function rawJSON(raw: Uint8Array | undefined, m: CompiledMessage, depth: number, ctx: DecodeContext): unknown {
  if (!raw || raw.length === 0) return null;
  if (raw.length >= 4 && PROTOBUF_MAGIC.every((b, i) => raw[i] === b)) return ctx.nested(raw, depth + 1);
  try {
    return JSON.parse(textDecoder.decode(raw));
  } catch (err) {
    throw new WireError(`${m.shortName}: invalid JSON in raw bytes: ${(err as Error).message}`);
  }
}

function readMapEntry(r: Reader, f: CompiledField, depth: number, ctx: DecodeContext): [string, unknown] {
  const end = r.lengthDelimited();
  const saved = r.limit;
  r.limit = end;
  let key: unknown;
  let value: unknown;
  while (r.pos < end) {
    const tag = r.uint32();
    const fieldNum = tag >>> 3;
    const wt = tag & 7;
    if (fieldNum === 1) {
      if (wt !== wireTypeOf(f.mapKey!)) throw wrongWireType(wt, f);
      key = readScalar(r, f.mapKey!);
    } else if (fieldNum === 2) {
      value = readValue(r, wt, f, f.value, depth, ctx);
    } else r.skip(wt);
  }
  r.limit = saved;
  r.pos = end;
  return [key === undefined ? zeroKey(f.mapKey!) : String(key), value === undefined ? zeroValue(f.value, depth, ctx) : value];
}

function readValue(r: Reader, wt: number, f: CompiledField, t: ValueType, depth: number, ctx: DecodeContext): unknown {
  if (t.message) {
    if (wt !== WIRE_BYTES) throw wrongWireType(wt, f);
    return readMessage(r, t.message, undefined, depth, ctx);
  }
  if (wt !== wireTypeOf(t.scalar)) throw wrongWireType(wt, f);
  return readScalar(r, t.scalar);
}

const zeroKey = (t: ScalarType) => (t === 'string' || t === 'bytes' ? '' : t === 'bool' ? 'false' : '0');

/** What Go holds for a map value missing from its entry: the type's zero value, as JSON. */
function zeroValue(t: ValueType, depth: number, ctx: DecodeContext): unknown {
  if (t.scalar) return t.scalar === 'string' || t.scalar === 'bytes' ? '' : t.scalar === 'bool' ? false : 0;
  const r = new Reader(new Uint8Array(0));
  return t.message.special ? readSpecial(r, t.message, depth, ctx) : {};
}
