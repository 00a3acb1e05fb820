import { describe, expect, it } from 'vitest';
import { goS, goTypeName, goV } from './goFormat';

describe('goV (fmt %v of decoded JSON)', () => {
  it.each<[unknown, string]>([
    [null, '<nil>'],
    ['abc', 'abc'],
    [true, 'true'],
    [80, '80'],
    [0.5, '0.5'],
    [1234567.5, '1.2345675e+06'],
    [0.00001, '1e-05'],
    [['a', 1, null], '[a 1 <nil>]'],
    [{ b: 1, a: { z: 'x' }, $patch: 'delete' }, 'map[$patch:delete a:map[z:x] b:1]'],
    [[], '[]'],
    [{}, 'map[]'],
  ])('%j → %s', (v, want) => {
    expect(goV(v)).toBe(want);
  });
});

describe('goTypeName / goS', () => {
  it('names Go types of decoded values', () => {
    expect([goTypeName('x'), goTypeName(1), goTypeName(1.5), goTypeName(false), goTypeName([]), goTypeName({}), goTypeName(null)]).toEqual([
      'string',
      'int64',
      'float64',
      'bool',
      '[]interface {}',
      'map[string]interface {}',
      '%!s(<nil>)',
    ]);
  });

  it('prints non-strings under %s the way fmt complains', () => {
    expect(goS('replace')).toBe('replace');
    expect(goS(5)).toBe('%!s(int64=5)');
    expect(goS(true)).toBe('%!s(bool=true)');
    expect(goS(null)).toBe('%!s(<nil>)');
  });
});
