/**
 * DefaultStorageClass: mirrors plugin/pkg/admission/storage/storageclass/setdefault
 * and pkg/volume/util GetDefaultClass (v1.32). A new PVC without a class gets
 * the default StorageClass; among several defaults the newest wins, then the
 * name that sorts first.
 */
import type { KubeObject } from '../object';
import { isObject, type JsonObject } from './json';
import { ADMIT, type AdmissionPlugin, type AdmissionRequest, type AdmissionResult } from './types';

const IS_DEFAULT_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
const BETA_IS_DEFAULT_ANNOTATION = 'storageclass.beta.kubernetes.io/is-default-class';
const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

function isDefault(sc: KubeObject): boolean {
  const a = sc.metadata.annotations ?? {};
  return a[IS_DEFAULT_ANNOTATION] === 'true' || a[BETA_IS_DEFAULT_ANNOTATION] === 'true';
}

const created = (o: KubeObject) => (o.metadata.creationTimestamp ? Date.parse(o.metadata.creationTimestamp) : 0);

export function defaultStorageClass(classes: KubeObject[]): KubeObject | undefined {
  const defaults = classes.filter(isDefault);
  defaults.sort((a, b) => {
    const ta = created(a);
    const tb = created(b);
    if (ta !== tb) return tb - ta;
    return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
  });
  return defaults[0];
}

/** An explicit `storageClassName: ""` counts as a class (it asks for none). */
function hasClass(pvc: KubeObject, spec: JsonObject): boolean {
  return typeof spec.storageClassName === 'string' || pvc.metadata.annotations?.[BETA_STORAGE_CLASS_ANNOTATION] !== undefined;
}

export const defaultStorageClassPlugin: AdmissionPlugin = {
  name: 'DefaultStorageClass',
  mutate(req: AdmissionRequest): AdmissionResult {
    if (req.group !== '' || req.resource !== 'persistentvolumeclaims' || req.subresource || req.operation !== 'CREATE') return ADMIT;
    const pvc = req.object;
    if (!pvc) return ADMIT;
    if (!isObject(pvc.spec)) pvc.spec = {};
    const spec = pvc.spec as JsonObject;
    if (hasClass(pvc, spec)) return ADMIT;
    const def = defaultStorageClass(req.ctx.list('storageclasses.storage.k8s.io'));
    if (def) spec.storageClassName = def.metadata.name;
    return ADMIT;
  },
};
