/**
 * The ReplicaSet controller (pkg/controller/replicaset/replica_set.go): keeps
 * `spec.replicas` pods that match the selector, creating them from the
 * template in slow-start batches and deleting the least useful first, adopts
 * matching orphans, releases pods that stopped matching, and reports status
 * through the status subresource. The ReplicationController controller is
 * this same code behind a `ReplicaKind` adapter, as upstream does.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { jsonEqual, type KubeObject, type OwnerReference } from '../api/object';
import { selectorFromLabelSelector, type Selector } from '../api/selectors/labels';
import { CORE } from '../client/factory';
import { keyOf, type Informer } from '../client/informer';
import { CONTROLLER_REACTION_MS, WorkQueue, type SyncResult } from '../client/workqueue';
import type { EventRecorder } from '../client/events';
import type { ApiCall, ComponentContext } from './context';
import { apiError, isNamespaceTerminating, isNotFound } from './replicaset/apiError';
import { claimObjects, controllerOf, newControllerRef } from './replicaset/controllerRef';
import { ControllerExpectations } from './replicaset/expectations';
import { OwnerIndex } from './replicaset/ownerIndex';
import { podFromTemplate } from './replicaset/podFromTemplate';
import { podsToDelete } from './replicaset/podRanking';
import { isPodActive, isPodReady, podKey } from './replicaset/podUtil';
import { calculateStatus, statusUnchanged, wireStatus } from './replicaset/replicaStatus';
import { SLOW_START_INITIAL_BATCH_SIZE, slowStartBatch } from './replicaset/slowStart';
import type { Pod, ReplicaOwner, ReplicaStatus } from './replicaset/types';

export const REPLICASET_CONTROLLER = 'replicaset-controller';
/** Writes go out under the controller manager's identity. */
export const CONTROLLER_MANAGER = 'kube-controller-manager';
/** BurstReplicas: at most this many creates or deletes per sync. */
export const BURST_REPLICAS = 500;
/** statusUpdateRetries: one re-read and retry after a failed status write. */
const STATUS_UPDATE_RETRIES = 1;

/** What differs between ReplicaSets and ReplicationControllers. */
export interface ReplicaKind {
  group: string;
  version: string;
  resource: string;
  kind: string;
  /** The workqueue's component (timeline label). */
  component: string;
  /** `source.component` of its events. */
  eventComponent: string;
  /** The pod selector as a LabelSelector (an RC's map becomes matchLabels). */
  selector(obj: ReplicaOwner): LabelSelector | null | undefined;
}

export const REPLICASET_KIND: ReplicaKind = {
  group: 'apps',
  version: 'v1',
  resource: 'replicasets',
  kind: 'ReplicaSet',
  component: REPLICASET_CONTROLLER,
  eventComponent: REPLICASET_CONTROLLER,
  selector: (rs) => (rs.spec.selector as LabelSelector | undefined) ?? null,
};

/** One sync's outcome, for the timeline's narration. */
export interface ReplicaDecision {
  want: number;
  have: number;
  created?: number;
  deleted?: string[];
  adopted?: string[];
  released?: string[];
  /** Expectations from an earlier sync are not yet observed: no creates or deletes. */
  waiting?: boolean;
  error?: string;
}

export interface ReplicaSetControllerOptions {
  burstReplicas?: number;
}

export class ReplicaSetController {
  readonly expectations: ControllerExpectations;
  private readonly queue: WorkQueue;
  private readonly owners: Informer<ReplicaOwner>;
  private readonly pods: Informer<Pod>;
  private readonly podIndex: OwnerIndex<Pod>;
  private readonly api: ApiCall;
  private readonly recorder: EventRecorder;
  private readonly decisions = new Map<string, ReplicaDecision>();
  private readonly apiVersion: string;
  private readonly burst: number;

  constructor(
    private readonly ctx: ComponentContext,
    private readonly kind: ReplicaKind = REPLICASET_KIND,
    opts: ReplicaSetControllerOptions = {},
  ) {
    this.burst = opts.burstReplicas ?? BURST_REPLICAS;
    this.apiVersion = kind.group ? `${kind.group}/${kind.version}` : kind.version;
    this.expectations = new ControllerExpectations(() => ctx.clock.now());
    this.api = ctx.client(CONTROLLER_MANAGER);
    this.recorder = ctx.recorder(kind.eventComponent);
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), { component: kind.component, latencyMs: CONTROLLER_REACTION_MS });
    this.owners = ctx.informers.for<ReplicaOwner>({ group: kind.group, version: kind.version, resource: kind.resource });
    this.pods = ctx.informers.for<Pod>(CORE('pods'));
    this.podIndex = OwnerIndex.of(this.pods);
    this.owners.addEventHandler({
      add: (rs) => this.queue.add(keyOf(rs)),
      update: (old, cur) => {
        if (old.metadata.uid !== cur.metadata.uid) this.expectations.delete(keyOf(old));
        this.queue.add(keyOf(cur));
      },
      delete: (rs) => {
        // A new object with the same name starts clean.
        this.expectations.delete(keyOf(rs));
        this.queue.add(keyOf(rs));
      },
    });
    this.pods.addEventHandler({ add: (p) => this.addPod(p), update: (o, p) => this.updatePod(o, p), delete: (p) => this.deletePod(p) });
  }

  /** What the last sync of `namespace/name` decided. */
  lastDecision(key: string): ReplicaDecision | undefined {
    return this.decisions.get(key);
  }

  private resolveControllerRef(namespace: string | undefined, ref: OwnerReference): ReplicaOwner | undefined {
    if (ref.kind !== this.kind.kind) return undefined;
    const rs = this.owners.get(namespace, ref.name);
    return rs && rs.metadata.uid === ref.uid ? rs : undefined;
  }

  /** getPodReplicaSets: the owners in the pod's namespace whose selector matches it. */
  private ownersSelecting(pod: Pod): ReplicaOwner[] {
    const out: ReplicaOwner[] = [];
    for (const rs of this.owners.list(pod.metadata.namespace ?? '')) {
      const sel = this.selectorOf(rs);
      if (sel && !sel.empty() && sel.matches(pod.metadata.labels)) out.push(rs);
    }
    return out;
  }

  private selectorOf(rs: ReplicaOwner): Selector | undefined {
    const r = selectorFromLabelSelector(this.kind.selector(rs));
    return r.ok ? r.selector : undefined;
  }

  private addPod(pod: Pod): void {
    if (pod.metadata.deletionTimestamp) {
      // A pod already being deleted is not the creation we wait for.
      this.deletePod(pod);
      return;
    }
    const ref = controllerOf(pod);
    if (ref) {
      const rs = this.resolveControllerRef(pod.metadata.namespace, ref);
      if (!rs) return;
      const key = keyOf(rs);
      this.expectations.creationObserved(key);
      this.queue.add(key);
      return;
    }
    for (const rs of this.ownersSelecting(pod)) this.queue.add(keyOf(rs));
  }

  private updatePod(old: Pod, cur: Pod): void {
    if (cur.metadata.resourceVersion === old.metadata.resourceVersion) return;
    const labelChanged = !jsonEqual(cur.metadata.labels ?? {}, old.metadata.labels ?? {});
    if (cur.metadata.deletionTimestamp) {
      // Graceful deletion: replace the pod now rather than when the kubelet is done.
      this.deletePod(cur);
      if (labelChanged) this.deletePod(old);
      return;
    }
    const curRef = controllerOf(cur);
    const oldRef = controllerOf(old);
    const refChanged = !jsonEqual(curRef ?? null, oldRef ?? null);
    if (refChanged && oldRef) {
      const rs = this.resolveControllerRef(old.metadata.namespace, oldRef);
      if (rs) this.queue.add(keyOf(rs));
    }
    if (curRef) {
      const rs = this.resolveControllerRef(cur.metadata.namespace, curRef);
      if (!rs) return;
      this.queue.add(keyOf(rs));
      const mrs = rs.spec.minReadySeconds ?? 0;
      // Look again once the pod has been ready long enough to count as available (+1s against skew).
      if (!isPodReady(old) && isPodReady(cur) && mrs > 0) this.queue.addAfter(keyOf(rs), mrs * 1000 + 1000);
      return;
    }
    if (labelChanged || refChanged) for (const rs of this.ownersSelecting(cur)) this.queue.add(keyOf(rs));
  }

  private deletePod(pod: Pod): void {
    const ref = controllerOf(pod);
    if (!ref) return;
    const rs = this.resolveControllerRef(pod.metadata.namespace, ref);
    if (!rs) return;
    const key = keyOf(rs);
    this.expectations.deletionObserved(key, podKey(pod));
    this.queue.add(key);
  }

  private sync(key: string): SyncResult {
    const rs = this.owners.getByKey(key);
    if (!rs) {
      this.expectations.delete(key);
      this.decisions.delete(key);
      return;
    }
    const needsSync = this.expectations.satisfied(key);
    const selector = this.selectorOf(rs);
    if (!selector) return; // an invalid selector selects nothing and is not retried
    const ns = rs.metadata.namespace ?? '';
    const candidates = [...this.podIndex.owned(rs.metadata.uid), ...this.podIndex.orphansIn(ns)].filter(isPodActive);
    const claim = claimObjects(candidates, {
      api: this.api,
      owner: rs,
      ownerApiVersion: this.apiVersion,
      ownerKind: this.kind.kind,
      ownerRef: this.kind,
      owned: { group: '', version: 'v1', resource: 'pods', kind: 'Pod' },
      match: (p) => selector.matches(p.metadata.labels),
    });
    const decision: ReplicaDecision = { want: rs.spec.replicas ?? 1, have: claim.claimed.length };
    if (claim.adopted.length) decision.adopted = claim.adopted;
    if (claim.released.length) decision.released = claim.released;
    this.decisions.set(key, decision);
    if (claim.error !== undefined) {
      decision.error = claim.error;
      return { error: claim.error };
    }
    let manageError: string | undefined;
    if (!needsSync) decision.waiting = true;
    else if (!rs.metadata.deletionTimestamp) manageError = this.manageReplicas(claim.claimed, rs, decision);
    const status = calculateStatus(rs, claim.claimed, manageError, this.ctx.clock.now(), this.ctx.clock.timestamp());
    const updated = this.updateStatus(rs, status);
    if (typeof updated === 'string') {
      decision.error = updated;
      return { error: updated };
    }
    if (manageError !== undefined) {
      decision.error = manageError;
      return { error: manageError };
    }
    const mrs = updated.spec.minReadySeconds ?? 0;
    const want = updated.spec.replicas ?? 1;
    // Look again once pods may have become available. Upstream waits minReadySeconds; on a virtual
    // clock a sync can fall exactly on the second a pod turned ready, where "ready + min < now" is
    // still false, so wait one second more (as updatePod does).
    if (mrs > 0 && (updated.status?.readyReplicas ?? 0) === want && (updated.status?.availableReplicas ?? 0) !== want) {
      this.queue.addAfter(key, mrs * 1000 + 1000);
    }
  }

  private manageReplicas(pods: Pod[], rs: ReplicaOwner, decision: ReplicaDecision): string | undefined {
    const key = keyOf(rs);
    const want = rs.spec.replicas ?? 1;
    let diff = pods.length - want;
    if (diff < 0) {
      diff = Math.min(-diff, this.burst);
      // Expect before creating: the informer may see a pod before its create returns.
      this.expectations.expectCreations(key, diff);
      const ref = newControllerRef(rs, this.apiVersion, this.kind.kind);
      const r = slowStartBatch(diff, SLOW_START_INITIAL_BATCH_SIZE, () => this.createPod(rs, ref));
      decision.created = r.successes;
      // Creations never attempted (or refused) will not be observed.
      for (let i = r.successes; i < diff; i++) this.expectations.creationObserved(key);
      return r.error;
    }
    if (diff > 0) {
      diff = Math.min(diff, this.burst);
      const doomed = podsToDelete(pods, this.relatedPods(rs), diff, this.ctx.clock.now());
      this.expectations.expectDeletions(key, doomed.map(podKey));
      let firstError: string | undefined;
      decision.deleted = [];
      for (const pod of doomed) {
        const err = this.deletePodFor(rs, pod);
        if (err === undefined) {
          decision.deleted.push(pod.metadata.name!);
          continue;
        }
        // The informer will not observe this deletion.
        this.expectations.deletionObserved(key, podKey(pod));
        if (err !== null) firstError ??= err;
      }
      return firstError;
    }
    return undefined;
  }

  /** RealPodControl.CreatePods: undefined on success, else the error (namespace termination counts as success). */
  private createPod(rs: ReplicaOwner, ref: OwnerReference): string | undefined {
    const template = rs.spec.template ?? {};
    if (Object.keys(template.metadata?.labels ?? {}).length === 0) return 'unable to create pods, no labels';
    const body = podFromTemplate(template, rs, ref);
    const r = this.api({ verb: 'create', group: '', version: 'v1', resource: 'pods', namespace: rs.metadata.namespace, body });
    const err = apiError(r);
    if (err) {
      if (isNamespaceTerminating(err)) return undefined;
      this.recorder.event(rs, 'Warning', 'FailedCreate', `Error creating: ${err.message}`);
      return err.message;
    }
    this.recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${(r.body as KubeObject).metadata.name}`);
    return undefined;
  }

  /** RealPodControl.DeletePod: undefined on success, null when already gone, else the error. */
  private deletePodFor(rs: ReplicaOwner, pod: Pod): string | null | undefined {
    const name = pod.metadata.name!;
    const err = apiError(this.api({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: rs.metadata.namespace, name }));
    if (err) {
      if (isNotFound(err)) return null;
      this.recorder.event(rs, 'Warning', 'FailedDelete', `Error deleting: ${err.message}`);
      return `unable to delete pods: ${err.message}`;
    }
    this.recorder.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
    return undefined;
  }

  /** getIndirectlyRelatedPods: pods of every owner sharing this one's controller (the Deployment's other ReplicaSets). */
  private relatedPods(rs: ReplicaOwner): Pod[] {
    const ctrl = controllerOf(rs);
    if (!ctrl) return [];
    const out: Pod[] = [];
    for (const other of this.owners.list(rs.metadata.namespace ?? '')) {
      if (controllerOf(other)?.uid !== ctrl.uid) continue;
      out.push(...this.podIndex.owned(other.metadata.uid));
    }
    return out;
  }

  /** updateReplicaSetStatus: write only on change, re-read and retry once on failure. */
  private updateStatus(rs: ReplicaOwner, status: ReplicaStatus): ReplicaOwner | string {
    if (statusUnchanged(rs, status)) return rs;
    const next = wireStatus({ ...status, observedGeneration: rs.metadata.generation });
    const { group, version, resource } = this.kind;
    let current: ReplicaOwner = rs;
    for (let i = 0; ; i++) {
      const r = this.api({
        verb: 'update',
        group,
        version,
        resource,
        namespace: rs.metadata.namespace,
        name: rs.metadata.name,
        subresource: 'status',
        body: { ...current, status: next },
      });
      const err = apiError(r);
      if (!err) return r.body as ReplicaOwner;
      if (i >= STATUS_UPDATE_RETRIES) return err.message;
      const fresh = this.api({ verb: 'get', group, version, resource, namespace: rs.metadata.namespace, name: rs.metadata.name });
      const getErr = apiError(fresh);
      if (getErr) return getErr.message;
      current = fresh.body as ReplicaOwner;
    }
  }
}

/** Build the ReplicaSet controller on a cluster's components (its informers start with the others). */
export function startReplicaSetController(ctx: ComponentContext, opts?: ReplicaSetControllerOptions): ReplicaSetController {
  return new ReplicaSetController(ctx, REPLICASET_KIND, opts);
}
