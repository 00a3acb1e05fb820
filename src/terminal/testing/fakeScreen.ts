/**
 * A tiny VT100 screen for tests: enough of xterm's behaviour (auto-wrap with
 * a pending wrap at the margin, convertEol, cursor moves, erase) to check
 * what the user would see and where the cursor is.
 */
import type { TerminalSurface } from '../types';

export class FakeScreen implements TerminalSurface {
  rows: string[][] = [[]];
  row = 0;
  col = 0;
  private pendingWrap = false;
  bells = 0;
  raw = '';

  constructor(public width = 40) {}

  cols(): number {
    return this.width;
  }

  bell(): void {
    this.bells++;
  }

  clear(): void {
    this.rows = [[]];
    this.row = 0;
    this.col = 0;
    this.pendingWrap = false;
  }

  private ensure(r: number): string[] {
    while (this.rows.length <= r) this.rows.push([]);
    return this.rows[r];
  }

  write(data: string): void {
    this.raw += data;
    for (let i = 0; i < data.length; i++) {
      const c = data[i];
      if (c === '\x1b' && data[i + 1] === '[') {
        let j = i + 2;
        while (j < data.length && /[0-9;?]/.test(data[j])) j++;
        const params = data.slice(i + 2, j);
        const n = Number(params.split(';')[0] || '1');
        this.csi(data[j], n, params);
        i = j;
        continue;
      }
      if (c === '\r') {
        this.col = 0;
        this.pendingWrap = false;
      } else if (c === '\n') {
        // convertEol: LF is CR LF.
        this.row++;
        this.col = 0;
        this.pendingWrap = false;
        this.ensure(this.row);
      } else if (c === '\b') {
        if (this.col > 0) this.col--;
      } else {
        if (this.pendingWrap) {
          this.row++;
          this.col = 0;
          this.pendingWrap = false;
        }
        const line = this.ensure(this.row);
        while (line.length < this.col) line.push(' ');
        line[this.col] = c;
        if (this.col === this.width - 1) this.pendingWrap = true;
        else this.col++;
      }
    }
  }

  private csi(final: string, n: number, params: string): void {
    this.pendingWrap = false;
    switch (final) {
      case 'A':
        this.row = Math.max(0, this.row - n);
        break;
      case 'B':
        this.row += n;
        this.ensure(this.row);
        break;
      case 'C':
        this.col = Math.min(this.width - 1, this.col + n);
        break;
      case 'D':
        this.col = Math.max(0, this.col - n);
        break;
      case 'H':
        this.row = 0;
        this.col = 0;
        break;
      case 'J':
        if (params === '2' || params === '3') {
          this.rows = this.rows.map(() => []);
        } else {
          this.ensure(this.row).length = Math.min(this.ensure(this.row).length, this.col);
          this.rows.length = this.row + 1;
        }
        break;
      case 'K':
        this.ensure(this.row).length = Math.min(this.ensure(this.row).length, this.col);
        break;
      default:
        // SGR colours and the rest do not move anything.
        break;
    }
  }

  /** Visible lines, trailing spaces trimmed. */
  lines(): string[] {
    const out = this.rows.map((r) => r.join('').replace(/\s+$/, ''));
    while (out.length > 1 && out[out.length - 1] === '') out.pop();
    return out;
  }

  text(): string {
    return this.lines().join('\n');
  }
}
