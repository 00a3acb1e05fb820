/**
 * RBAC validation shared by the four kinds: ValidatePolicyRule,
 * ValidateRoleBindingSubject and the roleRef checks in
 * pkg/apis/rbac/validation/validation.go, plus the subject/roleRef
 * defaults of pkg/apis/rbac/v1/defaults.go.
 */
import { invalid, notSupported, path, required, type FieldError, type Path } from '../../validation/field';
import type { KubeObject } from '../../object';
import { pathSegmentNameErrors } from '../apps/helpers/checks';
import { goQuote, goStringSlice, invalidRendered } from '../apps/helpers/goFormat';
import { arrAt, ensureObj, isObj, objAt, type Json } from '../apps/helpers/json';
import { isDNS1123Subdomain } from '../apps/helpers/names';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** RBAC names are path segments, so "system:controller:x" is fine (ValidateRBACName). */
export function validateRBACName(obj: KubeObject): FieldError[] {
  const name = obj.metadata.name;
  return name ? pathSegmentNameErrors(name).map((m) => invalid(path('metadata', 'name'), name, m)) : [];
}

export function validatePolicyRules(rules: unknown[] | undefined, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  (rules ?? []).forEach((raw, i) => {
    const rule = isObj(raw) ? raw : {};
    const at = path('rules').index(i);
    const len = (k: string) => (Array.isArray(rule[k]) ? (rule[k] as unknown[]).length : 0);
    if (!len('verbs')) errs.push(required(at.child('verbs'), 'verbs must contain at least one value'));
    if (len('nonResourceURLs')) {
      const urls = goStringSlice(rule.nonResourceURLs);
      if (namespaced) errs.push(invalidRendered(at.child('nonResourceURLs'), urls, 'namespaced rules cannot apply to non-resource URLs'));
      if (len('apiGroups') || len('resources') || len('resourceNames')) {
        errs.push(invalidRendered(at.child('nonResourceURLs'), urls, 'rules cannot apply to both regular resources and non-resource URLs'));
      }
      return;
    }
    if (!len('apiGroups')) errs.push(required(at.child('apiGroups'), 'resource rules must supply at least one api group'));
    if (!len('resources')) errs.push(required(at.child('resources'), 'resource rules must supply at least one resource'));
  });
  return errs;
}

export function defaultBinding(obj: KubeObject): void {
  const ref = ensureObj(obj, 'roleRef');
  if (!ref.apiGroup) ref.apiGroup = RBAC_GROUP;
  for (const s of arrAt(obj, 'subjects') ?? []) {
    if (!isObj(s) || s.apiGroup) continue;
    if (s.kind === 'ServiceAccount') s.apiGroup = '';
    else if (s.kind === 'User' || s.kind === 'Group') s.apiGroup = RBAC_GROUP;
  }
}

function validateSubject(s: Json, namespaced: boolean, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const name = typeof s.name === 'string' ? s.name : '';
  const apiGroup = typeof s.apiGroup === 'string' ? s.apiGroup : '';
  if (!name) errs.push(required(at.child('name'), ''));
  switch (s.kind) {
    case 'ServiceAccount':
      if (name) for (const m of isDNS1123Subdomain(name)) errs.push(invalid(at.child('name'), name, m));
      if (apiGroup) errs.push(notSupported(at.child('apiGroup'), apiGroup, ['']));
      if (!namespaced && !s.namespace) errs.push(required(at.child('namespace'), ''));
      break;
    case 'User':
    case 'Group':
      if (apiGroup !== RBAC_GROUP) errs.push(notSupported(at.child('apiGroup'), apiGroup, [RBAC_GROUP]));
      break;
    default:
      errs.push(notSupported(at.child('kind'), typeof s.kind === 'string' ? s.kind : '', ['ServiceAccount', 'User', 'Group']));
  }
  return errs;
}

export function validateBinding(obj: KubeObject, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const ref = objAt(obj, 'roleRef') ?? {};
  if (ref.apiGroup !== RBAC_GROUP) errs.push(notSupported(path('roleRef', 'apiGroup'), typeof ref.apiGroup === 'string' ? ref.apiGroup : '', [RBAC_GROUP]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(ref.kind as string)) errs.push(notSupported(path('roleRef', 'kind'), typeof ref.kind === 'string' ? ref.kind : '', kinds));
  const name = typeof ref.name === 'string' ? ref.name : '';
  if (!name) errs.push(required(path('roleRef', 'name'), ''));
  else for (const m of pathSegmentNameErrors(name)) errs.push(invalid(path('roleRef', 'name'), name, m));
  (arrAt(obj, 'subjects') ?? []).forEach((s, i) => errs.push(...validateSubject(isObj(s) ? s : {}, namespaced, path('subjects').index(i))));
  return errs;
}

/** The binding's roleRef can never change: `roleRef: Invalid value: rbac.RoleRef{...}: cannot change roleRef`. */
export function roleRefUnchanged(obj: KubeObject, old: KubeObject): FieldError[] {
  const ref = objAt(obj, 'roleRef') ?? {};
  const prev = objAt(old, 'roleRef') ?? {};
  if (ref.apiGroup === prev.apiGroup && ref.kind === prev.kind && ref.name === prev.name) return [];
  const s = (v: unknown) => goQuote(typeof v === 'string' ? v : '');
  return [invalidRendered(path('roleRef'), `rbac.RoleRef{APIGroup:${s(ref.apiGroup)}, Kind:${s(ref.kind)}, Name:${s(ref.name)}}`, 'cannot change roleRef')];
}
