/** Helpers shared by the utilities: option parsing and the busybox/GNU message forms. */
import type { ProgramContext } from '../../process/program';
import { normalizePath, type FsError } from '../../process/filesystem';

export interface Parsed {
  flags: Set<string>;
  values: Map<string, string>;
  operands: string[];
}

/** getopt-style: single-letter flags, combinable; `withValue` letters take the next argument. */
export function parseOpts(args: string[], withValue = ''): Parsed {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      flags.add(a);
      continue;
    }
    if (a.startsWith('-') && a.length > 1 && !/^-\d+$/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const f = a[j];
        if (withValue.includes(f)) {
          values.set(f, j + 1 < a.length ? a.slice(j + 1) : args[++i] ?? '');
          break;
        }
        flags.add(f);
      }
      continue;
    }
    operands.push(a);
  }
  return { flags, values, operands };
}

export function isBusybox(ctx: ProgramContext): boolean {
  return ctx.sys.toolset !== 'coreutils';
}

export function resolve(ctx: ProgramContext, p: string): string {
  return normalizePath(p, ctx.cwd);
}

const ERR: Record<FsError, string> = {
  ENOENT: 'No such file or directory',
  EROFS: 'Read-only file system',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
};

export function errText(e: FsError): string {
  return ERR[e];
}

/** Read a file operand (or stdin for `-`/none), printing the utility's error on failure. */
export function readInput(ctx: ProgramContext, name: string, operand: string | undefined): string | undefined {
  if (operand === undefined || operand === '-') return ctx.io.stdin.readAll();
  const path = resolve(ctx, operand);
  const st = ctx.sys.fs.stat(path);
  if (st?.type === 'dir') {
    ctx.io.err(isBusybox(ctx) ? `${name}: read error: Is a directory\n` : `${name}: ${operand}: Is a directory\n`);
    return undefined;
  }
  const text = ctx.sys.fs.read(path);
  if (text === undefined) {
    ctx.io.err(isBusybox(ctx) ? `${name}: can't open '${operand}': No such file or directory\n` : `${name}: ${operand}: No such file or directory\n`);
    return undefined;
  }
  return text;
}

export function lines(text: string): string[] {
  if (text === '') return [];
  const ls = text.split('\n');
  if (ls[ls.length - 1] === '') ls.pop();
  return ls;
}
