/**
 * The PersistentVolume binder (pkg/controller/volume/persistentvolume/
 * pv_controller.go, pv_controller_base.go, v1.32): binds claims to volumes
 * (PV.spec.claimRef first, then PVC.spec.volumeName), keeps both phases,
 * asks external provisioners for volumes (ExternalProvisioning), leaves
 * WaitForFirstConsumer claims to the scheduler, and reclaims released
 * volumes (Retain, Delete, Recycle). Claims and volumes have a queue each;
 * everything is re-synced every 15 s, as the controller's resync period.
 */
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { KubeObject } from '../../api/object';
import { CORE } from '../../client/factory';
import { keyOf, splitKey, type Informer } from '../../client/informer';
import type { EventRecorder } from '../../client/events';
import { WorkQueue, type SyncResult } from '../../client/workqueue';
import type { ApiCall, ComponentContext } from '../context';
import { apiError, isNotFound } from '../replicaset/apiError';
import { PodsByClaim } from './podsByClaim';
import {
  ANN_BETA_STORAGE_PROVISIONER,
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_DYNAMICALLY_PROVISIONED,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  claimClass,
  claimKey,
  claimRefKey,
  findBestMatchForClaim,
  hasAnnotation,
  isPodTerminated,
  isVolumeBoundToClaim,
  rfc3339,
  volumeModeMismatch,
  volumeSatisfiesClaim,
  type PV,
  type PVC,
} from './util';

export const PV_BINDER_CONTROLLER = 'persistentvolume-binder-controller';
/** The events' source component. */
export const PV_CONTROLLER_EVENTS = 'persistentvolume-controller';
/** --pvclaimbinder-sync-period. */
export const PV_RESYNC_MS = 15_000;
const CONTROLLER_MANAGER = 'kube-controller-manager';
const PVS = CORE('persistentvolumes');
const PVCS = CORE('persistentvolumeclaims');
const CLASSES = { group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses' };

/** In-tree provisioners migrated to CSI drivers (csi-translation-lib): their claims go to the CSI driver. */
const CSI_MIGRATED: Record<string, string> = {
  'kubernetes.io/aws-ebs': 'ebs.csi.aws.com',
  'kubernetes.io/gce-pd': 'pd.csi.storage.gke.io',
  'kubernetes.io/azure-disk': 'disk.csi.azure.com',
  'kubernetes.io/azure-file': 'file.csi.azure.com',
  'kubernetes.io/cinder': 'cinder.csi.openstack.org',
  'kubernetes.io/vsphere-volume': 'csi.vsphere.vmware.com',
};

type Result = { ok: true; obj: KubeObject } | { ok: false; error: string };

export class PersistentVolumeController {
  private readonly claimQueue: WorkQueue;
  private readonly volumeQueue: WorkQueue;
  readonly claims: Informer<PVC>;
  readonly volumes: Informer<PV>;
  private readonly classes: Informer<KubeObject>;
  private readonly podsByClaim: PodsByClaim;
  private readonly api: ApiCall;
  private readonly recorder: EventRecorder;

  constructor(private readonly ctx: ComponentContext) {
    this.api = ctx.client(CONTROLLER_MANAGER);
    this.recorder = ctx.recorder(PV_CONTROLLER_EVENTS);
    this.claimQueue = new WorkQueue(ctx.clock, (k) => this.syncClaimKey(k), { component: PV_BINDER_CONTROLLER, what: 'sync claim' });
    this.volumeQueue = new WorkQueue(ctx.clock, (k) => this.syncVolumeKey(k), { component: PV_BINDER_CONTROLLER, what: 'sync volume' });
    this.claims = ctx.informers.for<PVC>(PVCS);
    this.volumes = ctx.informers.for<PV>(PVS);
    this.classes = ctx.informers.for(CLASSES);
    this.podsByClaim = new PodsByClaim(ctx.informers.for(CORE('pods')));
    this.claims.addEventHandler({
      add: (c) => this.claimQueue.add(keyOf(c)),
      update: (_o, c) => this.claimQueue.add(keyOf(c)),
      // deleteClaim: the volume is released at once rather than at the next resync.
      delete: (c) => {
        if (c.spec?.volumeName) this.volumeQueue.add(c.spec.volumeName);
      },
    });
    this.volumes.addEventHandler({
      add: (v) => this.volumeQueue.add(keyOf(v)),
      update: (_o, v) => this.volumeQueue.add(keyOf(v)),
      delete: (v) => {
        const k = claimRefKey(v);
        if (k) this.claimQueue.add(k);
      },
    });
    this.resyncLater();
  }

  /** resync: every claim and volume is synced again each period (this is how Pending claims retry). */
  private resyncLater(): void {
    this.ctx.clock.schedule(PV_RESYNC_MS, { component: PV_BINDER_CONTROLLER, key: 'resync', what: 'resync' }, () => {
      for (const c of this.claims.list()) this.claimQueue.add(keyOf(c));
      for (const v of this.volumes.list()) this.volumeQueue.add(keyOf(v));
      this.resyncLater();
    });
  }

  // ---- claims ----

  private syncClaimKey(key: string): SyncResult {
    const { namespace, name } = splitKey(key);
    const claim = this.claims.get(namespace, name);
    if (!claim) return;
    const err = hasAnnotation(claim, ANN_BIND_COMPLETED) ? this.syncBoundClaim(claim) : this.syncUnboundClaim(claim);
    return err ? { error: err } : undefined;
  }

  private isDelayBinding(claim: PVC): boolean {
    const cls = claimClass(claim);
    if (!cls) return false;
    const sc = this.classes.get(undefined, cls) as StorageClass | undefined;
    return sc?.volumeBindingMode === 'WaitForFirstConsumer';
  }

  private syncUnboundClaim(claim: PVC): string | undefined {
    const volumeName = claim.spec?.volumeName ?? '';
    if (!volumeName) {
      const delay = this.isDelayBinding(claim);
      const volume = findBestMatchForClaim(claim, this.volumes.list(), delay);
      if (volume) return this.bind(volume, claim);
      if (delay && !hasAnnotation(claim, ANN_SELECTED_NODE)) {
        this.emitEventForUnboundDelayBindingClaim(claim);
      } else if (claimClass(claim) !== '') {
        return this.provisionClaim(claim);
      } else {
        this.recorder.event(claim, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
      }
      return this.updateClaimStatus(claim, 'Pending').error;
    }
    const volume = this.volumes.get(undefined, volumeName);
    // The claim asks for a volume that does not exist (yet): retry at the next resync.
    if (!volume) return this.updateClaimStatus(claim, 'Pending').error;
    if (!volume.spec?.claimRef) {
      const why = volumeSatisfiesClaim(volume, claim);
      if (why) {
        this.recorder.event(claim, 'Warning', 'VolumeMismatch', `Cannot bind to requested volume "${volume.metadata.name}": ${why}`);
        return this.updateClaimStatus(claim, 'Pending').error;
      }
      return this.bind(volume, claim);
    }
    if (isVolumeBoundToClaim(volume, claim)) return this.bind(volume, claim);
    this.recorder.event(claim, 'Warning', 'FailedBinding', `volume "${volumeName}" already bound to a different claim.`);
    if (!hasAnnotation(claim, ANN_BOUND_BY_CONTROLLER)) return this.updateClaimStatus(claim, 'Pending').error;
    return `invalid binding of claim "${claimKey(claim)}" to volume "${volumeName}": volume already claimed by "${claimRefKey(volume)}"`;
  }

  /** emitEventForUnboundDelayBindingClaim: name the pods still waiting for a node, if any. */
  private emitEventForUnboundDelayBindingClaim(claim: PVC): void {
    const waiting = this.podsByClaim
      .podsFor(claimKey(claim))
      .filter((p) => !isPodTerminated(p) && !p.spec?.nodeName)
      .map((p) => p.metadata.name!);
    if (waiting.length === 0) this.recorder.event(claim, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
    else if (waiting.length === 1) this.recorder.event(claim, 'Normal', 'WaitForPodScheduled', `waiting for pod ${waiting[0]} to be scheduled`);
    else this.recorder.event(claim, 'Normal', 'WaitForPodScheduled', `waiting for pods ${waiting.join(',')} to be scheduled`);
  }

  private syncBoundClaim(claim: PVC): string | undefined {
    const volumeName = claim.spec?.volumeName ?? '';
    if (!volumeName) return this.updateClaimStatusWithEvent(claim, 'Lost', 'ClaimLost', 'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!');
    const volume = this.volumes.get(undefined, volumeName);
    if (!volume) return this.updateClaimStatusWithEvent(claim, 'Lost', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
    const ref = volume.spec?.claimRef;
    // Re-binding is a no-op when everything is already in place.
    if (!ref || ref.uid === claim.metadata.uid) return this.bind(volume, claim);
    return this.updateClaimStatusWithEvent(claim, 'Lost', 'ClaimMisbound', 'Two claims are bound to the same volume, this one is bound incorrectly');
  }

  /**
   * provisionClaim → provisionClaimOperation(External): a missing class is a
   * ProvisioningFailed; otherwise the claim is annotated with its provisioner
   * and the controller waits for it (ExternalProvisioning).
   */
  private provisionClaim(claim: PVC): string | undefined {
    const cls = claimClass(claim);
    const sc = this.classes.get(undefined, cls) as (StorageClass & KubeObject) | undefined;
    if (!sc) {
      this.recorder.event(claim, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${cls}" not found`);
      return undefined;
    }
    let provisioner = sc.provisioner ?? '';
    if (CSI_MIGRATED[provisioner]) provisioner = CSI_MIGRATED[provisioner];
    else if (provisioner.startsWith('kubernetes.io/')) {
      // No in-tree plugin provisions here (the host-path provisioner is off by default).
      this.recorder.event(claim, 'Warning', 'ProvisioningFailed', `no volume plugin matched name: ${provisioner}`);
      return undefined;
    }
    let current: PVC = claim;
    if (claim.metadata.annotations?.[ANN_BETA_STORAGE_PROVISIONER] !== provisioner) {
      const body = { ...claim, metadata: { ...claim.metadata, annotations: { ...claim.metadata.annotations, [ANN_BETA_STORAGE_PROVISIONER]: provisioner, [ANN_STORAGE_PROVISIONER]: provisioner } } };
      const r = this.write('update', 'persistentvolumeclaims', body);
      if (!r.ok) return r.error;
      current = r.obj as PVC;
    }
    this.recorder.event(
      current,
      'Normal',
      'ExternalProvisioning',
      `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
    );
    return undefined;
  }

  // ---- volumes ----

  private syncVolumeKey(name: string): SyncResult {
    const volume = this.volumes.get(undefined, name);
    if (!volume) return;
    const err = this.syncVolume(volume);
    return err ? { error: err } : undefined;
  }

  private syncVolume(volume: PV): string | undefined {
    const ref = volume.spec?.claimRef;
    // Unused, or reserved for a claim that has not bound yet (the claim's sync does that).
    if (!ref || !ref.uid) return this.updateVolumePhase(volume, 'Available').error;
    let claim = this.claims.get(ref.namespace, ref.name ?? '');
    // The claim of that name was deleted and created again: it is not this volume's claim.
    if (claim && claim.metadata.uid !== ref.uid) claim = undefined;
    if (!claim) {
      let current = volume;
      if (volume.status?.phase !== 'Released' && volume.status?.phase !== 'Failed') {
        const r = this.updateVolumePhase(volume, 'Released');
        if (r.error) return r.error;
        current = r.volume;
      }
      return this.reclaimVolume(current);
    }
    const claimVolume = claim.spec?.volumeName ?? '';
    if (!claimVolume) {
      if (volumeModeMismatch(claim, volume)) {
        this.recorder.event(volume, 'Warning', 'VolumeMismatch', `Cannot bind PersistentVolume to requested PersistentVolumeClaim "${claim.metadata.name}" due to incompatible volumeMode.`);
        this.recorder.event(claim, 'Warning', 'VolumeMismatch', `Cannot bind PersistentVolume "${volume.metadata.name}" to requested PersistentVolumeClaim due to incompatible volumeMode.`);
        return undefined;
      }
      // The volume points at the claim but not yet back: the claim's sync finishes the binding.
      this.claimQueue.add(claimKey(claim));
      return undefined;
    }
    if (claimVolume === volume.metadata.name) return this.updateVolumePhase(volume, 'Bound').error;
    // The claim is bound to another volume.
    if (hasAnnotation(volume, ANN_DYNAMICALLY_PROVISIONED) && volume.spec?.persistentVolumeReclaimPolicy === 'Delete') {
      let current = volume;
      if (volume.status?.phase !== 'Released' && volume.status?.phase !== 'Failed') {
        const r = this.updateVolumePhase(volume, 'Released');
        if (r.error) return r.error;
        current = r.volume;
      }
      return this.reclaimVolume(current);
    }
    return this.unbindVolume(volume);
  }

  /** reclaimVolume: by the volume's persistentVolumeReclaimPolicy. */
  private reclaimVolume(volume: PV): string | undefined {
    switch (volume.spec?.persistentVolumeReclaimPolicy) {
      case 'Retain':
        return undefined;
      case 'Recycle':
        return this.recycleVolume(volume);
      case 'Delete':
        return this.deleteVolume(volume);
      default:
        return this.updateVolumePhaseWithEvent(volume, 'Failed', 'VolumeUnknownReclaimPolicy', 'Volume has unrecognized PersistentVolumeReclaimPolicy');
    }
  }

  /**
   * deleteVolumeOperation: a volume an external provisioner made is left to
   * it; of the in-tree deleters only hostPath's exists, and only under /tmp.
   */
  private deleteVolume(volume: PV): string | undefined {
    if (volume.status?.phase !== 'Released' && volume.status?.phase !== 'Failed') return undefined;
    const by = volume.metadata.annotations?.[ANN_DYNAMICALLY_PROVISIONED];
    if (by && !by.startsWith('kubernetes.io/')) return undefined;
    let failure: string | undefined;
    if (volume.spec?.hostPath) {
      const p = volume.spec.hostPath.path;
      if (!/\/tmp\/.+/.test(p)) failure = `host_path deleter only supports /tmp/.+ but received provided ${p}`;
    } else {
      failure = `error getting deleter volume plugin for volume "${volume.metadata.name}": no deletable volume plugin matched`;
    }
    // A failed delete is retried at the next resync, not sooner.
    if (failure) return this.updateVolumePhaseWithEvent(volume, 'Failed', 'VolumeFailedDelete', failure);
    const e = apiError(this.api({ verb: 'delete', ...PVS, name: volume.metadata.name }));
    if (e && !isNotFound(e)) return e.message;
    return undefined;
  }

  /** recycleVolumeOperation: hostPath and NFS volumes are scrubbed and offered again. */
  private recycleVolume(volume: PV): string | undefined {
    if (volume.status?.phase !== 'Released') return undefined;
    if (!volume.spec?.hostPath && !volume.spec?.nfs) {
      return this.updateVolumePhaseWithEvent(volume, 'Failed', 'VolumeFailedRecycle', 'No recycler plugin found for the volume!');
    }
    this.recorder.event(volume, 'Normal', 'VolumeRecycled', 'Volume recycled');
    return this.unbindVolume(volume);
  }

  /** unbindVolume: a controller binding is undone; a user's pre-binding only loses the claim UID. */
  private unbindVolume(volume: PV): string | undefined {
    const spec = { ...volume.spec! };
    const metadata = { ...volume.metadata };
    if (hasAnnotation(volume, ANN_BOUND_BY_CONTROLLER)) {
      delete spec.claimRef;
      const ann = { ...metadata.annotations };
      delete ann[ANN_BOUND_BY_CONTROLLER];
      if (Object.keys(ann).length) metadata.annotations = ann;
      else delete metadata.annotations;
    } else {
      spec.claimRef = { ...spec.claimRef!, uid: undefined };
      delete spec.claimRef.uid;
    }
    const r = this.write('update', 'persistentvolumes', { ...volume, metadata, spec });
    if (!r.ok) return r.error;
    return this.updateVolumePhase(r.obj as PV, 'Available').error;
  }

  // ---- binding ----

  /** bind: volume.claimRef, volume phase Bound, claim.volumeName, claim phase Bound, in this order. */
  private bind(volume: PV, claim: PVC): string | undefined {
    const v = this.bindVolumeToClaim(volume, claim);
    if (!v.ok) return v.error;
    const vs = this.updateVolumePhase(v.obj as PV, 'Bound');
    if (vs.error) return vs.error;
    const c = this.bindClaimToVolume(claim, vs.volume);
    if (!c.ok) return c.error;
    return this.updateClaimStatus(c.obj as PVC, 'Bound', vs.volume).error;
  }

  /** GetBindVolumeToClaim. */
  private bindVolumeToClaim(volume: PV, claim: PVC): Result {
    const ref = volume.spec?.claimRef;
    const setByController = !isVolumeBoundToClaim(volume, claim) && !hasAnnotation(volume, ANN_BOUND_BY_CONTROLLER);
    const refStale = !ref || ref.name !== claim.metadata.name || ref.namespace !== claim.metadata.namespace || ref.uid !== claim.metadata.uid;
    if (!refStale && !setByController) return { ok: true, obj: volume };
    const next: PV = { ...volume, metadata: { ...volume.metadata }, spec: { ...volume.spec } };
    if (refStale) {
      next.spec!.claimRef = {
        kind: 'PersistentVolumeClaim',
        namespace: claim.metadata.namespace,
        name: claim.metadata.name,
        uid: claim.metadata.uid,
        apiVersion: 'v1',
        resourceVersion: claim.metadata.resourceVersion,
      };
    }
    if (setByController) next.metadata.annotations = { ...next.metadata.annotations, [ANN_BOUND_BY_CONTROLLER]: 'yes' };
    return this.write('update', 'persistentvolumes', next);
  }

  private bindClaimToVolume(claim: PVC, volume: PV): Result {
    const ann = { ...claim.metadata.annotations };
    let dirty = false;
    const spec = { ...claim.spec };
    if (spec.volumeName !== volume.metadata.name) {
      spec.volumeName = volume.metadata.name;
      dirty = true;
      if (!(ANN_BOUND_BY_CONTROLLER in ann)) ann[ANN_BOUND_BY_CONTROLLER] = 'yes';
    }
    if (!(ANN_BIND_COMPLETED in ann)) {
      ann[ANN_BIND_COMPLETED] = 'yes';
      dirty = true;
    }
    if (!dirty) return { ok: true, obj: claim };
    return this.write('update', 'persistentvolumeclaims', { ...claim, metadata: { ...claim.metadata, annotations: ann }, spec });
  }

  // ---- status ----

  /** updateClaimStatus: phase, and access modes and capacity from the volume (capacity only when becoming Bound). */
  private updateClaimStatus(claim: PVC, phase: string, volume?: PV): { error?: string } {
    const status: Record<string, unknown> = { ...claim.status };
    let dirty = false;
    if (claim.status?.phase !== phase) {
      status.phase = phase;
      dirty = true;
    }
    if (!volume) {
      if (status.accessModes !== undefined) {
        delete status.accessModes;
        dirty = true;
      }
      if (status.capacity !== undefined) {
        delete status.capacity;
        dirty = true;
      }
    } else {
      if (JSON.stringify(claim.status?.accessModes ?? null) !== JSON.stringify(volume.spec?.accessModes ?? null)) {
        status.accessModes = volume.spec?.accessModes;
        dirty = true;
      }
      if (claim.status?.phase !== phase && claim.status?.capacity?.storage !== volume.spec?.capacity?.storage) {
        status.capacity = volume.spec?.capacity;
        dirty = true;
      }
    }
    if (!dirty) return {};
    const r = this.write('update', 'persistentvolumeclaims', { ...claim, status }, 'status');
    return r.ok ? {} : { error: r.error };
  }

  private updateClaimStatusWithEvent(claim: PVC, phase: string, reason: string, message: string): string | undefined {
    if (claim.status?.phase === phase) return undefined;
    const r = this.updateClaimStatus(claim, phase);
    if (r.error) return r.error;
    this.recorder.event(claim, 'Warning', reason, message);
    return undefined;
  }

  /**
   * updateVolumePhase. The API server's status strategy stamps
   * lastPhaseTransitionTime upstream; the status write here does it itself.
   */
  private updateVolumePhase(volume: PV, phase: string, message?: string): { error?: string; volume: PV } {
    if (volume.status?.phase === phase) return { volume };
    const status: Record<string, unknown> = { ...volume.status, phase, lastPhaseTransitionTime: rfc3339(this.ctx.clock.now()) };
    if (message) status.message = message;
    else delete status.message;
    const r = this.write('update', 'persistentvolumes', { ...volume, status }, 'status');
    return r.ok ? { volume: r.obj as PV } : { error: r.error, volume };
  }

  private updateVolumePhaseWithEvent(volume: PV, phase: string, reason: string, message: string): string | undefined {
    if (volume.status?.phase === phase) return undefined;
    const r = this.updateVolumePhase(volume, phase, message);
    if (r.error) return r.error;
    this.recorder.event(r.volume, 'Warning', reason, message);
    return undefined;
  }

  private write(verb: 'update', resource: 'persistentvolumes' | 'persistentvolumeclaims', body: KubeObject, subresource?: string): Result {
    const namespaced = resource === 'persistentvolumeclaims';
    const r = this.api({ verb, group: '', version: 'v1', resource, subresource, namespace: namespaced ? body.metadata.namespace : undefined, name: body.metadata.name, body });
    const e = apiError(r);
    return e ? { ok: false, error: e.message } : { ok: true, obj: r.body as KubeObject };
  }
}

export function startPersistentVolumeController(ctx: ComponentContext): PersistentVolumeController {
  return new PersistentVolumeController(ctx);
}
