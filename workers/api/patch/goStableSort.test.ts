import { describe, expect, it } from 'vitest';
import { goStableSort } from './goStableSort';

describe('goStableSort', () => {
  it.each([0, 1, 5, 20, 21, 40, 41, 97, 300])('sorts %i items stably', (n) => {
    // Pseudo-random keys with many ties; the tag records original position.
    const items = Array.from({ length: n }, (_, i) => ({ key: (i * 7919) % 13, tag: i }));
    const sorted = items.slice();
    goStableSort(sorted, (a, b) => a.key < b.key);
    const expected = items.slice().sort((a, b) => a.key - b.key || a.tag - b.tag);
    expect(sorted).toEqual(expected);
  });

  it('with an always-true less, reverses a block as Go insertion sort does', () => {
    const a = [1, 2, 3, 4, 5];
    goStableSort(a, () => true);
    expect(a).toEqual([5, 4, 3, 2, 1]);
  });
});
