/** The container as its programs see it. A class, so thousands of containers share its methods. */
import type { ContainerNetwork } from '../types';
import type { ContainerFs } from './filesystem';
import type { HttpRequest, HttpResponse, Program, ProcessRow, ProgramRun, ShellFlavour, System, Toolset } from './program';
import { resolveProgram, type ImageTools } from './lookup';

/** What the system needs from the container that owns it. */
export interface SystemHost {
  now(): number;
  random(): number;
  processTable(): ProcessRow[];
  http(req: HttpRequest): HttpResponse | undefined;
  listening(port: number): boolean;
  setLoad(load: { memoryBytes?: number; cpuMillis?: number }): void;
  addCpuWork(ms: number): void;
  spawn(run: ProgramRun): void;
  /** The container's files, built on first use. */
  filesystem(): ContainerFs;
}

export class ContainerSystem implements System {
  private stateMap?: Map<string, unknown>;
  readonly toolset: Toolset;
  readonly shell?: ShellFlavour;

  constructor(
    private readonly host: SystemHost,
    private readonly tools: ImageTools,
    readonly hostname: string,
    readonly podIP: string,
    readonly uid: number,
    readonly startedAt: number,
    readonly network?: ContainerNetwork,
  ) {
    this.toolset = tools.toolset;
    this.shell = tools.shell;
  }

  get fs(): ContainerFs {
    return this.host.filesystem();
  }

  get state(): Map<string, unknown> {
    return (this.stateMap ??= new Map());
  }

  now(): number {
    return this.host.now();
  }

  rng(): number {
    return this.host.random();
  }

  lookup(name: string): Program | undefined {
    // Lookups by name or of an image's own program never read a file: the filesystem is built only for scripts.
    return resolveProgram(name, this.tools, this);
  }

  processes(): ProcessRow[] {
    return this.host.processTable();
  }

  selfHttp(req: HttpRequest): HttpResponse | undefined {
    return this.host.http(req);
  }

  listening(port: number): boolean {
    return this.host.listening(port);
  }

  setLoad(load: { memoryBytes?: number; cpuMillis?: number }): void {
    this.host.setLoad(load);
  }

  addCpuWork(cpuMs: number): void {
    this.host.addCpuWork(cpuMs);
  }

  spawn(_name: string, run: ProgramRun): void {
    this.host.spawn(run);
  }
}
