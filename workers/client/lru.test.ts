import { describe, expect, it } from 'vitest';
import { Lru } from './lru';

describe('Lru', () => {
  it('forgets the least recently used entry beyond its size', () => {
    const l = new Lru<number>(2);
    l.set('a', 1);
    l.set('b', 2);
    expect(l.get('a')).toBe(1); // a is now the most recent
    l.set('c', 3);
    expect(l.get('b')).toBeUndefined();
    expect(l.get('a')).toBe(1);
    expect(l.get('c')).toBe(3);
    expect(l.size).toBe(2);
  });

  it('replaces a value without growing, and deletes', () => {
    const l = new Lru<string>(2);
    l.set('a', 'x');
    l.set('a', 'y');
    expect(l.size).toBe(1);
    expect(l.get('a')).toBe('y');
    l.delete('a');
    expect(l.get('a')).toBeUndefined();
  });
});
