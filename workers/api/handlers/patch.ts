/** PATCH: JSON patch, merge patch, strategic merge patch and server-side apply (handlers/patch.go). */
import { fail, ok, qualifiedOf, type Scope } from '../server';
import type { KubeObject } from '../object';
import { copyJson } from '../json';
import * as S from '../status';
import { currentKey, decodeBody, fieldValidationOf, managerOf } from './common';
import { createObject } from './create';
import { updateObject, type WriteResult } from './update';
import type { ApiResponse } from '../request';
import type { KeyValue } from '../../store/store';

export const APPLY_PATCH = 'application/apply-patch+yaml';
export const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  APPLY_PATCH,
];

export function handlePatch(s: Scope): ApiResponse {
  return patchResource(s, s.req.subresource);
}

/** Patch the object or one of its subresources; the response is ready to send. */
export function patchResource(s: Scope, subresource?: string, transform?: (o: KubeObject) => KubeObject): ApiResponse {
  const contentType = (s.req.contentType ?? '').split(';')[0].trim();
  if (!PATCH_TYPES.includes(contentType)) {
    return fail(S.unsupportedMediaType(`the body of the request was in an unknown format - accepted media types include: ${PATCH_TYPES.join(', ')}`));
  }
  const mode = fieldValidationOf(s);
  if (S.isStatus(mode)) return fail(mode);
  const isApply = contentType === APPLY_PATCH;
  if (isApply && !s.req.query?.fieldManager) {
    return fail(S.badRequest('PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch'));
  }
  if (!isApply && s.req.query?.force !== undefined) {
    return fail(S.badRequest('PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch'));
  }
  const manager = managerOf(s);
  if (S.isStatus(manager)) return fail(manager);
  const key = currentKey(s, s.req.name!);
  const current = s.store.get(key);
  const time = s.clock.timestamp();

  if (isApply) {
    const applied = s.req.body as KubeObject;
    if (typeof applied !== 'object' || applied === null || Array.isArray(applied)) {
      return fail(S.badRequest('error decoding YAML: the apply patch must be an object'));
    }
    const meta = applied.metadata ?? {};
    if (meta.name && meta.name !== s.req.name) {
      return fail(S.badRequest(`the name of the object (${meta.name}) does not match the name on the URL (${s.req.name})`));
    }
    const decoded = decodeBody(s, applied, mode);
    if (S.isStatus(decoded)) return fail(decoded);
    const res = s.machinery.apply(s.rt, current?.value, applied, manager, s.req.query?.force === 'true', time);
    if (!res.ok) return fail(res.status);
    const obj = copyJson(res.object);
    obj.metadata.name = s.req.name;
    if (!current) {
      if (subresource) return fail(S.notFound(qualifiedOf(s.rt), s.req.name!));
      const created = createObject(s, obj, manager, true);
      return created.ok ? ok(created.object, 201, decoded.warnings) : fail(created.status);
    }
    return respond(updateObject(s, current, obj, manager, subresource, true), decoded.warnings);
  }

  if (!current) return fail(S.notFound(qualifiedOf(s.rt), s.req.name!));
  const base = transform ? transform(current.value) : current.value;
  const patched = s.machinery.patch(s.rt, contentType, base, s.req.body);
  if (!patched.ok) return fail(patched.status);
  const decoded = decodeBody(s, patched.object, mode);
  if (S.isStatus(decoded)) return fail(decoded);
  // A patch result is a fresh object (every patch type works on copies), so it is ours to change.
  return respond(finishPatch(s, current, patched.object, manager, subresource), decoded.warnings);
}

function finishPatch(s: Scope, current: KeyValue<KubeObject>, obj: KubeObject, manager: string, subresource?: string): WriteResult {
  obj.metadata ??= {};
  if (obj.metadata.name !== s.req.name) {
    return { ok: false, status: S.badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${s.req.name})`) };
  }
  const rv = obj.metadata.resourceVersion;
  if (rv && rv !== String(current.modRevision)) {
    return { ok: false, status: S.conflict(qualifiedOf(s.rt), s.req.name!, S.OBJECT_MODIFIED) };
  }
  return updateObject(s, current, obj, manager, subresource);
}

function respond(r: WriteResult, warnings: string[]): ApiResponse {
  return r.ok ? ok(r.object, 200, warnings) : fail(r.status);
}

