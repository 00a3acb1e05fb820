/**
 * InterPodAffinity (plugins/interpodaffinity): required pod affinity needs a
 * matching pod in the node's topology domain; required anti-affinity (the
 * pod's own, and that of pods already placed) forbids one. Preferred terms,
 * and existing pods' terms towards the incoming pod, shape the score.
 */
import type { FilterPlugin, Handle, PreFilterPlugin, PreScorePlugin, ScorePlugin, StateData } from '../types';
import { SKIP, unresolvable, unschedulable } from '../status';
import type { NodeInfo } from '../nodeInfo';
import { podMatchesAllTerms, termMatches, type AffinityTerm, type PodInfo, type WeightedAffinityTerm } from '../podInfo';
import { MAX_NODE_SCORE } from '../helpers/normalizeScore';

export const Name = 'InterPodAffinity';
export const ErrReasonExistingAntiAffinityRulesNotMatch = "node(s) didn't satisfy existing pods anti-affinity rules";
export const ErrReasonAffinityRulesNotMatch = "node(s) didn't match pod affinity rules";
export const ErrReasonAntiAffinityRulesNotMatch = "node(s) didn't match pod anti-affinity rules";
/** InterPodAffinityArgs.HardPodAffinityWeight default. */
const HARD_POD_AFFINITY_WEIGHT = 1;
const PRE_FILTER_KEY = `PreFilter${Name}`;
const PRE_SCORE_KEY = `PreScore${Name}`;

/** topologyKey → value → count. */
type TopologyCounts = Map<string, Map<string, number>>;

function bump(m: TopologyCounts, key: string, value: string, by: number): void {
  let inner = m.get(key);
  if (!inner) m.set(key, (inner = new Map()));
  const n = (inner.get(value) ?? 0) + by;
  if (n === 0) inner.delete(value);
  else inner.set(value, n);
  if (inner.size === 0) m.delete(key);
}

function countAt(m: TopologyCounts, key: string, value: string): number {
  return m.get(key)?.get(value) ?? 0;
}

function cloneCounts(m: TopologyCounts): TopologyCounts {
  return new Map([...m].map(([k, v]) => [k, new Map(v)]));
}

function isEmpty(m: TopologyCounts): boolean {
  return m.size === 0;
}

class PreFilterState implements StateData {
  constructor(
    readonly pod: PodInfo,
    readonly nsLabels: Readonly<Record<string, string>> | null,
    readonly existingAntiAffinity: TopologyCounts,
    readonly affinity: TopologyCounts,
    readonly antiAffinity: TopologyCounts,
  ) {}

  clone(): PreFilterState {
    return new PreFilterState(this.pod, this.nsLabels, cloneCounts(this.existingAntiAffinity), cloneCounts(this.affinity), cloneCounts(this.antiAffinity));
  }
}

interface PreScoreState extends StateData {
  topologyScore: TopologyCounts;
}

/** updateWithAffinityTerms: `target` counts only if it matches all the terms. */
function addAffinity(m: TopologyCounts, target: PodInfo, nsLabels: Readonly<Record<string, string>> | null, node: NodeInfo, terms: readonly AffinityTerm[], by: number): void {
  if (!podMatchesAllTerms(terms, target, nsLabels)) return;
  for (const t of terms) {
    const v = node.labels[t.topologyKey];
    if (v !== undefined) bump(m, t.topologyKey, v, by);
  }
}

/** updateWithAntiAffinityTerms: each term `target` matches counts on its own. */
function addAntiAffinity(m: TopologyCounts, target: PodInfo, nsLabels: Readonly<Record<string, string>> | null, node: NodeInfo, terms: readonly AffinityTerm[], by: number): void {
  for (const t of terms) {
    if (!termMatches(t, target, nsLabels)) continue;
    const v = node.labels[t.topologyKey];
    if (v !== undefined) bump(m, t.topologyKey, v, by);
  }
}

function processTerms(m: TopologyCounts, terms: readonly WeightedAffinityTerm[], pod: PodInfo, nsLabels: Readonly<Record<string, string>> | null, node: NodeInfo, sign: number): void {
  for (const t of terms) processTerm(m, t, t.weight, pod, nsLabels, node, sign);
}

function processTerm(m: TopologyCounts, t: AffinityTerm, weight: number, pod: PodInfo, nsLabels: Readonly<Record<string, string>> | null, node: NodeInfo, sign: number): void {
  if (!termMatches(t, pod, nsLabels)) return;
  const v = node.labels[t.topologyKey];
  if (v === undefined) return;
  let inner = m.get(t.topologyKey);
  if (!inner) m.set(t.topologyKey, (inner = new Map()));
  inner.set(v, (inner.get(v) ?? 0) + weight * sign);
}

export function New(h: Handle): PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin {
  const namespaceLabels = (ns: string): Readonly<Record<string, string>> | null =>
    (h.informer('namespaces').get(undefined, ns)?.metadata.labels as Record<string, string> | undefined) ?? null;

  return {
    name: Name,
    events: ['AssignedPodAdd', 'AssignedPodUpdate', 'AssignedPodDelete', 'NodeAdd', 'NodeUpdate', 'NamespaceChange'],
    preFilter(state, pod, nodes) {
      if (pod.parseError) return { status: unresolvable(`parsing pod: ${pod.parseError}`) };
      const nsLabels = namespaceLabels(pod.namespace);
      const existing: TopologyCounts = new Map();
      for (const node of h.snapshot.havePodsWithRequiredAntiAffinity()) {
        for (const p of node.podsWithRequiredAntiAffinity) addAntiAffinity(existing, pod, nsLabels, node, p.requiredAntiAffinityTerms, 1);
      }
      const affinity: TopologyCounts = new Map();
      const anti: TopologyCounts = new Map();
      if (pod.requiredAffinityTerms.length || pod.requiredAntiAffinityTerms.length) {
        for (const node of nodes) {
          for (const p of node.pods) {
            addAffinity(affinity, p, null, node, pod.requiredAffinityTerms, 1);
            addAntiAffinity(anti, p, null, node, pod.requiredAntiAffinityTerms, 1);
          }
        }
      }
      if (isEmpty(existing) && pod.requiredAffinityTerms.length === 0 && pod.requiredAntiAffinityTerms.length === 0) return { status: SKIP };
      state.write(PRE_FILTER_KEY, new PreFilterState(pod, nsLabels, existing, affinity, anti));
      return { status: null };
    },
    addPod(state, _pod, toAdd, node) {
      const s = state.read<PreFilterState>(PRE_FILTER_KEY);
      if (s) update(s, toAdd, node, 1);
    },
    removePod(state, _pod, toRemove, node) {
      const s = state.read<PreFilterState>(PRE_FILTER_KEY);
      if (s) update(s, toRemove, node, -1);
    },
    filter(state, _pod, node) {
      const s = state.read<PreFilterState>(PRE_FILTER_KEY);
      if (!s) return null;
      if (!satisfyPodAffinity(s, node)) return unresolvable(ErrReasonAffinityRulesNotMatch);
      if (!satisfyPodAntiAffinity(s, node)) return unschedulable(ErrReasonAntiAffinityRulesNotMatch);
      if (!satisfyExistingPodsAntiAffinity(s, node)) return unschedulable(ErrReasonExistingAntiAffinityRulesNotMatch);
      return null;
    },
    preScore(state, pod) {
      const hasConstraints = pod.preferredAffinityTerms.length > 0 || pod.preferredAntiAffinityTerms.length > 0;
      // Without preferred terms of its own, only pods with affinity can say anything about this pod.
      const nodes = hasConstraints ? h.snapshot.list() : h.snapshot.havePodsWithAffinity();
      const nsLabels = namespaceLabels(pod.namespace);
      const score: TopologyCounts = new Map();
      for (const node of nodes) {
        if (Object.keys(node.labels).length === 0) continue;
        for (const existing of hasConstraints ? node.pods : node.podsWithAffinity) {
          processTerms(score, pod.preferredAffinityTerms, existing, null, node, 1);
          processTerms(score, pod.preferredAntiAffinityTerms, existing, null, node, -1);
          for (const t of existing.requiredAffinityTerms) processTerm(score, t, HARD_POD_AFFINITY_WEIGHT, pod, nsLabels, node, 1);
          processTerms(score, existing.preferredAffinityTerms, pod, nsLabels, node, 1);
          processTerms(score, existing.preferredAntiAffinityTerms, pod, nsLabels, node, -1);
        }
      }
      if (score.size === 0) return SKIP;
      state.write(PRE_SCORE_KEY, { topologyScore: score } as PreScoreState);
      return null;
    },
    score(state, _pod, node) {
      const s = state.read<PreScoreState>(PRE_SCORE_KEY);
      if (!s) return 0;
      let total = 0;
      for (const [key, values] of s.topologyScore) {
        const v = node.labels[key];
        if (v !== undefined) total += values.get(v) ?? 0;
      }
      return total;
    },
    normalizeScore(state, _pod, scores) {
      const s = state.read<PreScoreState>(PRE_SCORE_KEY);
      if (!s || s.topologyScore.size === 0) return;
      let min = Infinity;
      let max = -Infinity;
      for (const v of scores) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      const diff = max - min;
      for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((scores[i] - min) / diff)) : 0;
    },
  };
}

/** preFilterState.updateWithPod: keep the counts right when preemption adds or removes a pod. */
function update(s: PreFilterState, p: PodInfo, node: NodeInfo, by: number): void {
  addAntiAffinity(s.existingAntiAffinity, s.pod, s.nsLabels, node, p.requiredAntiAffinityTerms, by);
  addAffinity(s.affinity, p, null, node, s.pod.requiredAffinityTerms, by);
  addAntiAffinity(s.antiAffinity, p, null, node, s.pod.requiredAntiAffinityTerms, by);
}

function satisfyExistingPodsAntiAffinity(s: PreFilterState, node: NodeInfo): boolean {
  if (isEmpty(s.existingAntiAffinity)) return true;
  for (const key in node.labels) if (countAt(s.existingAntiAffinity, key, node.labels[key]) > 0) return false;
  return true;
}

function satisfyPodAntiAffinity(s: PreFilterState, node: NodeInfo): boolean {
  if (isEmpty(s.antiAffinity)) return true;
  for (const t of s.pod.requiredAntiAffinityTerms) {
    const v = node.labels[t.topologyKey];
    if (v !== undefined && countAt(s.antiAffinity, t.topologyKey, v) > 0) return false;
  }
  return true;
}

function satisfyPodAffinity(s: PreFilterState, node: NodeInfo): boolean {
  let podsExist = true;
  for (const t of s.pod.requiredAffinityTerms) {
    const v = node.labels[t.topologyKey];
    // Every topology key of the terms must be on the node.
    if (v === undefined) return false;
    if (countAt(s.affinity, t.topologyKey, v) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // The first pod of a group with affinity to itself: allowed when nothing matches anywhere yet.
  return isEmpty(s.affinity) && podMatchesAllTerms(s.pod.requiredAffinityTerms, s.pod, null);
}
