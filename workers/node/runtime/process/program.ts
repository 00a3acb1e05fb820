/**
 * What runs inside a container. A program is a function of its argv, stdio
 * and the container's system; long-running programs are generators that yield
 * effects (sleep, block, serve) which the container turns into clock tasks,
 * so a sleeping process costs one task per wake-up and a server costs none.
 */
import type { ContainerNetwork } from '../types';
import type { ContainerFs } from './filesystem';

export interface HttpRequest {
  method: string;
  path: string;
  port: number;
  headers?: Record<string, string>;
  body?: string;
  /** Address the request came from (kube-probe comes from the node). */
  clientIP?: string;
}

export interface HttpResponse {
  status: number;
  body: string;
  headers?: Record<string, string>;
  /**
   * Virtual time the answer took (CPU work at the container's CPU limit,
   * plus the round trip); clients that wait for it (wget, curl) sleep that long.
   */
  elapsedMs?: number;
}

/** A long-running listener. The program that yields it never returns until signalled. */
export interface Server {
  ports: number[];
  /** Virtual time from which the ports accept connections (slow starters such as cassandra). */
  readyAt?: number;
  http?(req: HttpRequest): HttpResponse | undefined;
  /** How the server reacts to its stop signal; undefined means it ignores it (PID 1 without a handler). */
  stop?(): { afterMs: number; exitCode: number };
  /** Extra rows for `ps` (nginx worker processes). */
  children?: string[];
}

export type Effect =
  | { kind: 'sleep'; ms: number }
  | { kind: 'block' }
  | { kind: 'serve'; server: Server }
  /** Exit the whole container now (os.Exit from a handler, `kill 1`). */
  | { kind: 'exit'; code: number };

export type ProgramRun = Generator<Effect, number, void>;

export interface Reader {
  readAll(): string;
  readLine(): string | undefined;
}

export interface Io {
  stdin: Reader;
  out(text: string): void;
  err(text: string): void;
}

export function stringReader(text: string): Reader {
  let pos = 0;
  return {
    readAll() {
      const rest = text.slice(pos);
      pos = text.length;
      return rest;
    },
    readLine() {
      if (pos >= text.length) return undefined;
      let end = text.indexOf('\n', pos);
      if (end === -1) end = text.length;
      const line = text.slice(pos, end);
      pos = end + 1;
      return line;
    },
  };
}

export const emptyReader: Reader = stringReader('');

export interface ProcessRow {
  pid: number;
  user: string;
  command: string;
  startedAt: number;
}

export type ShellFlavour = 'ash' | 'dash' | 'bash';

/** Which standard utilities an image ships. */
export type Toolset = 'busybox' | 'coreutils' | 'none';

/** The container as seen from inside: one per container, shared by all its processes. */
export interface System {
  now(): number;
  rng(): number;
  fs: ContainerFs;
  hostname: string;
  podIP: string;
  uid: number;
  toolset: Toolset;
  shell?: ShellFlavour;
  /** A program by name (`nginx`, `sh`, `ls`) or path, as PATH lookup would find it. */
  lookup(name: string): Program | undefined;
  processes(): ProcessRow[];
  network?: ContainerNetwork;
  /** HTTP to this container's own ports (localhost). */
  selfHttp(req: HttpRequest): HttpResponse | undefined;
  /** Is a TCP port of this container open (nc, readiness scripts)? */
  listening(port: number): boolean;
  /** Per-container state shared by its processes (redis data for redis-cli). */
  state: Map<string, unknown>;
  /** Virtual time the container started. */
  startedAt: number;
  /** Extra resource use the running program declares (stress, php-apache under load). */
  setLoad(load: { memoryBytes?: number; cpuMillis?: number }): void;
  /** Record CPU work done at this moment (requests served), in CPU-milliseconds. */
  addCpuWork(cpuMs: number): void;
  /** Run a generator concurrently (`cmd &`). */
  spawn(name: string, run: ProgramRun): void;
}

export interface ProgramContext {
  argv: string[];
  /** The process environment (exported variables). */
  env: Map<string, string>;
  cwd: string;
  io: Io;
  sys: System;
}

export type Program = (ctx: ProgramContext) => number | ProgramRun;

export function isRun(r: number | ProgramRun): r is ProgramRun {
  return typeof r !== 'number';
}
