/**
 * LimitRanger: mirrors plugin/pkg/admission/limitranger/admission.go (v1.32).
 * Admit fills container requests/limits from `type: Container` defaults and
 * notes what it set in the `kubernetes.io/limit-ranger` annotation; Validate
 * rejects pods (and PVCs) outside min/max/maxLimitRequestRatio.
 */
import type { KubeObject } from '../object';
import { MAX_MILLI_VALUE, Quantity } from '../quantity/quantity';
import { admissionForbidden, aggregateMessage } from './forbidden';
import { asArray, asObject, asString, containersOf, ensureObject, isObject, type JsonObject } from './json';
import { podLimits, podRequests, resourceList, type ResourceList } from './resource-list';
import { ADMIT, type AdmissionPlugin, type AdmissionRequest, type AdmissionResult } from './types';

const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

interface LimitItem {
  type: string;
  min: ResourceList;
  max: ResourceList;
  default: ResourceList;
  defaultRequest: ResourceList;
  maxLimitRequestRatio: ResourceList;
}

/**
 * SetDefaults_LimitRangeItem (pkg/apis/core/v1/defaults.go): for Container
 * items a missing default limit falls back to max, a missing default request
 * to the default limit, then to min. Applied here too, so the plugin behaves
 * even if the stored LimitRange was not defaulted.
 */
export function defaultLimitRangeItem(item: JsonObject): void {
  if (item.type !== 'Container') return;
  const def = ensureObject(item, 'default');
  const defReq = ensureObject(item, 'defaultRequest');
  for (const [k, v] of Object.entries(asObject(item.max))) if (!(k in def)) def[k] = v;
  for (const [k, v] of Object.entries(def)) if (!(k in defReq)) defReq[k] = v;
  for (const [k, v] of Object.entries(asObject(item.min))) if (!(k in defReq)) defReq[k] = v;
  if (Object.keys(def).length === 0) delete item.default;
  if (Object.keys(defReq).length === 0) delete item.defaultRequest;
}

function limitItems(lr: KubeObject): LimitItem[] {
  return asArray(asObject(lr.spec).limits)
    .filter(isObject)
    .map((raw) => {
      const item = structuredClone(raw);
      defaultLimitRangeItem(item);
      return {
        type: asString(item.type),
        min: resourceList(item.min),
        max: resourceList(item.max),
        default: resourceList(item.default),
        defaultRequest: resourceList(item.defaultRequest),
        maxLimitRequestRatio: resourceList(item.maxLimitRequestRatio),
      };
    });
}

function limitRangesFor(req: AdmissionRequest): KubeObject[] {
  if (!req.namespace) return [];
  return [...req.ctx.list('limitranges', req.namespace)].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
}

/** SupportsAttributes: pods on create, PVCs; never subresources. */
function supports(req: AdmissionRequest): boolean {
  if (req.subresource || req.group !== '' || !req.object) return false;
  if (req.kind === 'Pod') return req.operation === 'CREATE';
  return req.kind === 'PersistentVolumeClaim' && (req.operation === 'CREATE' || req.operation === 'UPDATE');
}

/** Objects already being deleted are left alone. */
function deleting(req: AdmissionRequest): boolean {
  return !!req.oldObject?.metadata.deletionTimestamp;
}

// ---- Admit ----

function mergeContainerResources(c: JsonObject, limits: ResourceList, requests: ResourceList, prefix: string, notes: string[]): void {
  const resources = asObject(c.resources);
  const curLimits = asObject(resources.limits);
  const curRequests = asObject(resources.requests);
  const setLimits: string[] = [];
  const setRequests: string[] = [];
  for (const [k, q] of limits) {
    if (!(k in curLimits)) {
      curLimits[k] = q.toString();
      setLimits.push(k);
    }
  }
  for (const [k, q] of requests) {
    if (!(k in curRequests)) {
      curRequests[k] = q.toString();
      setRequests.push(k);
    }
  }
  // Empty maps stay omitted, as Go's omitempty would print them.
  if (setLimits.length || setRequests.length) {
    if (Object.keys(curLimits).length) resources.limits = curLimits;
    if (Object.keys(curRequests).length) resources.requests = curRequests;
    c.resources = resources;
  }
  if (setRequests.length) notes.push(`${setRequests.sort().join(', ')} request for ${prefix} ${asString(c.name)}`);
  if (setLimits.length) notes.push(`${setLimits.sort().join(', ')} limit for ${prefix} ${asString(c.name)}`);
}

function podMutate(items: LimitItem[], pod: KubeObject): void {
  const limits: ResourceList = new Map();
  const requests: ResourceList = new Map();
  for (const item of items) {
    if (item.type !== 'Container') continue;
    for (const [k, q] of item.defaultRequest) requests.set(k, q);
    for (const [k, q] of item.default) limits.set(k, q);
  }
  const spec = asObject(pod.spec);
  const notes: string[] = [];
  for (const c of containersOf(spec, 'containers')) mergeContainerResources(c, limits, requests, 'container', notes);
  for (const c of containersOf(spec, 'initContainers')) mergeContainerResources(c, limits, requests, 'init container', notes);
  if (notes.length) {
    pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [LIMIT_RANGER_ANNOTATION]: `LimitRanger plugin set: ${notes.join('; ')}` };
  }
}

// ---- Validate ----

const ZERO = Quantity.zero();

/** requestLimitEnforcedValues: compare in milli units unless that could overflow. */
function enforcedValues(request: Quantity, limit: Quantity, enforced: Quantity): [bigint, bigint, bigint] {
  const r = request.valueBig();
  const l = limit.valueBig();
  const e = enforced.valueBig();
  if (r <= MAX_MILLI_VALUE && l <= MAX_MILLI_VALUE && e <= MAX_MILLI_VALUE) {
    return [request.milliValueBig(), limit.milliValueBig(), enforced.milliValueBig()];
  }
  return [r, l, e];
}

function minConstraint(limitType: string, name: string, enforced: Quantity, request: ResourceList, limit: ResourceList): string | undefined {
  const req = request.get(name);
  const lim = limit.get(name);
  const [r, l, e] = enforcedValues(req ?? ZERO, lim ?? ZERO, enforced);
  if (!req) return `minimum ${name} usage per ${limitType} is ${enforced}.  No request is specified`;
  if (r < e) return `minimum ${name} usage per ${limitType} is ${enforced}, but request is ${req}`;
  if (lim && l < e) return `minimum ${name} usage per ${limitType} is ${enforced}, but limit is ${lim}`;
  return undefined;
}

function maxRequestConstraint(limitType: string, name: string, enforced: Quantity, request: ResourceList): string | undefined {
  const req = request.get(name);
  const [r, , e] = enforcedValues(req ?? ZERO, ZERO, enforced);
  if (!req) return `maximum ${name} usage per ${limitType} is ${enforced}.  No request is specified`;
  if (r > e) return `maximum ${name} usage per ${limitType} is ${enforced}, but request is ${req}`;
  return undefined;
}

function maxConstraint(limitType: string, name: string, enforced: Quantity, request: ResourceList, limit: ResourceList): string | undefined {
  const req = request.get(name);
  const lim = limit.get(name);
  const [r, l, e] = enforcedValues(req ?? ZERO, lim ?? ZERO, enforced);
  if (!lim) return `maximum ${name} usage per ${limitType} is ${enforced}.  No limit is specified`;
  if (l > e) return `maximum ${name} usage per ${limitType} is ${enforced}, but limit is ${lim}`;
  if (req && r > e) return `maximum ${name} usage per ${limitType} is ${enforced}, but request is ${req}`;
  return undefined;
}

/** Go's %f: six decimals. */
const goFloat = (x: number) => x.toFixed(6);

function ratioConstraint(limitType: string, name: string, enforced: Quantity, request: ResourceList, limit: ResourceList): string | undefined {
  const req = request.get(name);
  const lim = limit.get(name);
  const [r, l] = enforcedValues(req ?? ZERO, lim ?? ZERO, enforced);
  if (!req || r === 0n) return `${name} max limit to request ratio per ${limitType} is ${enforced}, but no request is specified or request is 0`;
  if (!lim || l === 0n) return `${name} max limit to request ratio per ${limitType} is ${enforced}, but no limit is specified or limit is 0`;
  const observed = Number(l) / Number(r);
  let compared = observed;
  let max = Number(enforced.valueBig());
  if (enforced.valueBig() <= MAX_MILLI_VALUE) {
    compared = observed * 1000;
    max = Number(enforced.milliValueBig());
  }
  if (compared > max) return `${name} max limit to request ratio per ${limitType} is ${enforced}, but provided ratio is ${goFloat(observed)}`;
  return undefined;
}

const sortedEntries = (l: ResourceList) => [...l.entries()].sort(([a], [b]) => (a < b ? -1 : 1));

function checkAll(item: LimitItem, request: ResourceList, limit: ResourceList, errs: string[]): void {
  const push = (e: string | undefined) => e && errs.push(e);
  for (const [k, v] of sortedEntries(item.min)) push(minConstraint(item.type, k, v, request, limit));
  for (const [k, v] of sortedEntries(item.max)) push(maxConstraint(item.type, k, v, request, limit));
  for (const [k, v] of sortedEntries(item.maxLimitRequestRatio)) push(ratioConstraint(item.type, k, v, request, limit));
}

function podValidate(items: LimitItem[], pod: KubeObject): string[] {
  const errs: string[] = [];
  const spec = asObject(pod.spec);
  for (const item of items) {
    if (item.type === 'Container') {
      for (const key of ['containers', 'initContainers'] as const) {
        for (const c of containersOf(spec, key)) {
          const res = asObject(c.resources);
          checkAll(item, resourceList(res.requests), resourceList(res.limits), errs);
        }
      }
    }
    if (item.type === 'Pod') checkAll(item, podRequests(pod, { overhead: false }), podLimits(pod, { overhead: false }), errs);
  }
  return errs;
}

/** PersistentVolumeClaimValidateLimitFunc: min/max apply to spec.resources.requests only. */
function pvcValidate(items: LimitItem[], pvc: KubeObject): string[] {
  const errs: string[] = [];
  const requests = resourceList(asObject(asObject(pvc.spec).resources).requests);
  for (const item of items) {
    if (item.type !== 'PersistentVolumeClaim') continue;
    for (const [k, v] of sortedEntries(item.min)) {
      const e = minConstraint(item.type, k, v, requests, new Map());
      if (e) errs.push(e);
    }
    for (const [k, v] of sortedEntries(item.max)) {
      const e = maxRequestConstraint(item.type, k, v, requests);
      if (e) errs.push(e);
    }
  }
  return errs;
}

export const limitRanger: AdmissionPlugin = {
  name: 'LimitRanger',
  mutate(req: AdmissionRequest): AdmissionResult {
    if (!supports(req) || deleting(req) || req.kind !== 'Pod') return ADMIT;
    for (const lr of limitRangesFor(req)) podMutate(limitItems(lr), req.object!);
    return ADMIT;
  },
  validate(req: AdmissionRequest): AdmissionResult {
    if (!supports(req) || deleting(req)) return ADMIT;
    for (const lr of limitRangesFor(req)) {
      const items = limitItems(lr);
      const errs = req.kind === 'Pod' ? podValidate(items, req.object!) : pvcValidate(items, req.object!);
      if (errs.length) return admissionForbidden(req, aggregateMessage(errs));
    }
    return ADMIT;
  },
};
