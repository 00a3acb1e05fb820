/** POST: create an object (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/create.go). */
import { fail, ok, qualifiedOf, type Scope } from '../server';
import type { KubeObject } from '../object';
import { copyJson } from '../json';
import * as S from '../status';
import { checkBody, checkNamespace, causeOf, decodeBody, fieldValidationOf, isDryRun, managerOf, newUid, currentKey } from './common';
import type { ApiResponse } from '../request';

export function handleCreate(s: Scope): ApiResponse {
  const checked = checkBody(s, s.req.body);
  if (S.isStatus(checked)) return fail(checked);
  const mode = fieldValidationOf(s);
  if (S.isStatus(mode)) return fail(mode);
  const manager = managerOf(s);
  if (S.isStatus(manager)) return fail(manager);
  const decoded = decodeBody(s, checked, mode);
  if (S.isStatus(decoded)) return fail(decoded);

  const obj = copyJson(checked);
  obj.metadata ??= {};
  const result = createObject(s, obj, manager);
  if (!result.ok) return fail(result.status);
  return ok(result.object, 201, decoded.warnings);
}

/**
 * The create pipeline after decoding; shared with server-side apply and
 * create-on-update. `obj` is a private copy and is modified.
 */
export function createObject(s: Scope, obj: KubeObject, manager: string, managedFieldsDone = false): { ok: true; object: KubeObject } | { ok: false; status: S.Status } {
  const { rt, req } = s;
  const meta = obj.metadata;
  if (rt.namespaced) {
    if (meta.namespace && req.namespace && meta.namespace !== req.namespace) {
      return { ok: false, status: S.badRequest('the namespace of the provided object does not match the namespace sent on the request') };
    }
    meta.namespace = req.namespace ?? meta.namespace;
  } else {
    delete meta.namespace;
  }
  const nsErr = checkNamespace(s, 'CREATE', meta.namespace);
  if (nsErr) return { ok: false, status: nsErr };

  // Defaulting runs as part of decoding upstream, before admission.
  rt.defaults?.(obj, s.ctx);

  const admitted = s.machinery.admit({
    operation: 'CREATE',
    rt,
    namespace: meta.namespace,
    name: meta.name ?? '',
    object: obj,
    dryRun: isDryRun(s),
    ctx: s.ctx,
  });
  if (!admitted.ok) return admitted;

  // rest.BeforeCreate: system fields, generateName, strategy, validation.
  const generated = !meta.name && !!meta.generateName;
  if (generated) meta.name = generatedName(s, meta.generateName!);
  meta.uid = newUid(s.rng);
  meta.creationTimestamp = s.clock.timestamp();
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  delete meta.resourceVersion;
  delete (meta as Record<string, unknown>).selfLink;
  if (rt.hasGeneration) meta.generation = 1;
  else delete meta.generation;
  rt.prepareForCreate?.(obj, s.ctx);

  // rest.BeforeCreate: the kind's validation first, then the generic metadata check.
  let errs = [...(rt.validatesMeta ? [] : s.machinery.validateObjectMeta(rt, obj)), ...(rt.validate?.(obj, s.ctx) ?? [])];
  if (!errs.length) errs = s.machinery.validateObjectMeta(rt, obj, true);
  if (errs.length) return { ok: false, status: S.invalid(rt, meta.name ?? '', errs) };
  const allocErrs = rt.allocate?.(obj, undefined, s.ctx, s.rng) ?? [];
  if (allocErrs.length) return { ok: false, status: S.invalid(rt, meta.name ?? '', allocErrs) };

  if (!managedFieldsDone) {
    const mf = s.machinery.managedFields(rt, undefined, obj, manager, s.clock.timestamp());
    if (mf) meta.managedFields = mf as KubeObject['metadata']['managedFields'];
  }

  // RetryGenerateName (GA in v1.32): a generated name that is taken is drawn
  // again, up to 8 attempts in all (registry/generic/registry/store.go
  // createWithGenerateNameRetry). Each attempt is a new object to upstream, so
  // it gets a new uid too; nothing else stored depends on the name.
  for (let attempt = 1; ; attempt++) {
    const key = currentKey(s, meta.name!);
    let taken: boolean;
    if (isDryRun(s)) taken = !!s.store.get(key);
    else {
      meta.resourceVersion = String(s.store.nextRevision());
      taken = !s.store.txn([{ key, modRevision: 0 }], [{ type: 'put', key, value: obj }], causeOf(s, 'create')).succeeded;
    }
    if (!taken) return { ok: true, object: obj };
    if (!generated || attempt >= MAX_NAME_GENERATION_ATTEMPTS) return { ok: false, status: S.alreadyExists(qualifiedOf(rt), meta.name!) };
    meta.name = generatedName(s, meta.generateName!);
    meta.uid = newUid(s.rng);
  }
}

const MAX_NAME_GENERATION_ATTEMPTS = 8;

function generatedName(s: Scope, prefix: string): string {
  return `${prefix}${s.rng.nameSuffix(5)}`.slice(0, 253);
}
