/** Process and system utilities: sleep, date, env, printenv, hostname, id, whoami, ps, uname, nproc, pwd. */
import type { ProgramContext, ProgramRun } from '../../process/program';
import { isBusybox, parseOpts } from './util';

const UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `sleep N[smhd]...` in virtual time; `sleep infinity` never wakes. */
export function sleep(ctx: ProgramContext): number | ProgramRun {
  const args = ctx.argv.slice(1);
  const bb = isBusybox(ctx);
  if (!args.length) {
    ctx.io.err(bb ? 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n' : "sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  let total = 0;
  for (const a of args) {
    if (a === 'infinity' || a === 'inf') {
      return (function* (): ProgramRun {
        yield { kind: 'block' };
        return 0;
      })();
    }
    const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(a);
    if (!m) {
      ctx.io.err(bb ? `sleep: invalid number '${a}'\n` : `sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    total += Number(m[1]) * UNIT_MS[m[2]];
  }
  const ms = Math.round(total);
  return (function* (): ProgramRun {
    if (ms > 0) yield { kind: 'sleep', ms };
    return 0;
  })();
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');

export function formatDate(ms: number, format?: string): string {
  const d = new Date(ms);
  const f = format ?? '%a %b %e %H:%M:%S %Z %Y';
  return f.replace(/%([a-zA-Z%])/g, (_m, c: string) => {
    switch (c) {
      case 'a': return DAYS[d.getUTCDay()];
      case 'A': return ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][d.getUTCDay()];
      case 'b':
      case 'h': return MONTHS[d.getUTCMonth()];
      case 'd': return p2(d.getUTCDate());
      case 'e': return String(d.getUTCDate()).padStart(2);
      case 'H': return p2(d.getUTCHours());
      case 'M': return p2(d.getUTCMinutes());
      case 'S': return p2(d.getUTCSeconds());
      case 'Y': return String(d.getUTCFullYear());
      case 'y': return p2(d.getUTCFullYear() % 100);
      case 'm': return p2(d.getUTCMonth() + 1);
      case 'j': return String(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1).padStart(3, '0');
      case 's': return String(Math.floor(ms / 1000));
      case 'N': return String((ms % 1000) * 1_000_000).padStart(9, '0');
      case 'T': return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
      case 'F': return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
      case 'D': return `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${p2(d.getUTCFullYear() % 100)}`;
      case 'R': return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
      case 'Z': return 'UTC';
      case 'z': return '+0000';
      case 'n': return '\n';
      case 't': return '\t';
      case '%': return '%';
      default: return `%${c}`;
    }
  });
}

export function date(ctx: ProgramContext): number {
  const fmt = ctx.argv.slice(1).find((a) => a.startsWith('+'));
  const utc = ctx.argv.includes('-u') || ctx.argv.includes('--utc');
  void utc;
  ctx.io.out(`${formatDate(ctx.sys.now(), fmt?.slice(1))}\n`);
  return 0;
}

/** `env` prints the environment; `env [-i] [NAME=value]... command` runs a command with changes. */
export function env(ctx: ProgramContext): number | ProgramRun {
  const args = ctx.argv.slice(1);
  let vars = new Map(ctx.env);
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '-i' || a === '-') vars = new Map();
    else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) {
      const eq = a.indexOf('=');
      vars.set(a.slice(0, eq), a.slice(eq + 1));
    } else break;
  }
  if (i >= args.length) {
    ctx.io.out([...vars].map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  const program = ctx.sys.lookup(args[i]);
  if (!program) {
    ctx.io.err(isBusybox(ctx) ? `env: can't execute '${args[i]}': No such file or directory\n` : `env: '${args[i]}': No such file or directory\n`);
    return 127;
  }
  return program({ ...ctx, argv: args.slice(i), env: vars });
}

export function printenv(ctx: ProgramContext): number {
  const names = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  if (!names.length) {
    ctx.io.out([...ctx.env].map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  let status = 0;
  for (const n of names) {
    const v = ctx.env.get(n);
    if (v === undefined) status = 1;
    else ctx.io.out(`${v}\n`);
  }
  return status;
}

export function hostname(ctx: ProgramContext): number {
  const { flags } = parseOpts(ctx.argv.slice(1));
  ctx.io.out(`${flags.has('i') || flags.has('I') ? ctx.sys.podIP : ctx.sys.hostname}\n`);
  return 0;
}

function userName(uid: number): string | undefined {
  return uid === 0 ? 'root' : uid === 65534 ? 'nobody' : undefined;
}

export function id(ctx: ProgramContext): number {
  const uid = ctx.sys.uid;
  const { flags } = parseOpts(ctx.argv.slice(1));
  const name = userName(uid);
  if (flags.has('u')) {
    ctx.io.out(`${flags.has('n') ? name ?? uid : uid}\n`);
    return 0;
  }
  const groups = uid === 0 && isBusybox(ctx) ? 'groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)' : 'groups=0(root)';
  ctx.io.out(`uid=${uid}${name ? `(${name})` : ''} gid=0(root) ${uid === 0 ? groups : 'groups=0(root)'}\n`);
  return 0;
}

export function whoami(ctx: ProgramContext): number {
  const name = userName(ctx.sys.uid);
  if (name) {
    ctx.io.out(`${name}\n`);
    return 0;
  }
  ctx.io.err(isBusybox(ctx) ? `whoami: unknown uid ${ctx.sys.uid}\n` : `whoami: cannot find name for user ID ${ctx.sys.uid}\n`);
  return 1;
}

/** busybox ps: PID 1 is the container's main process, then exec'd processes. */
export function ps(ctx: ProgramContext): number {
  const rows = ctx.sys.processes();
  const now = ctx.sys.now();
  let out = 'PID   USER     TIME  COMMAND\n';
  for (const r of rows) {
    const secs = Math.floor(Math.max(0, now - r.startedAt) / 60_000);
    const time = `${Math.floor(secs / 60)}:${p2(secs % 60)}`;
    out += `${String(r.pid).padStart(5)} ${r.user.padEnd(8)} ${time.padStart(5)} ${r.command}\n`;
  }
  ctx.io.out(out);
  return 0;
}

export function uname(ctx: ProgramContext): number {
  const { flags } = parseOpts(ctx.argv.slice(1));
  if (flags.has('a')) ctx.io.out(`Linux ${ctx.sys.hostname} 6.8.0-1015-gcp #17-Ubuntu SMP Thu Sep 26 19:01:55 UTC 2024 x86_64${isBusybox(ctx) ? '' : ' GNU/Linux'}\n`);
  else if (flags.has('r')) ctx.io.out('6.8.0-1015-gcp\n');
  else if (flags.has('m')) ctx.io.out('x86_64\n');
  else if (flags.has('n')) ctx.io.out(`${ctx.sys.hostname}\n`);
  else ctx.io.out('Linux\n');
  return 0;
}

export function nproc(ctx: ProgramContext): number {
  ctx.io.out('2\n');
  return 0;
}

export function pwd(ctx: ProgramContext): number {
  ctx.io.out(`${ctx.cwd}\n`);
  return 0;
}

export const trueCmd = (): number => 0;
export const falseCmd = (): number => 1;
