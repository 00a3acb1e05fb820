/**
 * The reads a describer makes, over the KubectlClient: get one object, list
 * in chunks (runtimeresource.FollowContinue with --chunk-size), and errors
 * worded as kubectl prints them.
 */
import type { ApiRequest, ApiResponse } from '../../api/request';
import type { KubectlClient } from '../client';
import { ApiError, errorText, KubectlError, statusOf } from '../cli/errors';
import type { Json } from './format';

export interface Gvr {
  group: string;
  version: string;
  resource: string;
}

export interface DescribeContext {
  client: KubectlClient;
  /** Virtual now (ms) for ages. */
  now: number;
  showEvents: boolean;
  chunkSize: number;
}

const USER_AGENT = 'kubectl/v1.32.0 (linux/amd64) kubernetes/kube-playground';

function failure(r: ApiResponse): KubectlError {
  return new KubectlError(errorText(new ApiError(statusOf(r))));
}

async function send(ctx: DescribeContext, req: ApiRequest): Promise<ApiResponse> {
  return ctx.client.request({ userAgent: USER_AGENT, ...req });
}

/** GET one object; throws kubectl's error text (`Error from server (NotFound): ...`). */
export async function getObject(ctx: DescribeContext, gvr: Gvr, namespace: string | undefined, name: string): Promise<Json> {
  const r = await tryGet(ctx, gvr, namespace, name);
  if ('error' in r) throw r.error;
  return r.object;
}

export async function tryGet(ctx: DescribeContext, gvr: Gvr, namespace: string | undefined, name: string): Promise<{ object: Json } | { error: KubectlError; status: number }> {
  const r = await send(ctx, { verb: 'get', ...gvr, namespace: namespace || undefined, name });
  if (r.status >= 200 && r.status < 300) return { object: r.body as Json };
  return { error: failure(r), status: r.status };
}

/** Lists every page (limit = chunk size, following `continue`). */
export async function listAll(ctx: DescribeContext, gvr: Gvr, namespace: string | undefined, query: Record<string, string> = {}): Promise<Json[]> {
  const items: Json[] = [];
  let cont: string | undefined;
  do {
    const q: Record<string, string> = { ...query };
    if (ctx.chunkSize > 0) q.limit = String(ctx.chunkSize);
    if (cont) q.continue = cont;
    const r = await send(ctx, { verb: 'list', ...gvr, namespace: namespace || undefined, query: q });
    if (r.status < 200 || r.status >= 300) throw failure(r);
    const body = r.body as { items?: Json[]; metadata?: { continue?: string } };
    items.push(...(body.items ?? []));
    cont = body.metadata?.continue || undefined;
  } while (cont);
  return items;
}

/** Like listAll, but a failed list is a value (describers that carry on without it). */
export async function tryListAll(ctx: DescribeContext, gvr: Gvr, namespace: string | undefined, query: Record<string, string> = {}): Promise<{ items: Json[] } | { error: KubectlError; status: number }> {
  try {
    return { items: await listAll(ctx, gvr, namespace, query) };
  } catch (e) {
    if (e instanceof KubectlError) return { error: e, status: /\(NotFound\)/.test(e.message) ? 404 : /\(Forbidden\)/.test(e.message) ? 403 : 500 };
    throw e;
  }
}

export const CORE = (resource: string): Gvr => ({ group: '', version: 'v1', resource });
export const APPS = (resource: string): Gvr => ({ group: 'apps', version: 'v1', resource });
