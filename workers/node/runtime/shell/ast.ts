/** The shell's syntax tree: the POSIX grammar subset our images' scripts use, plus bash arrays. */

export type Part =
  /** `q`: came from inside quotes, so it is neither field-split nor globbed. */
  | { t: 'lit'; v: string; q: boolean }
  | { t: 'param'; name: string; index?: Word; op?: ParamOp; arg?: Word; length?: boolean; q: boolean }
  | { t: 'cmd'; src: string; q: boolean }
  | { t: 'arith'; src: string; q: boolean };

export type ParamOp = ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?' | '#' | '##' | '%' | '%%';

export type Word = Part[];

export type RedirOp = '>' | '>>' | '<' | '>&' | '<&' | '&>' | '<<';

export interface Redir {
  fd: number;
  op: RedirOp;
  target: Word;
  /** Here-document (`<<`): filled in when the lexer reaches the body; `literal` when the delimiter was quoted. */
  here?: { body: string; literal: boolean };
}

export interface Assign {
  name: string;
  value?: Word;
  /** bash array assignment: `items=(foo bar)`. */
  array?: Word[];
}

export type Node =
  | { t: 'simple'; assigns: Assign[]; words: Word[]; redirs: Redir[]; line: number }
  | { t: 'pipeline'; cmds: Node[]; negate: boolean }
  | { t: 'andor'; first: Node; rest: { op: '&&' | '||'; node: Node }[] }
  | { t: 'list'; items: { node: Node; background: boolean }[] }
  | { t: 'if'; clauses: { cond: Node; body: Node }[]; otherwise?: Node; redirs: Redir[] }
  | { t: 'loop'; until: boolean; cond: Node; body: Node; redirs: Redir[] }
  | { t: 'for'; name: string; items?: Word[]; body: Node; redirs: Redir[] }
  | { t: 'case'; word: Word; arms: { patterns: Word[]; body?: Node }[]; redirs: Redir[] }
  | { t: 'group'; body: Node; subshell: boolean; redirs: Redir[] }
  | { t: 'func'; name: string; body: Node };

export class ShellSyntaxError extends Error {
  constructor(
    /** What was unexpected: a token (`fi`, `)`) or `end of file`. */
    readonly unexpected: string,
    readonly line: number,
    /** What the parser was waiting for (`fi`, `done`), for dash's "(expecting ...)". */
    readonly expecting?: string,
  ) {
    super(`syntax error: unexpected ${unexpected}`);
  }
}
