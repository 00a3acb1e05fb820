/**
 * Load generators from the docs' resource tasks: polinux/stress (`--vm-bytes`
 * for memory limits, OOMKilled past them) and vish/stress (`-cpus`).
 */
import type { Program, ProgramContext, ProgramRun, Server } from '../../process/program';
import { flagValue, forever, klogPrefix, serve } from './common';

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** stress(1) sizes: `150M` = 150 MiB. */
export function parseStressBytes(s: string): number | undefined {
  const m = /^(\d+)([bkmgBKMG]?)$/.exec(s);
  return m ? Number(m[1]) * UNITS[m[2].toLowerCase()] : undefined;
}

function parseDuration(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const m = /^(\d+)([smhd]?)$/.exec(s);
  if (!m) return undefined;
  return Number(m[1]) * ({ '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as Record<string, number>)[m[2]];
}

const polinuxStress: Program = function* (ctx: ProgramContext): ProgramRun {
  const args = ctx.argv.slice(1);
  const cpu = Number(flagValue(args, 'cpu') ?? flagValue(args, 'c') ?? 0);
  const io = Number(flagValue(args, 'io') ?? flagValue(args, 'i') ?? 0);
  const vm = Number(flagValue(args, 'vm') ?? flagValue(args, 'm') ?? 0);
  const hdd = Number(flagValue(args, 'hdd') ?? flagValue(args, 'd') ?? 0);
  const vmBytesText = flagValue(args, 'vm-bytes') ?? '256M';
  const vmBytes = parseStressBytes(vmBytesText);
  if (vmBytes === undefined) {
    ctx.io.err(`stress: FAIL: [1] (${Math.floor(ctx.sys.rng() * 300)}) invalid number: ${vmBytesText}\n`);
    return 1;
  }
  if (!cpu && !io && !vm && !hdd) {
    ctx.io.out('`stress\' imposes certain types of compute stress on your system\n\nUsage: stress [OPTION [ARG]] ...\n');
    return 1;
  }
  ctx.io.out(`stress: info: [1] dispatching hogs: ${cpu} cpu, ${io} io, ${vm} vm, ${hdd} hdd\n`);
  const hang = flagValue(args, 'vm-hang') !== undefined;
  ctx.sys.setLoad({ memoryBytes: vm * vmBytes, cpuMillis: cpu * 1000 + (hang ? vm * 5 : vm * 1000) + io * 200 });
  const timeout = parseDuration(flagValue(args, 'timeout') ?? flagValue(args, 't'));
  if (timeout === undefined) return yield* forever();
  yield { kind: 'sleep', ms: timeout };
  ctx.sys.setLoad({});
  ctx.io.out(`stress: info: [1] successful run completed in ${Math.round(timeout / 1000)}s\n`);
  return 0;
};

const vishStress: Program = function* (ctx: ProgramContext): ProgramRun {
  const args = ctx.argv.slice(1);
  const cpus = Number(flagValue(args, 'cpus') ?? 0);
  const memTotal = flagValue(args, 'mem-total') ?? '0';
  const m = /^(\d+)(Ki|Mi|Gi)?$/.exec(memTotal);
  const mem = m ? Number(m[1]) * ({ Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3 } as Record<string, number>)[m[2] ?? ''] || Number(m[1]) : 0;
  const log = (s: string): void => ctx.io.err(`${klogPrefix(ctx.sys.now())}main.go:${s}\n`);
  log(`26] Allocating "${memTotal}" memory, in "4Ki" chunks, with a 1ms sleep between allocations`);
  log(`29] Allocated "${memTotal}" memory`);
  if (cpus > 0) log('39] Spawning a thread to consume CPU');
  ctx.sys.setLoad({ memoryBytes: mem, cpuMillis: cpus * 1000 });
  return yield* forever();
};

export function polinuxStressPrograms(): Record<string, Program> {
  return { '/usr/local/bin/stress': polinuxStress, '/usr/bin/stress': polinuxStress };
}

export function vishStressPrograms(): Record<string, Program> {
  return { '/stress': vishStress };
}

const NO_PORTS: number[] = Object.freeze([]) as unknown as number[];

/**
 * The pause process as a server: it keeps only its stderr (one per pod, so
 * a class rather than a closure over the whole program context).
 */
class PauseServer implements Server {
  readonly ports = NO_PORTS;

  constructor(private readonly stderr: (text: string) => void) {}

  stop(): { afterMs: number; exitCode: number } {
    this.stderr('Shutting down, got signal: Terminated\n');
    return { afterMs: 0, exitCode: 0 };
  }
}

/** registry.k8s.io/pause: sleeps until signalled (pause.c prints the signal on its way out). */
export const pause: Program = (ctx: ProgramContext): ProgramRun => serve(new PauseServer(ctx.io.err));
