import { describe, expect, it } from 'vitest';
import { formatRFC3339, humanDuration, parseTimestamp, shortHumanDuration, translateTimestampSince } from './duration';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration', () => {
  it.each([
    [-2 * S, '<invalid>'],
    [-1500, '0s'],
    [-1 * S, '0s'],
    [0, '0s'],
    [999, '0s'],
    [5 * S, '5s'],
    [59 * S, '59s'],
    [60 * S, '60s'],
    [119 * S, '119s'],
    [2 * M, '2m'],
    [2 * M + 30 * S, '2m30s'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M, '10m'],
    [10 * M + 59 * S, '10m'],
    [179 * M, '179m'],
    [3 * H, '3h'],
    [3 * H + 5 * M, '3h5m'],
    [7 * H + 59 * M, '7h59m'],
    [8 * H, '8h'],
    [47 * H + 59 * M, '47h'],
    [48 * H, '2d'],
    [2 * D + 3 * H, '2d3h'],
    [7 * D + 23 * H, '7d23h'],
    [8 * D, '8d'],
    [5 * D, '5d'],
    [729 * D, '729d'],
    [730 * D, '2y'],
    [730 * D + 30 * D, '2y30d'],
    [8 * 365 * D, '8y'],
    [20 * 365 * D, '20y'],
  ])('%d ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});

describe('shortHumanDuration', () => {
  it.each([
    [-2 * S, '<invalid>'],
    [-S, '0s'],
    [59 * S, '59s'],
    [60 * S, '1m'],
    [59 * M + 59 * S, '59m'],
    [H, '1h'],
    [23 * H, '23h'],
    [D, '1d'],
    [364 * D, '364d'],
    [365 * D, '1y'],
  ])('%d ms → %s', (ms, want) => {
    expect(shortHumanDuration(ms)).toBe(want);
  });
});

describe('timestamps', () => {
  const now = Date.UTC(2025, 0, 1, 12, 0, 0);

  it('translateTimestampSince prints the age, or <unknown> for a missing or malformed time', () => {
    expect(translateTimestampSince('2025-01-01T11:55:00Z', now)).toBe('5m');
    expect(translateTimestampSince(undefined, now)).toBe('<unknown>');
    expect(translateTimestampSince(null, now)).toBe('<unknown>');
    expect(translateTimestampSince('', now)).toBe('<unknown>');
    expect(translateTimestampSince('yesterday', now)).toBe('<unknown>');
  });

  it('parses offsets and MicroTime fractions', () => {
    expect(parseTimestamp('2025-01-01T13:00:00+01:00')).toBe(Date.UTC(2025, 0, 1, 12, 0, 0));
    expect(parseTimestamp('2025-01-01T12:00:00.123456Z')).toBe(Date.UTC(2025, 0, 1, 12, 0, 0) + 123);
    expect(parseTimestamp('2025-01-01 12:00:00')).toBeUndefined();
    expect(parseTimestamp(42)).toBeUndefined();
  });

  it('formats RFC 3339 without fractions, Go zero time when missing', () => {
    expect(formatRFC3339(Date.UTC(2024, 5, 1, 8, 30, 15, 999))).toBe('2024-06-01T08:30:15Z');
    expect(formatRFC3339(undefined)).toBe('0001-01-01T00:00:00Z');
  });
});
