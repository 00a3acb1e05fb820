/**
 * kubectl for the in-browser terminal: parses a command line, talks to the
 * cluster through a KubectlClient, and prints what kubectl 1.32 prints.
 */
import type { KubectlClient, KubectlIO } from './client';
import type { Command, Ctx } from './cli/command';
import { errorText, KubectlError } from './cli/errors';
import { GLOBAL_FLAGS, parseFlags, type FlagSpec } from './cli/flags';
import { rootUsage, unknownCommand, allCommandNames } from './cli/rootHelp';
import { fetchDiscovery, type Discovery } from './discovery/resources';
import { COMMANDS } from './commands';
import { withClientGoErrors } from './cli/clientErrors';

export type { KubectlClient, KubectlIO } from './client';
export { splitCommandLine } from './cli/split';
export { completeKubectl } from './complete';

/** Find the command and subcommand named in argv (cobra's Find: flags may come first). */
export function findCommand(argv: readonly string[]): { cmd?: Command; path: string[]; rest: string[]; unknown?: string } {
  const rest = [...argv];
  const path: string[] = [];
  let commands: readonly Command[] = COMMANDS;
  let cmd: Command | undefined;
  for (;;) {
    const at = nextWord(rest);
    if (at < 0) break;
    const word = rest[at];
    const next = commands.find((c) => c.name === word || c.aliases?.includes(word));
    if (!next) {
      if (!cmd) return { path, rest, unknown: word };
      break;
    }
    rest.splice(at, 1);
    path.push(next.name);
    cmd = next;
    if (!next.subcommands) break;
    commands = next.subcommands;
  }
  return { cmd, path, rest };
}

/** Index of the first positional word, skipping global flags and their values. */
function nextWord(args: string[]): number {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') return -1;
    if (!a.startsWith('-') || a === '-') return i;
    if (a.includes('=')) continue;
    const spec = a.startsWith('--') ? GLOBAL_FLAGS.find((f) => f.name === a.slice(2)) : a.length === 2 ? GLOBAL_FLAGS.find((f) => f.short === a[1]) : undefined;
    if (spec && spec.type !== 'bool') i++;
  }
  return -1;
}

function commandHelp(cmd: Command, path: string[]): string {
  let s = `${cmd.short}.\n\n`;
  if (cmd.subcommands) {
    s += 'Available Commands:\n';
    for (const c of cmd.subcommands.filter((x) => !x.hidden)) s += `  ${c.name.padEnd(15)} ${c.short}\n`;
    s += '\n';
  }
  s += `Usage:\n  kubectl ${path.join(' ')} [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`;
  return s;
}

export async function runKubectl(argv: string[], rawClient: KubectlClient, io: KubectlIO): Promise<number> {
  const client = withClientGoErrors(rawClient);
  const args = argv[0] === 'kubectl' ? argv.slice(1) : argv;
  try {
    if (nextWord(args) < 0 && !args.some((a) => a === '-h' || a === '--help')) {
      // `kubectl` alone, or only flags: usage on stdout, as cobra's root command does.
      io.stdout(rootUsage());
      return 0;
    }
    const found = findCommand(args);
    if (found.unknown !== undefined) {
      if (found.unknown === 'help') {
        io.stdout(rootUsage());
        return 0;
      }
      throw new KubectlError(unknownCommand(found.unknown));
    }
    const cmd = found.cmd;
    if (!cmd) {
      io.stdout(rootUsage());
      return 0;
    }
    if (found.rest.includes('-h') || found.rest.includes('--help')) {
      io.stdout(commandHelp(cmd, found.path));
      return 0;
    }
    if (!cmd.run) {
      // A command group without a subcommand prints its help, as cobra does.
      if (cmd.subcommands) {
        io.stdout(commandHelp(cmd, found.path));
        return 0;
      }
      throw new KubectlError(`error: "kubectl ${found.path.join(' ')}" is not available in this playground`);
    }
    const specs: FlagSpec[] = [...(cmd.flags ?? []), ...GLOBAL_FLAGS.filter((g) => !(cmd.flags ?? []).some((f) => f.name === g.name || (g.short && f.short === g.short)))];
    const path = found.path.join(' ');
    const flags = parseFlags(found.rest, specs, path);
    let discovery: Promise<Discovery> | undefined;
    const ctx: Ctx = {
      client,
      io,
      flags,
      path,
      namespace: flags.string('namespace') || 'default',
      explicitNamespace: flags.changed('namespace'),
      discovery: () => (discovery ??= fetchDiscovery(client)),
      out: (t) => io.stdout(t),
      err: (t) => io.stderr(t),
    };
    const code = await cmd.run(ctx);
    return code ?? 0;
  } catch (err) {
    const text = errorText(err);
    if (text) io.stderr(text.endsWith('\n') ? text : `${text}\n`);
    return err instanceof KubectlError ? err.exitCode : 1;
  }
}

export { allCommandNames };
