/**
 * Resolves each manifest object to the REST resource that serves it: built-in
 * kinds from the static table, custom resources from the cluster's
 * CustomResourceDefinitions (listed once, only when a kind is not built in).
 */
import { builtinMapping, crdMappings, apiVersionOf, type ResourceMapping } from './discovery';
import type { RequestFn } from './actions/types';

export interface Resolver {
  resolve(apiVersion: string, kind: string): Promise<ResourceMapping | undefined>;
}

export function createResolver(request: RequestFn): Resolver {
  let custom: Promise<ResourceMapping[]> | null = null;
  const loadCustom = async (): Promise<ResourceMapping[]> => {
    const res = await request({ verb: 'list', group: 'apiextensions.k8s.io', version: 'v1', resource: 'customresourcedefinitions' });
    if (res.status !== 200) return [];
    const items = (res.body as { items?: unknown[] } | null)?.items;
    return crdMappings(Array.isArray(items) ? items : []);
  };
  return {
    async resolve(apiVersion, kind) {
      const builtin = builtinMapping(apiVersion, kind);
      if (builtin) return builtin;
      custom ??= loadCustom();
      return (await custom).find((m) => m.kind === kind && apiVersionOf(m) === apiVersion);
    },
  };
}
