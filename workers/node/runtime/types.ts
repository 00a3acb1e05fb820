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
  /**
   * reason/message as the kubelet reports them. `reason` is `ErrImagePull`
   * unless the reference does not parse (`InvalidImageName`); absent means ErrImagePull.
   */
  | { ok: false; message: string; reason?: 'ErrImagePull' | 'InvalidImageName' };

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
  /** Delete a file (emptyDir, persistent volumes); absent = read-only semantics for `rm`. */
  remove?(path: string): boolean;
  /**
   * Entries are the kubelet atomic writer's symlinks into `..data`
   * (configMap, secret, downwardAPI, projected): `ls -l` shows them as links.
   */
  atomic?: boolean;
}

/**
 * The pod network as a container reaches it (provided by the network layer
 * later). Without it, names do not resolve: busybox `wget` prints
 * `wget: bad address 'x'`, as it does when DNS fails.
 */
export interface ContainerNetwork {
  /** DNS: A records for a name (search path applied by the caller), undefined = NXDOMAIN. */
  resolve(name: string): string[] | undefined;
  /** An HTTP request to ip:port; `error` when the TCP connection fails. */
  http(req: { method: string; ip: string; port: number; path: string; host: string; headers?: Record<string, string>; body?: string }):
    | { status: number; body: string; headers?: Record<string, string>; elapsedMs?: number }
    | { error: 'refused' | 'timeout' | 'unreachable' };
  /** Plain TCP connect (nc -z). */
  connect(ip: string, port: number): 'open' | 'refused' | 'timeout';
  /**
   * A DNS query as nslookup makes it (search path applied): the records of
   * the name that answered, CNAMEs and SRVs included. Optional: without it
   * nslookup prints only what `resolve` gives.
   */
  lookup?(name: string, type?: 'A' | 'SRV' | 'CNAME'): DnsLookup;
}

export type DnsRecord =
  | { type: 'A'; name: string; address: string }
  | { type: 'CNAME'; name: string; target: string }
  | { type: 'SRV'; name: string; priority: number; weight: number; port: number; target: string };

export interface DnsLookup {
  status: 'ok' | 'nxdomain' | 'timeout' | 'refused';
  /** The fully qualified name that answered (or the last one tried). */
  name: string;
  records: DnsRecord[];
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
  /** Fully resolved environment, in order (may be shared between containers: never mutated). */
  env: readonly (readonly [string, string])[];
  workingDir?: string;
  hostname: string;
  podIP: string;
  /** Memory limit in bytes (OOMKilled past it), CPU limit in millicores; undefined = none. */
  memoryLimitBytes?: number;
  cpuLimitMillis?: number;
  runAsUser?: number;
  mounts: { path: string; volume: Volume; subPath?: string; readOnly: boolean }[];
  terminationMessagePath: string;
  /** Outbound traffic from this container (wget, curl, nslookup, nc). */
  network?: ContainerNetwork;
  /** The kubelet-managed /etc/resolv.conf content, when known. */
  resolvConf?: string;
  /** The kubelet-managed /etc/hosts; by default generated from hostname and podIP as the kubelet does. */
  hostsFile?: string;
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
  /**
   * Set when the runtime could not start the command at all (no such
   * executable): the CRI returns an error instead of an exit code.
   */
  error?: string;
}

export interface ContainerExit {
  exitCode: number;
  /** `Completed`, `Error`, `OOMKilled`; `StartError` (exit 128) when the command does not exist. */
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
  /** Defined from the moment the onExit callbacks run (always inside a clock task). */
  exited(): ContainerExit | undefined;
  /**
   * Called once when the process ends by itself or by a signal. It always
   * runs from a clock task (component `runtime/<node>`), never synchronously
   * inside start()/signal()/exec(); registering after the exit calls back at once.
   */
  onExit(cb: (exit: ContainerExit) => void): void;
  /**
   * Run a command inside the container (kubectl exec, exec probes). Runs to
   * completion now: `sleep` inside it takes no virtual time.
   */
  exec(command: string[], stdin?: string): ExecResult;
  /** Like exec, but sleeps take virtual time; `done` is called from a clock task. */
  execOnClock?(command: string[], done: (result: ExecResult) => void, stdin?: string): { cancel(): void };
  /** An HTTP request to a port of this container (probes; service traffic later). */
  /**
   * `clientIP` is the source address (the node for kube-probe) as servers log it;
   * undefined means connection refused (nothing listening, or not HTTP).
   */
  http(req: { method: string; path: string; port: number; headers?: Record<string, string>; clientIP?: string; body?: string }): { status: number; body: string; headers?: Record<string, string>; elapsedMs?: number } | undefined;
  /** Is anything listening on this TCP port (tcpSocket probes)? */
  listening(port: number): boolean;
  /**
   * SIGTERM (the image's stop signal): the process may take time to stop, or
   * ignore it (a shell or `sleep` as PID 1 has no handler, so the kubelet
   * kills it after the grace period); SIGKILL: it stops at this virtual
   * instant (exit 137; onExit runs from a zero-delay task).
   */
  signal(sig: 'TERM' | 'KILL'): void;
}

export interface ContainerRuntime {
  /** Resolve and "pull" an image; the caller waits `durationMs` on the clock before using it. */
  pull(imageRef: string): PullResult;
  /** Is the image already present on this node? */
  hasImage(imageRef: string): boolean;
  /** Start a container process now. */
  start(config: ContainerConfig): ContainerProcess;
  /** Images present on the node, for Node.status.images. */
  listImages?(): { names: string[]; sizeBytes: number }[];
}
