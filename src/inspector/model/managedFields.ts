import type { KubeObject } from '../../../workers/api/object';

/** The object without metadata.managedFields (kubectl hides them too unless --show-managed-fields). */
export function withoutManagedFields(obj: KubeObject): KubeObject {
  if (!obj.metadata || !('managedFields' in obj.metadata)) return obj;
  const { managedFields: _dropped, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}
