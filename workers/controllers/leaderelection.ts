/**
 * Leader election for kube-controller-manager and kube-scheduler
 * (staging/src/k8s.io/client-go/tools/leaderelection/leaderelection.go with a
 * LeaseLock): each holds a coordination.k8s.io Lease in kube-system, renewed
 * every retryPeriod (2 s). Every renewal is a write, so a cluster's history
 * grows by one Lease revision per component every 2 s of virtual time (about
 * 1 write/s for the pair) — the price of showing what a real control plane does.
 */
import type { KubeObject } from '../api/object';
import type { Rng } from '../clock/prng';
import type { EventRecorder } from '../client/events';
import type { ApiCall, ComponentContext } from './context';
import { apiError, isNotFound } from './replicaset/apiError';

export interface LeaderElectionConfig {
  /** Lease name, also the component it elects (`kube-controller-manager`). */
  name: string;
  namespace?: string;
  /** holderIdentity: `<hostname>_<uuid>`. */
  identity: string;
  /** Event source of the LeaderElection event. */
  eventSource: string;
  leaseDurationSeconds?: number;
  renewDeadlineMs?: number;
  retryPeriodMs?: number;
}

/** wait.JitterUntil's factor for the acquire loop. */
const JITTER_FACTOR = 1.2;

interface LeaseSpec {
  holderIdentity?: string;
  leaseDurationSeconds?: number;
  acquireTime?: string;
  renewTime?: string;
  leaseTransitions?: number;
}

type Lease = KubeObject & { spec?: LeaseSpec };

export class LeaderElector {
  private readonly api: ApiCall;
  private readonly recorder: EventRecorder;
  private readonly namespace: string;
  private readonly leaseDuration: number;
  private readonly renewDeadline: number;
  private readonly retryPeriod: number;
  /** The record as last seen, and when it last changed (observedRecord, observedTime). */
  private observed: LeaseSpec | undefined;
  private observedTime = 0;
  private lastRenew = 0;
  private leading = false;

  constructor(
    private readonly ctx: ComponentContext,
    private readonly config: LeaderElectionConfig,
  ) {
    this.api = ctx.client(config.name);
    this.recorder = ctx.recorder(config.eventSource);
    this.namespace = config.namespace ?? 'kube-system';
    this.leaseDuration = (config.leaseDurationSeconds ?? 15) * 1000;
    this.renewDeadline = config.renewDeadlineMs ?? 10_000;
    this.retryPeriod = config.retryPeriodMs ?? 2_000;
    this.schedule(0, 'acquire', () => this.acquireLoop());
  }

  get isLeader(): boolean {
    return this.leading;
  }

  get identity(): string {
    return this.config.identity;
  }

  private schedule(delay: number, what: string, fn: () => void): void {
    this.ctx.clock.schedule(delay, { component: this.config.name, key: `${this.namespace}/${this.config.name}`, what: `leader election: ${what}` }, fn);
  }

  private acquireLoop(): void {
    if (this.tryAcquireOrRenew()) {
      this.leading = true;
      this.lastRenew = this.ctx.clock.now();
      this.recordEvent('became leader');
      this.schedule(this.retryPeriod, 'renew', () => this.renewLoop());
      return;
    }
    const jitter = this.retryPeriod * JITTER_FACTOR * (this.ctx.rng.int(1_000_000) / 1_000_000);
    this.schedule(this.retryPeriod + Math.floor(jitter), 'acquire', () => this.acquireLoop());
  }

  private renewLoop(): void {
    const now = this.ctx.clock.now();
    if (this.tryAcquireOrRenew()) this.lastRenew = now;
    else if (now - this.lastRenew >= this.renewDeadline) {
      // Upstream the process exits and restarts; here it goes back to campaigning.
      this.leading = false;
      this.schedule(this.retryPeriod, 'acquire', () => this.acquireLoop());
      return;
    }
    this.schedule(this.retryPeriod, 'renew', () => this.renewLoop());
  }

  private tryAcquireOrRenew(): boolean {
    const now = this.ctx.clock.now();
    const ts = this.ctx.clock.microTimestamp(now);
    const { name } = this.config;
    const target = { group: 'coordination.k8s.io', version: 'v1', resource: 'leases', namespace: this.namespace, name };
    const fresh: LeaseSpec = {
      holderIdentity: this.config.identity,
      leaseDurationSeconds: this.leaseDuration / 1000,
      acquireTime: ts,
      renewTime: ts,
      leaseTransitions: 0,
    };
    const got = this.api({ verb: 'get', ...target });
    const gerr = apiError(got);
    if (isNotFound(gerr)) {
      const body: Lease = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name, namespace: this.namespace }, spec: fresh };
      const r = this.api({ verb: 'create', ...target, name: undefined, body });
      if (apiError(r)) return false;
      this.observe(fresh, now);
      return true;
    }
    if (gerr) return false;
    const lease = got.body as Lease;
    const old = lease.spec ?? {};
    if (!this.observed || !sameRecord(this.observed, old)) this.observe(old, now);
    const holder = old.holderIdentity ?? '';
    if (holder !== '' && holder !== this.config.identity && this.observedTime + (old.leaseDurationSeconds ?? 0) * 1000 > now) return false;
    const spec: LeaseSpec =
      holder === this.config.identity
        ? { ...fresh, acquireTime: old.acquireTime, leaseTransitions: old.leaseTransitions }
        : { ...fresh, leaseTransitions: (old.leaseTransitions ?? 0) + 1 };
    const r = this.api({ verb: 'update', ...target, body: { ...lease, spec: { ...old, ...spec } } });
    if (apiError(r)) return false;
    this.observe(spec, now);
    return true;
  }

  private observe(spec: LeaseSpec, now: number): void {
    this.observed = { ...spec };
    this.observedTime = now;
  }

  private recordEvent(what: string): void {
    const lease: KubeObject = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: this.config.name, namespace: this.namespace } };
    const got = this.api({ verb: 'get', group: 'coordination.k8s.io', version: 'v1', resource: 'leases', namespace: this.namespace, name: this.config.name });
    const cur = apiError(got) ? lease : { ...lease, metadata: { ...lease.metadata, uid: (got.body as Lease).metadata.uid, resourceVersion: (got.body as Lease).metadata.resourceVersion } };
    this.recorder.event(cur, 'Normal', 'LeaderElection', `${this.config.identity} ${what}`);
  }
}

function sameRecord(a: LeaseSpec, b: LeaseSpec): boolean {
  return (
    a.holderIdentity === b.holderIdentity &&
    a.leaseDurationSeconds === b.leaseDurationSeconds &&
    a.acquireTime === b.acquireTime &&
    a.renewTime === b.renewTime &&
    a.leaseTransitions === b.leaseTransitions
  );
}

/** uuid.NewUUID's text form, from the seeded PRNG. */
export function uuidFrom(rng: Rng): string {
  const hex = '0123456789abcdef';
  let out = '';
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) out += '-';
    else if (i === 14) out += '4';
    else if (i === 19) out += hex[8 + rng.int(4)];
    else out += hex[rng.int(16)];
  }
  return out;
}

/** The control plane's two elected components, on the node named `hostname`. */
export function startLeaderElection(ctx: ComponentContext, hostname = 'control-plane'): { controllerManager: LeaderElector; scheduler: LeaderElector } {
  return {
    controllerManager: new LeaderElector(ctx, { name: 'kube-controller-manager', identity: `${hostname}_${uuidFrom(ctx.rng)}`, eventSource: 'kube-controller-manager' }),
    scheduler: new LeaderElector(ctx, { name: 'kube-scheduler', identity: `${hostname}_${uuidFrom(ctx.rng)}`, eventSource: 'default-scheduler' }),
  };
}
