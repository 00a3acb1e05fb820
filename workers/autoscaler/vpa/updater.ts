/**
 * vpa-updater (pkg/updater/logic/updater.go RunOnce): once a minute, for
 * each VPA in Recreate or Auto mode with a recommendation, evicts the pods
 * whose requests fall outside the recommended range, most pressing first,
 * within the eviction budget, through pods/eviction so that
 * PodDisruptionBudgets apply. The admission controller then gives the
 * replacement pods the recommended requests.
 */
import type { KubeObject } from '../../api/object';
import type { ApiCall, ComponentContext } from '../../controllers/context';
import type { EventRecorder } from '../../client/events';
import type { Informer } from '../../client/informer';
import { CORE } from '../../client/factory';
import { componentRunning, objectGetter, replicasOf } from './components';
import { matchingVpa, type ObjectGetter } from './target';
import { EvictionRestriction, morePressing, updatePriority, wantsUpdate, type PodPriority } from './updatePriority';
import { updateMode, VPA_GROUP, VPA_RESOURCE, VPA_VERSION, type Vpa } from './types';

export const UPDATER_COMPONENT = 'vpa-updater';
/** --updater-interval. */
export const UPDATER_INTERVAL_MS = 60_000;

export interface UpdaterDecision {
  at: number;
  vpa: string;
  evicted: string[];
  /** Pods that wanted an update but the budget or the API refused. */
  skipped: { pod: string; why: string }[];
}

type PodLike = KubeObject & { status?: { phase?: string; startTime?: string } };

export class Updater {
  private readonly client: ApiCall;
  private readonly recorder: EventRecorder;
  private readonly pods: Informer;
  private readonly get: ObjectGetter;
  private readonly decisions: UpdaterDecision[] = [];

  constructor(
    private readonly ctx: ComponentContext,
    private readonly active: () => boolean = () => componentRunning(ctx, UPDATER_COMPONENT),
  ) {
    this.client = ctx.client(UPDATER_COMPONENT);
    this.recorder = ctx.recorder(UPDATER_COMPONENT);
    this.pods = ctx.informers.for(CORE('pods'));
    this.get = objectGetter(ctx);
    this.schedule();
  }

  private schedule(): void {
    this.ctx.clock.schedule(UPDATER_INTERVAL_MS, { component: UPDATER_COMPONENT, key: 'kube-system/vpa-updater', what: 'evict pods to update' }, () => {
      if (this.active()) this.runOnce();
      this.schedule();
    });
  }

  lastDecisions(): readonly UpdaterDecision[] {
    return this.decisions;
  }

  runOnce(): void {
    const r = this.client({ verb: 'list', group: VPA_GROUP, version: VPA_VERSION, resource: VPA_RESOURCE });
    if (r.status !== 200) return;
    const vpas = ((r.body as { items?: Vpa[] }).items ?? []).map((v) => ({ ...v, kind: 'VerticalPodAutoscaler', apiVersion: `${VPA_GROUP}/${VPA_VERSION}` }));
    const now = this.ctx.clock.now();
    this.decisions.length = 0;
    for (const vpa of vpas) {
      const mode = updateMode(vpa);
      if (mode !== 'Recreate' && mode !== 'Auto') continue;
      if (!vpa.status?.recommendation?.containerRecommendations?.length) continue;
      const ns = vpa.metadata.namespace!;
      const live = (this.pods.list(ns) as PodLike[]).filter((p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && matchingVpa(p, [vpa], this.get) === vpa);
      this.decisions.push(this.updateVpa(vpa, live, now));
    }
  }

  private updateVpa(vpa: Vpa, pods: PodLike[], now: number): UpdaterDecision {
    const decision: UpdaterDecision = { at: now, vpa: `${vpa.metadata.namespace}/${vpa.metadata.name}`, evicted: [], skipped: [] };
    const restriction = new EvictionRestriction(pods, vpa, replicasOf(this.get, vpa.metadata.namespace!));
    const candidates: { pod: PodLike; priority: PodPriority }[] = [];
    for (const pod of pods) {
      const priority = updatePriority(pod, vpa);
      if (wantsUpdate(pod, priority, now)) candidates.push({ pod, priority });
    }
    candidates.sort((a, b) => morePressing(a.priority, b.priority));
    for (const { pod } of candidates) {
      const name = pod.metadata.name!;
      if (!restriction.canEvict(pod)) {
        decision.skipped.push({ pod: name, why: 'eviction budget exceeded' });
        continue;
      }
      const r = this.client({
        verb: 'create',
        group: '',
        version: 'v1',
        resource: 'pods',
        subresource: 'eviction',
        namespace: pod.metadata.namespace,
        name,
        body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: pod.metadata.namespace } },
      });
      if (r.status >= 300) {
        decision.skipped.push({ pod: name, why: (r.body as { message?: string }).message ?? `eviction failed (${r.status})` });
        continue;
      }
      // Mirrors restriction/pods_eviction_restriction.go Evict.
      this.recorder.event(pod, 'Normal', 'EvictedByVPA', 'Pod was evicted by VPA Updater to apply resource recommendation.');
      this.recorder.event(vpa, 'Normal', 'EvictedPod', `VPA Updater evicted Pod ${name} to apply resource recommendation.`);
      restriction.evicted(pod);
      decision.evicted.push(name);
    }
    return decision;
  }
}
