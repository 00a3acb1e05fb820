/**
 * Runs a profile's plugins at each extension point (framework/runtime/framework.go):
 * PreFilter (Skip turns a plugin's Filter off), Filter (first rejection
 * wins), Filter with nominated pods, PreScore, Score (normalised, weighted),
 * PostFilter, and for the chosen node Reserve/Unreserve and PreBind.
 */
import type { AnyPlugin, CycleState, FilterPlugin, FilterRunner, Handle, PostFilterPlugin, PostFilterResult, PreBindPlugin, PreEnqueuePlugin, PreFilterPlugin, PreScorePlugin, QueueSortPlugin, ReservePlugin, ScorePlugin } from './types';
import { isRejected, isSuccess, statusMessage, unresolvable, withPlugin, type MaybeStatus, type Status } from './status';
import type { NodeInfo } from './nodeInfo';
import type { PodInfo } from './podInfo';
import type { NodeToStatus } from './nodeToStatus';
import { registry, type ProfilePlugin } from './registry';
import { MAX_NODE_SCORE } from './helpers/normalizeScore';

export interface NodeScores {
  /** Score plugins that ran, in order. */
  plugins: string[];
  /** Weighted score of plugin p on node n at [n * plugins.length + p]. */
  byPlugin: Int32Array;
  totals: Int32Array;
  /** Every weighted score was a whole number, so each total is the sum of its node's byPlugin. */
  exact: boolean;
  /** Per plugin: true when every node got the same score from it (false may still mean equal stored scores). */
  uniform: boolean[];
}

export class Framework implements FilterRunner {
  readonly plugins = new Map<string, AnyPlugin>();
  readonly queueSort: QueueSortPlugin;
  readonly preEnqueue: PreEnqueuePlugin[] = [];
  readonly preFilter: PreFilterPlugin[] = [];
  readonly filter: FilterPlugin[] = [];
  readonly postFilter: PostFilterPlugin[] = [];
  readonly preScore: PreScorePlugin[] = [];
  readonly score: { plugin: ScorePlugin; weight: number }[] = [];
  readonly reserve: ReservePlugin[] = [];
  readonly preBind: PreBindPlugin[] = [];

  constructor(handle: Handle, profile: readonly ProfilePlugin[]) {
    for (const entry of profile) {
      const factory = registry[entry.name];
      if (!factory) throw new Error(`plugin ${entry.name} is not registered`);
      const p = factory(handle);
      this.plugins.set(p.name, p);
      if (p.preEnqueue) this.preEnqueue.push(p as PreEnqueuePlugin);
      if (p.preFilter) this.preFilter.push(p as PreFilterPlugin);
      if (p.filter) this.filter.push(p as FilterPlugin);
      if (p.postFilter) this.postFilter.push(p as PostFilterPlugin);
      if (p.preScore) this.preScore.push(p as PreScorePlugin);
      if (p.score) this.score.push({ plugin: p as ScorePlugin, weight: entry.weight ?? 1 });
      if (p.reserve) this.reserve.push(p as ReservePlugin);
      if (p.preBind) this.preBind.push(p as PreBindPlugin);
    }
    const sort = [...this.plugins.values()].find((p) => p.less);
    if (!sort) throw new Error('a profile needs a QueueSort plugin');
    this.queueSort = sort as QueueSortPlugin;
    handle.framework = this;
  }

  runPreEnqueuePlugins(pod: PodInfo): MaybeStatus {
    for (const p of this.preEnqueue) {
      const s = p.preEnqueue(pod);
      if (!isSuccess(s)) return withPlugin(s!, p.name);
    }
    return null;
  }

  /** RunPreFilterPlugins: the first rejection stops; node-name results intersect. */
  runPreFilterPlugins(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): { status: MaybeStatus; nodeNames?: Set<string>; narrowedBy: string[] } {
    let names: Set<string> | undefined;
    const narrowing: string[] = [];
    for (const p of this.preFilter) {
      const r = p.preFilter(state, pod, nodes);
      if (r.status?.code === 'Skip') {
        state.skipFilter.add(p.name);
        state.filters = null;
        continue;
      }
      if (!isSuccess(r.status)) return { status: withPlugin(r.status!, p.name), narrowedBy: narrowing };
      const want = r.result?.nodeNames;
      if (want) {
        narrowing.push(p.name);
        names = names ? new Set([...names].filter((n) => want.has(n))) : new Set(want);
      }
    }
    if (names && names.size === 0) {
      const msg = narrowing.length > 1 ? `node(s) didn't satisfy plugin(s) [${narrowing.join(' ')}] simultaneously` : `node(s) didn't satisfy plugin(s) [${narrowing.join(' ')}]`;
      return { status: withPlugin(unresolvable(msg), narrowing[0]), narrowedBy: narrowing };
    }
    return { status: null, nodeNames: names, narrowedBy: narrowing };
  }

  runFilterPlugins(state: CycleState, pod: PodInfo, node: NodeInfo): MaybeStatus {
    const filters = (state.filters ??= this.filter.filter((p) => !state.skipFilter.has(p.name)));
    for (let i = 0; i < filters.length; i++) {
      const p = filters[i];
      const s = p.filter(state, pod, node);
      if (s !== null && s.code !== 'Success') return withPlugin(s, p.name);
    }
    return null;
  }

  /**
   * RunFilterPluginsWithNominatedPods: first with the pods nominated to the
   * node at equal or higher priority counted in, then (if any were) without
   * them, so that the pod fits both whether or not they arrive.
   */
  runFilterPluginsWithNominatedPods(state: CycleState, pod: PodInfo, node: NodeInfo, nominated: readonly PodInfo[] = this.nominatedFor(node)): MaybeStatus {
    let added = false;
    let stateWith = state;
    let nodeWith = node;
    for (const p of nominated) {
      if (p.priority < pod.priority || p.uid === pod.uid) continue;
      if (!added) {
        stateWith = state.clone();
        nodeWith = node.clone();
        added = true;
      }
      nodeWith.addPod(p);
      this.runPreFilterAddPod(stateWith, pod, p, nodeWith);
    }
    const s = this.runFilterPlugins(stateWith, pod, nodeWith);
    if (!added || !isSuccess(s)) return s;
    return this.runFilterPlugins(state, pod, node);
  }

  /** Set by the scheduler: pods nominated to a node. */
  nominatedFor: (node: NodeInfo) => readonly PodInfo[] = () => [];

  /** Set by the scheduler: whether any pod is nominated anywhere (if not, Filter needs no second pass). */
  hasNominatedPods: () => boolean = () => false;

  runPreFilterAddPod(state: CycleState, pod: PodInfo, toAdd: PodInfo, node: NodeInfo): void {
    for (const p of this.preFilter) if (!state.skipFilter.has(p.name)) p.addPod?.(state, pod, toAdd, node);
  }

  runPreFilterRemovePod(state: CycleState, pod: PodInfo, toRemove: PodInfo, node: NodeInfo): void {
    for (const p of this.preFilter) if (!state.skipFilter.has(p.name)) p.removePod?.(state, pod, toRemove, node);
  }

  runPreScorePlugins(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): MaybeStatus {
    for (const p of this.preScore) {
      const s = p.preScore(state, pod, nodes);
      if (s?.code === 'Skip') {
        state.skipScore.add(p.name);
        continue;
      }
      if (!isSuccess(s)) return withPlugin(s!, p.name);
    }
    return null;
  }

  /** RunScorePlugins: raw scores, NormalizeScore, then × weight. */
  runScorePlugins(state: CycleState, pod: PodInfo, nodes: readonly NodeInfo[]): NodeScores {
    const active = this.score.filter((s) => !state.skipScore.has(s.plugin.name));
    const n = nodes.length;
    const k = active.length;
    const byPlugin = new Int32Array(n * k);
    const totals = new Int32Array(n);
    const raw: number[] = new Array(n);
    const uniform: boolean[] = new Array(k);
    let exact = true;
    for (let j = 0; j < k; j++) {
      const { plugin, weight } = active[j];
      if (plugin.scoreNodes) plugin.scoreNodes(state, pod, nodes, raw);
      else for (let i = 0; i < n; i++) raw[i] = plugin.score(state, pod, nodes[i]);
      plugin.normalizeScore?.(state, pod, raw, nodes);
      let same = true;
      for (let i = 0; i < n; i++) {
        const s = raw[i];
        if (s > MAX_NODE_SCORE || s < 0) throw new Error(`plugin "${plugin.name}" returns an invalid score ${s}, it should in the range of [0, ${MAX_NODE_SCORE}] after normalizing`);
        const w = s * weight;
        byPlugin[i * k + j] = w;
        totals[i] += w;
        if (w !== Math.trunc(w)) exact = false;
        if (s !== raw[0]) same = false;
      }
      uniform[j] = same;
    }
    return { plugins: active.map((a) => a.plugin.name), byPlugin, totals, exact, uniform };
  }

  /** RunReservePluginsReserve: the first failure stops (the caller then unreserves). */
  runReservePlugins(state: CycleState, pod: PodInfo, nodeName: string): MaybeStatus {
    for (const p of this.reserve) {
      const s = p.reserve(state, pod, nodeName);
      if (isSuccess(s)) continue;
      if (isRejected(s)) return withPlugin(s!, p.name);
      return { code: 'Error', reasons: [`running Reserve plugin "${p.name}": ${statusMessage(s)}`], plugin: p.name };
    }
    return null;
  }

  /** RunReservePluginsUnreserve: in reverse order. */
  runUnreservePlugins(state: CycleState, pod: PodInfo, nodeName: string): void {
    for (let i = this.reserve.length - 1; i >= 0; i--) this.reserve[i].unreserve(state, pod, nodeName);
  }

  /** RunPreBindPlugins: one after the other, each may finish later; `done` gets the first failure or success. */
  runPreBindPlugins(state: CycleState, pod: PodInfo, nodeName: string, done: (s: MaybeStatus) => void): void {
    this.preBindFrom(0, state, pod, nodeName, done);
  }

  private preBindFrom(i: number, state: CycleState, pod: PodInfo, nodeName: string, done: (s: MaybeStatus) => void): void {
    if (i >= this.preBind.length) return done(null);
    const p = this.preBind[i];
    p.preBind(state, pod, nodeName, (s) => {
      if (isSuccess(s)) return this.preBindFrom(i + 1, state, pod, nodeName, done);
      if (isRejected(s)) return done(withPlugin(s!, p.name));
      return done({ code: 'Error', reasons: [`running PreBind plugin "${p.name}": ${statusMessage(s)}`], plugin: p.name });
    });
  }

  /** RunPostFilterPlugins: the first success wins; rejections collect their reasons. */
  runPostFilterPlugins(state: CycleState, pod: PodInfo, statuses: NodeToStatus): { result?: PostFilterResult; status: Status } {
    let result: PostFilterResult | undefined;
    const reasons: string[] = [];
    let rejector = '';
    for (const p of this.postFilter) {
      const r = p.postFilter(state, pod, statuses);
      if (isSuccess(r.status)) return r;
      if (r.status.code === 'UnschedulableAndUnresolvable') return { result: r.result, status: withPlugin(r.status, p.name) };
      if (!isRejected(r.status)) return { status: withPlugin(r.status, p.name) };
      if (r.result) result = r.result;
      reasons.push(...r.status.reasons);
      rejector ||= p.name;
    }
    return { result, status: { code: 'Unschedulable', reasons, plugin: rejector || undefined } };
  }
}
