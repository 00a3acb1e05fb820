/**
 * Controller references and the claim loop of
 * pkg/controller/controller_ref_manager.go: a controller keeps what it owns
 * and still selects, releases what it owns but no longer selects, and adopts
 * matching orphans (after re-reading itself from the API server to make sure
 * it is not being deleted).
 */
import type { KubeObject, OwnerReference } from '../../api/object';
import type { ApiCall } from '../context';
import { apiError, isInvalid, isNotFound, type ApiError } from './apiError';

export function controllerOf(o: KubeObject): OwnerReference | undefined {
  const refs = o.metadata.ownerReferences;
  if (!refs) return undefined;
  for (const r of refs) if (r.controller === true) return r;
  return undefined;
}

/** metav1.NewControllerRef. */
export function newControllerRef(owner: KubeObject, apiVersion: string, kind: string): OwnerReference {
  return { apiVersion, kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

export interface OwnedKind {
  group: string;
  version: string;
  /** plural resource of the owned objects: `pods`, `replicasets` */
  resource: string;
  /** Kind of the owned objects, for error text (`Pod`, `ReplicaSet`). */
  kind: string;
}

export interface ClaimOptions<T extends KubeObject> {
  api: ApiCall;
  owner: KubeObject;
  ownerApiVersion: string;
  ownerKind: string;
  /** Where to re-read the owner before adopting (RecheckDeletionTimestamp). */
  ownerRef: { group: string; version: string; resource: string };
  owned: OwnedKind;
  match(obj: T): boolean;
}

export interface ClaimResult<T> {
  claimed: T[];
  adopted: string[];
  released: string[];
  /** utilerrors.NewAggregate of the failures, if any. */
  error?: string;
}

/** ClaimPods / ClaimReplicaSets: ClaimObject over each candidate. */
export function claimObjects<T extends KubeObject>(objects: readonly T[], o: ClaimOptions<T>): ClaimResult<T> {
  const claimed: T[] = [];
  const adopted: string[] = [];
  const released: string[] = [];
  const errors: string[] = [];
  const ownerUid = o.owner.metadata.uid;
  const ownerDeleting = !!o.owner.metadata.deletionTimestamp;
  let canAdopt: string | null | undefined; // checked once per claim (sync.Once upstream)
  const ownerNs = o.owner.metadata.namespace ?? '';
  for (const obj of objects) {
    const ref = controllerOf(obj);
    if (ref) {
      if (ref.uid !== ownerUid) continue;
      if (o.match(obj)) {
        claimed.push(obj);
        continue;
      }
      if (ownerDeleting) continue;
      const err = release(o, obj);
      if (err && !isNotFound(err) && !isInvalid(err)) errors.push(err.message);
      else if (!err) released.push(obj.metadata.name!);
      continue;
    }
    if (ownerDeleting || !o.match(obj) || obj.metadata.deletionTimestamp) continue;
    if (ownerNs && ownerNs !== (obj.metadata.namespace ?? '')) continue;
    if (canAdopt === undefined) canAdopt = recheckDeletion(o);
    if (canAdopt !== null) {
      const m = obj.metadata;
      errors.push(`can't adopt ${o.owned.kind} ${m.namespace}/${m.name} (${m.uid}): ${canAdopt}`);
      continue;
    }
    const err = adopt(o, obj);
    if (err) {
      if (!isNotFound(err)) errors.push(err.message);
      continue;
    }
    adopted.push(obj.metadata.name!);
    claimed.push(obj);
  }
  const uniq = [...new Set(errors)];
  return { claimed, adopted, released, error: uniq.length === 0 ? undefined : uniq.length === 1 ? uniq[0] : `[${uniq.join(', ')}]` };
}

/** RecheckDeletionTimestamp: null when the owner may adopt, else why not. */
function recheckDeletion<T extends KubeObject>(o: ClaimOptions<T>): string | null {
  const { group, version, resource } = o.ownerRef;
  const r = o.api({ verb: 'get', group, version, resource, namespace: o.owner.metadata.namespace, name: o.owner.metadata.name });
  const err = apiError(r);
  if (err) return `can't recheck DeletionTimestamp: ${err.message}`;
  const fresh = r.body as KubeObject;
  if (fresh.metadata.uid !== o.owner.metadata.uid) {
    return `can't recheck DeletionTimestamp: original ${o.ownerKind} ${o.owner.metadata.namespace}/${o.owner.metadata.name} is gone: got uid ${fresh.metadata.uid}, wanted ${o.owner.metadata.uid}`;
  }
  if (fresh.metadata.deletionTimestamp) return `${fresh.metadata.namespace}/${fresh.metadata.name} has just been deleted at ${fresh.metadata.deletionTimestamp}`;
  return null;
}

function patch<T extends KubeObject>(o: ClaimOptions<T>, obj: T, body: unknown): ApiError | undefined {
  const { group, version, resource } = o.owned;
  return apiError(
    o.api({ verb: 'patch', group, version, resource, namespace: obj.metadata.namespace, name: obj.metadata.name, contentType: 'application/strategic-merge-patch+json', body }),
  );
}

/** ownerRefControllerPatch: add our controller reference, guarded by the object's uid. */
function adopt<T extends KubeObject>(o: ClaimOptions<T>, obj: T): ApiError | undefined {
  const ref = newControllerRef(o.owner, o.ownerApiVersion, o.ownerKind);
  return patch(o, obj, { metadata: { ownerReferences: [ref], uid: obj.metadata.uid } });
}

/** GenerateDeleteOwnerRefStrategicMergeBytes: drop our reference, guarded by the object's uid. */
function release<T extends KubeObject>(o: ClaimOptions<T>, obj: T): ApiError | undefined {
  return patch(o, obj, { metadata: { ownerReferences: [{ $patch: 'delete', uid: o.owner.metadata.uid }], uid: obj.metadata.uid } });
}
