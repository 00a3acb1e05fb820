import { describe, it, expect } from 'vitest';
import {
  ERR_FORMAT_WRONG,
  ERR_NUMERIC,
  ERR_SUFFIX,
  canonicalQuantity,
  mustParseQuantity,
  newMilliQuantity,
  newQuantity,
  parseQuantity,
  quantityFromJSON,
  Quantity,
} from './quantity';

describe('parseQuantity → String()', () => {
  const cases: [string, string][] = [
    ['0', '0'],
    ['100m', '100m'],
    ['0.5', '500m'],
    ['1.5', '1500m'],
    ['0.1', '100m'],
    ['1000m', '1'],
    ['1000', '1k'],
    ['1024', '1024'],
    ['1Gi', '1Gi'],
    ['8Gi', '8Gi'],
    ['128974848', '128974848'],
    ['129e6', '129e6'],
    ['1000e3', '1e6'],
    ['12e-1', '1200e-3'],
    ['123Mi', '123Mi'],
    ['1000Mi', '1000Mi'],
    ['1024Ki', '1Mi'],
    ['1536Mi', '1536Mi'],
    ['1.5Gi', '1536Mi'],
    ['0.5Gi', '512Mi'],
    ['1.5Ki', '1536'],
    ['0.5Ki', '512'],
    ['1k', '1k'],
    ['1M', '1M'],
    ['2E', '2E'],
    ['1n', '1n'],
    ['0.0001', '100u'],
    ['0.1n', '1n'],
    ['-0.1n', '-1n'],
    ['-100m', '-100m'],
    ['-1.5', '-1500m'],
    ['0.0', '0'],
    // upstream keeps already-canonical input text verbatim, leading zeros included
    ['00100m', '00100m'],
    ['+1', '+1'],
    ['1e-10', '1e-9'],
    ['Ki', '0'],
    ['9223372036854775807', '9223372036854775807'],
    ['10Ei', '9223372036854775807'],
    ['100Ti', '100Ti'],
  ];
  it.each(cases)('%s → %s', (input, want) => {
    const r = parseQuantity(input);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.quantity.toString()).toBe(want);
  });

  it('canonical forms re-parse to the same value and text', () => {
    for (const [input] of cases) {
      const q = mustParseQuantity(input);
      const again = mustParseQuantity(q.toString());
      expect(again.cmp(q)).toBe(0);
      expect(again.toString()).toBe(q.toString());
    }
  });
});

describe('parseQuantity errors', () => {
  const cases: [string, string][] = [
    ['', ERR_FORMAT_WRONG],
    ['abc', ERR_FORMAT_WRONG],
    ['1Kb', ERR_FORMAT_WRONG],
    [' 1', ERR_FORMAT_WRONG],
    ['1.2.3', ERR_FORMAT_WRONG],
    ['1 Gi', ERR_FORMAT_WRONG],
    ['1KK', ERR_SUFFIX],
    ['1e', ERR_SUFFIX],
    ['1Mb', ERR_FORMAT_WRONG],
    ['1mi', ERR_SUFFIX],
    ['Ei', ERR_NUMERIC],
  ];
  it.each(cases)('%j → %s', (input, err) => {
    const r = parseQuantity(input);
    expect(r).toEqual({ ok: false, error: err });
  });

  it('uses the upstream regular expression text', () => {
    expect(ERR_FORMAT_WRONG).toBe("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  });
});

describe('values', () => {
  it('value() and milliValue() round up away from zero', () => {
    expect(mustParseQuantity('100m').value()).toBe(1);
    expect(mustParseQuantity('100m').milliValue()).toBe(100);
    expect(mustParseQuantity('1.5').value()).toBe(2);
    expect(mustParseQuantity('-1.5').value()).toBe(-2);
    expect(mustParseQuantity('1n').milliValue()).toBe(1);
    expect(mustParseQuantity('1Gi').value()).toBe(1073741824);
    expect(mustParseQuantity('2').milliValue()).toBe(2000);
  });

  it('adds and subtracts exactly, keeping the format rules', () => {
    const sum = (...xs: string[]) => xs.map(mustParseQuantity).reduce((a, b) => a.add(b), Quantity.zero());
    expect(sum('100m', '200m').toString()).toBe('300m');
    expect(sum('1Gi', '512Mi').toString()).toBe('1536Mi');
    expect(sum('1', '500m').toString()).toBe('1500m');
    // 0.1 + 0.2 without float drift
    expect(sum('0.1', '0.2').toString()).toBe('300m');
    expect(sum(...Array.from({ length: 10 }, () => '0.1')).toString()).toBe('1');
    expect(mustParseQuantity('1').sub(mustParseQuantity('250m')).toString()).toBe('750m');
    expect(Quantity.zero().sub(mustParseQuantity('1Gi')).toString()).toBe('-1Gi');
  });

  it('compares across formats', () => {
    expect(mustParseQuantity('1Gi').cmp(mustParseQuantity('1G'))).toBe(1);
    expect(mustParseQuantity('1000m').cmp(mustParseQuantity('1'))).toBe(0);
    expect(mustParseQuantity('999m').cmp(mustParseQuantity('1'))).toBe(-1);
  });

  it('builds quantities like NewQuantity / NewMilliQuantity', () => {
    expect(newQuantity(2).toString()).toBe('2');
    expect(newQuantity(3000).toString()).toBe('3k');
    expect(newQuantity(1024 * 1024, 'BinarySI').toString()).toBe('1Mi');
    expect(newMilliQuantity(1500).toString()).toBe('1500m');
    expect(newMilliQuantity(2000).toString()).toBe('2');
  });
});

describe('JSON values', () => {
  it('accepts numbers as upstream UnmarshalJSON does', () => {
    expect(canonicalQuantity(1)).toBe('1');
    expect(canonicalQuantity(0.5)).toBe('500m');
    expect(canonicalQuantity('1.5Gi')).toBe('1536Mi');
    expect(canonicalQuantity(' 2 ')).toBe('2');
    expect(canonicalQuantity(true)).toBeUndefined();
    expect(quantityFromJSON('x').ok).toBe(false);
  });

  it('serializes through JSON.stringify as its string form', () => {
    expect(JSON.stringify({ cpu: mustParseQuantity('0.25') })).toBe('{"cpu":"250m"}');
  });
});
