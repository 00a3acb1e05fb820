import { describe, it, expect } from 'vitest';
import { clockModeLabel, formatClock } from './speedLabel';

describe('clock labels', () => {
  it('names each mode', () => {
    expect(clockModeLabel({ kind: 'paused' })).toBe('Paused');
    expect(clockModeLabel({ kind: 'realtime', speed: 10 })).toBe('10×');
    expect(clockModeLabel({ kind: 'realtime', speed: 0.25 })).toBe('0.25×');
    expect(clockModeLabel({ kind: 'fastest' })).toBe('As fast as possible');
  });

  it('formats virtual time as UTC HH:MM:SS', () => {
    expect(formatClock(Date.UTC(2025, 0, 1, 0, 3, 7))).toBe('00:03:07');
    expect(formatClock(Number.NaN)).toBe('--:--:--');
  });
});
