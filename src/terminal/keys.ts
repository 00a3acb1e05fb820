/**
 * What xterm.js sends on `onData`, decoded: printable text, editing keys
 * (VT100/xterm escape sequences and C0 control characters), and Enter.
 * A pasted block arrives as one chunk of text with `\r` between lines.
 */
import type { EditCommand } from './lineEditor';

export type TerminalKey =
  | { kind: 'text'; text: string }
  | { kind: 'edit'; command: EditCommand }
  | { kind: 'enter' }
  | { kind: 'tab' }
  | { kind: 'historyPrev' }
  | { kind: 'historyNext' }
  /** Ctrl+C */
  | { kind: 'interrupt' }
  /** Ctrl+L */
  | { kind: 'clearScreen' }
  /** Ctrl+D */
  | { kind: 'eof' };

const ESCAPES: Record<string, TerminalKey> = {
  '\x1b[A': { kind: 'historyPrev' },
  '\x1bOA': { kind: 'historyPrev' },
  '\x1b[B': { kind: 'historyNext' },
  '\x1bOB': { kind: 'historyNext' },
  '\x1b[C': { kind: 'edit', command: 'right' },
  '\x1bOC': { kind: 'edit', command: 'right' },
  '\x1b[D': { kind: 'edit', command: 'left' },
  '\x1bOD': { kind: 'edit', command: 'left' },
  '\x1b[H': { kind: 'edit', command: 'home' },
  '\x1bOH': { kind: 'edit', command: 'home' },
  '\x1b[1~': { kind: 'edit', command: 'home' },
  '\x1b[7~': { kind: 'edit', command: 'home' },
  '\x1b[F': { kind: 'edit', command: 'end' },
  '\x1bOF': { kind: 'edit', command: 'end' },
  '\x1b[4~': { kind: 'edit', command: 'end' },
  '\x1b[8~': { kind: 'edit', command: 'end' },
  '\x1b[3~': { kind: 'edit', command: 'delete' },
  '\x1b[1;5C': { kind: 'edit', command: 'wordRight' },
  '\x1b[1;5D': { kind: 'edit', command: 'wordLeft' },
  '\x1b[1;3C': { kind: 'edit', command: 'wordRight' },
  '\x1b[1;3D': { kind: 'edit', command: 'wordLeft' },
  '\x1bf': { kind: 'edit', command: 'wordRight' },
  '\x1bb': { kind: 'edit', command: 'wordLeft' },
  '\x1b\x7f': { kind: 'edit', command: 'killWordBefore' },
};

const CONTROLS: Record<string, TerminalKey> = {
  '\x01': { kind: 'edit', command: 'home' },
  '\x02': { kind: 'edit', command: 'left' },
  '\x03': { kind: 'interrupt' },
  '\x04': { kind: 'eof' },
  '\x05': { kind: 'edit', command: 'end' },
  '\x06': { kind: 'edit', command: 'right' },
  '\x08': { kind: 'edit', command: 'backspace' },
  '\x7f': { kind: 'edit', command: 'backspace' },
  '\t': { kind: 'tab' },
  '\x0b': { kind: 'edit', command: 'killAfter' },
  '\x0c': { kind: 'clearScreen' },
  '\x0e': { kind: 'historyNext' },
  '\x10': { kind: 'historyPrev' },
  '\x15': { kind: 'edit', command: 'killBefore' },
  '\x17': { kind: 'edit', command: 'killWordBefore' },
};

/** The longest escape sequence at `data[i]` (CSI with parameters, SS3, or ESC + one char). */
function escapeAt(data: string, i: number): string {
  const next = data[i + 1];
  if (next === '[') {
    let j = i + 2;
    while (j < data.length && /[0-9;?]/.test(data[j])) j++;
    return data.slice(i, Math.min(j + 1, data.length));
  }
  if (next === 'O') return data.slice(i, i + 3);
  return data.slice(i, i + 2);
}

/**
 * Decodes one `onData` chunk. In a multi-character chunk (a paste), tabs
 * become spaces, as a paste must not trigger completion.
 */
export function decodeInput(data: string): TerminalKey[] {
  const out: TerminalKey[] = [];
  const pasted = data.length > 1 && !data.startsWith('\x1b');
  let text = '';
  const flush = () => {
    if (text) out.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < data.length; ) {
    const c = data[i];
    if (c === '\r' || c === '\n') {
      flush();
      out.push({ kind: 'enter' });
      i += c === '\r' && data[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    if (c === '\x1b') {
      flush();
      const seq = escapeAt(data, i);
      const key = ESCAPES[seq];
      if (key) out.push(key);
      i += Math.max(seq.length, 1);
      continue;
    }
    if (pasted && c === '\t') {
      text += ' ';
      i++;
      continue;
    }
    const ctl = CONTROLS[c];
    if (ctl) {
      flush();
      out.push(ctl);
      i++;
      continue;
    }
    // Other control characters (NUL, bell, …) are dropped, as readline ignores unbound keys.
    if (c < ' ') {
      i++;
      continue;
    }
    text += c;
    i++;
  }
  flush();
  return out;
}
