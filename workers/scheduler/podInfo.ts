/**
 * What the scheduler precomputes once per pod object (framework.PodInfo):
 * requests, parsed affinity terms and host ports, so that filters and
 * scores over many nodes never re-parse the spec.
 */
import type { Pod, PodAffinityTerm, WeightedPodAffinityTerm } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object';
import { Selector, selectorFromLabelSelector } from '../api/selectors/labels';
import { podRequests, type Resource } from './resources';

export interface AffinityTerm {
  namespaces: Set<string>;
  /** null when the term names no namespaceSelector (matches no extra namespaces). */
  namespaceSelector: Selector | null;
  selector: Selector;
  topologyKey: string;
}

export interface WeightedAffinityTerm extends AffinityTerm {
  weight: number;
}

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

export interface PodInfo {
  pod: Pod & KubeObject;
  key: string;
  namespace: string;
  name: string;
  uid: string;
  priority: number;
  labels: Readonly<Record<string, string>>;
  requests: Resource;
  nonZeroCPU: number;
  nonZeroMem: number;
  requiredAffinityTerms: readonly AffinityTerm[];
  requiredAntiAffinityTerms: readonly AffinityTerm[];
  preferredAffinityTerms: readonly WeightedAffinityTerm[];
  preferredAntiAffinityTerms: readonly WeightedAffinityTerm[];
  /** The pod has any pod (anti-)affinity (NodeInfo.PodsWithAffinity). */
  hasAffinity: boolean;
  /** Container ports (any), and those with a hostPort. */
  containerPortCount: number;
  hostPorts: readonly HostPort[];
  /** A selector in the spec did not parse (framework.NewPodInfo error). */
  parseError?: string;
}

const EMPTY: Readonly<Record<string, string>> = Object.freeze({});
/** Most pods have no affinity terms and no host ports: they share one empty list. */
const NONE: readonly never[] = Object.freeze([]);

/** corev1helpers.PodPriority. */
export function podPriority(pod: Pod): number {
  return pod.spec?.priority ?? 0;
}

export function podKey(pod: KubeObject): string {
  return `${pod.metadata.namespace}/${pod.metadata.name}`;
}

export function newPodInfo(obj: KubeObject): PodInfo {
  const pod = obj as Pod & KubeObject;
  const spec = pod.spec;
  const requests = podRequests(pod);
  const nonZero = podRequests(pod, true);
  const errors: string[] = [];
  const aff = spec?.affinity;
  const hostPorts: HostPort[] = [];
  let containerPortCount = 0;
  for (const c of spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      containerPortCount++;
      if ((p.hostPort ?? 0) > 0) hostPorts.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort! });
    }
  }
  const info: PodInfo = {
    pod,
    key: podKey(pod),
    namespace: pod.metadata.namespace ?? '',
    name: pod.metadata.name ?? '',
    uid: pod.metadata.uid ?? '',
    priority: podPriority(pod),
    labels: (pod.metadata.labels as Record<string, string> | undefined) ?? EMPTY,
    requests,
    nonZeroCPU: nonZero.milliCPU,
    nonZeroMem: nonZero.memory,
    requiredAffinityTerms: terms(pod, aff?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution, errors),
    requiredAntiAffinityTerms: terms(pod, aff?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution, errors),
    preferredAffinityTerms: weighted(pod, aff?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution, errors),
    preferredAntiAffinityTerms: weighted(pod, aff?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution, errors),
    hasAffinity: !!(aff && (aff.podAffinity || aff.podAntiAffinity)),
    containerPortCount,
    hostPorts: hostPorts.length ? hostPorts : NONE,
    parseError: errors.length ? errors[0] : undefined,
  };
  return info;
}

function terms(pod: Pod, list: PodAffinityTerm[] | undefined, errors: string[]): readonly AffinityTerm[] {
  return list?.length ? list.map((t) => affinityTerm(pod, t, errors)) : NONE;
}

function weighted(pod: Pod, list: WeightedPodAffinityTerm[] | undefined, errors: string[]): readonly WeightedAffinityTerm[] {
  return list?.length ? list.map((w) => ({ ...affinityTerm(pod, w.podAffinityTerm, errors), weight: w.weight })) : NONE;
}

/** getNamespacesFromPodAffinityTerm + newAffinityTerm. */
function affinityTerm(pod: Pod, t: PodAffinityTerm, errors: string[]): AffinityTerm {
  const sel = selectorFromLabelSelector(t.labelSelector);
  if (!sel.ok) errors.push(sel.error);
  let namespaceSelector: Selector | null = null;
  if (t.namespaceSelector) {
    const ns = selectorFromLabelSelector(t.namespaceSelector);
    if (!ns.ok) errors.push(ns.error);
    else namespaceSelector = ns.selector;
  }
  const namespaces = new Set<string>();
  if (!(t.namespaces?.length) && !t.namespaceSelector) namespaces.add(pod.metadata?.namespace ?? '');
  else for (const n of t.namespaces ?? []) namespaces.add(n);
  return { namespaces, namespaceSelector, selector: sel.ok ? sel.selector : Selector.nothing(), topologyKey: t.topologyKey };
}

/**
 * A PodInfo for a newer copy of the same pod. Requests, affinity and ports
 * come from fields the API keeps immutable, so only the object and its
 * labels are taken afresh; labels equal to the previous ones keep the
 * previous object, which tells the node's pod counts nothing changed.
 */
export function refreshPodInfo(prev: PodInfo | undefined, obj: KubeObject): PodInfo {
  if (!prev || !prev.uid || prev.uid !== obj.metadata.uid) return newPodInfo(obj);
  const next = (obj.metadata.labels as Record<string, string> | undefined) ?? EMPTY;
  const labels = sameLabels(prev.labels, next) ? prev.labels : next;
  // Every field named, so each PodInfo has one shape (a spread is slower and may not).
  return {
    pod: obj as Pod & KubeObject,
    key: prev.key,
    namespace: prev.namespace,
    name: prev.name,
    uid: prev.uid,
    priority: prev.priority,
    labels,
    requests: prev.requests,
    nonZeroCPU: prev.nonZeroCPU,
    nonZeroMem: prev.nonZeroMem,
    requiredAffinityTerms: prev.requiredAffinityTerms,
    requiredAntiAffinityTerms: prev.requiredAntiAffinityTerms,
    preferredAffinityTerms: prev.preferredAffinityTerms,
    preferredAntiAffinityTerms: prev.preferredAntiAffinityTerms,
    hasAffinity: prev.hasAffinity,
    containerPortCount: prev.containerPortCount,
    hostPorts: prev.hostPorts,
    parseError: prev.parseError,
  };
}

/** The same keys with the same values. */
export function sameLabels(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  if (a === b) return true;
  let n = 0;
  for (const k in a) {
    if (a[k] !== b[k]) return false;
    n++;
  }
  // Values are strings, so every key of `a` is in `b`: equal when `b` has no more.
  let m = 0;
  for (const k in b) if (b[k] !== undefined) m++;
  return n === m;
}

/** AffinityTerm.Matches: namespace listed (or selected by label), then the label selector. */
export function termMatches(term: AffinityTerm, pod: PodInfo, nsLabels: Readonly<Record<string, string>> | null): boolean {
  if (term.namespaces.has(pod.namespace) || (term.namespaceSelector !== null && nsLabels !== null && term.namespaceSelector.matches(nsLabels))) {
    return term.selector.matches(pod.labels);
  }
  return false;
}

/** podMatchesAllAffinityTerms: false for no terms. */
export function podMatchesAllTerms(terms: readonly AffinityTerm[], pod: PodInfo, nsLabels: Readonly<Record<string, string>> | null): boolean {
  if (terms.length === 0) return false;
  for (const t of terms) if (!termMatches(t, pod, nsLabels)) return false;
  return true;
}
