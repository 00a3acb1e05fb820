/**
 * Serving one stored kind at another version (autoscaling/v1 HPAs are
 * stored as v2; events.k8s.io/v1 Events are core Events): convert request
 * bodies to the storage version, run the storage version's pipeline, and
 * convert what comes back.
 */
import type { ResourceType, StrategyContext } from './kinds/types';
import { apiVersionOf, type KubeObject } from './object';
import type { ApiRequest, ApiResponse, WatchEvent } from './request';
import * as S from './status';
import { APPLY_PATCH } from './handlers/patch';
import type { Machinery } from './machinery.types';

type Conversion = NonNullable<ResourceType['conversion']>;

function isObject(v: unknown): v is KubeObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function storageRequest(req: ApiRequest, conv: Conversion): ApiRequest {
  return { ...req, group: conv.storage.group, version: conv.storage.version, resource: conv.storage.plural };
}

/** Convert anything that comes back from the storage version to the requested one. */
export function convertOut(rt: ResourceType, body: unknown): unknown {
  const conv = rt.conversion!;
  if (!isObject(body)) return body;
  const storageApiVersion = apiVersionOf(conv.storage.group, conv.storage.version);
  if (body.kind === 'Table') {
    const rows = (body as { rows?: { object?: unknown }[] }).rows ?? [];
    return { ...body, rows: rows.map((r) => (isObject(r.object) && r.object.apiVersion === storageApiVersion ? { ...r, object: conv.fromStorage(r.object) } : r)) };
  }
  if (typeof body.kind === 'string' && body.kind.endsWith('List') && Array.isArray((body as { items?: unknown }).items)) {
    const items = (body as unknown as { items: KubeObject[] }).items;
    return {
      ...body,
      apiVersion: apiVersionOf(rt.group, rt.version),
      kind: `${rt.kind}List`,
      items: items.map((i) => stripTypeMeta(conv.fromStorage({ ...i, apiVersion: storageApiVersion, kind: body.kind.replace(/List$/, '') } as KubeObject))),
    };
  }
  if (body.apiVersion === storageApiVersion && body.kind !== 'Status') return conv.fromStorage(body);
  return body;
}

function stripTypeMeta(o: KubeObject): Omit<KubeObject, 'apiVersion' | 'kind'> {
  const { apiVersion: _a, kind: _k, ...rest } = o;
  return rest;
}

export function convertEvent(rt: ResourceType, e: WatchEvent): WatchEvent {
  return { type: e.type, object: convertOut(rt, e.object) };
}

/**
 * Handle a request for a converted version through `handle` (the API
 * server's own entry point for the storage version).
 */
export function handleConverted(rt: ResourceType, req: ApiRequest, handle: (r: ApiRequest) => ApiResponse, machinery: Machinery, ctx: StrategyContext): ApiResponse {
  const conv = rt.conversion!;
  const toStorage = (body: unknown): unknown | S.Status => {
    if (!isObject(body)) return body;
    const want = apiVersionOf(rt.group, rt.version);
    if (body.apiVersion !== want || body.kind !== rt.kind) {
      return S.badRequest(`the API version in the data (${String(body.apiVersion)}) does not match the expected API version (${want})`);
    }
    const external = structuredClone(body);
    external.metadata ??= {};
    rt.defaults?.(external, ctx);
    const errs = rt.validate?.(external, ctx) ?? [];
    if (errs.length) return S.invalid(rt, external.metadata.name ?? '', errs);
    return conv.toStorage(external);
  };
  const sreq = storageRequest(req, conv);
  const done = (r: ApiResponse): ApiResponse => ({ ...r, body: convertOut(rt, r.body) });

  if (req.verb === 'create' || req.verb === 'update' || (req.verb === 'patch' && (req.contentType ?? '').startsWith(APPLY_PATCH))) {
    if (!req.subresource) {
      const body = toStorage(req.body);
      if (S.isStatus(body)) return { status: body.code, body };
      return done(handle({ ...sreq, body }));
    }
    return done(handle(sreq));
  }
  if (req.verb === 'patch' && !req.subresource) {
    // Patches apply to the object as this version sees it.
    const cur = handle({ ...sreq, verb: 'get', body: undefined, contentType: undefined });
    if (cur.status !== 200) return done(cur);
    const external = conv.fromStorage(cur.body as KubeObject);
    const patched = machinery.patch(rt, (req.contentType ?? '').split(';')[0].trim(), external, req.body);
    if (!patched.ok) return { status: patched.status.code, body: patched.status };
    const body = toStorage(patched.object);
    if (S.isStatus(body)) return { status: body.code, body };
    const { force: _f, ...query } = req.query ?? {};
    return done(handle({ ...sreq, verb: 'update', body, query, contentType: 'application/json' }));
  }
  return done(handle(sreq));
}
