import { describe, it, expect } from 'vitest';
import { tabulate, tabulateWith, TabWriter } from './tabwriter';
import { toKubectlJson, toGoCompactJson } from './json';
import { HumanPrinter } from './humanTable';
import { parseOutput } from './printObjects';

describe('tabwriter (kubectl settings)', () => {
  it('pads columns to the widest cell plus 3, at least 6, leaving the last cell alone', () => {
    expect(tabulate('NAME\tAGE\nweb-1\t5s\nx\t10m\n')).toBe('NAME    AGE\nweb-1   5s\nx       10m\n');
    expect(tabulate('A\tB\tC\n')).toBe('A     B     C\n');
  });
  it('keeps remembered widths across blocks of one flush (liggitt/tabwriter RememberWidths)', () => {
    expect(tabulate('NAME\tX\nlong-name\t1\n\nN\tY\nn\t2\n')).toBe('NAME        X\nlong-name   1\n\nN           Y\nn           2\n');
  });
  it('remembers widths across flushes, as kubectl get -w needs', () => {
    let out = '';
    const w = new TabWriter((t) => (out += t));
    w.write('NAME\tSTATUS\nlonger-name\tRunning\n');
    w.flush();
    w.write('a\tDone\n');
    w.flush();
    expect(out).toBe('NAME          STATUS\nlonger-name   Running\na             Done\n');
  });
  it('uses other settings for rollout history', () => {
    expect(tabulateWith('REVISION\tCHANGE-CAUSE\n1\t<none>\n', { minWidth: 0, padding: 2 })).toBe('REVISION  CHANGE-CAUSE\n1         <none>\n');
  });
});

describe('json output', () => {
  it('sorts keys, indents with four spaces and escapes HTML characters', () => {
    expect(toKubectlJson({ b: [1, 'x<y'], a: {}, c: [] })).toBe('{\n    "a": {},\n    "b": [\n        1,\n        "x\\u003cy"\n    ],\n    "c": []\n}\n');
  });
  it('writes compact Go encoder output for the last-applied annotation', () => {
    expect(toGoCompactJson({ kind: 'A', apiVersion: 'v1', metadata: { annotations: {} } })).toBe('{"apiVersion":"v1","kind":"A","metadata":{"annotations":{}}}\n');
  });
});

describe('human tables', () => {
  const table = {
    columnDefinitions: [
      { name: 'Name', type: 'string', format: 'name', priority: 0 },
      { name: 'Ready', type: 'string', format: '', priority: 0 },
      { name: 'IP', type: 'string', format: '', priority: 1 },
    ],
    rows: [{ cells: ['web', '1/1', '10.0.0.1'], object: { metadata: { namespace: 'default', labels: { app: 'web' } } } }],
  };
  it('hides wide columns unless asked and decorates with namespace, kind and labels', () => {
    expect(new HumanPrinter({}).print(table)).toBe('NAME\tREADY\nweb\t1/1\n');
    expect(new HumanPrinter({ wide: true }).print(table)).toBe('NAME\tREADY\tIP\nweb\t1/1\t10.0.0.1\n');
    expect(new HumanPrinter({ withNamespace: true, showLabels: true, kind: 'pod' }).print(table)).toBe('NAMESPACE\tNAME\tREADY\tLABELS\ndefault\tpod/web\t1/1\tapp=web\n');
  });
  it('prints headers once per set of columns and nothing for an empty table', () => {
    const p = new HumanPrinter({});
    expect(p.print({ ...table, rows: [] })).toBe('');
    p.print(table);
    expect(p.print(table)).toBe('web\t1/1\n');
  });
});

describe('parseOutput', () => {
  it('accepts kubectl formats and rejects others with the upstream list', () => {
    expect(parseOutput('jsonpath={.a}', true)).toEqual({ kind: 'jsonpath', template: '{.a}' });
    expect(parseOutput('wide', true)).toEqual({ kind: 'human', wide: true });
    expect(() => parseOutput('wide', false)).toThrow('allowed formats are: go-template,go-template-file,json,jsonpath');
    expect(() => parseOutput('foo', true)).toThrow('unable to match a printer suitable for the output format "foo"');
  });
});
