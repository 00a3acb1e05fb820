/**
 * The StatefulSet controller (pkg/controller/statefulset/stateful_set.go):
 * pod and set events enqueue the set's key; `sync` claims the set's pods,
 * adopts orphan ControllerRevisions, runs the control loop and writes status.
 */
import type { KubeObject } from '../../api/object';
import { selectorFromLabelSelector, type Selector } from '../../api/selectors/labels';
import { CORE } from '../../client/factory';
import { keyOf, type Informer } from '../../client/informer';
import { CONTROLLER_REACTION_MS, WorkQueue, type SyncResult } from '../../client/workqueue';
import type { ApiCall, ComponentContext } from '../context';
import { ControllerHistory, type ControllerRevision } from '../history';
import { apiError } from '../replicaset/apiError';
import { claimObjects, controllerOf, newControllerRef } from '../replicaset/controllerRef';
import { OwnerIndex } from '../replicaset/ownerIndex';
import type { Pod } from '../replicaset/types';
import { StatefulSetControl, type StatefulSetDecision } from './control';
import { StatefulPodControl } from './podControl';
import type { Claim, StatefulSet, StatefulSetStatusView } from './types';
import { completeRollingUpdate, inconsistentStatus, isMemberOf, wireStatus } from './utils';

export const STATEFULSET_CONTROLLER = 'statefulset-controller';
const CONTROLLER_MANAGER = 'kube-controller-manager';
const SETS = { group: 'apps', version: 'v1', resource: 'statefulsets' } as const;

export class StatefulSetController {
  private readonly queue: WorkQueue;
  private readonly sets: Informer<StatefulSet>;
  private readonly pods: Informer<Pod>;
  private readonly podIndex: OwnerIndex<Pod>;
  private readonly revisionIndex: OwnerIndex<ControllerRevision>;
  private readonly api: ApiCall;
  private readonly control: StatefulSetControl;
  private readonly decisions = new Map<string, StatefulSetDecision>();

  constructor(private readonly ctx: ComponentContext) {
    this.api = ctx.client(CONTROLLER_MANAGER);
    const recorder = ctx.recorder(STATEFULSET_CONTROLLER);
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), { component: STATEFULSET_CONTROLLER, latencyMs: CONTROLLER_REACTION_MS });
    this.sets = ctx.informers.for<StatefulSet>(SETS);
    this.pods = ctx.informers.for<Pod>(CORE('pods'));
    const claims = ctx.informers.for<Claim>(CORE('persistentvolumeclaims'));
    const revisions = ctx.informers.for<ControllerRevision>({ group: 'apps', version: 'v1', resource: 'controllerrevisions' });
    this.podIndex = OwnerIndex.of(this.pods);
    this.revisionIndex = OwnerIndex.of(revisions);
    this.control = new StatefulSetControl(new StatefulPodControl(this.api, claims, recorder), new ControllerHistory(this.api), () => ctx.clock.now());
    this.sets.addEventHandler({
      add: (s) => this.queue.add(keyOf(s)),
      update: (_o, s) => this.queue.add(keyOf(s)),
      delete: (s) => this.queue.add(keyOf(s)),
    });
    this.pods.addEventHandler({
      add: (p) => this.onPod(p),
      update: (o, p) => {
        if (o.metadata.resourceVersion === p.metadata.resourceVersion) return;
        const oldRef = controllerOf(o);
        if (oldRef && oldRef.uid !== controllerOf(p)?.uid) this.onPod(o);
        this.onPod(p);
      },
      delete: (p) => this.onPod(p),
    });
  }

  lastDecision(key: string): StatefulSetDecision | undefined {
    return this.decisions.get(key);
  }

  private onPod(pod: Pod): void {
    const ref = controllerOf(pod);
    if (ref) {
      if (ref.kind !== 'StatefulSet') return;
      const set = this.sets.get(pod.metadata.namespace, ref.name);
      if (set && set.metadata.uid === ref.uid) this.queue.add(keyOf(set));
      return;
    }
    // An orphan wakes every set that might adopt it (getPodStatefulSets).
    for (const set of this.sets.list(pod.metadata.namespace ?? '')) {
      const sel = selectorOf(set);
      if (sel && !sel.empty() && sel.matches(pod.metadata.labels) && isMemberOf(set, pod)) this.queue.add(keyOf(set));
    }
  }

  private sync(key: string): SyncResult {
    const set = this.sets.getByKey(key);
    if (!set) {
      this.decisions.delete(key);
      return;
    }
    const selector = selectorOf(set);
    if (!selector) return; // an invalid selector is not retried (upstream: event and return nil)
    const adoptErr = this.adoptOrphanRevisions(set, selector);
    if (adoptErr) return { error: adoptErr };
    const ns = set.metadata.namespace ?? '';
    const claim = claimObjects([...this.podIndex.owned(set.metadata.uid), ...this.podIndex.orphansIn(ns)], {
      api: this.api,
      owner: set,
      ownerApiVersion: 'apps/v1',
      ownerKind: 'StatefulSet',
      ownerRef: SETS,
      owned: { group: '', version: 'v1', resource: 'pods', kind: 'Pod' },
      match: (p) => selector.matches(p.metadata.labels) && isMemberOf(set, p),
    });
    if (claim.error !== undefined) return { error: claim.error };
    const pods = claim.claimed;
    const decision: StatefulSetDecision = { want: set.spec.replicas ?? 1, created: [], deleted: [] };
    this.decisions.set(key, decision);

    const revisions = this.revisionIndex.owned(set.metadata.uid);
    const rev = this.control.revisions(set, revisions);
    if (typeof rev === 'string') return { error: rev };
    const { status, error } = this.control.update(set, rev, pods, decision);
    const statusErr = this.updateStatus(set, status);
    const truncErr = this.control.truncateHistory(set, pods, this.revisionIndex.owned(set.metadata.uid), rev);
    const firstErr = error ?? statusErr ?? truncErr;
    if (firstErr) return { error: firstErr };
    const mrs = set.spec.minReadySeconds ?? 0;
    // Look again once pods may have become available (+1 s: the virtual clock can land exactly on the boundary).
    if (mrs > 0 && (status.availableReplicas ?? 0) !== (set.spec.replicas ?? 1)) return { requeueAfter: mrs * 1000 + 1000 };
    return undefined;
  }

  /** AdoptOrphanRevisions: revisions matching the selector with no controller become ours. */
  private adoptOrphanRevisions(set: StatefulSet, selector: Selector): string | undefined {
    const orphans = this.revisionIndex.orphansIn(set.metadata.namespace ?? '').filter((r) => selector.matches(r.metadata.labels));
    if (orphans.length === 0 || set.metadata.deletionTimestamp) return undefined;
    const ref = newControllerRef(set, 'apps/v1', 'StatefulSet');
    for (const r of orphans) {
      const err = apiError(
        this.api({
          group: 'apps',
          version: 'v1',
          resource: 'controllerrevisions',
          verb: 'patch',
          namespace: r.metadata.namespace,
          name: r.metadata.name,
          contentType: 'application/strategic-merge-patch+json',
          body: { metadata: { ownerReferences: [ref], uid: r.metadata.uid } },
        }),
      );
      if (err && err.reason !== 'NotFound') return err.message;
    }
    return undefined;
  }

  /** updateStatefulSetStatus: complete a finished rolling update, write only on change, retry once on conflict. */
  private updateStatus(set: StatefulSet, status: StatefulSetStatusView): string | undefined {
    completeRollingUpdate(set, status);
    if (!inconsistentStatus(set, status)) return undefined;
    let current: KubeObject = set;
    for (let i = 0; i < 2; i++) {
      const r = this.api({ ...SETS, verb: 'update', namespace: set.metadata.namespace, name: set.metadata.name, subresource: 'status', body: { ...current, status: wireStatus(status) } });
      const err = apiError(r);
      if (!err) return undefined;
      if (err.reason !== 'Conflict' || i === 1) return err.message;
      const fresh = this.api({ ...SETS, verb: 'get', namespace: set.metadata.namespace, name: set.metadata.name });
      if (apiError(fresh)) return apiError(fresh)!.message;
      current = fresh.body as KubeObject;
    }
    return undefined;
  }
}

function selectorOf(set: StatefulSet): Selector | undefined {
  const r = selectorFromLabelSelector(set.spec.selector);
  return r.ok ? r.selector : undefined;
}

/** Build the StatefulSet controller on a cluster's components (its informers start with the others). */
export function startStatefulSetController(ctx: ComponentContext): StatefulSetController {
  return new StatefulSetController(ctx);
}
