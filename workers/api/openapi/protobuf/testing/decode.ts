/**
 * For tests: decodes openapi.v2 wire bytes back into the plain-data shape encodeMessage takes
 * (repeated fields as arrays, absent scalars left out), so encodings can be checked by value.
 */
import type { ProtoMessage, ProtoValue } from '../encodeMessage';
import { messageInfo } from '../messages';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeMessage(type: string, buf: Uint8Array): ProtoMessage {
  const info = messageInfo(type);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const out: ProtoMessage = {};
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (pos >= buf.length) throw new Error(`${type}: truncated varint`);
      const b = buf[pos++];
      result |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) return result;
      shift += 7n;
    }
  };
  while (pos < buf.length) {
    const tag = Number(varint());
    const no = tag >>> 3;
    const wire = tag & 7;
    const f = info.fields.find((x) => x.number === no);
    if (!f) throw new Error(`${type}: unknown field ${no}`);
    let value: ProtoValue;
    if (wire === 2) {
      const len = Number(varint());
      if (pos + len > buf.length) throw new Error(`${type}.${f.name}: truncated`);
      const body = buf.subarray(pos, pos + len);
      pos += len;
      if (f.message) value = decodeMessage(f.type, body);
      else if (f.type === 'string') value = utf8.decode(body);
      else if (f.type === 'bytes') value = body.slice();
      else throw new Error(`${type}.${f.name}: packed ${f.type} is not expected`);
    } else if (wire === 0) {
      const v = varint();
      if (f.type === 'bool') value = v !== 0n;
      else if (f.type === 'int64') value = Number(BigInt.asIntN(64, v));
      else throw new Error(`${type}.${f.name}: varint for a ${f.type}`);
    } else if (wire === 1) {
      if (f.type !== 'double') throw new Error(`${type}.${f.name}: fixed64 for a ${f.type}`);
      value = view.getFloat64(pos, true);
      pos += 8;
    } else throw new Error(`${type}: unexpected wire type ${wire}`);
    if (f.repeated) ((out[f.name] ??= []) as ProtoValue[]).push(value);
    else out[f.name] = value;
  }
  return out;
}
