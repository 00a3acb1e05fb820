import { describe, it, expect } from 'vitest';
import { canonicalQuantity, parseQuantity } from '../../validation/quantity';
import { path } from '../../validation/field';
import { canonicalQuantityMemo, parseQuantityMemo } from './quantityMemo';
import { validateContainerResourceName } from './resources';

const INPUTS: (string | number)[] = ['100m', '64Mi', '0.5', '1e3', '1.5Gi', ' 2 ', '-1', 'abc', '', '0', 1, 0.25, 1024, '1024Mi', '1000m', '12345678901234567890', '.5', '5.', '1E'];

describe('remembered quantities', () => {
  it('parse and canonicalize exactly as the parser does, the first time and the next', () => {
    for (let round = 0; round < 2; round++) {
      for (const v of INPUTS) {
        expect(parseQuantityMemo(v)).toEqual(parseQuantity(v));
        expect(canonicalQuantityMemo(v)).toEqual(canonicalQuantity(v));
      }
    }
    expect(canonicalQuantityMemo('0.5')).toBe('500m');
    expect(parseQuantityMemo('abc')).toBeUndefined();
    // The string "1" and the number 1 are separate inputs with the same answer.
    expect(parseQuantityMemo('1')).toEqual(parseQuantityMemo(1));
    expect(canonicalQuantityMemo(undefined)).toBeUndefined();
    expect(canonicalQuantityMemo({ a: 1 })).toEqual({ a: 1 });
  });
});

describe('remembered resource names', () => {
  it('still report a bad name, at its own path, however often it comes', () => {
    for (let round = 0; round < 2; round++) {
      expect(validateContainerResourceName('cpu', path('spec', 'containers').index(0).child('resources', 'limits').key('cpu'))).toEqual([]);
      const bad = validateContainerResourceName('pods', path('x').key(String(round)));
      expect(bad).toHaveLength(1);
      expect(bad[0].field).toBe(`x[${round}]`);
      expect(bad[0].detail).toBe('must be a standard resource for containers');
    }
  });
});
