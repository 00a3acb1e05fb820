/**
 * Secret: stringData is merged into data (as the v1 → internal conversion
 * does, so it is never stored), `type` defaults to Opaque, and
 * ValidateSecret / ValidateSecretUpdate check keys, size, per-type required
 * keys and immutability.
 */
import type { KubeObject } from '../../object';
import { jsonEqual } from '../../object';
import { type FieldError, forbidden, invalid, path, required } from '../../validation/field';
import { isConfigMapKey } from '../../validation/formats';
import { nameIsDNSSubdomain } from '../../validation/names';
import { tooLongNoValue, validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from '../../validation/objectMeta';
import type { ResourceType } from '../types';
import { base64DecodedLength, base64EncodeUtf8, base64ErrorOffset } from './base64';
import { IMMUTABLE_WHEN_SET, MAX_SECRET_SIZE } from './configMap';

type Obj = Record<string, unknown>;
const mapOf = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export function defaultSecret(obj: KubeObject): void {
  const s = obj as Obj;
  const stringData = mapOf(s.stringData);
  if (Object.keys(stringData).length > 0) {
    const data = { ...mapOf(s.data) };
    for (const [k, v] of Object.entries(stringData)) data[k] = base64EncodeUtf8(String(v ?? ''));
    s.data = data;
  }
  delete s.stringData;
  if (!s.type) s.type = 'Opaque';
}

/**
 * Upstream rejects bad base64 while decoding the body, before validation,
 * with a 400: `Secret in version "v1" cannot be handled as a Secret: illegal
 * base64 data at input byte N`. Returns that message, for the decode step.
 */
export function secretDecodeError(obj: KubeObject): string | undefined {
  for (const v of Object.values(mapOf((obj as Obj).data))) {
    const off = typeof v === 'string' ? base64ErrorOffset(v) : 0;
    if (off !== undefined) return `Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte ${off}`;
  }
  return undefined;
}

export function validateSecret(obj: KubeObject): FieldError[] {
  const s = obj as Obj;
  const errs = validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain, path('metadata'));
  const dataPath = path('data');
  const data = mapOf(s.data);
  let total = 0;
  for (const key of Object.keys(data).sort()) {
    for (const m of isConfigMapKey(key)) errs.push(invalid(dataPath.key(key), key, m));
    total += base64DecodedLength(String(data[key] ?? ''));
  }
  if (total > MAX_SECRET_SIZE) errs.push(tooLongNoValue(dataPath, MAX_SECRET_SIZE));
  const ann = obj.metadata?.annotations ?? {};
  const has = (k: string) => k in data;
  switch (s.type) {
    case 'kubernetes.io/service-account-token':
      if (!ann['kubernetes.io/service-account.name']) errs.push(required(path('metadata', 'annotations').key('kubernetes.io/service-account.name'), ''));
      break;
    case 'kubernetes.io/dockercfg':
    case 'kubernetes.io/dockerconfigjson': {
      const key = s.type === 'kubernetes.io/dockercfg' ? '.dockercfg' : '.dockerconfigjson';
      if (!has(key)) {
        errs.push(required(dataPath.key(key), ''));
        break;
      }
      try {
        const text = new TextDecoder().decode(Uint8Array.from(atob(String(data[key])), (c) => c.charCodeAt(0)));
        const parsed: unknown = JSON.parse(text);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('json: cannot unmarshal into Go value of type map[string]interface {}');
      } catch (e) {
        errs.push(invalid(dataPath.key(key), '<secret contents redacted>', e instanceof Error ? e.message : String(e)));
      }
      break;
    }
    case 'kubernetes.io/basic-auth':
      if (!has('username') && !has('password')) {
        errs.push(required(dataPath.key('username'), ''));
        errs.push(required(dataPath.key('password'), ''));
      }
      break;
    case 'kubernetes.io/ssh-auth':
      if (!data['ssh-privatekey']) errs.push(required(dataPath.key('ssh-privatekey'), ''));
      break;
    case 'kubernetes.io/tls':
      if (!has('tls.crt')) errs.push(required(dataPath.key('tls.crt'), ''));
      if (!has('tls.key')) errs.push(required(dataPath.key('tls.key'), ''));
      break;
  }
  return errs;
}

export function validateSecretUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const n = obj as Obj;
  const o = old as Obj;
  const errs = validateObjectMetaUpdate(obj.metadata, old.metadata, path('metadata'));
  errs.push(...validateImmutableField(n.type ?? '', o.type ?? '', path('type')));
  if (o.immutable === true) {
    if (n.immutable !== true) errs.push(forbidden(path('immutable'), IMMUTABLE_WHEN_SET));
    if (!jsonEqual(n.data ?? {}, o.data ?? {})) errs.push(forbidden(path('data'), IMMUTABLE_WHEN_SET));
  }
  errs.push(...validateSecret(obj));
  return errs;
}

export const secretStrategy: Partial<ResourceType> = {
  defaults: (obj) => defaultSecret(obj),
  validate: (obj) => validateSecret(obj),
  validateUpdate: (obj, old) => validateSecretUpdate(obj, old),
};
