/** Reading a line diff of two YAML documents: counts and the top-level fields it touches. */
import type { DiffLine } from '../../../workers/timeline/types';

export interface DiffSummary {
  added: number;
  removed: number;
  /** Top-level fields (`spec`, `status`, `metadata`) with a changed line under them, in document order. */
  fields: string[];
}

const TOP_KEY = /^([A-Za-z_][\w.-]*):/;

export function summarizeDiff(lines: readonly DiffLine[]): DiffSummary {
  let added = 0;
  let removed = 0;
  const fields: string[] = [];
  let current: string | null = null;
  for (const l of lines) {
    const top = TOP_KEY.exec(l.text);
    if (top) current = top[1];
    if (l.op === ' ') continue;
    if (l.op === '+') added++;
    else removed++;
    if (current && !fields.includes(current)) fields.push(current);
  }
  return { added, removed, fields };
}

/** The two sides as text for a side-by-side view, rebuilt from the line diff when the YAML is absent. */
export function sidesOf(lines: readonly DiffLine[]): { before: string; after: string } {
  const before: string[] = [];
  const after: string[] = [];
  for (const l of lines) {
    if (l.op !== '+') before.push(l.text);
    if (l.op !== '-') after.push(l.text);
  }
  return { before: before.join('\n'), after: after.join('\n') };
}
