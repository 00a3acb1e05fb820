/**
 * What the PV binder, the provisioner, the protection controllers and the
 * scheduler's VolumeBinding plugin share about claims and volumes
 * (pkg/controller/volume/persistentvolume/util/util.go,
 * component-helpers/storage/volume/pv_helpers.go).
 */
import type { PersistentVolume, PersistentVolumeClaim, Pod, Volume } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { compareQuantity, parseQuantity, type Quantity } from '../../api/validation/quantity';
import { selectorFromLabelSelector } from '../../api/selectors/labels';
import { compileTerm, termMatchesNode } from '../../scheduler/helpers/nodeAffinity';

export type PV = PersistentVolume & KubeObject;
export type PVC = PersistentVolumeClaim & KubeObject;

export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_DYNAMICALLY_PROVISIONED = 'pv.kubernetes.io/provisioned-by';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ANN_BETA_STORAGE_CLASS = 'volume.beta.kubernetes.io/storage-class';
export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';
/** A class with this provisioner cannot provision (static local volumes). */
export const NOT_SUPPORTED_PROVISIONER = 'kubernetes.io/no-provisioner';

export const hasAnnotation = (o: KubeObject, key: string): boolean => o.metadata.annotations?.[key] !== undefined;

/** GetPersistentVolumeClaimClass: the beta annotation wins over spec.storageClassName. */
export function claimClass(pvc: PersistentVolumeClaim): string {
  const ann = pvc.metadata?.annotations?.[ANN_BETA_STORAGE_CLASS];
  if (ann !== undefined) return ann;
  return pvc.spec?.storageClassName ?? '';
}

/** GetPersistentVolumeClass. */
export function volumeClass(pv: PersistentVolume): string {
  const ann = pv.metadata?.annotations?.[ANN_BETA_STORAGE_CLASS];
  if (ann !== undefined) return ann;
  return pv.spec?.storageClassName ?? '';
}

export const claimKey = (pvc: KubeObject): string => `${pvc.metadata.namespace}/${pvc.metadata.name}`;

export function claimRefKey(pv: PersistentVolume): string | undefined {
  const ref = pv.spec?.claimRef;
  return ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : undefined;
}

/** IsVolumeBoundToClaim: the claimRef names the claim and, if it has a UID, the same UID. */
export function isVolumeBoundToClaim(pv: PersistentVolume, pvc: KubeObject): boolean {
  const ref = pv.spec?.claimRef;
  if (!ref) return false;
  if (ref.name !== pvc.metadata.name || ref.namespace !== pvc.metadata.namespace) return false;
  return !ref.uid || ref.uid === pvc.metadata.uid;
}

/** CheckAccessModes: every mode the claim asks for is offered by the volume. */
export function checkAccessModes(pvc: PersistentVolumeClaim, pv: PersistentVolume): boolean {
  const offered = new Set(pv.spec?.accessModes ?? []);
  return (pvc.spec?.accessModes ?? []).every((m) => offered.has(m));
}

/** CheckVolumeModeMismatches: both default to Filesystem. */
export function volumeModeMismatch(pvc: PersistentVolumeClaim, pv: PersistentVolume): boolean {
  return (pvc.spec?.volumeMode ?? 'Filesystem') !== (pv.spec?.volumeMode ?? 'Filesystem');
}

const ZERO = parseQuantity('0')!;

export function storageOf(list: Record<string, unknown> | undefined): Quantity {
  const v = list?.storage;
  if (typeof v !== 'string' && typeof v !== 'number') return ZERO;
  return parseQuantity(v) ?? ZERO;
}

export const claimRequest = (pvc: PersistentVolumeClaim): Quantity => storageOf(pvc.spec?.resources?.requests as Record<string, unknown> | undefined);
export const volumeCapacity = (pv: PersistentVolume): Quantity => storageOf(pv.spec?.capacity as Record<string, unknown> | undefined);

export interface NodeView {
  name: string;
  labels: Readonly<Record<string, string>>;
}

/** CheckNodeAffinity: a volume without node affinity fits every node. */
export function volumeFitsNode(pv: PersistentVolume, node: NodeView): boolean {
  const required = pv.spec?.nodeAffinity?.required;
  if (!required) return true;
  return (required.nodeSelectorTerms ?? []).some((t) => termMatchesNode(compileTerm(t), node as Parameters<typeof termMatchesNode>[1]));
}

function claimSelectorMatches(pvc: PersistentVolumeClaim, pv: PersistentVolume): boolean {
  if (!pvc.spec?.selector) return true;
  const r = selectorFromLabelSelector(pvc.spec.selector);
  return r.ok && r.selector.matches(pv.metadata?.labels ?? {});
}

/**
 * FindMatchingVolume (component-helpers/storage/volume): a volume pre-bound
 * to the claim wins outright; otherwise the smallest Available volume of the
 * claim's class, size, mode and selector. With `node` (the scheduler's path)
 * the volume must also fit the node and offer the claim's access modes;
 * without it, delayed-binding claims are left to the scheduler.
 */
export function findMatchingVolume(
  pvc: PVC,
  volumes: Iterable<PV>,
  opts: { node?: NodeView; excluded?: ReadonlySet<string>; delayBinding: boolean },
): PV | undefined {
  const requested = claimRequest(pvc);
  const cls = claimClass(pvc);
  let smallest: PV | undefined;
  let smallestQty: Quantity | undefined;
  for (const pv of volumes) {
    if (opts.excluded?.has(pv.metadata.name!)) continue;
    if (pv.spec?.claimRef && !isVolumeBoundToClaim(pv, pvc)) continue;
    const qty = volumeCapacity(pv);
    if (compareQuantity(qty, requested) < 0) continue;
    if (volumeModeMismatch(pvc, pv)) continue;
    if (pv.metadata.deletionTimestamp) continue;
    const fits = opts.node ? volumeFitsNode(pv, opts.node) : true;
    if (isVolumeBoundToClaim(pv, pvc)) return fits ? pv : undefined;
    if (!opts.node && opts.delayBinding) continue;
    if (pv.status?.phase !== 'Available') continue;
    if (!claimSelectorMatches(pvc, pv)) continue;
    if (volumeClass(pv) !== cls) continue;
    if (!fits) continue;
    if (opts.node && !checkAccessModes(pvc, pv)) continue;
    if (!smallest || compareQuantity(smallestQty!, qty) > 0) {
      smallest = pv;
      smallestQty = qty;
    }
  }
  return smallest;
}

const MODE_ORDER = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];
const modesKey = (modes: readonly string[] | undefined): string => MODE_ORDER.filter((m) => modes?.includes(m)).join(',');

/**
 * persistentVolumeOrderedIndex.findBestMatchForClaim: volumes are grouped by
 * their access modes; groups that offer every mode the claim asks for are
 * tried from the fewest modes up, so a RWO claim prefers a RWO volume over a
 * RWO+RWX one.
 */
export function findBestMatchForClaim(pvc: PVC, volumes: readonly PV[], delayBinding: boolean): PV | undefined {
  const wanted = pvc.spec?.accessModes ?? [];
  const groups = new Map<string, PV[]>();
  for (const pv of volumes) {
    const modes = pv.spec?.accessModes ?? [];
    if (!wanted.every((m) => modes.includes(m))) continue;
    const k = modesKey(modes);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(pv);
  }
  const keys = [...groups.keys()].sort((a, b) => a.split(',').length - b.split(',').length || (a < b ? -1 : a > b ? 1 : 0));
  for (const k of keys) {
    const pv = findMatchingVolume(pvc, groups.get(k)!, { delayBinding });
    if (pv) return pv;
  }
  return undefined;
}

/** checkVolumeSatisfyClaim: why a volume the claim names cannot be bound to it ('' if it can). */
export function volumeSatisfiesClaim(pv: PV, pvc: PVC): string {
  if (pv.metadata.deletionTimestamp) return `the volume is marked for deletion "${pv.metadata.name}"`;
  if (compareQuantity(volumeCapacity(pv), claimRequest(pvc)) < 0) return 'requested PV is too small';
  if (volumeClass(pv) !== claimClass(pvc)) return 'storageClassName does not match';
  if (volumeModeMismatch(pvc, pv)) return 'incompatible volumeMode';
  if (!checkAccessModes(pvc, pv)) return 'incompatible accessMode';
  return '';
}

/** ephemeral.VolumeClaimName: a generic ephemeral volume's claim is `<pod>-<volume>`. */
export function podClaimNames(pod: Pod): string[] {
  const out: string[] = [];
  for (const v of pod.spec?.volumes ?? []) {
    const n = volumeClaimName(pod, v);
    if (n) out.push(n);
  }
  return out;
}

export function volumeClaimName(pod: Pod, v: Volume): string | undefined {
  if (v.persistentVolumeClaim) return v.persistentVolumeClaim.claimName;
  if (v.ephemeral) return `${pod.metadata?.name}-${v.name}`;
  return undefined;
}

/** IsPodTerminated as the volume controllers use it. */
export const isPodTerminated = (pod: Pod): boolean => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

/** RFC 3339 seconds, as metav1.Time serialises. */
export const rfc3339 = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
