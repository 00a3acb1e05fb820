/**
 * Turns shell source into tokens. Quoting is resolved here into word parts
 * (quoted text is marked so it is never field-split or globbed); `$(...)`,
 * backticks and `$((...))` keep their source and are parsed when expanded.
 */
import type { Part, ParamOp, Redir, Word } from './ast';
import { ShellSyntaxError } from './ast';

export type Token =
  | { k: 'word'; word: Word; raw?: string; line: number }
  | { k: 'assignArray'; name: string; elems: Word[]; line: number }
  | { k: 'op'; v: string; line: number }
  | { k: 'redir'; redir: Redir; line: number }
  | { k: 'eof'; line: number };

const META = new Set([' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const PARAM_OPS: ParamOp[] = [':-', ':=', ':+', ':?', '##', '%%', '-', '=', '+', '?', '#', '%'];

export class Lexer {
  private pos = 0;
  line = 1;
  private pendingHere: { delim: string; strip: boolean; here: { body: string; literal: boolean } }[] = [];

  constructor(private readonly src: string) {}

  next(): Token {
    this.skipBlanks();
    const line = this.line;
    if (this.pos >= this.src.length) {
      if (this.pendingHere.length) this.readHereDocs();
      return { k: 'eof', line };
    }
    const c = this.src[this.pos];
    if (c === '\n') {
      this.pos++;
      this.line++;
      if (this.pendingHere.length) this.readHereDocs();
      return { k: 'op', v: '\n', line };
    }
    const redir = this.tryRedir(line);
    if (redir) return redir;
    const two = this.src.slice(this.pos, this.pos + 2);
    if (two === '&&' || two === '||' || two === ';;') {
      this.pos += 2;
      return { k: 'op', v: two, line };
    }
    if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
      this.pos++;
      return { k: 'op', v: c, line };
    }
    return this.readWordToken(line);
  }

  private skipBlanks(): void {
    for (;;) {
      const c = this.src[this.pos];
      if (c === ' ' || c === '\t') this.pos++;
      else if (c === '\\' && this.src[this.pos + 1] === '\n') {
        this.pos += 2;
        this.line++;
      } else if (c === '#') {
        while (this.pos < this.src.length && this.src[this.pos] !== '\n') this.pos++;
      } else return;
    }
  }

  private tryRedir(line: number): Token | undefined {
    const m = /^(\d*)(&>|>>|>&|<&|<<-?|>\||>|<)/.exec(this.src.slice(this.pos, this.pos + 8));
    if (!m) return undefined;
    // `2>x` is a redirection; `a2>x` never reaches here because words are read whole.
    this.pos += m[0].length;
    let op = m[2];
    const fd = m[1] !== '' ? Number(m[1]) : op.startsWith('<') ? 0 : 1;
    if (op === '>|') op = '>';
    this.skipBlanks();
    if (op.startsWith('<<')) {
      const start = this.pos;
      const word = this.readWord(true);
      const raw = this.src.slice(start, this.pos);
      if (!word.length) throw new ShellSyntaxError(this.describeNext(), this.line);
      const delim = word.map((p) => (p.t === 'lit' ? p.v : '')).join('');
      const here = { body: '', literal: /['"\\]/.test(raw) };
      this.pendingHere.push({ delim, strip: op === '<<-', here });
      return { k: 'redir', redir: { fd, op: '<<', target: word, here }, line };
    }
    const target = this.readWord(true);
    if (!target.length) throw new ShellSyntaxError(this.describeNext(), this.line);
    return { k: 'redir', redir: { fd, op: op as Redir['op'], target }, line };
  }

  private describeNext(): string {
    this.skipBlanks();
    if (this.pos >= this.src.length) return 'end of file';
    const c = this.src[this.pos];
    return c === '\n' ? 'newline' : `"${c}"`;
  }

  private readHereDocs(): void {
    for (const h of this.pendingHere) {
      const lines: string[] = [];
      for (;;) {
        if (this.pos >= this.src.length) break;
        let end = this.src.indexOf('\n', this.pos);
        if (end === -1) end = this.src.length;
        let text = this.src.slice(this.pos, end);
        this.pos = Math.min(end + 1, this.src.length);
        this.line++;
        if (h.strip) text = text.replace(/^\t+/, '');
        if (text === h.delim) break;
        lines.push(text);
      }
      h.here.body = lines.length ? lines.join('\n') + '\n' : '';
    }
    this.pendingHere = [];
  }

  private readWordToken(line: number): Token {
    const start = this.pos;
    const word = this.readWord(true);
    const raw = this.src.slice(start, this.pos);
    // bash array assignment: NAME=( elem ... )
    if (this.src[this.pos] === '(' && /^[A-Za-z_][A-Za-z0-9_]*=$/.test(raw)) {
      this.pos++;
      const elems: Word[] = [];
      for (;;) {
        while (/[\s]/.test(this.src[this.pos] ?? '')) {
          if (this.src[this.pos] === '\n') this.line++;
          this.pos++;
        }
        if (this.pos >= this.src.length) throw new ShellSyntaxError('end of file', this.line);
        if (this.src[this.pos] === ')') {
          this.pos++;
          break;
        }
        elems.push(this.readWord(true));
      }
      return { k: 'assignArray', name: raw.slice(0, -1), elems, line };
    }
    if (!word.length) throw new ShellSyntaxError(`"${this.src[this.pos]}"`, line);
    const plain = word.every((p) => p.t === 'lit' && !p.q);
    return { k: 'word', word, raw: plain ? raw : undefined, line };
  }

  /** Read one word; with `stopAtMeta` false the whole remaining input is one word (for `${x:-word}`). */
  readWord(stopAtMeta: boolean): Word {
    const parts: Part[] = [];
    let lit = '';
    const flush = (): void => {
      if (lit) parts.push({ t: 'lit', v: lit, q: false });
      lit = '';
    };
    const src = this.src;
    while (this.pos < src.length) {
      const c = src[this.pos];
      if (stopAtMeta && META.has(c)) break;
      if (c === '\\') {
        const n = src[this.pos + 1];
        this.pos += 2;
        if (n === '\n') {
          this.line++;
          continue;
        }
        if (n === undefined) {
          lit += '\\';
          continue;
        }
        flush();
        parts.push({ t: 'lit', v: n, q: true });
      } else if (c === "'") {
        const end = src.indexOf("'", this.pos + 1);
        if (end === -1) throw new ShellSyntaxError('unterminated quoted string', this.line);
        flush();
        const v = src.slice(this.pos + 1, end);
        this.countLines(v);
        parts.push({ t: 'lit', v, q: true });
        this.pos = end + 1;
      } else if (c === '"') {
        flush();
        this.pos++;
        this.readDouble(parts);
      } else if (c === '$') {
        flush();
        this.readDollar(parts, false);
      } else if (c === '`') {
        flush();
        parts.push({ t: 'cmd', src: this.readBackquote(), q: false });
      } else {
        if (c === '\n') this.line++;
        lit += c;
        this.pos++;
      }
    }
    flush();
    return parts;
  }

  private countLines(s: string): void {
    for (const ch of s) if (ch === '\n') this.line++;
  }

  private readDouble(parts: Part[]): void {
    const src = this.src;
    let lit = '';
    const flush = (): void => {
      parts.push({ t: 'lit', v: lit, q: true });
      lit = '';
    };
    let any = false;
    for (;;) {
      if (this.pos >= src.length) throw new ShellSyntaxError('unterminated quoted string', this.line);
      const c = src[this.pos];
      if (c === '"') {
        this.pos++;
        break;
      }
      if (c === '\\') {
        const n = src[this.pos + 1];
        if (n === '$' || n === '`' || n === '"' || n === '\\') {
          lit += n;
          this.pos += 2;
        } else if (n === '\n') {
          this.pos += 2;
          this.line++;
        } else {
          lit += c;
          this.pos++;
        }
      } else if (c === '$') {
        if (lit || !any) flush();
        this.readDollar(parts, true);
        any = true;
      } else if (c === '`') {
        if (lit || !any) flush();
        parts.push({ t: 'cmd', src: this.readBackquote(), q: true });
        any = true;
      } else {
        if (c === '\n') this.line++;
        lit += c;
        this.pos++;
      }
    }
    // Keep an empty quoted part so `""` is still one (empty) field.
    if (lit || !any) flush();
  }

  private readBackquote(): string {
    const src = this.src;
    let out = '';
    this.pos++;
    for (;;) {
      if (this.pos >= src.length) throw new ShellSyntaxError('unterminated quoted string', this.line);
      const c = src[this.pos];
      if (c === '`') {
        this.pos++;
        return out;
      }
      if (c === '\\' && (src[this.pos + 1] === '`' || src[this.pos + 1] === '\\' || src[this.pos + 1] === '$')) {
        out += src[this.pos + 1];
        this.pos += 2;
        continue;
      }
      out += c;
      this.pos++;
    }
  }

  /** Find the `)` closing a `$(` (depth- and quote-aware); returns the inner source. */
  private readBalanced(open: string, close: string): string {
    const src = this.src;
    let depth = 1;
    const start = this.pos;
    while (this.pos < src.length) {
      const c = src[this.pos];
      if (c === '\\') {
        this.pos += 2;
        continue;
      }
      if (c === "'") {
        const end = src.indexOf("'", this.pos + 1);
        this.pos = end === -1 ? src.length : end + 1;
        continue;
      }
      if (c === '"') {
        this.pos++;
        while (this.pos < src.length && src[this.pos] !== '"') this.pos += src[this.pos] === '\\' ? 2 : 1;
        this.pos++;
        continue;
      }
      if (c === open) depth++;
      else if (c === close) {
        depth--;
        if (depth === 0) {
          const inner = src.slice(start, this.pos);
          this.pos++;
          this.countLines(inner);
          return inner;
        }
      }
      this.pos++;
    }
    throw new ShellSyntaxError('end of file', this.line, close);
  }

  private readDollar(parts: Part[], q: boolean): void {
    const src = this.src;
    const n = src[this.pos + 1];
    if (n === '(' && src[this.pos + 2] === '(') {
      this.pos += 3;
      const inner = this.readBalanced('(', ')');
      // The arithmetic form ends with `))`: the balanced read consumed the first.
      if (src[this.pos] === ')') this.pos++;
      parts.push({ t: 'arith', src: inner, q });
      return;
    }
    if (n === '(') {
      this.pos += 2;
      parts.push({ t: 'cmd', src: this.readBalanced('(', ')'), q });
      return;
    }
    if (n === '{') {
      this.pos += 2;
      parts.push(parseBraced(this.readBalanced('{', '}'), q, this.line));
      return;
    }
    if (n === "'" && !q) {
      const end = src.indexOf("'", this.pos + 2);
      if (end === -1) throw new ShellSyntaxError('unterminated quoted string', this.line);
      parts.push({ t: 'lit', v: unescapeAnsiC(src.slice(this.pos + 2, end)), q: true });
      this.pos = end + 1;
      return;
    }
    const rest = src.slice(this.pos + 1);
    const m = NAME.exec(rest);
    if (m) {
      this.pos += 1 + m[0].length;
      parts.push({ t: 'param', name: m[0], q });
      return;
    }
    if (n !== undefined && /[?#@*$!0-9-]/.test(n)) {
      this.pos += 2;
      parts.push({ t: 'param', name: n, q });
      return;
    }
    this.pos++;
    parts.push({ t: 'lit', v: '$', q });
  }
}

/** Parse the inside of `${...}`. */
function parseBraced(inner: string, q: boolean, line: number): Part {
  let s = inner;
  let length = false;
  if (s.startsWith('#') && s.length > 1) {
    length = true;
    s = s.slice(1);
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*|[?#@*$!0-9-])/.exec(s);
  if (!m) throw new BadSubstitution(inner, line);
  const name = m[1];
  s = s.slice(name.length);
  let index: Word | undefined;
  if (s.startsWith('[')) {
    const close = s.indexOf(']');
    if (close === -1) throw new BadSubstitution(inner, line);
    index = new Lexer(s.slice(1, close)).readWord(false);
    s = s.slice(close + 1);
  }
  if (!s) return { t: 'param', name, index, length, q };
  const op = PARAM_OPS.find((o) => s.startsWith(o));
  if (!op || length) throw new BadSubstitution(inner, line);
  const arg = new Lexer(s.slice(op.length)).readWord(false);
  return { t: 'param', name, index, op, arg, q };
}

export class BadSubstitution extends Error {
  constructor(readonly text: string, readonly line: number) {
    super(`\${${text}}: bad substitution`);
  }
}

function unescapeAnsiC(s: string): string {
  return s.replace(/\\(n|t|r|\\|'|"|e|a|0|x[0-9a-fA-F]{1,2})/g, (_, e: string) => {
    switch (e[0]) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      case 'e': return '\x1b';
      case 'a': return '\x07';
      case '0': return '\0';
      case 'x': return String.fromCharCode(parseInt(e.slice(1), 16));
      default: return e;
    }
  });
}
