/** Recursive-descent parser for the shell grammar subset in ast.ts. */
import type { Assign, Node, Redir, Word } from './ast';
import { ShellSyntaxError } from './ast';
import { Lexer, type Token } from './lexer';

const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'do', 'done', 'while', 'until', 'for', 'in', 'case', 'esac', '{', '}', '!']);

export function parseScript(src: string): Node {
  return new Parser(src).script();
}

class Parser {
  private lexer: Lexer;
  private tok: Token;

  constructor(src: string) {
    this.lexer = new Lexer(src);
    this.tok = this.lexer.next();
  }

  script(): Node {
    const list = this.list([]);
    if (this.tok.k !== 'eof') throw this.unexpected();
    return list;
  }

  private advance(): Token {
    const t = this.tok;
    this.tok = this.lexer.next();
    return t;
  }

  private isOp(v: string): boolean {
    return this.tok.k === 'op' && this.tok.v === v;
  }

  private isWord(w: string): boolean {
    return this.tok.k === 'word' && this.tok.raw === w;
  }

  private describe(t: Token): string {
    if (t.k === 'eof') return 'end of file';
    if (t.k === 'op') return t.v === '\n' ? 'newline' : `"${t.v}"`;
    if (t.k === 'word') return `"${t.raw ?? wordText(t.word)}"`;
    if (t.k === 'redir') return `"${t.redir.op}"`;
    return `"${t.name}=("`;
  }

  private unexpected(expecting?: string): ShellSyntaxError {
    return new ShellSyntaxError(this.describe(this.tok), this.tok.line, expecting);
  }

  private skipNewlines(): void {
    while (this.isOp('\n')) this.advance();
  }

  private expectWord(w: string): void {
    this.skipNewlines();
    if (!this.isWord(w)) throw this.unexpected(w);
    this.advance();
  }

  /** A list ends at EOF, `)`, `;;` or one of the given reserved words. */
  private list(terminators: string[], allowEmpty = false): Node {
    const items: { node: Node; background: boolean }[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.tok.k === 'eof' || this.isOp(')') || this.isOp(';;')) break;
      if (this.tok.k === 'word' && this.tok.raw !== undefined && terminators.includes(this.tok.raw)) break;
      const node = this.andOr();
      let background = false;
      if (this.isOp('&')) {
        background = true;
        this.advance();
      } else if (this.isOp(';')) {
        this.advance();
      } else if (!this.isOp('\n')) {
        items.push({ node, background });
        break;
      }
      items.push({ node, background });
    }
    if (!items.length && terminators.length && !allowEmpty) throw this.unexpected(terminators[0]);
    return { t: 'list', items };
  }

  private andOr(): Node {
    const first = this.pipeline();
    const rest: { op: '&&' | '||'; node: Node }[] = [];
    while (this.isOp('&&') || this.isOp('||')) {
      const op = (this.advance() as { v: '&&' | '||' }).v;
      this.skipNewlines();
      rest.push({ op, node: this.pipeline() });
    }
    return rest.length ? { t: 'andor', first, rest } : first;
  }

  private pipeline(): Node {
    let negate = false;
    if (this.isWord('!')) {
      negate = true;
      this.advance();
    }
    const cmds = [this.command()];
    while (this.isOp('|')) {
      this.advance();
      this.skipNewlines();
      cmds.push(this.command());
    }
    return cmds.length > 1 || negate ? { t: 'pipeline', cmds, negate } : cmds[0];
  }

  private command(): Node {
    const t = this.tok;
    if (t.k === 'word' && t.raw !== undefined) {
      switch (t.raw) {
        case 'if': return this.withRedirs(this.ifClause());
        case 'while':
        case 'until': return this.withRedirs(this.loop());
        case 'for': return this.withRedirs(this.forClause());
        case 'case': return this.withRedirs(this.caseClause());
        case '{': {
          this.advance();
          const body = this.list(['}']);
          this.expectWord('}');
          return this.withRedirs({ t: 'group', body, subshell: false, redirs: [] });
        }
        default:
          if (RESERVED.has(t.raw) && t.raw !== '!') throw this.unexpected();
      }
    }
    if (this.isOp('(')) {
      this.advance();
      const body = this.list([]);
      if (!this.isOp(')')) throw this.unexpected(')');
      this.advance();
      return this.withRedirs({ t: 'group', body, subshell: true, redirs: [] });
    }
    return this.simple();
  }

  private withRedirs<T extends Node & { redirs: Redir[] }>(node: T): T {
    while (this.tok.k === 'redir') node.redirs.push((this.advance() as { redir: Redir }).redir);
    return node;
  }

  private ifClause(): Extract<Node, { t: 'if' }> {
    this.advance();
    const clauses: { cond: Node; body: Node }[] = [];
    let otherwise: Node | undefined;
    const cond = this.list(['then']);
    this.expectWord('then');
    clauses.push({ cond, body: this.list(['fi', 'elif', 'else']) });
    for (;;) {
      if (this.isWord('elif')) {
        this.advance();
        const c = this.list(['then']);
        this.expectWord('then');
        clauses.push({ cond: c, body: this.list(['fi', 'elif', 'else']) });
      } else if (this.isWord('else')) {
        this.advance();
        otherwise = this.list(['fi']);
      } else break;
    }
    this.expectWord('fi');
    return { t: 'if', clauses, otherwise, redirs: [] };
  }

  private loop(): Extract<Node, { t: 'loop' }> {
    const until = (this.advance() as { raw?: string }).raw === 'until';
    const cond = this.list(['do']);
    this.expectWord('do');
    const body = this.list(['done']);
    this.expectWord('done');
    return { t: 'loop', until, cond, body, redirs: [] };
  }

  private forClause(): Extract<Node, { t: 'for' }> {
    this.advance();
    const nameTok = this.tok;
    if (nameTok.k !== 'word' || nameTok.raw === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(nameTok.raw)) throw this.unexpected();
    this.advance();
    let items: Word[] | undefined;
    this.skipNewlines();
    if (this.isWord('in')) {
      this.advance();
      items = [];
      while (this.tok.k === 'word') items.push((this.advance() as { word: Word }).word);
    }
    if (this.isOp(';')) this.advance();
    this.expectWord('do');
    const body = this.list(['done']);
    this.expectWord('done');
    return { t: 'for', name: nameTok.raw, items, body, redirs: [] };
  }

  private caseClause(): Extract<Node, { t: 'case' }> {
    this.advance();
    if (this.tok.k !== 'word') throw this.unexpected();
    const word = (this.advance() as { word: Word }).word;
    this.expectWord('in');
    const arms: { patterns: Word[]; body?: Node }[] = [];
    for (;;) {
      this.skipNewlines();
      if (this.isWord('esac')) break;
      if (this.isOp('(')) this.advance();
      const patterns: Word[] = [];
      for (;;) {
        if (this.tok.k !== 'word') throw this.unexpected();
        patterns.push((this.advance() as { word: Word }).word);
        if (this.isOp('|')) {
          this.advance();
          continue;
        }
        break;
      }
      if (!this.isOp(')')) throw this.unexpected(')');
      this.advance();
      const body = this.list(['esac'], true);
      arms.push({ patterns, body: (body as { items: unknown[] }).items.length ? body : undefined });
      if (this.isOp(';;')) this.advance();
      else break;
    }
    this.expectWord('esac');
    return { t: 'case', word, arms, redirs: [] };
  }

  private simple(): Node {
    const assigns: Assign[] = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    const line = this.tok.line;
    for (;;) {
      const t = this.tok;
      if (t.k === 'redir') {
        redirs.push(t.redir);
        this.advance();
      } else if (t.k === 'assignArray' && !words.length) {
        assigns.push({ name: t.name, array: t.elems });
        this.advance();
      } else if (t.k === 'word') {
        const m = !words.length ? assignmentOf(t.word) : undefined;
        if (m) assigns.push(m);
        else words.push(t.word);
        this.advance();
        // name() { ...; } defines a function.
        if (words.length === 1 && !assigns.length && this.isOp('(')) {
          const name = t.raw;
          this.advance();
          if (!this.isOp(')') || name === undefined) throw this.unexpected();
          this.advance();
          this.skipNewlines();
          return { t: 'func', name, body: this.command() };
        }
      } else break;
    }
    if (!assigns.length && !words.length && !redirs.length) throw this.unexpected();
    return { t: 'simple', assigns, words, redirs, line };
  }
}

/** `NAME=value` when NAME is an unquoted literal prefix. */
function assignmentOf(word: Word): Assign | undefined {
  const first = word[0];
  if (!first || first.t !== 'lit' || first.q) return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.v);
  if (!m) return undefined;
  const restLit = first.v.slice(m[0].length);
  const value: Word = restLit ? [{ t: 'lit', v: restLit, q: false }, ...word.slice(1)] : word.slice(1);
  return { name: m[1], value };
}

function wordText(word: Word): string {
  return word.map((p) => (p.t === 'lit' ? p.v : '$')).join('');
}
