/**
 * Go's text/tabwriter with describe's settings (describe.go tabbedString:
 * minwidth 0, tabwidth 8, padding 2, pad with spaces, no flags). A cell is
 * text ended by a tab; tab-ended cells of consecutive lines form a column
 * block whose width is its widest cell plus padding; the text after a line's
 * last tab belongs to no column. flush() closes every open block.
 */
export class TabWriter {
  private buf = '';
  private out = '';

  constructor(
    private readonly minWidth = 0,
    private readonly padding = 2,
  ) {}

  write(text: string): void {
    this.buf += text;
  }

  flush(): void {
    if (this.buf === '') return;
    const endsWithNewline = this.buf.endsWith('\n');
    const body = endsWithNewline ? this.buf.slice(0, -1) : this.buf;
    this.buf = '';
    this.out += format(
      body.split('\n').map((l) => l.split('\t')),
      this.minWidth,
      this.padding,
    );
    if (endsWithNewline) this.out += '\n';
  }

  /** Everything written, formatted (flushes first). */
  text(): string {
    this.flush();
    return this.out;
  }
}

const runeLen = (s: string) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/** tabwriter.(*Writer).format over whole lines; returns them joined by newlines. */
function format(lines: string[][], minWidth: number, padding: number): string {
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i];
      let s = '';
      for (let j = 0; j < cells.length; j++) {
        const c = cells[j];
        s += c;
        if (j < cells.length - 1 && j < widths.length) s += ' '.repeat(Math.max(0, widths[j] - runeLen(c)));
      }
      out.push(s);
    }
  };

  const fmt = (line0: number, line1: number): void => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t].length - 1) continue;
      writeLines(line0, t);
      line0 = t;
      let width = minWidth;
      for (; t < line1; t++) {
        if (column >= lines[t].length - 1) break;
        const w = runeLen(lines[t][column]) + padding;
        if (w > width) width = w;
      }
      widths.push(width);
      fmt(line0, t);
      widths.pop();
      line0 = t;
      t--;
    }
    writeLines(line0, line1);
  };

  fmt(0, lines.length);
  return out.join('\n');
}
