/**
 * The line being typed at the prompt, as readline edits it: a text and a
 * cursor, changed only by pure functions so every key is testable.
 */
export interface LineState {
  readonly text: string;
  /** 0 … text.length */
  readonly cursor: number;
}

export const EMPTY_LINE: LineState = { text: '', cursor: 0 };

export type EditCommand =
  | 'left'
  | 'right'
  | 'home'
  | 'end'
  | 'backspace'
  | 'delete'
  /** Ctrl+U: unix-line-discard, everything before the cursor. */
  | 'killBefore'
  /** Ctrl+K: kill-line, everything from the cursor on. */
  | 'killAfter'
  /** Ctrl+W: unix-word-rubout, back to the previous whitespace. */
  | 'killWordBefore'
  | 'wordLeft'
  | 'wordRight';

export function lineOf(text: string, cursor = text.length): LineState {
  return { text, cursor: Math.max(0, Math.min(cursor, text.length)) };
}

export function insertText(s: LineState, text: string): LineState {
  if (!text) return s;
  return { text: s.text.slice(0, s.cursor) + text + s.text.slice(s.cursor), cursor: s.cursor + text.length };
}

/** Replaces text[from, cursor) with `text` (a completion), leaving the cursor after it. */
export function replaceBeforeCursor(s: LineState, from: number, text: string): LineState {
  const start = Math.max(0, Math.min(from, s.cursor));
  return { text: s.text.slice(0, start) + text + s.text.slice(s.cursor), cursor: start + text.length };
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);

/** Start of the word before the cursor, as readline's backward-word (alphanumerics). */
function wordStartBefore(text: string, cursor: number): number {
  let i = cursor;
  while (i > 0 && !isWordChar(text[i - 1])) i--;
  while (i > 0 && isWordChar(text[i - 1])) i--;
  return i;
}

function wordEndAfter(text: string, cursor: number): number {
  let i = cursor;
  while (i < text.length && !isWordChar(text[i])) i++;
  while (i < text.length && isWordChar(text[i])) i++;
  return i;
}

export function editLine(s: LineState, cmd: EditCommand): LineState {
  const { text, cursor } = s;
  switch (cmd) {
    case 'left':
      return cursor > 0 ? { text, cursor: cursor - 1 } : s;
    case 'right':
      return cursor < text.length ? { text, cursor: cursor + 1 } : s;
    case 'home':
      return { text, cursor: 0 };
    case 'end':
      return { text, cursor: text.length };
    case 'backspace':
      return cursor > 0 ? { text: text.slice(0, cursor - 1) + text.slice(cursor), cursor: cursor - 1 } : s;
    case 'delete':
      return cursor < text.length ? { text: text.slice(0, cursor) + text.slice(cursor + 1), cursor } : s;
    case 'killBefore':
      return { text: text.slice(cursor), cursor: 0 };
    case 'killAfter':
      return { text: text.slice(0, cursor), cursor };
    case 'killWordBefore': {
      let i = cursor;
      while (i > 0 && isSpace(text[i - 1])) i--;
      while (i > 0 && !isSpace(text[i - 1])) i--;
      return { text: text.slice(0, i) + text.slice(cursor), cursor: i };
    }
    case 'wordLeft':
      return { text, cursor: wordStartBefore(text, cursor) };
    case 'wordRight':
      return { text, cursor: wordEndAfter(text, cursor) };
  }
}
