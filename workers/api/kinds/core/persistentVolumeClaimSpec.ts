/**
 * ValidatePersistentVolumeClaimSpec and the access-mode rules shared with
 * PersistentVolumes (pkg/apis/core/validation/validation.go). Also used for
 * ephemeral volume templates and StatefulSet volumeClaimTemplates.
 */
import type { PersistentVolumeClaimSpec } from 'kubernetes-types/core/v1';
import { type FieldError, type Path, forbidden, invalid, notSupported, required } from '../../validation/field';
import { validateLabelSelector } from '../../validation/labels';
import { isDNS1123Subdomain, nameIsDNSLabel, nameIsDNSSubdomain } from '../../validation/names';
import { invalidRendered } from './goErrors';
import { quantityAt, validatePositiveQuantityValue, validateResourceQuantityValue } from './resources';

export const SUPPORTED_ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
export const SUPPORTED_VOLUME_MODES = ['Block', 'Filesystem'];

export function validateAccessModes(modes: string[] | undefined, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  let rwop = false;
  let other = false;
  for (const mode of modes ?? []) {
    if (!SUPPORTED_ACCESS_MODES.includes(mode)) errs.push(notSupported(at, mode, SUPPORTED_ACCESS_MODES));
    if (mode === 'ReadWriteOncePod') rwop = true;
    else if (SUPPORTED_ACCESS_MODES.includes(mode)) other = true;
  }
  if (rwop && other) errs.push(forbidden(at, 'may not use ReadWriteOncePod with other access modes'));
  return errs;
}

type Ref = { apiGroup?: string; kind?: string; name?: string; namespace?: string };

function validateDataSource(ref: Ref, at: Path, isRef: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (!ref.name) errs.push(required(at.child('name'), ''));
  if (!ref.kind) errs.push(required(at.child('kind'), ''));
  const group = ref.apiGroup ?? '';
  if (!group && ref.kind !== 'PersistentVolumeClaim') errs.push(invalid(at, ref.kind ?? '', "must be 'PersistentVolumeClaim' when referencing the default apiGroup"));
  if (group) for (const m of isDNS1123Subdomain(group)) errs.push(invalid(at.child('apiGroup'), group, m));
  if (isRef && ref.namespace) for (const m of nameIsDNSLabel(ref.namespace, false)) errs.push(invalid(at.child('namespace'), ref.namespace, m));
  return errs;
}

export function validatePersistentVolumeClaimSpec(spec: PersistentVolumeClaimSpec, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const s = spec ?? {};
  if (!s.accessModes || s.accessModes.length === 0) errs.push(required(at.child('accessModes'), 'at least 1 access mode is required'));
  if (s.selector) errs.push(...validateLabelSelector(s.selector, {}, at.child('selector')));
  errs.push(...validateAccessModes(s.accessModes, at.child('accessModes')));
  // Upstream keys this error off `resources`, skipping `requests`.
  const storagePath = at.child('resources').key('storage');
  const raw = s.resources?.requests?.storage;
  if (raw === undefined) {
    errs.push(required(storagePath, ''));
  } else {
    const q = quantityAt(raw, storagePath, errs);
    if (q) {
      const pos = validatePositiveQuantityValue(q, storagePath);
      errs.push(...(pos.length ? pos : validateResourceQuantityValue('storage', q, storagePath)));
    }
  }
  if (s.storageClassName) for (const m of nameIsDNSSubdomain(s.storageClassName, false)) errs.push(invalid(at.child('storageClassName'), s.storageClassName, m));
  if (s.volumeMode && !SUPPORTED_VOLUME_MODES.includes(s.volumeMode)) errs.push(notSupported(at.child('volumeMode'), s.volumeMode, SUPPORTED_VOLUME_MODES));
  if (s.dataSource) errs.push(...validateDataSource(s.dataSource, at.child('dataSource'), false));
  if (s.dataSourceRef) errs.push(...validateDataSource(s.dataSourceRef, at.child('dataSourceRef'), true));
  if (s.dataSourceRef?.namespace) {
    if (s.dataSource) errs.push(invalidRendered(at, at.child('dataSource').toString(), 'may not be specified when dataSourceRef.namespace is specified'));
  } else if (s.dataSource && s.dataSourceRef) {
    const a = s.dataSource;
    const b = s.dataSourceRef;
    if ((a.apiGroup ?? null) !== (b.apiGroup ?? null) || a.kind !== b.kind || a.name !== b.name) {
      errs.push(invalidRendered(at, at.child('dataSource').toString(), 'must match dataSourceRef'));
    }
  }
  return errs;
}
