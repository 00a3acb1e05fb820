import { describe, it, expect } from 'vitest';
import { formatCpu, formatMemory, parseQuantity } from './quantity';

describe('parseQuantity', () => {
  it('reads decimal, binary and exponent suffixes', () => {
    expect(parseQuantity('250m')).toBeCloseTo(0.25);
    expect(parseQuantity('123456789n')).toBeCloseTo(0.123456789);
    expect(parseQuantity('2')).toBe(2);
    expect(parseQuantity('1.5')).toBe(1.5);
    expect(parseQuantity('64Mi')).toBe(64 * 2 ** 20);
    expect(parseQuantity('1Gi')).toBe(2 ** 30);
    expect(parseQuantity('12345Ki')).toBe(12345 * 1024);
    expect(parseQuantity('1k')).toBe(1000);
    expect(parseQuantity('1e3')).toBe(1000);
    expect(parseQuantity(3)).toBe(3);
  });
  it('refuses what is not a quantity', () => {
    expect(parseQuantity('')).toBeUndefined();
    expect(parseQuantity('abc')).toBeUndefined();
    expect(parseQuantity('10 Mi')).toBeUndefined();
    expect(parseQuantity('1Xi')).toBeUndefined();
    expect(parseQuantity(undefined)).toBeUndefined();
    expect(parseQuantity({})).toBeUndefined();
    expect(parseQuantity(Number.NaN)).toBeUndefined();
  });
});

describe('formatting', () => {
  it('prints cpu in millicores and memory in Mi as kubectl top does', () => {
    expect(formatCpu(0.25)).toBe('250m');
    expect(formatCpu(1.5)).toBe('1500m');
    expect(formatCpu(0)).toBe('0m');
    expect(formatCpu(0.0004)).toBe('<1m');
    expect(formatMemory(64 * 2 ** 20)).toBe('64Mi');
    expect(formatMemory(16 * 2 ** 30)).toBe('16.0Gi');
    expect(formatMemory(0)).toBe('0Mi');
    expect(formatMemory(2048)).toBe('2Ki');
  });
});
