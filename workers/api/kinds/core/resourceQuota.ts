/** ResourceQuota: status reset on create, ValidateResourceQuota / ValidateResourceQuotaUpdate. */
import type { ResourceQuota, ResourceQuotaSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../object';
import { type FieldError, type Path, invalid, path, required } from '../../validation/field';
import { nameIsDNSSubdomain } from '../../validation/names';
import { FIELD_IMMUTABLE, validateObjectMeta, validateObjectMetaUpdate } from '../../validation/objectMeta';
import type { ResourceType } from '../types';
import { defaultResourceList } from './podSpecDefaults';
import { isStandardQuotaResourceName, validateResourceList, validateResourceQuotaResourceName } from './resources';

type Obj = Record<string, unknown>;
const asRQ = (o: KubeObject) => o as unknown as ResourceQuota;

const SCOPES = ['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity'];
const POD_COUNT = new Set(['pods']);
const POD_COMPUTE = new Set(['cpu', 'memory', 'limits.cpu', 'limits.memory', 'requests.cpu', 'requests.memory']);

function scopeValidFor(scope: string, resource: string): boolean {
  switch (scope) {
    case 'Terminating':
    case 'NotTerminating':
    case 'NotBestEffort':
    case 'PriorityClass':
      return POD_COUNT.has(resource) || POD_COMPUTE.has(resource);
    case 'BestEffort':
    case 'CrossNamespacePodAffinity':
      return POD_COUNT.has(resource);
    default:
      return true;
  }
}

function validateScopes(spec: ResourceQuotaSpec, at: Path): FieldError[] {
  const scopes = spec.scopes ?? [];
  if (scopes.length === 0) return [];
  const errs: FieldError[] = [];
  const hard = Object.keys(spec.hard ?? {}).sort();
  const p = at.child('scopes');
  for (const scope of scopes) {
    if (!SCOPES.includes(scope)) errs.push(invalid(p, scopes, 'unsupported scope'));
    for (const k of hard) if (isStandardQuotaResourceName(k) && !scopeValidFor(scope, k)) errs.push(invalid(p, scopes, 'unsupported scope applied to resource'));
  }
  const set = new Set(scopes);
  if ((set.has('BestEffort') && set.has('NotBestEffort')) || (set.has('Terminating') && set.has('NotTerminating'))) errs.push(invalid(p, scopes, 'conflicting scopes'));
  return errs;
}

function validateScopeSelector(spec: ResourceQuotaSpec, at: Path): FieldError[] {
  const sel = spec.scopeSelector;
  if (!sel) return [];
  const errs: FieldError[] = [];
  const p = at.child('scopeSelector', 'matchExpressions');
  const hard = Object.keys(spec.hard ?? {}).sort();
  const seen = new Set<string>();
  for (const req of sel.matchExpressions ?? []) {
    if (!SCOPES.includes(req.scopeName)) errs.push(invalid(p.child('scopeName'), req.scopeName ?? '', 'unsupported scope'));
    for (const k of hard) if (isStandardQuotaResourceName(k) && !scopeValidFor(req.scopeName, k)) errs.push(invalid(p, sel, 'unsupported scope applied to resource'));
    if (['BestEffort', 'NotBestEffort', 'Terminating', 'NotTerminating', 'CrossNamespacePodAffinity'].includes(req.scopeName) && req.operator !== 'Exists') {
      errs.push(
        invalid(
          p.child('operator'),
          req.operator ?? '',
          'must be \'Exists\' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity',
        ),
      );
    }
    const values = req.values ?? [];
    if (req.operator === 'In' || req.operator === 'NotIn') {
      if (values.length === 0) errs.push(required(p.child('values'), "must be at least one value when `operator` is 'In' or 'NotIn' for scope selector"));
    } else if (req.operator === 'Exists' || req.operator === 'DoesNotExist') {
      if (values.length !== 0) errs.push(invalid(p.child('values'), values, "must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector"));
    } else {
      errs.push(invalid(p.child('operator'), req.operator ?? '', 'not a valid selector operator'));
    }
    seen.add(req.scopeName);
  }
  if ((seen.has('BestEffort') && seen.has('NotBestEffort')) || (seen.has('Terminating') && seen.has('NotTerminating'))) {
    errs.push(invalid(p, spec.scopes ?? [], 'conflicting scopes'));
  }
  return errs;
}

function validateSpec(spec: ResourceQuotaSpec | undefined): FieldError[] {
  const s = spec ?? {};
  const at = path('spec');
  const errs = validateResourceList(s.hard, at.child('hard'), validateResourceQuotaResourceName).errs;
  errs.push(...validateScopes(s, at), ...validateScopeSelector(s, at));
  return errs;
}

export function validateResourceQuota(obj: KubeObject): FieldError[] {
  const rq = asRQ(obj);
  const errs = validateObjectMeta(rq.metadata, true, nameIsDNSSubdomain, path('metadata'));
  errs.push(...validateSpec(rq.spec));
  errs.push(...validateResourceList(rq.status?.hard, path('status', 'hard'), validateResourceQuotaResourceName).errs);
  errs.push(...validateResourceList(rq.status?.used, path('status', 'used'), validateResourceQuotaResourceName).errs);
  return errs;
}

export function validateResourceQuotaUpdate(obj: KubeObject, oldObj: KubeObject): FieldError[] {
  const rq = asRQ(obj);
  const old = asRQ(oldObj);
  const errs = validateObjectMetaUpdate(rq.metadata, old.metadata, path('metadata'));
  errs.push(...validateSpec(rq.spec));
  const a = new Set(rq.spec?.scopes ?? []);
  const b = new Set(old.spec?.scopes ?? []);
  if (a.size !== b.size || [...a].some((s) => !b.has(s))) errs.push(invalid(path('spec', 'scopes'), rq.spec?.scopes ?? [], FIELD_IMMUTABLE));
  return errs;
}

export const resourceQuotaStrategy: Partial<ResourceType> = {
  defaults: (obj) => {
    const rq = asRQ(obj);
    defaultResourceList(rq.spec?.hard);
    defaultResourceList(rq.status?.hard);
    defaultResourceList(rq.status?.used);
  },
  prepareForCreate: (obj) => {
    (obj as Obj).status = {};
  },
  prepareForUpdate: (obj, old) => {
    (obj as Obj).status = (old as Obj).status;
  },
  validate: (obj) => validateResourceQuota(obj),
  validateUpdate: (obj, old) => validateResourceQuotaUpdate(obj, old),
};
