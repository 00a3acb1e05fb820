/**
 * PersistentVolumeClaim: volumeMode Filesystem (SetDefaults_PersistentVolumeClaimSpec),
 * status Pending on create, ValidatePersistentVolumeClaim and the
 * "spec is immutable after creation" rule of ValidatePersistentVolumeClaimUpdate.
 */
import type { PersistentVolumeClaim, PersistentVolumeClaimSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../object';
import { clone } from '../../object';
import { type FieldError, forbidden, invalid, path } from '../../validation/field';
import { goDiff, semanticEqual } from '../../validation/goDiff';
import { nameIsDNSSubdomain } from '../../validation/names';
import { FIELD_IMMUTABLE, validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from '../../validation/objectMeta';
import { compareQuantity, parseQuantity } from '../../validation/quantity';
import type { ResourceType } from '../types';
import { validatePersistentVolumeClaimSpec } from './persistentVolumeClaimSpec';
import { defaultResourceList } from './podSpecDefaults';

type Obj = Record<string, unknown>;
const asPVC = (o: KubeObject) => o as unknown as PersistentVolumeClaim & { spec: PersistentVolumeClaimSpec };
const BETA_CLASS = 'volume.beta.kubernetes.io/storage-class';

export function defaultPersistentVolumeClaim(obj: KubeObject): void {
  const pvc = asPVC(obj);
  if (typeof pvc.spec !== 'object' || pvc.spec === null) pvc.spec = {};
  if (!pvc.spec.volumeMode) pvc.spec.volumeMode = 'Filesystem';
  defaultResourceList(pvc.spec.resources?.requests);
  defaultResourceList(pvc.spec.resources?.limits);
}

export function validatePersistentVolumeClaim(obj: KubeObject): FieldError[] {
  const pvc = asPVC(obj);
  return [...validateObjectMeta(pvc.metadata, true, nameIsDNSSubdomain, path('metadata')), ...validatePersistentVolumeClaimSpec(pvc.spec, path('spec'))];
}

export function validatePersistentVolumeClaimUpdate(obj: KubeObject, oldObj: KubeObject): FieldError[] {
  const pvc = asPVC(obj);
  const old = asPVC(oldObj);
  const errs = validateObjectMetaUpdate(pvc.metadata, old.metadata, path('metadata'));
  errs.push(...validatePersistentVolumeClaim(obj));
  const next = clone(pvc.spec ?? {}) as PersistentVolumeClaimSpec;
  const prev = clone(old.spec ?? {}) as PersistentVolumeClaimSpec;
  // The PV controller sets volumeName once.
  if (!prev.volumeName) prev.volumeName = next.volumeName;
  const oldAnn = old.metadata?.annotations ?? {};
  const newAnn = pvc.metadata?.annotations ?? {};
  if (BETA_CLASS in oldAnn && prev.storageClassName === undefined && next.storageClassName === oldAnn[BETA_CLASS] && (!(BETA_CLASS in newAnn) || newAnn[BETA_CLASS] === oldAnn[BETA_CLASS])) {
    delete next.storageClassName;
  } else {
    if ((newAnn[BETA_CLASS] ?? '') !== (oldAnn[BETA_CLASS] ?? '')) {
      errs.push(invalid(path('metadata', 'annotations', BETA_CLASS), newAnn[BETA_CLASS] ?? '', FIELD_IMMUTABLE));
    }
    // Setting a class on a claim that had none is allowed (upgrade from nil).
    if (next.storageClassName !== undefined && prev.storageClassName === undefined && (!(BETA_CLASS in oldAnn) || next.storageClassName === oldAnn[BETA_CLASS])) {
      next.storageClassName = prev.storageClassName;
    }
  }
  const bound = (pvc.status as Obj | undefined)?.phase === 'Bound';
  if (bound && next.resources?.requests) next.resources.requests.storage = old.spec?.resources?.requests?.storage as string;
  if (bound && (next as Obj).volumeAttributesClassName !== undefined) (next as Obj).volumeAttributesClassName = (prev as Obj).volumeAttributesClassName;
  if (!semanticEqual(next, prev)) {
    errs.push(
      forbidden(
        path('spec'),
        `spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n${goDiff('core.PersistentVolumeClaimSpec', prev, next)}`,
      ),
    );
  }
  const oldSize = parseQuantity(String(old.spec?.resources?.requests?.storage ?? '0'));
  const newSize = parseQuantity(String(pvc.spec?.resources?.requests?.storage ?? '0'));
  if (oldSize && newSize && compareQuantity(newSize, oldSize) < 0) {
    // RecoverVolumeExpansionFailure is beta (on) in v1.32: shrinking is allowed down to just above status.capacity.
    const status = parseQuantity(String((old.status?.capacity ?? {}).storage ?? '0'));
    if (status && compareQuantity(newSize, status) <= 0) {
      errs.push(forbidden(path('spec', 'resources', 'requests', 'storage'), 'field can not be less than status.capacity'));
    }
  }
  errs.push(...validateImmutableField(pvc.spec?.volumeMode ?? null, old.spec?.volumeMode ?? null, path('volumeMode')));
  return errs;
}

export const persistentVolumeClaimStrategy: Partial<ResourceType> = {
  defaults: (obj) => defaultPersistentVolumeClaim(obj),
  prepareForCreate: (obj) => {
    (obj as Obj).status = { phase: 'Pending' };
  },
  prepareForUpdate: (obj, old) => {
    (obj as Obj).status = (old as Obj).status;
  },
  validate: (obj) => validatePersistentVolumeClaim(obj),
  validateUpdate: (obj, old) => validatePersistentVolumeClaimUpdate(obj, old),
};
