/** `test`, `[` and bash's `[[` (the everyday subset). */
import type { ProgramContext } from '../../process/program';
import { normalizePath } from '../../process/filesystem';
import { matchPattern } from '../pattern';

export function testCommand(ctx: ProgramContext): number {
  const name = ctx.argv[0];
  let args = ctx.argv.slice(1);
  if (name === '[' || name === '[[') {
    const close = name === '[' ? ']' : ']]';
    if (args[args.length - 1] !== close) {
      ctx.io.err(name === '[' ? `[: missing ]\n` : `syntax error in conditional expression\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluate(args, ctx, name === '[[') ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) {
      ctx.io.err(`${name === '[[' ? 'bash' : name === '[' ? '[' : 'test'}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

class TestError extends Error {}

function evaluate(args: string[], ctx: ProgramContext, extended: boolean): boolean {
  let i = 0;
  const fs = ctx.sys.fs;
  const path = (p: string): string => normalizePath(p, ctx.cwd);
  const int = (s: string): number => {
    if (!/^\s*-?\d+\s*$/.test(s)) throw new TestError(`${s}: integer expression expected`);
    return Number(s);
  };
  const primary = (): boolean => {
    const a = args[i];
    if (a === undefined) throw new TestError('argument expected');
    if (a === '!') {
      i++;
      return !primary();
    }
    if (a === '(') {
      i++;
      const v = or();
      if (args[i++] !== ')') throw new TestError("')' expected");
      return v;
    }
    const op = args[i + 1];
    const b = args[i + 2];
    if (op !== undefined && b !== undefined && /^(=|==|!=|-eq|-ne|-lt|-le|-gt|-ge|<|>|=~)$/.test(op)) {
      i += 3;
      switch (op) {
        case '=':
        case '==': return extended ? matchPattern(b, a) : a === b;
        case '!=': return extended ? !matchPattern(b, a) : a !== b;
        case '<': return a < b;
        case '>': return a > b;
        case '=~': return new RegExp(b).test(a);
        case '-eq': return int(a) === int(b);
        case '-ne': return int(a) !== int(b);
        case '-lt': return int(a) < int(b);
        case '-le': return int(a) <= int(b);
        case '-gt': return int(a) > int(b);
        case '-ge': return int(a) >= int(b);
      }
    }
    if (/^-[a-zA-Z]$/.test(a) && op !== undefined) {
      i += 2;
      const st = fs.stat(path(op));
      switch (a) {
        case '-z': return op === '';
        case '-n': return op !== '';
        case '-e':
        case '-a': return st !== undefined;
        case '-f': return st?.type === 'file' || st?.type === 'link';
        case '-d': return st?.type === 'dir';
        case '-s': return (st?.size ?? 0) > 0 && st?.type !== 'dir';
        case '-r': return st !== undefined;
        case '-w': return st !== undefined && !st.readOnly;
        case '-x': return st?.type === 'dir' || /\/(s?bin)\//.test(path(op));
        case '-L':
        case '-h': return st?.type === 'link';
        default: throw new TestError(`${a}: unary operator expected`);
      }
    }
    i++;
    return a !== '';
  };
  const and = (): boolean => {
    let v = primary();
    while (args[i] === '-a' || args[i] === '&&') {
      i++;
      const r = primary();
      v = v && r;
    }
    return v;
  };
  const or = (): boolean => {
    let v = and();
    while (args[i] === '-o' || args[i] === '||') {
      i++;
      const r = and();
      v = v || r;
    }
    return v;
  };
  if (!args.length) return false;
  const v = or();
  if (i < args.length) throw new TestError(`${args[i]}: unexpected operator`);
  return v;
}
