/**
 * Go's text/tabwriter as kubectl configures it (printers.GetNewTabWriter:
 * minwidth 6, tabwidth 4, padding 3, pad with spaces, RememberWidths from
 * github.com/liggitt/tabwriter). Tab-terminated cells of contiguous lines
 * form a column; the last cell of a line belongs to no column.
 */
const MIN_WIDTH = 6;
const PADDING = 3;

export class TabWriter {
  private lines: string[][] = [];
  private partial = '';
  private remembered: number[] = [];

  private readonly minWidth: number;
  private readonly padding: number;

  constructor(
    private readonly out: (text: string) => void,
    o: { minWidth?: number; padding?: number } = {},
  ) {
    this.minWidth = o.minWidth ?? MIN_WIDTH;
    this.padding = o.padding ?? PADDING;
  }

  write(text: string): void {
    const all = this.partial + text;
    const parts = all.split('\n');
    this.partial = parts.pop() ?? '';
    for (const l of parts) this.lines.push(l.split('\t'));
  }

  /** Forget the widths of earlier flushes (a new table starts). */
  resetWidths(): void {
    this.remembered = [];
  }

  flush(): void {
    if (this.partial !== '') {
      this.lines.push(this.partial.split('\t'));
      this.partial = '';
      this.emit(false);
    } else this.emit(true);
  }

  private emit(newlineAfterLast: boolean): void {
    const lines = this.lines;
    this.lines = [];
    if (lines.length === 0) return;
    const out: string[] = [];
    const widths: number[] = [];
    const writeLines = (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const cells = lines[i];
        let s = '';
        cells.forEach((c, j) => {
          if (j < cells.length - 1 && j < widths.length) s += c + ' '.repeat(Math.max(0, widths[j] - runeLen(c)));
          else if (j < cells.length - 1) s += c;
          else s += c;
        });
        out.push(s);
      }
    };
    const format = (line0: number, line1: number): void => {
      const column = widths.length;
      let start = line0;
      for (let t = line0; t < line1; t++) {
        if (column >= lines[t].length - 1) continue;
        writeLines(start, t);
        start = t;
        let width = this.minWidth;
        let end = t;
        for (; end < line1; end++) {
          if (column >= lines[end].length - 1) break;
          const w = runeLen(lines[end][column]) + this.padding;
          if (w > width) width = w;
        }
        const r = this.remembered;
        if (r.length < widths.length) r.push(...widths.slice(r.length));
        if (r.length === widths.length) r.push(width);
        else if (r[widths.length] > width) width = r[widths.length];
        else r[widths.length] = width;
        widths.push(width);
        format(start, end);
        widths.pop();
        start = end;
        t = end - 1;
      }
      writeLines(start, line1);
    };
    format(0, lines.length);
    this.out(out.join('\n') + (newlineAfterLast ? '\n' : ''));
  }
}

function runeLen(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Format whole text at once (tests, one-shot tables). */
export function tabulate(text: string): string {
  let out = '';
  const w = new TabWriter((t) => (out += t));
  w.write(text);
  w.flush();
  return out;
}

/** A tabwriter with other settings (`rollout history` uses minwidth 0, padding 2). */
export function tabulateWith(text: string, o: { minWidth: number; padding: number }): string {
  let out = '';
  const w = new TabWriter((t) => (out += t), o);
  w.write(text);
  w.flush();
  return out;
}
