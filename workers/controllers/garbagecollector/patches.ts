/**
 * The patches the garbage collector sends (pkg/controller/garbagecollector/patch.go
 * and pkg/controller/controller_ref_manager.go GenerateDeleteOwnerRefStrategicMergeBytes).
 * Each carries the target's uid so it cannot land on a namesake.
 */
import type { KubeObject } from '../../api/object';

/** Drop the references to `ownerUids` (strategic merge: `$patch: delete` by uid). */
export function deleteOwnerRefsStrategicPatch(dependentUid: string, ownerUids: string[]): unknown {
  return { metadata: { ownerReferences: ownerUids.map((uid) => ({ $patch: 'delete', uid })), uid: dependentUid } };
}

/** The same as a JSON merge patch of the whole remaining list, for kinds without strategic merge. */
export function deleteOwnerRefsMergePatch(obj: KubeObject, ownerUids: string[]): unknown {
  const drop = new Set(ownerUids);
  const refs = (obj.metadata.ownerReferences ?? []).filter((r) => !drop.has(r.uid));
  return { metadata: { ownerReferences: refs, uid: obj.metadata.uid } };
}

/** Clear blockOwnerDeletion on every reference that sets it (unblockOwnerReferencesStrategicMergePatch). */
export function unblockOwnerRefsStrategicPatch(obj: KubeObject): unknown {
  const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.blockOwnerDeletion === true).map((r) => ({ uid: r.uid, blockOwnerDeletion: false }));
  return { metadata: { ownerReferences: refs, uid: obj.metadata.uid } };
}

/** objectForFinalizersPatch: the new list (null when empty), guarded by resourceVersion. */
export function finalizersPatch(obj: KubeObject, finalizers: string[]): unknown {
  return { metadata: { resourceVersion: obj.metadata.resourceVersion, finalizers: finalizers.length ? finalizers : null } };
}
