/**
 * CustomResourceDefinition (apiextensions.k8s.io/v1): defaults
 * (staging/src/k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1/defaults.go),
 * the main rules of pkg/apis/apiextensions/validation/validation.go, and
 * pkg/registry/customresourcedefinition/strategy.go (stored versions).
 */
import { invalid, notSupported, path, required, type FieldError, type Path } from '../../validation/field';
import type { KubeObject } from '../../object';
import type { ResourceType } from '../types';
import { immutable } from '../apps/helpers/checks';
import { goScalar, invalidRendered } from '../apps/helpers/goFormat';
import { arrAt, ensureObj, isObj, objAt, type Json } from '../apps/helpers/json';
import { isDNS1035Label, isDNS1123Subdomain } from '../apps/helpers/names';

const SCOPES = ['Cluster', 'Namespaced'];
const CONVERSION_STRATEGIES = ['None', 'Webhook'];

export function defaultCRD(obj: KubeObject): void {
  const spec = ensureObj(obj, 'spec');
  const names = ensureObj(spec, 'names');
  const kind = typeof names.kind === 'string' ? names.kind : '';
  if (!names.singular) names.singular = kind.toLowerCase();
  if (!names.listKind && kind) names.listKind = `${kind}List`;
  if (!isObj(spec.conversion)) spec.conversion = { strategy: 'None' };
  const svc = objAt(objAt(objAt(objAt(spec, 'conversion'), 'webhook'), 'clientConfig'), 'service');
  if (svc && (svc.port === undefined || svc.port === null)) svc.port = 443;
}

function storageVersion(obj: KubeObject): string | undefined {
  const v = (arrAt(objAt(obj, 'spec'), 'versions') ?? []).find((x) => isObj(x) && x.storage === true);
  return isObj(v) && typeof v.name === 'string' ? v.name : undefined;
}

/** The storage version joins status.storedVersions the first time it is used. */
function recordStoredVersion(obj: KubeObject): void {
  const sv = storageVersion(obj);
  if (!sv) return;
  const status = ensureObj(obj, 'status');
  const stored = Array.isArray(status.storedVersions) ? (status.storedVersions as string[]) : [];
  if (!stored.includes(sv)) status.storedVersions = [...stored, sv];
}

const dns1035 = (v: string) => isDNS1035Label(v).join(',');

function validateNames(names: Json, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const s = (k: string) => (typeof names[k] === 'string' ? (names[k] as string) : '');
  for (const k of ['plural', 'singular']) {
    const v = s(k);
    if (v && dns1035(v)) errs.push(invalid(at.child(k), v, dns1035(v)));
  }
  for (const k of ['kind', 'listKind']) {
    const v = s(k);
    if (v && dns1035(v.toLowerCase())) errs.push(invalid(at.child(k), v, `may have mixed case, but should otherwise match: ${dns1035(v.toLowerCase())}`));
  }
  (arrAt(names, 'shortNames') ?? []).forEach((sn, i) => {
    const v = String(sn);
    if (dns1035(v)) errs.push(invalid(at.child('shortNames').index(i), v, dns1035(v)));
  });
  if (s('kind') && s('kind') === s('listKind')) errs.push(invalid(at.child('listKind'), s('listKind'), 'kind and listKind may not be the same'));
  (arrAt(names, 'categories') ?? []).forEach((c, i) => {
    const v = String(c);
    if (dns1035(v)) errs.push(invalid(at.child('categories').index(i), v, dns1035(v)));
  });
  return errs;
}

function renderVersions(versions: unknown[]): string {
  return `[]apiextensions.CustomResourceDefinitionVersion{${versions.map(() => 'apiextensions.CustomResourceDefinitionVersion{...}').join(', ')}}`;
}

function validateVersions(spec: Json, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const versions = arrAt(spec, 'versions') ?? [];
  if (!versions.length) errs.push(required(at.child('versions'), 'must have exactly one version marked as storage version'));
  let storage = 0;
  const seen = new Set<string>();
  let unique = true;
  versions.forEach((raw, i) => {
    const v = isObj(raw) ? raw : {};
    const vp = at.child('versions').index(i);
    const name = typeof v.name === 'string' ? v.name : '';
    if (v.storage === true) storage++;
    if (seen.has(name)) unique = false;
    seen.add(name);
    if (dns1035(name)) errs.push(invalid(vp.child('name'), name, dns1035(name)));
    const schema = objAt(objAt(v, 'schema'), 'openAPIV3Schema');
    if (!schema) errs.push(required(vp.child('schema', 'openAPIV3Schema'), 'schemas are required'));
    else if (!schema.type) errs.push(required(vp.child('schema', 'openAPIV3Schema', 'type'), 'must not be empty at the root'));
    else if (schema.type !== 'object') errs.push(invalid(vp.child('schema', 'openAPIV3Schema', 'type'), schema.type, 'must be object at the root'));
  });
  if (!unique) errs.push(invalidRendered(at.child('versions'), renderVersions(versions), 'must contain unique version names'));
  if (versions.length && storage !== 1) errs.push(invalidRendered(at.child('versions'), renderVersions(versions), 'must have exactly one version marked as storage version'));
  return errs;
}

export function validateCRD(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const spec = objAt(obj, 'spec') ?? {};
  const names = objAt(spec, 'names') ?? {};
  const group = typeof spec.group === 'string' ? spec.group : '';
  const plural = typeof names.plural === 'string' ? names.plural : '';
  const name = obj.metadata.name ?? '';
  if (name !== `${plural}.${group}`) errs.push(invalid(path('metadata', 'name'), name, 'must be spec.names.plural+"."+spec.group'));

  const at = path('spec');
  if (!group) errs.push(required(at.child('group'), ''));
  else {
    const ge = isDNS1123Subdomain(group);
    if (ge.length) errs.push(invalid(at.child('group'), group, ge.join(',')));
    else if (!group.includes('.')) errs.push(invalid(at.child('group'), group, 'should be a domain with at least one dot'));
  }
  const scope = spec.scope;
  if (!scope) errs.push(required(at.child('scope'), ''));
  else if (!SCOPES.includes(scope as string)) errs.push(notSupported(at.child('scope'), scope, SCOPES));
  errs.push(...validateVersions(spec, at));
  for (const k of ['plural', 'singular', 'kind', 'listKind']) if (!names[k]) errs.push(required(at.child('names', k), ''));
  errs.push(...validateNames(names, at.child('names')));
  const strategy = objAt(spec, 'conversion')?.strategy;
  if (strategy != null && !CONVERSION_STRATEGIES.includes(strategy as string)) errs.push(notSupported(at.child('conversion', 'strategy'), strategy, CONVERSION_STRATEGIES));
  return errs;
}

function isEstablished(obj: KubeObject): boolean {
  return (arrAt(objAt(obj, 'status'), 'conditions') ?? []).some((c) => isObj(c) && c.type === 'Established' && c.status === 'True');
}

export const customResourceDefinitionStrategy: Partial<ResourceType> = {
  defaults: (obj) => defaultCRD(obj),
  prepareForCreate(obj) {
    obj.status = { acceptedNames: { plural: '', kind: '' }, storedVersions: [] };
    recordStoredVersion(obj);
  },
  prepareForUpdate(obj, old) {
    obj.status = old.status;
    recordStoredVersion(obj);
  },
  validate: (obj) => validateCRD(obj),
  validateUpdate(obj, old) {
    const spec = objAt(obj, 'spec') ?? {};
    const oldSpec = objAt(old, 'spec') ?? {};
    const errs = validateCRD(obj);
    errs.push(...immutable(spec.group, oldSpec.group, path('spec', 'group'), goScalar(spec.group)));
    const plural = objAt(spec, 'names')?.plural;
    errs.push(...immutable(plural, objAt(oldSpec, 'names')?.plural, path('spec', 'names', 'plural'), goScalar(plural)));
    if (isEstablished(old)) errs.push(...immutable(spec.scope, oldSpec.scope, path('spec', 'scope'), goScalar(spec.scope)));
    return errs;
  },
};
