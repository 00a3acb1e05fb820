/** Flag groups and helpers several commands share. */
import type { ApiRequest, ApiResponse } from '../../api/request';
import type { Ctx } from './command';
import type { FlagSpec } from './flags';
import { check, KubectlError } from './errors';
import { groupVersion, type ApiResource } from '../discovery/resources';

export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

export const OUTPUT_FLAG: FlagSpec = { name: 'output', short: 'o', type: 'string' };
export const DRY_RUN_FLAG: FlagSpec = { name: 'dry-run', type: 'string', default: 'none', noOptDefault: 'unchanged' };
export const SELECTOR_FLAG: FlagSpec = { name: 'selector', short: 'l', type: 'string' };
export const FILENAME_FLAG: FlagSpec = { name: 'filename', short: 'f', type: 'strings' };
export const ALL_NAMESPACES_FLAG: FlagSpec = { name: 'all-namespaces', short: 'A', type: 'bool' };
export const FIELD_MANAGER = (def: string): FlagSpec => ({ name: 'field-manager', type: 'string', default: def });
export const PRINT_FLAGS: FlagSpec[] = [
  OUTPUT_FLAG,
  { name: 'template', type: 'string' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool', default: true },
];

export type DryRun = 'none' | 'client' | 'server';

/** --dry-run as cmdutil.GetDryRunStrategy reads it. */
export function dryRunOf(ctx: Ctx): DryRun {
  const v = ctx.flags.string('dry-run');
  switch (v) {
    case '':
    case 'none':
    case 'false':
      return 'none';
    case 'client':
    case 'true':
      return 'client';
    case 'server':
      return 'server';
    case 'unchanged':
      throw new KubectlError(`error: --dry-run flag without a value was specified. A value must be set: "none", "server", or "client".`);
    default:
      throw new KubectlError(`error: Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
  }
}

/** The " (dry run)" / " (server dry run)" suffix of success lines. */
export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
}

export function req(r: ApiResource, verb: ApiRequest['verb'], extra: Partial<ApiRequest> = {}): ApiRequest {
  return { verb, group: r.group, version: r.version, resource: r.resource, ...extra };
}

export async function call(ctx: Ctx, r: ApiRequest): Promise<ApiResponse> {
  return check(await ctx.client.request(r));
}

export async function getObject(ctx: Ctx, r: ApiResource, name: string, namespace?: string): Promise<Record<string, unknown>> {
  const res = await call(ctx, req(r, 'get', { name, namespace: r.namespaced ? (namespace ?? ctx.namespace) : undefined }));
  return withTypeMeta(res.body as Record<string, unknown>, r);
}

/** List items come without apiVersion/kind; kubectl's unstructured decoding fills them in. */
export function withTypeMeta(o: Record<string, unknown>, r: { group: string; version: string; kind: string }): Record<string, unknown> {
  if (o.apiVersion && o.kind) return o;
  return { apiVersion: groupVersion(r), kind: r.kind, ...o };
}

export function metaOf(o: unknown): { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string>; resourceVersion?: string; uid?: string; generation?: number; deletionTimestamp?: string; ownerReferences?: { kind: string; name: string; controller?: boolean; uid?: string }[]; creationTimestamp?: string } {
  return ((o as { metadata?: unknown })?.metadata ?? {}) as ReturnType<typeof metaOf>;
}

export function dryRunQuery(d: DryRun): Record<string, string> {
  return d === 'server' ? { dryRun: 'All' } : {};
}
