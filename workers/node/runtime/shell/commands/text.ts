/** Text filters for pipes: wc, head, tail, grep, rev, tee, sort, uniq, cut, tr, sed (s///), basename, dirname, seq. */
import type { ProgramContext, ProgramRun } from '../../process/program';
import { byteLength } from '../../process/filesystem';
import { isBusybox, lines, parseOpts, readInput, resolve } from './util';

export function wc(ctx: ProgramContext): number {
  const { flags, operands } = parseOpts(ctx.argv.slice(1));
  const pick = ['l', 'w', 'c'].filter((f) => flags.has(f) || (f === 'c' && flags.has('m')));
  const which = pick.length ? pick : ['l', 'w', 'c'];
  let status = 0;
  const rows: { counts: number[]; name?: string }[] = [];
  for (const f of operands.length ? operands : [undefined]) {
    const text = readInput(ctx, 'wc', f);
    if (text === undefined) {
      status = 1;
      continue;
    }
    const counts = which.map((k) => (k === 'l' ? (text.match(/\n/g) ?? []).length : k === 'w' ? text.split(/\s+/).filter(Boolean).length : byteLength(text)));
    rows.push({ counts, name: f });
  }
  if (rows.length > 1) rows.push({ counts: which.map((_, i) => rows.reduce((n, r) => n + r.counts[i], 0)), name: 'total' });
  const bb = isBusybox(ctx);
  const width = bb ? 7 : Math.max(...rows.flatMap((x) => x.counts.map((c) => String(c).length)));
  for (const r of rows) {
    const name = r.name !== undefined ? ` ${r.name}` : '';
    // A single count prints bare; several are right-aligned columns.
    if (r.counts.length === 1) ctx.io.out(`${r.counts[0]}${name}\n`);
    else ctx.io.out(`${r.counts.map((c) => String(c).padStart(width)).join(' ')}${name}\n`);
  }
  return status;
}

function countArg(ctx: ProgramContext): { n: number; fromEnd: boolean; rest: string[] } {
  const args = ctx.argv.slice(1);
  let n = 10;
  let fromEnd = false;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (/^-\d+$/.test(a)) n = Number(a.slice(1));
    else if (a === '-n') {
      const v = args[++i] ?? '10';
      fromEnd = v.startsWith('+');
      n = Math.abs(Number(v));
    } else if (/^-n[+-]?\d+$/.test(a)) {
      fromEnd = a[2] === '+';
      n = Math.abs(Number(a.slice(2)));
    } else if (a === '-f' || a === '-F') rest.push(a);
    else rest.push(a);
  }
  return { n, fromEnd, rest };
}

export function head(ctx: ProgramContext): number {
  const { n, rest } = countArg(ctx);
  const text = readInput(ctx, 'head', rest[0]);
  if (text === undefined) return 1;
  const ls = lines(text).slice(0, n);
  ctx.io.out(ls.map((l) => `${l}\n`).join(''));
  return 0;
}

/** `tail -f` keeps running: the classic keep-the-container-alive idiom. */
export function tail(ctx: ProgramContext): number | ProgramRun {
  const { n, fromEnd, rest } = countArg(ctx);
  const follow = rest.includes('-f') || rest.includes('-F');
  const files = rest.filter((a) => a !== '-f' && a !== '-F');
  const text = readInput(ctx, 'tail', files[0]);
  if (text === undefined && !follow) return 1;
  const ls = lines(text ?? '');
  const out = fromEnd ? ls.slice(Math.max(0, n - 1)) : n === 0 ? [] : ls.slice(-n);
  ctx.io.out(out.map((l) => `${l}\n`).join(''));
  if (!follow) return 0;
  return (function* (): ProgramRun {
    yield { kind: 'block' };
    return 0;
  })();
}

function toRegExp(pattern: string, flags: Set<string>): RegExp {
  let src = pattern;
  if (flags.has('F')) src = src.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  else if (!flags.has('E')) {
    // Basic regular expressions: \( \) \{ \} \| are the operators, bare ones are literals.
    src = src.replace(/\\([(){}|+?])|([(){}|+?])/g, (_m, esc: string | undefined, bare: string | undefined) => (esc ? esc : `\\${bare}`));
  }
  if (flags.has('w')) src = `\\b(?:${src})\\b`;
  if (flags.has('x')) src = `^(?:${src})$`;
  return new RegExp(src, flags.has('i') ? 'i' : '');
}

export function grep(ctx: ProgramContext): number {
  const { flags, values, operands } = parseOpts(ctx.argv.slice(1), 'e');
  const pattern = values.get('e') ?? operands.shift();
  if (pattern === undefined) {
    ctx.io.err(isBusybox(ctx) ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n' : "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    return 2;
  }
  let re: RegExp;
  try {
    re = toRegExp(pattern, flags);
  } catch {
    ctx.io.err(`grep: bad regex '${pattern}'\n`);
    return 2;
  }
  const files = operands.length ? operands : [undefined];
  let matched = 0;
  let error = false;
  for (const f of files) {
    const text = readInput(ctx, 'grep', f);
    if (text === undefined) {
      error = true;
      continue;
    }
    let count = 0;
    lines(text).forEach((line, i) => {
      const hit = re.test(line) !== flags.has('v');
      if (!hit) return;
      count++;
      if (flags.has('q') || flags.has('c') || flags.has('l')) return;
      const prefix = (files.length > 1 && !flags.has('h') ? `${f}:` : '') + (flags.has('n') ? `${i + 1}:` : '');
      if (flags.has('o') && !flags.has('v')) {
        for (const m of line.match(new RegExp(re.source, re.flags + 'g')) ?? []) ctx.io.out(`${prefix}${m}\n`);
      } else ctx.io.out(`${prefix}${line}\n`);
    });
    if (flags.has('c')) ctx.io.out(`${files.length > 1 ? `${f}:` : ''}${count}\n`);
    if (flags.has('l') && count) ctx.io.out(`${f ?? '(standard input)'}\n`);
    matched += count;
    if (flags.has('q') && matched) return 0;
  }
  if (error && !flags.has('s')) return 2;
  return matched ? 0 : 1;
}

export function rev(ctx: ProgramContext): number {
  const { operands } = parseOpts(ctx.argv.slice(1));
  let status = 0;
  for (const f of operands.length ? operands : [undefined]) {
    const text = readInput(ctx, 'rev', f);
    if (text === undefined) {
      status = 1;
      continue;
    }
    ctx.io.out(lines(text).map((l) => `${[...l].reverse().join('')}\n`).join(''));
  }
  return status;
}

export function tee(ctx: ProgramContext): number {
  const { flags, operands } = parseOpts(ctx.argv.slice(1));
  const text = ctx.io.stdin.readAll();
  let status = 0;
  for (const f of operands) {
    const e = ctx.sys.fs.write(resolve(ctx, f), text, flags.has('a'));
    if (e) {
      ctx.io.err(`tee: ${f}: ${e === 'EROFS' ? 'Read-only file system' : 'No such file or directory'}\n`);
      status = 1;
    }
  }
  ctx.io.out(text);
  return status;
}

export function sort(ctx: ProgramContext): number {
  const { flags, operands } = parseOpts(ctx.argv.slice(1), 'kt');
  let all: string[] = [];
  for (const f of operands.length ? operands : [undefined]) {
    const text = readInput(ctx, 'sort', f);
    if (text === undefined) return 2;
    all = all.concat(lines(text));
  }
  if (flags.has('n')) all.sort((a, b) => (parseFloat(a) || 0) - (parseFloat(b) || 0));
  else all.sort();
  if (flags.has('r')) all.reverse();
  if (flags.has('u')) all = all.filter((l, i) => i === 0 || l !== all[i - 1]);
  ctx.io.out(all.map((l) => `${l}\n`).join(''));
  return 0;
}

export function uniq(ctx: ProgramContext): number {
  const { flags, operands } = parseOpts(ctx.argv.slice(1));
  const text = readInput(ctx, 'uniq', operands[0]);
  if (text === undefined) return 1;
  const groups: { line: string; n: number }[] = [];
  for (const l of lines(text)) {
    const last = groups[groups.length - 1];
    if (last && last.line === l) last.n++;
    else groups.push({ line: l, n: 1 });
  }
  for (const g of groups) {
    if (flags.has('d') && g.n < 2) continue;
    if (flags.has('u') && g.n > 1) continue;
    ctx.io.out(flags.has('c') ? `${String(g.n).padStart(7)} ${g.line}\n` : `${g.line}\n`);
  }
  return 0;
}

function fieldList(spec: string): (n: number) => boolean {
  const ranges = spec.split(',').map((r) => {
    const [a, b] = r.split('-');
    const lo = a === '' ? 1 : Number(a);
    const hi = b === undefined ? lo : b === '' ? Infinity : Number(b);
    return [lo, hi] as const;
  });
  return (n) => ranges.some(([lo, hi]) => n >= lo && n <= hi);
}

export function cut(ctx: ProgramContext): number {
  const { values, operands } = parseOpts(ctx.argv.slice(1), 'dfc');
  const text = readInput(ctx, 'cut', operands[0]);
  if (text === undefined) return 1;
  const delim = values.get('d') ?? '\t';
  const f = values.get('f');
  const c = values.get('c');
  if (!f && !c) {
    ctx.io.err('cut: you must specify a list of bytes, characters, or fields\n');
    return 1;
  }
  const sel = fieldList((f ?? c) as string);
  for (const l of lines(text)) {
    if (c) ctx.io.out(`${[...l].filter((_, i) => sel(i + 1)).join('')}\n`);
    else if (!l.includes(delim)) ctx.io.out(`${l}\n`);
    else ctx.io.out(`${l.split(delim).filter((_, i) => sel(i + 1)).join(delim)}\n`);
  }
  return 0;
}

function expandSet(s: string): string {
  const named: Record<string, string> = {
    '[:lower:]': 'abcdefghijklmnopqrstuvwxyz',
    '[:upper:]': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
    '[:digit:]': '0123456789',
    '[:space:]': ' \t\n\r\v\f',
  };
  let t = s;
  for (const [k, v] of Object.entries(named)) t = t.split(k).join(v);
  t = t.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
  return t.replace(/(.)-(.)/g, (_m, a: string, b: string) => {
    let out = '';
    for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++) out += String.fromCharCode(c);
    return out;
  });
}

export function tr(ctx: ProgramContext): number {
  const { flags, operands } = parseOpts(ctx.argv.slice(1));
  const text = ctx.io.stdin.readAll();
  const from = expandSet(operands[0] ?? '');
  if (flags.has('d')) {
    ctx.io.out([...text].filter((ch) => !from.includes(ch)).join(''));
    return 0;
  }
  const to = expandSet(operands[1] ?? '');
  let out = [...text].map((ch) => {
    const i = from.indexOf(ch);
    return i === -1 ? ch : to[Math.min(i, to.length - 1)] ?? ch;
  }).join('');
  if (flags.has('s')) out = out.replace(new RegExp(`([${to.replace(/[\]\\^-]/g, '\\$&')}])\\1+`, 'g'), '$1');
  ctx.io.out(out);
  return 0;
}

/** `sed` with `s/from/to/[g]` expressions (and -e, -i), the form docs use. */
export function sed(ctx: ProgramContext): number {
  const args = ctx.argv.slice(1);
  const scripts: string[] = [];
  const files: string[] = [];
  let inPlace = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-e') scripts.push(args[++i] ?? '');
    else if (args[i] === '-i') inPlace = true;
    else if (args[i] === '-n' || args[i] === '-E' || args[i] === '-r') continue;
    else if (!scripts.length) scripts.push(args[i]);
    else files.push(args[i]);
  }
  const subs: ((l: string) => string)[] = [];
  for (const s of scripts) {
    const m = /^s(.)(.*?)\1(.*?)\1([gI]*)$/.exec(s);
    if (!m) {
      ctx.io.err(`sed: -e expression #1, char ${s.length}: unknown command: \`${s[0] ?? ''}'\n`);
      return 1;
    }
    const re = new RegExp(m[2].replace(/\\([(){}|+?])/g, '$1'), m[4].includes('g') ? (m[4].includes('I') ? 'gi' : 'g') : m[4].includes('I') ? 'i' : '');
    const to = m[3].replace(/\\(\d)/g, '$$$1').replace(/&/g, '$$&');
    subs.push((l) => l.replace(re, to));
  }
  const apply = (text: string): string => lines(text).map((l) => `${subs.reduce((acc, f) => f(acc), l)}\n`).join('');
  if (!files.length) {
    ctx.io.out(apply(ctx.io.stdin.readAll()));
    return 0;
  }
  for (const f of files) {
    const text = readInput(ctx, 'sed', f);
    if (text === undefined) return 2;
    if (inPlace) ctx.sys.fs.write(resolve(ctx, f), apply(text));
    else ctx.io.out(apply(text));
  }
  return 0;
}

export function basename(ctx: ProgramContext): number {
  const [p = '', suffix] = ctx.argv.slice(1);
  let b = p.replace(/\/+$/, '');
  b = b.slice(b.lastIndexOf('/') + 1) || (p.startsWith('/') ? '/' : '');
  if (suffix && b.endsWith(suffix) && b !== suffix) b = b.slice(0, -suffix.length);
  ctx.io.out(`${b}\n`);
  return 0;
}

export function dirname(ctx: ProgramContext): number {
  const p = (ctx.argv[1] ?? '').replace(/\/+$/, '');
  const i = p.lastIndexOf('/');
  ctx.io.out(`${i === -1 ? '.' : i === 0 ? '/' : p.slice(0, i)}\n`);
  return 0;
}

export function seq(ctx: ProgramContext): number {
  const nums = ctx.argv.slice(1).map(Number);
  if (!nums.length || nums.some((n) => !Number.isFinite(n))) {
    ctx.io.err(`seq: invalid argument\n`);
    return 1;
  }
  const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]] : nums.length === 2 ? [nums[0], 1, nums[1]] : nums;
  let out = '';
  let count = 0;
  for (let v = first; step > 0 ? v <= last : v >= last; v += step) {
    out += `${v}\n`;
    if (++count > 100_000 || step === 0) break;
  }
  ctx.io.out(out);
  return 0;
}
