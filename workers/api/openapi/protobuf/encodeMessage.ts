/**
 * Encodes a message given as plain data keyed by proto field names, the way protobuf-go's
 * proto.Marshal does for proto3: fields in field-number order, scalars at their zero value left out
 * (unless they are a oneof member), a set message written even when empty, repeated fields element by
 * element (this table has no repeated numeric fields, which proto3 would pack).
 */
import { messageInfo, type FieldInfo } from './messages';
import { Writer } from './writer';

export type ProtoScalar = string | number | boolean | Uint8Array;
export interface ProtoMessage {
  [field: string]: ProtoValue | undefined;
}
export type ProtoValue = ProtoScalar | ProtoMessage | ProtoValue[];

const isMessage = (v: ProtoValue): v is ProtoMessage => typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array);

function writeScalar(w: Writer, f: FieldInfo, v: ProtoValue, path: string): void {
  switch (f.type) {
    case 'string':
      if (typeof v !== 'string') break;
      if (v !== '' || f.oneof || f.repeated) w.stringField(f.number, v);
      return;
    case 'bool':
      if (typeof v !== 'boolean') break;
      if (v || f.oneof) w.varintField(f.number, v ? 1 : 0);
      return;
    case 'int64':
      if (typeof v !== 'number' || !Number.isInteger(v)) break;
      if (v !== 0 || f.oneof) w.varintField(f.number, v);
      return;
    case 'double':
      if (typeof v !== 'number') break;
      // -0 is not the zero value to protobuf-go (it compares bits).
      if (!Object.is(v, 0) || f.oneof) w.doubleField(f.number, v);
      return;
    case 'bytes':
      if (!(v instanceof Uint8Array)) break;
      if (v.length || f.oneof || f.repeated) w.bytesField(f.number, v);
      return;
  }
  throw new Error(`${path}: ${JSON.stringify(v)} is not a ${f.type}`);
}

function writeMessage(w: Writer, type: string, msg: ProtoMessage, path: string): void {
  const info = messageInfo(type);
  for (const key of Object.keys(msg)) if (!info.byName.has(key)) throw new Error(`${path}: ${type} has no field ${key}`);
  let oneofSet: string | undefined;
  for (const f of info.fields) {
    const v = msg[f.name];
    if (v === undefined) continue;
    if (f.oneof) {
      if (oneofSet) throw new Error(`${path}: ${type} sets both ${oneofSet} and ${f.name} of its oneof`);
      oneofSet = f.name;
    }
    const values = f.repeated ? v : [v];
    if (!Array.isArray(values)) throw new Error(`${path}.${f.name}: a repeated field needs an array`);
    for (const item of values) {
      if (!f.message) writeScalar(w, f, item, `${path}.${f.name}`);
      else if (isMessage(item)) w.messageField(f.number, () => writeMessage(w, f.type, item, `${path}.${f.name}`));
      else throw new Error(`${path}.${f.name}: ${f.type} needs an object`);
    }
  }
}

/** The wire bytes of `msg` as the message `type` (a full name such as `openapi.v2.Document`). */
export function encodeMessage(type: string, msg: ProtoMessage): Uint8Array {
  const w = new Writer();
  writeMessage(w, type, msg, type);
  return w.finish();
}
