/**
 * Discovery documents: the legacy APIVersions / APIGroupList /
 * APIResourceList and the aggregated apidiscovery.k8s.io/v2 form that
 * kubectl 1.32 asks for first.
 */
import { ALL_VERBS, type ResourceType } from './kinds/types';
import type { Registry } from './kinds/registry';

const SUBRESOURCE_VERBS: Record<string, string[]> = {
  status: ['get', 'patch', 'update'],
  scale: ['get', 'patch', 'update'],
  binding: ['create'],
  eviction: ['create'],
  log: ['get'],
  exec: ['create', 'get'],
  attach: ['create', 'get'],
  finalize: ['update'],
  ephemeralcontainers: ['get', 'patch', 'update'],
};

function subresourceKind(rt: ResourceType, sub: string): { group: string; version: string; kind: string } {
  switch (sub) {
    case 'scale':
      return { group: 'autoscaling', version: 'v1', kind: 'Scale' };
    case 'binding':
      return { group: '', version: 'v1', kind: 'Binding' };
    case 'eviction':
      return { group: 'policy', version: 'v1', kind: 'Eviction' };
    case 'log':
    case 'exec':
    case 'attach':
      return { group: '', version: 'v1', kind: sub === 'log' ? 'Pod' : sub === 'exec' ? 'PodExecOptions' : 'PodAttachOptions' };
    default:
      return { group: rt.group, version: rt.version, kind: rt.kind };
  }
}

export function apiVersions(serverAddress: string) {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

export function apiGroupList(registry: Registry) {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: registry
      .groups()
      .filter((g) => g.group !== '')
      .map((g) => groupDoc(g.group, g.versions)),
  };
}

function groupDoc(group: string, versions: string[]) {
  const vs = versions.map((v) => ({ groupVersion: `${group}/${v}`, version: v }));
  return { name: group, versions: vs, preferredVersion: vs[0] };
}

export function apiGroup(registry: Registry, group: string) {
  const g = registry.groups().find((x) => x.group === group);
  return g ? { kind: 'APIGroup', apiVersion: 'v1', ...groupDoc(g.group, g.versions) } : undefined;
}

export function apiResourceList(registry: Registry, group: string, version: string) {
  const rts = registry.all().filter((r) => r.group === group && r.version === version);
  if (!rts.length) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const rt of rts.sort((a, b) => (a.plural < b.plural ? -1 : 1))) {
    const r: Record<string, unknown> = {
      name: rt.plural,
      singularName: rt.singular,
      namespaced: rt.namespaced,
      kind: rt.kind,
      verbs: [...(rt.verbs ?? ALL_VERBS)],
    };
    if (rt.shortNames?.length) r.shortNames = rt.shortNames;
    if (rt.categories?.length) r.categories = rt.categories;
    resources.push(r);
    for (const sub of rt.subresources ?? []) {
      const k = subresourceKind(rt, sub);
      const sr: Record<string, unknown> = { name: `${rt.plural}/${sub}`, singularName: '', namespaced: rt.namespaced, kind: k.kind, verbs: SUBRESOURCE_VERBS[sub] ?? ['get'] };
      if (k.group !== rt.group || k.version !== rt.version) {
        sr.group = k.group;
        sr.version = k.version;
      }
      resources.push(sr);
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}

/** apidiscovery.k8s.io/v2 APIGroupDiscoveryList for `/api` (legacy = true) or `/apis`. */
export function aggregatedDiscovery(registry: Registry, legacy: boolean) {
  const items = registry
    .groups()
    .filter((g) => (legacy ? g.group === '' : g.group !== ''))
    .map((g) => ({
      metadata: legacy ? { creationTimestamp: null } : { name: g.group, creationTimestamp: null },
      versions: g.versions.map((v) => ({
        version: v,
        resources: registry
          .all()
          .filter((r) => r.group === g.group && r.version === v)
          .sort((a, b) => (a.plural < b.plural ? -1 : 1))
          .map((rt) => {
            const r: Record<string, unknown> = {
              resource: rt.plural,
              responseKind: { group: rt.group, version: rt.version, kind: rt.kind },
              scope: rt.namespaced ? 'Namespaced' : 'Cluster',
              singularResource: rt.singular,
              verbs: [...(rt.verbs ?? ALL_VERBS)],
            };
            if (rt.shortNames?.length) r.shortNames = rt.shortNames;
            if (rt.categories?.length) r.categories = rt.categories;
            if (rt.subresources?.length) {
              r.subresources = rt.subresources.map((sub) => ({
                subresource: sub,
                responseKind: subresourceKind(rt, sub),
                verbs: SUBRESOURCE_VERBS[sub] ?? ['get'],
              }));
            }
            return r;
          }),
        freshness: 'Current',
      })),
    }));
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items };
}

export const AGGREGATED_DISCOVERY_CONTENT_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

export function wantsAggregated(accept: string | undefined): boolean {
  return !!accept && /g=apidiscovery\.k8s\.io;\s*v=v2(beta1)?;\s*as=APIGroupDiscoveryList/.test(accept);
}
