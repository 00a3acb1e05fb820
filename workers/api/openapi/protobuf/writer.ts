/**
 * A protobuf wire-format writer into one growing buffer. A nested message is written in place after
 * a one-byte length slot, which is widened (shifting the body) when the body turns out ≥ 128 bytes:
 * no per-message buffers, one copy per level at most.
 */

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_BYTES = 2;

const utf8 = new TextEncoder();

function varintSize(n: number): number {
  let size = 1;
  while (n >= 128) {
    n = Math.floor(n / 128);
    size++;
  }
  return size;
}

export class Writer {
  private buf = new Uint8Array(1 << 16);
  private pos = 0;
  private readonly view = (): DataView => new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);

  private ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
  }

  /** An unsigned varint of a non-negative safe integer. */
  private uvarint(n: number): void {
    this.ensure(10);
    while (n >= 128) {
      this.buf[this.pos++] = (n % 128) | 0x80;
      n = Math.floor(n / 128);
    }
    this.buf[this.pos++] = n;
  }

  tag(field: number, wire: number): void {
    this.uvarint(field * 8 + wire);
  }

  /** int64/int32/bool as a varint: negatives take ten bytes (two's complement), as Go writes them. */
  varintField(field: number, v: number | bigint): void {
    this.tag(field, WIRE_VARINT);
    if (typeof v === 'number' && v >= 0 && Number.isSafeInteger(v)) return this.uvarint(v);
    let u = BigInt.asUintN(64, BigInt(v));
    this.ensure(10);
    while (u >= 128n) {
      this.buf[this.pos++] = Number(u & 0x7fn) | 0x80;
      u >>= 7n;
    }
    this.buf[this.pos++] = Number(u);
  }

  doubleField(field: number, v: number): void {
    this.tag(field, WIRE_FIXED64);
    this.ensure(8);
    this.view().setFloat64(this.pos, v, true);
    this.pos += 8;
  }

  stringField(field: number, s: string): void {
    this.tag(field, WIRE_BYTES);
    // ASCII is the common case: its length is known up front.
    if (/^[\x00-\x7f]*$/.test(s)) {
      this.uvarint(s.length);
      this.ensure(s.length);
      for (let i = 0; i < s.length; i++) this.buf[this.pos++] = s.charCodeAt(i);
      return;
    }
    this.bytes(utf8.encode(s));
  }

  bytesField(field: number, b: Uint8Array): void {
    this.tag(field, WIRE_BYTES);
    this.bytes(b);
  }

  private bytes(b: Uint8Array): void {
    this.uvarint(b.length);
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }

  /** A length-delimited field whose body `body` writes. */
  messageField(field: number, body: () => void): void {
    this.tag(field, WIRE_BYTES);
    this.ensure(1);
    const slot = this.pos++;
    body();
    const len = this.pos - slot - 1;
    const size = varintSize(len);
    if (size > 1) {
      this.ensure(size - 1);
      this.buf.copyWithin(slot + size, slot + 1, this.pos);
      this.pos += size - 1;
    }
    let n = len;
    let p = slot;
    while (n >= 128) {
      this.buf[p++] = (n % 128) | 0x80;
      n = Math.floor(n / 128);
    }
    this.buf[p] = n;
  }

  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}
