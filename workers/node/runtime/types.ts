/**
 * The container runtime a kubelet drives (the CRI, reduced to what the
 * playground needs): images are pulled from a catalogue of well-known
 * images with their real behaviour, and containers run as simulated
 * processes on the virtual clock.
 */

export interface ImageInfo {
  /** Normalised reference: `docker.io/library/nginx:1.27`. */
  ref: string;
  /** `sha256:…` digest (stable per ref). */
  id: string;
  sizeBytes: number;
  /** Image ENTRYPOINT and CMD. */
  entrypoint: string[];
  cmd: string[];
  env: Record<string, string>;
  workingDir: string;
  /** Default user (uid) the image runs as. */
  user: number;
  exposedPorts: number[];
}

export type PullResult =
  | { ok: true; image: ImageInfo; durationMs: number }
  /** reason/message as the kubelet reports them (ErrImagePull). */
  | { ok: false; message: string };

export interface MountedFile {
  /** Absolute path inside the container. */
  path: string;
  read(): string | undefined;
  write?(content: string): void;
  readOnly: boolean;
}

/** A volume as the container sees it: a directory of files. */
export interface Volume {
  /** List entries directly below `dir` (relative to the volume root). */
  list(dir: string): string[];
  read(path: string): string | undefined;
  write(path: string, content: string): boolean;
  readOnly: boolean;
}

export interface ContainerConfig {
  podUid: string;
  podName: string;
  namespace: string;
  name: string;
  image: ImageInfo;
  /** Container command/args as in the pod spec (undefined = image default). */
  command?: string[];
  args?: string[];
  /** Fully resolved environment, in order. */
  env: [string, string][];
  workingDir?: string;
  hostname: string;
  podIP: string;
  /** Memory limit in bytes (OOMKilled past it), CPU limit in millicores; undefined = none. */
  memoryLimitBytes?: number;
  cpuLimitMillis?: number;
  runAsUser?: number;
  mounts: { path: string; volume: Volume; subPath?: string; readOnly: boolean }[];
  terminationMessagePath: string;
}

export interface LogLine {
  /** Virtual time (ms). */
  time: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface ContainerExit {
  exitCode: number;
  /** `Completed`, `Error`, `OOMKilled` */
  reason: string;
  /** Termination message (from terminationMessagePath) if any. */
  message?: string;
}

/** A running container. Time passes on the clock; the process schedules its own tasks. */
export interface ContainerProcess {
  readonly startedAt: number;
  readonly logs: readonly LogLine[];
  /** Current usage, for probes of memory limits and for metrics. */
  memoryBytes(): number;
  cpuMillis(): number;
  exited(): ContainerExit | undefined;
  /** Called once when the process ends by itself or by a signal. */
  onExit(cb: (exit: ContainerExit) => void): void;
  /** Run a command inside the container (kubectl exec, exec probes). */
  exec(command: string[], stdin?: string): ExecResult;
  /** An HTTP request to a port of this container (probes; service traffic later). */
  http(req: { method: string; path: string; port: number; headers?: Record<string, string> }): { status: number; body: string; headers?: Record<string, string> } | undefined;
  /** Is anything listening on this TCP port (tcpSocket probes)? */
  listening(port: number): boolean;
  /** SIGTERM: the process may take time to stop; SIGKILL: it stops now (exit 137). */
  signal(sig: 'TERM' | 'KILL'): void;
}

export interface ContainerRuntime {
  /** Resolve and "pull" an image; the caller waits `durationMs` on the clock before using it. */
  pull(imageRef: string): PullResult;
  /** Is the image already present on this node? */
  hasImage(imageRef: string): boolean;
  /** Start a container process now. */
  start(config: ContainerConfig): ContainerProcess;
}
