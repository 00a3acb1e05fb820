/**
 * The DaemonSet controller (pkg/controller/daemon/daemon_controller.go): one
 * pod per node that should run it, aimed at its node through required node
 * affinity (the scheduler binds it), failed pods replaced with back-off,
 * pods on nodes that no longer fit removed, rolling updates, and status.
 */
import { selectorFromLabelSelector, type Selector } from '../../api/selectors/labels';
import { CORE } from '../../client/factory';
import { keyOf, type Informer } from '../../client/informer';
import { CONTROLLER_REACTION_MS, WorkQueue, type SyncResult } from '../../client/workqueue';
import type { EventRecorder } from '../../client/events';
import type { ApiCall, ComponentContext } from '../context';
import type { ControllerRevision } from '../history';
import { apiError, isNamespaceTerminating, isNotFound } from '../replicaset/apiError';
import { claimObjects, controllerOf, newControllerRef } from '../replicaset/controllerRef';
import { ControllerExpectations } from '../replicaset/expectations';
import { OwnerIndex } from '../replicaset/ownerIndex';
import { podFromTemplate } from '../replicaset/podFromTemplate';
import { isPodAvailable, isPodReady, podKey } from '../replicaset/podUtil';
import { slowStartBatch } from '../replicaset/slowStart';
import type { Pod } from '../replicaset/types';
import { cleanupHistory, constructHistory } from './history';
import { daemonPodTemplate, nodeShouldRunDaemonPod, replaceNodeNameAffinity, targetNodeName, templateGeneration } from './nodePlacement';
import { allowsSurge, byCreationAndPhase, isPodUpdated, rollingUpdate } from './rollingUpdate';
import type { DaemonSet, DaemonSetStatusView, Node } from './types';

export const DAEMONSET_CONTROLLER = 'daemonset-controller';
const CONTROLLER_MANAGER = 'kube-controller-manager';
const DAEMONSETS = { group: 'apps', version: 'v1', resource: 'daemonsets' } as const;
/** BurstReplicas of the DaemonSet controller. */
const BURST_REPLICAS = 250;
/** failedPodsBackoff: flowcontrol.NewBackOff(1s, 15m). */
const FAILED_BACKOFF_INITIAL_MS = 1000;
const FAILED_BACKOFF_MAX_MS = 15 * 60 * 1000;

export interface DaemonSetDecision {
  desired: number;
  created: string[];
  deleted: string[];
}

export class DaemonSetController {
  readonly expectations: ControllerExpectations;
  private readonly queue: WorkQueue;
  private readonly sets: Informer<DaemonSet>;
  private readonly nodes: Informer<Node>;
  private readonly pods: Informer<Pod>;
  private readonly podIndex: OwnerIndex<Pod>;
  private readonly revisionIndex: OwnerIndex<ControllerRevision>;
  private readonly api: ApiCall;
  private readonly recorder: EventRecorder;
  private readonly failedBackoff = new Map<string, { delay: number; at: number }>();
  private readonly decisions = new Map<string, DaemonSetDecision>();

  constructor(private readonly ctx: ComponentContext) {
    this.api = ctx.client(CONTROLLER_MANAGER);
    this.recorder = ctx.recorder(DAEMONSET_CONTROLLER);
    this.expectations = new ControllerExpectations(() => ctx.clock.now());
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), { component: DAEMONSET_CONTROLLER, latencyMs: CONTROLLER_REACTION_MS });
    this.sets = ctx.informers.for<DaemonSet>(DAEMONSETS);
    this.nodes = ctx.informers.for<Node>(CORE('nodes'));
    this.pods = ctx.informers.for<Pod>(CORE('pods'));
    const revisions = ctx.informers.for<ControllerRevision>({ group: 'apps', version: 'v1', resource: 'controllerrevisions' });
    this.podIndex = OwnerIndex.of(this.pods);
    this.revisionIndex = OwnerIndex.of(revisions);
    this.sets.addEventHandler({
      add: (ds) => this.queue.add(keyOf(ds)),
      update: (_o, ds) => this.queue.add(keyOf(ds)),
      delete: (ds) => {
        this.expectations.delete(keyOf(ds));
        this.queue.add(keyOf(ds));
      },
    });
    this.pods.addEventHandler({
      add: (p) => this.onPod(p, 'add'),
      update: (o, p) => {
        if (o.metadata.resourceVersion === p.metadata.resourceVersion) return;
        if (controllerOf(o)?.uid !== controllerOf(p)?.uid) this.onPod(o, 'update');
        this.onPod(p, p.metadata.deletionTimestamp && !o.metadata.deletionTimestamp ? 'delete' : 'update');
      },
      delete: (p) => this.onPod(p, 'delete'),
    });
    this.nodes.addEventHandler({
      add: (n) => this.onNode(undefined, n),
      update: (o, n) => this.onNode(o, n),
      delete: () => {
        for (const ds of this.sets.list()) this.queue.add(keyOf(ds));
      },
    });
  }

  lastDecision(key: string): DaemonSetDecision | undefined {
    return this.decisions.get(key);
  }

  private onPod(pod: Pod, what: 'add' | 'update' | 'delete'): void {
    const ref = controllerOf(pod);
    if (!ref) {
      if (what === 'delete') return;
      for (const ds of this.sets.list(pod.metadata.namespace ?? '')) {
        const sel = selectorOf(ds);
        if (sel && !sel.empty() && sel.matches(pod.metadata.labels)) this.queue.add(keyOf(ds));
      }
      return;
    }
    if (ref.kind !== 'DaemonSet') return;
    const ds = this.sets.get(pod.metadata.namespace, ref.name);
    if (!ds || ds.metadata.uid !== ref.uid) return;
    const key = keyOf(ds);
    if (what === 'add' && !pod.metadata.deletionTimestamp) this.expectations.creationObserved(key);
    if (what === 'delete' || pod.metadata.deletionTimestamp) this.expectations.deletionObserved(key, podKey(pod));
    this.queue.add(key);
  }

  /** addNode / updateNode: wake the DaemonSets whose placement on this node changed. */
  private onNode(old: Node | undefined, node: Node): void {
    for (const ds of this.sets.list()) {
      const now = nodeShouldRunDaemonPod(node, ds);
      if (!old) {
        if (now.shouldRun) this.queue.add(keyOf(ds));
        continue;
      }
      const before = nodeShouldRunDaemonPod(old, ds);
      if (before.shouldRun !== now.shouldRun || before.shouldContinueRunning !== now.shouldContinueRunning) this.queue.add(keyOf(ds));
    }
  }

  private sortedNodes(): Node[] {
    return this.nodes.list().sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0));
  }

  private sync(key: string): SyncResult {
    const ds = this.sets.getByKey(key);
    if (!ds) {
      this.expectations.delete(key);
      this.decisions.delete(key);
      return;
    }
    const sel = ds.spec.selector;
    if (!sel || (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0)) {
      this.recorder.event(ds, 'Warning', 'SelectingAll', 'This daemon set is selecting all pods. A non-empty selector is required.');
      return;
    }
    if (ds.metadata.deletionTimestamp) return;
    const selector = selectorOf(ds);
    if (!selector) return;
    const hist = constructHistory(this.api, ds, this.revisionIndex.owned(ds.metadata.uid));
    if ('error' in hist) {
      if (hist.collision) this.bumpCollisionCount(ds);
      return { error: hist.error };
    }
    const hash = hist.cur.metadata.labels?.['controller-revision-hash'] ?? '';
    const nodes = this.sortedNodes();
    const decision: DaemonSetDecision = { desired: 0, created: [], deleted: [] };
    this.decisions.set(key, decision);

    const claim = this.claimPods(ds, selector);
    if (typeof claim === 'string') return { error: claim };
    if (!this.expectations.satisfied(key)) {
      const statusErr = this.updateStatus(ds, nodes, claim, hash, false, decision);
      return statusErr ? { error: statusErr } : undefined;
    }
    let err = this.manage(ds, nodes, claim, hash, decision);
    let requeueAfter = err === undefined ? this.pendingBackoff : undefined;
    this.pendingBackoff = undefined;
    let pods = this.ownedPods(ds);
    if (err === undefined && this.expectations.satisfied(key) && ds.spec.updateStrategy?.type === 'RollingUpdate') {
      const step = rollingUpdate(ds, nodes, nodeToDaemonPods(pods), hash, this.ctx.clock.now());
      err = this.syncNodes(ds, step.podsToDelete, step.nodesToCreate, hash, decision);
      pods = this.ownedPods(ds);
    }
    const cleanupErr = cleanupHistory(this.api, ds, hist.old, pods);
    const statusErr = this.updateStatus(ds, nodes, pods, hash, true, decision);
    const firstErr = err ?? cleanupErr ?? statusErr;
    if (firstErr) return { error: firstErr };
    const mrs = ds.spec.minReadySeconds ?? 0;
    if (mrs > 0 && (ds.status?.numberReady ?? 0) !== (ds.status?.numberAvailable ?? 0)) requeueAfter = Math.min(requeueAfter ?? Infinity, mrs * 1000 + 1000);
    return requeueAfter !== undefined ? { requeueAfter } : undefined;
  }

  private pendingBackoff: number | undefined;

  private claimPods(ds: DaemonSet, selector: Selector): Pod[] | string {
    const claim = claimObjects([...this.podIndex.owned(ds.metadata.uid), ...this.podIndex.orphansIn(ds.metadata.namespace ?? '')], {
      api: this.api,
      owner: ds,
      ownerApiVersion: 'apps/v1',
      ownerKind: 'DaemonSet',
      ownerRef: DAEMONSETS,
      owned: { group: '', version: 'v1', resource: 'pods', kind: 'Pod' },
      match: (p) => selector.matches(p.metadata.labels),
    });
    return claim.error ?? claim.claimed;
  }

  /** Claimed pods, minus terminal pods already being deleted (getDaemonPods without includeDeletedTerminal). */
  private ownedPods(ds: DaemonSet): Pod[] {
    return this.podIndex.owned(ds.metadata.uid).filter((p) => !(p.metadata.deletionTimestamp && (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed')));
  }

  /** manage: per node, decide whether a daemon pod is missing or surplus. */
  private manage(ds: DaemonSet, nodes: readonly Node[], claimed: readonly Pod[], hash: string, decision: DaemonSetDecision): string | undefined {
    const live = claimed.filter((p) => !(p.metadata.deletionTimestamp && (p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed')));
    const byNode = nodeToDaemonPods(live);
    const needing: string[] = [];
    const toDelete: string[] = [];
    const now = this.ctx.clock.now();
    for (const node of nodes) {
      const name = node.metadata.name!;
      const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
      const pods = byNode.get(name);
      if (shouldRun && !pods) {
        needing.push(name);
        continue;
      }
      if (shouldContinueRunning) {
        const running: Pod[] = [];
        for (const pod of pods ?? []) {
          if (pod.metadata.deletionTimestamp) continue;
          if (pod.status?.phase === 'Failed') {
            // Kubelets that reject a pod would make us fight them in a hot loop: back off per node.
            const bkey = `${ds.metadata.uid}/${name}`;
            const b = this.failedBackoff.get(bkey);
            if (b && now - b.at < b.delay) {
              this.pendingBackoff = Math.min(this.pendingBackoff ?? Infinity, b.delay);
              continue;
            }
            const delay = b && now - b.at <= 2 * FAILED_BACKOFF_MAX_MS ? Math.min(b.delay * 2, FAILED_BACKOFF_MAX_MS) : FAILED_BACKOFF_INITIAL_MS;
            this.failedBackoff.set(bkey, { delay, at: now });
            this.recorder.event(ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${name}, will try to kill it`);
            toDelete.push(pod.metadata.name!);
          } else if (pod.status?.phase === 'Succeeded') toDelete.push(pod.metadata.name!);
          else running.push(pod);
        }
        if (running.length <= 1) continue;
        running.sort(byCreationAndPhase);
        if (!allowsSurge(ds)) {
          for (const p of running.slice(1)) toDelete.push(p.metadata.name!);
          continue;
        }
        // With surge, keep at most the oldest new pod and the oldest old one.
        let oldestNew: Pod | undefined;
        let oldestOld: Pod | undefined;
        for (const p of running) {
          if (p.metadata.labels?.['controller-revision-hash'] === hash) {
            if (!oldestNew) {
              oldestNew = p;
              continue;
            }
          } else if (!oldestOld) {
            oldestOld = p;
            continue;
          }
          toDelete.push(p.metadata.name!);
        }
        if (oldestNew && oldestOld && (!isPodReady(oldestOld) || isPodAvailable(oldestNew, ds.spec.minReadySeconds ?? 0, now))) toDelete.push(oldestOld.metadata.name!);
        continue;
      }
      if (pods) for (const p of pods) if (!p.metadata.deletionTimestamp) toDelete.push(p.metadata.name!);
    }
    // Pods aimed at nodes that no longer exist and never got scheduled.
    const known = new Set(nodes.map((n) => n.metadata.name!));
    for (const [node, pods] of byNode) {
      if (known.has(node)) continue;
      for (const p of pods) if (!p.spec?.nodeName && !p.metadata.deletionTimestamp) toDelete.push(p.metadata.name!);
    }
    return this.syncNodes(ds, toDelete, needing, hash, decision);
  }

  /** syncNodes: create pods on nodes in slow-start batches and delete the given pods. */
  private syncNodes(ds: DaemonSet, podsToDelete: string[], nodesNeeding: string[], hash: string, decision: DaemonSetDecision): string | undefined {
    const key = keyOf(ds);
    const creates = nodesNeeding.slice(0, BURST_REPLICAS);
    const deletes = podsToDelete.slice(0, BURST_REPLICAS);
    const ns = ds.metadata.namespace ?? '';
    this.expectations.expectCreations(key, creates.length);
    const template = daemonPodTemplate(ds, hash);
    const ref = newControllerRef(ds, 'apps/v1', 'DaemonSet');
    let i = 0;
    const created = slowStartBatch(creates.length, 1, () => {
      const node = creates[i++];
      const t = { ...template, spec: { ...template.spec!, affinity: replaceNodeNameAffinity(template.spec?.affinity, node) } };
      const body = podFromTemplate(t, ds, ref);
      const r = this.api({ group: '', version: 'v1', resource: 'pods', verb: 'create', namespace: ns, body });
      const err = apiError(r);
      if (err) {
        this.expectations.creationObserved(key);
        if (isNamespaceTerminating(err)) return undefined;
        this.recorder.event(ds, 'Warning', 'FailedCreate', `Error creating: ${err.message}`);
        return err.message;
      }
      const name = (r.body as Pod).metadata.name!;
      decision.created.push(name);
      this.recorder.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`);
      return undefined;
    });
    // Creations never attempted will not be observed.
    for (let j = i; j < creates.length; j++) this.expectations.creationObserved(key);
    let firstErr = created.error;
    // Our informers see our own writes at once, so the creations are observed by now.
    if (deletes.length) this.expectations.expectDeletions(key, deletes.map((n) => `${ns}/${n}`));
    for (const name of deletes) {
      const err = apiError(this.api({ group: '', version: 'v1', resource: 'pods', verb: 'delete', namespace: ns, name }));
      if (err) {
        this.expectations.deletionObserved(key, `${ns}/${name}`);
        if (isNotFound(err)) continue;
        this.recorder.event(ds, 'Warning', 'FailedDelete', `Error deleting: ${err.message}`);
        firstErr ??= err.message;
        continue;
      }
      decision.deleted.push(name);
      this.recorder.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
    }
    return firstErr;
  }

  /** updateDaemonSetStatus / storeDaemonSetStatus. */
  private updateStatus(ds: DaemonSet, nodes: readonly Node[], pods: readonly Pod[], hash: string, updateObservedGen: boolean, decision: DaemonSetDecision): string | undefined {
    const byNode = nodeToDaemonPods(pods);
    const now = this.ctx.clock.now();
    const gen = templateGeneration(ds);
    let desired = 0;
    let current = 0;
    let misscheduled = 0;
    let ready = 0;
    let available = 0;
    let updated = 0;
    for (const node of nodes) {
      const shouldRun = nodeShouldRunDaemonPod(node, ds).shouldRun;
      const onNode = byNode.get(node.metadata.name!);
      if (!shouldRun) {
        if (onNode?.length) misscheduled++;
        continue;
      }
      desired++;
      if (!onNode?.length) continue;
      current++;
      const pod = [...onNode].sort(byCreationAndPhase)[0];
      if (isPodReady(pod)) {
        ready++;
        if (isPodAvailable(pod, ds.spec.minReadySeconds ?? 0, now)) available++;
      }
      if (isPodUpdated(pod, hash, gen)) updated++;
    }
    decision.desired = desired;
    const next: DaemonSetStatusView = {
      desiredNumberScheduled: desired,
      currentNumberScheduled: current,
      numberMisscheduled: misscheduled,
      numberReady: ready,
      updatedNumberScheduled: updated,
      numberAvailable: available,
      numberUnavailable: desired - available,
    };
    const cur = ds.status ?? {};
    const same = (Object.keys(next) as (keyof DaemonSetStatusView)[]).every((k) => (cur[k] ?? 0) === next[k]);
    if (same && (cur.observedGeneration ?? 0) >= (ds.metadata.generation ?? 0)) return undefined;
    let base: DaemonSet = ds;
    for (let i = 0; i < 2; i++) {
      const status = wireStatus({ ...(base.status ?? {}), ...next, observedGeneration: updateObservedGen ? ds.metadata.generation : base.status?.observedGeneration });
      const r = this.api({ ...DAEMONSETS, verb: 'update', namespace: ds.metadata.namespace, name: ds.metadata.name, subresource: 'status', body: { ...base, status } });
      const err = apiError(r);
      if (!err) return undefined;
      if (i === 1) return err.message;
      const fresh = this.api({ ...DAEMONSETS, verb: 'get', namespace: ds.metadata.namespace, name: ds.metadata.name });
      const getErr = apiError(fresh);
      if (getErr) return getErr.message;
      base = fresh.body as DaemonSet;
    }
    return undefined;
  }

  private bumpCollisionCount(ds: DaemonSet): void {
    const fresh = this.api({ ...DAEMONSETS, verb: 'get', namespace: ds.metadata.namespace, name: ds.metadata.name });
    if (apiError(fresh)) return;
    const cur = fresh.body as DaemonSet;
    if ((cur.status?.collisionCount ?? 0) !== (ds.status?.collisionCount ?? 0)) return;
    const status = { ...(cur.status ?? {}), collisionCount: (cur.status?.collisionCount ?? 0) + 1 };
    this.api({ ...DAEMONSETS, verb: 'update', namespace: ds.metadata.namespace, name: ds.metadata.name, subresource: 'status', body: { ...cur, status } });
  }
}

/** getNodesToDaemonPods: pods by the node they run on or are aimed at. */
function nodeToDaemonPods(pods: readonly Pod[]): Map<string, Pod[]> {
  const out = new Map<string, Pod[]>();
  for (const p of pods) {
    const node = targetNodeName(p);
    if (node === undefined) continue;
    let list = out.get(node);
    if (!list) out.set(node, (list = []));
    list.push(p);
  }
  return out;
}

/** The status as Go writes it: the four scheduling counts always, the rest when set. */
function wireStatus(s: DaemonSetStatusView): DaemonSetStatusView {
  const out: DaemonSetStatusView = {
    currentNumberScheduled: s.currentNumberScheduled ?? 0,
    numberMisscheduled: s.numberMisscheduled ?? 0,
    desiredNumberScheduled: s.desiredNumberScheduled ?? 0,
    numberReady: s.numberReady ?? 0,
  };
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration;
  if (s.updatedNumberScheduled) out.updatedNumberScheduled = s.updatedNumberScheduled;
  if (s.numberAvailable) out.numberAvailable = s.numberAvailable;
  if (s.numberUnavailable) out.numberUnavailable = s.numberUnavailable;
  if (s.collisionCount !== undefined) out.collisionCount = s.collisionCount;
  if (s.conditions?.length) out.conditions = s.conditions;
  return out;
}

function selectorOf(ds: DaemonSet): Selector | undefined {
  const r = selectorFromLabelSelector(ds.spec.selector);
  return r.ok ? r.selector : undefined;
}

/** Build the DaemonSet controller on a cluster's components (its informers start with the others). */
export function startDaemonSetController(ctx: ComponentContext): DaemonSetController {
  return new DaemonSetController(ctx);
}
