/**
 * Node selector terms and the pod's required node affinity
 * (k8s.io/component-helpers/scheduling/corev1/nodeaffinity): nodeSelector
 * labels must all match, and at least one required term must. A term with
 * no requirements, or one that does not parse, matches nothing.
 */
import type { NodeSelectorRequirement, NodeSelectorTerm, Pod, PreferredSchedulingTerm } from 'kubernetes-types/core/v1';
import { newRequirement, selectorFromSet, Selector, type Requirement } from '../../api/selectors/labels';
import type { NodeInfo } from '../nodeInfo';

const OPS: Record<string, string> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!', Gt: 'gt', Lt: 'lt' };

interface CompiledTerm {
  labels: Selector | null;
  fields: Selector | null;
  /** A requirement did not parse: the term never matches. */
  broken: boolean;
}

function compileRequirements(reqs: readonly NodeSelectorRequirement[] | undefined, fields: boolean): { sel: Selector | null; broken: boolean } {
  if (!reqs?.length) return { sel: null, broken: false };
  const out: Requirement[] = [];
  for (const r of reqs) {
    const op = OPS[r.operator];
    // matchFields supports only metadata.name with In/NotIn (nodeSelectorRequirementsAsFieldSelector).
    if (!op || (fields && (r.key !== 'metadata.name' || (op !== 'in' && op !== 'notin')))) return { sel: null, broken: true };
    if (fields) {
      if ((r.values ?? []).length !== 1) return { sel: null, broken: true };
      out.push({ key: r.key, operator: op === 'in' ? '=' : '!=', values: r.values! });
      continue;
    }
    const req = newRequirement(r.key, op, r.values ?? []);
    if (!req.ok) return { sel: null, broken: true };
    out.push(req.requirement);
  }
  return { sel: Selector.of(out), broken: false };
}

export function compileTerm(t: NodeSelectorTerm): CompiledTerm {
  const l = compileRequirements(t.matchExpressions, false);
  const f = compileRequirements(t.matchFields, true);
  return { labels: l.sel, fields: f.sel, broken: l.broken || f.broken };
}

export function termMatchesNode(t: CompiledTerm, node: NodeInfo): boolean {
  if (t.broken || (!t.labels && !t.fields)) return false;
  if (t.labels && !t.labels.matches(node.labels)) return false;
  if (t.fields && !t.fields.matches({ 'metadata.name': node.name })) return false;
  return true;
}

export class RequiredNodeAffinity {
  private readonly selector: Selector | null;
  private readonly terms: CompiledTerm[] | null;

  constructor(pod: Pod) {
    const ns = pod.spec?.nodeSelector;
    this.selector = ns && Object.keys(ns).length ? selectorFromSet(ns) : null;
    const req = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    this.terms = req ? (req.nodeSelectorTerms ?? []).map(compileTerm) : null;
  }

  /** True when neither nodeSelector nor required node affinity constrains the pod. */
  get empty(): boolean {
    return this.selector === null && this.terms === null;
  }

  match(node: NodeInfo): boolean {
    if (this.selector && !this.selector.matches(node.labels)) return false;
    if (this.terms) {
      for (const t of this.terms) if (termMatchesNode(t, node)) return true;
      return false;
    }
    return true;
  }
}

export class PreferredSchedulingTerms {
  private readonly terms: { weight: number; term: CompiledTerm }[];

  constructor(terms: readonly PreferredSchedulingTerm[]) {
    this.terms = terms.filter((t) => t.weight !== 0).map((t) => ({ weight: t.weight, term: compileTerm(t.preference) }));
  }

  score(node: NodeInfo): number {
    let s = 0;
    for (const t of this.terms) if (termMatchesNode(t.term, node)) s += t.weight;
    return s;
  }
}
