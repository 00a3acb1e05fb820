import { describe, expect, it } from 'vitest';
import { Writer } from './writer';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('Writer', () => {
  it('writes varints, including ten-byte negatives as Go does for int64', () => {
    const w = new Writer();
    w.varintField(1, 0);
    w.varintField(1, 127);
    w.varintField(1, 300);
    w.varintField(2, -1);
    w.varintField(2, 2 ** 53);
    expect(hex(w.finish())).toBe(['0800', '087f', '08ac02', '10ffffffffffffffffff01', '108080808080808010'].join(''));
  });

  it('writes doubles little-endian and strings as UTF-8 with their byte length', () => {
    const w = new Writer();
    w.doubleField(3, 1.5);
    w.stringField(4, 'héllo');
    w.stringField(4, 'ab');
    expect(hex(w.finish())).toBe('19000000000000f83f' + '2206' + Buffer.from('héllo').toString('hex') + '22026162');
  });

  it('widens the length slot of nested messages past 127 and 16383 bytes', () => {
    for (const size of [0, 127, 128, 16383, 16384, 70000]) {
      const w = new Writer();
      w.messageField(1, () => w.bytesField(2, new Uint8Array(size).fill(7)));
      w.varintField(3, 1);
      const out = w.finish();
      const inner = 1 + (size < 128 ? 1 : size < 16384 ? 2 : 3) + size;
      // tag, length of `inner` as a varint, inner, then the trailing field intact.
      let p = 1;
      let len = 0;
      let mul = 1;
      for (;;) {
        const b = out[p++];
        len += (b & 0x7f) * mul;
        mul *= 128;
        if (!(b & 0x80)) break;
      }
      expect(len).toBe(inner);
      expect(out.length).toBe(p + inner + 2);
      if (size) expect(out[p + inner - 1]).toBe(7);
      expect(hex(out.subarray(out.length - 2))).toBe('1801');
    }
  });

  it('nests messages inside messages', () => {
    const w = new Writer();
    w.messageField(1, () => w.messageField(2, () => w.stringField(3, 'x')));
    expect(hex(w.finish())).toBe('0a05' + '1203' + '1a0178');
  });
});
