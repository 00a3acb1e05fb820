/**
 * Scheduling constraints of a PodSpec: node/pod (anti-)affinity,
 * tolerations, taints and topology spread, as
 * pkg/apis/core/validation/validation.go checks them.
 */
import type {
  Affinity,
  NodeSelector,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  PodAffinityTerm,
  Toleration,
  TopologySpreadConstraint,
  WeightedPodAffinityTerm,
} from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { type FieldError, type Path, forbidden, invalid, notSupported, required } from '../../validation/field';
import { isValidLabelValue, validateLabelName, validateLabelSelector } from '../../validation/labels';
import { nameIsDNSLabel, nameIsDNSSubdomain } from '../../validation/names';
import { duplicateRendered } from './goErrors';

export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function validateTaintEffect(effect: string | undefined, allowEmpty: boolean, at: Path): FieldError[] {
  if (!allowEmpty && !effect) return [required(at, '')];
  return TAINT_EFFECTS.includes(effect ?? '') ? [] : [notSupported(at, effect ?? '', TAINT_EFFECTS)];
}

export function validateNodeSelectorRequirement(rq: NodeSelectorRequirement, allowInvalidValues: boolean, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const values = rq.values ?? [];
  switch (rq.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(required(at.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push(forbidden(at.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) errs.push(required(at.child('values'), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(invalid(at.child('operator'), rq.operator ?? '', 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(rq.key ?? '', at.child('key')));
  if (!allowInvalidValues) values.forEach((v, i) => isValidLabelValue(v).forEach((m) => errs.push(invalid(at.child('values').index(i), v, m))));
  return errs;
}

function validateNodeFieldSelectorRequirement(rq: NodeSelectorRequirement, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const values = rq.values ?? [];
  if (rq.operator === 'In' || rq.operator === 'NotIn') {
    if (values.length !== 1) errs.push(required(at.child('values'), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
  } else {
    errs.push(invalid(at.child('operator'), rq.operator ?? '', 'not a valid selector operator'));
  }
  if (rq.key !== 'metadata.name') errs.push(invalid(at.child('key'), rq.key ?? '', 'not a valid field selector key'));
  else values.forEach((v, i) => nameIsDNSSubdomain(v, false).forEach((m) => errs.push(invalid(at.child('values').index(i), v, m))));
  return errs;
}

export function validateNodeSelectorTerm(term: NodeSelectorTerm, allowInvalidValues: boolean, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  (term.matchExpressions ?? []).forEach((r, j) => errs.push(...validateNodeSelectorRequirement(r, allowInvalidValues, at.child('matchExpressions').index(j))));
  (term.matchFields ?? []).forEach((r, j) => errs.push(...validateNodeFieldSelectorRequirement(r, at.child('matchFields').index(j))));
  return errs;
}

export function validateNodeSelector(ns: NodeSelector, allowInvalidValues: boolean, at: Path): FieldError[] {
  const terms = ns.nodeSelectorTerms ?? [];
  const p = at.child('nodeSelectorTerms');
  if (terms.length === 0) return [required(p, 'must have at least one node selector term')];
  return terms.flatMap((t, i) => validateNodeSelectorTerm(t ?? {}, allowInvalidValues, p.index(i)));
}

function validateLabelKeys(at: Path, keys: string[] | undefined, selector: LabelSelector | undefined): FieldError[] {
  if (!keys || keys.length === 0) return [];
  if (!selector) return [forbidden(at, 'must not be specified when labelSelector is not set')];
  return keys.flatMap((k, i) => validateLabelName(k, at.index(i)));
}

function validatePodAffinityTerm(term: PodAffinityTerm, at: Path): FieldError[] {
  const errs = validateLabelSelector(term.labelSelector, {}, at.child('labelSelector'));
  errs.push(...validateLabelSelector(term.namespaceSelector, {}, at.child('namespaceSelector')));
  for (const ns of term.namespaces ?? []) for (const m of nameIsDNSLabel(ns, false)) errs.push(invalid(at.child('namespace'), ns, m));
  const t = term as PodAffinityTerm & { matchLabelKeys?: string[]; mismatchLabelKeys?: string[] };
  errs.push(...validateLabelKeys(at.child('matchLabelKeys'), t.matchLabelKeys, term.labelSelector));
  errs.push(...validateLabelKeys(at.child('mismatchLabelKeys'), t.mismatchLabelKeys, term.labelSelector));
  const mismatch = new Set(t.mismatchLabelKeys ?? []);
  (t.matchLabelKeys ?? []).forEach((k, i) => {
    if (mismatch.has(k)) errs.push(invalid(at.child('matchLabelKeys').index(i), k, 'exists in both matchLabelKeys and mismatchLabelKeys'));
  });
  if (!term.topologyKey) errs.push(required(at.child('topologyKey'), 'can not be empty'));
  errs.push(...validateLabelName(term.topologyKey ?? '', at.child('topologyKey')));
  return errs;
}

function validateWeightedTerms(terms: WeightedPodAffinityTerm[] | undefined, at: Path): FieldError[] {
  return (terms ?? []).flatMap((t, j) => {
    const errs: FieldError[] = [];
    if (!(t.weight > 0 && t.weight <= 100)) errs.push(invalid(at.index(j).child('weight'), t.weight ?? 0, 'must be in the range 1-100'));
    errs.push(...validatePodAffinityTerm(t.podAffinityTerm ?? ({} as PodAffinityTerm), at.index(j).child('podAffinityTerm')));
    return errs;
  });
}

export function validateAffinity(affinity: Affinity | undefined, at: Path): FieldError[] {
  if (!affinity) return [];
  const errs: FieldError[] = [];
  const na = affinity.nodeAffinity;
  if (na) {
    const p = at.child('nodeAffinity');
    if (na.requiredDuringSchedulingIgnoredDuringExecution) {
      errs.push(...validateNodeSelector(na.requiredDuringSchedulingIgnoredDuringExecution, false, p.child('requiredDuringSchedulingIgnoredDuringExecution')));
    }
    (na.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t, i) => {
      const tp = p.child('preferredDuringSchedulingIgnoredDuringExecution').index(i);
      if (!(t.weight > 0 && t.weight <= 100)) errs.push(invalid(tp.child('weight'), t.weight ?? 0, 'must be in the range 1-100'));
      // Preferred terms tolerate invalid label values: they may still match on a one-node cluster.
      errs.push(...validateNodeSelectorTerm(t.preference ?? {}, true, tp.child('preference')));
    });
  }
  for (const kind of ['podAffinity', 'podAntiAffinity'] as const) {
    const pa = affinity[kind];
    if (!pa) continue;
    const p = at.child(kind);
    (pa.requiredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t, i) =>
      errs.push(...validatePodAffinityTerm(t, p.child('requiredDuringSchedulingIgnoredDuringExecution').index(i))),
    );
    errs.push(...validateWeightedTerms(pa.preferredDuringSchedulingIgnoredDuringExecution, p.child('preferredDuringSchedulingIgnoredDuringExecution')));
  }
  return errs;
}

export function validateTolerations(tolerations: Toleration[] | undefined, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const p = at.index(i);
    if (t.key) errs.push(...validateLabelName(t.key, p.child('key')));
    if (!t.key && t.operator !== 'Exists') {
      errs.push(invalid(p.child('operator'), t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && t.effect !== 'NoExecute') {
      errs.push(invalid(p.child('effect'), t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    switch (t.operator ?? '') {
      case 'Equal':
      case '': {
        const msgs = isValidLabelValue(t.value ?? '');
        if (msgs.length) errs.push(invalid(p.child('operator'), t.value ?? '', msgs.join(';')));
        break;
      }
      case 'Exists':
        if (t.value) errs.push(invalid(p.child('operator'), t.value, "value must be empty when `operator` is 'Exists'"));
        break;
      default:
        errs.push(notSupported(p.child('operator'), t.operator, ['Equal', 'Exists']));
    }
    if (t.effect) errs.push(...validateTaintEffect(t.effect, true, p.child('effect')));
  });
  return errs;
}

export function validateTopologySpreadConstraints(list: TopologySpreadConstraint[] | undefined, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const cs = list ?? [];
  cs.forEach((c, i) => {
    const p = at.index(i);
    if (!(c.maxSkew > 0)) errs.push(invalid(p.child('maxSkew'), c.maxSkew ?? 0, 'must be greater than zero'));
    if (!c.topologyKey) errs.push(required(p.child('topologyKey'), 'can not be empty'));
    if (c.whenUnsatisfiable !== 'DoNotSchedule' && c.whenUnsatisfiable !== 'ScheduleAnyway') {
      errs.push(notSupported(p.child('whenUnsatisfiable'), c.whenUnsatisfiable ?? '', ['DoNotSchedule', 'ScheduleAnyway']));
    }
    if (cs.slice(i + 1).some((o) => o.topologyKey === c.topologyKey && o.whenUnsatisfiable === c.whenUnsatisfiable)) {
      errs.push(duplicateRendered(p.child('{topologyKey, whenUnsatisfiable}'), JSON.stringify(`{${c.topologyKey ?? ''}, ${c.whenUnsatisfiable ?? ''}}`)));
    }
    if (c.minDomains !== undefined && c.minDomains !== null) {
      if (c.minDomains <= 0) errs.push(invalid(p.child('minDomains'), c.minDomains, 'must be greater than zero'));
      if (c.whenUnsatisfiable !== 'DoNotSchedule') {
        errs.push(invalid(p.child('minDomains'), c.minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${c.whenUnsatisfiable ?? ''}`));
      }
    }
    for (const f of ['nodeAffinityPolicy', 'nodeTaintsPolicy'] as const) {
      const v = c[f];
      if (v !== undefined && v !== 'Honor' && v !== 'Ignore') errs.push(notSupported(p.child(f), v, ['Honor', 'Ignore']));
    }
    const keys = c.matchLabelKeys ?? [];
    if (keys.length) {
      const selKeys = new Set([...Object.keys(c.labelSelector?.matchLabels ?? {}), ...(c.labelSelector?.matchExpressions ?? []).map((e) => e.key)]);
      if (!c.labelSelector) errs.push(forbidden(p.child('matchLabelKeys'), 'must not be specified when labelSelector is not set'));
      keys.forEach((k, j) => {
        errs.push(...validateLabelName(k, p.child('matchLabelKeys').index(j)));
        if (selKeys.has(k)) errs.push(invalid(p.child('matchLabelKeys').index(j), k, 'exists in both matchLabelKeys and labelSelector'));
      });
    }
    errs.push(...validateLabelSelector(c.labelSelector, {}, p.child('labelSelector')));
  });
  return errs;
}
