/**
 * StatefulPodControl (pkg/controller/statefulset/stateful_pod_control.go):
 * creates a pod's claims before the pod, keeps claim owner references in
 * line with persistentVolumeClaimRetentionPolicy, and records the
 * `create Pod web-0 in StatefulSet web successful` events.
 */
import type { KubeObject, OwnerReference } from '../../api/object';
import type { EventRecorder } from '../../client/events';
import type { Informer } from '../../client/informer';
import type { ApiCall } from '../context';
import { apiError, isAlreadyExists, isNotFound, type ApiError } from '../replicaset/apiError';
import type { Pod } from '../replicaset/types';
import type { Claim, StatefulSet } from './types';
import { claimsFor, identityMatches, ordinalOf, podInOrdinalRange, storageMatches, updateIdentity, updateStorage } from './utils';

const PVC = { group: '', version: 'v1', resource: 'persistentvolumeclaims' } as const;
const PODS = { group: '', version: 'v1', resource: 'pods' } as const;

const title = (verb: string) => verb[0].toUpperCase() + verb.slice(1);

export class StatefulPodControl {
  constructor(
    private readonly api: ApiCall,
    private readonly claims: Informer<Claim>,
    private readonly recorder: EventRecorder,
  ) {}

  /** CreateStatefulPod: claims first, then the pod; undefined on success, else the error text. */
  createPod(set: StatefulSet, pod: Pod): string | undefined {
    const claimErr = this.createClaims(set, pod);
    if (claimErr) {
      this.recordPodEvent('create', set, pod, claimErr);
      return claimErr;
    }
    const r = this.api({ ...PODS, verb: 'create', namespace: set.metadata.namespace, body: pod });
    const err = apiError(r);
    if (isAlreadyExists(err)) return err!.message;
    if (!err) {
      const created = r.body as Pod;
      const retErr = this.updateClaimsForRetentionPolicy(set, created);
      if (retErr) {
        this.recordPodEvent('update', set, created, retErr);
        return retErr;
      }
    }
    this.recordPodEvent('create', set, pod, err?.message);
    return err?.message;
  }

  /** UpdateStatefulPod: restore identity, storage and claim ownership, retrying once on a conflict. */
  updatePod(set: StatefulSet, original: Pod): string | undefined {
    let pod: Pod = structuredClone(original);
    let attempted = false;
    let lastErr: string | undefined;
    for (let attempt = 0; attempt < 2; attempt++) {
      let consistent = true;
      if (!identityMatches(set, pod)) {
        updateIdentity(set, pod);
        consistent = false;
      }
      if (!storageMatches(set, pod)) {
        updateStorage(set, pod);
        consistent = false;
        const e = this.createClaims(set, pod);
        if (e) {
          this.recordPodEvent('update', set, pod, e);
          return e;
        }
      }
      if (!this.claimsMatchRetentionPolicy(set, pod)) {
        const e = this.updateClaimsForRetentionPolicy(set, pod);
        if (e) {
          this.recordPodEvent('update', set, pod, e);
          return e;
        }
        consistent = false;
      }
      if (consistent) return undefined;
      attempted = true;
      const r = this.api({ ...PODS, verb: 'update', namespace: set.metadata.namespace, name: pod.metadata.name, body: pod });
      const err = apiError(r);
      if (!err) {
        lastErr = undefined;
        break;
      }
      lastErr = err.message;
      if (err.reason !== 'Conflict') break;
      const fresh = this.api({ ...PODS, verb: 'get', namespace: set.metadata.namespace, name: pod.metadata.name });
      if (apiError(fresh)) break;
      pod = structuredClone(fresh.body as Pod);
    }
    if (attempted) this.recordPodEvent('update', set, pod, lastErr);
    return lastErr;
  }

  /** DeleteStatefulPod; NotFound is returned so callers can ignore it. */
  deletePod(set: StatefulSet, pod: Pod): ApiError | undefined {
    const err = apiError(this.api({ ...PODS, verb: 'delete', namespace: set.metadata.namespace, name: pod.metadata.name }));
    this.recordPodEvent('delete', set, pod, err?.message);
    return err;
  }

  /** PodClaimIsStale: with whenScaled=Delete, a claim still owned by an earlier pod of this name blocks its re-creation. */
  podClaimIsStale(set: StatefulSet, pod: Pod): boolean {
    if ((set.spec.persistentVolumeClaimRetentionPolicy?.whenScaled ?? 'Retain') === 'Retain') return false;
    for (const claim of claimsFor(set, ordinalOf(pod)).values()) {
      const pvc = this.claims.get(claim.metadata.namespace, claim.metadata.name!);
      if (!pvc) continue;
      for (const ref of pvc.metadata.ownerReferences ?? []) {
        if (ref.kind === 'Pod' && ref.name === pod.metadata.name && ref.uid !== pod.metadata.uid) return true;
      }
    }
    return false;
  }

  /** createMissingPersistentVolumeClaims, for pending pods whose claims were removed. */
  createMissingClaims(set: StatefulSet, pod: Pod): string | undefined {
    return this.createClaims(set, pod);
  }

  claimsMatchRetentionPolicy(set: StatefulSet, pod: Pod): boolean {
    for (const claim of claimsFor(set, ordinalOf(pod)).values()) {
      const pvc = this.claims.get(claim.metadata.namespace, claim.metadata.name!);
      if (pvc && this.ownerRefsFor(pvc, set, pod) !== null) return false;
    }
    return true;
  }

  /** UpdatePodClaimForRetentionPolicy. */
  updateClaimsForRetentionPolicy(set: StatefulSet, pod: Pod): string | undefined {
    for (const claim of claimsFor(set, ordinalOf(pod)).values()) {
      const pvc = this.claims.get(claim.metadata.namespace, claim.metadata.name!);
      if (!pvc) continue;
      const refs = this.ownerRefsFor(pvc, set, pod);
      if (refs === null) continue;
      const body: KubeObject = { ...pvc, metadata: { ...pvc.metadata, ownerReferences: refs } };
      if (refs.length === 0) delete body.metadata.ownerReferences;
      const err = apiError(this.api({ ...PVC, verb: 'update', namespace: pvc.metadata.namespace, name: pvc.metadata.name, body }));
      if (err && !isNotFound(err)) return `could not update claim ${pvc.metadata.name} for delete policy ownerRefs: ${err.message}`;
    }
    return undefined;
  }

  /**
   * updateClaimOwnerRefForSetAndPod: the owner references a claim should
   * have under the retention policy, or null when it already has them.
   */
  private ownerRefsFor(pvc: Claim, set: StatefulSet, pod: Pod): OwnerReference[] | null {
    const policy = set.spec.persistentVolumeClaimRetentionPolicy ?? {};
    const scaledDelete = policy.whenScaled === 'Delete';
    const deletedDelete = policy.whenDeleted === 'Delete';
    const scaledDown = !podInOrdinalRange(pod, set);
    let refs = [...(pvc.metadata.ownerReferences ?? [])];
    let changed = false;
    const has = (uid: string | undefined) => refs.some((r) => r.uid === uid);
    const remove = (uid: string | undefined) => {
      if (!uid || !has(uid)) return;
      refs = refs.filter((r) => r.uid !== uid);
      changed = true;
    };
    const add = (ref: OwnerReference) => {
      if (!ref.uid || has(ref.uid)) return;
      refs.push(ref);
      changed = true;
    };
    const setRef: OwnerReference = { apiVersion: 'apps/v1', kind: 'StatefulSet', name: set.metadata.name!, uid: set.metadata.uid! };
    const podRef: OwnerReference = { apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name!, uid: pod.metadata.uid! };
    if (!scaledDelete && !deletedDelete) {
      remove(set.metadata.uid);
      remove(pod.metadata.uid);
    } else if (!scaledDelete && deletedDelete) {
      add(setRef);
      remove(pod.metadata.uid);
    } else if (scaledDelete && !deletedDelete) {
      remove(set.metadata.uid);
      if (scaledDown) add(podRef);
      else remove(pod.metadata.uid);
    } else if (scaledDown) {
      remove(set.metadata.uid);
      add(podRef);
    } else {
      add(setRef);
      remove(pod.metadata.uid);
    }
    return changed ? refs : null;
  }

  /** createPersistentVolumeClaims: every missing claim, one event each. */
  private createClaims(set: StatefulSet, pod: Pod): string | undefined {
    const errs: string[] = [];
    for (const claim of claimsFor(set, ordinalOf(pod)).values()) {
      const existing = this.claims.get(claim.metadata.namespace, claim.metadata.name!);
      if (existing) {
        if (existing.metadata.deletionTimestamp) errs.push(`pvc ${claim.metadata.name} is being deleted`);
        continue;
      }
      const err = apiError(this.api({ ...PVC, verb: 'create', namespace: claim.metadata.namespace, body: claim }));
      if (err) errs.push(`failed to create PVC ${claim.metadata.name}: ${err.message}`);
      if (!err || !isAlreadyExists(err)) this.recordClaimEvent('create', set, pod, claim, err?.message);
    }
    if (errs.length === 0) return undefined;
    return errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
  }

  private recordPodEvent(verb: string, set: StatefulSet, pod: Pod, err: string | undefined): void {
    if (err === undefined) {
      this.recorder.event(set, 'Normal', `Successful${title(verb)}`, `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`);
    } else {
      this.recorder.event(set, 'Warning', `Failed${title(verb)}`, `${verb} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${err}`);
    }
  }

  private recordClaimEvent(verb: string, set: StatefulSet, pod: Pod, claim: Claim, err: string | undefined): void {
    if (err === undefined) {
      this.recorder.event(set, 'Normal', `Successful${title(verb)}`, `${verb} Claim ${claim.metadata.name} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} success`);
    } else {
      this.recorder.event(set, 'Warning', `Failed${title(verb)}`, `${verb} Claim ${claim.metadata.name} for Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${err}`);
    }
  }
}
