/**
 * StorageClass (storage.k8s.io/v1): SetDefaults_StorageClass
 * (pkg/apis/storage/v1/defaults.go) and ValidateStorageClass(Update)
 * (pkg/apis/storage/validation/validation.go).
 */
import { forbidden, invalid, notSupported, path, required, type FieldError } from '../../validation/field';
import type { KubeObject } from '../../object';
import type { ResourceType } from '../types';
import { immutable } from '../apps/helpers/checks';
import { goScalar } from '../apps/helpers/goFormat';
import { jsonEqual } from '../../object';
import { isObj, setDefault } from '../apps/helpers/json';
import { isQualifiedName } from '../apps/helpers/names';

const MAX_PARAMETERS_SIZE = 256 * 1024;
const RECLAIM_POLICIES = ['Delete', 'Retain'];
const BINDING_MODES = ['Immediate', 'WaitForFirstConsumer'];

export function defaultStorageClass(obj: KubeObject): void {
  setDefault(obj, 'reclaimPolicy', 'Delete');
  setDefault(obj, 'volumeBindingMode', 'Immediate');
}

function validateStorageClass(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const provisioner = typeof obj.provisioner === 'string' ? obj.provisioner : '';
  if (!provisioner) errs.push(required(path('provisioner'), ''));
  else for (const m of isQualifiedName(provisioner.toLowerCase())) errs.push(invalid(path('provisioner'), provisioner, m));

  if (isObj(obj.parameters)) {
    let size = 0;
    for (const [k, v] of Object.entries(obj.parameters)) {
      if (k.length === 0) errs.push(invalid(path('parameters'), k, 'field can not be empty.'));
      size += k.length + String(v).length;
    }
    if (size > MAX_PARAMETERS_SIZE) errs.push({ type: 'FieldValueTooLong', field: 'parameters', value: '""', detail: `may not be more than ${MAX_PARAMETERS_SIZE} bytes` });
  }
  const rp = obj.reclaimPolicy;
  if (rp != null && !RECLAIM_POLICIES.includes(rp as string)) errs.push(notSupported(path('reclaimPolicy'), rp, RECLAIM_POLICIES));
  const mode = obj.volumeBindingMode;
  if (mode == null) errs.push(required(path('volumeBindingMode'), ''));
  else if (!BINDING_MODES.includes(mode as string)) errs.push(notSupported(path('volumeBindingMode'), mode, BINDING_MODES));
  return errs;
}

export const storageClassStrategy: Partial<ResourceType> = {
  defaults: (obj) => defaultStorageClass(obj),
  validate: (obj) => validateStorageClass(obj),
  validateUpdate(obj, old) {
    const errs = validateStorageClass(obj);
    if (!jsonEqual(obj.parameters ?? {}, old.parameters ?? {})) errs.push(forbidden(path('parameters'), 'updates to parameters are forbidden.'));
    if (obj.provisioner !== old.provisioner) errs.push(forbidden(path('provisioner'), 'updates to provisioner are forbidden.'));
    if (obj.reclaimPolicy !== old.reclaimPolicy) errs.push(forbidden(path('reclaimPolicy'), 'updates to reclaimPolicy are forbidden.'));
    errs.push(...immutable(obj.volumeBindingMode, old.volumeBindingMode, path('volumeBindingMode'), goScalar(obj.volumeBindingMode)));
    return errs;
  },
};


