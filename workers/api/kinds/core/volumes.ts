/**
 * Pod volumes: ValidateVolumes and validateVolumeSource of
 * pkg/apis/core/validation/validation.go. The sources learners meet
 * (emptyDir, hostPath, configMap, secret, PVC, downwardAPI, projected, nfs,
 * csi, ephemeral, image) are checked in detail; legacy cloud sources only
 * count towards "one volume type".
 */
import type { Volume } from 'kubernetes-types/core/v1';
import { type FieldError, type Path, forbidden, invalid, notSupported, required } from '../../validation/field';
import { validateLabelSelector } from '../../validation/labels';
import { isDNS1123Label, isDNS1123Subdomain } from '../../validation/names';
import { validateTemplateObjectMeta } from '../../validation/objectMeta';
import { parseQuantity } from '../../validation/quantity';
import { validateObjectFieldSelector, validateResourceFieldSelector } from './envValidation';
import { validatePersistentVolumeClaimSpec } from './persistentVolumeClaimSpec';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive';

/** Source fields in upstream's check order, with the path name each error uses. */
const SOURCES: [key: string, pathName: string][] = [
  ['emptyDir', 'emptyDir'],
  ['hostPath', 'hostPath'],
  ['gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'],
  ['persistentVolumeClaim', 'persistentVolumeClaim'],
  ['rbd', 'rbd'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'],
  // Upstream's typo, kept: the Forbidden path really is "downwarAPI".
  ['downwardAPI', 'downwarAPI'],
  ['fc', 'fc'],
  ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap'],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'],
  ['projected', 'projected'],
  ['scaleIO', 'scaleIO'],
  ['csi', 'csi'],
  ['ephemeral', 'ephemeral'],
  ['image', 'image'],
];

export const SUPPORTED_HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

/** Go's path.IsAbs and filepath.ToSlash on Linux. */
const isAbs = (p: string) => p.startsWith('/');

export function validatePathNoBacksteps(target: string, at: Path): FieldError[] {
  return target.split('/').includes('..') ? [invalid(at, target, "must not contain '..'")] : [];
}

export function validateLocalDescendingPath(target: string, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (isAbs(target)) errs.push(invalid(at, target, 'must be a relative path'));
  errs.push(...validatePathNoBacksteps(target, at));
  return errs;
}

export function validateLocalNonReservedPath(target: string, at: Path): FieldError[] {
  const errs = validateLocalDescendingPath(target, at);
  if (target.startsWith('..') && !target.startsWith('../')) errs.push(invalid(at, target, "must not start with '..'"));
  return errs;
}

function validateMode(mode: unknown, at: Path): FieldError[] {
  return typeof mode === 'number' && (mode > 0o777 || mode < 0) ? [invalid(at, mode, FILE_MODE_ERROR)] : [];
}

function validateKeyToPath(kp: Obj, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (!kp.key) errs.push(required(at.child('key'), ''));
  if (!kp.path) errs.push(required(at.child('path'), ''));
  errs.push(...validateLocalNonReservedPath(String(kp.path ?? ''), at.child('path')));
  errs.push(...validateMode(kp.mode, at.child('mode')));
  return errs;
}

const VOLUME_FIELD_PATHS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];

function validateDownwardAPIVolumeFile(file: Obj, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (!file.path) errs.push(required(at.child('path'), ''));
  errs.push(...validateLocalNonReservedPath(String(file.path ?? ''), at.child('path')));
  if (isObj(file.fieldRef)) {
    errs.push(...validateObjectFieldSelector(file.fieldRef, VOLUME_FIELD_PATHS, at.child('fieldRef')));
    if (file.resourceFieldRef) errs.push(invalid(at, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
  } else if (isObj(file.resourceFieldRef)) {
    errs.push(...validateResourceFieldSelector(file.resourceFieldRef, at.child('resourceFieldRef'), true));
  } else {
    errs.push(required(at, 'one of fieldRef and resourceFieldRef is required'));
  }
  errs.push(...validateMode(file.mode, at.child('mode')));
  return errs;
}

function validateProjected(src: Obj, at: Path, hasServiceAccountName: boolean | undefined): FieldError[] {
  const errs = validateMode(src.defaultMode, at.child('defaultMode'));
  const allPaths = new Set<string>();
  const list = Array.isArray(src.sources) ? src.sources : [];
  list.forEach((raw, i) => {
    const s = isObj(raw) ? raw : {};
    const srcPath = at.child('sources').index(i);
    let n = 0;
    for (const kind of ['secret', 'configMap'] as const) {
      const ref = s[kind];
      if (!isObj(ref)) continue;
      n++;
      const p = srcPath.child(kind);
      if (!ref.name) errs.push(required(p.child('name'), ''));
      (Array.isArray(ref.items) ? ref.items : []).forEach((item, j) => {
        const kp = isObj(item) ? item : {};
        errs.push(...validateKeyToPath(kp, p.child('items').index(j)));
        if (kp.path) {
          if (allPaths.has(String(kp.path))) errs.push(invalid(at, ref.name ?? '', 'conflicting duplicate paths'));
          allPaths.add(String(kp.path));
        }
      });
    }
    if (isObj(s.downwardAPI)) {
      n++;
      (Array.isArray(s.downwardAPI.items) ? s.downwardAPI.items : []).forEach((item) => {
        const f = isObj(item) ? item : {};
        errs.push(...validateDownwardAPIVolumeFile(f, srcPath.child('downwardAPI')));
        if (f.path) {
          if (allPaths.has(String(f.path))) errs.push(invalid(at, f.path, 'conflicting duplicate paths'));
          allPaths.add(String(f.path));
        }
      });
    }
    if (isObj(s.serviceAccountToken)) {
      n++;
      const t = s.serviceAccountToken;
      const p = srcPath.child('serviceAccountToken');
      const exp = typeof t.expirationSeconds === 'number' ? t.expirationSeconds : 0;
      if (exp < 600) errs.push(invalid(p.child('expirationSeconds'), exp, 'may not specify a duration less than 10 minutes'));
      if (exp > 2 ** 32) errs.push(invalid(p.child('expirationSeconds'), exp, 'may not specify a duration larger than 2^32 seconds'));
      if (!t.path) errs.push(required(at.child('path'), ''));
      else errs.push(...validateLocalNonReservedPath(String(t.path), at.child('path')));
      if (hasServiceAccountName === false) errs.push(forbidden(p, 'must not be specified when serviceAccountName is not set'));
    }
    if (isObj(s.clusterTrustBundle)) {
      n++;
      const b = s.clusterTrustBundle;
      const p = srcPath.child('clusterTrustBundle');
      if (b.name !== undefined && b.signerName !== undefined) errs.push(invalid(p, b, 'only one of name and signerName may be used'));
      else if (b.name === undefined && b.signerName === undefined) errs.push(required(p, 'either name or signerName must be specified'));
      if (b.labelSelector !== undefined && b.signerName !== undefined) errs.push(...validateLabelSelector(b.labelSelector as never, {}, p.child('labelSelector')));
      if (!b.path) errs.push(required(p.child('path'), ''));
      errs.push(...validateLocalNonReservedPath(String(b.path ?? ''), p.child('path')));
    }
    if (n > 1) errs.push(forbidden(srcPath, 'may not specify more than 1 volume type per source'));
  });
  return errs;
}

function validateCSIDriverName(driver: string, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (!driver) errs.push(required(at, ''));
  if (driver.length > 63) errs.push({ type: 'FieldValueTooLong', field: at.toString(), detail: 'may not be more than 63 bytes' });
  for (const m of isDNS1123Subdomain(driver.toLowerCase())) errs.push(invalid(at, driver, m));
  return errs;
}

interface VolumeCtx {
  podName?: string;
  resourceIsPod: boolean;
  /** Only pods (not templates) check projected serviceAccountToken against serviceAccountName. */
  hasServiceAccountName?: boolean;
}

/** validateVolumeSource for the source inside `v`. */
export function validateVolumeSource(v: Obj, at: Path, volName: string, ctx: VolumeCtx): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  for (const [key, pathName] of SOURCES) {
    const src = v[key];
    if (src === undefined || src === null) continue;
    if (n > 0) {
      errs.push(forbidden(at.child(pathName), 'may not specify more than 1 volume type'));
      continue;
    }
    n++;
    const s = isObj(src) ? src : {};
    const p = at.child(key);
    switch (key) {
      case 'emptyDir':
        if (s.sizeLimit !== undefined) {
          const q = parseQuantity(s.sizeLimit as string);
          if (q && q.mant < 0n) errs.push(forbidden(p.child('sizeLimit'), 'SizeLimit field must be a valid resource quantity'));
        }
        break;
      case 'hostPath':
        if (!s.path) {
          errs.push(required(p.child('path'), ''));
          break;
        }
        errs.push(...validatePathNoBacksteps(String(s.path), p.child('path')));
        if (typeof s.type === 'string' && !SUPPORTED_HOST_PATH_TYPES.includes(s.type)) {
          errs.push(notSupported(p.child('type'), s.type, SUPPORTED_HOST_PATH_TYPES));
        }
        break;
      case 'secret':
        if (!s.secretName) errs.push(required(p.child('secretName'), ''));
        errs.push(...validateMode(s.defaultMode, p.child('defaultMode')));
        (Array.isArray(s.items) ? s.items : []).forEach((it, i) => errs.push(...validateKeyToPath(isObj(it) ? it : {}, p.child('items').index(i))));
        break;
      case 'configMap':
        if (!s.name) errs.push(required(p.child('name'), ''));
        errs.push(...validateMode(s.defaultMode, p.child('defaultMode')));
        (Array.isArray(s.items) ? s.items : []).forEach((it, i) => errs.push(...validateKeyToPath(isObj(it) ? it : {}, p.child('items').index(i))));
        break;
      case 'persistentVolumeClaim':
        if (!s.claimName) errs.push(required(p.child('claimName'), ''));
        break;
      case 'nfs':
        if (!s.server) errs.push(required(p.child('server'), ''));
        if (!s.path) errs.push(required(p.child('path'), ''));
        if (!isAbs(String(s.path ?? ''))) errs.push(invalid(p.child('path'), s.path ?? '', 'must be an absolute path'));
        break;
      case 'downwardAPI':
        errs.push(...validateMode(s.defaultMode, p.child('defaultMode')));
        // Upstream validates items against the source path, not items[i].
        for (const it of Array.isArray(s.items) ? s.items : []) errs.push(...validateDownwardAPIVolumeFile(isObj(it) ? it : {}, p));
        break;
      case 'projected':
        errs.push(...validateProjected(s, p, ctx.hasServiceAccountName));
        break;
      case 'csi':
        errs.push(...validateCSIDriverName(String(s.driver ?? ''), p.child('driver')));
        if (isObj(s.nodePublishSecretRef) && !s.nodePublishSecretRef.name) errs.push(required(p.child('nodePublishSecretRef', 'name'), ''));
        break;
      case 'gitRepo':
        if (!s.repository) errs.push(required(p.child('repository'), ''));
        errs.push(...validateLocalDescendingPath(String(s.directory ?? ''), p.child('directory')));
        break;
      case 'ephemeral': {
        const tpl = s.volumeClaimTemplate;
        if (!isObj(tpl)) {
          errs.push(required(p.child('volumeClaimTemplate'), ''));
          break;
        }
        const tp = p.child('volumeClaimTemplate');
        errs.push(...validateTemplateObjectMeta(tpl.metadata as never, tp.child('metadata')));
        errs.push(...validatePersistentVolumeClaimSpec((tpl.spec ?? {}) as never, tp.child('spec')));
        if (ctx.podName && volName) {
          const pvcName = `${ctx.podName}-${volName}`;
          for (const m of isDNS1123Subdomain(pvcName)) errs.push(invalid(at.child('name'), volName, `PVC name ${JSON.stringify(pvcName)}: ${m}`));
        }
        break;
      }
      case 'image':
        if (ctx.resourceIsPod && !s.reference) errs.push(required(p.child('reference'), ''));
        errs.push(...validatePullPolicyValue(s.pullPolicy, p.child('pullPolicy')));
        break;
      default:
        break;
    }
  }
  if (n === 0) errs.push(required(at, 'must specify a volume type'));
  return errs;
}

export const SUPPORTED_PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

export function validatePullPolicyValue(policy: unknown, at: Path): FieldError[] {
  if (policy === 'Always' || policy === 'IfNotPresent' || policy === 'Never') return [];
  if (policy === undefined || policy === '') return [required(at, '')];
  return [notSupported(at, policy, SUPPORTED_PULL_POLICIES)];
}

export interface VolumeInfo {
  /** Name → whether it is PVC-backed (PVC or generic ephemeral), for volumeDevices. */
  byName: Map<string, { isPVC: boolean; isImage: boolean }>;
}

/** ValidateVolumes: names are unique DNS labels and each volume has exactly one source. */
export function validateVolumes(volumes: Volume[] | undefined, at: Path, ctx: VolumeCtx): { info: VolumeInfo; errs: FieldError[] } {
  const errs: FieldError[] = [];
  const byName = new Map<string, { isPVC: boolean; isImage: boolean }>();
  const createdPVCs = new Set<string>();
  if (ctx.podName) for (const v of volumes ?? []) if (v?.ephemeral) createdPVCs.add(`${ctx.podName}-${v.name}`);
  (volumes ?? []).forEach((raw, i) => {
    const v = (isObj(raw) ? raw : {}) as Obj;
    const p = at.index(i);
    const name = typeof v.name === 'string' ? v.name : '';
    const el = validateVolumeSource(v, p, name, ctx);
    if (!name) el.push(required(p.child('name'), ''));
    else for (const m of isDNS1123Label(name)) el.push(invalid(p.child('name'), name, m));
    if (byName.has(name)) el.push({ type: 'FieldValueDuplicate', field: p.child('name').toString(), value: JSON.stringify(name), detail: '' });
    if (el.length === 0) byName.set(name, { isPVC: v.persistentVolumeClaim != null || v.ephemeral != null, isImage: v.image != null });
    else errs.push(...el);
    const claim = isObj(v.persistentVolumeClaim) ? v.persistentVolumeClaim.claimName : undefined;
    if (typeof claim === 'string' && createdPVCs.has(claim)) {
      errs.push(invalid(p.child('persistentVolumeClaim', 'claimName'), claim, 'must not reference a PVC that gets created for an ephemeral volume'));
    }
  });
  return { info: { byName }, errs };
}

