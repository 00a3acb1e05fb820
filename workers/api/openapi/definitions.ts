/**
 * Lazy access to the generated v1.32 definitions. The JSON is large, so it is
 * loaded with a dynamic import (bundlers split it into its own chunk) the
 * first time something needs it.
 */
import type { GVKExtension, Definitions } from './types';

let loaded: Definitions | undefined;
let parameterDocs: Record<string, string> = {};
let loading: Promise<Definitions> | undefined;

export function loadDefinitions(): Promise<Definitions> {
  loading ??= Promise.all([import('./generated/definitions.json'), import('./generated/parameters.json')]).then(([d, p]) => {
    parameterDocs = (p.default ?? p) as Record<string, string>;
    loaded = (d.default ?? d) as unknown as Definitions;
    return loaded;
  });
  return loading;
}

/** Upstream descriptions of query parameters (empty until loaded). */
export function parameterDescription(name: string): string | undefined {
  return parameterDocs[name];
}

/** The definitions, once loadDefinitions() has resolved; a programmer error before. */
export function loadedDefinitions(): Definitions {
  if (!loaded) throw new Error('OpenAPI definitions are not loaded yet: await loadDefinitions() first');
  return loaded;
}

const gvkIndexes = new WeakMap<Definitions, Map<string, string>>();

function gvkKey(g: GVKExtension): string {
  return `${g.group}/${g.version}/${g.kind}`;
}

/** Definition name of the kind served as group/version/kind, if any. */
export function definitionNameForGVK(defs: Definitions, gvk: GVKExtension): string | undefined {
  let index = gvkIndexes.get(defs);
  if (!index) {
    index = new Map();
    for (const [name, schema] of Object.entries(defs)) {
      for (const g of schema['x-kubernetes-group-version-kind'] ?? []) {
        // DeleteOptions/WatchEvent claim every group-version; a real kind wins.
        const key = gvkKey(g);
        if (!index.has(key) || (schema['x-kubernetes-group-version-kind']?.length ?? 0) === 1) index.set(key, name);
      }
    }
    gvkIndexes.set(defs, index);
  }
  return index.get(gvkKey(gvk));
}
