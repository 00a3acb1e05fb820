/**
 * What the server serves, read from aggregated discovery, and kubectl's
 * resolution of a type argument to a resource. Mirrors
 * staging/src/k8s.io/cli-runtime/pkg/resource/builder.go (mappingFor) and
 * the shortcut and category expanders in k8s.io/client-go/restmapper.
 */
import type { KubectlClient } from '../client';
import { AGGREGATED_ACCEPT, nonResourceRequest } from '../nonResource';
import { ApiError, KubectlError, statusOf } from '../cli/errors';

export interface ApiResource {
  group: string;
  version: string;
  /** plural */
  resource: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  /** The group's preferred version serves this resource. */
  preferred: boolean;
  subresources: string[];
}

export interface Discovery {
  resources: ApiResource[];
  /** group → versions in preference order (core group ''). */
  groups: Map<string, string[]>;
}

interface AggregatedList {
  items?: {
    metadata?: { name?: string };
    versions?: {
      version: string;
      resources?: {
        resource: string;
        singularResource?: string;
        responseKind?: { kind?: string };
        scope?: string;
        shortNames?: string[];
        categories?: string[];
        verbs?: string[];
        subresources?: { subresource: string }[];
      }[];
    }[];
  }[];
}

export async function fetchDiscovery(client: KubectlClient): Promise<Discovery> {
  const resources: ApiResource[] = [];
  const groups = new Map<string, string[]>();
  for (const path of ['/api', '/apis']) {
    const r = await client.request(nonResourceRequest(path, AGGREGATED_ACCEPT));
    if (r.status !== 200) throw new ApiError(statusOf(r));
    const list = r.body as AggregatedList;
    for (const item of list.items ?? []) {
      const group = item.metadata?.name ?? '';
      const versions = (item.versions ?? []).map((v) => v.version);
      groups.set(group, versions);
      (item.versions ?? []).forEach((v, vi) => {
        for (const res of v.resources ?? []) {
          resources.push({
            group,
            version: v.version,
            resource: res.resource,
            singular: res.singularResource ?? '',
            kind: res.responseKind?.kind ?? '',
            namespaced: res.scope === 'Namespaced',
            shortNames: res.shortNames ?? [],
            categories: res.categories ?? [],
            verbs: res.verbs ?? [],
            preferred: vi === 0,
            subresources: (res.subresources ?? []).map((s) => s.subresource),
          });
        }
      });
    }
  }
  return { resources, groups };
}

/** `apps/v1`, or `v1` for the core group. */
export function groupVersion(r: { group: string; version: string }): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** `deployments.apps`, `pods`: how kubectl names a resource in `kind/name` output and messages. */
export function qualifiedResource(r: { group: string; resource: string }): string {
  return r.group ? `${r.resource}.${r.group}` : r.resource;
}

/** `deployment.apps`, `pod`: the prefix of `-o name` and of "created" lines. */
export function kindPrefix(r: { group: string; kind: string }): string {
  return r.group ? `${r.kind.toLowerCase()}.${r.group}` : r.kind.toLowerCase();
}

/** Upstream lists aggregated discovery as it comes; groups keep the server's order. */
function preferredOnly(d: Discovery): ApiResource[] {
  return d.resources.filter((r) => r.preferred);
}

function noType(name: string): KubectlError {
  return new KubectlError(`error: the server doesn't have a resource type "${name}"`);
}

/**
 * Resolve one type argument (`po`, `pods`, `Pod`, `deployments.apps`,
 * `deployments.v1.apps`, `Deployment.v1.apps`) to a served resource.
 */
export function resolveType(d: Discovery, arg: string): ApiResource {
  const found = tryResolveType(d, arg);
  if (!found) {
    const dot = arg.indexOf('.');
    throw noType(dot < 0 ? arg.toLowerCase() : arg.slice(0, dot).toLowerCase());
  }
  return found;
}

export function tryResolveType(d: Discovery, arg: string): ApiResource | undefined {
  const all = preferredOnly(d);
  const lower = arg.toLowerCase();
  const parts = lower.split('.');
  // resource.version.group
  if (parts.length >= 3) {
    const [res, version, ...g] = parts;
    const group = g.join('.');
    const hit = d.resources.find((r) => r.group === group && r.version === version && matchesResource(r, res));
    if (hit) return hit;
  }
  // resource.group, or a bare resource
  const dot = lower.indexOf('.');
  const res = dot < 0 ? lower : lower.slice(0, dot);
  const group = dot < 0 ? undefined : lower.slice(dot + 1);
  const byResource = all.find((r) => (group === undefined || r.group === group) && matchesResource(r, res));
  if (byResource) return byResource;
  // Kind, Kind.group, Kind.version.group (kinds match exactly, as GroupKinds do)
  const kparts = arg.split('.');
  const kind = kparts[0];
  if (kparts.length >= 3) {
    const hit = d.resources.find((r) => r.kind === kind && r.version === kparts[1] && r.group === kparts.slice(2).join('.'));
    if (hit) return hit;
  }
  const kgroup = kparts.length >= 2 ? kparts.slice(1).join('.') : undefined;
  return all.find((r) => r.kind === kind && (kgroup === undefined || r.group === kgroup));
}

function matchesResource(r: ApiResource, name: string): boolean {
  return r.resource === name || r.singular === name || r.shortNames.includes(name);
}

/** `all` and other categories → their resources, in discovery order (restmapper.CategoryExpander). */
export function expandCategory(d: Discovery, name: string): ApiResource[] | undefined {
  const hits = preferredOnly(d).filter((r) => r.categories.includes(name));
  if (hits.length === 0) return undefined;
  // A category shared by several versions of one resource lists it once.
  const seen = new Set<string>();
  return hits.filter((r) => {
    const k = `${r.group}/${r.resource}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Resolve a comma list of types (`pods,svc`, `all`), categories expanded, duplicates dropped. */
export function resolveTypes(d: Discovery, list: string): ApiResource[] {
  const out: ApiResource[] = [];
  for (const t of list.split(',')) {
    if (t === '') continue;
    // A resource named like a category wins over the category (pods vs. a "pods" category).
    const direct = tryResolveType(d, t);
    const expanded = direct ? [direct] : expandCategory(d, t.toLowerCase());
    if (!expanded) throw noType(t.includes('.') ? t.slice(0, t.indexOf('.')).toLowerCase() : t.toLowerCase());
    for (const r of expanded) if (!out.some((o) => o.group === r.group && o.resource === r.resource)) out.push(r);
  }
  return out;
}
