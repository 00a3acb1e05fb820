/**
 * One pod on one node, from admission to its last container stopping
 * (pkg/kubelet/pod_workers.go, kubelet.go syncPod/syncTerminatingPod and
 * kuberuntime_manager.go computePodActions/SyncPod). `sync` is idempotent:
 * it looks at what the runtime has, starts the next step, and relies on
 * being called again when something finishes (a pull, an exit, a probe).
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { Task } from '../../clock/clock';
import type { KubeObject } from '../../api/object';
import type { Volume } from '../runtime/types';
import { containerKind, findRecord, isRunning, newRecord, newest, type ContainerRecord } from './containerState';
import { generatePodStatus, type Status } from './podStatus';
import { setUpVolumes } from './volumes';
import { startContainer } from './containerStart';
import { killContainer } from './containerKill';
import { writePodStatus } from './statusWriter';
import type { KubeletServices } from './services';
import type { DownwardContext } from './fieldRefs';

/** Sandbox creation: CNI set-up and the pause container. */
export const SANDBOX_MS = 250;
/** The pod worker's requeue after a failed sync (backOffPeriod, without jitter). */
export const ERROR_RESYNC_MS = 10_000;
/** A PLEG relist notices runtime changes within a second. */
export const PLEG_MS = 1_000;
/** Volume retries: 500 ms doubling to 2m2s (nestedpendingoperations). */
const MOUNT_RETRY_INITIAL_MS = 500;
const MOUNT_RETRY_MAX_MS = 122_000;
/** Atomic-writer volumes are refreshed at most this often (the kubelet's periodic sync). */
const VOLUME_REFRESH_MS = 60_000;
/** killContainer never gives less than this (minimumGracePeriodInSeconds). */
export const MIN_GRACE_SECONDS = 2;

export class PodWorker {
  readonly uid: string;
  readonly key: string;
  pod: Pod;
  /** Static pods: the mirror pod in the API, where status is written. */
  mirror?: Pod;
  readonly records = new Map<string, ContainerRecord>();
  sandbox?: { ip: string; hostNetwork: boolean };
  private sandboxTask?: Task;
  private volumes = new Map<string, Volume>();
  private volumesAt = -Infinity;
  private mountFailures = 0;
  private terminating?: { deadline: number };
  /** Every container stopped, sandbox gone. */
  terminated = false;
  /** Nothing more to do: the pod is gone from the API (or never to be touched again). */
  finished = false;
  private orphaned = false;
  private failure?: { reason: string; message: string };

  constructor(
    private readonly svc: KubeletServices,
    pod: Pod,
    readonly isStatic = false,
  ) {
    this.pod = pod;
    this.uid = pod.metadata!.uid!;
    this.key = `${pod.metadata!.namespace}/${pod.metadata!.name}`;
    const spec = pod.spec!;
    for (const c of spec.initContainers ?? []) this.records.set(`init:${c.name}`, newRecord(c, containerKind(c, true)));
    for (const c of spec.containers ?? []) this.records.set(`main:${c.name}`, newRecord(c, 'regular'));
  }

  /** `name_namespace(uid)`, as pkg/kubelet/util/format.Pod prints a pod. */
  get podDesc(): string {
    return `${this.pod.metadata!.name}_${this.pod.metadata!.namespace}(${this.uid})`;
  }

  /** The object events are recorded on. */
  eventObject(): KubeObject {
    return (this.isStatic && this.mirror ? this.mirror : this.pod) as unknown as KubeObject;
  }

  /** Is this pod holding node resources (for admission)? */
  get active(): boolean {
    return !this.terminated && !this.finished;
  }

  volumeFor(name: string): Volume | undefined {
    return this.volumes.get(name);
  }

  get podIP(): string | undefined {
    return this.sandbox?.ip;
  }

  downwardContext(): DownwardContext {
    return { pod: this.pod, hostIPs: this.svc.hostIPs, podIPs: this.sandbox ? [this.sandbox.ip] : [], node: this.svc.allocatable };
  }

  /** The pod vanished from the API (force-deleted): stop everything. */
  orphan(): void {
    this.orphaned = true;
  }

  sync(apiPod?: Pod): void {
    if (this.finished) return;
    if (!this.isStatic && apiPod) this.pod = apiPod;
    const deleting = this.orphaned || (!this.isStatic && !!this.pod.metadata?.deletionTimestamp);
    if (this.terminated) {
      if (deleting) this.finishDeletion();
      return;
    }
    if (deleting) this.beginTermination(this.deletionGrace());
    if (this.terminating) return this.syncTerminating();
    if (this.pastDeadline()) {
      this.failure = { reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' };
      this.svc.event(this.eventObject(), 'Normal', 'DeadlineExceeded', this.failure.message);
      this.beginTermination(this.specGrace());
      return this.syncTerminating();
    }
    if (!this.mountVolumes()) {
      this.writeStatus(false);
      return;
    }
    if (!this.sandbox) {
      this.createSandbox();
      this.writeStatus(false);
      return;
    }
    this.killUnhealthy();
    const done = this.startWhatIsDue();
    const status = this.writeStatus(false);
    if (!this.isStatic && (done || (status && (status.phase === 'Succeeded' || status.phase === 'Failed')))) {
      this.beginTermination(this.specGrace());
      this.syncTerminating();
    }
  }

  /** Schedule a sync of this pod. */
  wake(delayMs = 0): void {
    this.svc.enqueue(this.key, delayMs);
  }

  // ---- volumes and sandbox ----

  private mountVolumes(): boolean {
    const now = this.svc.clock.now();
    if (this.mountFailures === 0 && now - this.volumesAt < VOLUME_REFRESH_MS) return true;
    const r = setUpVolumes(this.pod, this.volumes, this.svc.objects, this.downwardContext(), this.svc.storage, this.svc.nodeName, now);
    this.volumes = r.volumes;
    if (r.failures.length === 0) {
      this.mountFailures = 0;
      this.volumesAt = now;
      return true;
    }
    // Volumes that mounted once stay mounted when a later refresh fails.
    if (this.volumesAt > -Infinity) return true;
    for (const f of r.failures) this.svc.event(this.eventObject(), 'Warning', 'FailedMount', `MountVolume.SetUp failed for volume "${f.volume}" : ${f.message}`);
    const delay = Math.min(MOUNT_RETRY_INITIAL_MS * 2 ** this.mountFailures, MOUNT_RETRY_MAX_MS);
    this.mountFailures++;
    this.wake(delay);
    return false;
  }

  private createSandbox(): void {
    if (this.sandboxTask) return;
    const hostNetwork = !!this.pod.spec?.hostNetwork;
    this.sandboxTask = this.svc.clock.schedule(SANDBOX_MS, { component: this.svc.component, key: this.key, what: 'create pod sandbox' }, () => {
      this.sandboxTask = undefined;
      if (this.terminating || this.finished) return;
      const ip = hostNetwork ? this.svc.hostIPs[0] : this.svc.ips.allocate(this.uid);
      if (!ip) {
        this.svc.event(
          this.eventObject(),
          'Warning',
          'FailedCreatePodSandBox',
          `Failed to create pod sandbox: plugin type="ptp" failed (add): failed to allocate for range 0: no IP addresses available in range set`,
        );
        this.wake(ERROR_RESYNC_MS);
        return;
      }
      this.sandbox = { ip, hostNetwork };
      this.wake();
    });
  }

  private teardownSandbox(): void {
    this.svc.clock.cancel(this.sandboxTask);
    this.sandboxTask = undefined;
    if (this.sandbox && !this.sandbox.hostNetwork) this.svc.ips.release(this.sandbox.ip);
    this.sandbox = undefined;
  }

  // ---- containers ----

  private restartPolicy(): string {
    return this.pod.spec?.restartPolicy ?? 'Always';
  }

  private specGrace(): number {
    return this.pod.spec?.terminationGracePeriodSeconds ?? 30;
  }

  private deletionGrace(): number {
    return this.pod.metadata?.deletionGracePeriodSeconds ?? this.specGrace();
  }

  private pastDeadline(): boolean {
    const ads = this.pod.spec?.activeDeadlineSeconds;
    const start = this.pod.status?.startTime;
    if (!ads || !start) return false;
    const deadline = Date.parse(start) + ads * 1000;
    const now = this.svc.clock.now();
    if (now >= deadline) return true;
    this.wake(deadline - now);
    return false;
  }

  /** computePodActions: containers that failed liveness/startup, or whose image changed, are killed. */
  private killUnhealthy(): void {
    for (const r of this.records.values()) {
      const inst = newest(r);
      if (!inst || inst.exit || inst.killing) continue;
      const restart = r.kind === 'sidecar' || this.restartPolicy() !== 'Never';
      if (r.probeFailure) {
        const probe = r.probeFailure === 'liveness' ? r.spec.livenessProbe : r.spec.startupProbe;
        const grace = probe?.terminationGracePeriodSeconds ?? this.specGrace();
        const msg = `Container ${r.spec.name} failed ${r.probeFailure} probe${restart ? ', will be restarted' : ''}`;
        killContainer(this.svc, this, r, inst, grace, msg);
      } else if (this.currentSpec(r).image !== inst.specImage) {
        killContainer(this.svc, this, r, inst, this.specGrace(), `Container ${r.spec.name} definition changed, will be restarted`);
      }
    }
  }

  /** The container's spec as the pod has it now (only the image may change in place). */
  currentSpec(r: ContainerRecord): Container {
    const list = r.kind === 'regular' ? this.pod.spec?.containers : this.pod.spec?.initContainers;
    return list?.find((c) => c.name === r.spec.name) ?? r.spec;
  }

  private shouldRestart(r: ContainerRecord): boolean {
    const inst = newest(r);
    if (!inst) return true;
    if (!inst.exit) return false;
    if (r.kind === 'sidecar') return true;
    const policy = this.restartPolicy();
    if (policy === 'Never') return false;
    if (policy === 'OnFailure') return inst.exit.exitCode !== 0;
    // A container stopped for a definition change or a failed probe restarts too.
    return true;
  }

  /** Start what is due; returns whether the pod is done (initialized, no regular container to run again). */
  private startWhatIsDue(): boolean {
    for (const c of this.pod.spec?.initContainers ?? []) {
      const r = findRecord(this.records, true, c.name)!;
      const inst = newest(r);
      if (r.kind === 'sidecar') {
        if (inst && !inst.exit) {
          if (r.started) continue;
          return false;
        }
        const res = startContainer(this.svc, this, r);
        if (res === 'started' && r.started) continue;
        return false;
      }
      if (inst && !inst.exit) return false;
      if (inst?.exit && inst.exit.exitCode === 0) continue;
      if (inst?.exit && !this.shouldRestart(r)) return false;
      startContainer(this.svc, this, r);
      return false;
    }
    let keep = 0;
    for (const c of this.pod.spec?.containers ?? []) {
      const r = findRecord(this.records, false, c.name)!;
      if (isRunning(r)) keep++;
      else if (this.shouldRestart(r)) {
        keep++;
        startContainer(this.svc, this, r);
      }
    }
    // computePodActions: nothing left to run or restart, so the pod is killed (sidecars included).
    return keep === 0;
  }

  // ---- termination ----

  private beginTermination(graceSeconds: number): void {
    const now = this.svc.clock.now();
    const deadline = now + Math.max(0, graceSeconds) * 1000;
    if (this.terminating) {
      // A shorter grace period replaces a longer one (kubectl delete --grace-period after a delete).
      if (deadline < this.terminating.deadline) {
        this.terminating.deadline = deadline;
        for (const r of this.records.values()) {
          const inst = newest(r);
          if (!inst?.killing?.killTask || inst.exit) continue;
          this.svc.clock.cancel(inst.killing.killTask);
          inst.killing.killTask = this.svc.clock.schedule(Math.max(deadline - now, MIN_GRACE_SECONDS * 1000), { component: this.svc.component, key: this.key, what: `kill container ${r.spec.name}` }, () => {
            if (!inst.exit) inst.process.signal('KILL');
          });
        }
      }
      return;
    }
    this.terminating = { deadline };
    this.svc.clock.cancel(this.sandboxTask);
    this.sandboxTask = undefined;
  }

  /** Seconds of grace left for containers stopped now. */
  private remainingGrace(): number {
    const left = Math.ceil((this.terminating!.deadline - this.svc.clock.now()) / 1000);
    return Math.max(left, 0);
  }

  private syncTerminating(): void {
    const running = [...this.records.values()].filter(isRunning);
    // Regular containers stop first, sidecars after them in reverse order (KEP-753).
    const first = running.filter((r) => r.kind !== 'sidecar');
    const toStop = first.length ? first : running.reverse();
    for (const r of toStop) {
      const inst = newest(r)!;
      if (!inst.killing) killContainer(this.svc, this, r, inst, this.remainingGrace(), `Stopping container ${r.spec.name}`);
    }
    if (running.length) {
      this.writeStatus(false);
      return;
    }
    for (const r of this.records.values()) r.stopProbes?.();
    this.teardownSandbox();
    this.terminated = true;
    this.terminating = undefined;
    this.writeStatus(true);
    this.svc.images.forgetPod(this.uid);
    if (this.orphaned || this.pod.metadata?.deletionTimestamp) this.finishDeletion();
  }

  /** The last step of graceful deletion: the kubelet deletes the pod with grace 0 (status_manager.go). */
  private finishDeletion(): void {
    if (this.orphaned || this.isStatic) {
      this.finished = true;
      return;
    }
    const meta = this.pod.metadata!;
    const r = this.svc.api({
      verb: 'delete',
      group: '',
      version: 'v1',
      resource: 'pods',
      namespace: meta.namespace,
      name: meta.name,
      body: { apiVersion: 'v1', kind: 'DeleteOptions', gracePeriodSeconds: 0, preconditions: { uid: this.uid } },
    });
    if (r.status < 400 || r.status === 404 || r.status === 409) this.finished = true;
    else this.wake(ERROR_RESYNC_MS);
  }

  // ---- status ----

  /** Generate and write the pod status; returns what the API now has (undefined when nothing could be written). */
  writeStatus(podIsTerminal: boolean): Status | undefined {
    if (this.orphaned) return undefined;
    const target = this.isStatic ? this.mirror : this.pod;
    if (!target) return undefined;
    return writePodStatus(this.svc, target, (current) =>
      generatePodStatus({
        pod: this.isStatic ? ({ ...this.pod, status: current.status } as Pod) : current,
        records: this.records,
        sandboxReady: !!this.sandbox,
        hostIPs: this.svc.hostIPs,
        podIPs: this.sandbox ? [this.sandbox.ip] : [],
        podIsTerminal,
        isStatic: this.isStatic,
        failure: this.failure,
        timestamp: (ms) => this.svc.clock.timestamp(ms),
      }),
    );
  }

  /**
   * The eviction manager's killPodFunc (pkg/kubelet/eviction): the pod turns
   * Failed with reason Evicted and a DisruptionTarget condition, and its
   * containers stop with the given grace. False when the pod is already stopping.
   */
  evict(message: string, graceSeconds: number): boolean {
    if (this.isStatic || this.terminating || this.terminated || this.finished) return false;
    this.failure = { reason: 'Evicted', message };
    const now = this.svc.clock.timestamp();
    writePodStatus(this.svc, this.pod, (current) => {
      const status = { ...(current.status ?? {}) } as Status;
      const conditions = (status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
      conditions.unshift({ type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet', message, lastTransitionTime: now, lastProbeTime: null as unknown as string });
      return { ...status, conditions };
    });
    this.svc.event(this.eventObject(), 'Warning', 'Evicted', message);
    this.beginTermination(graceSeconds);
    this.syncTerminating();
    return true;
  }

  /**
   * Chaos: the container's process dies (SIGKILL from outside the kubelet,
   * exit 137), and the kubelet reacts as to any crash. Returns false when
   * there is no such running container.
   */
  crash(container?: string): boolean {
    const r = [...this.records.values()].find((x) => x.kind === 'regular' && (!container || x.spec.name === container));
    const inst = r && newest(r);
    if (!inst || inst.exit || inst.killing) return false;
    inst.process.signal('KILL');
    return true;
  }

  /** Per-container usage of running containers, for metrics. */
  usage(): { name: string; cpuMillis: number; memoryBytes: number }[] {
    const out: { name: string; cpuMillis: number; memoryBytes: number }[] = [];
    for (const r of this.records.values()) {
      const inst = newest(r);
      if (inst && !inst.exit) out.push({ name: r.spec.name, cpuMillis: inst.process.cpuMillis(), memoryBytes: inst.process.memoryBytes() });
    }
    return out;
  }
}
