/**
 * describe.go's PrefixWriter: text at an indentation level (two spaces a
 * level) into a tabwriter, terminal escapes neutralised as
 * printers.WriteEscaped does.
 */
import { TabWriter } from './tabwriter';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

const escape = (s: string) => s.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');

export interface PrefixWriter {
  /** Writes `text` after `level` indents. */
  write(level: number, text: string): void;
  /** fmt.Sprintln of the parts: space-separated, newline-terminated. */
  writeLine(...parts: string[]): void;
  /** Closes the tabwriter's open column blocks. */
  flush(): void;
}

export class TabbedPrefixWriter implements PrefixWriter {
  readonly tw = new TabWriter(0, 2);

  write(level: number, text: string): void {
    this.tw.write(escape('  '.repeat(level) + text));
  }

  writeLine(...parts: string[]): void {
    this.tw.write(escape(`${parts.join(' ')}\n`));
  }

  flush(): void {
    this.tw.flush();
  }

  text(): string {
    return this.tw.text();
  }
}

/** NewNestedPrefixWriter: every write `indent` levels deeper. */
export class NestedPrefixWriter implements PrefixWriter {
  constructor(
    private readonly inner: PrefixWriter,
    private readonly indent: number,
  ) {}

  write(level: number, text: string): void {
    this.inner.write(level + this.indent, text);
  }

  writeLine(...parts: string[]): void {
    this.inner.write(this.indent, `${parts.join(' ')}\n`);
  }

  flush(): void {
    this.inner.flush();
  }
}

/** tabbedString: run `f` against a fresh writer and return the formatted text. */
export function tabbedString(f: (w: PrefixWriter) => void): string {
  const w = new TabbedPrefixWriter();
  f(w);
  return w.text();
}
