/**
 * vpa-recommender (pkg/recommender/routines/recommender.go RunOnce): once a
 * minute it reads the usage of every pod a VPA targets, feeds the
 * per-container histograms, and writes status.recommendation and the
 * conditions of each VPA. Acts only while its pod runs in kube-system.
 */
import type { KubeObject } from '../../api/object';
import type { ComponentContext, ApiCall } from '../../controllers/context';
import type { Informer } from '../../client/informer';
import { CORE } from '../../client/factory';
import type { PodUsageSample, UsageSource } from '../usage';
import { AggregateContainerState, ContainerState } from './aggregateState';
import { estimatePod } from './estimator';
import { amountsToResources } from './quantities';
import { capToPolicy } from './capping';
import { matchingVpa, type ObjectGetter } from './target';
import { containerScalingOff, controlledResources, VPA_GROUP, VPA_RESOURCE, VPA_VERSION, type RecommendedContainerResources, type Vpa, type VpaCondition } from './types';
import { milliValue } from '../../scheduler/resources';
import { componentRunning, objectGetter } from './components';
import { CHECKPOINTS_GC_INTERVAL_MS, checkpointStatus, collectOrphans, writeCheckpoint } from './checkpoints';

export const RECOMMENDER_COMPONENT = 'vpa-recommender';
/** --recommender-interval. */
export const RECOMMENDER_INTERVAL_MS = 60_000;

interface PodLike extends KubeObject {
  spec?: { containers?: { name: string; resources?: { requests?: Record<string, string> } }[] };
  status?: { phase?: string };
}

export interface RecommenderDecision {
  at: number;
  vpa: string;
  pods: string[];
  samples: number;
  recommendation: RecommendedContainerResources[];
}

export class Recommender {
  /** Aggregates by `ns/vpa/container`. */
  private readonly aggregates = new Map<string, AggregateContainerState>();
  /** Per running container (`uid/container`): its memory window. */
  private readonly containers = new Map<string, ContainerState>();
  private readonly client: ApiCall;
  private readonly pods: Informer;
  private readonly get: ObjectGetter;
  private readonly decisions: RecommenderDecision[] = [];
  private readonly seen = new Set<string>();
  private lastCheckpointsGC = 0;

  constructor(
    private readonly ctx: ComponentContext,
    private readonly usage: UsageSource,
    private readonly active: () => boolean = () => componentRunning(ctx, RECOMMENDER_COMPONENT),
  ) {
    this.client = ctx.client(RECOMMENDER_COMPONENT);
    this.pods = ctx.informers.for(CORE('pods'));
    this.get = objectGetter(ctx);
    this.schedule();
  }

  private schedule(): void {
    this.ctx.clock.schedule(RECOMMENDER_INTERVAL_MS, { component: RECOMMENDER_COMPONENT, key: 'kube-system/vpa-recommender', what: 'update recommendations' }, () => {
      if (this.active()) this.runOnce();
      this.schedule();
    });
  }

  /** What the last loops decided, newest last (for narration). */
  lastDecisions(): readonly RecommenderDecision[] {
    return this.decisions;
  }

  runOnce(): void {
    const now = this.ctx.clock.now();
    const r = this.client({ verb: 'list', group: VPA_GROUP, version: VPA_VERSION, resource: VPA_RESOURCE });
    if (r.status !== 200) return; // The CRD is not served (yet).
    const vpas = ((r.body as { items?: Vpa[] }).items ?? []).map((v) => ({ ...v, kind: 'VerticalPodAutoscaler' }));
    this.decisions.length = 0;
    // A deleted VPA's history goes with it.
    const names = new Set(vpas.map((v) => `${v.metadata.namespace}/${v.metadata.name}/`));
    for (const k of this.aggregates.keys()) if (![...names].some((n) => k.startsWith(n))) this.aggregates.delete(k);
    if (now - this.lastCheckpointsGC >= CHECKPOINTS_GC_INTERVAL_MS) {
      this.lastCheckpointsGC = now;
      collectOrphans(this.client, new Set(vpas.map((v) => `${v.metadata.namespace}/${v.metadata.name}`)));
    }
    if (vpas.length === 0) return;
    const usageByPod = new Map(this.usage.podUsage().map((u) => [`${u.namespace}/${u.name}`, u]));
    this.seen.clear();
    for (const vpa of vpas) {
      const ns = vpa.metadata.namespace!;
      const pods = (this.pods.list(ns) as PodLike[]).filter((p) => matchingVpa(p, [vpa], this.get) === vpa);
      let samples = 0;
      for (const pod of pods) samples += this.feed(vpa, pod, usageByPod.get(`${ns}/${pod.metadata.name}`), now);
      const recommendation = this.recommend(vpa);
      this.decisions.push({ at: now, vpa: `${ns}/${vpa.metadata.name}`, pods: pods.map((p) => p.metadata.name!), samples, recommendation });
      this.writeStatus(vpa, pods.length > 0, recommendation);
      this.writeCheckpoints(vpa, now);
    }
    // Containers that are gone keep their peaks in the aggregates, not their windows.
    for (const k of this.containers.keys()) if (!this.seen.has(k)) this.containers.delete(k);
  }

  private feed(vpa: Vpa, pod: PodLike, usage: PodUsageSample | undefined, now: number): number {
    if (!usage || pod.status?.phase !== 'Running') return 0;
    let n = 0;
    for (const c of usage.containers) {
      const spec = pod.spec?.containers?.find((x) => x.name === c.name);
      if (!spec) continue;
      const aggKey = `${vpa.metadata.namespace}/${vpa.metadata.name}/${c.name}`;
      let agg = this.aggregates.get(aggKey);
      if (!agg) this.aggregates.set(aggKey, (agg = new AggregateContainerState()));
      const requestCores = milliValue(spec.resources?.requests?.cpu ?? 0) / 1000;
      const stateKey = `${pod.metadata.uid}/${c.name}/${aggKey}`;
      let st = this.containers.get(stateKey);
      if (!st) this.containers.set(stateKey, (st = new ContainerState(agg, requestCores)));
      st.requestCores = requestCores;
      this.seen.add(stateKey);
      // The metrics' own timestamp: a sample already seen (the same scrape) is dropped.
      const at = usage.timestamp ?? now;
      if (st.addCpuSample(at, c.cpuMillis / 1000)) n++;
      st.addMemorySample(at, c.memoryBytes);
    }
    return n;
  }

  /** The recommendation for a VPA from its aggregates with samples, policy applied. */
  recommend(vpa: Vpa): RecommendedContainerResources[] {
    const prefix = `${vpa.metadata.namespace}/${vpa.metadata.name}/`;
    const states = new Map<string, AggregateContainerState>();
    for (const [k, agg] of this.aggregates) {
      if (!k.startsWith(prefix) || agg.totalSamplesCount === 0) continue;
      const name = k.slice(prefix.length);
      if (!containerScalingOff(vpa, name)) states.set(name, agg);
    }
    const estimates = estimatePod(states);
    return [...estimates.keys()].sort().map((name) => {
      const e = estimates.get(name)!;
      const res = controlledResources(vpa, name);
      const raw: RecommendedContainerResources = {
        containerName: name,
        target: amountsToResources(e.target, res),
        lowerBound: amountsToResources(e.lowerBound, res),
        upperBound: amountsToResources(e.upperBound, res),
        uncappedTarget: amountsToResources(e.target, res),
      };
      return capToPolicy(vpa, raw);
    });
  }

  /** MaybeUpdateCheckpoints: one checkpoint per container with history. */
  private writeCheckpoints(vpa: Vpa, now: number): void {
    const prefix = `${vpa.metadata.namespace}/${vpa.metadata.name}/`;
    for (const [k, agg] of this.aggregates) {
      if (!k.startsWith(prefix) || agg.totalSamplesCount === 0) continue;
      writeCheckpoint(this.client, vpa.metadata.namespace!, vpa.metadata.name!, k.slice(prefix.length), checkpointStatus(agg, now));
    }
  }

  private writeStatus(vpa: Vpa, podsMatched: boolean, recommendation: RecommendedContainerResources[]): void {
    const old = new Map((vpa.status?.conditions ?? []).map((c) => [c.type, c]));
    const conditions = new Map<string, VpaCondition>();
    const set = (type: string, status: boolean, reason: string, message: string) => {
      const s = status ? 'True' : 'False';
      const prev = old.get(type);
      const c: VpaCondition = { type, status: s, lastTransitionTime: prev && prev.status === s ? prev.lastTransitionTime : this.ctx.clock.timestamp() };
      if (reason) c.reason = reason;
      if (message) c.message = message;
      conditions.set(type, c);
    };
    // Mirrors model/vpa.go updateConditionsLocked.
    if (!podsMatched) set('NoPodsMatched', true, 'NoPodsMatched', 'No pods match this VPA object');
    if (recommendation.length) set('RecommendationProvided', true, '', '');
    else set('RecommendationProvided', false, podsMatched ? '' : 'NoPodsMatched', podsMatched ? '' : 'No pods match this VPA object');
    const status: Record<string, unknown> = {
      conditions: [...conditions.values()].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0)),
    };
    if (recommendation.length) status.recommendation = { containerRecommendations: recommendation };
    else if (vpa.status?.recommendation) status.recommendation = vpa.status.recommendation;
    // UpdateVpaStatusIfNeeded: no write when nothing changed.
    if (JSON.stringify(status) === JSON.stringify({ conditions: vpa.status?.conditions, ...(vpa.status?.recommendation ? { recommendation: vpa.status.recommendation } : {}) })) return;
    this.client({
      verb: 'patch',
      group: VPA_GROUP,
      version: VPA_VERSION,
      resource: VPA_RESOURCE,
      subresource: 'status',
      namespace: vpa.metadata.namespace,
      name: vpa.metadata.name,
      contentType: 'application/merge-patch+json',
      body: { status },
    });
  }
}

