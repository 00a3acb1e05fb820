/**
 * The Deployment controller (pkg/controller/deployment/deployment_controller.go):
 * claims the ReplicaSets a Deployment selects, then per sync either refreshes
 * status (being deleted), reconciles sizes (paused or a scaling event), rolls
 * back (deprecated annotation), or rolls out with the Deployment's strategy.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { clone, jsonEqual, type OwnerReference } from '../../api/object';
import { selectorFromLabelSelector } from '../../api/selectors/labels';
import { CORE } from '../../client/factory';
import { keyOf, type Informer } from '../../client/informer';
import { CONTROLLER_REACTION_MS, WorkQueue, type SyncResult } from '../../client/workqueue';
import type { EventRecorder } from '../../client/events';
import type { ApiCall, ComponentContext } from '../context';
import { CONTROLLER_MANAGER } from '../replicaset';
import { claimObjects, controllerOf } from '../replicaset/controllerRef';
import { OwnerIndex } from '../replicaset/ownerIndex';
import type { Deployment, Pod, ReplicaSet } from '../replicaset/types';
import { DEPLOYMENT_CONTROLLER, updateDeploymentStatus, type DeploymentDecision, type DeploymentEnv } from './env';
import { rolloutRecreate } from './recreate';
import { rollback } from './rollback';
import { rolloutRolling } from './rolling';
import { checkPausedConditions, getRollbackTo, isScalingEvent, sync, syncStatusOnly, wireDeploymentStatus, type Err } from './sync';

export { DEPLOYMENT_CONTROLLER, type DeploymentDecision } from './env';

const APPS = (resource: string) => ({ group: 'apps', version: 'v1', resource });

export class DeploymentController {
  private readonly queue: WorkQueue;
  private readonly deployments: Informer<Deployment>;
  private readonly replicaSets: Informer<ReplicaSet>;
  private readonly rsIndex: OwnerIndex<ReplicaSet>;
  private readonly podIndex: OwnerIndex<Pod>;
  private readonly decisions = new Map<string, DeploymentDecision>();
  private readonly api: ApiCall;
  /** One recorder for the controller's life: it keeps event names unique and aggregates repeats. */
  private readonly recorder: EventRecorder;

  constructor(private readonly ctx: ComponentContext) {
    this.api = ctx.client(CONTROLLER_MANAGER);
    this.recorder = ctx.recorder(DEPLOYMENT_CONTROLLER);
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), { component: DEPLOYMENT_CONTROLLER, latencyMs: CONTROLLER_REACTION_MS });
    this.deployments = ctx.informers.for<Deployment>(APPS('deployments'));
    this.replicaSets = ctx.informers.for<ReplicaSet>(APPS('replicasets'));
    const pods = ctx.informers.for<Pod>(CORE('pods'));
    this.rsIndex = OwnerIndex.of(this.replicaSets);
    this.podIndex = OwnerIndex.of(pods);
    this.deployments.addEventHandler({
      add: (d) => this.queue.add(keyOf(d)),
      update: (_old, d) => this.queue.add(keyOf(d)),
      delete: (d) => this.queue.add(keyOf(d)),
    });
    this.replicaSets.addEventHandler({ add: (rs) => this.addReplicaSet(rs), update: (o, rs) => this.updateReplicaSet(o, rs), delete: (rs) => this.deleteReplicaSet(rs) });
    pods.addEventHandler({ delete: (p) => this.deletePod(p) });
  }

  /** What the last sync of `namespace/name` did. */
  lastDecision(key: string): DeploymentDecision | undefined {
    return this.decisions.get(key);
  }

  private resolveControllerRef(namespace: string | undefined, ref: OwnerReference): Deployment | undefined {
    if (ref.kind !== 'Deployment') return undefined;
    const d = this.deployments.get(namespace, ref.name);
    return d && d.metadata.uid === ref.uid ? d : undefined;
  }

  /** getDeploymentsForReplicaSet: Deployments in the namespace selecting this ReplicaSet's labels. */
  private deploymentsSelecting(rs: ReplicaSet): Deployment[] {
    return this.deployments.list(rs.metadata.namespace ?? '').filter((d) => {
      const r = selectorFromLabelSelector(d.spec.selector);
      return r.ok && !r.selector.empty() && r.selector.matches(rs.metadata.labels);
    });
  }

  private addReplicaSet(rs: ReplicaSet): void {
    if (rs.metadata.deletionTimestamp) {
      this.deleteReplicaSet(rs);
      return;
    }
    const ref = controllerOf(rs);
    if (ref) {
      const d = this.resolveControllerRef(rs.metadata.namespace, ref);
      if (d) this.queue.add(keyOf(d));
      return;
    }
    for (const d of this.deploymentsSelecting(rs)) this.queue.add(keyOf(d));
  }

  private updateReplicaSet(old: ReplicaSet, cur: ReplicaSet): void {
    if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return;
    const curRef = controllerOf(cur);
    const oldRef = controllerOf(old);
    const refChanged = !jsonEqual(curRef ?? null, oldRef ?? null);
    if (refChanged && oldRef) {
      const d = this.resolveControllerRef(old.metadata.namespace, oldRef);
      if (d) this.queue.add(keyOf(d));
    }
    if (curRef) {
      const d = this.resolveControllerRef(cur.metadata.namespace, curRef);
      if (d) this.queue.add(keyOf(d));
      return;
    }
    const labelChanged = !jsonEqual(cur.metadata.labels ?? {}, old.metadata.labels ?? {});
    if (labelChanged || refChanged) for (const d of this.deploymentsSelecting(cur)) this.queue.add(keyOf(d));
  }

  private deleteReplicaSet(rs: ReplicaSet): void {
    const ref = controllerOf(rs);
    if (!ref) return;
    const d = this.resolveControllerRef(rs.metadata.namespace, ref);
    if (d) this.queue.add(keyOf(d));
  }

  /** deletePod: a Recreate Deployment waits for its last pod to go before it scales up. */
  private deletePod(pod: Pod): void {
    const rsRef = controllerOf(pod);
    if (!rsRef || rsRef.kind !== 'ReplicaSet') return;
    const rs = this.replicaSets.get(pod.metadata.namespace, rsRef.name);
    if (!rs || rs.metadata.uid !== rsRef.uid) return;
    const dRef = controllerOf(rs);
    const d = dRef && this.resolveControllerRef(rs.metadata.namespace, dRef);
    if (!d || d.spec.strategy?.type !== 'Recreate') return;
    let pods = 0;
    for (const owned of this.rsIndex.owned(d.metadata.uid)) pods += this.podIndex.ownedCount(owned.metadata.uid);
    if (pods === 0) this.queue.add(keyOf(d));
  }

  private sync(key: string): SyncResult {
    const cached = this.deployments.getByKey(key);
    if (!cached) {
      this.decisions.delete(key);
      return;
    }
    const decision: DeploymentDecision = { scaledUp: [], scaledDown: [] };
    this.decisions.set(key, decision);
    const env: DeploymentEnv = {
      api: this.api,
      recorder: this.recorder,
      clock: this.ctx.clock,
      replicaSets: this.replicaSets,
      later: this.queue,
      decision,
    };
    const err = this.syncDeployment(env, clone(cached));
    if (err !== undefined) {
      decision.error = err;
      return { error: err };
    }
  }

  private syncDeployment(env: DeploymentEnv, d: Deployment): Err {
    const sel = d.spec.selector as LabelSelector | undefined;
    if (sel && Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0) {
      env.recorder.event(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
        updateDeploymentStatus(env, { ...d, status: wireDeploymentStatus({ ...(d.status ?? {}), observedGeneration: d.metadata.generation }) });
      }
      return undefined;
    }
    const claimed = this.getReplicaSetsForDeployment(env, d);
    if (claimed.error !== undefined) return claimed.error;
    const rsList = claimed.rsList;
    if (d.metadata.deletionTimestamp) {
      env.decision.action = 'status';
      return syncStatusOnly(env, d, rsList);
    }
    const pausedErr = checkPausedConditions(env, d);
    if (pausedErr !== undefined) return pausedErr;
    if (d.spec.paused) {
      env.decision.action = 'scale';
      return sync(env, d, rsList);
    }
    if (getRollbackTo(d) !== undefined) return rollback(env, d, rsList);
    const scaling = isScalingEvent(env, d, rsList);
    if (scaling.error !== undefined) return scaling.error;
    if (scaling.scaling) {
      env.decision.action = 'scale';
      return sync(env, d, rsList);
    }
    switch (d.spec.strategy?.type) {
      case 'Recreate':
        return rolloutRecreate(env, d, rsList, this.getPodMapForDeployment(d, rsList));
      case 'RollingUpdate':
        return rolloutRolling(env, d, rsList);
    }
    return `unexpected deployment strategy type: ${d.spec.strategy?.type ?? ''}`;
  }

  /** getReplicaSetsForDeployment: claim (adopt / release) by the Deployment's selector. */
  private getReplicaSetsForDeployment(env: DeploymentEnv, d: Deployment): { rsList: ReplicaSet[]; error?: string } {
    const r = selectorFromLabelSelector(d.spec.selector);
    if (!r.ok) return { rsList: [], error: `deployment ${d.metadata.namespace}/${d.metadata.name} has invalid label selector: ${r.error}` };
    const candidates = [...this.rsIndex.owned(d.metadata.uid), ...this.rsIndex.orphansIn(d.metadata.namespace ?? '')];
    const claim = claimObjects(candidates, {
      api: env.api,
      owner: d,
      ownerApiVersion: 'apps/v1',
      ownerKind: 'Deployment',
      ownerRef: APPS('deployments'),
      owned: { ...APPS('replicasets'), kind: 'ReplicaSet' },
      match: (rs) => r.selector.matches(rs.metadata.labels),
    });
    // Adopted ReplicaSets are re-read: the claim patched their owner references.
    const rsList = claim.claimed.map((rs) => this.replicaSets.getByKey(keyOf(rs)) ?? rs);
    return claim.error !== undefined ? { rsList, error: claim.error } : { rsList };
  }

  /** getPodMapForDeployment: the Deployment's pods grouped by owning ReplicaSet UID. */
  private getPodMapForDeployment(d: Deployment, rsList: ReplicaSet[]): Map<string, Pod[]> {
    const r = selectorFromLabelSelector(d.spec.selector);
    const map = new Map<string, Pod[]>();
    for (const rs of rsList) {
      const uid = rs.metadata.uid!;
      map.set(uid, r.ok ? this.podIndex.owned(uid).filter((p) => r.selector.matches(p.metadata.labels)) : []);
    }
    return map;
  }
}

/** Build the Deployment controller on a cluster's components (its informers start with the others). */
export function startDeploymentController(ctx: ComponentContext): DeploymentController {
  return new DeploymentController(ctx);
}
