import { describe, it, expect } from 'vitest';
import { lineDiff } from './lineDiff';

const render = (a: string[], b: string[]) => lineDiff(a, b).map((l) => `${l.op}${l.text}`);

describe('lineDiff', () => {
  it('keeps common lines and marks changes', () => {
    expect(render(['a', 'b', 'c'], ['a', 'x', 'c'])).toEqual([' a', '-b', '+x', ' c']);
  });
  it('handles pure additions and removals, and empty sides', () => {
    expect(render([], ['a'])).toEqual(['+a']);
    expect(render(['a'], [])).toEqual(['-a']);
    expect(render(['a', 'c'], ['a', 'b', 'c'])).toEqual([' a', '+b', ' c']);
    expect(render([], [])).toEqual([]);
  });
  it('finds the longest common run in the middle', () => {
    const out = render(['x', 'a', 'b', 'y'], ['a', 'b', 'z']);
    expect(out.filter((l) => l.startsWith(' '))).toEqual([' a', ' b']);
  });
});
