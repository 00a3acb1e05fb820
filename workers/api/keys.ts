import type { ResourceType } from './kinds/types';

/** Storage key: `/registry/<group|core>/<resource>/[<namespace>/]<name>`. */
export function keyFor(rt: Pick<ResourceType, 'group' | 'plural' | 'namespaced'>, namespace: string | undefined, name: string): string {
  return rt.namespaced ? `/registry/${rt.group || 'core'}/${rt.plural}/${namespace}/${name}` : `/registry/${rt.group || 'core'}/${rt.plural}/${name}`;
}

/** Prefix of a collection, optionally within one namespace. */
export function prefixFor(rt: Pick<ResourceType, 'group' | 'plural' | 'namespaced'>, namespace?: string): string {
  const base = `/registry/${rt.group || 'core'}/${rt.plural}/`;
  return rt.namespaced && namespace ? `${base}${namespace}/` : base;
}
