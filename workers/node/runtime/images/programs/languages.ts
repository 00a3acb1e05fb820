/**
 * Language runtimes as docs use them in one-liners: perl (the pi Job),
 * python and node (`-c`/`-e` prints, sleeps, and `python -m http.server`).
 * Without a script and without a tty they read EOF and exit 0.
 */
import type { Program, ProgramContext, ProgramRun } from '../../process/program';
import { normalizePath } from '../../process/filesystem';
import { echoEscapes } from '../../shell/commands/echo';
import { serve } from './common';
import { piDigits } from './pi';

/** How long bignum's bpi(n) takes on one core: it grows with the square of the digits. */
export function bpiDurationMs(digits: number): number {
  return Math.round(500 + (digits * digits) / 1000);
}

/** Statements of a tiny script: prints of literals and sleeps. Anything else is ignored. */
function* runStatements(ctx: ProgramContext, statements: string[], lang: 'perl' | 'python' | 'node', newlineAfterPrint: boolean): ProgramRun {
  for (const raw of statements) {
    const s = raw.trim();
    if (!s) continue;
    let m: RegExpExecArray | null;
    if ((m = /^(?:print|console\.log|say)\s*\(?\s*(["'`])((?:\\.|(?!\1).)*)\1\s*\)?\s*;?$/.exec(s))) {
      const text = lang === 'perl' && m[1] === "'" ? m[2] : echoEscapes(m[2]).text;
      ctx.io.out(text + (newlineAfterPrint || lang !== 'perl' ? '\n' : ''));
      continue;
    }
    if ((m = /^(?:print|console\.log)\s*\(\s*(-?\d+(?:\.\d+)?)\s*\)\s*;?$/.exec(s))) {
      ctx.io.out(`${m[1]}\n`);
      continue;
    }
    if ((m = /^(?:time\.)?sleep\s*\(?\s*(\d+(?:\.\d+)?)\s*\)?\s*;?$/.exec(s))) {
      yield { kind: 'sleep', ms: Number(m[1]) * 1000 };
      continue;
    }
    if (lang === 'node' && /setInterval|setTimeout|createServer|\.listen\(/.test(s)) {
      yield { kind: 'block' };
    }
  }
  return 0;
}

const perl: Program = function* (ctx: ProgramContext): ProgramRun {
  const args = ctx.argv.slice(1);
  if (args.includes('-v')) {
    ctx.io.out('\nThis is perl 5, version 40, subversion 0 (v5.40.0) built for x86_64-linux-gnu\n');
    return 0;
  }
  const scriptIdx = args.findIndex((a) => /^-[a-zA-Z]*e$/.test(a));
  const flags = args.filter((a) => a.startsWith('-')).join('');
  if (scriptIdx === -1) {
    const file = args.find((a) => !a.startsWith('-'));
    if (!file) return 0;
    const src = ctx.sys.fs.read(normalizePath(file, ctx.cwd));
    if (src === undefined) {
      ctx.io.err(`Can't open perl script "${file}": No such file or directory\n`);
      return 2;
    }
    return yield* runStatements(ctx, src.split(/;|\n/), 'perl', false);
  }
  const script = args[scriptIdx + 1] ?? '';
  const bpi = /bpi\(\s*(\d+)\s*\)/.exec(script);
  if (bpi && args.some((a) => a.startsWith('-Mbignum'))) {
    const n = Number(bpi[1]);
    ctx.sys.setLoad({ cpuMillis: 1000, memoryBytes: 12 * 1024 * 1024 });
    yield { kind: 'sleep', ms: bpiDurationMs(n) };
    ctx.sys.setLoad({});
    ctx.io.out(`${n > 0 ? piDigits(n) : 'NaN'}${flags.includes('l') ? '\n' : ''}`);
    return 0;
  }
  return yield* runStatements(ctx, script.split(/;\s*/), 'perl', flags.includes('l'));
};

function directoryListing(ctx: ProgramContext, dir: string): string {
  const names = ctx.sys.fs.list(dir) ?? [];
  const items = names.map((n) => `<li><a href="${n}${ctx.sys.fs.stat(`${dir}/${n}`)?.type === 'dir' ? '/' : ''}">${n}${ctx.sys.fs.stat(`${dir}/${n}`)?.type === 'dir' ? '/' : ''}</a></li>`).join('\n');
  return `<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Directory listing for /</title>\n</head>\n<body>\n<h1>Directory listing for /</h1>\n<hr>\n<ul>\n${items}\n</ul>\n<hr>\n</body>\n</html>\n`;
}

const python: Program = function* (ctx: ProgramContext): ProgramRun {
  const args = ctx.argv.slice(1);
  if (args[0] === '--version' || args[0] === '-V') {
    ctx.io.out('Python 3.13.1\n');
    return 0;
  }
  const m = args.indexOf('-m');
  if (m !== -1 && args[m + 1] === 'http.server') {
    const port = Number(args[m + 2] ?? 8000);
    ctx.io.out(`Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...\n`);
    const root = ctx.cwd;
    return yield* serve({
      ports: [port],
      stop: () => ({ afterMs: 0, exitCode: 143 }),
      http: (req) => {
        if (req.port !== port) return undefined;
        const p = normalizePath(`${root}/${req.path.split('?')[0]}`);
        const st = ctx.sys.fs.stat(p);
        const t = new Date(ctx.sys.now()).toUTCString().replace('GMT', '').trim();
        const log = (status: number): void => ctx.io.err(`${req.clientIP ?? '10.244.0.1'} - - [${t.replace(/^\w+, /, '').replace(/ (\d\d:)/, ' $1')}] "${req.method} ${req.path} HTTP/1.1" ${status} -\n`);
        if (st?.type === 'dir') {
          log(200);
          return { status: 200, body: ctx.sys.fs.read(`${p}/index.html`) ?? directoryListing(ctx, p) };
        }
        const body = ctx.sys.fs.read(p);
        log(body === undefined ? 404 : 200);
        return body === undefined ? { status: 404, body: 'File not found' } : { status: 200, body };
      },
    });
  }
  const c = args.indexOf('-c');
  if (c !== -1) return yield* runStatements(ctx, (args[c + 1] ?? '').split(/;|\n/), 'python', true);
  const file = args.find((a) => !a.startsWith('-'));
  if (!file) return 0;
  const path = normalizePath(file, ctx.cwd);
  const src = ctx.sys.fs.read(path);
  if (src === undefined) {
    ctx.io.err(`${ctx.argv[0].split('/').pop()}: can't open file '${path}': [Errno 2] No such file or directory\n`);
    return 2;
  }
  return yield* runStatements(ctx, src.split('\n'), 'python', true);
};

const node: Program = function* (ctx: ProgramContext): ProgramRun {
  const args = ctx.argv.slice(1);
  if (args[0] === '--version' || args[0] === '-v') {
    ctx.io.out('v22.12.0\n');
    return 0;
  }
  const e = args.findIndex((a) => a === '-e' || a === '--eval' || a === '-p');
  if (e !== -1) return yield* runStatements(ctx, (args[e + 1] ?? '').split(/;|\n/), 'node', true);
  const file = args.find((a) => !a.startsWith('-'));
  if (!file) return 0;
  const path = normalizePath(file, ctx.cwd);
  const src = ctx.sys.fs.read(path) ?? ctx.sys.fs.read(`${path}.js`);
  if (src === undefined) {
    ctx.io.err(`node:internal/modules/cjs/loader:1252\n  throw err;\n  ^\n\nError: Cannot find module '${path}'\n    at Function._resolveFilename (node:internal/modules/cjs/loader:1249:15)\n    at Function._load (node:internal/modules/cjs/loader:1075:27)\n    at TracingChannel.traceSync (node:diagnostics_channel:322:14)\n    at wrapModuleLoad (node:internal/modules/cjs/loader:219:24)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:170:5)\n    at node:internal/main/run_main_module:36:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v22.12.0\n`);
    return 1;
  }
  const listen = /\.listen\(\s*(\d+)/.exec(src);
  if (listen) {
    const port = Number(listen[1]);
    const reply = /\.(?:end|send)\(\s*(["'`])((?:\\.|(?!\1).)*)\1/.exec(src)?.[2] ?? '';
    yield* runStatements(ctx, src.split('\n').filter((l) => /console\.log/.test(l) && !/=>|function/.test(l)), 'node', true);
    return yield* serve({ ports: [port], stop: () => ({ afterMs: 0, exitCode: 143 }), http: (req) => (req.port === port ? { status: 200, body: reply } : undefined) });
  }
  return yield* runStatements(ctx, src.split(/;|\n/), 'node', true);
};

export function perlPrograms(version: string): Record<string, Program> {
  return { '/usr/local/bin/perl': perl, [`/usr/local/bin/perl${version.replace(/-.*$/, '')}`]: perl };
}

export function pythonPrograms(): Record<string, Program> {
  return { '/usr/local/bin/python3': python, '/usr/local/bin/python': python };
}

export function nodePrograms(): Record<string, Program> {
  return {
    '/usr/local/bin/node': node,
    '/usr/local/bin/docker-entrypoint.sh': function* (ctx: ProgramContext): ProgramRun {
      const args = ctx.argv.slice(1);
      // The node image runs `node <args>` when the first argument is a flag or not a command.
      const target = args.length && (args[0].startsWith('-') || !ctx.sys.lookup(args[0])) ? ['node', ...args] : args;
      const p = ctx.sys.lookup(target[0] ?? 'node');
      if (!p) return 0;
      const r = p({ ...ctx, argv: target });
      return typeof r === 'number' ? r : yield* r;
    },
  };
}
