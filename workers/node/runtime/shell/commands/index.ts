/** The standard utilities, and which of them each kind of base image ships. */
import type { Program, Toolset } from '../../process/program';
import { echo, printf } from './echo';
import { testCommand } from './test';
import { cat, cp, ls, mkdir, mv, rm, touch } from './files';
import { basename, cut, dirname, grep, head, rev, sed, seq, sort, tail, tee, tr, uniq, wc } from './text';
import { date, env, falseCmd, hostname, id, nproc, printenv, ps, pwd, sleep, trueCmd, uname, whoami } from './system';
import { curl, nc, nslookup, wget } from './network';

export const UTILITIES: Record<string, Program> = {
  echo: (ctx) => echo(ctx), printf, test: testCommand, '[': testCommand,
  cat, ls, mkdir, touch, rm, cp, mv,
  wc, head, tail, grep, rev, tee, sort, uniq, cut, tr, sed, basename, dirname, seq,
  sleep, date, env, printenv, hostname, id, whoami, ps, uname, nproc, pwd, true: trueCmd, false: falseCmd,
  wget, curl, nslookup, nc,
};

/** What GNU coreutils-based images (debian, ubuntu) lack from the list above. */
const NOT_IN_COREUTILS = new Set(['ps', 'wget', 'curl', 'nslookup', 'nc']);
/** busybox has no curl. */
const NOT_IN_BUSYBOX = new Set(['curl']);

export function utility(name: string, toolset: Toolset, extra: readonly string[] = []): Program | undefined {
  const p = UTILITIES[name];
  if (!p) return undefined;
  if (extra.includes(name)) return p;
  if (toolset === 'none') return undefined;
  if (toolset === 'coreutils' && NOT_IN_COREUTILS.has(name)) return undefined;
  if (toolset === 'busybox' && NOT_IN_BUSYBOX.has(name)) return undefined;
  return p;
}
