import { describe, expect, it } from 'vitest';
import { Reader, WireError } from './reader';
import { concat, varint } from './testing/encode';

const reader = (...parts: Uint8Array[]) => new Reader(concat(...parts));

describe('Reader', () => {
  it('reads sign-extended negative int32 and full-width int64 varints', () => {
    expect(reader(varint(-1)).int32()).toBe(-1);
    expect(reader(varint(-2147483648)).int32()).toBe(-2147483648);
    expect(reader(varint(4294967295)).uint32()).toBe(4294967295);
    expect(reader(varint(Number.MAX_SAFE_INTEGER)).int64()).toBe(Number.MAX_SAFE_INTEGER);
    expect(reader(varint(-Number.MAX_SAFE_INTEGER)).int64()).toBe(-Number.MAX_SAFE_INTEGER);
    expect(reader(varint(-1)).int64()).toBe(-1);
    expect(reader(varint(-(2 ** 40))).int64()).toBe(-(2 ** 40));
    expect(reader(varint(2n ** 63n)).uint64()).toBe(2 ** 63);
  });

  it('decodes zigzag and fixed-width values', () => {
    expect(reader(varint(3)).sint32()).toBe(-2);
    expect(reader(varint(4)).sint32()).toBe(2);
    expect(reader(varint(2 ** 41 - 1)).sint64()).toBe(-(2 ** 40));
    const fixed = new Uint8Array(8);
    new DataView(fixed.buffer).setBigInt64(0, -5n, true);
    expect(new Reader(fixed).fixed64(true)).toBe(-5);
    new DataView(fixed.buffer).setFloat64(0, 1.25, true);
    expect(new Reader(fixed).double()).toBe(1.25);
  });

  it('reports overflow, truncation and negative lengths with gogo texts', () => {
    expect(() => new Reader(Uint8Array.from(Array(11).fill(0xff))).int64()).toThrow(new WireError('proto: integer overflow'));
    expect(() => new Reader(Uint8Array.from(Array(11).fill(0xff))).uint32()).toThrow('proto: integer overflow');
    expect(() => new Reader(Uint8Array.from([0x80])).uint32()).toThrow('unexpected EOF');
    expect(() => new Reader(concat(varint(5), Uint8Array.from([1, 2]))).string()).toThrow('unexpected EOF');
    expect(() => reader(varint(-1)).lengthDelimited()).toThrow('proto: negative length found during unmarshaling');
  });

  it('keeps nested reads inside the current limit', () => {
    const r = reader(Uint8Array.from([1, 2, 3, 4]));
    r.limit = 2;
    expect(() => r.fixed32()).toThrow('unexpected EOF');
  });

  it('skips every wire type, including groups', () => {
    const group = Uint8Array.from([0x0b, 0x08, 0x01, 0x0c, 0x10, 0x07]); // start group 1 { field 1 = 1 } end group, field 2 = 7
    const r = new Reader(group);
    r.uint32();
    r.skip(3);
    expect(r.uint32()).toBe(0x10);
    expect(r.int32()).toBe(7);
    expect(() => new Reader(new Uint8Array()).skip(4)).toThrow('proto: unexpected end of group');
    expect(() => new Reader(new Uint8Array()).skip(7)).toThrow('proto: illegal wireType 7');
  });

  it('decodes UTF-8 text, replacing invalid bytes', () => {
    const text = new TextEncoder().encode('héllo ✓ '.repeat(10));
    expect(reader(varint(text.length), text).string()).toBe('héllo ✓ '.repeat(10));
    expect(reader(varint(2), Uint8Array.from([0x61, 0xff])).string()).toBe('a\ufffd');
  });
});
