import { describe, expect, it } from 'vitest';
import { base64, durationJSON, microTimeJSON, timeJSON } from './wellKnown';

describe('timeJSON / microTimeJSON', () => {
  it('formats like metav1.Time and MicroTime MarshalJSON', () => {
    expect(timeJSON(1735689600, 0)).toBe('2025-01-01T00:00:00Z');
    expect(timeJSON(1735689600, 999_999_999)).toBe('2025-01-01T00:00:00Z');
    expect(microTimeJSON(1735689600, 5_000)).toBe('2025-01-01T00:00:00.000005Z');
    expect(microTimeJSON(1735689600, 0)).toBe('2025-01-01T00:00:00.000000Z');
  });

  it('treats {0, 0} as the zero time (null) but not the Unix epoch with nanos', () => {
    expect(timeJSON(0, 0)).toBeNull();
    expect(microTimeJSON(0, 0)).toBeNull();
    expect(microTimeJSON(0, 1000)).toBe('1970-01-01T00:00:00.000001Z');
  });

  it('handles times before 1970 and out-of-range years', () => {
    expect(timeJSON(-1, 0)).toBe('1969-12-31T23:59:59Z');
    expect(timeJSON(-62135596800, 1)).toBe('0001-01-01T00:00:00Z');
    expect(timeJSON(253402300800, 0)).toEqual(new Error('Time.MarshalJSON: year outside of range [0,9999]'));
    expect(timeJSON(1e17, 0)).toBeInstanceOf(Error);
  });
});

describe('durationJSON', () => {
  it.each([
    [0, '0s'],
    [999, '999ns'],
    [1_500, '1.5µs'],
    [250e6, '250ms'],
    [1.5e9, '1.5s'],
    [90e9, '1m30s'],
    [3600e9, '1h0m0s'],
    [3661.5e9, '1h1m1.5s'],
    [-2e9, '-2s'],
    [100 * 3600e9, '100h0m0s'],
  ])('%d ns is %s', (ns, want) => {
    expect(durationJSON(ns)).toBe(want);
  });
});

describe('base64', () => {
  it('matches standard padded base64 for every tail length', () => {
    for (let n = 0; n < 40; n++) {
      const b = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 0xff);
      expect(base64(b)).toBe(Buffer.from(b).toString('base64'));
    }
  });
});
