/**
 * IngressClass: SetDefaults_IngressClass and ValidateIngressClass(Update)
 * in pkg/apis/networking.
 */
import { invalid, notSupported, path, required, type FieldError } from '../../validation/field';
import type { ResourceType } from '../types';
import { immutable, pathSegmentNameErrors } from '../apps/helpers/checks';
import { goScalar } from '../apps/helpers/goFormat';
import { objAt, type Json } from '../apps/helpers/json';
import { isDNS1123Label, isDNS1123Subdomain } from '../apps/helpers/names';

const MAX_CONTROLLER_LEN = 250;
const SCOPES = ['Cluster', 'Namespace'];

function validateParameters(params: Json, at: ReturnType<typeof path>): FieldError[] {
  const errs: FieldError[] = [];
  if (typeof params.apiGroup === 'string') for (const m of isDNS1123Subdomain(params.apiGroup)) errs.push(invalid(at.child('apiGroup'), params.apiGroup, m));
  for (const k of ['kind', 'name']) {
    const v = typeof params[k] === 'string' ? (params[k] as string) : '';
    if (!v) errs.push(required(at.child(k), `${k} is required`));
    else for (const m of pathSegmentNameErrors(v)) errs.push(invalid(at.child(k), v, m));
  }
  const scope = params.scope;
  if (scope === undefined || scope === null) errs.push(required(at.child('scope'), ''));
  else if (!SCOPES.includes(scope as string)) errs.push(notSupported(at.child('scope'), scope, SCOPES));
  else if (scope === 'Namespace') {
    const ns = typeof params.namespace === 'string' ? params.namespace : '';
    if (!ns) errs.push(required(at.child('namespace'), '`parameters.scope` is set to "Namespace"'));
    else for (const m of isDNS1123Label(ns)) errs.push(invalid(at.child('namespace'), ns, m));
  } else if (params.namespace !== undefined && params.namespace !== null) {
    errs.push(invalid(at.child('namespace'), params.namespace, '`parameters.scope` is set to "Cluster"'));
  }
  return errs;
}

function validateSpec(spec: Json): FieldError[] {
  const errs: FieldError[] = [];
  const at = path('spec');
  const controller = typeof spec.controller === 'string' ? spec.controller : '';
  if (!controller) errs.push(required(at.child('controller'), ''));
  else {
    if (controller.length > MAX_CONTROLLER_LEN) errs.push({ type: 'FieldValueTooLong', field: at.child('controller').toString(), value: goScalar(controller), detail: `may not be more than ${MAX_CONTROLLER_LEN} bytes` });
    // IsDomainPrefixedPath: "<domain>/<path>".
    const slash = controller.indexOf('/');
    if (slash < 0) errs.push(invalid(at.child('controller'), controller, 'must be a domain-prefixed path (such as "acme.io/foo")'));
    else for (const m of isDNS1123Subdomain(controller.slice(0, slash))) errs.push(invalid(at.child('controller'), controller, m));
  }
  const params = objAt(spec, 'parameters');
  if (params) errs.push(...validateParameters(params, at.child('parameters')));
  return errs;
}

export const ingressClassStrategy: Partial<ResourceType> = {
  defaults(obj) {
    const params = objAt(objAt(obj, 'spec'), 'parameters');
    if (params && (params.scope === undefined || params.scope === null)) params.scope = 'Cluster';
  },
  validate: (obj) => validateSpec(objAt(obj, 'spec') ?? {}),
  validateUpdate(obj, old) {
    const spec = objAt(obj, 'spec') ?? {};
    const oldSpec = objAt(old, 'spec') ?? {};
    return [...validateSpec(spec), ...immutable(spec.controller, oldSpec.controller, path('spec', 'controller'), goScalar(spec.controller))];
  },
};


