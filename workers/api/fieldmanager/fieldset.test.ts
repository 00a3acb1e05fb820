import { describe, it, expect } from 'vitest';
import { FieldSet } from './fieldset';
import { fieldPath, fieldPE, indexPE, keyPE, parsePE, pathString, serializePE, valuePE, type Path } from './pathElement';
import { goJsonString, goQuote, valueToString } from './goText';

const containers = (name: string, ...rest: string[]): Path => [
  ...fieldPath('spec', 'template', 'spec', 'containers'),
  keyPE([['name', name]]),
  ...rest.map(fieldPE),
];

describe('FieldsV1 encoding', () => {
  it('matches upstream for labels and a keyed container', () => {
    const s = FieldSet.of(
      fieldPath('metadata', 'labels'),
      fieldPath('metadata', 'labels', 'app'),
      containers('nginx'),
      containers('nginx', 'image'),
      containers('nginx', 'name'),
    );
    expect(JSON.stringify(s.toFieldsV1())).toBe(
      '{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\\"name\\":\\"nginx\\"}":{".":{},"f:image":{},"f:name":{}}}}}}}',
    );
  });

  it('sorts multi-field keys by name and orders fields before keys before values', () => {
    const ports = fieldPath('ports');
    const s = FieldSet.of(
      [...ports, keyPE([['protocol', 'TCP'], ['containerPort', 80]])],
      [...fieldPath('finalizers'), valuePE('b')],
      [...fieldPath('finalizers'), valuePE('a')],
      fieldPath('a'),
    );
    expect(Object.keys(s.toFieldsV1())).toEqual(['f:a', 'f:finalizers', 'f:ports']);
    expect(s.toFieldsV1()['f:ports']).toEqual({ 'k:{"containerPort":80,"protocol":"TCP"}': {} });
    expect(Object.keys(s.toFieldsV1()['f:finalizers'] as object)).toEqual(['v:"a"', 'v:"b"']);
    const mixed = FieldSet.of([valuePE('x')], [keyPE([['k', 1]])], [fieldPE('z')]);
    expect(Object.keys(mixed.toFieldsV1())).toEqual(['f:z', 'k:{"k":1}', 'v:"x"']);
  });

  it('round-trips through fromFieldsV1', () => {
    const json = {
      'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} }, 'f:finalizers': { 'v:"x"': {} } },
      'f:spec': { 'f:containers': { 'k:{"name":"a"}': { '.': {}, 'f:image': {} } }, 'f:replicas': {} },
    };
    const s = FieldSet.fromFieldsV1(json);
    if (s instanceof Error) throw s;
    expect(s.toFieldsV1()).toEqual(json);
    expect(s.has(fieldPath('metadata', 'labels'))).toBe(true);
    expect(s.has(fieldPath('metadata'))).toBe(false);
    expect(s.has([...fieldPath('spec', 'containers'), keyPE([['name', 'a']]), fieldPE('image')])).toBe(true);
  });

  it('drops unknown element kinds and rejects malformed ones', () => {
    const s = FieldSet.fromFieldsV1({ 'x:foo': {}, 'f:a': {} });
    expect(s instanceof Error ? s.message : s.paths().map(pathString)).toEqual(['.a']);
    expect(FieldSet.fromFieldsV1({ 'k:notjson': {} })).toBeInstanceOf(Error);
    expect(FieldSet.fromFieldsV1({ f: {} })).toBeInstanceOf(Error);
    expect(FieldSet.fromFieldsV1([])).toBeInstanceOf(Error);
    expect(parsePE('i:3')).toEqual(indexPE(3));
    expect(parsePE('i:x')).toBeInstanceOf(Error);
  });
});

describe('set algebra', () => {
  const parent = FieldSet.of(fieldPath('a'), fieldPath('a', 'b'));
  it('difference keeps a parent minus its child, and a child minus its parent', () => {
    expect(parent.difference(FieldSet.of(fieldPath('a', 'b'))).paths().map(pathString)).toEqual(['.a']);
    expect(FieldSet.of(fieldPath('a', 'b')).difference(FieldSet.of(fieldPath('a'))).paths().map(pathString)).toEqual(['.a.b']);
  });
  it('recursiveDifference removes everything under a member', () => {
    expect(FieldSet.of(fieldPath('a', 'b'), fieldPath('c')).recursiveDifference(FieldSet.of(fieldPath('a'))).paths().map(pathString)).toEqual(['.c']);
  });
  it('union, intersection, emptiness', () => {
    const x = FieldSet.of(fieldPath('a', 'b'), fieldPath('c'));
    const y = FieldSet.of(fieldPath('a', 'b'), fieldPath('d'));
    expect(x.union(y).paths().map(pathString)).toEqual(['.c', '.d', '.a.b']);
    expect(x.intersection(y).paths().map(pathString)).toEqual(['.a.b']);
    expect(x.intersection(FieldSet.of(fieldPath('z'))).empty()).toBe(true);
    expect(x.intersection(FieldSet.of(fieldPath('a', 'z'))).toFieldsV1()).toEqual({});
    expect(x.equals(FieldSet.of(fieldPath('c'), fieldPath('a', 'b')))).toBe(true);
    expect(x.equals(y)).toBe(false);
  });
});

describe('path rendering', () => {
  it('renders paths as upstream conflict messages do', () => {
    expect(pathString(containers('nginx', 'image'))).toBe('.spec.template.spec.containers[name="nginx"].image');
    expect(pathString([fieldPE('ports'), keyPE([['protocol', 'TCP'], ['containerPort', 80]])])).toBe('.ports[containerPort=80,protocol="TCP"]');
    expect(pathString([fieldPE('finalizers'), valuePE('a/b')])).toBe('.finalizers[="a/b"]');
  });
  it('formats values and strings the Go way', () => {
    expect(valueToString(1.5)).toBe('1.5');
    expect(valueToString(1234567.5)).toBe('1.2345675e+06');
    expect(valueToString('a"b\x07')).toBe('"a\\"b\\a"');
    expect(goQuote('é\u2028')).toBe('"é\\u2028"');
    expect(goJsonString('<a&b>\n')).toBe('"\\u003ca\\u0026b\\u003e\\n"');
    expect(serializePE(keyPE([['name', '<x>']]))).toBe('k:{"name":"\\u003cx\\u003e"}');
  });
});
