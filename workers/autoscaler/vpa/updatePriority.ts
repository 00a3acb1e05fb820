/**
 * Which pods the updater evicts, and in what order
 * (pkg/updater/priority/priority_processor.go, update_priority_calculator.go,
 * pkg/updater/restriction/pods_eviction_restriction.go and
 * pods_restriction_factory.go, v1.2.1 defaults).
 */
import type { KubeObject } from '../../api/object';
import { capForPod } from './capping';
import { amountOf } from './quantities';
import { managingController } from './target';
import { recommendationFor, type ResourceMap, type Vpa } from './types';

/** --pod-update-threshold, --in-recommendation-bounds-eviction-lifetime-threshold, --min-replicas, --eviction-tolerance. */
export const MIN_CHANGE_PRIORITY = 0.1;
export const POD_LIFETIME_UPDATE_THRESHOLD_MS = 12 * 3_600_000;
export const DEFAULT_MIN_REPLICAS = 2;
export const EVICTION_TOLERANCE_FRACTION = 0.5;

export interface PodPriority {
  outsideRecommendedRange: boolean;
  scaleUp: boolean;
  resourceDiff: number;
}

interface PodLike extends KubeObject {
  spec?: { containers?: { name: string; resources?: { requests?: ResourceMap; limits?: ResourceMap } }[] };
  status?: { phase?: string; startTime?: string };
}

/** GetUpdatePriority: any request outside [lowerBound, upperBound] (or missing) marks the pod; diff sums |request − target| / request. */
export function updatePriority(pod: PodLike, vpa: Vpa): PodPriority {
  let outside = false;
  let scaleUp = false;
  const totalRequest = new Map<string, number>();
  const totalRecommended = new Map<string, number>();
  for (const c of pod.spec?.containers ?? []) {
    const raw = recommendationFor(vpa, c.name);
    if (!raw) continue;
    const { rec } = capForPod(vpa, raw, c.resources?.limits);
    for (const [res, target] of Object.entries(rec.target)) {
      const recommended = amountOf(res, target);
      totalRecommended.set(res, (totalRecommended.get(res) ?? 0) + recommended);
      const request = c.resources?.requests?.[res];
      if (request === undefined) {
        scaleUp = true;
        outside = true;
        continue;
      }
      const req = amountOf(res, request);
      totalRequest.set(res, (totalRequest.get(res) ?? 0) + req);
      if (recommended > req) scaleUp = true;
      const lower = rec.lowerBound?.[res];
      const upper = rec.upperBound?.[res];
      if ((lower !== undefined && req < amountOf(res, lower)) || (upper !== undefined && req > amountOf(res, upper))) outside = true;
    }
  }
  let diff = 0;
  for (const [res, recommended] of totalRecommended) {
    const req = Math.max(totalRequest.get(res) ?? 0, 1);
    diff += Math.abs(req - recommended) / req;
  }
  return { outsideRecommendedRange: outside, scaleUp, resourceDiff: diff };
}

/** AddPod's filter: outside the range, or long-lived with a big enough change. */
export function wantsUpdate(pod: PodLike, p: PodPriority, now: number): boolean {
  if (p.outsideRecommendedRange) return true;
  const started = pod.status?.startTime ? Date.parse(pod.status.startTime) : NaN;
  if (Number.isNaN(started)) return false;
  if (now < started + POD_LIFETIME_UPDATE_THRESHOLD_MS) return false;
  return p.resourceDiff >= MIN_CHANGE_PRIORITY;
}

/** PodPriority.Less, reversed: outside-range first, then scale-ups, then the bigger change. */
export function morePressing(a: PodPriority, b: PodPriority): number {
  if (a.outsideRecommendedRange !== b.outsideRecommendedRange) return a.outsideRecommendedRange ? -1 : 1;
  if (a.scaleUp !== b.scaleUp) return a.scaleUp ? -1 : 1;
  return b.resourceDiff - a.resourceDiff;
}

interface GroupStats {
  configured: number;
  pending: number;
  running: number;
  evictionTolerance: number;
  evicted: number;
}

/**
 * The eviction budget of one loop: pods grouped by their managing
 * controller; a group with fewer live pods than minReplicas is left alone;
 * each may lose at most max(1 when whole, ⌊configured × 0.5⌋) running pods.
 */
export class EvictionRestriction {
  private readonly groups = new Map<string, GroupStats>();
  private readonly podGroup = new Map<string, string>();

  constructor(pods: readonly PodLike[], vpa: Vpa, configuredReplicas: (kind: string, name: string) => number | undefined, minReplicas = DEFAULT_MIN_REPLICAS) {
    const required = vpa.spec.updatePolicy?.minReplicas ?? minReplicas;
    const live = new Map<string, PodLike[]>();
    for (const p of pods) {
      const c = managingController(p);
      if (!c) continue;
      const key = `${c.kind}/${c.name}`;
      let l = live.get(key);
      if (!l) live.set(key, (l = []));
      l.push(p);
    }
    for (const [key, replicas] of live) {
      if (replicas.length < required) continue;
      const [kind, name] = key.split('/');
      const configured = kind === 'Job' ? replicas.length : configuredReplicas(kind, name);
      if (configured === undefined) continue;
      const pending = replicas.filter((p) => p.status?.phase === 'Pending').length;
      this.groups.set(key, { configured, pending, running: replicas.length - pending, evictionTolerance: Math.trunc(configured * EVICTION_TOLERANCE_FRACTION), evicted: 0 });
      for (const p of replicas) this.podGroup.set(podId(p), key);
    }
  }

  canEvict(pod: PodLike): boolean {
    const key = this.podGroup.get(podId(pod));
    if (!key) return false;
    if (pod.status?.phase === 'Pending') return true;
    const s = this.groups.get(key)!;
    const shouldBeAlive = s.configured - s.evictionTolerance;
    const actuallyAlive = s.running - s.evicted;
    return actuallyAlive > shouldBeAlive || (s.configured === s.running && s.evictionTolerance === 0 && s.evicted === 0);
  }

  /** Count an eviction against the pod's group. */
  evicted(pod: PodLike): void {
    const key = this.podGroup.get(podId(pod));
    if (!key || pod.status?.phase === 'Pending') return;
    this.groups.get(key)!.evicted++;
  }
}

const podId = (p: KubeObject): string => `${p.metadata.namespace}/${p.metadata.name}`;
