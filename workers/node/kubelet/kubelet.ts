/**
 * The kubelet of one node (pkg/kubelet/kubelet.go): registers the Node,
 * posts its status and renews its Lease, watches the pods bound to the
 * node, admits them and runs one pod worker each, runs the control plane's
 * static pods on the control-plane node, and answers logs and exec.
 * Everything it does is a clock task of component `kubelet/<node>`.
 */
import type { Pod, PodSpec } from 'kubernetes-types/core/v1';
import type { Task } from '../../clock/clock';
import type { KubeObject } from '../../api/object';
import type { ApiRequest, ApiResponse, WatchEvent, WatchHandle } from '../../api/request';
import type { ComponentContext } from '../../controllers/context';
import { WorkQueue } from '../../client/workqueue';
import type { EventRecorder } from '../../client/events';
import type { ContainerNetwork, ContainerRuntime } from '../runtime/types';
import { nodeInternalIP, podCIDR, type NodeSpecInput } from '../nodeObject';
import { admitPod, type AdmitResult, type AdmittedPods } from './admission';
import { Backoff } from './backoff';
import { ImageManager } from './images';
import { PodIPAllocator } from './podIPs';
import { PodSource } from './podSource';
import { PodWorker } from './podWorker';
import { quantityOf } from './resources';
import type { KubeletServices } from './services';
import { createNodeStorage } from './volumes';
import { NodeStatusReporter, NODE_STATUS_UPDATE_MS } from './nodeStatus';
import { NodeLease, LEASE_RENEW_MS } from './nodeLease';
import { CONFIG_MIRROR, controlPlaneStaticPods, mirrorPodOf, type StaticPod } from './staticPods';
import { writePodStatus } from './statusWriter';
import { execCommand, execResponse, formatLogs, logInstance, parseLogOptions } from './logs';
import type { Status } from './podStatus';
import { containerId } from './containerStart';
import { ServiceEnvShare, TextShare } from './shares';
import type { EnvVars } from './env';
import { EvictionManager, EVICTION_MONITORING_MS, type EvictionCandidate } from './eviction';
import * as S from '../../api/status';

/** Crash back-off: 10 s doubling to MaxContainerBackOff (5 min). */
export const CRASH_BACKOFF_INITIAL_MS = 10_000;
export const CRASH_BACKOFF_MAX_MS = 300_000;
/** Registration retries (upstream backs off 100 ms to 7 s). */
const REGISTER_RETRY_MS = 7_000;

export type WatchFn = (req: ApiRequest, onEvent: (e: WatchEvent) => void) => WatchHandle | ApiResponse;

/** Service variables of a kubelet without a network (none). */
const NO_SERVICE_ENV: EnvVars = Object.freeze([]);

/** How often every pod is synced even without a change (upstream --sync-frequency). */
const SYNC_FREQUENCY_MS = 60_000;

export interface KubeletOptions extends NodeSpecInput {
  runtime: ContainerRuntime;
  /** Starts a watch on the API server (the kubelet's pods informer). */
  watch: WatchFn;
  /** Run the control plane's static pods (default: when `controlPlane`). */
  staticPods?: boolean;
  /** Service environment variables (service links), once something provides them. */
  serviceEnv?: (namespace: string, enableServiceLinks: boolean) => [string, string][];
  /** Outbound traffic of containers (the network layer), once something provides it. */
  network?: (nodeName: string, podIP: string) => ContainerNetwork | undefined;
}

export interface ContainerUsage {
  name: string;
  cpuMillis: number;
  memoryBytes: number;
}

export interface PodUsage {
  namespace: string;
  name: string;
  uid: string;
  containers: ContainerUsage[];
}

export class Kubelet {
  readonly nodeName: string;
  readonly component: string;
  private readonly svc: KubeletServices;
  private readonly recorder: EventRecorder;
  private readonly source: PodSource;
  private queue: WorkQueue | null = null;
  private readonly workers = new Map<string, PodWorker>();
  private readonly orphans = new Map<string, Set<PodWorker>>();
  private readonly statics = new Map<string, { sp: StaticPod; worker: PodWorker }>();
  private readonly rejected = new Set<string>();
  private up = false;
  private registered = false;
  /** The kubelet's own loops (registration, node status, lease), by name. */
  private loops = new Map<string, Task>();
  readonly nodeStatus: NodeStatusReporter;
  private readonly lease: NodeLease;
  readonly eviction: EvictionManager;
  /** Memory taken on the node outside any pod (chaos: a runaway process), bytes. */
  otherMemoryBytes = 0;

  constructor(
    private readonly ctx: ComponentContext,
    private readonly opts: KubeletOptions,
  ) {
    this.nodeName = opts.name;
    this.component = `kubelet/${opts.name}`;
    const api = ctx.client('kubelet');
    this.recorder = ctx.recorder('kubelet', opts.name);
    const clock = ctx.clock;
    const serviceEnvShare = new ServiceEnvShare();
    const textShare = new TextShare();
    this.svc = {
      nodeName: opts.name,
      component: this.component,
      clock,
      rng: ctx.rng,
      api,
      runtime: opts.runtime,
      images: new ImageManager(clock, opts.runtime, this.component),
      objects: {
        configMap: (namespace, name) => getObject(api, 'configmaps', namespace, name),
        secret: (namespace, name) => getObject(api, 'secrets', namespace, name),
        claim: (namespace, name) => getObject(api, 'persistentvolumeclaims', namespace, name),
        volume: (name) => getObject(api, 'persistentvolumes', undefined, name),
      },
      ips: new PodIPAllocator(podCIDR(opts.index)),
      storage: createNodeStorage(),
      crashBackoff: new Backoff(() => clock.now(), CRASH_BACKOFF_INITIAL_MS, CRASH_BACKOFF_MAX_MS),
      hostIPs: [nodeInternalIP(opts.index)],
      allocatable: {
        cpu: quantityOf('cpu', opts.cpu) ?? 0,
        memory: quantityOf('memory', opts.memory) ?? 0,
        pods: 110,
        ephemeralStorage: quantityOf('ephemeral-storage', '102625208Ki') ?? 0,
      },
      running: () => this.up,
      enqueue: (key, delayMs = 0) => this.queue?.addAfter(key, delayMs),
      event: (obj, type, reason, message) => this.recorder.event(obj, type, reason, message),
      serviceEnv: (ns, enable) => (opts.serviceEnv ? serviceEnvShare.share(ns, enable, opts.serviceEnv(ns, enable)) : NO_SERVICE_ENV),
      network: (podIP) => opts.network?.(opts.name, podIP),
      shareText: (text) => textShare.share(text),
    };
    this.eviction = new EvictionManager({
      now: () => clock.now(),
      capacityBytes: quantityOf('memory', opts.memory) ?? 0,
      otherBytes: () => this.otherMemoryBytes,
      candidates: () => this.evictionCandidates(),
    });
    this.nodeStatus = new NodeStatusReporter(clock, api, opts, opts.runtime.listImages ? () => opts.runtime.listImages!() : undefined, () => ({ memory: this.eviction.memoryPressure }));
    this.lease = new NodeLease(clock, api, opts.name, () => this.nodeStatus.uid);
    this.source = new PodSource({ handle: (r) => api(r), watch: opts.watch }, opts.name, (key) => this.queue?.add(key));
    if (opts.staticPods ?? opts.controlPlane) {
      for (const sp of controlPlaneStaticPods(opts.name, nodeInternalIP(opts.index), clock.microTimestamp())) {
        const key = `${sp.pod.metadata!.namespace}/${sp.pod.metadata!.name}`;
        this.statics.set(key, { sp, worker: new PodWorker(this.svc, sp.pod, true) });
      }
    }
  }

  get running(): boolean {
    return this.up;
  }

  /** Start (or restart) the kubelet process. */
  start(): void {
    if (this.up) return;
    this.up = true;
    this.queue = new WorkQueue(this.ctx.clock, (key) => this.sync(key), { component: this.component });
    this.source.start();
    for (const key of [...this.workers.keys(), ...this.orphans.keys(), ...this.statics.keys()]) this.queue.add(key);
    this.loop('register node', 0, () => this.register());
  }

  /** Stop the kubelet process: containers keep running, nothing is synced, the lease goes stale. */
  stop(): void {
    if (!this.up) return;
    this.up = false;
    this.source.stop();
    this.queue?.shutDown();
    this.queue = null;
    for (const t of this.loops.values()) this.ctx.clock.cancel(t);
    this.loops.clear();
  }

  /** Run `fn` as task `what` after `ms`; a loop of the same name scheduled before is replaced. */
  private loop(what: string, ms: number, fn: () => void): void {
    this.ctx.clock.cancel(this.loops.get(what));
    this.loops.set(what, this.ctx.clock.schedule(ms, { component: this.component, key: this.nodeName, what }, fn));
  }

  private every(ms: number, what: string, fn: () => void): void {
    const tick = () => {
      if (!this.up) return;
      fn();
      this.loop(what, ms, tick);
    };
    this.loop(what, ms, tick);
  }

  private register(): void {
    if (!this.up) return;
    if (!this.registered) {
      if (!this.nodeStatus.register()) {
        this.loop('register node', REGISTER_RETRY_MS, () => this.register());
        return;
      }
      this.registered = true;
    } else this.nodeStatus.update(true);
    this.lease.renew();
    this.every(NODE_STATUS_UPDATE_MS, 'update node status', () => this.nodeStatus.update());
    this.every(LEASE_RENEW_MS, 'renew lease', () => this.lease.renew());
    // The periodic pod resync (--sync-frequency, 1 min): refreshes ConfigMap/Secret volumes among others.
    this.every(EVICTION_MONITORING_MS, 'eviction manager', () => this.synchronizeEviction());
    this.every(SYNC_FREQUENCY_MS, 'resync pods', () => {
      for (const key of this.workers.keys()) this.queue?.add(key);
    });
    for (const key of this.statics.keys()) this.queue?.add(key);
  }

  // ---- pods ----

  private sync(key: string): void {
    if (!this.up) return;
    const st = this.statics.get(key);
    if (st) return this.syncStatic(st);
    const pod = this.source.get(key);
    const live = this.workers.get(key);
    if (live && (!pod || pod.metadata?.uid !== live.uid)) {
      live.orphan();
      this.workers.delete(key);
      let set = this.orphans.get(key);
      if (!set) this.orphans.set(key, (set = new Set()));
      set.add(live);
    }
    const orphans = this.orphans.get(key);
    if (orphans) {
      for (const w of orphans) {
        w.sync();
        if (w.finished) orphans.delete(w);
      }
      if (!orphans.size) this.orphans.delete(key);
    }
    if (!pod) return;
    const uid = pod.metadata!.uid!;
    if (this.rejected.has(uid)) return;
    let w = this.workers.get(key);
    if (!w) {
      const phase = pod.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') return;
      if (pod.metadata?.annotations?.[CONFIG_MIRROR]) return;
      const pressure = this.eviction.admit(pod);
      if (!pressure.admit) return this.reject(pod, pressure);
      const admit = admitPod(pod.spec!, this.activeSpecs(), this.svc.allocatable);
      if (!admit.admit) return this.reject(pod, admit);
      w = new PodWorker(this.svc, pod);
      this.workers.set(key, w);
    }
    w.sync(pod);
    if (w.finished) this.workers.delete(key);
  }

  /** The pods holding node resources: counted at once, their specs listed only if admission compares requests. */
  private activeSpecs(): AdmittedPods {
    let length = this.statics.size;
    for (const w of this.workers.values()) if (w.active) length++;
    for (const set of this.orphans.values()) for (const w of set) if (w.active) length++;
    return { length, [Symbol.iterator]: () => this.eachActiveSpec() };
  }

  private *eachActiveSpec(): Generator<PodSpec> {
    for (const w of this.workers.values()) if (w.active) yield w.pod.spec!;
    for (const set of this.orphans.values()) for (const w of set) if (w.active) yield w.pod.spec!;
    for (const { worker } of this.statics.values()) yield worker.pod.spec!;
  }

  /** rejectPod: a Warning event and a Failed status with the admission reason. */
  private reject(pod: Pod, r: Extract<AdmitResult, { admit: false }>): void {
    this.rejected.add(pod.metadata!.uid!);
    this.recorder.event(pod as unknown as KubeObject, 'Warning', r.reason, r.message);
    writePodStatus(this.svc, pod, (current) => {
      const old = current.status ?? {};
      const status: Status = {
        phase: 'Failed',
        reason: r.reason,
        message: `Pod was rejected: ${r.message}`,
        startTime: old.startTime ?? this.ctx.clock.timestamp(),
      };
      const foreign = (old.conditions ?? []).filter((c) => !['PodScheduled', 'Ready', 'Initialized', 'ContainersReady', 'PodReadyToStartContainers'].includes(c.type));
      if (foreign.length) status.conditions = foreign;
      if (old.qosClass) status.qosClass = old.qosClass;
      return status;
    });
  }

  private syncStatic(st: { sp: StaticPod; worker: PodWorker }): void {
    const key = st.worker.key;
    let mirror = this.source.get(key);
    const api = this.svc.api;
    const meta = st.worker.pod.metadata!;
    if (mirror && (mirror.metadata?.annotations?.[CONFIG_MIRROR] !== st.sp.hash || mirror.metadata?.deletionTimestamp)) {
      api({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: meta.namespace, name: meta.name, body: { gracePeriodSeconds: 0, preconditions: { uid: mirror.metadata!.uid } } });
      mirror = undefined;
    }
    if (!mirror && this.nodeStatus.uid) {
      const r = api({ verb: 'create', group: '', version: 'v1', resource: 'pods', namespace: meta.namespace, body: mirrorPodOf(st.sp, this.nodeName, this.nodeStatus.uid) });
      if (r.status === 201) mirror = r.body as Pod;
    }
    st.worker.mirror = mirror;
    st.worker.sync();
  }

  /** The worker running the pod the API knows as `pod` (mirror pods map to their static pod). */
  workerFor(pod: { metadata?: { namespace?: string; name?: string; uid?: string } }): PodWorker | undefined {
    const key = `${pod.metadata?.namespace}/${pod.metadata?.name}`;
    const st = this.statics.get(key);
    if (st) return st.worker;
    const w = this.workers.get(key);
    if (w && (!pod.metadata?.uid || w.uid === pod.metadata.uid)) return w;
    for (const o of this.orphans.get(key) ?? []) if (o.uid === pod.metadata?.uid) return o;
    return undefined;
  }

  private evictionCandidates(): EvictionCandidate[] {
    const out: EvictionCandidate[] = [];
    const add = (w: PodWorker) => {
      if (!w.active) return;
      out.push({ pod: w.pod, containers: w.usage(), isStatic: w.isStatic, evict: (message, grace) => w.evict(message, grace) });
    };
    for (const { worker } of this.statics.values()) add(worker);
    for (const w of this.workers.values()) add(w);
    return out;
  }

  /** One eviction-manager pass; the node's MemoryPressure condition follows on the next status update, with its event. */
  private synchronizeEviction(): void {
    const before = this.eviction.memoryPressure;
    this.eviction.synchronize();
    const after = this.eviction.memoryPressure;
    if (before === after) return;
    this.nodeStatus.update();
    const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: this.nodeName, uid: this.nodeName } } as KubeObject;
    const reason = after ? 'NodeHasInsufficientMemory' : 'NodeHasSufficientMemory';
    this.recorder.event(node, 'Normal', reason, `Node ${this.nodeName} status is now: ${reason}`);
  }

  /** Remove a local volume's data from this node (the local-path provisioner's helper pod). */
  removeVolumeData(path: string): void {
    this.svc.storage.removeHostPath(path);
  }

  // ---- logs, exec, usage ----

  logs(pod: Pod, container: string, query: Record<string, string | undefined>): ApiResponse {
    const opts = parseLogOptions(query);
    if ('status' in opts) return opts;
    const w = this.workerFor(pod);
    const r = w?.records.get(`main:${container}`) ?? w?.records.get(`init:${container}`);
    const inst = logInstance(r, container, pod.metadata?.name ?? '', query.previous === 'true');
    if (typeof inst === 'string') return { status: 400, body: badRequest(inst) };
    return { status: 200, body: formatLogs(inst.process.logs, opts, this.ctx.clock.now()) };
  }

  exec(pod: Pod, container: string, query: Record<string, string | undefined>, body: unknown): ApiResponse {
    const cmd = execCommand(query, body);
    if ('status' in cmd) return cmd;
    const w = this.workerFor(pod);
    const r = w?.records.get(`main:${container}`) ?? w?.records.get(`init:${container}`);
    const inst = r?.instances[r.instances.length - 1];
    if (!inst || inst.exit) return { status: 400, body: badRequest(`container not found ("${container}")`) };
    const out = inst.process.exec(cmd.command, cmd.stdin);
    if (out.error) {
      // The CRI could not start the command: the kubelet's streaming server fails the exec (500).
      const id = containerId(this.svc);
      return { status: 500, body: S.internal(`Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": ${out.error}`) };
    }
    return execResponse(out);
  }

  /** Current cpu/memory of every running container on the node (for metrics and `kubectl top`). */
  usage(): PodUsage[] {
    const out: PodUsage[] = [];
    const add = (w: PodWorker) => {
      const containers = w.usage();
      if (containers.length) out.push({ namespace: w.pod.metadata!.namespace!, name: w.pod.metadata!.name!, uid: w.uid, containers });
    };
    for (const { worker } of this.statics.values()) add(worker);
    for (const w of this.workers.values()) add(w);
    return out;
  }
}

function badRequest(message: string) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'BadRequest', code: 400 };
}

function getObject(api: KubeletServices['api'], resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
  if (!name) return undefined;
  const r = api({ verb: 'get', group: '', version: 'v1', resource, namespace, name });
  return r.status === 200 ? (r.body as KubeObject) : undefined;
}

/** Start a kubelet for one node: it registers the Node and begins syncing at once. */
export function startKubelet(ctx: ComponentContext, opts: KubeletOptions): Kubelet {
  const k = new Kubelet(ctx, opts);
  k.start();
  return k;
}

