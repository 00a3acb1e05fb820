/**
 * PersistentVolume: SetDefaults_PersistentVolume (Retain, Filesystem),
 * status Pending with lastPhaseTransitionTime on create (strategy), and
 * ValidatePersistentVolume / ValidatePersistentVolumeUpdate.
 */
import type { PersistentVolume, PersistentVolumeSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../object';
import { clone } from '../../object';
import { type FieldError, forbidden, invalid, notSupported, path, required } from '../../validation/field';
import { goDiff, semanticEqual } from '../../validation/goDiff';
import { nameIsDNSSubdomain } from '../../validation/names';
import { FIELD_IMMUTABLE, validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from '../../validation/objectMeta';
import type { ResourceType, StrategyContext } from '../types';
import { invalidRendered } from './goErrors';
import { SUPPORTED_VOLUME_MODES, validateAccessModes } from './persistentVolumeClaimSpec';
import { defaultResourceList } from './podSpecDefaults';
import { quantityAt, validateBasicResource, validatePositiveQuantityValue } from './resources';
import { validateNodeSelector } from './schedulingValidation';
import { SUPPORTED_HOST_PATH_TYPES, validatePathNoBacksteps } from './volumes';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const asPV = (o: KubeObject) => o as unknown as PersistentVolume & { spec: PersistentVolumeSpec };

/** PV source fields, in upstream's check order. */
const PV_SOURCES = [
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'glusterfs',
  'flocker',
  'nfs',
  'rbd',
  'quobyte',
  'cephfs',
  'iscsi',
  'cinder',
  'fc',
  'flexVolume',
  'azureFile',
  'vsphereVolume',
  'photonPersistentDisk',
  'portworxVolume',
  'azureDisk',
  'scaleIO',
  'local',
  'storageos',
  'csi',
];
const RECLAIM_POLICIES = ['Delete', 'Recycle', 'Retain'];

export function defaultPersistentVolume(obj: KubeObject): void {
  const pv = asPV(obj);
  if (!isObj(pv.spec)) pv.spec = {};
  if (!pv.spec.persistentVolumeReclaimPolicy) pv.spec.persistentVolumeReclaimPolicy = 'Retain';
  if (!pv.spec.volumeMode) pv.spec.volumeMode = 'Filesystem';
  if (pv.spec.hostPath && pv.spec.hostPath.type === undefined) pv.spec.hostPath.type = '';
  defaultResourceList(pv.spec.capacity);
  const raw = obj as Obj;
  const status = (isObj(raw.status) ? raw.status : (raw.status = {})) as Obj;
  if (!status.phase) status.phase = 'Pending';
}

export function prepareForCreatePersistentVolume(obj: KubeObject, ctx?: StrategyContext): void {
  (obj as Obj).status = { phase: 'Pending', lastPhaseTransitionTime: new Date(ctx?.now ?? Date.now()).toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

export function validatePersistentVolumeSpec(spec: PersistentVolumeSpec): FieldError[] {
  const at = path('spec');
  const s = spec ?? {};
  const errs: FieldError[] = [];
  if (!s.accessModes || s.accessModes.length === 0) errs.push(required(at.child('accessModes'), ''));
  errs.push(...validateAccessModes(s.accessModes, at.child('accessModes')));
  const cap = s.capacity ?? {};
  if (Object.keys(cap).length === 0) errs.push(required(at.child('capacity'), ''));
  if (!('storage' in cap) || Object.keys(cap).length > 1) {
    const rendered = `core.ResourceList{${Object.keys(cap).sort().map((k) => `${JSON.stringify(k)}:resource.Quantity{...}`).join(', ')}}`;
    errs.push({ type: 'FieldValueNotSupported', field: at.child('capacity').toString(), value: Object.keys(cap).length ? rendered : 'core.ResourceList(nil)', detail: 'supported values: "storage"' });
  }
  for (const k of Object.keys(cap).sort()) {
    const p = at.child('capacity').key(k);
    const q = quantityAt(cap[k], p, errs);
    if (q) errs.push(...validateBasicResource(q, p), ...validatePositiveQuantityValue(q, p));
  }
  if (s.persistentVolumeReclaimPolicy && !RECLAIM_POLICIES.includes(s.persistentVolumeReclaimPolicy)) {
    errs.push(notSupported(at.child('persistentVolumeReclaimPolicy'), s.persistentVolumeReclaimPolicy, RECLAIM_POLICIES));
  }
  let nodeAffinity = false;
  if (s.nodeAffinity) {
    nodeAffinity = true;
    if (s.nodeAffinity.required) errs.push(...validateNodeSelector(s.nodeAffinity.required, false, at.child('nodeAffinity', 'required')));
    else errs.push(required(at.child('nodeAffinity', 'required'), 'must specify required node constraints'));
  }
  let n = 0;
  for (const key of PV_SOURCES) {
    const src = (s as Obj)[key];
    if (src === undefined || src === null) continue;
    if (n > 0 && key !== 'flexVolume') {
      errs.push(forbidden(at.child(key), 'may not specify more than 1 volume type'));
      continue;
    }
    n++;
    const v = isObj(src) ? src : {};
    const p = at.child(key);
    if (key === 'hostPath') {
      if (!v.path) errs.push(required(p.child('path'), ''));
      else {
        errs.push(...validatePathNoBacksteps(String(v.path), p.child('path')));
        if (typeof v.type === 'string' && !SUPPORTED_HOST_PATH_TYPES.includes(v.type)) errs.push(notSupported(p.child('type'), v.type, SUPPORTED_HOST_PATH_TYPES));
      }
    } else if (key === 'nfs') {
      if (!v.server) errs.push(required(p.child('server'), ''));
      if (!v.path) errs.push(required(p.child('path'), ''));
      if (!String(v.path ?? '').startsWith('/')) errs.push(invalid(p.child('path'), v.path ?? '', 'must be an absolute path'));
    } else if (key === 'local') {
      if (!v.path) errs.push(required(p.child('path'), ''));
      else errs.push(...validatePathNoBacksteps(String(v.path), p.child('path')));
      if (!nodeAffinity) errs.push(required(at.child('nodeAffinity'), 'Local volume requires node affinity'));
    } else if (key === 'csi') {
      if (!v.driver) errs.push(required(p.child('driver'), ''));
      if (!v.volumeHandle) errs.push(required(p.child('volumeHandle'), ''));
    }
  }
  if (n === 0) errs.push(required(at, 'must specify a volume type'));
  if (s.hostPath && s.hostPath.path?.replace(/\/+$/, '') === '' && s.persistentVolumeReclaimPolicy === 'Recycle') {
    errs.push(forbidden(at.child('persistentVolumeReclaimPolicy'), "may not be 'recycle' for a hostPath mount of '/'"));
  }
  if (s.storageClassName) for (const m of nameIsDNSSubdomain(s.storageClassName, false)) errs.push(invalid(at.child('storageClassName'), s.storageClassName, m));
  if (s.volumeMode && !SUPPORTED_VOLUME_MODES.includes(s.volumeMode)) errs.push(notSupported(at.child('volumeMode'), s.volumeMode, SUPPORTED_VOLUME_MODES));
  return errs;
}

export function validatePersistentVolume(obj: KubeObject): FieldError[] {
  const pv = asPV(obj);
  return [...validateObjectMeta(pv.metadata, false, nameIsDNSSubdomain, path('metadata')), ...validatePersistentVolumeSpec(pv.spec)];
}

const SOURCE_KEYS = new Set(PV_SOURCES);
const sourceOf = (spec: PersistentVolumeSpec | undefined): Obj =>
  Object.fromEntries(Object.entries((spec ?? {}) as Obj).filter(([k]) => SOURCE_KEYS.has(k)));

export function validatePersistentVolumeUpdate(obj: KubeObject, oldObj: KubeObject): FieldError[] {
  const pv = asPV(obj);
  const old = asPV(oldObj);
  const errs = validatePersistentVolume(obj);
  errs.push(...validateObjectMetaUpdate(pv.metadata, old.metadata, path('metadata')));
  const next = clone(sourceOf(pv.spec));
  const prev = sourceOf(old.spec);
  // A controller-expand secret may be added to a CSI volume later.
  if (isObj(prev.csi) && !prev.csi.controllerExpandSecretRef && isObj(next.csi)) delete next.csi.controllerExpandSecretRef;
  if (!semanticEqual(next, prev)) {
    errs.push(forbidden(path('spec', 'persistentvolumesource'), `spec.persistentvolumesource is immutable after creation\n${goDiff('core.PersistentVolumeSource', prev, next)}`));
  }
  errs.push(...validateImmutableField(pv.spec?.volumeMode ?? null, old.spec?.volumeMode ?? null, path('volumeMode')));
  if (old.spec?.nodeAffinity && !semanticEqual(pv.spec?.nodeAffinity, old.spec.nodeAffinity)) {
    errs.push(invalidRendered(path('nodeAffinity'), '&core.VolumeNodeAffinity{...}', `${FIELD_IMMUTABLE}, except for updating from beta label to GA`));
  }
  return errs;
}

export const persistentVolumeStrategy: Partial<ResourceType> = {
  defaults: (obj) => defaultPersistentVolume(obj),
  prepareForCreate: (obj, ctx) => prepareForCreatePersistentVolume(obj, ctx),
  prepareForUpdate: (obj, old) => {
    (obj as Obj).status = (old as Obj).status;
  },
  validate: (obj) => validatePersistentVolume(obj),
  validateUpdate: (obj, old) => validatePersistentVolumeUpdate(obj, old),
};

