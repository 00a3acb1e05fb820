/**
 * defaultStatefulSetControl (pkg/controller/statefulset/stateful_set_control.go):
 * revisions, then replicas in ordinal order (OrderedReady waits for each to
 * be Running and Ready; Parallel does not), then condemned pods from the
 * highest ordinal down, then the rolling update one pod at a time from the
 * highest ordinal down to the partition.
 */
import {
  ControllerHistory,
  findEqualRevisions,
  equalRevision,
  isApiError,
  newControllerRevision,
  nextRevision,
  sortRevisions,
  templatePatch,
  type ControllerRevision,
} from '../history';
import { slowStartBatch } from '../replicaset/slowStart';
import type { Pod } from '../replicaset/types';
import type { StatefulPodControl } from './podControl';
import type { StatefulSet, StatefulSetStatusView } from './types';
import {
  allowsBurst,
  applyRevision,
  endOrdinal,
  identityMatches,
  isCreated,
  isFailed,
  isPending,
  isRunningAndAvailable,
  isRunningAndReady,
  isSucceeded,
  isTerminating,
  isUnavailable,
  newVersionedStatefulSetPod,
  ordinalOf,
  podInOrdinalRange,
  podRevision,
  startOrdinal,
  statefulSetControllerRef,
  storageMatches,
} from './utils';

/** What one pass decided, for the timeline's narration. */
export interface StatefulSetDecision {
  want: number;
  created: string[];
  deleted: string[];
  /** The pod OrderedReady is waiting on, if any. */
  waitingFor?: string;
}

interface Revisions {
  current: ControllerRevision;
  update: ControllerRevision;
  collisionCount: number;
}

export class StatefulSetControl {
  constructor(
    private readonly pods: StatefulPodControl,
    private readonly history: ControllerHistory,
    private readonly now: () => number,
  ) {}

  /** getStatefulSetRevisions: find or create the update revision; the current one is named in status. */
  revisions(set: StatefulSet, revisions: ControllerRevision[]): Revisions | string {
    sortRevisions(revisions);
    const collision = { value: set.status?.collisionCount ?? 0 };
    const candidate = newControllerRevision(
      set,
      statefulSetControllerRef(set),
      set.spec.template?.metadata?.labels,
      templatePatch(set.spec.template),
      nextRevision(revisions),
      collision.value,
    );
    const equal = findEqualRevisions(revisions, candidate);
    let update: ControllerRevision;
    if (equal.length > 0 && equalRevision(revisions[revisions.length - 1], equal[equal.length - 1])) {
      update = revisions[revisions.length - 1];
    } else if (equal.length > 0) {
      // Rolling back to an older template reuses its revision with a new number.
      const r = this.history.updateRevision(equal[equal.length - 1], candidate.revision);
      if (isApiError(r)) return r.message;
      update = r;
    } else {
      const r = this.history.create(set, candidate, collision);
      if (isApiError(r)) return r.message;
      update = r;
    }
    const current = revisions.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
    return { current, update, collisionCount: collision.value };
  }

  /** updateStatefulSet: returns the status to record and the first error, if any. */
  update(set: StatefulSet, rev: Revisions, pods: readonly Pod[], decision: StatefulSetDecision): { status: StatefulSetStatusView; error?: string } {
    const now = this.now();
    const minReady = set.spec.minReadySeconds ?? 0;
    const currentSet = applyRevision(set, rev.current);
    const updateSet = applyRevision(set, rev.update);
    const status: StatefulSetStatusView = {
      observedGeneration: set.metadata.generation,
      currentRevision: rev.current.metadata.name,
      updateRevision: rev.update.metadata.name,
      collisionCount: rev.collisionCount,
    };
    const count = (...lists: (readonly Pod[])[]) => countStatus(status, minReady, now, rev, lists);
    count(pods);

    const replicaCount = set.spec.replicas ?? 1;
    const replicas: Pod[] = new Array(replicaCount);
    const condemned: Pod[] = [];
    const start = startOrdinal(set);
    for (const pod of pods) {
      if (podInOrdinalRange(pod, set)) replicas[ordinalOf(pod) - start] = pod;
      else if (ordinalOf(pod) >= 0) condemned.push(pod);
    }
    for (let ord = start; ord <= endOrdinal(set); ord++) {
      if (!replicas[ord - start]) replicas[ord - start] = newVersionedStatefulSetPod(currentSet, updateSet, rev.current.metadata.name!, rev.update.metadata.name!, ord);
    }
    condemned.sort((a, b) => ordinalOf(b) - ordinalOf(a));

    let firstUnavailable: Pod | undefined;
    for (const p of replicas) if (!firstUnavailable && isUnavailable(p, minReady, now)) firstUnavailable = p;
    for (let i = condemned.length - 1; i >= 0 && !firstUnavailable; i--) if (isUnavailable(condemned[i], minReady, now)) firstUnavailable = condemned[i];

    if (set.metadata.deletionTimestamp) return { status };
    const monotonic = !allowsBurst(set);

    const processReplica = (i: number): { exit: boolean; error?: string } => {
      const pod = replicas[i];
      if (isFailed(pod) || isSucceeded(pod)) {
        // A finished pod is replaced whatever its exit code; the new one comes once this one is gone.
        if (!pod.metadata.deletionTimestamp) {
          const err = this.pods.deletePod(set, pod);
          if (err) return { exit: true, error: err.message };
          decision.deleted.push(pod.metadata.name!);
        }
        return { exit: true };
      }
      if (!isCreated(pod)) {
        if (this.pods.podClaimIsStale(set, pod)) return { exit: true };
        const err = this.pods.createPod(set, pod);
        if (err) return { exit: true, error: err };
        decision.created.push(pod.metadata.name!);
        if (monotonic) return { exit: true };
        return { exit: false };
      }
      if (isPending(pod)) {
        const err = this.pods.createMissingClaims(set, pod);
        if (err) return { exit: true, error: err };
      }
      if (isTerminating(pod) && monotonic) {
        decision.waitingFor ??= pod.metadata.name;
        return { exit: true };
      }
      if ((!isRunningAndReady(pod) || !isRunningAndAvailable(pod, minReady, now)) && monotonic) {
        decision.waitingFor ??= pod.metadata.name;
        return { exit: true };
      }
      if (identityMatches(set, pod) && storageMatches(set, pod) && this.pods.claimsMatchRetentionPolicy(updateSet, pod)) return { exit: false };
      const err = this.pods.updatePod(updateSet, pod);
      return err ? { exit: true, error: err } : { exit: false };
    };

    const processCondemned = (i: number): { exit: boolean; error?: string } => {
      const pod = condemned[i];
      if (isTerminating(pod)) {
        if (monotonic) decision.waitingFor ??= pod.metadata.name;
        return { exit: monotonic };
      }
      if (monotonic && pod !== firstUnavailable && (!isRunningAndReady(pod) || !isRunningAndAvailable(pod, minReady, now))) {
        decision.waitingFor ??= firstUnavailable?.metadata.name;
        return { exit: true };
      }
      const err = this.pods.deletePod(set, pod);
      if (!err) decision.deleted.push(pod.metadata.name!);
      return { exit: true, error: err?.message };
    };

    const fixClaims = (i: number): { exit: boolean; error?: string } => {
      if (this.pods.claimsMatchRetentionPolicy(updateSet, condemned[i])) return { exit: false };
      const err = this.pods.updateClaimsForRetentionPolicy(updateSet, condemned[i]);
      return err ? { exit: true, error: err } : { exit: false };
    };

    for (const [list, fn] of [
      [replicas, processReplica],
      [condemned, fixClaims],
      [condemned, processCondemned],
    ] as const) {
      const r = runForAll(list.length, fn, monotonic);
      if (r.exit || r.error) {
        count(replicas, condemned);
        return { status, error: r.error };
      }
    }
    count(replicas, condemned);

    if (set.spec.updateStrategy?.type === 'OnDelete') return { status };

    // MaxUnavailableStatefulSet is alpha (off) in v1.32: one pod at a time, highest ordinal first.
    const updateMin = set.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
    for (let target = replicas.length - 1; target >= updateMin; target--) {
      const pod = replicas[target];
      if (podRevision(pod) !== rev.update.metadata.name && !isTerminating(pod)) {
        const err = this.pods.deletePod(set, pod);
        if (err && err.reason !== 'NotFound') return { status, error: err.message };
        if (!err) decision.deleted.push(pod.metadata.name!);
        status.currentReplicas = (status.currentReplicas ?? 0) - 1;
        return { status };
      }
      if (isUnavailable(pod, minReady, now)) {
        decision.waitingFor ??= pod.metadata.name;
        return { status };
      }
    }
    return { status };
  }

  /** truncateHistory: delete the oldest revisions no pod, current or update revision uses, beyond the limit. */
  truncateHistory(set: StatefulSet, pods: readonly Pod[], revisions: readonly ControllerRevision[], rev: Revisions | undefined): string | undefined {
    const live = new Set<string>();
    if (rev) {
      live.add(rev.current.metadata.name!);
      live.add(rev.update.metadata.name!);
    }
    for (const p of pods) live.add(podRevision(p));
    const old = revisions.filter((r) => !live.has(r.metadata.name!));
    const limit = set.spec.revisionHistoryLimit ?? 10;
    if (limit < 0 || old.length <= limit) return undefined;
    for (const r of old.slice(0, old.length - limit)) {
      const err = this.history.delete(r);
      if (err) return err.message;
    }
    return undefined;
  }
}

/** runForAll: in order, stopping at the first that blocks (monotonic), or in slow-start batches. */
function runForAll(n: number, fn: (i: number) => { exit: boolean; error?: string }, monotonic: boolean): { exit: boolean; error?: string } {
  if (monotonic) {
    for (let i = 0; i < n; i++) {
      const r = fn(i);
      if (r.exit || r.error) return { exit: true, error: r.error };
    }
    return { exit: false };
  }
  let next = 0;
  const r = slowStartBatch(n, 1, () => fn(next++).error);
  return r.error ? { exit: true, error: r.error } : { exit: false };
}

/** updateStatus / computeReplicaStatus over the given pod lists. */
function countStatus(status: StatefulSetStatusView, minReady: number, now: number, rev: Revisions, lists: (readonly Pod[])[]): void {
  status.replicas = 0;
  status.readyReplicas = 0;
  status.availableReplicas = 0;
  status.currentReplicas = 0;
  status.updatedReplicas = 0;
  for (const list of lists) {
    for (const pod of list) {
      if (isCreated(pod)) status.replicas++;
      if (isRunningAndReady(pod)) {
        status.readyReplicas++;
        if (isRunningAndAvailable(pod, minReady, now)) status.availableReplicas++;
      }
      if (isCreated(pod) && !isTerminating(pod)) {
        const r = podRevision(pod);
        if (r === rev.current.metadata.name) status.currentReplicas++;
        if (r === rev.update.metadata.name) status.updatedReplicas++;
      }
    }
  }
}
