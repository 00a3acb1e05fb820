import { describe, expect, it } from 'vitest';
import { QUANTITY_FORMAT_ERROR, QUANTITY_SUFFIX_ERROR, quantityError } from './quantity';
import { timeError } from './time';

describe('quantityError', () => {
  it('accepts the forms resource.ParseQuantity accepts', () => {
    for (const q of ['0', '1', '100m', '0.5', '1.5Gi', '128Mi', '1e3', '2E-2', '+3k', '-1', '.5', '1.', '500u', '10n', '1Ei']) expect([q, quantityError(q)]).toEqual([q, undefined]);
  });
  it('rejects malformed numbers and unknown suffixes with upstream messages', () => {
    expect(quantityError('')).toBe(QUANTITY_FORMAT_ERROR);
    expect(quantityError('abc')).toBe(QUANTITY_FORMAT_ERROR);
    expect(quantityError('1 Gi')).toBe(QUANTITY_FORMAT_ERROR);
    expect(quantityError('1Gb')).toBe(QUANTITY_FORMAT_ERROR);
    expect(quantityError('1GG')).toBe(QUANTITY_SUFFIX_ERROR);
    expect(quantityError('1Ki2')).toBe(QUANTITY_SUFFIX_ERROR);
  });
});

describe('timeError', () => {
  it('accepts RFC 3339 timestamps', () => {
    expect(timeError('2024-05-01T10:00:00Z', false)).toBeUndefined();
    expect(timeError('2024-05-01T10:00:00.123456+02:00', true)).toBeUndefined();
  });
  it('names the layout element that failed, like time.Parse', () => {
    expect(timeError('yesterday', false)).toBe('parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"');
    expect(timeError('2024-05-01 10:00:00Z', false)).toBe('parsing time "2024-05-01 10:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse " 10:00:00Z" as "T"');
    expect(timeError('2024-05-01T10:00:00Zjunk', false)).toBe('parsing time "2024-05-01T10:00:00Zjunk": extra text: "junk"');
  });
});
