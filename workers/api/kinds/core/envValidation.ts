/**
 * Container env, envFrom and the downward API selectors, as
 * pkg/apis/core/validation/validation.go checks them (ValidateEnv,
 * ValidateEnvFrom, validateObjectFieldSelector, ...).
 */
import type { EnvFromSource, EnvVar } from 'kubernetes-types/core/v1';
import { type FieldError, type Path, invalid, notSupported, required } from '../../validation/field';
import { isConfigMapKey, isRelaxedEnvVarName } from '../../validation/formats';
import { isQualifiedName } from '../../validation/labels';
import { nameIsDNSSubdomain } from '../../validation/names';
import { parseQuantity, quantityString } from '../../validation/quantity';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
].sort();

const RESOURCE_FIELD_PATHS = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory'];
const HUGEPAGES_PREFIXES = ['limits.hugepages-', 'requests.hugepages-'];

/** fieldpath.SplitMaybeSubscriptedPath: `metadata.labels['app']` → ['metadata.labels', 'app']. */
function splitSubscript(p: string): [string, string] | undefined {
  if (!p.endsWith("']")) return undefined;
  const s = p.slice(0, -2);
  const i = s.indexOf("['");
  if (i <= 0) return undefined;
  return [s.slice(0, i), s.slice(i + 2)];
}

const DOWNWARD_LABELS = new Set([
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.serviceAccountName',
  'spec.schedulerName',
  'status.phase',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
]);

/** pods.ConvertDownwardAPIFieldLabel. */
function convertDownwardAPIFieldLabel(version: string, label: string): { path: string } | { error: string } {
  if (version !== 'v1') return { error: `unsupported pod version: ${version}` };
  const sub = splitSubscript(label);
  if (sub) {
    return sub[0] === 'metadata.annotations' || sub[0] === 'metadata.labels' ? { path: label } : { error: `field label does not support subscript: ${label}` };
  }
  if (label === 'spec.host') return { path: 'spec.nodeName' };
  return DOWNWARD_LABELS.has(label) ? { path: label } : { error: `field label not supported: ${label}` };
}

export function validateObjectFieldSelector(fs: Obj, expressions: string[], at: Path): FieldError[] {
  const apiVersion = typeof fs.apiVersion === 'string' ? fs.apiVersion : '';
  const fieldPath = typeof fs.fieldPath === 'string' ? fs.fieldPath : '';
  if (!apiVersion) return [required(at.child('apiVersion'), '')];
  if (!fieldPath) return [required(at.child('fieldPath'), '')];
  const conv = convertDownwardAPIFieldLabel(apiVersion, fieldPath);
  if ('error' in conv) return [invalid(at.child('fieldPath'), fieldPath, `error converting fieldPath: ${conv.error}`)];
  const sub = splitSubscript(conv.path);
  if (sub) {
    const [p, key] = sub;
    if (p === 'metadata.annotations') return isQualifiedName(key.toLowerCase()).map((m) => invalid(at, key.toLowerCase(), m));
    if (p === 'metadata.labels') return isQualifiedName(key).map((m) => invalid(at, key, m));
    return [invalid(at, p, 'does not support subscript')];
  }
  if (!expressions.includes(conv.path)) return [notSupported(at.child('fieldPath'), conv.path, [...expressions].sort())];
  return [];
}

const CPU_DIVISORS = ['1m', '1'];
const BYTE_DIVISORS = ['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei'];
const BYTE_DIVISOR_TEXT = '1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei';

function validateDivisor(resource: string, divisor: unknown, at: Path): FieldError[] {
  if (divisor === undefined || divisor === null) return [];
  const q = parseQuantity(divisor as string);
  if (!q || q.mant === 0n) return [];
  const s = quantityString(q);
  const p = at.child('divisor');
  switch (resource) {
    case 'limits.cpu':
    case 'requests.cpu':
      return CPU_DIVISORS.includes(s) ? [] : [invalid(p, resource, "only divisor's values 1m and 1 are supported with the cpu resource")];
    case 'limits.memory':
    case 'requests.memory':
      return BYTE_DIVISORS.includes(s) ? [] : [invalid(p, resource, `only divisor's values ${BYTE_DIVISOR_TEXT} are supported with the memory resource`)];
    case 'limits.ephemeral-storage':
    case 'requests.ephemeral-storage':
      return BYTE_DIVISORS.includes(s)
        ? []
        : [invalid(p, resource, `only divisor's values ${BYTE_DIVISOR_TEXT} are supported with the local ephemeral storage resource`)];
  }
  if (HUGEPAGES_PREFIXES.some((x) => resource.startsWith(x)) && !BYTE_DIVISORS.includes(s)) {
    return [invalid(p, resource, `only divisor's values ${BYTE_DIVISOR_TEXT} are supported with the hugepages resource`)];
  }
  return [];
}

export function validateResourceFieldSelector(fs: Obj, at: Path, volume: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const resource = typeof fs.resource === 'string' ? fs.resource : '';
  if (volume && !fs.containerName) errs.push(required(at.child('containerName'), ''));
  else if (!resource) errs.push(required(at.child('resource'), ''));
  else if (!RESOURCE_FIELD_PATHS.includes(resource) && !HUGEPAGES_PREFIXES.some((x) => resource.startsWith(x))) {
    errs.push(notSupported(at.child('resource'), resource, RESOURCE_FIELD_PATHS));
  }
  errs.push(...validateDivisor(resource, fs.divisor, at));
  return errs;
}

export function validateConfigMapKeyName(key: string, at: Path): FieldError[] {
  return isConfigMapKey(key).map((m) => invalid(at, key, m));
}

function validateKeySelector(s: Obj, at: Path): FieldError[] {
  const name = typeof s.name === 'string' ? s.name : '';
  const errs = nameIsDNSSubdomain(name, false).map((m) => invalid(at.child('name'), name, m));
  const key = typeof s.key === 'string' ? s.key : '';
  if (!key) errs.push(required(at.child('key'), ''));
  else errs.push(...validateConfigMapKeyName(key, at.child('key')));
  return errs;
}

function validateEnvVarValueFrom(ev: EnvVar, at: Path): FieldError[] {
  const vf = ev.valueFrom as Obj | undefined;
  if (!isObj(vf)) return [];
  const errs: FieldError[] = [];
  let n = 0;
  if (isObj(vf.fieldRef)) {
    n++;
    errs.push(...validateObjectFieldSelector(vf.fieldRef, ENV_FIELD_PATHS, at.child('fieldRef')));
  }
  if (isObj(vf.resourceFieldRef)) {
    n++;
    errs.push(...validateResourceFieldSelector(vf.resourceFieldRef, at.child('resourceFieldRef'), false));
  }
  if (isObj(vf.configMapKeyRef)) {
    n++;
    errs.push(...validateKeySelector(vf.configMapKeyRef, at.child('configMapKeyRef')));
  }
  if (isObj(vf.secretKeyRef)) {
    n++;
    errs.push(...validateKeySelector(vf.secretKeyRef, at.child('secretKeyRef')));
  }
  if (n === 0) errs.push(invalid(at, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  else if (ev.value) errs.push(invalid(at, '', 'may not be specified when `value` is not empty'));
  else if (n > 1) errs.push(invalid(at, '', 'may not have more than one field specified at a time'));
  return errs;
}

export function validateEnv(vars: EnvVar[] | undefined, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  (vars ?? []).forEach((ev, i) => {
    const p = at.index(i);
    const name = typeof ev?.name === 'string' ? ev.name : '';
    if (!name) errs.push(required(p.child('name'), ''));
    else for (const m of isRelaxedEnvVarName(name)) errs.push(invalid(p.child('name'), name, m));
    errs.push(...validateEnvVarValueFrom(ev ?? ({} as EnvVar), p.child('valueFrom')));
  });
  return errs;
}

export function validateEnvFrom(sources: EnvFromSource[] | undefined, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  (sources ?? []).forEach((raw, i) => {
    const ev = (isObj(raw) ? raw : {}) as Obj;
    const p = at.index(i);
    if (typeof ev.prefix === 'string' && ev.prefix) for (const m of isRelaxedEnvVarName(ev.prefix)) errs.push(invalid(p.child('prefix'), ev.prefix, m));
    let n = 0;
    for (const kind of ['configMapRef', 'secretRef'] as const) {
      const ref = ev[kind];
      if (!isObj(ref)) continue;
      n++;
      const name = typeof ref.name === 'string' ? ref.name : '';
      if (!name) errs.push(required(p.child(kind, 'name'), ''));
      else for (const m of nameIsDNSSubdomain(name, true)) errs.push(invalid(p.child(kind, 'name'), name, m));
    }
    if (n === 0) errs.push(invalid(at, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (n > 1) errs.push(invalid(at, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}
