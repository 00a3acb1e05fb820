/**
 * The objects a mutating command acts on: `TYPE NAME...`, `TYPE/NAME...`,
 * `TYPE -l SELECTOR`, `TYPE --all` or `-f FILE`, resolved to
 * (resource, namespace, name) the way cli-runtime's Builder visits them.
 */
import type { Ctx } from './command';
import { ApiError, KubectlError, statusOf } from './errors';
import { parseResourceArgs } from './resourceArgs';
import { req, withTypeMeta } from './common';
import type { ApiResource } from '../discovery/resources';
import { readManifests } from '../apply/manifests';

export interface Target {
  resource: ApiResource;
  namespace?: string;
  name: string;
  /** Set when the object was listed (selector, --all) rather than named. */
  object?: Record<string, unknown>;
}

export interface TargetOptions {
  selector?: string;
  all?: boolean;
  allNamespaces?: boolean;
  files?: string[];
  /** Errors for missing objects are collected here instead of thrown (ContinueOnError). */
}

/** Resolve named, listed or file targets. Listing errors throw; nothing found returns []. */
export async function resolveTargets(ctx: Ctx, args: string[], o: TargetOptions): Promise<Target[]> {
  const d = await ctx.discovery();
  if (o.files?.length) {
    const out: Target[] = [];
    for (const m of readManifests(ctx, o.files)) {
      const r = d.resources.find((x) => x.kind === m.kind && x.group === m.group && x.version === m.version);
      if (!r) throw new KubectlError(`error: resource mapping not found for name: "${m.name}" namespace: "${m.namespace ?? ''}" from "${m.source}": no matches for kind "${m.kind}" in version "${m.apiVersion}"\nensure CRDs are installed first`);
      out.push({ resource: r, namespace: r.namespaced ? (m.namespace ?? ctx.namespace) : undefined, name: m.name });
    }
    return out;
  }
  const groups = parseResourceArgs(d, args);
  const out: Target[] = [];
  for (const g of groups) {
    const r = g.resource;
    if (g.names) {
      for (const name of g.names) out.push({ resource: r, namespace: r.namespaced ? ctx.namespace : undefined, name });
      continue;
    }
    const query: Record<string, string> = {};
    if (o.selector) query.labelSelector = o.selector;
    const ns = r.namespaced && !o.allNamespaces ? ctx.namespace : undefined;
    const res = await ctx.client.request(req(r, 'list', { namespace: ns, query }));
    if (res.status !== 200) throw new ApiError(statusOf(res));
    for (const item of (res.body as { items?: Record<string, unknown>[] }).items ?? []) {
      const m = (item.metadata ?? {}) as { name?: string; namespace?: string };
      out.push({ resource: r, namespace: r.namespaced ? m.namespace : undefined, name: m.name ?? '', object: withTypeMeta(item, r) });
    }
  }
  return out;
}
