import { describe, expect, it } from 'vitest';
import { formatLabels, formatLabelSelector, intOrStringString, joinHostPort, quantityPtrString, quantityString } from './format';

describe('label formatting', () => {
  it('formatLabels sorts by key, <none> when empty', () => {
    expect(formatLabels({ b: '2', a: '1' })).toBe('a=1,b=2');
    expect(formatLabels({})).toBe('<none>');
    expect(formatLabels(undefined)).toBe('<none>');
  });

  it.each([
    [undefined, '<none>'],
    [{}, '<none>'],
    [{ matchLabels: { app: 'web' } }, 'app=web'],
    [{ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['qa', 'dev'] }] }, 'env notin (dev,qa)'],
    [{ matchExpressions: [{ key: 'gpu', operator: 'Exists' }], matchLabels: { app: 'x' } }, 'app=x,gpu'],
    [{ matchExpressions: [{ key: 'env', operator: 'In', values: [] }] }, '<error>'],
    [{ matchExpressions: [{ key: 'env', operator: 'DoesNotExist', values: ['a'] }] }, '<error>'],
    [{ matchExpressions: [{ key: 'env', operator: 'Gt', values: ['1'] }] }, '<error>'],
  ])('formatLabelSelector(%j) → %s', (sel, want) => {
    expect(formatLabelSelector(sel)).toBe(want);
  });
});

describe('scalars', () => {
  it('quantities: zero value for missing map entries, <nil> for missing pointers', () => {
    expect(quantityString('1Gi')).toBe('1Gi');
    expect(quantityString(undefined)).toBe('0');
    expect(quantityString('')).toBe('0');
    expect(quantityPtrString(undefined)).toBe('<nil>');
    expect(quantityPtrString('500m')).toBe('500m');
  });

  it('int-or-string and host:port', () => {
    expect(intOrStringString(3)).toBe('3');
    expect(intOrStringString('50%')).toBe('50%');
    expect(joinHostPort('10.0.0.1', 80)).toBe('10.0.0.1:80');
    expect(joinHostPort('::1', 80)).toBe('[::1]:80');
  });
});
