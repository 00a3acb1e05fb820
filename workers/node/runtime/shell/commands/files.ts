/** File utilities: cat, ls, mkdir, touch, rm, cp, mv. busybox and GNU differ in message wording. */
import type { ProgramContext } from '../../process/program';
import { baseOf, type FileStat } from '../../process/filesystem';
import { errText, isBusybox, parseOpts, readInput, resolve } from './util';

export function cat(ctx: ProgramContext): number {
  const { operands } = parseOpts(ctx.argv.slice(1));
  let status = 0;
  for (const f of operands.length ? operands : ['-']) {
    const text = readInput(ctx, 'cat', f);
    if (text === undefined) status = 1;
    else ctx.io.out(text);
  }
  return status;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function lsTime(ms: number): string {
  const d = new Date(ms);
  const day = String(d.getUTCDate());
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${MONTHS[d.getUTCMonth()]} ${day.padStart(2)} ${hh}:${mm}`;
}

function modeOf(st: FileStat, path: string): string {
  if (st.type === 'link') return 'lrwxrwxrwx';
  if (st.type === 'dir') return path === '/tmp' ? 'drwxrwxrwt' : 'drwxr-xr-x';
  return /\/(s?bin)\//.test(path) ? '-rwxr-xr-x' : '-rw-r--r--';
}

interface Row {
  name: string;
  path: string;
  st: FileStat;
}

export function ls(ctx: ProgramContext): number {
  const { flags, operands } = parseOpts(ctx.argv.slice(1));
  const long = flags.has('l') || flags.has('n');
  const all = flags.has('a');
  const almostAll = flags.has('A');
  const dirAsFile = flags.has('d');
  const fs = ctx.sys.fs;
  const bb = isBusybox(ctx);
  const now = ctx.sys.now();
  let status = 0;
  const targets = operands.length ? operands : ['.'];
  const files: Row[] = [];
  const dirs: { name: string; path: string }[] = [];
  for (const t of targets) {
    const path = resolve(ctx, t);
    const st = fs.stat(path);
    if (!st) {
      ctx.io.err(bb ? `ls: ${t}: No such file or directory\n` : `ls: cannot access '${t}': No such file or directory\n`);
      status = bb ? 1 : 2;
      continue;
    }
    if (st.type === 'dir' && !dirAsFile) dirs.push({ name: t, path });
    else files.push({ name: t, path, st });
  }
  const render = (rows: Row[], withTotal: boolean): string => {
    if (!long) return rows.map((r) => `${r.name}\n`).join('');
    let out = '';
    if (withTotal) {
      const blocks = rows.reduce((n, r) => n + (r.st.type === 'file' && r.st.size > 0 ? Math.ceil(r.st.size / 4096) * 4 : r.st.type === 'dir' ? 4 : 0), 0);
      out += `total ${blocks}\n`;
    }
    const user = ctx.sys.uid === 0 ? 'root' : String(ctx.sys.uid);
    const sizeW = Math.max(...rows.map((r) => String(r.st.size).length), 1);
    const linkW = Math.max(...rows.map((r) => String(r.st.type === 'dir' ? 2 : 1).length), 1);
    for (const r of rows) {
      const nlink = r.st.type === 'dir' ? 2 : 1;
      const name = r.st.type === 'link' ? `${r.name} -> ${r.st.target}` : r.name;
      const when = lsTime(r.st.mtime || now);
      if (bb) out += `${modeOf(r.st, r.path)} ${String(nlink).padStart(4)} ${user.padEnd(8)} ${'root'.padEnd(8)} ${String(r.st.size).padStart(9)} ${when} ${name}\n`;
      else out += `${modeOf(r.st, r.path)} ${String(nlink).padStart(linkW)} ${user} root ${String(r.st.size).padStart(sizeW)} ${when} ${name}\n`;
    }
    return out;
  };
  let out = render(files, false);
  dirs.forEach((d, i) => {
    const names = fs.list(d.path) ?? [];
    const rows: Row[] = [];
    if (all) {
      rows.push({ name: '.', path: d.path, st: { type: 'dir', size: 4096, readOnly: false, mtime: 0 } });
      rows.push({ name: '..', path: d.path, st: { type: 'dir', size: 4096, readOnly: false, mtime: 0 } });
    }
    for (const n of names) {
      if (n.startsWith('.') && !all && !almostAll) continue;
      const p = d.path === '/' ? `/${n}` : `${d.path}/${n}`;
      const st = fs.stat(p);
      if (st) rows.push({ name: n, path: p, st });
    }
    if (targets.length > 1) out += `${files.length || i > 0 ? '\n' : ''}${d.name}:\n`;
    out += render(rows, true);
  });
  ctx.io.out(out);
  return status;
}

export function mkdir(ctx: ProgramContext): number {
  const { flags, operands } = parseOpts(ctx.argv.slice(1), 'm');
  const bb = isBusybox(ctx);
  if (!operands.length) {
    ctx.io.err(bb ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: mkdir [-m MODE] [-p] DIRECTORY...\n' : "mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
    return 1;
  }
  let status = 0;
  for (const d of operands) {
    const e = ctx.sys.fs.mkdir(resolve(ctx, d), flags.has('p'));
    if (e) {
      ctx.io.err(bb ? `mkdir: can't create directory '${d}': ${errText(e)}\n` : `mkdir: cannot create directory '${d}': ${errText(e)}\n`);
      status = 1;
    }
  }
  return status;
}

export function touch(ctx: ProgramContext): number {
  const { operands } = parseOpts(ctx.argv.slice(1));
  let status = 0;
  for (const f of operands) {
    const path = resolve(ctx, f);
    if (ctx.sys.fs.stat(path)) continue;
    const e = ctx.sys.fs.write(path, '', true);
    if (e) {
      ctx.io.err(isBusybox(ctx) ? `touch: ${f}: ${errText(e)}\n` : `touch: cannot touch '${f}': ${errText(e)}\n`);
      status = 1;
    }
  }
  return status;
}

export function rm(ctx: ProgramContext): number {
  const { flags, operands } = parseOpts(ctx.argv.slice(1));
  const bb = isBusybox(ctx);
  const recursive = flags.has('r') || flags.has('R');
  let status = 0;
  for (const f of operands) {
    const path = resolve(ctx, f);
    const st = ctx.sys.fs.stat(path);
    if (!st) {
      if (flags.has('f')) continue;
      ctx.io.err(bb ? `rm: can't remove '${f}': No such file or directory\n` : `rm: cannot remove '${f}': No such file or directory\n`);
      status = 1;
      continue;
    }
    if (st.type === 'dir' && !recursive) {
      ctx.io.err(bb ? `rm: '${f}' is a directory\n` : `rm: cannot remove '${f}': Is a directory\n`);
      status = 1;
      continue;
    }
    const e = ctx.sys.fs.remove(path, recursive);
    if (e) {
      ctx.io.err(bb ? `rm: can't remove '${f}': ${errText(e)}\n` : `rm: cannot remove '${f}': ${errText(e)}\n`);
      status = 1;
    }
  }
  return status;
}

function copy(ctx: ProgramContext, name: 'cp' | 'mv'): number {
  const { operands } = parseOpts(ctx.argv.slice(1));
  const bb = isBusybox(ctx);
  if (operands.length < 2) {
    ctx.io.err(bb ? `${name}: need at least 2 arguments\n` : `${name}: missing destination file operand after '${operands[0] ?? ''}'\n`);
    return 1;
  }
  const dest = operands[operands.length - 1];
  const destPath = resolve(ctx, dest);
  const destIsDir = ctx.sys.fs.stat(destPath)?.type === 'dir';
  let status = 0;
  for (const src of operands.slice(0, -1)) {
    const srcPath = resolve(ctx, src);
    const content = ctx.sys.fs.read(srcPath);
    if (content === undefined) {
      ctx.io.err(bb ? `${name}: can't stat '${src}': No such file or directory\n` : `${name}: cannot stat '${src}': No such file or directory\n`);
      status = 1;
      continue;
    }
    const target = destIsDir ? `${destPath}/${baseOf(srcPath)}` : destPath;
    const e = ctx.sys.fs.write(target, content);
    if (e) {
      ctx.io.err(bb ? `${name}: can't create '${dest}': ${errText(e)}\n` : `${name}: cannot create regular file '${dest}': ${errText(e)}\n`);
      status = 1;
      continue;
    }
    if (name === 'mv') ctx.sys.fs.remove(srcPath, false);
  }
  return status;
}

export const cp = (ctx: ProgramContext): number => copy(ctx, 'cp');
export const mv = (ctx: ProgramContext): number => copy(ctx, 'mv');
