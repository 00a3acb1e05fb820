/** The store key of a mirrored object, as the worker's history names it (workers/api/keys.ts). */
import type { SelectedObject } from '../../cluster/store';
import { resourceForKind } from '../../cluster/resources';

export function storeKeyOf(sel: Pick<SelectedObject, 'kind' | 'namespace' | 'name'>): string | undefined {
  const spec = resourceForKind(sel.kind);
  if (!spec || !sel.name) return undefined;
  const group = spec.group || 'core';
  if (spec.namespaced) return sel.namespace ? `/registry/${group}/${spec.resource}/${sel.namespace}/${sel.name}` : undefined;
  return `/registry/${group}/${spec.resource}/${sel.name}`;
}
