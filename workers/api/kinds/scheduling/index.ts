/**
 * Strategy hooks for scheduling.k8s.io/v1 PriorityClass, keyed by Kind.
 * Mirrors pkg/apis/scheduling/v1/defaults.go and
 * pkg/apis/scheduling/validation/validation.go.
 */
import { forbidden, notSupported, path, type FieldError } from '../../validation/field';
import type { KubeObject } from '../../object';
import type { ResourceType } from '../types';
import { immutable } from '../apps/helpers/checks';
import { goScalar } from '../apps/helpers/goFormat';
import { setDefault } from '../apps/helpers/json';

export const HIGHEST_USER_DEFINABLE_PRIORITY = 1000000000;
export const SYSTEM_PRIORITY_CLASSES: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};
const PREEMPTION_POLICIES = ['Never', 'PreemptLowerPriority'];

/** scheduling.IsKnownSystemPriorityClass */
function systemClassError(name: string, value: unknown, globalDefault: unknown): string | undefined {
  const want = SYSTEM_PRIORITY_CLASSES[name];
  if (want === undefined) return `${name} is not a known system priority class`;
  if (value !== want) return `value of ${name} PriorityClass must be ${want}`;
  if (globalDefault === true) return `globalDefault of ${name} PriorityClass must be false`;
  return undefined;
}

function validatePriorityClass(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const name = obj.metadata.name ?? '';
  const value = typeof obj.value === 'number' ? obj.value : 0;
  if (name.startsWith('system-')) {
    const err = systemClassError(name, value, obj.globalDefault);
    if (err) errs.push(forbidden(path('metadata', 'name'), `priority class names with 'system-' prefix are reserved for system use only. error: ${err}`));
  } else if (value > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errs.push(forbidden(path('value'), `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
  }
  const pp = obj.preemptionPolicy;
  if (pp != null && !PREEMPTION_POLICIES.includes(pp as string)) errs.push(notSupported(path('preemptionPolicy'), pp, PREEMPTION_POLICIES));
  return errs;
}

const priorityClass: Partial<ResourceType> = {
  defaults: (obj) => setDefault(obj, 'preemptionPolicy', 'PreemptLowerPriority'),
  validate: (obj) => validatePriorityClass(obj),
  validateUpdate(obj, old) {
    const errs: FieldError[] = [];
    if (obj.value !== old.value) errs.push(forbidden(path('value'), 'may not be changed in an update.'));
    errs.push(...immutable(obj.preemptionPolicy, old.preemptionPolicy, path('preemptionPolicy'), goScalar(obj.preemptionPolicy)));
    return errs;
  },
};

export const schedulingStrategies: Record<string, Partial<ResourceType>> = { PriorityClass: priorityClass };
