import { describe, expect, it } from 'vitest';
import { customColumnsFromSpec, customColumnsFromTemplate, printCustomColumns, relaxedJsonPathExpression } from './customColumns';

const pods = [
  { metadata: { name: 'web-1', labels: { app: 'web', tier: 'fe' } }, spec: { containers: [{ ports: [{ containerPort: 80 }, { containerPort: 443 }] }] }, status: { podIP: '10.0.0.1', phase: 'Running' } },
  { metadata: { name: 'job' }, spec: { containers: [{}] }, status: { phase: 'Pending' } },
];

describe('custom-columns spec', () => {
  it('relaxes the four path spellings to {.a.b}', () => {
    for (const p of ['a.b', '.a.b', '{a.b}', '{.a.b}']) expect(relaxedJsonPathExpression(p)).toBe('{.a.b}');
    expect(() => relaxedJsonPathExpression('{.a}{.b}')).toThrow("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  });

  it('rejects an empty spec and a column without a path as kubectl does', () => {
    expect(() => customColumnsFromSpec('')).toThrow('custom-columns format specified but no custom columns given');
    expect(() => customColumnsFromSpec('NAME:.metadata.name,bad')).toThrow('unexpected custom-columns spec: bad, expected <header>:<json-path-expr>');
    expect(customColumnsFromSpec('A:x:y')).toEqual([{ header: 'A', fieldSpec: '{.x:y}' }]);
  });

  it('reads a template file: headers on one line, paths on the next', () => {
    expect(customColumnsFromTemplate('NAME  IP\n.metadata.name .status.podIP\n')).toEqual([
      { header: 'NAME', fieldSpec: '{.metadata.name}' },
      { header: 'IP', fieldSpec: '{.status.podIP}' },
    ]);
    expect(() => customColumnsFromTemplate('A B\n.a\n')).toThrow("number of headers (2) and field specifications (1) don't match");
    expect(() => customColumnsFromTemplate('A B')).toThrow(/missing spec line/);
  });
});

describe('printCustomColumns', () => {
  it('aligns columns (min width 6, padding 3) and prints <none> for missing values', () => {
    expect(printCustomColumns('NAME:.metadata.name,IP:.status.podIP,PHASE:.status.phase', pods, { noHeaders: false })).toBe(
      'NAME    IP         PHASE\nweb-1   10.0.0.1   Running\njob     <none>     Pending\n',
    );
    expect(printCustomColumns('NAME:.metadata.name', pods, { noHeaders: true })).toBe('web-1\njob\n');
  });

  it('joins several values with commas and prints maps as Go does', () => {
    expect(printCustomColumns('PORTS:.spec.containers[*].ports[*].containerPort,LABELS:.metadata.labels', pods, { noHeaders: true })).toBe(
      '80,443   map[app:web tier:fe]\n<none>   <none>\n',
    );
  });

  it('fails with the jsonpath error for a bad path or a bad index', () => {
    expect(() => printCustomColumns('X:.a[', pods, { noHeaders: false })).toThrow('unterminated array');
    expect(() => printCustomColumns('X:.metadata.name[0]', pods, { noHeaders: false })).toThrow('string is not array or slice');
  });
});
