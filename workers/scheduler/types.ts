/**
 * The plugin contract (pkg/scheduler/framework/interface.go): each plugin
 * implements the extension points it needs; the framework runs them in the
 * profile's order. Per-attempt data lives in a CycleState.
 */
import type { NodeInfo } from './nodeInfo';
import type { PodInfo } from './podInfo';
import type { MaybeStatus, Status } from './status';
import type { NodeToStatus } from './nodeToStatus';
import type { Informer } from '../client/informer';
import type { KubeObject } from '../api/object';
import type { ApiCall } from '../controllers/context';
import type { EventRecorder } from '../client/events';
import type { Rng } from '../clock/prng';
import type { Clock } from '../clock/clock';

/** Something a plugin keeps between extension points of one attempt. */
export interface StateData {
  /** Copy for preemption dry runs; absent when the data never changes after PreFilter. */
  clone?(): StateData;
}

export class CycleState {
  private data = new Map<string, StateData>();
  /** Plugins whose PreFilter said Skip: their Filter is not run. */
  skipFilter = new Set<string>();
  /** Plugins whose PreScore said Skip: their Score is not run. */
  skipScore = new Set<string>();
  /** The Filter plugins left after PreFilter skips, worked out once per attempt. */
  filters: FilterPlugin[] | null = null;

  read<T extends StateData>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }

  write(key: string, value: StateData): void {
    this.data.set(key, value);
  }

  clone(): CycleState {
    const c = new CycleState();
    for (const [k, v] of this.data) c.data.set(k, v.clone ? v.clone() : v);
    c.skipFilter = this.skipFilter;
    c.skipScore = this.skipScore;
    c.filters = this.filters;
    return c;
  }
}

/** Cluster changes that can make a rejected pod schedulable (framework.ClusterEvent). */
export type ClusterEvent =
  | 'NodeAdd'
  | 'NodeUpdate'
  | 'AssignedPodAdd'
  | 'AssignedPodUpdate'
  | 'AssignedPodDelete'
  | 'PersistentVolumeClaimChange'
  | 'PersistentVolumeChange'
  | 'StorageClassAdd'
  | 'NamespaceChange'
  | 'ServiceChange';

export interface Plugin {
  readonly name: string;
  /** Events that may make a pod this plugin rejected schedulable (EventsToRegister). */
  readonly events?: readonly ClusterEvent[];
}

export interface PreFilterResult {
  /** Only these nodes can pass (e.g. NodeAffinity on metadata.name); undefined means all. */
  nodeNames?: Set<string>;
}

export interface PreFilterPlugin extends Plugin {
  preFilter(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): { status: MaybeStatus; result?: PreFilterResult };
  /** PreFilterExtensions: keep PreFilter state right when a pod is added to or removed from a node. */
  addPod?(state: CycleState, podToSchedule: PodInfo, podToAdd: PodInfo, node: NodeInfo): void;
  removePod?(state: CycleState, podToSchedule: PodInfo, podToRemove: PodInfo, node: NodeInfo): void;
}

export interface FilterPlugin extends Plugin {
  filter(state: CycleState, pod: PodInfo, node: NodeInfo): MaybeStatus;
}

export interface PreScorePlugin extends Plugin {
  preScore(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): MaybeStatus;
}

export interface ScorePlugin extends Plugin {
  score(state: CycleState, pod: PodInfo, node: NodeInfo): number;
  /**
   * Score for every node at once, into `out[i]` for `nodes[i]`: exactly what
   * `score` gives node by node, in one loop the engine can optimise for the
   * plugin rather than one call per node through a call site shared by all plugins.
   */
  scoreNodes?(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[], out: number[]): void;
  /** ScoreExtensions.NormalizeScore, in place, onto 0..100. */
  normalizeScore?(state: CycleState, pod: PodInfo, scores: number[], nodes: readonly NodeInfo[]): void;
}

export interface PostFilterResult {
  /** Set the pod's nominatedNodeName to this ('' clears it); undefined leaves it alone. */
  nominatedNodeName?: string;
}

export interface PostFilterPlugin extends Plugin {
  postFilter(state: CycleState, pod: PodInfo, statuses: NodeToStatus): { result?: PostFilterResult; status: Status };
}

export interface ReservePlugin extends Plugin {
  /** Reserve: set aside what the pod will use on the chosen node (e.g. assumed volume bindings). */
  reserve(state: CycleState, pod: PodInfo, nodeName: string): MaybeStatus;
  /** Unreserve: undo Reserve when a later step fails; must be idempotent. */
  unreserve(state: CycleState, pod: PodInfo, nodeName: string): void;
}

export interface PreBindPlugin extends Plugin {
  /**
   * PreBind: work that must finish before the pod is bound. It may finish in
   * a later clock task (upstream's binding cycle runs in its own goroutine);
   * `done` is called exactly once.
   */
  preBind(state: CycleState, pod: PodInfo, nodeName: string, done: (s: MaybeStatus) => void): void;
}

export interface PreEnqueuePlugin extends Plugin {
  preEnqueue(pod: PodInfo): MaybeStatus;
}

export interface QueueSortPlugin extends Plugin {
  less(a: QueuedPodInfo, b: QueuedPodInfo): boolean;
}

export interface QueuedPodInfo {
  info: PodInfo;
  /** When it was last added to a queue (ordering and back-off start). */
  timestamp: number;
  attempts: number;
  /** Plugins that rejected it in its last attempt. */
  unschedulablePlugins: Set<string>;
  /** Insertion order, a stable tie-break for equal priority and timestamp. */
  seq: number;
  /** Held back by a PreEnqueue plugin (scheduling gates). */
  gated: boolean;
}

/** What runs the plugins, as preemption needs it (framework.Handle). */
export interface FilterRunner {
  runFilterPluginsWithNominatedPods(state: CycleState, pod: PodInfo, node: NodeInfo): MaybeStatus;
  runPreFilterAddPod(state: CycleState, pod: PodInfo, toAdd: PodInfo, node: NodeInfo): void;
  runPreFilterRemovePod(state: CycleState, pod: PodInfo, toRemove: PodInfo, node: NodeInfo): void;
}

export interface Snapshot {
  list(): readonly NodeInfo[];
  get(name: string): NodeInfo | undefined;
  havePodsWithAffinity(): NodeInfo[];
  havePodsWithRequiredAntiAffinity(): NodeInfo[];
  hasImages(): boolean;
}

export interface Nominator {
  nominatedPodsForNode(node: string): readonly PodInfo[];
}

/** What a plugin factory is given. */
export interface Handle {
  snapshot: Snapshot;
  /** Informers by resource name (pods, services, replicasets, ...), for listers. */
  informer(resource: ListerName): Informer<KubeObject>;
  /** Set once the framework exists (plugins are built before it). */
  framework: FilterRunner;
  nominator: Nominator;
  client: ApiCall;
  recorder: EventRecorder;
  rng: Rng;
  clock: Clock;
  schedulerName: string;
}

export type ListerName =
  | 'pods'
  | 'nodes'
  | 'namespaces'
  | 'services'
  | 'replicationcontrollers'
  | 'replicasets'
  | 'statefulsets'
  | 'persistentvolumeclaims'
  | 'persistentvolumes'
  | 'storageclasses'
  | 'poddisruptionbudgets';

export type AnyPlugin = Plugin &
  Partial<PreFilterPlugin> &
  Partial<FilterPlugin> &
  Partial<PreScorePlugin> &
  Partial<ScorePlugin> &
  Partial<PostFilterPlugin> &
  Partial<PreEnqueuePlugin> &
  Partial<ReservePlugin> &
  Partial<PreBindPlugin> &
  Partial<QueueSortPlugin>;

export type PluginFactory = (h: Handle) => AnyPlugin;
