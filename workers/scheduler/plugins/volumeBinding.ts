/**
 * VolumeBinding (plugins/volumebinding), the part that needs no volume
 * provisioning: every PVC the pod mounts must exist and not be going away,
 * and claims that bind immediately must already be bound. Claims of a
 * WaitForFirstConsumer class pass for now (binding them on the chosen node
 * is left to the PV binder work).
 */
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { Handle, PreFilterPlugin } from '../types';
import { SKIP, unresolvable } from '../status';
import type { KubeObject } from '../../api/object';

export const Name = 'VolumeBinding';
export const ErrReasonUnboundImmediate = 'pod has unbound immediate PersistentVolumeClaims';

/** ephemeral.VolumeClaimName: `<pod>-<volume>`. */
function claimNameOf(pod: Pod, v: NonNullable<NonNullable<Pod['spec']>['volumes']>[number]): { name: string; ephemeral: boolean } | null {
  if (v.persistentVolumeClaim) return { name: v.persistentVolumeClaim.claimName, ephemeral: false };
  if (v.ephemeral) return { name: `${pod.metadata?.name}-${v.name}`, ephemeral: true };
  return null;
}

export function New(h: Handle): PreFilterPlugin {
  const pvcs = h.informer('persistentvolumeclaims');
  const classes = h.informer('storageclasses');
  return {
    name: Name,
    events: ['PersistentVolumeClaimChange', 'PersistentVolumeChange', 'StorageClassAdd', 'NodeAdd', 'NodeUpdate'],
    preFilter(_state, pod) {
      const ns = pod.namespace;
      let hasPVC = false;
      let unboundImmediate = false;
      for (const v of pod.pod.spec?.volumes ?? []) {
        const c = claimNameOf(pod.pod, v);
        if (!c) continue;
        hasPVC = true;
        const pvc = pvcs.get(ns, c.name) as (PersistentVolumeClaim & KubeObject) | undefined;
        if (!pvc) {
          // podHasPVCs: a generic ephemeral volume's claim normally appears right after the pod.
          if (c.ephemeral) return { status: unresolvable(`waiting for ephemeral volume controller to create the persistentvolumeclaim "${c.name}"`) };
          return { status: unresolvable(`persistentvolumeclaim "${c.name}" not found`) };
        }
        if (pvc.status?.phase === 'Lost') {
          return { status: unresolvable(`persistentvolumeclaim "${c.name}" bound to non-existent persistentvolume "${pvc.spec?.volumeName ?? ''}"`) };
        }
        if (pvc.metadata.deletionTimestamp) return { status: unresolvable(`persistentvolumeclaim "${c.name}" is being deleted`) };
        if (c.ephemeral && !pvc.metadata.ownerReferences?.some((o) => o.controller && o.uid === pod.uid)) {
          return { status: unresolvable(`PVC ${ns}/${c.name} was not created for pod ${ns}/${pod.name} (pod is not owner)`) };
        }
        if (pvc.spec?.volumeName) continue;
        const className = pvc.spec?.storageClassName ?? '';
        const cls = className ? (classes.get(undefined, className) as { volumeBindingMode?: string } | undefined) : undefined;
        if (cls?.volumeBindingMode !== 'WaitForFirstConsumer') unboundImmediate = true;
      }
      if (!hasPVC) return { status: SKIP };
      if (unboundImmediate) return { status: unresolvable(ErrReasonUnboundImmediate) };
      return { status: null };
    },
  };
}
