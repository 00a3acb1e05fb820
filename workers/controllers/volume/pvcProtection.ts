/**
 * PVC protection (pkg/controller/volume/pvcprotection/pvc_protection_controller.go):
 * a claim being deleted keeps its `kubernetes.io/pvc-protection` finalizer
 * while a scheduled pod still uses it, and loses it once none does; a live
 * claim without the finalizer (made before admission added it) gets it.
 */
import type { KubeObject } from '../../api/object';
import { CORE } from '../../client/factory';
import { keyOf, splitKey, type Informer } from '../../client/informer';
import { WorkQueue, type SyncResult } from '../../client/workqueue';
import type { ApiCall, ComponentContext } from '../context';
import { PodsByClaim } from './podsByClaim';
import { isDeletionCandidate, needToAddFinalizer, setFinalizer } from './protection';
import { PVC_PROTECTION_FINALIZER, volumeClaimName, type PVC } from './util';
import type { Pod } from 'kubernetes-types/core/v1';

export const PVC_PROTECTION_CONTROLLER = 'pvc-protection-controller';

export class PVCProtectionController {
  private readonly queue: WorkQueue;
  private readonly claims: Informer<PVC>;
  private readonly pods: PodsByClaim;
  private readonly api: ApiCall;

  constructor(ctx: ComponentContext) {
    this.api = ctx.client('kube-controller-manager');
    this.queue = new WorkQueue(ctx.clock, (k) => this.sync(k), { component: PVC_PROTECTION_CONTROLLER });
    this.claims = ctx.informers.for<PVC>(CORE('persistentvolumeclaims'));
    const onClaim = (c: PVC) => {
      if (isDeletionCandidate(c, PVC_PROTECTION_FINALIZER) || needToAddFinalizer(c, PVC_PROTECTION_FINALIZER)) this.queue.add(keyOf(c));
    };
    this.claims.addEventHandler({ add: onClaim, update: (_o, c) => onClaim(c) });
    // podAddedDeletedUpdated: a pod going away may free the claims it used.
    this.pods = new PodsByClaim(ctx.informers.for(CORE('pods')), (keys) => {
      for (const k of keys) {
        const c = this.claims.getByKey(k);
        if (c && isDeletionCandidate(c, PVC_PROTECTION_FINALIZER)) this.queue.add(k);
      }
    });
  }

  private sync(key: string): SyncResult {
    const { namespace, name } = splitKey(key);
    const pvc = this.claims.get(namespace, name);
    if (!pvc) return;
    if (isDeletionCandidate(pvc, PVC_PROTECTION_FINALIZER)) {
      if (this.isBeingUsed(pvc)) return;
      const err = setFinalizer(this.api, 'persistentvolumeclaims', pvc, PVC_PROTECTION_FINALIZER, false);
      return err ? { error: err } : undefined;
    }
    if (needToAddFinalizer(pvc, PVC_PROTECTION_FINALIZER)) {
      const err = setFinalizer(this.api, 'persistentvolumeclaims', pvc, PVC_PROTECTION_FINALIZER, true);
      return err ? { error: err } : undefined;
    }
  }

  /**
   * podUsesPVC: only scheduled pods count (the kubelet will not start a pod
   * whose claim is being deleted); a generic ephemeral claim counts only for
   * the running pod it belongs to.
   */
  private isBeingUsed(pvc: PVC): boolean {
    return this.pods.podsFor(keyOf(pvc)).some((pod) => podUsesClaim(pod, pvc));
  }
}

export function podUsesClaim(pod: Pod & KubeObject, pvc: KubeObject): boolean {
  if (!pod.spec?.nodeName) return false;
  const shutDown = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed' || !!pod.metadata.deletionTimestamp;
  for (const v of pod.spec.volumes ?? []) {
    if (v.persistentVolumeClaim?.claimName === pvc.metadata.name) return true;
    if (v.ephemeral && !shutDown && volumeClaimName(pod, v) === pvc.metadata.name && pvc.metadata.ownerReferences?.some((o) => o.controller && o.uid === pod.metadata.uid)) return true;
  }
  return false;
}

export function startPVCProtectionController(ctx: ComponentContext): PVCProtectionController {
  return new PVCProtectionController(ctx);
}
