import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { toYaml, toYamlLines, formatGoFloat } from './toYaml';
import { compareKeys } from './keyOrder';
import { resolvesAsNonString } from './resolve';
import { scalarStyle } from './scalarStyle';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('toYaml matches real kubectl 1.32 `-o yaml`', () => {
  // Fixtures: `kubectl get … -o json` and `-o yaml` of the same objects, captured from the Node host.
  for (const name of ['pod', 'cm', 'deploy', 'node']) {
    it(`${name}`, () => {
      expect(toYaml(JSON.parse(fixture(`${name}.json`)))).toBe(fixture(`${name}.yaml`));
    });
  }
});

describe('scalars', () => {
  it('quotes strings that YAML would read as something else', () => {
    for (const s of ['80', 'true', 'y', 'NO', '~', '', '1.5', '1e3', '0x1F', '0777', '2025-01-01', '2025-01-01T00:00:00Z', '.5', '1:20', '-1']) {
      expect(resolvesAsNonString(s), s).toBe(true);
    }
    for (const s of ['nginx:1.27', 'web', '8080:80', '.', 'yess', '2025-13-45', '1.2.3', 'Ready']) {
      expect(resolvesAsNonString(s), s).toBe(false);
    }
  });

  it('picks the style go-yaml picks', () => {
    expect(scalarStyle('plain text')).toBe('plain');
    expect(scalarStyle('key: value')).toBe('single');
    expect(scalarStyle('- item')).toBe('single');
    expect(scalarStyle('a\tb')).toBe('double');
    expect(scalarStyle('one\ntwo')).toBe('literal');
    expect(scalarStyle('trailing \nspace')).toBe('double');
    expect(scalarStyle('one\ntwo', true)).toBe('double');
    expect(scalarStyle('80')).toBe('double');
  });

  it('formats numbers like Go', () => {
    expect(formatGoFloat(3)).toBe('3');
    expect(formatGoFloat(0.5)).toBe('0.5');
    expect(formatGoFloat(1234567.5)).toBe('1.2345675e+06');
    expect(formatGoFloat(0.00001)).toBe('1e-05');
  });

  it('sorts keys naturally with non-letters first', () => {
    expect(['fieldsType', 'f:metadata', '.', 'a10', 'a9', 'B', 'a'].sort(compareKeys)).toEqual(['.', 'B', 'a', 'a9', 'a10', 'f:metadata', 'fieldsType']);
  });
});

describe('structure', () => {
  it('writes empty collections inline and nested sequences compactly', () => {
    expect(toYaml({ a: {}, b: [], c: [[1, 2], [{ x: null }]], d: { e: [true] } })).toBe(
      'a: {}\nb: []\nc:\n- - 1\n  - 2\n- - x: null\nd:\n  e:\n  - true\n',
    );
  });

  it('classifies tokens for colouring', () => {
    const lines = toYamlLines({ replicas: 2, name: 'web', ok: false, port: '80' });
    const kinds = lines.map((l) => l.filter((t) => t.kind !== 'space').map((t) => t.kind));
    expect(kinds).toEqual([
      ['key', 'punct', 'string'],
      ['key', 'punct', 'bool'],
      ['key', 'punct', 'string'],
      ['key', 'punct', 'number'],
    ]);
    expect(lines[2].map((t) => t.text).join('')).toBe('port: "80"');
  });

  it('survives values JSON cannot hold', () => {
    expect(toYaml(undefined)).toBe('null\n');
    expect(toYaml({ a: undefined, b: 'x' })).toBe('b: x\n');
    expect(toYaml('top')).toBe('top\n');
  });
});
