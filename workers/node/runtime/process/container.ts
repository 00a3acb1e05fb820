/**
 * One running container: its main process (PID 1) and anything it runs in
 * the background, driven by clock tasks only when a process wakes up.
 * Servers cost nothing while idle; HTTP, exec and probes call in directly.
 */
import type { Clock, Task, TaskLabel } from '../../../clock/clock';
import type { Rng } from '../../../clock/prng';
import type { ContainerConfig, ContainerExit, ContainerProcess, ExecResult, LogLine } from '../types';
import type { ResolvedImage } from '../images/resolve';
import { ContainerFs, normalizePath, type ImageLayer } from './filesystem';
import { Usage } from './usage';
import { emptyReader, isRun, stringReader, type Effect, type ProgramContext, type HttpRequest, type HttpResponse, type Io, type Program, type ProcessRow, type ProgramRun, type Server } from './program';
import type { ImageTools } from './lookup';
import { ContainerSystem, type SystemHost } from './system';

/** Keep at most this many log lines per container (the kubelet rotates logs too). */
const MAX_LOG_LINES = 10_000;
/** An OOM kill lands this long after the allocation that crossed the limit. */
const OOM_DELAY_MS = 250;
/** Effects a synchronous exec may go through before it is cut off (runaway loops). */
const SYNC_EXEC_MAX_EFFECTS = 200;
/** The kubelet reads at most this much of the termination message file. */
const MAX_TERMINATION_MESSAGE = 4096;
/** containerd splits longer log lines (a program that never prints a newline) into parts of this size. */
const MAX_LOG_LINE = 16 * 1024;
/** Round trip of a request inside the cluster network: connect, send, first byte. */
const HTTP_ROUND_TRIP_MS = 1;

interface Thread {
  gen: ProgramRun;
  task?: Task;
  main: boolean;
  done: boolean;
  onDone?: (code: number) => void;
}

const NO_SERVERS: readonly Server[] = Object.freeze([]);

/**
 * What a program is started with. Its own copy of the environment is made
 * when it first looks at it (many never do). `env` is an own enumerable
 * getter, so `{ ...ctx, argv }` copies the value as it would a plain field;
 * one getter shared by all keeps these objects in V8's fast mode.
 */
class ProgramCall implements ProgramContext {
  readonly argv: string[];
  declare readonly env: Map<string, string>;
  readonly cwd: string;
  readonly io: Io;
  readonly sys: ContainerSystem;
  readonly #host: Container;
  #env?: Map<string, string>;

  static readonly #ENV: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: ProgramCall): Map<string, string> {
      return (this.#env ??= this.#host.environment());
    },
  };

  constructor(argv: string[], cwd: string, io: Io, sys: ContainerSystem, host: Container) {
    this.argv = argv;
    Object.defineProperty(this, 'env', ProgramCall.#ENV);
    this.cwd = cwd;
    this.io = io;
    this.sys = sys;
    this.#host = host;
  }
}

function startError(message: string): ContainerExit {
  return { exitCode: 128, reason: 'StartError', message };
}

/**
 * Most containers (pause, idle servers) never have their files, environment
 * or exec table looked at: those are built on first use from the config,
 * which does not change, so they come out as they would have at start.
 */
export class Container implements ContainerProcess, SystemHost {
  readonly startedAt: number;
  readonly logs: LogLine[] = [];
  private exit?: ContainerExit;
  private finishing = false;
  private callbacks?: ((exit: ContainerExit) => void)[];
  /** Threads that may run again: those asleep or running now (a blocked or serving one never is). */
  private threads?: Set<Thread>;
  private servers: readonly Server[] = NO_SERVERS;
  private stopping = false;
  private oomTask?: Task;
  private fsCache?: ContainerFs;
  private readonly sys: ContainerSystem;
  private readonly usage: Usage;
  private readonly cwd: string;
  /** `namespace/pod/container`, the key of this container's clock tasks (made on first task). */
  private taskKey?: string;
  private readonly argv: string[];
  private execRows?: Map<number, ProcessRow>;
  private nextPid = 7;
  /** A line not yet ended by a newline, per stream (most containers never write one). */
  private partial?: { stdout: string; stderr: string };
  private inStart = true;
  /** CPU work done by the HTTP handler running now, to time its answer. */
  private requestWork = 0;

  constructor(
    private readonly clock: Clock,
    private readonly rng: Rng,
    /** `runtime/<node>`, shared by the node's containers. */
    private readonly component: string,
    private readonly config: ContainerConfig,
    private readonly image: ResolvedImage,
    private readonly layer: ImageLayer,
    tools: ImageTools,
  ) {
    this.startedAt = clock.now();
    const spec = image.spec;
    const uid = config.runAsUser ?? image.info.user;
    this.cwd = normalizePath(config.workingDir || image.info.workingDir || '/');
    this.usage = new Usage(spec.usage, Math.floor(rng.next() * 0x7fffffff), this.startedAt);
    this.sys = new ContainerSystem(this, tools, config.hostname, config.podIP, uid, this.startedAt, config.network);
    this.argv = this.resolveArgv();
    this.start();
    this.inStart = false;
  }

  /** A clock task label of this container. */
  private label(what: string): TaskLabel {
    const c = this.config;
    return { component: this.component, key: (this.taskKey ??= `${c.namespace}/${c.podName}/${c.name}`), what };
  }

  /** The process environment every program starts with: image ENV, HOSTNAME, the kubelet's variables, HOME. */
  environment(): Map<string, string> {
    const env = new Map<string, string>();
    const info = this.image.info;
    for (const [k, v] of Object.entries(info.env)) env.set(k, v);
    env.set('HOSTNAME', this.config.hostname);
    for (const [k, v] of this.config.env) env.set(k, v);
    if (!env.has('HOME')) env.set('HOME', this.sys.uid === 0 ? '/root' : '/');
    return env;
  }

  /** The container's files: its writable layer, seeded when it started, with the volumes mounted. */
  filesystem(): ContainerFs {
    return (this.fsCache ??= new ContainerFs(this.layer, this.containerFiles(), this.config.mounts, this.clock, this.startedAt));
  }

  // ---- SystemHost: what the container's programs reach through their System ----

  now(): number {
    return this.clock.now();
  }

  random(): number {
    return this.rng.next();
  }

  setLoad(load: { memoryBytes?: number; cpuMillis?: number }): void {
    this.usage.setLoad(load);
    this.checkOom();
  }

  addCpuWork(ms: number): void {
    this.usage.addWork(this.clock.now(), ms);
    this.requestWork += ms;
  }

  spawn(run: ProgramRun): void {
    this.startThread(run, false);
  }

  private containerFiles(): Record<string, string> {
    const c = this.config;
    const hosts = c.hostsFile ?? `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${c.podIP}\t${c.hostname}\n`;
    const files: Record<string, string> = { '/etc/hostname': `${c.hostname}\n`, '/etc/hosts': hosts };
    if (c.resolvConf !== undefined) files['/etc/resolv.conf'] = c.resolvConf;
    files[c.terminationMessagePath || '/dev/termination-log'] = '';
    return files;
  }

  /** Mirrors the kubelet/CRI rule: command replaces ENTRYPOINT, args replace CMD. */
  private resolveArgv(): string[] {
    const { command, args } = this.config;
    const img = this.image.info;
    if (command && command.length) return [...command, ...(args ?? [])];
    return [...img.entrypoint, ...(args && args.length ? args : img.cmd)];
  }

  private mainIo(): Io {
    return { stdin: emptyReader, out: Container.writer(this, 'stdout'), err: Container.writer(this, 'stderr') };
  }

  /**
   * An output stream of the main process. Programs pass these around unbound, so they are closures;
   * anonymous ones, since a named closure costs a property store each under keepNames (tsx).
   */
  private static writer(c: Container, stream: 'stdout' | 'stderr'): (text: string) => void {
    return (text) => c.write(stream, text);
  }

  private write(stream: 'stdout' | 'stderr', text: string): void {
    if (this.exit || this.finishing) return;
    // Most writes are one whole line.
    const nl = text.indexOf('\n');
    if (nl === text.length - 1 && !this.partial?.[stream]) {
      this.logs.push({ time: this.clock.now(), stream, text: text.slice(0, -1) });
      if (this.logs.length > MAX_LOG_LINES * 1.2) this.logs.splice(0, this.logs.length - MAX_LOG_LINES);
      return;
    }
    const partial = (this.partial ??= { stdout: '', stderr: '' });
    if (nl < 0) {
      // `while true; do printf OK; done`: one line that never ends, kept in parts as containerd does.
      const buf = partial[stream] + text;
      if (buf.length < MAX_LOG_LINE) partial[stream] = buf;
      else {
        partial[stream] = '';
        for (let i = 0; i < buf.length; i += MAX_LOG_LINE) {
          const part = buf.slice(i, i + MAX_LOG_LINE);
          if (part.length < MAX_LOG_LINE) partial[stream] = part;
          else this.logs.push({ time: this.clock.now(), stream, text: part });
        }
      }
      if (this.logs.length > MAX_LOG_LINES * 1.2) this.logs.splice(0, this.logs.length - MAX_LOG_LINES);
      return;
    }
    const buf = partial[stream] + text;
    const parts = buf.split('\n');
    partial[stream] = parts.pop() ?? '';
    const time = this.clock.now();
    for (const line of parts) this.logs.push({ time, stream, text: line });
    if (this.logs.length > MAX_LOG_LINES * 1.2) this.logs.splice(0, this.logs.length - MAX_LOG_LINES);
  }

  private flushPartial(): void {
    const partial = this.partial;
    if (!partial) return;
    const time = this.clock.now();
    for (const stream of ['stdout', 'stderr'] as const) {
      if (partial[stream]) this.logs.push({ time, stream, text: partial[stream] });
      partial[stream] = '';
    }
  }

  private start(): void {
    const argv = this.argv;
    if (!argv.length) {
      this.finishWith(startError('failed to generate spec: no command specified'));
      return;
    }
    const program = this.sys.lookup(argv[0]);
    if (!program) {
      const why = argv[0].includes('/') ? `exec: "${argv[0]}": stat ${argv[0]}: no such file or directory` : `exec: "${argv[0]}": executable file not found in $PATH`;
      this.finishWith(startError(`failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${why}: unknown`));
      return;
    }
    this.checkOom();
    const r = this.invoke(program, argv, this.mainIo());
    if (typeof r === 'number') this.finish(r);
    else this.startThread(r, true);
  }

  private invoke(program: Program, argv: string[], io: Io): number | ProgramRun {
    return program(new ProgramCall(argv, this.cwd, io, this.sys, this));
  }

  private startThread(gen: ProgramRun, main: boolean, onDone?: (code: number) => void): Thread {
    const t: Thread = { gen, main, done: false, onDone };
    (this.threads ??= new Set()).add(t);
    this.step(t);
    return t;
  }

  private step(t: Thread): void {
    t.task = undefined;
    if (t.done || this.exit || this.finishing) return;
    let r: IteratorResult<Effect, number>;
    try {
      r = t.gen.next();
    } catch (e) {
      // A bug in a simulated program must not take the worker down: the process crashes instead.
      this.write('stderr', `runtime error: ${e instanceof Error ? e.message : String(e)}\n`);
      r = { done: true, value: 2 };
    }
    if (r.done) {
      t.done = true;
      this.threads?.delete(t);
      t.onDone?.(r.value);
      if (t.main) this.finish(r.value);
      return;
    }
    const effect = r.value;
    switch (effect.kind) {
      case 'sleep':
        t.task = this.clock.schedule(effect.ms, this.label(t.main ? 'process wake-up' : 'background wake-up'), () => this.step(t));
        return;
      case 'block':
        this.park(t);
        return;
      case 'serve':
        this.servers = this.servers.length ? [...this.servers, effect.server] : [effect.server];
        this.park(t);
        return;
      case 'exit':
        this.finish(effect.code);
    }
  }

  /** A blocked or serving thread is never stepped again: let it (and its generator) go. */
  private park(t: Thread): void {
    const threads = this.threads;
    if (threads?.delete(t) && threads.size === 0) this.threads = undefined;
  }

  private checkOom(): void {
    const limit = this.config.memoryLimitBytes;
    if (limit === undefined || this.oomTask || this.finishing || this.exit) return;
    if (this.usage.expectedMemoryBytes() <= limit) return;
    this.oomTask = this.clock.schedule(OOM_DELAY_MS, this.label('OOM kill'), () => {
      this.finishWith({ exitCode: 137, reason: 'OOMKilled' });
    });
  }

  private finish(code: number): void {
    this.finishWith({ exitCode: code, reason: code === 0 ? 'Completed' : 'Error' });
  }

  /** The process is gone: record the exit and tell the callers from a clock task. */
  private finishWith(exit: ContainerExit): void {
    if (this.finishing || this.exit) return;
    this.flushPartial();
    this.finishing = true;
    for (const t of this.threads ?? []) {
      this.clock.cancel(t.task);
      t.done = true;
    }
    this.threads = undefined;
    this.clock.cancel(this.oomTask);
    this.servers = NO_SERVERS;
    const message = exit.message ?? this.terminationMessage();
    const final: ContainerExit = message !== undefined ? { ...exit, message } : exit;
    // A process that ends while starting still takes a few ms to be reaped.
    const delay = this.inStart ? 1 + Math.floor(this.rng.next() * 9) : 0;
    this.clock.schedule(delay, this.label('container exited'), () => {
      this.exit = final;
      this.finishing = false;
      const callbacks = this.callbacks;
      this.callbacks = undefined;
      for (const cb of callbacks ?? []) cb(final);
    });
  }

  private terminationMessage(): string | undefined {
    const text = this.filesystem().read(this.config.terminationMessagePath || '/dev/termination-log');
    if (!text) return undefined;
    return text.length > MAX_TERMINATION_MESSAGE ? text.slice(0, MAX_TERMINATION_MESSAGE) : text;
  }

  // ---- ContainerProcess -------------------------------------------------

  memoryBytes(): number {
    if (this.exit) return 0;
    return this.usage.memoryBytes(this.clock.now());
  }

  cpuMillis(): number {
    if (this.exit) return 0;
    return this.usage.cpuMillis(this.clock.now(), this.config.cpuLimitMillis);
  }

  exited(): ContainerExit | undefined {
    return this.exit;
  }

  onExit(cb: (exit: ContainerExit) => void): void {
    if (this.exit) cb(this.exit);
    else if (this.callbacks) this.callbacks.push(cb);
    else this.callbacks = [cb];
  }

  private running(): boolean {
    return !this.exit && !this.finishing;
  }

  private serverOn(port: number): Server | undefined {
    const now = this.clock.now();
    return this.servers.find((s) => s.ports.includes(port) && (s.readyAt === undefined || now >= s.readyAt));
  }

  http(req: HttpRequest): HttpResponse | undefined {
    if (!this.running()) return undefined;
    const server = this.serverOn(req.port);
    if (!server?.http) return undefined;
    try {
      this.requestWork = 0;
      const res = server.http(req);
      const work = this.requestWork;
      this.requestWork = 0;
      if (!res || !work || res.elapsedMs !== undefined) return res;
      return { ...res, elapsedMs: HTTP_ROUND_TRIP_MS + this.serviceTime(work) };
    } catch (e) {
      this.write('stderr', `runtime error: ${e instanceof Error ? e.message : String(e)}\n`);
      return { status: 500, body: '' };
    }
  }

  listening(port: number): boolean {
    return this.running() && this.serverOn(port) !== undefined;
  }

  /**
   * Wall time of `work` CPU-ms. Within its CFS quota a request runs on a
   * whole core; a container asking for more than its limit is throttled, so
   * its requests stretch by demand ÷ limit and its usage stays at the limit.
   */
  private serviceTime(work: number): number {
    const limit = this.config.cpuLimitMillis;
    if (!limit) return work;
    return work * Math.max(1, this.usage.demandMillis(this.clock.now()) / limit);
  }

  signal(sig: 'TERM' | 'KILL'): void {
    if (!this.running()) return;
    if (sig === 'KILL') {
      this.finishWith({ exitCode: 137, reason: 'Error' });
      return;
    }
    if (this.stopping) return;
    // The newest server with a handler reacts; a process without one, as PID 1, ignores the signal.
    const server = [...this.servers].reverse().find((s) => s.stop);
    if (!server?.stop) return;
    this.stopping = true;
    const { afterMs, exitCode } = server.stop();
    this.clock.schedule(afterMs, this.label('stop'), () => {
      if (this.running()) this.finish(exitCode);
    });
  }

  processTable(): ProcessRow[] {
    const user = this.sys.uid === 0 ? 'root' : String(this.sys.uid);
    const rows: ProcessRow[] = [{ pid: 1, user, command: this.argv.join(' '), startedAt: this.startedAt }];
    let pid = 2;
    for (const s of this.servers) for (const c of s.children ?? []) rows.push({ pid: 27 + pid++, user, command: c, startedAt: this.startedAt });
    if (this.execRows) rows.push(...this.execRows.values());
    return rows;
  }

  private beginExec(command: string[]): { program?: Program; pid: number; error?: ExecResult } {
    if (!this.running()) return { pid: 0, error: { stdout: '', stderr: '', exitCode: 126, error: 'cannot exec in a stopped container: unknown' } };
    const program = command.length ? this.sys.lookup(command[0]) : undefined;
    if (!program) {
      const name = command[0] ?? '';
      const why = name.includes('/') ? `exec: "${name}": stat ${name}: no such file or directory` : `exec: "${name}": executable file not found in $PATH`;
      return { pid: 0, error: { stdout: '', stderr: '', exitCode: 126, error: `OCI runtime exec failed: exec failed: unable to start container process: ${why}: unknown` } };
    }
    const pid = this.nextPid++;
    (this.execRows ??= new Map()).set(pid, { pid, user: this.sys.uid === 0 ? 'root' : String(this.sys.uid), command: command.join(' '), startedAt: this.clock.now() });
    return { program, pid };
  }

  exec(command: string[], stdin?: string): ExecResult {
    const begun = this.beginExec(command);
    if (begun.error || !begun.program) return begun.error as ExecResult;
    let stdout = '';
    let stderr = '';
    const io: Io = { stdin: stringReader(stdin ?? ''), out: (s) => { stdout += s; }, err: (s) => { stderr += s; } };
    let exitCode: number;
    try {
      const r = this.invoke(begun.program, command, io);
      if (!isRun(r)) exitCode = r;
      else {
        exitCode = 137;
        for (let n = 0; n < SYNC_EXEC_MAX_EFFECTS; n++) {
          const step = r.next();
          if (step.done) {
            exitCode = step.value;
            break;
          }
          // Sleeps take no time here; anything that waits forever is cut off.
          if (step.value.kind !== 'sleep') break;
        }
      }
    } catch (e) {
      stderr += `runtime error: ${e instanceof Error ? e.message : String(e)}\n`;
      exitCode = 2;
    } finally {
      this.execRows?.delete(begun.pid);
    }
    return { stdout, stderr, exitCode };
  }

  execOnClock(command: string[], done: (result: ExecResult) => void, stdin?: string): { cancel(): void } {
    const begun = this.beginExec(command);
    if (begun.error || !begun.program) {
      const err = begun.error as ExecResult;
      this.clock.schedule(0, this.label('exec'), () => done(err));
      return { cancel: () => undefined };
    }
    let stdout = '';
    let stderr = '';
    let finished = false;
    const io: Io = { stdin: stringReader(stdin ?? ''), out: (s) => { stdout += s; }, err: (s) => { stderr += s; } };
    const complete = (exitCode: number): void => {
      if (finished) return;
      finished = true;
      this.execRows?.delete(begun.pid);
      const result = { stdout, stderr, exitCode };
      this.clock.schedule(0, this.label('exec'), () => done(result));
    };
    const r = this.invoke(begun.program, command, io);
    let thread: Thread | undefined;
    if (!isRun(r)) complete(r);
    else {
      thread = this.startThread(r, false, complete);
      // The container ending kills the exec'd process too.
      this.onExit(() => complete(137));
    }
    return {
      cancel: () => {
        if (thread) {
          this.clock.cancel(thread.task);
          thread.done = true;
          this.threads?.delete(thread);
        }
        finished = true;
        this.execRows?.delete(begun.pid);
      },
    };
  }
}
