import { describe, expect, it } from 'vitest';
import { marshalYamlV3 } from './yamlV3';

describe('marshalYamlV3 (go-yaml v3 Marshal of a node parsed from JSON)', () => {
  it('writes plain strings bare and quotes those that would read back as another type', () => {
    expect(marshalYamlV3('merge')).toBe('merge\n');
    expect(marshalYamlV3('merge,retainKeys')).toBe('merge,retainKeys\n');
    expect(marshalYamlV3('a:b#c')).toBe('a:b#c\n');
    expect(marshalYamlV3("it's")).toBe("it's\n");
    // YAML 1.1 booleans are strings to go-yaml v3's resolver.
    expect(marshalYamlV3('yes')).toBe('yes\n');
    expect(marshalYamlV3('')).toBe('""\n');
    expect(marshalYamlV3('true')).toBe('"true"\n');
    expect(marshalYamlV3('False')).toBe('"False"\n');
    expect(marshalYamlV3('null')).toBe('"null"\n');
    expect(marshalYamlV3('~')).toBe('"~"\n');
    expect(marshalYamlV3('1')).toBe('"1"\n');
    expect(marshalYamlV3('-1.5e3')).toBe('"-1.5e3"\n');
    expect(marshalYamlV3('0x1F')).toBe('"0x1F"\n');
    expect(marshalYamlV3('1_000')).toBe('"1_000"\n');
    expect(marshalYamlV3('.inf')).toBe('".inf"\n');
    expect(marshalYamlV3('2024-01-02')).toBe('"2024-01-02"\n');
    expect(marshalYamlV3('v1')).toBe('v1\n');
    expect(marshalYamlV3('1.2.3')).toBe('1.2.3\n');
  });

  it('single-quotes strings plain style cannot hold, double-quotes those with tabs or control characters', () => {
    expect(marshalYamlV3('- a')).toBe("'- a'\n");
    expect(marshalYamlV3('a: b')).toBe("'a: b'\n");
    expect(marshalYamlV3('a #b')).toBe("'a #b'\n");
    expect(marshalYamlV3('#x')).toBe("'#x'\n");
    expect(marshalYamlV3('*')).toBe("'*'\n");
    expect(marshalYamlV3("'q'")).toBe("'''q'''\n");
    expect(marshalYamlV3(' lead')).toBe("' lead'\n");
    expect(marshalYamlV3('trail ')).toBe("'trail '\n");
    expect(marshalYamlV3('---')).toBe("'---'\n");
    expect(marshalYamlV3('a\tb')).toBe('"a\\tb"\n');
    expect(marshalYamlV3('bell\x07')).toBe('"bell\\a"\n');
    expect(marshalYamlV3('\x01')).toBe('"\\x01"\n');
  });

  it('writes strings with line breaks as literal blocks with the right chomping', () => {
    expect(marshalYamlV3('a\nb')).toBe('|-\n    a\n    b\n');
    expect(marshalYamlV3({ k: 'a\n\nb\n' })).toBe('k: |\n    a\n\n    b\n');
    expect(marshalYamlV3(['a\nb'])).toBe('- |-\n  a\n  b\n');
    expect(marshalYamlV3({ k: 'x \ny' })).toBe('k: "x \\ny"\n');
  });

  it('writes other scalars as JSON has them', () => {
    expect(marshalYamlV3(5)).toBe('5\n');
    expect(marshalYamlV3(1.5)).toBe('1.5\n');
    expect(marshalYamlV3(true)).toBe('true\n');
    expect(marshalYamlV3(null)).toBe('null\n');
  });

  it('writes the Kubernetes extensions in block style, indent 4, mappings in sequences after "- "', () => {
    expect(marshalYamlV3(['containerPort', 'protocol'])).toBe('- containerPort\n- protocol\n');
    expect(marshalYamlV3([{ group: '', kind: 'Pod', version: 'v1' }])).toBe('- group: ""\n  kind: Pod\n  version: v1\n');
    expect(marshalYamlV3({ group: 'apps', kind: 'Deployment', version: 'v1' })).toBe('group: apps\nkind: Deployment\nversion: v1\n');
  });

  it('indents nested collections as go-yaml v3 does', () => {
    expect(marshalYamlV3({ a: { b: 'c' }, d: ['e'] })).toBe('a:\n    b: c\nd:\n    - e\n');
    expect(marshalYamlV3([{ a: { b: 'c' }, d: ['e', { f: 1, g: 2 }] }])).toBe('- a:\n    b: c\n  d:\n    - e\n    - f: 1\n      g: 2\n');
    expect(marshalYamlV3([['a', 'b'], 'c'])).toBe('- - a\n  - b\n- c\n');
    expect(marshalYamlV3({ a: { b: { c: 'd' } } })).toBe('a:\n    b:\n        c: d\n');
  });

  it('writes empty collections in flow style, quotes keys like values, and drops undefined properties', () => {
    expect(marshalYamlV3({})).toBe('{}\n');
    expect(marshalYamlV3([])).toBe('[]\n');
    expect(marshalYamlV3({ a: [], b: {} })).toBe('a: []\nb: {}\n');
    expect(marshalYamlV3({ '': 1, 'a: b': 2, '1': 3 })).toBe('"1": 3\n"": 1\n\'a: b\': 2\n');
    expect(marshalYamlV3({ a: 1, b: undefined as unknown as null })).toBe('a: 1\n');
  });
});
