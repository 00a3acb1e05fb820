/**
 * ConfigMap: ValidateConfigMap / ValidateConfigMapUpdate
 * (pkg/apis/core/validation/validation.go). Keys are config keys, data and
 * binaryData together stay under 1MiB, and `immutable: true` freezes both.
 */
import type { KubeObject } from '../../object';
import { jsonEqual } from '../../object';
import { type FieldError, forbidden, invalid, path } from '../../validation/field';
import { isConfigMapKey } from '../../validation/formats';
import { byteLen, nameIsDNSSubdomain } from '../../validation/names';
import { tooLongNoValue, validateObjectMeta, validateObjectMetaUpdate } from '../../validation/objectMeta';
import type { ResourceType } from '../types';
import { base64DecodedLength } from './base64';

export const MAX_SECRET_SIZE = 1024 * 1024;
export const IMMUTABLE_WHEN_SET = 'field is immutable when `immutable` is set';

type Obj = Record<string, unknown>;
const mapOf = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export function validateConfigMap(obj: KubeObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain, path('metadata'));
  const data = mapOf((obj as Obj).data);
  const binary = mapOf((obj as Obj).binaryData);
  let total = 0;
  for (const key of Object.keys(data).sort()) {
    for (const m of isConfigMapKey(key)) errs.push(invalid(path('data').key(key), key, m));
    if (key in binary) errs.push(invalid(path('data').key(key), key, 'duplicate of key present in binaryData'));
    total += byteLen(String(data[key] ?? ''));
  }
  for (const key of Object.keys(binary).sort()) {
    for (const m of isConfigMapKey(key)) errs.push(invalid(path('binaryData').key(key), key, m));
    total += base64DecodedLength(String(binary[key] ?? ''));
  }
  // Upstream passes an empty path: the whole object is too big.
  if (total > MAX_SECRET_SIZE) errs.push(tooLongNoValue('', MAX_SECRET_SIZE));
  return errs;
}

export function validateConfigMapUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateObjectMetaUpdate(obj.metadata, old.metadata, path('metadata'));
  const o = old as Obj;
  const n = obj as Obj;
  if (o.immutable === true) {
    if (n.immutable !== true) errs.push(forbidden(path('immutable'), IMMUTABLE_WHEN_SET));
    if (!jsonEqual(n.data ?? {}, o.data ?? {})) errs.push(forbidden(path('data'), IMMUTABLE_WHEN_SET));
    if (!jsonEqual(n.binaryData ?? {}, o.binaryData ?? {})) errs.push(forbidden(path('binaryData'), IMMUTABLE_WHEN_SET));
  }
  errs.push(...validateConfigMap(obj));
  return errs;
}

export const configMapStrategy: Partial<ResourceType> = {
  validate: (obj) => validateConfigMap(obj),
  validateUpdate: (obj, old) => validateConfigMapUpdate(obj, old),
};
