/**
 * PodDisruptionBudget (policy/v1): ValidatePodDisruptionBudgetSpec
 * (pkg/apis/policy/validation/validation.go) and
 * pkg/registry/policy/poddisruptionbudget/strategy.go.
 */
import { path, type FieldError, type Path } from '../../validation/field';
import type { ResourceType } from '../types';
import { notMoreThan100Percent, positiveIntOrPercent } from '../apps/helpers/checks';
import { goQuote, invalidRendered, notSupportedRendered } from '../apps/helpers/goFormat';
import { objAt, type Json } from '../apps/helpers/json';
import { validateLabelSelector } from '../apps/helpers/selector';

const EVICTION_POLICIES = ['AlwaysAllow', 'IfHealthyBudget'];
const present = (v: unknown) => v !== undefined && v !== null;

/** %#v of the spec struct: its pointer fields print as typed addresses. */
function renderSpec(spec: Json): string {
  const ptr = (type: string, v: unknown) => (present(v) ? `(*${type})(0xc000000000)` : `(*${type})(nil)`);
  return (
    `policy.PodDisruptionBudgetSpec{MinAvailable:${ptr('intstr.IntOrString', spec.minAvailable)}, Selector:${ptr('v1.LabelSelector', spec.selector)}, ` +
    `MaxUnavailable:${ptr('intstr.IntOrString', spec.maxUnavailable)}, UnhealthyPodEvictionPolicy:${ptr('policy.UnhealthyPodEvictionPolicyType', spec.unhealthyPodEvictionPolicy)}}`
  );
}

export function validatePDBSpec(spec: Json, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (present(spec.minAvailable) && present(spec.maxUnavailable)) errs.push(invalidRendered(at, renderSpec(spec), 'minAvailable and maxUnavailable cannot be both set'));
  for (const k of ['minAvailable', 'maxUnavailable']) {
    if (!present(spec[k])) continue;
    errs.push(...positiveIntOrPercent(spec[k], at.child(k)), ...notMoreThan100Percent(spec[k], at.child(k)));
  }
  errs.push(...validateLabelSelector(spec.selector, at.child('selector')));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (present(policy) && !EVICTION_POLICIES.includes(policy as string)) {
    errs.push(notSupportedRendered(at.child('unhealthyPodEvictionPolicy'), goQuote(String(policy)), EVICTION_POLICIES));
  }
  return errs;
}

export const podDisruptionBudgetStrategy: Partial<ResourceType> = {
  prepareForCreate(obj) {
    obj.status = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
  },
  prepareForUpdate(obj, old) {
    obj.status = old.status;
  },
  validate: (obj) => validatePDBSpec(objAt(obj, 'spec') ?? {}, path('spec')),
  validateUpdate: (obj) => validatePDBSpec(objAt(obj, 'spec') ?? {}, path('spec')),
};


