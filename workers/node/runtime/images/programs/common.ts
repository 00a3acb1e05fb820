/** Helpers for image programs: becoming a server, exec'ing the next argv, log timestamps. */
import { isRun, type HttpRequest, type Program, type ProgramContext, type ProgramRun, type Server } from '../../process/program';

export function* serve(server: Server): ProgramRun {
  yield { kind: 'serve', server };
  return 0;
}

/** Block forever (until signalled), for programs that only wait. */
export function* forever(): ProgramRun {
  yield { kind: 'block' };
  return 0;
}

/** `exec "$@"` from an entrypoint script. */
export function* execNext(ctx: ProgramContext, argv: string[], script: string, line: number): ProgramRun {
  if (!argv.length) return 0;
  const program = ctx.sys.lookup(argv[0]);
  if (!program) {
    ctx.io.err(`${script}: exec: line ${line}: ${argv[0]}: not found\n`);
    return 127;
  }
  const r = program({ ...ctx, argv });
  return isRun(r) ? yield* r : r;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number): string => String(n).padStart(2, '0');

/** `2024/08/12 10:22:43` (nginx error log, Go's log package). */
export function slashTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
}

/** `12/Aug/2024:10:22:50 +0000` (common log format). */
export function clfTime(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

/** `Mon Aug 12 10:22:43.123456 2024` (Apache error log). */
export function apacheTime(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String((ms % 1000) * 1000).padStart(6, '0')} ${d.getUTCFullYear()}`;
}

/** `12 Aug 2024 10:22:43.123` (redis). */
export function redisTime(ms: number): string {
  const d = new Date(ms);
  return `${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(ms % 1000).padStart(3, '0')}`;
}

/** klog header: `I0812 10:22:43.123456       1 `. */
export function klogPrefix(ms: number, level = 'I'): string {
  const d = new Date(ms);
  return `${level}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String((ms % 1000) * 1000).padStart(6, '0')}       1 `;
}

export function header(req: HttpRequest, name: string): string | undefined {
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(req.headers ?? {})) if (k.toLowerCase() === want) return v;
  return undefined;
}

export function userAgent(req: HttpRequest): string {
  return header(req, 'user-agent') ?? '-';
}

export function query(path: string): URLSearchParams {
  const i = path.indexOf('?');
  return new URLSearchParams(i === -1 ? '' : path.slice(i + 1));
}

export function pathOnly(path: string): string {
  const i = path.indexOf('?');
  return i === -1 ? path : path.slice(0, i);
}

/** Parse `--flag=value` / `--flag value` style arguments. */
export function flagValue(args: string[], name: string): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === `--${name}` || a === `-${name}`) return args[i + 1];
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
    if (a.startsWith(`-${name}=`)) return a.slice(name.length + 2);
  }
  return undefined;
}

export type { Program };
