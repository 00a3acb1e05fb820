import { describe, it, expect } from 'vitest';
import { wrapString, indent } from './wordwrap';

describe('wrapString (go-wordwrap)', () => {
  it('breaks at spaces within the limit and keeps existing newlines', () => {
    expect(wrapString('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wrapString('one\ntwo three', 5)).toBe('one\ntwo\nthree');
  });
  it('never splits a word longer than the limit', () => {
    expect(wrapString('https://example.com/very/long x', 10)).toBe('https://example.com/very/long\nx');
  });
  it('indents every line, the empty last one included', () => {
    expect(indent(4, 'a\nb\n')).toBe('    a\n    b\n    ');
  });
});
