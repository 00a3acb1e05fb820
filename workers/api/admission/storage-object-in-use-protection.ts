/**
 * The StorageObjectInUseProtection admission plugin
 * (plugin/pkg/admission/storage/storageobjectinuseprotection): every new
 * PersistentVolume and PersistentVolumeClaim is created with its protection
 * finalizer, so deleting one in use leaves it Terminating. The protection
 * controllers add the finalizer too, a moment later, if this plugin is off.
 */
import type { AdmissionPlugin, AdmissionRequest, AdmissionResult } from './types';
import { ADMIT } from './types';

// Self-contained (no controller imports) so that it can live with the other admission plugins.
const FINALIZER: Record<string, string> = {
  persistentvolumes: 'kubernetes.io/pv-protection',
  persistentvolumeclaims: 'kubernetes.io/pvc-protection',
};

export const storageObjectInUseProtection: AdmissionPlugin = {
  name: 'StorageObjectInUseProtection',
  mutate(req: AdmissionRequest): AdmissionResult {
    if (req.operation !== 'CREATE' || req.group !== '' || req.subresource || !req.object) return ADMIT;
    const finalizer = FINALIZER[req.resource];
    if (!finalizer) return ADMIT;
    const meta = req.object.metadata;
    const list = Array.isArray(meta.finalizers) ? meta.finalizers : [];
    if (!list.includes(finalizer)) meta.finalizers = [...list, finalizer];
    return ADMIT;
  },
};
