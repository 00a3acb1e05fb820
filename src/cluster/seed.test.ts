import { describe, it, expect } from 'vitest';
import { MAX_WORKER_NODES, nodesFromSearch, seedFromSearch } from './seed';

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

describe('nodesFromSearch', () => {
  it('reads a worker node count up to the maximum', () => {
    expect(nodesFromSearch('?nodes=10')).toBe(10);
    expect(nodesFromSearch('?seed=1&nodes=0')).toBe(0);
    expect(nodesFromSearch(`?nodes=${MAX_WORKER_NODES}`)).toBe(MAX_WORKER_NODES);
  });

  it('ignores a missing, malformed or too large count', () => {
    expect(nodesFromSearch('')).toBeUndefined();
    expect(nodesFromSearch('?nodes=-1')).toBeUndefined();
    expect(nodesFromSearch('?nodes=two')).toBeUndefined();
    expect(nodesFromSearch(`?nodes=${MAX_WORKER_NODES + 1}`)).toBeUndefined();
  });
});
