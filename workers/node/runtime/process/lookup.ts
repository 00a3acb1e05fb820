/**
 * PATH lookup inside a container: the image's own programs (by path or by
 * name), its shells, the standard utilities its base ships, and scripts with
 * a `#!` line (a ConfigMap-mounted run.sh).
 */
import type { Program, ShellFlavour, Toolset } from './program';
import { baseOf, normalizePath, type ContainerFs } from './filesystem';
import { utility } from '../shell/commands';
import { shellProgram } from '../shell/interpreter';

/** What an image offers on its PATH; built once per image. */
export interface ImageTools {
  programs: Record<string, Program>;
  /** Programs by basename, for PATH lookup. */
  byBase: Map<string, Program>;
  toolset: Toolset;
  shell?: ShellFlavour;
  bash: boolean;
  extraTools: readonly string[];
}

export function imageTools(programs: Record<string, Program>, toolset: Toolset, shell: ShellFlavour | undefined, bash: boolean, extraTools: readonly string[]): ImageTools {
  const byBase = new Map<string, Program>();
  for (const [path, p] of Object.entries(programs)) {
    if (!byBase.has(baseOf(path))) byBase.set(baseOf(path), p);
  }
  return { programs, byBase, toolset, shell, bash, extraTools };
}

type LookupContext = ImageTools;

const BIN_DIRS = ['/bin', '/sbin', '/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin'];
const SHELLS: Record<ShellFlavour, Program> = { ash: shellProgram('ash'), dash: shellProgram('dash'), bash: shellProgram('bash') };

function byName(name: string, ctx: LookupContext): Program | undefined {
  const own = ctx.byBase.get(name) ?? ctx.programs[name];
  if (own) return own;
  if (name === 'sh' && ctx.shell) return SHELLS[ctx.shell];
  if (name === 'bash' && (ctx.bash || ctx.shell === 'bash')) return SHELLS.bash;
  if (name === 'ash' && ctx.shell === 'ash') return SHELLS.ash;
  if (name === 'dash' && ctx.shell === 'dash') return SHELLS.dash;
  if (name === 'busybox' && ctx.toolset === 'busybox') return busyboxMulticall(ctx);
  return utility(name, ctx.toolset, ctx.extraTools);
}

/** `busybox ls -l`: the first argument names the applet. */
function busyboxMulticall(ctx: LookupContext): Program {
  return (pc) => {
    const applet = pc.argv[1];
    const p = applet ? byName(applet, ctx) : undefined;
    if (!p) {
      pc.io.err(applet ? `${applet}: applet not found\n` : 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n');
      return applet ? 127 : 0;
    }
    return p({ ...pc, argv: pc.argv.slice(1) });
  };
}

/** `files` is asked for the filesystem only when the name may be a script file. */
export function resolveProgram(name: string, ctx: LookupContext, files: { readonly fs: ContainerFs }): Program | undefined {
  if (!name) return undefined;
  if (!name.includes('/')) return byName(name, ctx);
  const path = normalizePath(name);
  if (ctx.programs[path]) return ctx.programs[path];
  if (ctx.programs[name]) return ctx.programs[name];
  const dir = path.slice(0, path.lastIndexOf('/')) || '/';
  if (BIN_DIRS.includes(dir)) {
    const p = byName(baseOf(path), ctx);
    if (p) return p;
  }
  // A script file with an interpreter line.
  const text = files.fs.read(path);
  const shebang = text?.startsWith('#!') ? /^#!\s*(\S+)(?:\s+(\S+))?/.exec(text) : null;
  if (shebang) {
    const interp = shebang[1] === '/usr/bin/env' && shebang[2] ? shebang[2] : shebang[1];
    const runner = resolveProgram(interp, ctx, files);
    if (runner) return (pc) => runner({ ...pc, argv: [interp, path, ...pc.argv.slice(1)] });
  }
  return undefined;
}
