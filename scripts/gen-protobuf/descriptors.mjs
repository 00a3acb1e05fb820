/**
 * Finds the gzipped FileDescriptorProtos that gogo-protobuf's proto.RegisterFile embeds in a Go
 * binary, and parses the parts of descriptor.proto that decoding needs.
 */
import zlib from 'node:zlib';

const GZIP_MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);

/** The offset where a gzip member's deflate data starts (RFC 1952 header), or -1. */
function gzipDataStart(bin, i) {
  const flags = bin[i + 3];
  if (flags & 0xe0) return -1; // reserved bits: not a gzip header
  let p = i + 10;
  if (flags & 0x04) p += 2 + bin.readUInt16LE(p); // FEXTRA
  if (flags & 0x08) p = bin.indexOf(0, p) + 1; // FNAME
  if (flags & 0x10) p = bin.indexOf(0, p) + 1; // FCOMMENT
  if (flags & 0x02) p += 2; // FHCRC
  return p > i && p < bin.length ? p : -1;
}

/**
 * Yields every inflatable gzip member in `bin` (most hits of the magic are not streams). Each is
 * inflated on its own: gunzip would run on into a member that happens to follow.
 */
export function* gzipStreams(bin) {
  for (let i = bin.indexOf(GZIP_MAGIC); i >= 0; i = bin.indexOf(GZIP_MAGIC, i + 1)) {
    const start = gzipDataStart(bin, i);
    if (start < 0) continue;
    let out;
    try {
      // Members are not delimited in the binary: inflate what follows; inflate stops at the member's end.
      out = zlib.inflateRawSync(bin.subarray(start, start + 4 * 1024 * 1024), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    } catch {
      continue;
    }
    yield out;
  }
}

function readVarint(b, pos) {
  let result = 0n;
  let shift = 0n;
  for (;;) {
    if (pos >= b.length) throw new Error('truncated varint');
    const c = b[pos++];
    result |= BigInt(c & 0x7f) << shift;
    if (!(c & 0x80)) return [result, pos];
    shift += 7n;
    if (shift > 63n) throw new Error('varint too long');
  }
}

/** The fields of one protobuf message as [fieldNumber, value] (varints as numbers, length-delimited as Buffers). */
export function wireFields(b) {
  const out = [];
  let pos = 0;
  while (pos < b.length) {
    const [tag, p1] = readVarint(b, pos);
    pos = p1;
    const no = Number(tag >> 3n);
    const wt = Number(tag & 7n);
    if (wt === 0) {
      const [v, p2] = readVarint(b, pos);
      pos = p2;
      out.push([no, Number(BigInt.asIntN(64, v))]);
    } else if (wt === 2) {
      const [len, p2] = readVarint(b, pos);
      const end = p2 + Number(len);
      if (end > b.length) throw new Error('truncated field');
      out.push([no, b.subarray(p2, end)]);
      pos = end;
    } else if (wt === 5) {
      if (pos + 4 > b.length) throw new Error('truncated fixed32');
      out.push([no, b.readUInt32LE(pos)]);
      pos += 4;
    } else if (wt === 1) {
      if (pos + 8 > b.length) throw new Error('truncated fixed64');
      out.push([no, b.readBigUInt64LE(pos)]);
      pos += 8;
    } else throw new Error(`unsupported wire type ${wt}`);
  }
  return out;
}

const str = (v) => v.toString('utf8');

// descriptor.proto field numbers
const FILE = { name: 1, package: 2, messageType: 4 };
const MESSAGE = { name: 1, field: 2, nestedType: 3, options: 7 };
const MESSAGE_OPTIONS = { mapEntry: 7 };
const FIELD = { name: 1, number: 3, label: 4, type: 5, typeName: 6, options: 8 };
const GOGO_NULLABLE = 65001; // gogoproto.nullable: false ⇒ a Go value, not a pointer

function parseField(b) {
  const f = { name: '', number: 0, label: 1, type: 0, typeName: '', nullable: true };
  for (const [no, v] of wireFields(b)) {
    if (no === FIELD.name) f.name = str(v);
    else if (no === FIELD.number) f.number = v;
    else if (no === FIELD.label) f.label = v;
    else if (no === FIELD.type) f.type = v;
    else if (no === FIELD.typeName) f.typeName = str(v).replace(/^\./, '');
    else if (no === FIELD.options) {
      for (const [ono, ov] of wireFields(v)) if (ono === GOGO_NULLABLE) f.nullable = ov !== 0;
    }
  }
  return f;
}

function parseMessage(b, scope, out) {
  const m = { name: '', fields: [], mapEntry: false };
  const nested = [];
  for (const [no, v] of wireFields(b)) {
    if (no === MESSAGE.name) m.name = `${scope}.${str(v)}`;
    else if (no === MESSAGE.field) m.fields.push(parseField(v));
    else if (no === MESSAGE.nestedType) nested.push(v);
    else if (no === MESSAGE.options) {
      for (const [ono, ov] of wireFields(v)) if (ono === MESSAGE_OPTIONS.mapEntry) m.mapEntry = ov !== 0;
    }
  }
  out.push(m);
  for (const n of nested) parseMessage(n, m.name, out);
}

/** Parses a FileDescriptorProto; returns undefined when the bytes are not one. */
export function parseFileDescriptor(b) {
  let fields;
  try {
    fields = wireFields(b);
  } catch {
    return undefined;
  }
  const name = fields.find(([no, v]) => no === FILE.name && Buffer.isBuffer(v));
  const pkg = fields.find(([no, v]) => no === FILE.package && Buffer.isBuffer(v));
  if (!name || !pkg || !str(name[1]).endsWith('.proto')) return undefined;
  const messages = [];
  for (const [no, v] of fields) if (no === FILE.messageType && Buffer.isBuffer(v)) parseMessage(v, str(pkg[1]), messages);
  return { name: str(name[1]), package: str(pkg[1]), messages };
}
