/**
 * PodTopologySpread (plugins/podtopologyspread): DoNotSchedule constraints
 * filter nodes whose domain would exceed maxSkew; ScheduleAnyway constraints
 * (or, for pods without constraints, the system defaults: hostname maxSkew 3
 * and zone maxSkew 5 over the pods its Services and controller select) score
 * nodes with fewer matching pods higher.
 */
import type { TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import type { CycleState, FilterPlugin, Handle, PreFilterPlugin, PreScorePlugin, ScorePlugin, StateData } from '../types';
import { SKIP, unresolvable, unschedulable } from '../status';
import { Selector, selectorFromLabelSelector, selectorFromSet } from '../../api/selectors/labels';
import type { NodeInfo, PodCount } from '../nodeInfo';
import type { PodInfo } from '../podInfo';
import { RequiredNodeAffinity } from '../helpers/nodeAffinity';
import { doNotSchedule, findUntoleratedTaint } from '../helpers/taints';
import { DefaultSelectorMemo } from '../helpers/defaultSelector';
import { MAX_NODE_SCORE } from '../helpers/normalizeScore';

export const Name = 'PodTopologySpread';
export const ErrReasonConstraintsNotMatch = "node(s) didn't match pod topology spread constraints";
export const ErrReasonNodeLabelNotMatch = `${ErrReasonConstraintsNotMatch} (missing required label)`;
const PRE_FILTER_KEY = `PreFilter${Name}`;
const PRE_SCORE_KEY = `PreScore${Name}`;
const HOSTNAME = 'kubernetes.io/hostname';

type Action = 'DoNotSchedule' | 'ScheduleAnyway';

export interface Constraint {
  maxSkew: number;
  topologyKey: string;
  selector: Selector;
  /** The question NodeInfo.countPods answers for it: live pods of the pod's namespace the selector matches. */
  count: PodCount;
  minDomains: number;
  honorNodeAffinity: boolean;
  honorNodeTaints: boolean;
}

/** The system default constraints (config.v1 defaults for PodTopologySpreadArgs, DefaultingType System). */
export const SYSTEM_DEFAULT_CONSTRAINTS: TopologySpreadConstraint[] = [
  { maxSkew: 3, topologyKey: HOSTNAME, whenUnsatisfiable: 'ScheduleAnyway' },
  { maxSkew: 5, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway' },
];

/** Built once per scheduling cycle (or reused with the default constraints), so a hundred nodes' lookups share one key. */
function podCount(namespace: string, selector: Selector, selectorKey: string): PodCount {
  return { key: `${namespace}\u0000${selectorKey}`, namespace, selector };
}

/** Whether the system defaults have constraints for an action (both are ScheduleAnyway). */
const DEFAULTS_FOR: Readonly<Record<Action, boolean>> = {
  DoNotSchedule: SYSTEM_DEFAULT_CONSTRAINTS.some((c) => c.whenUnsatisfiable === 'DoNotSchedule'),
  ScheduleAnyway: SYSTEM_DEFAULT_CONSTRAINTS.some((c) => c.whenUnsatisfiable === 'ScheduleAnyway'),
};

interface CriticalPath {
  value: string;
  num: number;
}

class PreFilterState implements StateData {
  constructor(
    readonly constraints: Constraint[],
    readonly tpValueToMatchNum: Map<string, number>[],
    readonly criticalPaths: [CriticalPath, CriticalPath][],
  ) {}

  clone(): PreFilterState {
    return new PreFilterState(
      this.constraints,
      this.tpValueToMatchNum.map((m) => new Map(m)),
      this.criticalPaths.map(([a, b]) => [{ ...a }, { ...b }]),
    );
  }
}

interface PreScoreState extends StateData {
  constraints: Constraint[];
  ignoredNodes: Set<string>;
  tpValueToPodCounts: Map<string, number>[];
  normalizingWeight: number[];
}

/** criticalPaths.update: keep the two smallest match counts. */
function updateCriticalPaths(p: [CriticalPath, CriticalPath], value: string, num: number): void {
  const i = value === p[0].value ? 0 : value === p[1].value ? 1 : undefined;
  if (i !== undefined) {
    p[i].num = num;
    if (p[0].num > p[1].num) [p[0], p[1]] = [p[1], p[0]];
  } else if (num < p[0].num) {
    p[1] = p[0];
    p[0] = { value, num };
  } else if (num < p[1].num) p[1] = { value, num };
}

function nodeHasAllKeys(labels: Readonly<Record<string, string>>, cs: readonly Constraint[]): boolean {
  for (const c of cs) if (!(c.topologyKey in labels)) return false;
  return true;
}

/** Score for one node: its hostname count or its domain's count, weighted, plus maxSkew-1. */
function scoreNode(s: PreScoreState, node: NodeInfo): number {
  if (s.ignoredNodes.size && s.ignoredNodes.has(node.name)) return 0;
  let score = 0;
  const cs = s.constraints;
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i];
    const v = node.labels[c.topologyKey];
    if (v === undefined) continue;
    const cnt = c.topologyKey === HOSTNAME ? node.countPods(c.count) : (s.tpValueToPodCounts[i].get(v) ?? 0);
    // scoreForCount: maxSkew-1 waters down small differences.
    score += cnt * s.normalizingWeight[i] + (c.maxSkew - 1);
  }
  return Math.round(score);
}

export function New(h: Handle): PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin {
  const selectors = new DefaultSelectorMemo(h);
  /** The default constraints last built, per action: the pods of one controller share them. */
  const lastDefaults = new Map<Action, { namespace: string; selector: Selector; constraints: Constraint[] }>();
  /** The PreScore state of the cycle last scored: Score runs once per node with the same CycleState. */
  let scoredCycle: CycleState | null = null;
  let scoredState: PreScoreState | undefined;

  function countMatching(node: NodeInfo, c: Constraint): number {
    return node.countPods(c.count);
  }

  function toConstraints(list: readonly TopologySpreadConstraint[], pod: PodInfo, action: Action): Constraint[] {
    const out: Constraint[] = [];
    for (const c of list) {
      if (c.whenUnsatisfiable !== action) continue;
      const parsed = selectorFromLabelSelector(c.labelSelector);
      let selector = parsed.ok ? parsed.selector : Selector.nothing();
      // matchLabelKeys: the pod's own values for those keys join the selector.
      const extra: Record<string, string> = {};
      for (const k of c.matchLabelKeys ?? []) if (k in pod.labels) extra[k] = pod.labels[k];
      if (Object.keys(extra).length && parsed.ok) selector = Selector.of([...selectorFromSet(extra).requirements, ...selector.requirements]);
      out.push({
        maxSkew: c.maxSkew,
        topologyKey: c.topologyKey,
        selector,
        // Nothing and Everything both print as '': keep them apart.
        count: podCount(pod.namespace, selector, parsed.ok ? selector.toString() : '\u0000nothing'),
        minDomains: c.minDomains ?? 1,
        honorNodeAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
        honorNodeTaints: (c.nodeTaintsPolicy ?? 'Ignore') === 'Honor',
      });
    }
    return out;
  }

  /** The pod's own constraints for `action`, or the system defaults over its default selector. Not to be changed: may be shared. */
  function constraintsFor(pod: PodInfo, action: Action): Constraint[] {
    const own = pod.pod.spec?.topologySpreadConstraints;
    if (own?.length) return toConstraints(own, pod, action);
    if (!DEFAULTS_FOR[action]) return [];
    const sel = selectors.get(pod);
    if (sel.empty()) return [];
    const last = lastDefaults.get(action);
    if (last && last.selector === sel && last.namespace === pod.namespace) return last.constraints;
    const cs = toConstraints(SYSTEM_DEFAULT_CONSTRAINTS, pod, action);
    const count = podCount(pod.namespace, sel, sel.toString());
    const constraints = cs.map((c) => ({ ...c, selector: sel, count }));
    lastDefaults.set(action, { namespace: pod.namespace, selector: sel, constraints });
    return constraints;
  }

  function inclusionMatches(c: Constraint, pod: PodInfo, node: NodeInfo, required: RequiredNodeAffinity): boolean {
    if (c.honorNodeAffinity && !required.match(node)) return false;
    if (c.honorNodeTaints && findUntoleratedTaint(node.taints, pod.pod.spec?.tolerations, doNotSchedule)) return false;
    return true;
  }

  function updateWithPod(s: PreFilterState, updated: PodInfo, preemptor: PodInfo, node: NodeInfo, delta: number): void {
    if (updated.namespace !== preemptor.namespace || !node.node) return;
    if (!nodeHasAllKeys(node.labels, s.constraints)) return;
    const required = new RequiredNodeAffinity(preemptor.pod);
    s.constraints.forEach((c, i) => {
      if (!c.selector.matches(updated.labels)) return;
      if (!inclusionMatches(c, preemptor, node, required)) return;
      const v = node.labels[c.topologyKey];
      const n = (s.tpValueToMatchNum[i].get(v) ?? 0) + delta;
      s.tpValueToMatchNum[i].set(v, n);
      updateCriticalPaths(s.criticalPaths[i], v, n);
    });
  }

  return {
    name: Name,
    events: ['NodeAdd', 'NodeUpdate', 'AssignedPodAdd', 'AssignedPodUpdate', 'AssignedPodDelete'],
    preFilter(state, pod, nodes) {
      const constraints = constraintsFor(pod, 'DoNotSchedule');
      if (constraints.length === 0) return { status: SKIP };
      const required = new RequiredNodeAffinity(pod.pod);
      const matchNum = constraints.map(() => new Map<string, number>());
      for (const node of nodes) {
        if (!nodeHasAllKeys(node.labels, constraints)) continue;
        constraints.forEach((c, i) => {
          if (!inclusionMatches(c, pod, node, required)) return;
          const v = node.labels[c.topologyKey];
          matchNum[i].set(v, (matchNum[i].get(v) ?? 0) + countMatching(node, c));
        });
      }
      const paths = constraints.map((_, i) => {
        const p: [CriticalPath, CriticalPath] = [
          { value: '', num: 2 ** 31 - 1 },
          { value: '', num: 2 ** 31 - 1 },
        ];
        for (const [v, n] of matchNum[i]) updateCriticalPaths(p, v, n);
        return p;
      });
      state.write(PRE_FILTER_KEY, new PreFilterState(constraints, matchNum, paths));
      return { status: null };
    },
    addPod(state, pod, toAdd, node) {
      const s = state.read<PreFilterState>(PRE_FILTER_KEY);
      if (s) updateWithPod(s, toAdd, pod, node, 1);
    },
    removePod(state, pod, toRemove, node) {
      const s = state.read<PreFilterState>(PRE_FILTER_KEY);
      if (s) updateWithPod(s, toRemove, pod, node, -1);
    },
    filter(state, pod, node) {
      const s = state.read<PreFilterState>(PRE_FILTER_KEY);
      if (!s || s.constraints.length === 0) return null;
      for (let i = 0; i < s.constraints.length; i++) {
        const c = s.constraints[i];
        const v = node.labels[c.topologyKey];
        if (v === undefined) return unresolvable(ErrReasonNodeLabelNotMatch);
        // With fewer eligible domains than minDomains, the global minimum counts as 0.
        const min = s.tpValueToMatchNum[i].size < c.minDomains ? 0 : s.criticalPaths[i][0].num;
        const self = c.selector.matches(pod.labels) ? 1 : 0;
        const skew = (s.tpValueToMatchNum[i].get(v) ?? 0) + self - min;
        if (skew > c.maxSkew) return unschedulable(ErrReasonConstraintsNotMatch);
      }
      return null;
    },
    preScore(state, pod, filtered) {
      const all = h.snapshot.list();
      if (all.length === 0) return SKIP;
      const own = pod.pod.spec?.topologySpreadConstraints ?? [];
      const constraints = constraintsFor(pod, 'ScheduleAnyway');
      if (constraints.length === 0) return SKIP;
      const k = constraints.length;
      // System defaults do not require every topology label, so zone-less nodes still spread by hostname.
      const requireAll = own.length > 0;
      const ignored = new Set<string>();
      const tpCounts: Map<string, number>[] = [];
      const topoSize: number[] = [];
      for (let i = 0; i < k; i++) {
        tpCounts.push(new Map());
        topoSize.push(0);
      }
      for (const node of filtered) {
        if (requireAll && !nodeHasAllKeys(node.labels, constraints)) {
          ignored.add(node.name);
          continue;
        }
        for (let i = 0; i < k; i++) {
          const c = constraints[i];
          if (c.topologyKey === HOSTNAME) continue;
          const v = node.labels[c.topologyKey];
          if (!tpCounts[i].has(v)) {
            tpCounts[i].set(v, 0);
            topoSize[i]++;
          }
        }
      }
      const weights: number[] = [];
      for (let i = 0; i < k; i++) weights.push(Math.log((constraints[i].topologyKey === HOSTNAME ? filtered.length - ignored.size : topoSize[i]) + 2));
      // Hostname domains are counted per node in Score; only the other keys are summed here.
      let summed = false;
      for (const c of constraints) if (c.topologyKey !== HOSTNAME) summed = true;
      if (summed) {
        const required = new RequiredNodeAffinity(pod.pod);
        for (const node of all) {
          if (requireAll && !nodeHasAllKeys(node.labels, constraints)) continue;
          for (let i = 0; i < k; i++) {
            const c = constraints[i];
            if (c.topologyKey === HOSTNAME || !inclusionMatches(c, pod, node, required)) continue;
            const v = node.labels[c.topologyKey];
            const cur = tpCounts[i].get(v);
            if (cur === undefined) continue;
            tpCounts[i].set(v, cur + countMatching(node, c));
          }
        }
      }
      state.write(PRE_SCORE_KEY, { constraints, ignoredNodes: ignored, tpValueToPodCounts: tpCounts, normalizingWeight: weights } as PreScoreState);
      scoredCycle = null;
      return null;
    },
    score(state, _pod, node) {
      if (state !== scoredCycle) {
        scoredCycle = state;
        scoredState = state.read<PreScoreState>(PRE_SCORE_KEY);
      }
      return scoreNode(scoredState!, node);
    },
    scoreNodes(state, _pod, nodes, out) {
      const s = state.read<PreScoreState>(PRE_SCORE_KEY)!;
      for (let i = 0; i < nodes.length; i++) out[i] = scoreNode(s, nodes[i]);
    },
    normalizeScore(state, _pod, scores, nodes) {
      const s = state.read<PreScoreState>(PRE_SCORE_KEY);
      if (!s) return;
      const ignored = s.ignoredNodes.size > 0 ? s.ignoredNodes : null;
      let min = Number.MAX_SAFE_INTEGER;
      let max = 0;
      for (let i = 0; i < scores.length; i++) {
        if (ignored?.has(nodes[i].name)) continue;
        min = Math.min(min, scores[i]);
        max = Math.max(max, scores[i]);
      }
      for (let i = 0; i < scores.length; i++) {
        if (ignored?.has(nodes[i].name)) scores[i] = 0;
        else if (max === 0) scores[i] = MAX_NODE_SCORE;
        else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i])) / max);
      }
    },
  };
}
