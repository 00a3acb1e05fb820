/** A line diff (longest common subsequence), small and exact; large inputs fall back to "all removed, all added". */
import type { DiffLine } from './types';

/** Past this many cells the LCS table is not worth it. */
const MAX_CELLS = 4_000_000;

export function lineDiff(a: readonly string[], b: readonly string[]): DiffLine[] {
  // Common head and tail are cheap and usually most of an object.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const out: DiffLine[] = a.slice(0, head).map((text) => ({ op: ' ', text }));
  if (x.length * y.length > MAX_CELLS) {
    for (const text of x) out.push({ op: '-', text });
    for (const text of y) out.push({ op: '+', text });
  } else {
    const n = x.length;
    const m = y.length;
    // lcs[i][j] = LCS length of x[i:] and y[j:], in one flat array.
    const lcs = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * (m + 1) + j] = x[i] === y[j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (x[i] === y[j]) {
        out.push({ op: ' ', text: x[i] });
        i++;
        j++;
      } else if (lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1]) out.push({ op: '-', text: x[i++] });
      else out.push({ op: '+', text: y[j++] });
    }
    while (i < n) out.push({ op: '-', text: x[i++] });
    while (j < m) out.push({ op: '+', text: y[j++] });
  }
  for (const text of a.slice(a.length - tail)) out.push({ op: ' ', text });
  return out;
}
