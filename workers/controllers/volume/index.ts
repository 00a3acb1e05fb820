/**
 * The storage control plane: the PV binder, the PVC and PV protection
 * controllers (kube-controller-manager) and kind's local-path provisioner.
 */
import type { ComponentContext } from '../context';
import { startLocalPathProvisioner, type LocalPathProvisioner, type LocalPathProvisionerOptions } from './localPathProvisioner';
import { startPersistentVolumeController, type PersistentVolumeController } from './pvController';
import { startPVCProtectionController, type PVCProtectionController } from './pvcProtection';
import { startPVProtectionController, type PVProtectionController } from './pvProtection';



export interface VolumeControllers {
  binder: PersistentVolumeController;
  pvcProtection: PVCProtectionController;
  pvProtection: PVProtectionController;
  localPath: LocalPathProvisioner;
}

export function startVolumeControllers(ctx: ComponentContext, opts: { localPath?: LocalPathProvisionerOptions } = {}): VolumeControllers {
  return {
    binder: startPersistentVolumeController(ctx),
    pvcProtection: startPVCProtectionController(ctx),
    pvProtection: startPVProtectionController(ctx),
    localPath: startLocalPathProvisioner(ctx, opts.localPath),
  };
}
