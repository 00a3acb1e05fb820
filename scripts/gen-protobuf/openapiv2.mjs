/**
 * Finds the descriptors of gnostic's openapiv2/OpenAPIv2.proto (package openapi.v2, the message
 * kubectl's discovery client unmarshals `/openapi/v2` into) and google/protobuf/any.proto in a Go
 * binary, and turns them into the table workers/api/openapi/protobuf/ encodes with.
 *
 * Unlike the gogo-protobuf k8s.io types, these are google.golang.org/protobuf (protoimpl) files:
 * their FileDescriptorProto sits in the binary uncompressed (the generated `rawDesc`), with no
 * length beside it. protoc writes a file's fields in field-number order and every non-repeated
 * field once, so the descriptor ends where that order breaks.
 */
import { wireFields } from './descriptors.mjs';

const SCALARS = {
  1: 'double', 2: 'float', 3: 'int64', 4: 'uint64', 5: 'int32', 6: 'fixed64', 7: 'fixed32', 8: 'bool',
  9: 'string', 12: 'bytes', 13: 'uint32', 15: 'sfixed32', 16: 'sfixed64', 17: 'sint32', 18: 'sint64',
};
const TYPE_MESSAGE = 11;
const TYPE_ENUM = 14;
const LABEL_REPEATED = 3;

// descriptor.proto FileDescriptorProto: field number → wire type; repeated fields may recur.
const FILE_FIELDS = { 1: 2, 2: 2, 3: 2, 4: 2, 5: 2, 6: 2, 7: 2, 8: 2, 9: 2, 10: 0, 11: 0, 12: 2, 13: 2, 14: 0 };
const FILE_REPEATED = new Set([3, 4, 5, 6, 7, 10, 11]);
const FILE = { name: 1, package: 2, dependency: 3, messageType: 4, enumType: 5 };
const MESSAGE = { name: 1, field: 2, nestedType: 3, enumType: 4, oneofDecl: 8 };
const FIELD = { name: 1, number: 3, label: 4, type: 5, typeName: 6, oneofIndex: 9, proto3Optional: 17 };

/** Reads a varint at `pos`; undefined when the bytes run out or it is longer than 10 bytes. */
function varintAt(b, pos) {
  let v = 0;
  let mul = 1;
  for (let i = 0; i < 10 && pos + i < b.length; i++) {
    const c = b[pos + i];
    v += (c & 0x7f) * mul;
    mul *= 128;
    if (!(c & 0x80)) return [v, pos + i + 1];
  }
  return undefined;
}

const encodeVarint = (n) => {
  const out = [];
  do {
    let c = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) c |= 0x80;
    out.push(c);
  } while (n);
  return out;
};

/** Length of the FileDescriptorProto starting at `start`: up to the first field out of protoc's order. */
function descriptorLength(bin, start) {
  let pos = start;
  let last = 0;
  for (;;) {
    const tag = varintAt(bin, pos);
    if (!tag) return pos - start;
    const no = Math.floor(tag[0] / 8);
    const wt = tag[0] % 8;
    if (FILE_FIELDS[no] !== wt || no < last || (no === last && !FILE_REPEATED.has(no))) return pos - start;
    let end;
    if (wt === 0) {
      const v = varintAt(bin, tag[1]);
      if (!v) return pos - start;
      end = v[1];
    } else {
      const len = varintAt(bin, tag[1]);
      if (!len || len[1] + len[0] > bin.length) return pos - start;
      end = len[1] + len[0];
    }
    last = no;
    pos = end;
  }
}

/**
 * The uncompressed FileDescriptorProto named `fileName` in `bin`, or undefined. Every copy of the
 * name preceded by its field-1 tag is tried; the one that declares `pkg` and parses wins.
 */
export function findRawFileDescriptor(bin, fileName, pkg) {
  const name = Buffer.from(fileName);
  const needle = Buffer.concat([Buffer.from([(FILE.name << 3) | 2, ...encodeVarint(name.length)]), name]);
  const pkgField = Buffer.concat([Buffer.from([(FILE.package << 3) | 2, ...encodeVarint(pkg.length)]), Buffer.from(pkg)]);
  for (let i = bin.indexOf(needle); i >= 0; i = bin.indexOf(needle, i + 1)) {
    if (!bin.subarray(i + needle.length, i + needle.length + pkgField.length).equals(pkgField)) continue;
    const bytes = bin.subarray(i, i + descriptorLength(bin, i));
    try {
      wireFields(bytes);
    } catch {
      continue;
    }
    return Buffer.from(bytes);
  }
  return undefined;
}

const str = (v) => v.toString('utf8');

function parseField(b) {
  const f = { name: '', number: 0, label: 1, type: 0, typeName: '', oneofIndex: -1, proto3Optional: false };
  for (const [no, v] of wireFields(b)) {
    if (no === FIELD.name) f.name = str(v);
    else if (no === FIELD.number) f.number = v;
    else if (no === FIELD.label) f.label = v;
    else if (no === FIELD.type) f.type = v;
    else if (no === FIELD.typeName) f.typeName = str(v).replace(/^\./, '');
    else if (no === FIELD.oneofIndex) f.oneofIndex = v;
    else if (no === FIELD.proto3Optional) f.proto3Optional = v !== 0;
  }
  return f;
}

function parseMessage(b, scope, out) {
  const m = { name: '', fields: [], oneofs: [] };
  for (const [no, v] of wireFields(b)) {
    if (no === MESSAGE.name) m.name = `${scope}.${str(v)}`;
    else if (no === MESSAGE.field) m.fields.push(parseField(v));
    else if (no === MESSAGE.oneofDecl) m.oneofs.push(str(wireFields(v).find(([n]) => n === 1)?.[1] ?? Buffer.alloc(0)));
    else if (no === MESSAGE.nestedType || no === MESSAGE.enumType) throw new Error(`${scope}: nested types and enums are not supported`);
  }
  out.push(m);
}

/** Parses a proto3 FileDescriptorProto into { name, package, dependencies, messages[{name, fields, oneofs}] }. */
export function parseRawFileDescriptor(b) {
  const file = { name: '', package: '', dependencies: [], messages: [] };
  for (const [no, v] of wireFields(b)) {
    if (no === FILE.name) file.name = str(v);
    else if (no === FILE.package) file.package = str(v);
    else if (no === FILE.dependency) file.dependencies.push(str(v));
    else if (no === FILE.enumType) throw new Error(`${file.name}: enums are not supported`);
  }
  for (const [no, v] of wireFields(b)) if (no === FILE.messageType) parseMessage(v, file.package, file.messages);
  return file;
}

/**
 * messages[fullName] = [[number, protoName, type, flags?]] sorted by number; type is a scalar or a
 * full message name; flags: r repeated, o member of the message's oneof (a oneof member is written
 * even when it holds its zero value).
 */
export function buildOpenApiV2Messages(files) {
  const all = new Map();
  for (const f of files) for (const m of f.messages) all.set(m.name, m);
  const problems = [];
  const messages = {};
  for (const name of [...all.keys()].sort()) {
    const m = all.get(name);
    if (m.oneofs.length > 1) problems.push(`${name}: more than one oneof`);
    messages[name] = [...m.fields]
      .sort((a, b) => a.number - b.number)
      .map((f) => {
        let type = SCALARS[f.type];
        if (f.type === TYPE_MESSAGE) {
          type = f.typeName;
          if (!all.has(type)) problems.push(`${name}.${f.name}: unknown type ${type}`);
        } else if (!type) problems.push(`${name}.${f.name}: unsupported field type ${f.type === TYPE_ENUM ? 'enum' : f.type}`);
        if (f.proto3Optional) problems.push(`${name}.${f.name}: proto3 optional is not supported`);
        const flags = (f.label === LABEL_REPEATED ? 'r' : '') + (f.oneofIndex >= 0 ? 'o' : '');
        return flags ? [f.number, f.name, type, flags] : [f.number, f.name, type];
      });
  }
  if (problems.length) throw new Error(`cannot build the openapi.v2 table:\n  ${problems.join('\n  ')}`);
  return messages;
}

/** The generated JSON text: one message per line. */
export function renderOpenApiV2Json(header, messages) {
  const lines = ['{'];
  for (const [k, v] of Object.entries(header)) lines.push(`${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  lines.push('"messages": {');
  const names = Object.keys(messages);
  names.forEach((n, i) => lines.push(`${JSON.stringify(n)}: ${JSON.stringify(messages[n])}${i < names.length - 1 ? ',' : ''}`));
  lines.push('}', '}', '');
  return lines.join('\n');
}
