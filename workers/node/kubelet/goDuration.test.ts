import { describe, it, expect } from 'vitest';
import { goDuration, rfc3339Nano } from './goDuration';

describe('goDuration', () => {
  it('prints like time.Duration.String', () => {
    expect(goDuration(0)).toBe('0s');
    expect(goDuration(532)).toBe('532ms');
    expect(goDuration(2100)).toBe('2.1s');
    expect(goDuration(2104)).toBe('2.104s');
    expect(goDuration(10_000)).toBe('10s');
    expect(goDuration(80_000)).toBe('1m20s');
    expect(goDuration(300_000)).toBe('5m0s');
    expect(goDuration(3_600_000)).toBe('1h0m0s');
    expect(goDuration(-1500)).toBe('-1.5s');
  });
  it('drops trailing zeros of RFC3339Nano', () => {
    expect(rfc3339Nano(Date.UTC(2025, 0, 1, 0, 0, 5, 100))).toBe('2025-01-01T00:00:05.1Z');
    expect(rfc3339Nano(Date.UTC(2025, 0, 1))).toBe('2025-01-01T00:00:00Z');
  });
});
