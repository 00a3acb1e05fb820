import { describe, expect, it } from 'vitest';
import { errorString, path } from './field';
import { isQualifiedName, isValidLabelValue, validateLabelSelector, validateLabels } from './labels';

const NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('qualified names', () => {
  it.each(['app', 'app.kubernetes.io/name', 'A_b.c-D', 'example.com/x'])('%s is valid', (v) => expect(isQualifiedName(v)).toEqual([]));

  it('reports each part', () => {
    expect(isQualifiedName('-bad')).toEqual([NAME_PART]);
    expect(isQualifiedName('/x')).toEqual(['prefix part must be non-empty']);
    expect(isQualifiedName('Example.com/x')[0]).toMatch(/^prefix part a lowercase RFC 1123 subdomain/);
    expect(isQualifiedName('x/')).toEqual(['name part must be non-empty', NAME_PART]);
    expect(isQualifiedName('a/b/c')[0]).toMatch(/^a qualified name must consist of .* with an optional DNS subdomain prefix and '\/' \(e.g. 'example.com\/MyName'\)$/);
    expect(isQualifiedName('a'.repeat(64))).toEqual(['name part must be no more than 63 characters']);
  });
});

describe('label values and maps', () => {
  it('allows empty values and rejects bad ones', () => {
    expect(isValidLabelValue('')).toEqual([]);
    expect(isValidLabelValue('v1.2_x')).toEqual([]);
    expect(isValidLabelValue('a b')).toHaveLength(1);
    expect(isValidLabelValue('a'.repeat(64))[0]).toBe('must be no more than 63 characters');
  });

  it('renders upstream messages at the map path', () => {
    const errs = validateLabels({ 'bad key!': 'ok', app: 'not ok!' }, path('metadata', 'labels')).map(errorString);
    // Keys in sorted order: "app" comes before "bad key!".
    expect(errs[1]).toBe(`metadata.labels: Invalid value: "bad key!": ${NAME_PART}`);
    expect(errs[0]).toMatch(/^metadata\.labels: Invalid value: "not ok!": a valid label must be an empty string or consist of/);
  });
});

describe('label selectors', () => {
  const at = path('spec', 'selector');
  it('checks operators and values', () => {
    const errs = validateLabelSelector(
      {
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'a', operator: 'In', values: [] },
          { key: 'b', operator: 'Exists', values: ['x'] },
          { key: 'c', operator: 'Near' },
        ],
      },
      {},
      at,
    ).map(errorString);
    expect(errs).toEqual([
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      'spec.selector.matchExpressions[2].operator: Invalid value: "Near": not a valid selector operator',
    ]);
  });

  it('accepts a nil selector', () => expect(validateLabelSelector(undefined, {}, at)).toEqual([]));
});
