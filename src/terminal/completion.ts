/**
 * Tab completion as bash presents it: one candidate completes the word (and
 * adds a space); several extend the word to their common prefix, and a
 * second Tab lists them in columns, sorted down the columns.
 */
import { replaceBeforeCursor, type LineState } from './lineEditor';

export interface Completion {
  /** Where the word being completed starts in the line. */
  from: number;
  candidates: readonly string[];
}

export type CompletionOutcome =
  /** Nothing matches: bash rings the bell. */
  | { kind: 'none' }
  | { kind: 'complete'; line: LineState }
  /** Several match; `line` holds the common prefix (possibly unchanged). */
  | { kind: 'ambiguous'; line: LineState; candidates: string[]; extended: boolean };

export function commonPrefix(words: readonly string[]): string {
  if (!words.length) return '';
  let p = words[0];
  for (const w of words) {
    let i = 0;
    while (i < p.length && i < w.length && p[i] === w[i]) i++;
    p = p.slice(0, i);
  }
  return p;
}

/** A word that names something to go on with (a flag taking `=`, a path) gets no trailing space. */
const continues = (word: string) => word.endsWith('=') || word.endsWith('/');

export function applyCompletion(line: LineState, c: Completion): CompletionOutcome {
  const from = Math.max(0, Math.min(c.from, line.cursor));
  const typed = line.text.slice(from, line.cursor);
  const unique = [...new Set(c.candidates)].filter((w) => w.startsWith(typed));
  if (unique.length === 0) return { kind: 'none' };
  if (unique.length === 1) {
    const word = unique[0];
    const after = line.text[line.cursor];
    const space = continues(word) || after === ' ' ? '' : ' ';
    const next = replaceBeforeCursor(line, from, word + space);
    // With a space already after the cursor, step over it as bash does.
    return { kind: 'complete', line: after === ' ' && !continues(word) ? { ...next, cursor: next.cursor + 1 } : next };
  }
  const prefix = commonPrefix(unique);
  const extended = prefix.length > typed.length;
  return { kind: 'ambiguous', line: extended ? replaceBeforeCursor(line, from, prefix) : line, candidates: [...unique].sort(), extended };
}

/**
 * The candidates in columns that fit `cols`, filled top to bottom then left
 * to right (readline's rl_display_match_list), each row ending in a newline.
 */
export function formatCandidates(candidates: readonly string[], cols: number): string {
  if (!candidates.length) return '';
  const width = Math.max(...candidates.map((c) => c.length)) + 2;
  const perRow = Math.max(1, Math.floor((Math.max(cols, 1) + 2) / width));
  const rows = Math.ceil(candidates.length / perRow);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let col = 0; col < perRow; col++) {
      const i = col * rows + r;
      if (i >= candidates.length) break;
      const last = col === perRow - 1 || (col + 1) * rows + r >= candidates.length;
      line += last ? candidates[i] : candidates[i].padEnd(width);
    }
    out += `${line}\n`;
  }
  return out;
}
