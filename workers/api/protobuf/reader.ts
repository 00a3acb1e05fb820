/**
 * A protobuf wire-format reader over a Uint8Array. Errors carry the texts gogo-protobuf's generated
 * Unmarshal methods return (the generated.pb.go files of k8s.io/api), since those reach the client verbatim.
 */

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_BYTES = 2;
export const WIRE_START_GROUP = 3;
export const WIRE_END_GROUP = 4;
export const WIRE_FIXED32 = 5;

/** A decoding failure; `message` is what the API server reports. */
export class WireError extends Error {}

export const UNEXPECTED_EOF = 'unexpected EOF';
const INT_OVERFLOW = 'proto: integer overflow';
const NEGATIVE_LENGTH = 'proto: negative length found during unmarshaling';

const TWO_32 = 4294967296;

export class Reader {
  pos = 0;
  /** End of the message being read: nested messages narrow it, as gogo slices dAtA per message. */
  limit: number;

  constructor(readonly buf: Uint8Array) {
    this.limit = buf.length;
  }

  private byte(): number {
    if (this.pos >= this.limit) throw new WireError(UNEXPECTED_EOF);
    return this.buf[this.pos++];
  }

  /** A varint that must fit in 32 bits (tags, lengths): bits above 32 are an overflow as in gogo. */
  uint32(): number {
    let b = this.byte();
    if (b < 0x80) return b;
    let v = b & 0x7f;
    b = this.byte();
    v |= (b & 0x7f) << 7;
    if (b < 0x80) return v;
    b = this.byte();
    v |= (b & 0x7f) << 14;
    if (b < 0x80) return v;
    b = this.byte();
    v |= (b & 0x7f) << 21;
    if (b < 0x80) return v;
    b = this.byte();
    v = (v | ((b & 0x7f) << 28)) >>> 0;
    if (b < 0x80) return v;
    // Longer varints (a negative int32 is sign-extended to 10 bytes) keep the low 32 bits.
    for (let i = 0; i < 5; i++) if (this.byte() < 0x80) return v;
    throw new WireError(INT_OVERFLOW);
  }

  /** A varint as two 32-bit halves, for int64/uint64 fields. */
  private varint64(): [lo: number, hi: number] {
    let lo = 0;
    let hi = 0;
    let b = 0;
    for (let shift = 0; shift < 28; shift += 7) {
      b = this.byte();
      lo |= (b & 0x7f) << shift;
      if (b < 0x80) return [lo >>> 0, 0];
    }
    b = this.byte();
    lo |= (b & 0x0f) << 28;
    hi = (b & 0x7f) >> 4;
    if (b < 0x80) return [lo >>> 0, hi];
    for (let shift = 3; shift < 32; shift += 7) {
      b = this.byte();
      hi |= (b & 0x7f) << shift;
      if (b < 0x80) return [lo >>> 0, hi >>> 0];
    }
    throw new WireError(INT_OVERFLOW);
  }

  int64(): number {
    const [lo, hi] = this.varint64();
    return hi & 0x80000000 ? -((~hi >>> 0) * TWO_32 + (~lo >>> 0) + 1) : hi * TWO_32 + lo;
  }

  uint64(): number {
    const [lo, hi] = this.varint64();
    return hi * TWO_32 + lo;
  }

  sint64(): number {
    const [lo, hi] = this.varint64();
    const magnitude = (hi >>> 0) * TWO_32 + (lo >>> 0);
    return lo & 1 ? -(magnitude + 1) / 2 : magnitude / 2;
  }

  int32(): number {
    return this.uint32() | 0;
  }

  sint32(): number {
    const n = this.uint32();
    return (n >>> 1) ^ -(n & 1);
  }

  bool(): boolean {
    const [lo, hi] = this.varint64();
    return lo !== 0 || hi !== 0;
  }

  fixed32(): number {
    return this.view(4).getUint32(0, true);
  }

  sfixed32(): number {
    return this.view(4).getInt32(0, true);
  }

  fixed64(signed: boolean): number {
    const v = this.view(8);
    const lo = v.getUint32(0, true);
    const hi = signed ? v.getInt32(4, true) : v.getUint32(4, true);
    return hi * TWO_32 + lo;
  }

  float(): number {
    return this.view(4).getFloat32(0, true);
  }

  double(): number {
    return this.view(8).getFloat64(0, true);
  }

  private view(n: number): DataView {
    if (this.pos + n > this.limit) throw new WireError(UNEXPECTED_EOF);
    const v = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, n);
    this.pos += n;
    return v;
  }

  /** The end offset of a length-delimited field whose length prefix comes next. */
  lengthDelimited(): number {
    const len = this.int64();
    if (len < 0) throw new WireError(NEGATIVE_LENGTH);
    const end = this.pos + len;
    if (end > this.limit) throw new WireError(UNEXPECTED_EOF);
    return end;
  }

  bytes(): Uint8Array {
    const end = this.lengthDelimited();
    const out = this.buf.subarray(this.pos, end);
    this.pos = end;
    return out;
  }

  string(): string {
    const end = this.lengthDelimited();
    const s = utf8(this.buf, this.pos, end);
    this.pos = end;
    return s;
  }

  /** Skips a field the schema does not know, as gogo's skipGenerated does. */
  skip(wireType: number): void {
    switch (wireType) {
      case WIRE_VARINT:
        this.varint64();
        return;
      case WIRE_FIXED64:
        this.view(8);
        return;
      case WIRE_BYTES:
        this.pos = this.lengthDelimited();
        return;
      case WIRE_FIXED32:
        this.view(4);
        return;
      case WIRE_START_GROUP: {
        for (;;) {
          const tag = this.uint32();
          const wt = tag & 7;
          if (wt === WIRE_END_GROUP) return;
          this.skip(wt);
        }
      }
      case WIRE_END_GROUP:
        throw new WireError('proto: unexpected end of group');
      default:
        throw new WireError(`proto: illegal wireType ${wireType}`);
    }
  }
}

const decoder = new TextDecoder();

/** UTF-8 text; invalid sequences become U+FFFD, as Go's JSON encoder renders them. */
export function utf8(buf: Uint8Array, start: number, end: number): string {
  // Short ASCII strings (names, labels) dominate; building them directly beats TextDecoder.
  if (end - start < 48) {
    let s = '';
    for (let i = start; i < end; i++) {
      const c = buf[i];
      if (c >= 0x80) return decoder.decode(buf.subarray(start, end));
      s += String.fromCharCode(c);
    }
    return s;
  }
  return decoder.decode(buf.subarray(start, end));
}
