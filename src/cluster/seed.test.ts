import { describe, it, expect } from 'vitest';
import { seedFromSearch } from './seed';

describe('seedFromSearch', () => {
  it('reads a non-negative integer seed', () => {
    expect(seedFromSearch('?seed=42')).toBe(42);
    expect(seedFromSearch('?x=1&seed=0')).toBe(0);
    expect(seedFromSearch('?seed=4294967295')).toBe(4294967295);
  });

  it('ignores a missing or malformed seed', () => {
    expect(seedFromSearch('')).toBeUndefined();
    expect(seedFromSearch('?seed=')).toBeUndefined();
    expect(seedFromSearch('?seed=abc')).toBeUndefined();
    expect(seedFromSearch('?seed=-3')).toBeUndefined();
    expect(seedFromSearch('?seed=1.5')).toBeUndefined();
    expect(seedFromSearch('?seed=4294967296')).toBeUndefined();
    expect(seedFromSearch('?seed=1e3')).toBeUndefined();
  });
});
