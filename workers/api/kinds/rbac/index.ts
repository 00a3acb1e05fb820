/**
 * Strategy hooks for the rbac.authorization.k8s.io/v1 kinds, keyed by Kind.
 * Mirrors pkg/registry/rbac/<kind>/strategy.go.
 */
import { required, path, type FieldError } from '../../validation/field';
import type { KubeObject } from '../../object';
import type { ResourceType } from '../types';
import { arrAt, objAt, isObj } from '../apps/helpers/json';
import { validateLabelSelector } from '../apps/helpers/selector';
import { defaultBinding, roleRefUnchanged, validateBinding, validatePolicyRules, validateRBACName } from './rules';

function validateAggregation(obj: KubeObject): FieldError[] {
  const agg = objAt(obj, 'aggregationRule');
  if (!agg) return [];
  const selectors = arrAt(agg, 'clusterRoleSelectors') ?? [];
  const at = path('aggregationRule', 'clusterRoleSelectors');
  if (!selectors.length) return [required(at, 'at least one clusterRoleSelector required if aggregationRule is non-nil')];
  return selectors.flatMap((s, i) => (isObj(s) ? validateLabelSelector(s, at.index(i)) : []));
}

const role: Partial<ResourceType> = {
  validate: (obj) => [...validateRBACName(obj), ...validatePolicyRules(arrAt(obj, 'rules'), true)],
  validateUpdate: (obj) => validatePolicyRules(arrAt(obj, 'rules'), true),
};

const clusterRole: Partial<ResourceType> = {
  validate: (obj) => [...validateRBACName(obj), ...validatePolicyRules(arrAt(obj, 'rules'), false), ...validateAggregation(obj)],
  validateUpdate: (obj) => [...validatePolicyRules(arrAt(obj, 'rules'), false), ...validateAggregation(obj)],
};

const roleBinding: Partial<ResourceType> = {
  defaults: (obj) => defaultBinding(obj),
  validate: (obj) => [...validateRBACName(obj), ...validateBinding(obj, true)],
  validateUpdate: (obj, old) => [...validateBinding(obj, true), ...roleRefUnchanged(obj, old)],
};

const clusterRoleBinding: Partial<ResourceType> = {
  defaults: (obj) => defaultBinding(obj),
  validate: (obj) => [...validateRBACName(obj), ...validateBinding(obj, false)],
  validateUpdate: (obj, old) => [...validateBinding(obj, false), ...roleRefUnchanged(obj, old)],
};

export const rbacStrategies: Record<string, Partial<ResourceType>> = {
  Role: role,
  ClusterRole: clusterRole,
  RoleBinding: roleBinding,
  ClusterRoleBinding: clusterRoleBinding,
};
