/**
 * The cluster as the autoscaler simulates it (cluster-autoscaler/simulator:
 * clustersnapshot, predicatechecker): NodeInfos built from the informers'
 * nodes and pods, hypothetical nodes added or removed, and the scheduler's
 * own PreFilter and Filter plugins run against them — the fit logic is the
 * scheduler's, not a copy.
 */
import type { KubeObject } from '../../api/object';
import type { ComponentContext } from '../../controllers/context';
import type { ResourceRef } from '../../client/informer';
import { CORE } from '../../client/factory';
import { Rng } from '../../clock/prng';
import { Framework } from '../../scheduler/framework';
import { NodeInfo } from '../../scheduler/nodeInfo';
import { newPodInfo, type PodInfo } from '../../scheduler/podInfo';
import { DEFAULT_PROFILE, DEFAULT_SCHEDULER_NAME } from '../../scheduler/registry';
import { isSuccess, unresolvable, type MaybeStatus } from '../../scheduler/status';
import { CycleState, type Handle, type ListerName } from '../../scheduler/types';

const REFS: Record<ListerName, ResourceRef> = {
  pods: CORE('pods'),
  nodes: CORE('nodes'),
  namespaces: CORE('namespaces'),
  services: CORE('services'),
  replicationcontrollers: CORE('replicationcontrollers'),
  persistentvolumeclaims: CORE('persistentvolumeclaims'),
  persistentvolumes: CORE('persistentvolumes'),
  replicasets: { group: 'apps', version: 'v1', resource: 'replicasets' },
  statefulsets: { group: 'apps', version: 'v1', resource: 'statefulsets' },
  storageclasses: { group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses' },
  poddisruptionbudgets: { group: 'policy', version: 'v1', resource: 'poddisruptionbudgets' },
};

/** A set of NodeInfos the autoscaler can change without touching the scheduler's cache. */
export class ClusterSnapshot {
  private nodes: NodeInfo[] = [];
  private readonly byName = new Map<string, NodeInfo>();

  static fromObjects(nodes: readonly KubeObject[], pods: readonly KubeObject[]): ClusterSnapshot {
    const s = new ClusterSnapshot();
    for (const n of nodes) s.addNode(n);
    for (const p of pods) {
      const nodeName = (p.spec as { nodeName?: string } | undefined)?.nodeName;
      const phase = (p.status as { phase?: string } | undefined)?.phase;
      if (!nodeName || phase === 'Succeeded' || phase === 'Failed') continue;
      s.byName.get(nodeName)?.addPod(newPodInfo(p));
    }
    return s;
  }

  list(): readonly NodeInfo[] {
    return this.nodes;
  }

  get(name: string): NodeInfo | undefined {
    return this.byName.get(name);
  }

  addNode(node: KubeObject, pods: readonly PodInfo[] = []): NodeInfo {
    const info = new NodeInfo(node.metadata.name!);
    info.setNode(node);
    for (const p of pods) info.addPod(p);
    this.addNodeInfo(info);
    return info;
  }

  addNodeInfo(info: NodeInfo): void {
    this.removeNode(info.name);
    this.nodes.push(info);
    this.byName.set(info.name, info);
  }

  removeNode(name: string): void {
    if (!this.byName.has(name)) return;
    this.byName.delete(name);
    this.nodes = this.nodes.filter((n) => n.name !== name);
  }

  /** Places a pod on a node of the snapshot (SchedulePod into the snapshot). */
  addPod(pod: PodInfo, node: string): void {
    this.byName.get(node)?.addPod(pod);
  }

  clone(): ClusterSnapshot {
    const s = new ClusterSnapshot();
    for (const n of this.nodes) s.addNodeInfo(n.clone());
    return s;
  }
}

/** The scheduler framework's PreFilter and Filter plugins, run over a snapshot (predicatechecker.SchedulerBasedPredicateChecker). */
export class PredicateChecker {
  private snapshot = new ClusterSnapshot();
  private readonly framework: Framework;

  constructor(ctx: ComponentContext) {
    const handle: Handle = {
      snapshot: {
        list: () => this.snapshot.list(),
        get: (n) => this.snapshot.get(n),
        havePodsWithAffinity: () => this.snapshot.list().filter((n) => n.podsWithAffinity.length > 0),
        havePodsWithRequiredAntiAffinity: () => this.snapshot.list().filter((n) => n.podsWithRequiredAntiAffinity.length > 0),
        hasImages: () => false,
      },
      informer: (name) => ctx.informers.for(REFS[name]),
      framework: { runFilterPluginsWithNominatedPods: () => null, runPreFilterAddPod: () => {}, runPreFilterRemovePod: () => {} },
      nominator: { nominatedPodsForNode: () => [] },
      client: ctx.client('cluster-autoscaler'),
      recorder: ctx.recorder('cluster-autoscaler'),
      // Scores are never computed here; a private stream keeps the cluster's draws untouched.
      rng: new Rng(0xca),
      clock: ctx.clock,
      schedulerName: DEFAULT_SCHEDULER_NAME,
    };
    this.framework = new Framework(handle, DEFAULT_PROFILE);
  }

  /** CheckPredicates: PreFilter over the whole snapshot, then Filter on one node. null means the pod fits. */
  check(snapshot: ClusterSnapshot, pod: PodInfo, node: string): MaybeStatus {
    this.snapshot = snapshot;
    const info = snapshot.get(node);
    if (!info) return unresolvable(`node ${node} not found`);
    const state = new CycleState();
    const pre = this.framework.runPreFilterPlugins(state, pod, snapshot.list());
    if (!isSuccess(pre.status)) return pre.status;
    if (pre.nodeNames && !pre.nodeNames.has(node)) return unresolvable(`node(s) didn't satisfy plugin(s) [${pre.narrowedBy.join(' ')}]`);
    return this.framework.runFilterPlugins(state, pod, info);
  }

  /** FitsAnyNodeMatching: the first node (in snapshot order, optionally filtered) the pod fits. */
  fitsAny(snapshot: ClusterSnapshot, pod: PodInfo, accept: (n: NodeInfo) => boolean = () => true): string | undefined {
    for (const n of snapshot.list()) {
      if (!accept(n)) continue;
      if (this.check(snapshot, pod, n.name) === null) return n.name;
    }
    return undefined;
  }
}
