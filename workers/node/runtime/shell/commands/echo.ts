/** echo and printf, as busybox, dash and bash print them. */
import type { ProgramContext } from '../../process/program';

/** Backslash escapes of `echo -e` / dash's echo; `\c` stops output. */
export function echoEscapes(s: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i];
    switch (n) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'a': out += '\x07'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case 'e': out += '\x1b'; break;
      case '\\': out += '\\'; break;
      case 'c': return { text: out, stop: true };
      case '0': {
        const m = /^[0-7]{0,3}/.exec(s.slice(i + 1))![0];
        out += String.fromCharCode(parseInt(m || '0', 8));
        i += m.length;
        break;
      }
      case 'x': {
        const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
        if (m) {
          out += String.fromCharCode(parseInt(m[0], 16));
          i += m[0].length;
        } else out += '\\x';
        break;
      }
      default: out += `\\${n}`;
    }
  }
  return { text: out, stop: false };
}

/**
 * busybox and bash: `-n`, `-e`, `-E` flags (combinable: `-en`); dash's
 * builtin echo (debian's /bin/sh) only knows `-n` and always interprets escapes.
 */
export function echo(ctx: ProgramContext, dash = false): number {
  const args = ctx.argv.slice(1);
  let newline = true;
  let escapes = dash;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (dash ? a !== '-n' : !/^-[neE]+$/.test(a)) break;
    if (a.includes('n')) newline = false;
    if (!dash) {
      for (const f of a.slice(1)) {
        if (f === 'e') escapes = true;
        if (f === 'E') escapes = false;
      }
    }
  }
  let text = args.slice(i).join(' ');
  if (escapes) {
    const r = echoEscapes(text);
    text = r.text;
    if (r.stop) newline = false;
  }
  ctx.io.out(newline ? `${text}\n` : text);
  return 0;
}

export function printf(ctx: ProgramContext): number {
  const [, format, ...args] = ctx.argv;
  if (format === undefined) {
    ctx.io.err('printf: usage: printf format [arguments]\n');
    return 2;
  }
  let out = '';
  let ai = 0;
  let status = 0;
  // The format is reused until the arguments run out (POSIX).
  do {
    let usedArg = false;
    for (let i = 0; i < format.length; i++) {
      const c = format[i];
      if (c === '\\') {
        const n = format[i + 1];
        const extra = n === '0' ? /^[0-7]{0,3}/.exec(format.slice(i + 2))![0].length : n === 'x' ? /^[0-9a-fA-F]{0,2}/.exec(format.slice(i + 2))![0].length : 0;
        const consumed = Math.min(2 + extra, format.length - i);
        out += echoEscapes(format.slice(i, i + consumed)).text;
        i += consumed - 1;
        continue;
      }
      if (c !== '%') {
        out += c;
        continue;
      }
      const m = /^%([-+ 0#]*)(\d*|\*)(?:\.(\d*))?([sdifuxXoceEgGb%])/.exec(format.slice(i));
      if (!m) {
        out += c;
        continue;
      }
      i += m[0].length - 1;
      const [, flags, widthSpec, prec, conv] = m;
      if (conv === '%') {
        out += '%';
        continue;
      }
      usedArg = true;
      const arg = args[ai++] ?? '';
      let s: string;
      switch (conv) {
        case 'd':
        case 'i':
        case 'u': {
          const n = arg === '' ? 0 : Number(arg);
          if (!Number.isFinite(n)) {
            ctx.io.err(`printf: invalid number '${arg}'\n`);
            status = 1;
          }
          s = String(Math.trunc(Number.isFinite(n) ? n : 0));
          if (flags.includes('+') && !s.startsWith('-')) s = `+${s}`;
          break;
        }
        case 'x': s = Math.trunc(Number(arg) || 0).toString(16); break;
        case 'X': s = Math.trunc(Number(arg) || 0).toString(16).toUpperCase(); break;
        case 'o': s = Math.trunc(Number(arg) || 0).toString(8); break;
        case 'c': s = arg.slice(0, 1); break;
        case 'f':
        case 'e':
        case 'E':
        case 'g':
        case 'G': {
          const n = Number(arg) || 0;
          const p = prec === undefined || prec === '' ? 6 : Number(prec);
          s = conv === 'f' ? n.toFixed(p) : conv === 'e' || conv === 'E' ? n.toExponential(p).replace(/e([+-])(\d)$/, 'e$10$2') : String(Number(n.toPrecision(p || 1)));
          if (conv === 'E') s = s.toUpperCase();
          break;
        }
        case 'b': s = echoEscapes(arg).text; break;
        default: s = prec !== undefined && prec !== '' ? arg.slice(0, Number(prec)) : arg;
      }
      const width = widthSpec === '*' ? Number(args[ai - 1]) || 0 : Number(widthSpec || 0);
      if (s.length < width) {
        if (flags.includes('-')) s = s.padEnd(width);
        else if (flags.includes('0') && /[dixXofeEgG]/.test(conv)) s = (s.startsWith('-') ? '-' : '') + s.replace(/^-/, '').padStart(width - (s.startsWith('-') ? 1 : 0), '0');
        else s = s.padStart(width);
      }
      out += s;
    }
    if (!usedArg) break;
  } while (ai < args.length);
  ctx.io.out(out);
  return status;
}
