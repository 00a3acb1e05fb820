/** PUT: replace an object (handlers/update.go + registry/generic/registry/store.go Update). */
import { fail, ok, qualifiedOf, type Scope } from '../server';
import type { KubeObject } from '../object';
import { copyJson, equalJson, shareUnchanged } from '../json';
import { statusWriteSkipsDefaults } from './statusWrite';
import * as S from '../status';
import { checkBody, checkNamespace, causeOf, decodeBody, fieldValidationOf, isDryRun, managerOf, currentKey } from './common';
import { createObject } from './create';
import type { ApiResponse } from '../request';
import type { KeyValue } from '../../store/store';

export function handleUpdate(s: Scope): ApiResponse {
  const checked = checkBody(s, s.req.body);
  if (S.isStatus(checked)) return fail(checked);
  const mode = fieldValidationOf(s);
  if (S.isStatus(mode)) return fail(mode);
  const manager = managerOf(s);
  if (S.isStatus(manager)) return fail(manager);
  const decoded = decodeBody(s, checked, mode);
  if (S.isStatus(decoded)) return fail(decoded);
  const next = copyJson(checked);
  next.metadata ??= {};
  if (next.metadata.name && next.metadata.name !== s.req.name) {
    return fail(S.badRequest(`the name of the object (${next.metadata.name}) does not match the name on the URL (${s.req.name})`));
  }
  next.metadata.name = s.req.name;
  if (s.rt.namespaced) {
    if (next.metadata.namespace && next.metadata.namespace !== s.req.namespace) {
      return fail(S.badRequest('the namespace of the provided object does not match the namespace sent on the request'));
    }
    next.metadata.namespace = s.req.namespace;
  }
  const current = s.store.get(currentKey(s, s.req.name!));
  if (!current) {
    if (!s.rt.allowCreateOnUpdate) return fail(S.notFound(qualifiedOf(s.rt), s.req.name!));
    const created = createObject(s, next, manager);
    return created.ok ? ok(created.object, 201, decoded.warnings) : fail(created.status);
  }
  const rv = next.metadata.resourceVersion;
  if (rv && rv !== String(current.modRevision)) return fail(S.conflict(qualifiedOf(s.rt), s.req.name!, S.OBJECT_MODIFIED));
  if (!rv && s.rt.requireResourceVersionOnUpdate) {
    return fail(S.invalid(s.rt, s.req.name!, [{ type: 'FieldValueInvalid', field: 'metadata.resourceVersion', value: '0x0', detail: 'must be specified for an update' }]));
  }
  const r = updateObject(s, current, next, manager, s.req.subresource);
  return r.ok ? ok(r.object, 200, decoded.warnings) : fail(r.status);
}

export type WriteResult = { ok: true; object: KubeObject } | { ok: false; status: S.Status };

/**
 * The update pipeline once the new object is known (PUT, PATCH, status and
 * scale writes). `next` is a private copy and is modified.
 */
export function updateObject(
  s: Scope,
  current: KeyValue<KubeObject>,
  next: KubeObject,
  manager: string,
  subresource?: string,
  managedFieldsDone = false,
): WriteResult {
  const { rt } = s;
  const old = current.value;
  const meta = next.metadata;
  if (meta.uid && meta.uid !== old.metadata.uid) {
    return {
      ok: false,
      status: S.conflict(qualifiedOf(rt), old.metadata.name!, `Precondition failed: UID in precondition: ${meta.uid}, UID in object meta: ${old.metadata.uid}`),
    };
  }
  const nsErr = checkNamespace(s, 'UPDATE', old.metadata.namespace);
  if (nsErr) return { ok: false, status: nsErr };

  // rest.BeforeUpdate: system fields are not the client's to change.
  meta.uid = old.metadata.uid;
  meta.creationTimestamp = old.metadata.creationTimestamp;
  meta.deletionTimestamp = old.metadata.deletionTimestamp;
  meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
  if (meta.deletionTimestamp === undefined) delete meta.deletionTimestamp;
  if (meta.deletionGracePeriodSeconds === undefined) delete meta.deletionGracePeriodSeconds;
  delete (meta as Record<string, unknown>).selfLink;
  meta.generation = old.metadata.generation;
  if (meta.generation === undefined) delete meta.generation;

  if (subresource !== 'status' || !statusWriteSkipsDefaults(rt)) rt.defaults?.(next, s.ctx);

  const statusFields = rt.statusFields ?? ['status'];
  const hasStatus = (rt.subresources ?? []).includes('status');
  if (subresource === 'status') {
    // Status writes change only status (and nothing of metadata but managedFields).
    // Status writers may annotate (the Deployment controller records revisions so); nothing else of metadata.
    const keepMeta = next.metadata;
    // Unchanged annotations stay the stored object's, so revisions share them.
    const annotations = sameStringMap(keepMeta.annotations, old.metadata.annotations) ? old.metadata.annotations : keepMeta.annotations;
    const merged: KubeObject = {
      ...old,
      metadata: { ...old.metadata, annotations: annotations ?? old.metadata.annotations, managedFields: keepMeta.managedFields ?? old.metadata.managedFields },
    };
    if (merged.metadata.annotations === undefined) delete merged.metadata.annotations;
    for (const f of statusFields) {
      if (next[f] === undefined) delete merged[f];
      else merged[f] = next[f];
    }
    next = merged;
  } else if (hasStatus) {
    for (const f of statusFields) {
      if (old[f] === undefined) delete next[f];
      else next[f] = old[f];
    }
  }
  // The main resource's strategy resets status; a status write has its own rules (above).
  if (subresource !== 'status') rt.prepareForUpdate?.(next, old, s.ctx);
  if (rt.hasGeneration && subresource !== 'status' && specChanged(next, old, statusFields)) {
    next.metadata.generation = (old.metadata.generation ?? 0) + 1;
  }

  const admitted = s.machinery.admit({
    operation: 'UPDATE',
    rt,
    subresource,
    namespace: old.metadata.namespace,
    name: old.metadata.name!,
    object: next,
    oldObject: old,
    dryRun: isDryRun(s),
    ctx: s.ctx,
  });
  if (!admitted.ok) return admitted;

  // Unconditional updates are validated as if they named the current version (store.go GuaranteedUpdate).
  next.metadata.resourceVersion ??= old.metadata.resourceVersion;
  const kindErrs = subresource === 'status' ? [] : (rt.validateUpdate?.(next, old, s.ctx) ?? []);
  const errs = [...(rt.validatesMeta && subresource !== 'status' ? [] : s.machinery.validateObjectMetaUpdate(rt, next, old)), ...kindErrs];
  if (errs.length) return { ok: false, status: S.invalid(rt, old.metadata.name!, errs) };
  const allocErrs = subresource ? [] : (rt.allocate?.(next, old, s.ctx, s.rng) ?? []);
  if (allocErrs.length) return { ok: false, status: S.invalid(rt, old.metadata.name!, allocErrs) };

  // A write that changes nothing leaves the object (and its resourceVersion) alone.
  next.metadata.resourceVersion = old.metadata.resourceVersion;
  const sentManagedFields = next.metadata.managedFields;
  next.metadata.managedFields = old.metadata.managedFields;
  if (old.metadata.managedFields === undefined) delete next.metadata.managedFields;
  shareWithOld(next, old);
  if (equalJson(next, old)) return { ok: true, object: old };
  // Managed fields the client sent on the main resource are honoured (or, for apply, already computed).
  next.metadata.managedFields = sentManagedFields;
  if (sentManagedFields === undefined) delete next.metadata.managedFields;
  if (!managedFieldsDone) {
    const mf = s.machinery.managedFields(rt, old, next, manager, s.clock.timestamp(), subresource);
    if (mf) next.metadata.managedFields = mf as KubeObject['metadata']['managedFields'];
  }

  if (isDryRun(s)) return { ok: true, object: next };

  const key = current.key;
  // Finalizers all gone from an object being deleted: it goes now (store.go deleteWithoutFinalizers).
  if (next.metadata.deletionTimestamp && next.metadata.deletionGracePeriodSeconds === 0 && !next.metadata.finalizers?.length && !rt.holdsDeletion?.(next)) {
    const r = s.store.txn([{ key, modRevision: current.modRevision }], [{ type: 'delete', key }], causeOf(s, 'finalize'));
    if (!r.succeeded) return { ok: false, status: S.conflict(qualifiedOf(rt), old.metadata.name!, S.OBJECT_MODIFIED) };
    return { ok: true, object: { ...next, metadata: { ...next.metadata, resourceVersion: String(r.revision) } } };
  }
  next.metadata.resourceVersion = String(s.store.nextRevision());
  const r = s.store.txn([{ key, modRevision: current.modRevision }], [{ type: 'put', key, value: next }], causeOf(s, subresource ? `update ${subresource}` : 'update'));
  if (!r.succeeded) return { ok: false, status: S.conflict(qualifiedOf(rt), old.metadata.name!, S.OBJECT_MODIFIED) };
  return { ok: true, object: next };
}

/**
 * The new revision reuses the old one's unchanged subtrees. The object and
 * its metadata stay its own: resourceVersion and managedFields are set on
 * them below.
 */
function shareWithOld(next: KubeObject, old: KubeObject): void {
  for (const k of Object.keys(next)) {
    const v: unknown = next[k];
    if (k === 'metadata' || typeof v !== 'object' || v === null || v === old[k] || !(k in old)) continue;
    if (shareUnchanged(v, old[k]) && k !== '__proto__') next[k] = old[k];
  }
  const meta = next.metadata as Record<string, unknown>;
  const oldMeta = old.metadata as Record<string, unknown>;
  for (const k of Object.keys(meta)) {
    const v = meta[k];
    if (typeof v !== 'object' || v === null || v === oldMeta[k] || !(k in oldMeta)) continue;
    if (shareUnchanged(v, oldMeta[k]) && k !== '__proto__') meta[k] = oldMeta[k];
  }
}

/** Same keys in the same order with identical values (so the stored JSON would not change either). */
function sameStringMap(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const ak = Object.keys(a);
  const bk = Object.keys(b);
  if (ak.length !== bk.length) return false;
  for (let i = 0; i < ak.length; i++) if (ak[i] !== bk[i] || a[ak[i]] !== b[bk[i]]) return false;
  return true;
}

function specChanged(a: KubeObject, b: KubeObject, statusFields: string[]): boolean {
  const skip = (k: string) => k === 'metadata' || k === 'apiVersion' || k === 'kind' || statusFields.includes(k);
  for (const k of Object.keys(a)) if (!skip(k) && !equalJson(a[k], b[k])) return true;
  for (const k of Object.keys(b)) if (!skip(k) && !(k in a) && !equalJson(a[k], b[k])) return true;
  return false;
}
