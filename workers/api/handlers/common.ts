/** Pieces of the request pipeline shared by the verb handlers. */
import type { Scope } from '../server';
import { qualifiedOf, apiVersionOfType } from '../server';
import type { FieldValidation } from '../machinery.types';
import { parseApiVersion, type KubeObject } from '../object';
import * as S from '../status';
import { taskCause, type WriteCause } from '../../store/store';
import type { Rng } from '../../clock/prng';
import { keyFor } from '../keys';
import { managerOrUserAgent, validateFieldManager } from '../fieldmanager/managerName';

export const isDryRun = (s: Scope) => s.req.query?.dryRun === 'All';

export function fieldValidationOf(s: Scope): FieldValidation | S.Status {
  const v = s.req.query?.fieldValidation;
  if (v === undefined || v === '') return 'Warn';
  if (v === 'Strict' || v === 'Warn' || v === 'Ignore') return v;
  return S.badRequest(`fieldValidation must be one of "Ignore", "Warn", or "Strict", got "${v}"`);
}

/**
 * The field manager for a write: the fieldManager query parameter, or the
 * user agent's program name (apiserver fieldmanager prefixFromUserAgent).
 */
export function managerOf(s: Scope): string | S.Status {
  const q = s.req.query?.fieldManager;
  const errs = q ? validateFieldManager(q) : [];
  if (errs.length) {
    const kind = s.req.verb === 'create' ? 'CreateOptions' : s.req.verb === 'patch' ? 'PatchOptions' : 'UpdateOptions';
    return S.invalid({ group: 'meta.k8s.io', kind }, '', errs);
  }
  return managerOrUserAgent(q, s.req.userAgent);
}

/** Who a write is attributed to in the store's history. */
export function causeOf(s: Scope, what: string): WriteCause {
  const t = s.clock.current;
  if (t) return taskCause(t);
  const ua = (s.req.userAgent ?? '').split('/')[0] || 'api';
  const ns = s.req.namespace ? `${s.req.namespace}/` : '';
  return { component: ua, key: `${ns}${s.req.name ?? ''}`, what };
}

/** A version-4 UUID from the seeded generator. */
export function newUid(rng: Rng): string {
  // Joined from an array: a string built with += is a rope of 36 pieces that every stored object would keep.
  const out: string[] = new Array(36);
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) out[i] = '-';
    else if (i === 14) out[i] = '4';
    else if (i === 19) out[i] = HEX[8 + rng.int(4)];
    else out[i] = HEX[rng.int(16)];
  }
  return out.join('');
}

const HEX = '0123456789abcdef';

/**
 * Check a request body is an object of this resource's kind and version, as
 * the apiserver's decoder does before anything else.
 */
export function checkBody(s: Scope, body: unknown): KubeObject | S.Status {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return S.badRequest(`the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf`);
  }
  const o = body as Record<string, unknown>;
  const want = apiVersionOfType(s.rt);
  if (typeof o.kind !== 'string' || o.kind === '') return S.badRequest(`Object 'Kind' is missing in '${compactJson(o)}'`);
  if (typeof o.apiVersion !== 'string' || o.apiVersion === '') return S.badRequest(`Object 'apiVersion' is missing in '${compactJson(o)}'`);
  if (o.metadata !== undefined && (typeof o.metadata !== 'object' || o.metadata === null || Array.isArray(o.metadata))) {
    return S.badRequest(`${s.rt.kind} in version "${s.rt.version}" cannot be handled as a ${s.rt.kind}: json: cannot unmarshal ${jsonType(o.metadata)} into Go struct field ${s.rt.kind}.metadata of type v1.ObjectMeta`);
  }
  const { group, version } = parseApiVersion(o.apiVersion);
  if (o.kind !== s.rt.kind || group !== s.rt.group || version !== s.rt.version) {
    // Upstream: the object's GVK must match the endpoint's.
    return S.badRequest(`the API version in the data (${o.apiVersion}) does not match the expected API version (${want})`);
  }
  return body as KubeObject;
}

function jsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v;
}

function compactJson(o: unknown): string {
  const s = JSON.stringify(o);
  return s.length > 200 ? `${s.slice(0, 200)}...` : s;
}

/** NamespaceLifecycle admission: writes need a live namespace. */
export function checkNamespace(s: Scope, op: 'CREATE' | 'UPDATE', namespace: string | undefined): S.Status | undefined {
  if (!s.rt.namespaced || !namespace) return undefined;
  const ns = s.store.get(`/registry/core/namespaces/${namespace}`)?.value;
  if (!ns) return S.notFound({ group: '', resource: 'namespaces' }, namespace);
  if (op === 'CREATE' && ns.metadata.deletionTimestamp) {
    return S.forbidden(qualifiedOf(s.rt), s.req.name ?? (s.req.body as KubeObject | undefined)?.metadata?.name ?? '', `unable to create new content in namespace ${namespace} because it is being terminated`);
  }
  return undefined;
}

export function currentKey(s: Scope, name: string): string {
  return keyFor(s.rt, s.req.namespace, name);
}

/** The decoder's verdict on unknown fields and types. */
export function decodeBody(s: Scope, obj: KubeObject, mode: FieldValidation): { warnings: string[] } | S.Status {
  const { errors, warnings } = s.machinery.decode(s.rt, obj, mode);
  if (errors.length) {
    return S.badRequest(`${s.rt.kind} in version "${s.rt.version}" cannot be handled as a ${s.rt.kind}: ${errors.join(', ')}`);
  }
  return { warnings };
}

/** Objects in list responses carry no kind/apiVersion of their own (the list has them). */
export function withTypeMeta(s: Scope, obj: KubeObject): KubeObject {
  if (obj.apiVersion && obj.kind) return obj;
  return { ...obj, apiVersion: apiVersionOfType(s.rt), kind: s.rt.kind };
}

export function withResourceVersion(obj: KubeObject, rev: number): KubeObject {
  return { ...obj, metadata: { ...obj.metadata, resourceVersion: String(rev) } };
}
