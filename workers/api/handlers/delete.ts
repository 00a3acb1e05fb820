/**
 * DELETE: graceful deletion, finalizers and propagation policy
 * (registry/generic/registry/store.go Delete, pkg/registry/core/pod/strategy.go CheckGracefulDelete).
 */
import { apiVersionOfType, fail, ok, qualifiedOf, type Scope } from '../server';
import type { KubeObject } from '../object';
import * as S from '../status';
import { causeOf, currentKey, isDryRun } from './common';
import { prefixFor } from '../keys';
import { matcher, selectorsOf } from './read';
import type { ApiResponse } from '../request';
import type { KeyValue } from '../../store/store';

interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  orphanDependents?: boolean;
  preconditions?: { uid?: string; resourceVersion?: string };
}

const ORPHAN = 'orphan';
const FOREGROUND = 'foregroundDeletion';
/** Namespaces every cluster keeps (NamespaceLifecycle admission). */
export const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

function optionsOf(s: Scope): DeleteOptions | S.Status {
  const body = (s.req.body ?? {}) as DeleteOptions;
  if (typeof body !== 'object' || Array.isArray(body)) return S.badRequest('DeleteOptions must be an object');
  const q = s.req.query ?? {};
  const opts: DeleteOptions = { ...body };
  if (q.gracePeriodSeconds !== undefined) opts.gracePeriodSeconds = Number(q.gracePeriodSeconds);
  if (q.propagationPolicy) opts.propagationPolicy = q.propagationPolicy as DeleteOptions['propagationPolicy'];
  if (q.orphanDependents !== undefined) opts.orphanDependents = q.orphanDependents === 'true';
  if (opts.propagationPolicy && !['Orphan', 'Background', 'Foreground'].includes(opts.propagationPolicy)) {
    return S.invalid({ group: 'meta.k8s.io', kind: 'DeleteOptions' }, '', [
      { type: 'FieldValueNotSupported', field: 'propagationPolicy', value: JSON.stringify(opts.propagationPolicy), detail: 'supported values: "Foreground", "Background", "Orphan", "nil"' },
    ]);
  }
  if (opts.orphanDependents !== undefined && opts.propagationPolicy) {
    return S.invalid({ group: 'meta.k8s.io', kind: 'DeleteOptions' }, '', [
      { type: 'FieldValueInvalid', field: 'propagationPolicy', value: JSON.stringify(opts.propagationPolicy), detail: 'orphanDependents and deletionPropagation cannot be both set' },
    ]);
  }
  if (opts.gracePeriodSeconds !== undefined && (!Number.isInteger(opts.gracePeriodSeconds) || opts.gracePeriodSeconds < 0)) {
    return S.badRequest(`invalid gracePeriodSeconds: ${opts.gracePeriodSeconds}`);
  }
  return opts;
}

export function handleDelete(s: Scope): ApiResponse {
  const opts = optionsOf(s);
  if (S.isStatus(opts)) return fail(opts);
  const current = s.store.get(currentKey(s, s.req.name!));
  if (!current) return fail(S.notFound(qualifiedOf(s.rt), s.req.name!));
  const r = deleteOne(s, current, opts);
  return r;
}

export function deleteOne(s: Scope, current: KeyValue<KubeObject>, opts: DeleteOptions): ApiResponse {
  const { rt } = s;
  const obj = current.value;
  const name = obj.metadata.name!;
  const pre = opts.preconditions;
  if (pre?.uid && pre.uid !== obj.metadata.uid) {
    return fail(S.conflict(qualifiedOf(rt), name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${obj.metadata.uid}`));
  }
  if (pre?.resourceVersion && pre.resourceVersion !== obj.metadata.resourceVersion) {
    return fail(S.conflict(qualifiedOf(rt), name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${obj.metadata.resourceVersion}`));
  }
  if (rt.group === '' && rt.plural === 'namespaces' && IMMORTAL_NAMESPACES.includes(name)) {
    return fail(S.forbidden(qualifiedOf(rt), name, 'this namespace may not be deleted'));
  }
  const admitted = s.machinery.admit({ operation: 'DELETE', rt, namespace: obj.metadata.namespace, name, oldObject: obj, dryRun: isDryRun(s), ctx: s.ctx });
  if (!admitted.ok) return fail(admitted.status);

  const grace = rt.gracePeriod ? rt.gracePeriod(obj, opts.gracePeriodSeconds) : 0;
  const policy = opts.propagationPolicy ?? (opts.orphanDependents === true ? 'Orphan' : opts.orphanDependents === false ? 'Background' : rt.defaultPropagation ?? 'Background');
  let finalizers = [...(obj.metadata.finalizers ?? [])];
  if (policy === 'Orphan' && !finalizers.includes(ORPHAN)) finalizers = [...finalizers.filter((f) => f !== FOREGROUND), ORPHAN];
  if (policy === 'Foreground' && !finalizers.includes(FOREGROUND)) finalizers = [...finalizers.filter((f) => f !== ORPHAN), FOREGROUND];
  if (policy === 'Background') finalizers = finalizers.filter((f) => f !== ORPHAN && f !== FOREGROUND);

  const held = rt.holdsDeletion?.(obj) ?? false;
  const graceful = finalizers.length > 0 || grace > 0 || held;
  if (graceful) {
    const already = obj.metadata.deletionTimestamp;
    const now = s.clock.now();
    let deletionTimestamp = already ?? s.clock.timestamp(now + grace * 1000);
    let deletionGrace = obj.metadata.deletionGracePeriodSeconds ?? grace;
    // A shorter grace period may replace a longer one (store.go BeforeDelete).
    if (already && grace < (obj.metadata.deletionGracePeriodSeconds ?? 0)) {
      deletionTimestamp = s.clock.timestamp(now + grace * 1000);
      deletionGrace = grace;
    }
    const next: KubeObject = {
      ...obj,
      metadata: { ...obj.metadata, deletionTimestamp, deletionGracePeriodSeconds: deletionGrace, finalizers: finalizers.length ? finalizers : undefined },
    };
    if (!next.metadata.finalizers) delete next.metadata.finalizers;
    rt.prepareForDelete?.(next);
    const unchanged = already && deletionGrace === obj.metadata.deletionGracePeriodSeconds && sameList(finalizers, obj.metadata.finalizers ?? []);
    if (unchanged) return ok(obj);
    if (isDryRun(s)) return ok(next);
    // Nothing left to wait for: gone at once.
    if (!next.metadata.finalizers && grace === 0 && !held) return removeNow(s, current);
    next.metadata.resourceVersion = String(s.store.nextRevision());
    const r = s.store.txn([{ key: current.key, modRevision: current.modRevision }], [{ type: 'put', key: current.key, value: next }], causeOf(s, 'delete'));
    if (!r.succeeded) return fail(S.conflict(qualifiedOf(rt), name, S.OBJECT_MODIFIED));
    return ok(next, 200);
  }
  if (isDryRun(s)) return ok(deletedResponse(s, obj));
  return removeNow(s, current);
}

function removeNow(s: Scope, current: KeyValue<KubeObject>): ApiResponse {
  const r = s.store.txn([{ key: current.key, modRevision: current.modRevision }], [{ type: 'delete', key: current.key }], causeOf(s, 'delete'));
  if (!r.succeeded) return fail(S.conflict(qualifiedOf(s.rt), current.value.metadata.name!, S.OBJECT_MODIFIED));
  return ok(deletedResponse(s, current.value));
}

function deletedResponse(s: Scope, obj: KubeObject): unknown {
  if (s.rt.returnDeletedObject) return obj;
  return S.success({ name: obj.metadata.name, group: s.rt.group || undefined, kind: s.rt.plural, uid: obj.metadata.uid });
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function handleDeleteCollection(s: Scope): ApiResponse {
  const opts = optionsOf(s);
  if (S.isStatus(opts)) return fail(opts);
  const sel = selectorsOf(s);
  if (S.isStatus(sel)) return fail(sel);
  const match = matcher(s, sel);
  const deleted: unknown[] = [];
  for (const kv of s.store.list(prefixFor(s.rt, s.req.namespace))) {
    if (!match(kv.value)) continue;
    const r = deleteOne(s, kv, opts);
    if (r.status >= 400) return r;
    deleted.push(kv.value);
  }
  return ok({ kind: `${s.rt.kind}List`, apiVersion: apiVersionOfType(s.rt), metadata: { resourceVersion: String(s.store.revision) }, items: deleted });
}
