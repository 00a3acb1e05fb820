import { describe, it, expect } from 'vitest';
import { editLine, insertText, lineOf, replaceBeforeCursor } from './lineEditor';

describe('line editor', () => {
  it('moves the cursor and stops at both ends', () => {
    const s = lineOf('get pods', 3);
    expect(editLine(s, 'left')).toEqual({ text: 'get pods', cursor: 2 });
    expect(editLine(s, 'right')).toEqual({ text: 'get pods', cursor: 4 });
    expect(editLine(lineOf('ab', 0), 'left')).toEqual({ text: 'ab', cursor: 0 });
    expect(editLine(lineOf('ab'), 'right')).toEqual({ text: 'ab', cursor: 2 });
    expect(editLine(s, 'home').cursor).toBe(0);
    expect(editLine(s, 'end').cursor).toBe(8);
  });

  it('inserts at the cursor and deletes either side of it', () => {
    expect(insertText(lineOf('kubectl pods', 8), 'get ')).toEqual({ text: 'kubectl get pods', cursor: 12 });
    expect(editLine(lineOf('abc', 2), 'backspace')).toEqual({ text: 'ac', cursor: 1 });
    expect(editLine(lineOf('abc', 0), 'backspace')).toEqual({ text: 'abc', cursor: 0 });
    expect(editLine(lineOf('abc', 1), 'delete')).toEqual({ text: 'ac', cursor: 1 });
    expect(editLine(lineOf('abc'), 'delete')).toEqual({ text: 'abc', cursor: 3 });
  });

  it('Ctrl+U, Ctrl+K and Ctrl+W kill as readline does', () => {
    const s = lineOf('kubectl get pods -o wide', 16);
    expect(editLine(s, 'killBefore')).toEqual({ text: ' -o wide', cursor: 0 });
    expect(editLine(s, 'killAfter')).toEqual({ text: 'kubectl get pods', cursor: 16 });
    expect(editLine(s, 'killWordBefore')).toEqual({ text: 'kubectl get  -o wide', cursor: 12 });
    // Trailing spaces go with the word before them; a word with punctuation goes whole.
    expect(editLine(lineOf('kubectl get deploy/web-1  '), 'killWordBefore')).toEqual({ text: 'kubectl get ', cursor: 12 });
    expect(editLine(lineOf(''), 'killWordBefore')).toEqual({ text: '', cursor: 0 });
  });

  it('jumps by words over punctuation', () => {
    expect(editLine(lineOf('get deploy/web-1'), 'wordLeft').cursor).toBe(15);
    expect(editLine(lineOf('get deploy/web', 3), 'wordRight').cursor).toBe(10);
  });

  it('replaces the word before the cursor (completion) and clamps bad positions', () => {
    expect(replaceBeforeCursor(lineOf('kubectl get po -o', 14), 12, 'pods')).toEqual({ text: 'kubectl get pods -o', cursor: 16 });
    expect(lineOf('abc', 99).cursor).toBe(3);
    expect(lineOf('abc', -4).cursor).toBe(0);
  });
});
