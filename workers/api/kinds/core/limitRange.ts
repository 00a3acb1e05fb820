/**
 * LimitRange: SetDefaults_LimitRangeItem (container default limit from max,
 * default request from default limit or min) and ValidateLimitRange.
 */
import type { LimitRange, LimitRangeItem } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../object';
import { type FieldError, type Path, forbidden, invalid, path, required } from '../../validation/field';
import { isQualifiedName } from '../../validation/labels';
import { nameIsDNSSubdomain } from '../../validation/names';
import { validateObjectMeta } from '../../validation/objectMeta';
import { type Quantity, compareQuantity, goQuantity, milliValue, parseQuantity, quantityString } from '../../validation/quantity';
import type { ResourceType } from '../types';
import { duplicateRendered, invalidRendered } from './goErrors';
import { defaultResourceList } from './podSpecDefaults';
import { isOvercommitAllowed, validateContainerResourceName, validateResourceName } from './resources';

const asLR = (o: KubeObject) => o as unknown as LimitRange;
const LIMIT_TYPES = new Set(['Pod', 'Container', 'PersistentVolumeClaim']);

export function defaultLimitRange(obj: KubeObject): void {
  for (const item of asLR(obj).spec?.limits ?? []) {
    for (const f of ['default', 'defaultRequest', 'max', 'min', 'maxLimitRequestRatio'] as const) defaultResourceList(item[f]);
    if (item.type !== 'Container') continue;
    const def = (item.default ??= {});
    const req = (item.defaultRequest ??= {});
    for (const [k, v] of Object.entries(item.max ?? {})) if (!(k in def)) def[k] = v;
    for (const [k, v] of Object.entries(def)) if (!(k in req)) req[k] = v;
    for (const [k, v] of Object.entries(item.min ?? {})) if (!(k in req)) req[k] = v;
  }
}

function validateTypeName(t: string, at: Path): FieldError[] {
  const errs = isQualifiedName(t).map((m) => invalid(at, t, m));
  if (errs.length) return errs;
  if (t.split('/').length === 1 && !LIMIT_TYPES.has(t)) return [invalid(at, t, 'must be a standard limit type or fully qualified')];
  return [];
}

const nameFnFor = (t: string) => (t === 'Pod' || t === 'Container' ? validateContainerResourceName : validateResourceName);

export function validateLimitRange(obj: KubeObject): FieldError[] {
  const lr = asLR(obj);
  const errs = validateObjectMeta(lr.metadata, true, nameIsDNSSubdomain, path('metadata'));
  const seenTypes = new Set<string>();
  (lr.spec?.limits ?? []).forEach((raw, i) => {
    const item = (raw ?? {}) as LimitRangeItem;
    const p = path('spec', 'limits').index(i);
    const type = item.type ?? '';
    errs.push(...validateTypeName(type, p.child('type')));
    if (seenTypes.has(type)) errs.push(duplicateRendered(p.child('type'), JSON.stringify(type)));
    seenTypes.add(type);
    const nameFn = nameFnFor(type);
    const lists: Record<string, Map<string, Quantity>> = {};
    const read = (field: 'max' | 'min' | 'default' | 'defaultRequest' | 'maxLimitRequestRatio') => {
      const m = new Map<string, Quantity>();
      for (const k of Object.keys(item[field] ?? {}).sort()) {
        errs.push(...nameFn(k, p.child(field).key(k)));
        const q = parseQuantity(String((item[field] ?? {})[k]));
        if (q) m.set(k, q);
      }
      lists[field] = m;
    };
    read('max');
    read('min');
    if (type === 'Pod') {
      if (Object.keys(item.default ?? {}).length) errs.push(forbidden(p.child('default'), "may not be specified when `type` is 'Pod'"));
      if (Object.keys(item.defaultRequest ?? {}).length) errs.push(forbidden(p.child('defaultRequest'), "may not be specified when `type` is 'Pod'"));
      lists.default = new Map();
      lists.defaultRequest = new Map();
    } else {
      read('default');
      read('defaultRequest');
    }
    if (type === 'PersistentVolumeClaim' && !lists.min.has('storage') && !lists.max.has('storage')) {
      errs.push(required(p.child('limits'), 'either minimum or maximum storage value is required, but neither was provided'));
    }
    read('maxLimitRequestRatio');
    const keys = new Set(Object.values(lists).flatMap((m) => [...m.keys()]));
    const s = quantityString;
    for (const k of [...keys].sort()) {
      const min = lists.min.get(k);
      const max = lists.max.get(k);
      const def = lists.default.get(k);
      const defReq = lists.defaultRequest.get(k);
      const ratio = lists.maxLimitRequestRatio.get(k);
      if (min && max && compareQuantity(min, max) > 0) errs.push(invalidRendered(p.child('min').key(k), goQuantity(min), `min value ${s(min)} is greater than max value ${s(max)}`));
      if (defReq && min && compareQuantity(min, defReq) > 0) {
        errs.push(invalidRendered(p.child('defaultRequest').key(k), goQuantity(defReq), `min value ${s(min)} is greater than default request value ${s(defReq)}`));
      }
      if (defReq && max && compareQuantity(defReq, max) > 0) {
        errs.push(invalidRendered(p.child('defaultRequest').key(k), goQuantity(defReq), `default request value ${s(defReq)} is greater than max value ${s(max)}`));
      }
      if (defReq && def && compareQuantity(defReq, def) > 0) {
        errs.push(invalidRendered(p.child('defaultRequest').key(k), goQuantity(defReq), `default request value ${s(defReq)} is greater than default limit value ${s(def)}`));
      }
      if (def && min && compareQuantity(min, def) > 0) errs.push(invalidRendered(p.child('default').key(k), goQuantity(min), `min value ${s(min)} is greater than default value ${s(def)}`));
      if (def && max && compareQuantity(def, max) > 0) errs.push(invalidRendered(p.child('default').key(k), goQuantity(max), `default value ${s(def)} is greater than max value ${s(max)}`));
      if (ratio && compareQuantity(ratio, { mant: 1n, exp10: 0, format: 'DecimalSI' }) < 0) {
        errs.push(invalidRendered(p.child('maxLimitRequestRatio').key(k), goQuantity(ratio), `ratio ${s(ratio)} is less than 1`));
      }
      if (ratio && min && max) {
        const limit = Number(milliValue(max)) / Number(milliValue(min));
        const r = Number(milliValue(ratio)) / 1000;
        if (r > limit) {
          errs.push(invalidRendered(p.child('maxLimitRequestRatio').key(k), goQuantity(ratio), `ratio ${s(ratio)} is greater than max/min = ${limit.toFixed(6)}`));
        }
      }
      if (!isOvercommitAllowed(k) && def && defReq && compareQuantity(def, defReq) !== 0) {
        errs.push(invalidRendered(p.child('defaultRequest').key(k), goQuantity(defReq), `default value ${s(def)} must equal to defaultRequest value ${s(defReq)} in ${k}`));
      }
    }
  });
  return errs;
}

export const limitRangeStrategy: Partial<ResourceType> = {
  defaults: (obj) => defaultLimitRange(obj),
  validate: (obj) => validateLimitRange(obj),
  validateUpdate: (obj) => validateLimitRange(obj),
};
