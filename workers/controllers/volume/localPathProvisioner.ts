/**
 * kind's local-path provisioner (rancher/local-path-provisioner on
 * sig-storage-lib-external-provisioner): for a claim the PV controller
 * handed to `rancher.io/local-path` and, with WaitForFirstConsumer, the
 * scheduler placed on a node, it creates PV `pvc-<claim uid>`: a hostPath
 * directory on that node, pinned there by node affinity, pre-bound to the
 * claim. Released volumes of its own with reclaimPolicy Delete it deletes.
 */
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { KubeObject } from '../../api/object';
import { CORE } from '../../client/factory';
import { keyOf, splitKey, type Informer } from '../../client/informer';
import type { EventRecorder } from '../../client/events';
import { WorkQueue, type SyncResult } from '../../client/workqueue';
import type { ApiCall, ComponentContext } from '../context';
import { apiError, isAlreadyExists, isNotFound } from '../replicaset/apiError';
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_DYNAMICALLY_PROVISIONED,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  claimClass,
  claimKey,
  hasAnnotation,
  type PV,
  type PVC,
} from './util';

export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';
export const LOCAL_PATH_COMPONENT = 'local-path-provisioner';
/** kind's local-path-config: where volumes are made on each node. */
export const LOCAL_PATH_BASE = '/var/local-path-provisioner';
const ANN_LOCAL_PATH_SELECTED_NODE = 'local.path.provisioner/selected-node';
const HOSTNAME_LABEL = 'kubernetes.io/hostname';
const CLASSES = { group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses' };
const SUPPORTED_MODES = ['ReadWriteOnce', 'ReadWriteOncePod'];
/** The provisioner runs in a pod of its own: it notices a claim a moment after the PV controller does. */
export const PROVISIONER_LATENCY_MS = 100;
const CLAIM = 'claim:';
const VOLUME = 'volume:';

export interface LocalPathProvisionerOptions {
  /** Remove a deleted volume's directory from the node (the provisioner's helper pod does it upstream). */
  removeData?(nodeName: string, path: string): void;
}

/** The directory of a claim's volume: `<base>/<pv>_<namespace>_<claim>`. */
export function localPathOf(pvName: string, pvc: KubeObject): string {
  return `${LOCAL_PATH_BASE}/${pvName}_${pvc.metadata.namespace}_${pvc.metadata.name}`;
}

export class LocalPathProvisioner {
  private readonly queue: WorkQueue;
  private readonly claims: Informer<PVC>;
  private readonly volumes: Informer<PV>;
  private readonly classes: Informer<KubeObject>;
  private readonly nodes: Informer<KubeObject>;
  private readonly api: ApiCall;
  private recorderCache?: EventRecorder;

  constructor(
    private readonly ctx: ComponentContext,
    private readonly opts: LocalPathProvisionerOptions = {},
  ) {
    this.api = ctx.client(LOCAL_PATH_COMPONENT);
    this.queue = new WorkQueue(ctx.clock, (k) => (k.startsWith(CLAIM) ? this.syncClaim(k.slice(CLAIM.length)) : this.syncVolume(k.slice(VOLUME.length))), {
      component: LOCAL_PATH_COMPONENT,
      latencyMs: PROVISIONER_LATENCY_MS,
    });
    this.claims = ctx.informers.for<PVC>(CORE('persistentvolumeclaims'));
    this.volumes = ctx.informers.for<PV>(CORE('persistentvolumes'));
    this.classes = ctx.informers.for(CLASSES);
    this.nodes = ctx.informers.for(CORE('nodes'));
    const onClaim = (c: PVC) => {
      if (this.isMine(c) && !c.spec?.volumeName) this.queue.add(CLAIM + keyOf(c));
    };
    this.claims.addEventHandler({ add: onClaim, update: (_o, c) => onClaim(c) });
    const onVolume = (v: PV) => {
      if (v.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED] === LOCAL_PATH_PROVISIONER && v.status?.phase === 'Released') this.queue.add(VOLUME + keyOf(v));
    };
    this.volumes.addEventHandler({ add: onVolume, update: (_o, v) => onVolume(v) });
  }

  /**
   * The provisioner's identity as its events show it:
   * `rancher.io/local-path_<pod name>_<uuid>`. Made on first use so that a
   * cluster without claims draws nothing from the random stream.
   */
  private get recorder(): EventRecorder {
    if (!this.recorderCache) {
      const rng = this.ctx.rng;
      const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[rng.int(16)]).join('');
      const pod = `local-path-provisioner-${rng.nameSuffix(10)}-${rng.nameSuffix(5)}`;
      const id = `${LOCAL_PATH_PROVISIONER}_${pod}_${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[rng.int(4)]}${hex(3)}-${hex(12)}`;
      this.recorderCache = this.ctx.recorder(id);
    }
    return this.recorderCache;
  }

  private isMine(c: PVC): boolean {
    const a = c.metadata.annotations;
    return (a?.[ANN_STORAGE_PROVISIONER] ?? a?.[ANN_BETA_STORAGE_PROVISIONER]) === LOCAL_PATH_PROVISIONER;
  }

  /** shouldProvision, then provisionClaimOperation. */
  private syncClaim(key: string): SyncResult {
    const { namespace, name } = splitKey(key);
    const claim = this.claims.get(namespace, name);
    if (!claim || claim.spec?.volumeName || claim.metadata.deletionTimestamp || !this.isMine(claim)) return;
    const cls = claimClass(claim);
    const sc = this.classes.get(undefined, cls) as (StorageClass & KubeObject) | undefined;
    if (!sc || sc.provisioner !== LOCAL_PATH_PROVISIONER) return;
    const nodeName = claim.metadata.annotations?.[ANN_SELECTED_NODE];
    if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !nodeName) return;
    const pvName = `pvc-${claim.metadata.uid}`;
    if (this.volumes.get(undefined, pvName)) return;
    const node = nodeName ? this.nodes.get(undefined, nodeName) : undefined;
    if (nodeName && !node) {
      this.recorder.event(claim, 'Warning', 'ProvisioningFailed', `failed to get target node: node "${nodeName}" not found`);
      return { error: 'node not found' };
    }
    this.recorder.event(claim, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${claimKey(claim)}"`);
    const fail = (why: string): SyncResult => {
      this.recorder.event(claim, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${cls}": ${why}`);
      return { error: why };
    };
    // local-path makes node-local directories: there is no node to put one on without a selected node.
    if (!node) return fail('configuration error, no node was specified');
    if ((claim.spec?.accessModes ?? []).some((m) => !SUPPORTED_MODES.includes(m))) return fail('Only support ReadWriteOnce access mode');
    const storage = claim.spec?.resources?.requests?.storage;
    const pv: KubeObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: {
        name: pvName,
        annotations: { [ANN_LOCAL_PATH_SELECTED_NODE]: node.metadata.name!, [ANN_DYNAMICALLY_PROVISIONED]: LOCAL_PATH_PROVISIONER },
      },
      spec: {
        accessModes: claim.spec?.accessModes,
        capacity: storage !== undefined ? { storage } : undefined,
        claimRef: {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          namespace: claim.metadata.namespace,
          name: claim.metadata.name,
          uid: claim.metadata.uid,
          resourceVersion: claim.metadata.resourceVersion,
        },
        hostPath: { path: localPathOf(pvName, claim), type: 'DirectoryOrCreate' },
        nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: HOSTNAME_LABEL, operator: 'In', values: [node.metadata.name!] }] }] } },
        persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
        storageClassName: cls,
        volumeMode: 'Filesystem',
      },
    };
    const e = apiError(this.api({ verb: 'create', group: '', version: 'v1', resource: 'persistentvolumes', body: pv }));
    if (e && !isAlreadyExists(e)) return fail(e.message);
    this.recorder.event(claim, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pvName}`);
    return;
  }

  /** shouldDelete, then deleteVolumeOperation: the directory goes, then the PV object. */
  private syncVolume(name: string): SyncResult {
    const pv = this.volumes.get(undefined, name);
    if (!pv || pv.metadata.deletionTimestamp || pv.status?.phase !== 'Released' || pv.spec?.persistentVolumeReclaimPolicy !== 'Delete') return;
    if (!hasAnnotation(pv, ANN_DYNAMICALLY_PROVISIONED) || pv.metadata.annotations![ANN_DYNAMICALLY_PROVISIONED] !== LOCAL_PATH_PROVISIONER) return;
    const node = pv.metadata.annotations?.[ANN_LOCAL_PATH_SELECTED_NODE];
    if (node && pv.spec?.hostPath) this.opts.removeData?.(node, pv.spec.hostPath.path);
    const e = apiError(this.api({ verb: 'delete', group: '', version: 'v1', resource: 'persistentvolumes', name }));
    if (e && !isNotFound(e)) {
      this.recorder.event(pv, 'Warning', 'VolumeFailedDelete', e.message);
      return { error: e.message };
    }
    return;
  }
}

export function startLocalPathProvisioner(ctx: ComponentContext, opts?: LocalPathProvisionerOptions): LocalPathProvisioner {
  return new LocalPathProvisioner(ctx, opts);
}
