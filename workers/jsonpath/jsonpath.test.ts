import { describe, expect, it } from 'vitest';
import { compileJsonPath, executeJsonPath, findJsonPathResults } from './index';
import { formatFloat, goJson, goQuote, sprintGoSyntax, sprintV } from './goValue';

const run = (t: string, data: unknown) => executeJsonPath(compileJsonPath(t), data, { allowMissingKeys: true });
const parseError = (t: string) => {
  try {
    compileJsonPath(t);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
};
const execError = (t: string, data: unknown) => {
  try {
    run(t, data);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
};

const list = {
  items: [
    { metadata: { name: 'a', labels: { 'app.kubernetes.io/name': 'x' } }, spec: { n: 1, ports: [1, 2, 3, 4] } },
    { metadata: { name: 'b' }, spec: { n: 2.5, ports: [] } },
  ],
};

describe('client-go jsonpath parser', () => {
  it.each([
    ['{.a', 'unclosed action'],
    ['{.a[0}', 'unterminated array'],
    ['{.a[?(@.x=="y")}', 'unclosed array expect ]'],
    ['{.a[?(@.x=="y}', 'unterminated filter'],
    ['{"abc}', 'unterminated quoted string'],
    ['{"a\\qb"}', 'unquote string "a\\qb" error invalid syntax'],
    ['{.a[x]}', 'invalid array index x'],
    ['{.a[1:x]}', 'invalid array index 1:x'],
    ['{.a[-]}', 'array index - is not a number'],
    ['{...}', ''],
    ['{....}', 'invalid multiple recursive descent'],
    ['{.. ..}', 'invalid multiple recursive descent'],
    ['{~}', "unrecognized character in action: U+007E '~'"],
    ['{1.2.3}', 'cannot parse number 1.2.3'],
  ])('%s → %j', (t, msg) => {
    expect(parseError(t)).toBe(msg);
  });
});

describe('client-go jsonpath evaluation', () => {
  it('fields, wildcards, slices, unions and text', () => {
    expect(run('{.items[*].metadata.name}', list)).toBe('a b');
    expect(run('{.items[0].spec.ports[1:3]}', list)).toBe('2 3');
    expect(run('{.items[0].spec.ports[::2]}', list)).toBe('1 3');
    expect(run('{.items[0].spec.ports[-1]}', list)).toBe('4');
    expect(run('{.items[0].spec.ports[0,3]}', list)).toBe('1 4');
    expect(run("{.items[0]['metadata','spec'].n}", list)).toBe('1');
    expect(execError('{.items[1].spec.ports[0]}', list)).toBe('array index out of bounds: index 0, length 0');
    expect(run('{.items[1].spec.ports[0:0]}', list)).toBe('');
    expect(run('name={.items[0].metadata.name}!', list)).toBe('name=a!');
    expect(run('{.items[0].metadata.labels.app\\.kubernetes\\.io/name}', list)).toBe('x');
    expect(run("{.items[0].metadata.labels['app.kubernetes.io/name']}", list)).toBe('');
  });

  it('ranges nest and an empty range still finds its end', () => {
    expect(run('{range .items[*]}[{.metadata.name}:{range .spec.ports[*]}{@},{end}]{end}', list)).toBe('[a:1,2,3,4,][b:]');
    expect(run('{range .nothing[*]}x{end}after', list)).toBe('after');
    expect(execError('{.items}{end}', list)).toBe('not in range, nothing to end');
    expect(execError('{range .items[*]}{.metadata.name} {bogus}{end}', list)).toBe('unrecognized identifier bogus');
  });

  it('filters compare like text/template and report type errors', () => {
    const nums = { items: [{ n: 1, f: 0.5 }, { n: 2, f: 1.5 }, { n: 3 }] };
    expect(run('{.items[?(@.n>1)].n}', nums)).toBe('2 3');
    expect(run('{.items[?(@.n<=2)].n}', nums)).toBe('1 2');
    expect(run('{.items[?(@.f>1.0)].n}', nums)).toBe('2');
    // An int64 field against a float literal (2.5 decodes as float64) is a type error, as in Go.
    expect(execError('{.items[?(@.spec.n>1)].metadata.name}', list)).toBe('incompatible types for comparison');
    expect(run('{.items[?(@.metadata.name!="a")].metadata.name}', list)).toBe('b');
    expect(execError('{.items[?(@.metadata.name<1)]}', list)).toBe('incompatible types for comparison');
    expect(execError('{.items[?(@.spec==1)]}', list)).toBe('invalid type for comparison');
    expect(execError('{.items[0].metadata[?(@.x)]}', list)).toBe("map[labels:map[app.kubernetes.io/name:x] name:a] is not array or slice and cannot be filtered");
  });

  it('array errors name the Go type and the bounds', () => {
    expect(execError('{.items[5]}', list)).toBe('array index out of bounds: index 5, length 2');
    expect(execError('{.items[1:5]}', list)).toBe('array index out of bounds: index 4, length 2');
    expect(execError('{.items[1:0]}', list)).toBe('starting index 1 is greater than ending index 0');
    expect(execError('{.items[0:2:0]}', list)).toBe('step must be > 0');
    expect(execError('{.items[0].metadata[0]}', list)).toBe('map[string]interface {} is not array or slice');
  });

  it('recursive descent visits containers depth first; strings count, numbers do not', () => {
    expect(run('{..name}', list)).toBe('a b');
    const r = findJsonPathResults(compileJsonPath('{.items[1]..}'), list, { allowMissingKeys: true })[0];
    expect(r.map((x) => goJson(x))).toEqual(['{"metadata":{"name":"b"},"spec":{"n":2.5,"ports":[]}}', '{"name":"b"}', '"b"', '{"n":2.5,"ports":[]}']);
  });

  it('prints maps and lists as JSON, null as null, floats as %v', () => {
    expect(run('{.items[1].spec}', list)).toBe('{"n":2.5,"ports":[]}');
    expect(run('{.x}', { x: null })).toBe('null');
    expect(run('{.x}', { x: 1e21 })).toBe('1e+21');
    expect(run('{.x}', { x: '<&>' })).toBe('<&>');
    expect(run('{.x[*]}', { x: [{ a: '<' }] })).toBe('{"a":"\\u003c"}');
    expect(run('{true}{-1}{2.50}', {})).toBe('true-12.5');
  });

  it('missing keys fail only when not allowed', () => {
    expect(() => executeJsonPath(compileJsonPath('{.nope}'), {}, { allowMissingKeys: false })).toThrow('nope is not found');
  });
});

describe('Go value formatting', () => {
  it('%v, %#v, json.Marshal and strconv.Quote', () => {
    expect(sprintV({ b: [1, 'x'], a: null })).toBe('map[a:<nil> b:[1 x]]');
    expect(sprintGoSyntax({ b: [1, 'x'], a: null, c: {} })).toBe('map[string]interface {}{"a":interface {}(nil), "b":[]interface {}{1, "x"}, "c":map[string]interface {}{}}');
    expect(goJson({ z: 1, a: ['<tag>', true, 0.5] })).toBe('{"a":["\\u003ctag\\u003e",true,0.5],"z":1}');
    expect(goQuote('a"b\\c\n\t\x01é')).toBe('"a\\"b\\\\c\\n\\t\\x01é"');
    expect([0.5, 100000, 1e6, 1234567.5, 0.0001, 0.00001].map(formatFloat)).toEqual(['0.5', '100000', '1e+06', '1.2345675e+06', '0.0001', '1e-05']);
  });
});
