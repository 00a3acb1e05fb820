/**
 * Volume sources as describe.go prints them (describeVolumes and the
 * print*VolumeSource family), for pods and persistent volumes.
 */
import type { PersistentVolumeClaim, Volume } from 'kubernetes-types/core/v1';
import { quantity } from './containers';
import { sortStrings } from './format';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, NestedPrefixWriter, type PrefixWriter } from './prefixWriter';
import { printPersistentVolumeClaim } from './pvcCommon';

type Src = Record<string, unknown>;
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const bool = (v: unknown) => (v === true ? 'true' : 'false');
/** `%v` of a pointer field: `<nil>` when unset. */
const ptr = (v: unknown) => (v === undefined || v === null ? '<nil>' : String(v));
/** `%v` of a *LocalObjectReference / *SecretReference. */
const ref = (v: unknown) => {
  if (v === undefined || v === null) return '<nil>';
  const r = v as { name?: string; namespace?: string };
  return r.namespace === undefined ? `&LocalObjectReference{Name:${r.name ?? ''},}` : `&SecretReference{Name:${r.name ?? ''},Namespace:${r.namespace},}`;
};
const list = (v: unknown) => `[${((v as string[] | undefined) ?? []).join(' ')}]`;

/** Writes `Type:\t<title>` and then `    Key:\tvalue` lines, as the print* helpers do. */
function block(w: PrefixWriter, title: string, rows: [string, string][]): void {
  w.write(LEVEL_2, `Type:\t${title}\n${rows.map(([k, v]) => `    ${k}\t${v}\n`).join('')}`);
}

function hostPath(w: PrefixWriter, s: Src): void {
  block(w, 'HostPath (bare host directory volume)', [
    ['Path:', str(s.path)],
    ['HostPathType:', s.type === undefined || s.type === null ? '<none>' : str(s.type)],
  ]);
}

export function printVolumeSource(w: PrefixWriter, kind: string, s: Src, forPv: boolean): boolean {
  switch (kind) {
    case 'hostPath':
      hostPath(w, s);
      return true;
    case 'emptyDir': {
      const size = s.sizeLimit !== undefined && s.sizeLimit !== null && quantity(s.sizeLimit).sign() > 0 ? quantity(s.sizeLimit).toString() : '<unset>';
      block(w, "EmptyDir (a temporary directory that shares a pod's lifetime)", [
        ['Medium:', str(s.medium)],
        ['SizeLimit:', size],
      ]);
      return true;
    }
    case 'gcePersistentDisk':
      block(w, 'GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)', [
        ['PDName:', str(s.pdName)],
        ['FSType:', str(s.fsType)],
        ['Partition:', str(s.partition ?? 0)],
        ['ReadOnly:', bool(s.readOnly)],
      ]);
      return true;
    case 'awsElasticBlockStore':
      block(w, 'AWSElasticBlockStore (a Persistent Disk resource in AWS)', [
        ['VolumeID:', str(s.volumeID)],
        ['FSType:', str(s.fsType)],
        ['Partition:', str(s.partition ?? 0)],
        ['ReadOnly:', bool(s.readOnly)],
      ]);
      return true;
    case 'gitRepo':
      block(w, 'GitRepo (a volume that is pulled from git when the pod is created)', [
        ['Repository:', str(s.repository)],
        ['Revision:', str(s.revision)],
      ]);
      return true;
    case 'secret':
      block(w, 'Secret (a volume populated by a Secret)', [
        ['SecretName:', str(s.secretName)],
        ['Optional:', bool(s.optional)],
      ]);
      return true;
    case 'configMap':
      block(w, 'ConfigMap (a volume populated by a ConfigMap)', [
        ['Name:', str(s.name)],
        ['Optional:', bool(s.optional)],
      ]);
      return true;
    case 'nfs':
      block(w, 'NFS (an NFS mount that lasts the lifetime of a pod)', [
        ['Server:', str(s.server)],
        ['Path:', str(s.path)],
        ['ReadOnly:', bool(s.readOnly)],
      ]);
      return true;
    case 'persistentVolumeClaim':
      block(w, 'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', [
        ['ClaimName:', str(s.claimName)],
        ['ReadOnly:', bool(s.readOnly)],
      ]);
      return true;
    case 'ephemeral': {
      w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
      const t = s.volumeClaimTemplate as { metadata?: PersistentVolumeClaim['metadata']; spec?: PersistentVolumeClaim['spec'] } | undefined;
      if (t) printPersistentVolumeClaim(new NestedPrefixWriter(w, LEVEL_2), { metadata: t.metadata, spec: t.spec }, false);
      return true;
    }
    case 'downwardAPI': {
      w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
      for (const item of (s.items as { path: string; fieldRef?: { fieldPath: string }; resourceFieldRef?: { resource: string } }[] | undefined) ?? []) {
        if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`);
        if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`);
      }
      return true;
    }
    case 'projected': {
      w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      for (const src of (s.sources as Src[] | undefined) ?? []) {
        const secret = src.secret as Src | undefined;
        const cm = src.configMap as Src | undefined;
        const token = src.serviceAccountToken as Src | undefined;
        if (secret) w.write(LEVEL_2, `SecretName:\t${str(secret.name)}\n    SecretOptionalName:\t${ptr(secret.optional)}\n`);
        else if (src.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
        else if (cm) w.write(LEVEL_2, `ConfigMapName:\t${str(cm.name)}\n    ConfigMapOptional:\t${ptr(cm.optional)}\n`);
        else if (token) w.write(LEVEL_2, `TokenExpirationSeconds:\t${str(token.expirationSeconds ?? 0)}\n`);
      }
      return true;
    }
    case 'iscsi':
      block(w, "ISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)", [
        ['TargetPortal:', str(s.targetPortal)],
        ['IQN:', str(s.iqn)],
        ['Lun:', str(s.lun ?? 0)],
        ['ISCSIInterface', str(s.iscsiInterface)],
        ['FSType:', str(s.fsType)],
        ['ReadOnly:', bool(s.readOnly)],
        ['Portals:', list(s.portals)],
        ['DiscoveryCHAPAuth:', bool(s.chapAuthDiscovery)],
        ['SessionCHAPAuth:', bool(s.chapAuthSession)],
        ['SecretRef:', ref(s.secretRef)],
        ['InitiatorName:', s.initiatorName === undefined ? '<none>' : str(s.initiatorName)],
      ]);
      return true;
    case 'cephfs':
      block(w, "CephFS (a CephFS mount on the host that shares a pod's lifetime)", [
        ['Monitors:', list(s.monitors)],
        ['Path:', str(s.path)],
        ['User:', str(s.user)],
        ['SecretFile:', str(s.secretFile)],
        ['SecretRef:', ref(s.secretRef)],
        ['ReadOnly:', bool(s.readOnly)],
      ]);
      return true;
    case 'fc':
      block(w, 'FC (a Fibre Channel disk)', [
        ['TargetWWNs:', ((s.targetWWNs as string[] | undefined) ?? []).join(', ')],
        ['LUN:', s.lun === undefined || s.lun === null ? '<none>' : str(s.lun)],
        ['FSType:', str(s.fsType)],
        ['ReadOnly:', bool(s.readOnly)],
      ]);
      return true;
    case 'local':
      block(w, 'LocalVolume (a persistent volume backed by local storage on a node)', [['Path:', str(s.path)]]);
      return true;
    case 'image':
      block(w, 'Image (a container image or OCI artifact)', [
        ['Reference:', str(s.reference)],
        ['PullPolicy:', str(s.pullPolicy)],
      ]);
      return true;
    case 'csi': {
      if (forPv) {
        block(w, 'CSI (a Container Storage Interface (CSI) volume source)', [
          ['Driver:', str(s.driver)],
          ['FSType:', str(s.fsType)],
          ['VolumeHandle:', str(s.volumeHandle)],
          ['ReadOnly:', bool(s.readOnly)],
        ]);
      } else {
        block(w, 'CSI (a Container Storage Interface (CSI) volume source)', [
          ['Driver:', str(s.driver)],
          ['FSType:', str(s.fsType)],
          ['ReadOnly:', bool(s.readOnly)],
        ]);
      }
      printCsiAttributes(w, (s.volumeAttributes as Record<string, string> | undefined) ?? {});
      return true;
    }
    default:
      return false;
  }
}

/** printCSIPersistentVolumeAttributesMultilineIndent */
function printCsiAttributes(w: PrefixWriter, attrs: Record<string, string>): void {
  w.write(LEVEL_2, 'VolumeAttributes:\t');
  const keys = sortStrings(Object.keys(attrs));
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, '');
      w.write(LEVEL_2, '\t');
    }
    const line = `${k}=${attrs[k]}`;
    w.write(LEVEL_2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`);
  });
}

/** Source kinds in the order describeVolumes tests them. */
const POD_SOURCES = ['hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'configMap', 'nfs', 'iscsi', 'glusterfs', 'persistentVolumeClaim', 'ephemeral', 'rbd', 'quobyte', 'downwardAPI', 'azureDisk', 'vsphereVolume', 'cinder', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'cephfs', 'storageos', 'fc', 'azureFile', 'flexVolume', 'flocker', 'projected', 'csi', 'image'];

export const PV_SOURCES = ['hostPath', 'gcePersistentDisk', 'awsElasticBlockStore', 'nfs', 'iscsi', 'glusterfs', 'rbd', 'quobyte', 'vsphereVolume', 'cinder', 'azureDisk', 'photonPersistentDisk', 'portworxVolume', 'scaleIO', 'local', 'cephfs', 'storageos', 'fc', 'azureFile', 'flexVolume', 'flocker', 'csi'];

/** describeVolumes */
export function describeVolumes(volumes: Volume[] | undefined, w: PrefixWriter, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(LEVEL_1, `${space ? ' ' : ''}${v.name}:\n`);
    const src = v as unknown as Record<string, unknown>;
    const kind = POD_SOURCES.find((k) => src[k] !== undefined && src[k] !== null);
    if (!kind || !printVolumeSource(w, kind, src[kind] as Src, false)) w.write(LEVEL_1, '<unknown>\n');
  }
}
