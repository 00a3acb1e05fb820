import { describe, expect, it } from 'vitest';
import { canonicalQuantity, compareQuantity, goQuantity, milliValue, parseQuantity, quantityString, roundUpMilli } from './quantity';

const q = (s: string) => {
  const v = parseQuantity(s);
  if (!v) throw new Error(`bad quantity ${s}`);
  return v;
};

describe('Quantity', () => {
  it.each([
    ['0.5', '500m'],
    ['500m', '500m'],
    ['1000m', '1'],
    ['1', '1'],
    ['1024Mi', '1Gi'],
    ['1536Mi', '1536Mi'],
    ['1.5Gi', '1536Mi'],
    ['128974848', '128974848'],
    ['129e6', '129e6'],
    ['129M', '129M'],
    ['2000', '2k'],
    ['1500', '1500'],
    ['0.5Ki', '512'],
    ['100n', '1m'],
    ['0', '0'],
    ['-1', '-1'],
    ['1E', '1E'],
  ])('%s is written back as %s', (input, want) => {
    expect(canonicalQuantity(input)).toBe(want);
  });

  it('keeps numbers from YAML as quantities', () => {
    expect(canonicalQuantity(2)).toBe('2');
    expect(canonicalQuantity(0.25)).toBe('250m');
  });

  it.each(['', 'abc', '1Kb', '1.2.3', '--1', '1 Gi'])('%s does not parse', (s) => {
    expect(parseQuantity(s)).toBeUndefined();
  });

  it('compares across suffixes', () => {
    expect(compareQuantity(q('1'), q('1000m'))).toBe(0);
    expect(compareQuantity(q('1Gi'), q('1G'))).toBe(1);
    expect(compareQuantity(q('250m'), q('0.3'))).toBe(-1);
  });

  it('rounds up to milli and reports milli values', () => {
    expect(quantityString(roundUpMilli(q('1.0001')))).toBe('1001m');
    expect(milliValue(q('1.5'))).toBe(1500n);
  });

  it('prints like Go %#v for int64-backed values', () => {
    expect(goQuantity(q('1500m'))).toBe(
      'resource.Quantity{i:resource.int64Amount{value:1500, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"1500m", Format:"DecimalSI"}',
    );
    expect(goQuantity(q('1.5'))).toContain('value:15, scale:-1}');
    expect(goQuantity(q('1.5'))).toContain('s:""');
  });
});
