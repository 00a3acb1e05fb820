/**
 * Identity, storage and health of StatefulSet pods
 * (pkg/controller/statefulset/stateful_set_utils.go): stable names
 * `<set>-<ordinal>`, hostname and subdomain, the pod-name and pod-index
 * labels, claims `<template>-<set>-<ordinal>`, and the revision a pod was
 * made from.
 */
import type { PersistentVolumeClaim, Volume } from 'kubernetes-types/core/v1';
import { clone, type KubeObject, type OwnerReference } from '../../api/object';
import { POD_REVISION_LABEL, type ControllerRevision } from '../history';
import { podFromTemplate } from '../replicaset/podFromTemplate';
import { isPodAvailable, isPodReady } from '../replicaset/podUtil';
import type { Pod } from '../replicaset/types';
import type { StatefulSet, StatefulSetStatusView } from './types';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

const ORDINAL_NAME = /^(.*)-([0-9]+)$/;

/** getParentNameAndOrdinal: `web-3` → web, 3; -1 when the name has no ordinal. */
export function parentAndOrdinal(name: string | undefined): { parent: string; ordinal: number } {
  const m = name ? ORDINAL_NAME.exec(name) : null;
  if (!m) return { parent: '', ordinal: -1 };
  const n = Number(m[2]);
  return Number.isSafeInteger(n) && n <= 2147483647 ? { parent: m[1], ordinal: n } : { parent: m[1], ordinal: -1 };
}

export const ordinalOf = (pod: Pod) => parentAndOrdinal(pod.metadata.name).ordinal;

export const replicasOf = (set: StatefulSet) => set.spec.replicas ?? 1;
export const startOrdinal = (set: StatefulSet) => set.spec.ordinals?.start ?? 0;
export const endOrdinal = (set: StatefulSet) => startOrdinal(set) + replicasOf(set) - 1;

export function podInOrdinalRange(pod: Pod, set: StatefulSet): boolean {
  const o = ordinalOf(pod);
  return o >= startOrdinal(set) && o <= endOrdinal(set);
}

export const podName = (set: StatefulSet, ordinal: number) => `${set.metadata.name}-${ordinal}`;

export const claimName = (set: StatefulSet, template: PersistentVolumeClaim, ordinal: number) => `${template.metadata?.name}-${set.metadata.name}-${ordinal}`;

/** isMemberOf: the pod's name says it belongs to this set. */
export const isMemberOf = (set: StatefulSet, pod: Pod) => parentAndOrdinal(pod.metadata.name).parent === set.metadata.name;

/** getPersistentVolumeClaims: the claims a pod of this ordinal mounts, by template name. */
export function claimsFor(set: StatefulSet, ordinal: number): Map<string, KubeObject & PersistentVolumeClaim> {
  const out = new Map<string, KubeObject & PersistentVolumeClaim>();
  const matchLabels = set.spec.selector?.matchLabels ?? {};
  for (const t of set.spec.volumeClaimTemplates ?? []) {
    const tname = t.metadata?.name ?? '';
    const labels = t.metadata?.labels ? { ...t.metadata.labels, ...matchLabels } : { ...matchLabels };
    const metadata: KubeObject['metadata'] = { name: claimName(set, t, ordinal), namespace: set.metadata.namespace, labels };
    if (t.metadata?.annotations) metadata.annotations = { ...t.metadata.annotations };
    out.set(tname, { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata, spec: clone(t.spec ?? {}) });
  }
  return out;
}

export function identityMatches(set: StatefulSet, pod: Pod): boolean {
  const { parent, ordinal } = parentAndOrdinal(pod.metadata.name);
  return (
    ordinal >= 0 &&
    set.metadata.name === parent &&
    pod.metadata.name === podName(set, ordinal) &&
    pod.metadata.namespace === set.metadata.namespace &&
    pod.metadata.labels?.[POD_NAME_LABEL] === pod.metadata.name
  );
}

export function storageMatches(set: StatefulSet, pod: Pod): boolean {
  const ordinal = ordinalOf(pod);
  if (ordinal < 0) return false;
  const volumes = new Map((pod.spec?.volumes ?? []).map((v) => [v.name, v]));
  for (const [tname, claim] of claimsFor(set, ordinal)) {
    const v = volumes.get(tname);
    if (!v?.persistentVolumeClaim || v.persistentVolumeClaim.claimName !== claim.metadata.name) return false;
  }
  return true;
}

/** updateStorage: the claim volumes first, then the pod's other volumes. */
export function updateStorage(set: StatefulSet, pod: Pod): void {
  const claims = claimsFor(set, ordinalOf(pod));
  if (claims.size === 0) return;
  const spec = (pod.spec ??= { containers: [] });
  const volumes: Volume[] = [];
  for (const [tname, claim] of claims) volumes.push({ name: tname, persistentVolumeClaim: { claimName: claim.metadata.name! } });
  for (const v of spec.volumes ?? []) if (!claims.has(v.name)) volumes.push(v);
  spec.volumes = volumes;
}

/** updateIdentity (initIdentity): name, namespace, labels, hostname and subdomain. */
export function updateIdentity(set: StatefulSet, pod: Pod): void {
  const ordinal = ordinalOf(pod);
  pod.metadata.name = podName(set, ordinal);
  pod.metadata.namespace = set.metadata.namespace;
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [POD_NAME_LABEL]: pod.metadata.name, [POD_INDEX_LABEL]: String(ordinal) };
  const spec = (pod.spec ??= { containers: [] });
  spec.hostname = pod.metadata.name;
  if (set.spec.serviceName) spec.subdomain = set.spec.serviceName;
}

export function statefulSetControllerRef(set: StatefulSet): OwnerReference {
  return { apiVersion: 'apps/v1', kind: 'StatefulSet', name: set.metadata.name!, uid: set.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** newStatefulSetPod: the template's pod, renamed to its ordinal, with identity and storage. */
export function newStatefulSetPod(set: StatefulSet, ordinal: number): Pod {
  const pod = podFromTemplate(set.spec.template ?? {}, set, statefulSetControllerRef(set)) as Pod;
  pod.metadata.name = podName(set, ordinal);
  updateIdentity(set, pod);
  updateStorage(set, pod);
  return pod;
}

export const podRevision = (pod: Pod) => pod.metadata.labels?.[POD_REVISION_LABEL] ?? '';

function setPodRevision(pod: Pod, revision: string): void {
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [POD_REVISION_LABEL]: revision };
}

/**
 * newVersionedStatefulSetPod: ordinals below the partition (or, without a
 * rollingUpdate block, below currentReplicas) keep the current revision.
 */
export function newVersionedStatefulSetPod(currentSet: StatefulSet, updateSet: StatefulSet, currentRevision: string, updateRevision: string, ordinal: number): Pod {
  const us = currentSet.spec.updateStrategy;
  const start = startOrdinal(currentSet);
  const keepCurrent =
    (us?.type === 'RollingUpdate' && !us.rollingUpdate && ordinal < start + (currentSet.status?.currentReplicas ?? 0)) ||
    (!!us?.rollingUpdate && ordinal < start + (us.rollingUpdate.partition ?? 0));
  const pod = newStatefulSetPod(keepCurrent ? currentSet : updateSet, ordinal);
  setPodRevision(pod, keepCurrent ? currentRevision : updateRevision);
  return pod;
}

/** ApplyRevision: the set with the revision's template. */
export function applyRevision(set: StatefulSet, revision: ControllerRevision): StatefulSet {
  const data = revision.data as { spec?: { template?: Record<string, unknown> } } | undefined;
  const t = data?.spec?.template;
  if (!t) return set;
  const template: Record<string, unknown> = { ...t };
  delete template.$patch;
  const meta = { ...((template.metadata as Record<string, unknown> | undefined) ?? {}) };
  if (meta.creationTimestamp === null) delete meta.creationTimestamp;
  template.metadata = meta;
  return { ...set, spec: { ...set.spec, template: template as StatefulSet['spec']['template'] } };
}

// ---- pod health (stateful_set_utils.go) ----------------------------------

export const isCreated = (p: Pod) => (p.status?.phase ?? '') !== '';
export const isPending = (p: Pod) => p.status?.phase === 'Pending';
export const isFailed = (p: Pod) => p.status?.phase === 'Failed';
export const isSucceeded = (p: Pod) => p.status?.phase === 'Succeeded';
export const isTerminating = (p: Pod) => !!p.metadata.deletionTimestamp;
export const isRunningAndReady = (p: Pod) => p.status?.phase === 'Running' && isPodReady(p);
export const isRunningAndAvailable = (p: Pod, minReadySeconds: number, nowMs: number) => p.status?.phase === 'Running' && isPodAvailable(p, minReadySeconds, nowMs);
export const isHealthy = (p: Pod) => isRunningAndReady(p) && !isTerminating(p);
export const isUnavailable = (p: Pod, minReadySeconds: number, nowMs: number) => !isHealthy(p) || !isRunningAndAvailable(p, minReadySeconds, nowMs);

export const allowsBurst = (set: StatefulSet) => set.spec.podManagementPolicy === 'Parallel';

/** completeRollingUpdate: every replica updated and ready makes the update revision current. */
export function completeRollingUpdate(set: StatefulSet, status: StatefulSetStatusView): void {
  if (set.spec.updateStrategy?.type === 'RollingUpdate' && status.updatedReplicas === status.replicas && status.readyReplicas === status.replicas) {
    status.currentReplicas = status.updatedReplicas;
    status.currentRevision = status.updateRevision;
  }
}

/** inconsistentStatus: whether the computed status differs from the stored one. */
export function inconsistentStatus(set: StatefulSet, s: StatefulSetStatusView): boolean {
  const cur = set.status ?? {};
  return (
    (s.observedGeneration ?? 0) > (cur.observedGeneration ?? 0) ||
    (s.replicas ?? 0) !== (cur.replicas ?? 0) ||
    (s.currentReplicas ?? 0) !== (cur.currentReplicas ?? 0) ||
    (s.readyReplicas ?? 0) !== (cur.readyReplicas ?? 0) ||
    (s.updatedReplicas ?? 0) !== (cur.updatedReplicas ?? 0) ||
    (s.currentRevision ?? '') !== (cur.currentRevision ?? '') ||
    (s.availableReplicas ?? 0) !== (cur.availableReplicas ?? 0) ||
    (s.updateRevision ?? '') !== (cur.updateRevision ?? '')
  );
}

/** The status as Go writes it: zero counts and empty revisions omitted, except replicas and availableReplicas. */
export function wireStatus(s: StatefulSetStatusView): StatefulSetStatusView {
  const out: StatefulSetStatusView = {};
  if (s.observedGeneration) out.observedGeneration = s.observedGeneration;
  out.replicas = s.replicas ?? 0;
  if (s.readyReplicas) out.readyReplicas = s.readyReplicas;
  if (s.currentReplicas) out.currentReplicas = s.currentReplicas;
  if (s.updatedReplicas) out.updatedReplicas = s.updatedReplicas;
  if (s.currentRevision) out.currentRevision = s.currentRevision;
  if (s.updateRevision) out.updateRevision = s.updateRevision;
  if (s.collisionCount !== undefined) out.collisionCount = s.collisionCount;
  if (s.conditions?.length) out.conditions = s.conditions;
  out.availableReplicas = s.availableReplicas ?? 0;
  return out;
}
