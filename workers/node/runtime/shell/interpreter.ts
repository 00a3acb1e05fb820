/**
 * Runs parsed shell scripts. Everything that may take virtual time (sleep,
 * blocking servers) is a generator effect, so a script sleeping in a loop
 * costs one clock task per wake-up.
 */
import type { Node, Part, Redir, Word } from './ast';
import { ShellSyntaxError } from './ast';
import { BadSubstitution, Lexer } from './lexer';
import { parseScript } from './parser';
import { ArithError, evalArith } from './arith';
import { hasGlob, matchPattern, patternToRegExp, trimPattern } from './pattern';
import { cannotCreate, cannotOpen, notFoundMessage, syntaxErrorMessage, type ShellId } from './messages';
import { baseOf, normalizePath } from '../process/filesystem';
import { isRun, stringReader, type Effect, type Io, type ProgramRun, type ShellFlavour, type System } from '../process/program';
import { BUILTIN_UTILITIES } from './commands/builtins';
import { echo } from './commands/echo';

class ExitSignal {
  constructor(readonly code: number) {}
}
class LoopSignal {
  constructor(readonly kind: 'break' | 'continue', public levels: number) {}
}
class ReturnSignal {
  constructor(readonly code: number) {}
}

/** A busy loop yields this much virtual time every BUSY_STEPS commands so it cannot hang the worker. */
const BUSY_STEPS = 200;
const BUSY_SLEEP_MS = 50;

export interface ShellOptions {
  sys: System;
  env: Map<string, string>;
  cwd: string;
  flavour: ShellFlavour;
  argv0: string;
  positional?: string[];
  fromC?: boolean;
}

type Field = { text: string; glob: boolean };

export class Shell {
  private vars = new Map<string, string>();
  private arrays = new Map<string, string[]>();
  private exported = new Set<string>();
  private funcs = new Map<string, Node>();
  private status = 0;
  private cwd: string;
  private positional: string[];
  private readonly sys: System;
  private readonly id: ShellId;
  private errexit = false;
  private xtrace = false;
  private conditionDepth = 0;
  private sinceYield = 0;
  private lastBackground = 0;

  constructor(opts: ShellOptions) {
    this.sys = opts.sys;
    for (const [k, v] of opts.env) {
      this.vars.set(k, v);
      this.exported.add(k);
    }
    this.cwd = opts.cwd;
    if (!this.vars.has('PWD')) this.vars.set('PWD', opts.cwd);
    this.positional = opts.positional ?? [];
    this.id = { flavour: opts.flavour, argv0: opts.argv0, line: 1, fromC: opts.fromC ?? false };
  }

  /** Parse and run a script; syntax errors print the shell's message and return 2. */
  *run(src: string, io: Io): ProgramRun {
    let ast: Node;
    try {
      ast = parseScript(src);
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        io.err(syntaxErrorMessage(this.id, e, src));
        return 2;
      }
      if (e instanceof BadSubstitution) {
        io.err(this.id.flavour === 'ash' ? `sh: syntax error: bad substitution\n` : `${this.id.argv0}: line ${e.line}: ${e.message}\n`);
        return this.id.flavour === 'ash' ? 2 : 1;
      }
      throw e;
    }
    try {
      return yield* this.exec(ast, io);
    } catch (e) {
      if (e instanceof ExitSignal) return e.code;
      if (e instanceof LoopSignal) return this.status;
      if (e instanceof ReturnSignal) return e.code;
      throw e;
    }
  }

  private child(): Shell {
    const s = new Shell({ sys: this.sys, env: new Map(), cwd: this.cwd, flavour: this.id.flavour, argv0: this.id.argv0, positional: [...this.positional], fromC: this.id.fromC });
    s.vars = new Map(this.vars);
    s.arrays = new Map(this.arrays);
    s.exported = new Set(this.exported);
    s.funcs = new Map(this.funcs);
    s.status = this.status;
    return s;
  }

  private *exec(node: Node, io: Io): Generator<Effect, number, void> {
    switch (node.t) {
      case 'list': {
        let status = this.status;
        for (const item of node.items) {
          if (item.background) {
            const sub = this.child();
            const run = sub.runNode(item.node, io);
            this.lastBackground++;
            this.sys.spawn('sh', run);
            status = 0;
          } else {
            status = yield* this.exec(item.node, io);
            if (this.errexit && status !== 0 && this.conditionDepth === 0 && item.node.t !== 'andor' && !(item.node.t === 'pipeline' && item.node.negate)) {
              throw new ExitSignal(status);
            }
          }
          this.status = status;
        }
        return status;
      }
      case 'andor': {
        this.conditionDepth++;
        let status: number;
        try {
          status = yield* this.exec(node.first, io);
          for (let i = 0; i < node.rest.length; i++) {
            const { op, node: next } = node.rest[i];
            this.status = status;
            if ((op === '&&' && status === 0) || (op === '||' && status !== 0)) {
              if (i === node.rest.length - 1) this.conditionDepth--;
              try {
                status = yield* this.exec(next, io);
              } finally {
                if (i === node.rest.length - 1) this.conditionDepth++;
              }
            }
          }
        } finally {
          this.conditionDepth--;
        }
        this.status = status;
        return status;
      }
      case 'pipeline': {
        let input: string | undefined;
        let status = 0;
        for (let i = 0; i < node.cmds.length; i++) {
          const last = i === node.cmds.length - 1;
          let buf = '';
          const stageIo: Io = {
            stdin: input === undefined ? io.stdin : stringReader(input),
            out: last ? io.out : (s) => { buf += s; },
            err: io.err,
          };
          if (node.negate) this.conditionDepth++;
          try {
            status = yield* this.exec(node.cmds[i], stageIo);
          } catch (e) {
            // `exit` inside a pipeline stage ends only that stage (it is a subshell).
            if (e instanceof ExitSignal && node.cmds.length > 1) status = e.code;
            else throw e;
          } finally {
            if (node.negate) this.conditionDepth--;
          }
          input = buf;
        }
        if (node.negate) status = status === 0 ? 1 : 0;
        this.status = status;
        return status;
      }
      case 'simple':
        return yield* this.simple(node, io);
      case 'if': {
        const rio = yield* this.redirect(node.redirs, io);
        if (!rio) return (this.status = 1);
        for (const clause of node.clauses) {
          this.conditionDepth++;
          let cond: number;
          try {
            cond = yield* this.exec(clause.cond, rio);
          } finally {
            this.conditionDepth--;
          }
          if (cond === 0) return (this.status = yield* this.exec(clause.body, rio));
        }
        if (node.otherwise) return (this.status = yield* this.exec(node.otherwise, rio));
        return (this.status = 0);
      }
      case 'loop': {
        const rio = yield* this.redirect(node.redirs, io);
        if (!rio) return (this.status = 1);
        let status = 0;
        for (;;) {
          this.conditionDepth++;
          let cond: number;
          try {
            cond = yield* this.exec(node.cond, rio);
          } finally {
            this.conditionDepth--;
          }
          if ((cond === 0) === node.until) break;
          const r = yield* this.loopBody(node.body, rio);
          status = r.status;
          if (r.stop) break;
          yield* this.maybeYield();
        }
        return (this.status = status);
      }
      case 'for': {
        const rio = yield* this.redirect(node.redirs, io);
        if (!rio) return (this.status = 1);
        const items: string[] = [];
        if (node.items) for (const w of node.items) items.push(...(yield* this.expandWord(w)));
        else items.push(...this.positional);
        let status = 0;
        for (const item of items) {
          this.vars.set(node.name, item);
          const r = yield* this.loopBody(node.body, rio);
          status = r.status;
          if (r.stop) break;
          yield* this.maybeYield();
        }
        return (this.status = status);
      }
      case 'case': {
        const rio = yield* this.redirect(node.redirs, io);
        if (!rio) return (this.status = 1);
        const value = yield* this.expandString(node.word);
        for (const arm of node.arms) {
          for (const p of arm.patterns) {
            const pattern = yield* this.expandPattern(p);
            if (matchPattern(pattern, value)) return (this.status = arm.body ? yield* this.exec(arm.body, rio) : 0);
          }
        }
        return (this.status = 0);
      }
      case 'group': {
        const rio = yield* this.redirect(node.redirs, io);
        if (!rio) return (this.status = 1);
        if (!node.subshell) return yield* this.exec(node.body, rio);
        const sub = this.child();
        const status = yield* sub.runNode(node.body, rio);
        return (this.status = status);
      }
      case 'func':
        this.funcs.set(node.name, node.body);
        return (this.status = 0);
    }
  }

  /** Run a node as a separate shell process (subshell, background job). */
  *runNode(node: Node, io: Io): ProgramRun {
    try {
      return yield* this.exec(node, io);
    } catch (e) {
      if (e instanceof ExitSignal) return e.code;
      if (e instanceof LoopSignal || e instanceof ReturnSignal) return this.status;
      throw e;
    }
  }

  private *loopBody(body: Node, io: Io): Generator<Effect, { status: number; stop: boolean }, void> {
    try {
      return { status: yield* this.exec(body, io), stop: false };
    } catch (e) {
      if (!(e instanceof LoopSignal)) throw e;
      if (e.levels > 1) {
        e.levels--;
        throw e;
      }
      return { status: 0, stop: e.kind === 'break' };
    }
  }

  private *maybeYield(): Generator<Effect, void, void> {
    if (++this.sinceYield >= BUSY_STEPS) {
      this.sinceYield = 0;
      this.sys.addCpuWork(BUSY_SLEEP_MS);
      yield { kind: 'sleep', ms: BUSY_SLEEP_MS };
    }
  }

  // ---- simple commands -------------------------------------------------

  private *simple(node: Extract<Node, { t: 'simple' }>, io: Io): Generator<Effect, number, void> {
    this.id.line = node.line;
    this.substStatus = undefined;
    const argv: string[] = [];
    for (const w of node.words) argv.push(...(yield* this.expandWord(w)));
    const assigned: [string, string | string[]][] = [];
    for (const a of node.assigns) {
      if (a.array) {
        const elems: string[] = [];
        for (const w of a.array) elems.push(...(yield* this.expandWord(w)));
        assigned.push([a.name, elems]);
      } else assigned.push([a.name, a.value ? yield* this.expandString(a.value) : '']);
    }
    if (!argv.length) {
      for (const [k, v] of assigned) this.setVar(k, v);
      const rio = yield* this.redirect(node.redirs, io);
      return (this.status = rio ? this.substStatus ?? 0 : 1);
    }
    const rio = yield* this.redirect(node.redirs, io);
    if (!rio) return (this.status = 1);
    if (this.xtrace) rio.err(`+ ${argv.join(' ')}\n`);
    yield* this.maybeYield();
    const status = yield* this.invoke(argv, assigned, rio);
    this.status = status;
    return status;
  }

  private substStatus: number | undefined;

  private setVar(name: string, value: string | string[]): void {
    if (Array.isArray(value)) {
      this.arrays.set(name, value);
      this.vars.delete(name);
    } else {
      this.vars.set(name, value);
      this.arrays.delete(name);
    }
  }

  private childEnv(extra: [string, string | string[]][]): Map<string, string> {
    const env = new Map<string, string>();
    for (const k of this.exported) {
      const v = this.vars.get(k);
      if (v !== undefined) env.set(k, v);
    }
    for (const [k, v] of extra) if (!Array.isArray(v)) env.set(k, v);
    return env;
  }

  private *invoke(argv: string[], assigned: [string, string | string[]][], io: Io): Generator<Effect, number, void> {
    const name = argv[0];
    const fn = this.funcs.get(name);
    if (fn) {
      const saved = this.positional;
      this.positional = argv.slice(1);
      try {
        return yield* this.exec(fn, io);
      } catch (e) {
        if (e instanceof ReturnSignal) return e.code;
        throw e;
      } finally {
        this.positional = saved;
      }
    }
    const builtin = this.builtin(name);
    if (builtin) return yield* builtin(argv, io);
    if (name === 'echo') return echo({ argv, env: this.childEnv(assigned), cwd: this.cwd, io, sys: this.sys }, this.id.flavour === 'dash');
    const program = BUILTIN_UTILITIES[name] ?? this.sys.lookup(name);
    if (!program) {
      io.err(notFoundMessage(this.id, name));
      return 127;
    }
    const r = program({ argv, env: this.childEnv(assigned), cwd: this.cwd, io, sys: this.sys });
    return isRun(r) ? yield* r : r;
  }

  private builtin(name: string): ((argv: string[], io: Io) => Generator<Effect, number, void>) | undefined {
    const self = this;
    switch (name) {
      case ':':
      case 'true':
        return function* () { return 0; };
      case 'false':
        return function* () { return 1; };
      case 'exit':
        return function* (argv) {
          throw new ExitSignal(argv[1] !== undefined ? Number(argv[1]) & 255 : self.status);
        };
      case 'return':
        return function* (argv) {
          throw new ReturnSignal(argv[1] !== undefined ? Number(argv[1]) & 255 : self.status);
        };
      case 'break':
      case 'continue':
        return function* (argv) {
          throw new LoopSignal(name, Math.max(1, Number(argv[1] ?? 1) || 1));
        };
      case 'cd':
        return function* (argv, io) {
          const target = argv[1] ?? self.vars.get('HOME') ?? '/';
          const path = normalizePath(target, self.cwd);
          const st = self.sys.fs.stat(path);
          if (!st || st.type === 'file') {
            const why = st ? 'Not a directory' : 'No such file or directory';
            io.err(self.id.flavour === 'ash' ? `sh: cd: can't cd to ${target}: ${why}\n`
              : self.id.flavour === 'dash' ? `${self.id.argv0}: ${self.id.line}: cd: can't cd to ${target}\n`
              : `${self.id.argv0}: line ${self.id.line}: cd: ${target}: ${why}\n`);
            return self.id.flavour === 'dash' ? 2 : 1;
          }
          self.vars.set('OLDPWD', self.cwd);
          self.cwd = path;
          self.vars.set('PWD', path);
          return 0;
        };
      case 'pwd':
        return function* (_argv, io) {
          io.out(`${self.cwd}\n`);
          return 0;
        };
      case 'export':
      case 'local':
      case 'readonly':
        return function* (argv, io) {
          if (argv.length === 1 && name === 'export') {
            for (const k of [...self.exported].sort()) if (self.vars.has(k)) io.out(`export ${k}='${self.vars.get(k)}'\n`);
            return 0;
          }
          for (const a of argv.slice(1)) {
            if (a.startsWith('-')) continue;
            const eq = a.indexOf('=');
            const k = eq === -1 ? a : a.slice(0, eq);
            if (eq !== -1) self.vars.set(k, a.slice(eq + 1));
            if (name === 'export') self.exported.add(k);
          }
          return 0;
        };
      case 'unset':
        return function* (argv) {
          for (const k of argv.slice(1)) {
            if (k.startsWith('-')) continue;
            self.vars.delete(k);
            self.arrays.delete(k);
            self.exported.delete(k);
            self.funcs.delete(k);
          }
          return 0;
        };
      case 'set':
        return function* (argv, io) {
          if (argv.length === 1) {
            for (const [k, v] of [...self.vars].sort(([a], [b]) => (a < b ? -1 : 1))) io.out(`${k}='${v}'\n`);
            return 0;
          }
          let i = 1;
          for (; i < argv.length; i++) {
            const a = argv[i];
            if (a === '--') {
              i++;
              break;
            }
            if (a === '-o' || a === '+o') {
              i++;
              if (argv[i] === 'errexit') self.errexit = a === '-o';
              continue;
            }
            if (!/^[-+][a-z]+$/.test(a)) break;
            const on = a[0] === '-';
            if (a.includes('e')) self.errexit = on;
            if (a.includes('x')) self.xtrace = on;
          }
          if (i < argv.length || argv.includes('--')) self.positional = argv.slice(i);
          return 0;
        };
      case 'shift':
        return function* (argv) {
          const n = Number(argv[1] ?? 1);
          if (n > self.positional.length) return 1;
          self.positional = self.positional.slice(n);
          return 0;
        };
      case 'read':
        return function* (argv, io) {
          const names = argv.slice(1).filter((a) => !a.startsWith('-'));
          const line = io.stdin.readLine();
          if (line === undefined) {
            for (const n of names) self.vars.set(n, '');
            return 1;
          }
          const fields = line.trim().split(/[ \t]+/);
          if (!names.length) self.vars.set('REPLY', line);
          names.forEach((n, i) => self.vars.set(n, i === names.length - 1 ? fields.slice(i).join(' ') : fields[i] ?? ''));
          return 0;
        };
      case 'eval':
        return function* (argv, io) {
          const src = argv.slice(1).join(' ');
          let ast: Node;
          try {
            ast = parseScript(src);
          } catch (e) {
            if (e instanceof ShellSyntaxError) {
              io.err(syntaxErrorMessage(self.id, e, src));
              return 2;
            }
            throw e;
          }
          return yield* self.exec(ast, io);
        };
      case '.':
      case 'source':
        return function* (argv, io) {
          const path = argv[1] ?? '';
          const src = self.sys.fs.read(normalizePath(path, self.cwd));
          if (src === undefined) {
            io.err(cannotOpen(self.id, path));
            return self.id.flavour === 'bash' ? 1 : 2;
          }
          return yield* self.exec(parseScript(src), io);
        };
      case 'exec':
        return function* (argv, io) {
          if (argv.length === 1) return 0;
          throw new ExitSignal(yield* self.invoke(argv.slice(1), [], io));
        };
      case 'trap':
      case 'wait':
      case 'ulimit':
      case 'umask':
        return function* () { return 0; };
      case 'command':
      case 'type':
        return function* (argv, io) {
          const names = argv.slice(1).filter((a) => !a.startsWith('-'));
          if (name === 'command' && !argv.includes('-v') && !argv.includes('-V')) {
            return names.length ? yield* self.invoke(names, [], io) : 0;
          }
          let status = 0;
          for (const n of names) {
            if (self.builtin(n) || self.funcs.has(n)) io.out(name === 'type' ? `${n} is a shell builtin\n` : `${n}\n`);
            else if (BUILTIN_UTILITIES[n] || self.sys.lookup(n)) io.out(name === 'type' ? `${n} is /bin/${n}\n` : `${n.includes('/') ? n : `/bin/${n}`}\n`);
            else {
              if (name === 'type') io.err(`${n}: not found\n`);
              status = 1;
            }
          }
          return status;
        };
      default:
        return undefined;
    }
  }

  // ---- redirections -----------------------------------------------------

  private *redirect(redirs: Redir[], io: Io): Generator<Effect, Io | undefined, void> {
    if (!redirs.length) return io;
    const r: Io = { ...io };
    for (const rd of redirs) {
      if (rd.op === '<<') {
        const here = rd.here ?? { body: '', literal: true };
        const body = here.literal ? here.body : yield* this.expandString(new Lexer(here.body).readWord(false).map(quoteAll));
        r.stdin = stringReader(body);
        continue;
      }
      const target = yield* this.expandString(rd.target);
      if (rd.op === '>&' || rd.op === '<&') {
        if (rd.op === '<&') continue;
        const sink = target === '2' ? r.err : target === '1' ? r.out : target === '-' ? () => undefined : undefined;
        if (!sink) {
          // `>&file` is bash's `&>file`.
          const w = this.fileWriter(target, false, io);
          if (!w) return undefined;
          r.out = w;
          r.err = w;
          continue;
        }
        if (rd.fd === 2) r.err = sink;
        else r.out = sink;
        continue;
      }
      if (rd.op === '<') {
        const path = normalizePath(target, this.cwd);
        const content = this.sys.fs.read(path);
        if (content === undefined) {
          io.err(cannotOpen(this.id, target));
          return undefined;
        }
        r.stdin = stringReader(content);
        continue;
      }
      const w = this.fileWriter(target, rd.op === '>>', io, r);
      if (!w) return undefined;
      if (rd.op === '&>') {
        r.out = w;
        r.err = w;
      } else if (rd.fd === 2) r.err = w;
      else r.out = w;
    }
    return r;
  }

  private fileWriter(target: string, append: boolean, io: Io, current: Io = io): ((s: string) => void) | undefined {
    if (target === '/dev/null') return () => undefined;
    if (target === '/dev/stdout') return current.out;
    if (target === '/dev/stderr') return current.err;
    const path = normalizePath(target, this.cwd);
    const fs = this.sys.fs;
    const err = fs.write(path, '', append);
    if (err) {
      io.err(cannotCreate(this.id, target, err));
      return undefined;
    }
    return (s: string) => {
      fs.write(path, s, true);
    };
  }

  // ---- expansion --------------------------------------------------------

  private param(name: string, index?: string): string | undefined {
    switch (name) {
      case '?': return String(this.status);
      case '#': return String(this.positional.length);
      case '@':
      case '*': return this.positional.join(' ');
      case '$': return '1';
      case '!': return this.lastBackground ? String(100 + this.lastBackground) : '';
      case '-': return (this.errexit ? 'e' : '') + (this.xtrace ? 'x' : '');
      case '0': return this.id.argv0;
      default:
        if (/^\d$/.test(name)) return this.positional[Number(name) - 1];
    }
    const arr = this.arrays.get(name);
    if (arr) {
      if (index === '@' || index === '*') return arr.join(' ');
      const i = index === undefined ? 0 : this.arithValue(index);
      return arr[i];
    }
    if (index !== undefined && index !== '0' && index !== '@' && index !== '*') {
      return this.arithValue(index) === 0 ? this.vars.get(name) : undefined;
    }
    return this.vars.get(name);
  }

  private arithValue(src: string): number {
    try {
      return evalArith(src, (n) => this.param(n), (n, v) => this.vars.set(n, String(v)));
    } catch {
      return 0;
    }
  }

  private *expandParam(p: Extract<Part, { t: 'param' }>): Generator<Effect, string | string[], void> {
    const index = p.index ? yield* this.expandString(p.index) : undefined;
    if (p.length) {
      const arr = this.arrays.get(p.name);
      if (arr && (index === '@' || index === '*')) return String(arr.length);
      if (p.name === '@' || p.name === '*') return String(this.positional.length);
      return String([...(this.param(p.name, index) ?? '')].length);
    }
    if (p.q && !p.op && (p.name === '@' || (index === '@' && this.arrays.has(p.name)))) {
      return p.name === '@' ? [...this.positional] : [...(this.arrays.get(p.name) ?? [])];
    }
    const value = this.param(p.name, index);
    if (!p.op) return value ?? '';
    const isSet = value !== undefined;
    const nonEmpty = isSet && value !== '';
    const arg = (): Generator<Effect, string, void> => this.expandString(p.arg ?? []);
    switch (p.op) {
      case ':-': return nonEmpty ? value : yield* arg();
      case '-': return isSet ? value : yield* arg();
      case ':=':
      case '=': {
        if (p.op === ':=' ? nonEmpty : isSet) return value as string;
        const v = yield* arg();
        this.vars.set(p.name, v);
        return v;
      }
      case ':+': return nonEmpty ? yield* arg() : '';
      case '+': return isSet ? yield* arg() : '';
      case ':?':
      case '?': {
        if (p.op === ':?' ? nonEmpty : isSet) return value as string;
        const msg = (yield* arg()) || 'parameter not set';
        throw new ParamError(`${p.name}: ${msg}`);
      }
      default:
        return trimPattern(value ?? '', yield* this.expandPattern(p.arg ?? []), p.op);
    }
  }

  private *commandSubst(src: string): Generator<Effect, string, void> {
    let out = '';
    const sub = this.child();
    const io: Io = { stdin: stringReader(''), out: (s) => { out += s; }, err: this.currentErr };
    const status = yield* sub.run(src, io);
    this.substStatus = status;
    this.status = status;
    return out.replace(/\n+$/, '');
  }

  /** Where command-substitution errors go; set per top-level run by the caller. */
  currentErr: (s: string) => void = () => undefined;

  private *partText(p: Part): Generator<Effect, string | string[], void> {
    switch (p.t) {
      case 'lit': return p.v;
      case 'param': return yield* this.expandParam(p);
      case 'cmd': return yield* this.commandSubst(p.src);
      case 'arith': {
        const src = yield* this.expandString(new Lexer(p.src).readWord(false).map(quoteAll));
        try {
          return String(evalArith(src, (n) => this.param(n), (n, v) => this.vars.set(n, String(v))));
        } catch (e) {
          if (e instanceof ArithError) throw new ParamError(`arithmetic syntax error`);
          throw e;
        }
      }
    }
  }

  /** Expand to a single string (assignments, here-docs, case words): no splitting or globbing. */
  *expandString(word: Word): Generator<Effect, string, void> {
    let s = '';
    for (const p of word) {
      const t = yield* this.partText(p);
      s += Array.isArray(t) ? t.join(' ') : t;
    }
    return s;
  }

  /** Expand a pattern: quoted characters lose their special meaning. */
  private *expandPattern(word: Word): Generator<Effect, string, void> {
    let s = '';
    for (const p of word) {
      const t = yield* this.partText(p);
      const text = Array.isArray(t) ? t.join(' ') : t;
      s += p.q ? text.replace(/[*?[\]\\]/g, '\\$&') : text;
    }
    return s;
  }

  /** Full word expansion: parameters, command substitution, field splitting, globbing. */
  *expandWord(word: Word): Generator<Effect, string[], void> {
    const fields: Field[] = [];
    let cur = '';
    let exists = false;
    let glob = false;
    const finish = (): void => {
      if (exists) fields.push({ text: cur, glob });
      cur = '';
      exists = false;
      glob = false;
    };
    for (let i = 0; i < word.length; i++) {
      const p = word[i];
      let t = yield* this.partText(p);
      if (i === 0 && p.t === 'lit' && !p.q && typeof t === 'string' && /^~(\/|$)/.test(t)) t = (this.vars.get('HOME') ?? '/') + t.slice(1);
      if (Array.isArray(t)) {
        t.forEach((v, j) => {
          if (j > 0) finish();
          cur += v;
          exists = true;
        });
        continue;
      }
      if (p.q) {
        cur += t;
        exists = true;
      } else if (p.t === 'lit') {
        cur += t;
        if (t) exists = true;
        if (hasGlob(t)) glob = true;
      } else {
        const pieces = t.split(/[ \t\n]+/);
        pieces.forEach((piece, j) => {
          if (j > 0) finish();
          if (piece) {
            cur += piece;
            exists = true;
            if (hasGlob(piece)) glob = true;
          }
        });
      }
    }
    finish();
    const out: string[] = [];
    for (const f of fields) {
      if (f.glob) {
        const matches = this.glob(f.text);
        if (matches.length) {
          out.push(...matches);
          continue;
        }
      }
      out.push(f.text);
    }
    return out;
  }

  private glob(pattern: string): string[] {
    const abs = pattern.startsWith('/');
    const segments = pattern.split('/').filter((s, i) => s !== '' || i === 0);
    let bases: string[] = [abs ? '/' : ''];
    for (const seg of segments) {
      if (seg === '') continue;
      const next: string[] = [];
      for (const base of bases) {
        const dir = normalizePath(base || '.', this.cwd);
        if (!hasGlob(seg)) {
          const cand = base === '' ? seg : base === '/' ? `/${seg}` : `${base}/${seg}`;
          if (this.sys.fs.stat(normalizePath(cand, this.cwd))) next.push(cand);
          continue;
        }
        const re = patternToRegExp(seg);
        for (const name of this.sys.fs.list(dir) ?? []) {
          if (name.startsWith('.') && !seg.startsWith('.')) continue;
          if (re.test(name)) next.push(base === '' ? name : base === '/' ? `/${name}` : `${base}/${name}`);
        }
      }
      bases = next;
    }
    return bases.sort();
  }
}

class ParamError extends Error {}

function quoteAll(p: Part): Part {
  return { ...p, q: true };
}

/** `sh -c script [name [args...]]`, or `sh file`, or `sh` alone. */
export function shellProgram(flavour: ShellFlavour) {
  return function* runShell(ctx: import('../process/program').ProgramContext): ProgramRun {
    const { argv, io, sys } = ctx;
    const argv0 = argv[0];
    let i = 1;
    let script: string | undefined;
    let fromC = false;
    const flags: string[] = [];
    for (; i < argv.length; i++) {
      const a = argv[i];
      if (a === '-c') {
        fromC = true;
        continue;
      }
      if (/^-[a-z]+$/.test(a) && !fromC) {
        if (a.includes('c')) fromC = true;
        flags.push(a);
        continue;
      }
      break;
    }
    if (fromC) {
      script = argv[i];
      if (script === undefined) {
        io.err(flavour === 'bash' ? `${argv0}: -c: option requires an argument\n` : `${flavour === 'ash' ? 'sh' : argv0}: -c requires an argument\n`);
        return 2;
      }
      i++;
    } else if (argv[i] !== undefined) {
      const file = argv[i];
      const src = sys.fs.read(normalizePath(file, ctx.cwd));
      if (src === undefined) {
        io.err(flavour === 'ash' ? `sh: can't open '${file}': No such file or directory\n`
          : flavour === 'dash' ? `${argv0}: 0: cannot open ${file}: No such file\n`
          : `${argv0}: ${file}: No such file or directory\n`);
        return flavour === 'bash' ? 127 : 2;
      }
      script = src;
      i++;
    } else {
      // No tty and nothing on stdin: an interactive shell reads EOF and exits 0.
      script = io.stdin.readAll();
    }
    const shell = new Shell({ sys, env: ctx.env, cwd: ctx.cwd, flavour, argv0: fromC && argv[i] !== undefined ? argv[i] : argv0, positional: argv.slice(fromC ? i + 1 : i), fromC });
    shell.currentErr = io.err;
    const e = flags.join('');
    if (e.includes('e')) void shell.run('set -e', io).next();
    if (e.includes('x')) void shell.run('set -x', io).next();
    try {
      return yield* shell.run(script, io);
    } catch (err) {
      if (err instanceof ParamError) {
        io.err(`${flavour === 'ash' ? 'sh' : argv0}: ${err.message}\n`);
        return flavour === 'bash' ? 1 : 2;
      }
      throw err;
    }
  };
}

export { baseOf };
