/**
 * The HorizontalPodAutoscaler controller (pkg/controller/podautoscaler/horizontal.go,
 * v1.32): every 15 s per HPA it reads the target's `scale` subresource,
 * computes a replica count per metric (resource metrics from
 * metrics.k8s.io), takes the highest, stabilizes and rate-limits it, writes
 * the new scale, and reports conditions, current metrics and events as
 * upstream words them. The last decision per HPA is kept for narration.
 */
import type { HorizontalPodAutoscaler, HorizontalPodAutoscalerStatus, MetricSpec, MetricStatus, MetricTarget, HPAScalingRules } from 'kubernetes-types/autoscaling/v2';
import { clone, jsonEqual, parseApiVersion, type KubeObject } from '../../api/object';
import { newMilliQuantity, parseQuantity } from '../../api/quantity/quantity';
import { parseLabelSelector, type Selector } from '../../api/selectors/labels';
import { CORE } from '../../client/factory';
import { keyOf, splitKey, type Informer } from '../../client/informer';
import { WorkQueue, type SyncResult } from '../../client/workqueue';
import type { EventRecorder } from '../../client/events';
import type { ApiCall, ComponentContext } from '../context';
import type { Discovery } from '../discovery';
import { CONTROLLER_MANAGER } from '../replicaset';
import type { Pod } from '../replicaset/types';
import { newScaleHistory, normalizeDesiredReplicas, normalizeDesiredReplicasWithBehaviors, storeScaleEvent, type Behavior, type Normalized, type ScaleHistory } from './behavior';
import { setCondition, type Condition } from './conditions';
import { clientErrorMessage, getResourceMetric } from './metricsClient';
import { DEFAULT_CALCULATOR_CONFIG, isFailure, plainMetricReplicas, resourceReplicas, type CalculatorConfig } from './replicaCalculator';

export const HPA_CONTROLLER = 'horizontal-pod-autoscaler';
/** --horizontal-pod-autoscaler-sync-period. */
export const HPA_SYNC_PERIOD_MS = 15_000;
/** --horizontal-pod-autoscaler-downscale-stabilization. */
export const DOWNSCALE_STABILIZATION_MS = 5 * 60_000;

type HPA = KubeObject & HorizontalPodAutoscaler & { spec: NonNullable<HorizontalPodAutoscaler['spec']>; status?: HorizontalPodAutoscalerStatus };

interface Scale {
  kind: string;
  apiVersion: string;
  metadata: KubeObject['metadata'];
  spec: { replicas?: number };
  status: { replicas?: number; selector?: string };
}

/** One metric's part in a decision. */
export interface MetricDecision {
  /** `cpu resource utilization (percentage of request)`, or the spec's type when it failed. */
  metric: string;
  /** `250%`, `120m`… */
  current?: string;
  target: string;
  proposal?: number;
  error?: string;
}

/** What the last reconcile of one HPA decided, for the timeline's narration. */
export interface HPADecision {
  at: number;
  reference: string;
  currentReplicas: number;
  metrics: MetricDecision[];
  /** The highest metric proposal (metricDesiredReplicas). */
  proposed?: number;
  /** After the stabilization window(s). */
  stabilized?: number;
  desiredReplicas: number;
  /** ScalingLimited's reason when the limits changed the count (ScaleUpLimit, TooManyReplicas, …). */
  limitedBy?: string;
  /** AbleToScale's reason (ScaleDownStabilized, ReadyForNewScale, SucceededRescale, FailedGetScale, …). */
  ableToScale?: string;
  rescale: boolean;
  reason?: string;
  error?: string;
}

interface Proposal {
  replicas: number;
  metric: string;
  timestamp: number;
  status: MetricStatus;
}

type Failed = { error: string; condition: Condition };

function failed(v: unknown): v is Failed {
  return typeof v === 'object' && v !== null && 'condition' in v;
}

/** A target as narration shows it: `50%`, `100Mi`. */
function targetText(t: MetricTarget | undefined): string {
  if (!t) return '<unknown>';
  if (t.averageUtilization !== undefined && t.averageUtilization !== null && t.type === 'Utilization') return `${t.averageUtilization}%`;
  return String(t.averageValue ?? t.value ?? '<unknown>');
}

export class HorizontalController {
  private readonly queue: WorkQueue;
  private readonly hpas: Informer<HPA>;
  private readonly pods: Informer<Pod>;
  private readonly api: ApiCall;
  private readonly recorder: EventRecorder;
  private readonly history = new Map<string, ScaleHistory>();
  /** hpaSelectors: each HPA's last selector, to refuse pods claimed by two HPAs. */
  private readonly selectors = new Map<string, Selector | null>();
  private readonly decisions = new Map<string, HPADecision>();
  private readonly cfg: CalculatorConfig;

  constructor(
    private readonly ctx: ComponentContext,
    private readonly discovery: Pick<Discovery, 'all'>,
    opts: { calculator?: Partial<CalculatorConfig> } = {},
  ) {
    this.cfg = { ...DEFAULT_CALCULATOR_CONFIG, ...opts.calculator };
    this.api = ctx.client(CONTROLLER_MANAGER);
    this.recorder = ctx.recorder(HPA_CONTROLLER);
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), { component: HPA_CONTROLLER, what: 'reconcile' });
    this.hpas = ctx.informers.for<HPA>({ group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers' });
    this.pods = ctx.informers.for<Pod>(CORE('pods'));
    this.hpas.addEventHandler({
      add: (h) => this.enqueue(keyOf(h)),
      update: (_o, h) => this.enqueue(keyOf(h)),
      delete: (h) => this.selectors.delete(keyOf(h)),
    });
  }

  /** What the last reconcile of `namespace/name` decided. */
  lastDecision(key: string): HPADecision | undefined {
    return this.decisions.get(key);
  }

  /**
   * enqueueHPA: every add goes through the HPA rate limiter, a fixed resync
   * period; a key already waiting keeps its earlier turn.
   */
  private enqueue(key: string): void {
    this.queue.addAfter(key, HPA_SYNC_PERIOD_MS);
    if (!this.selectors.has(key)) this.selectors.set(key, null);
  }

  private sync(key: string): SyncResult {
    const { namespace, name } = splitKey(key);
    const hpa = this.hpas.get(namespace, name);
    if (!hpa) {
      this.history.delete(key);
      this.decisions.delete(key);
      return;
    }
    this.reconcile(hpa, key);
    return { requeueAfter: HPA_SYNC_PERIOD_MS };
  }

  private historyOf(key: string): ScaleHistory {
    let h = this.history.get(key);
    if (!h) this.history.set(key, (h = newScaleHistory()));
    return h;
  }

  private event(hpa: HPA, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.recorder.event(hpa, type, reason, message);
  }

  private condition(hpa: HPA, c: Condition): void {
    const status = (hpa.status ??= { desiredReplicas: 0 }) as HorizontalPodAutoscalerStatus & { conditions?: HorizontalPodAutoscalerStatus['conditions'] };
    (status as { conditions?: unknown }).conditions = setCondition(status.conditions as never, c, this.ctx.clock.timestamp());
  }

  private reconcile(shared: HPA, key: string): void {
    const hpa = clone(shared);
    const original = clone(hpa.status ?? {});
    const ref = hpa.spec.scaleTargetRef;
    const namespace = hpa.metadata.namespace!;
    const reference = `${ref.kind}/${namespace}/${ref.name}`;
    const now = this.ctx.clock.now();
    const decision: HPADecision = { at: now, reference, currentReplicas: hpa.status?.currentReplicas ?? 0, metrics: [], desiredReplicas: hpa.status?.desiredReplicas ?? 0, rescale: false };
    this.decisions.set(key, decision);

    const scaleFailure = (err: string): void => {
      this.event(hpa, 'Warning', 'FailedGetScale', err);
      this.condition(hpa, { type: 'AbleToScale', status: 'False', reason: 'FailedGetScale', message: `the HPA controller was unable to get the target's current scale: ${err}` });
      this.updateStatusIfNeeded(original, hpa);
      decision.ableToScale = 'FailedGetScale';
      decision.error = err;
    };

    const gv = /^[^/]*(\/[^/]*)?$/.test(ref.apiVersion ?? '') ? parseApiVersion(ref.apiVersion ?? '') : undefined;
    if (!gv) return scaleFailure(`unexpected GroupVersion string: ${ref.apiVersion}`);
    const mappings = this.discovery
      .all()
      .filter((rt) => rt.group === gv.group && rt.kind === ref.kind && !rt.conversion && !rt.proxy)
      .sort((a, b) => (a.version === gv.version ? -1 : b.version === gv.version ? 1 : 0));
    if (!mappings.length) return scaleFailure(`no matches for kind "${ref.kind}" in group "${gv.group}"`);

    let scale: Scale | undefined;
    let target: { group: string; version: string; resource: string } | undefined;
    let firstErr: string | undefined;
    for (const m of mappings) {
      const r = this.api({ verb: 'get', group: m.group, version: m.version, resource: m.plural, namespace, name: ref.name, subresource: 'scale' });
      if (r.status === 200) {
        scale = r.body as Scale;
        target = { group: m.group, version: m.version, resource: m.plural };
        break;
      }
      firstErr ??= clientErrorMessage(r.status, r.body, 'get', `${m.plural}${m.group ? `.${m.group}` : ''} ${ref.name}`);
    }
    if (!scale || !target) return scaleFailure(firstErr ?? 'unrecognized resource');
    this.condition(hpa, { type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message: "the HPA controller was able to get the target's current scale" });

    const currentReplicas = scale.spec.replicas ?? 0;
    decision.currentReplicas = currentReplicas;
    const history = this.historyOf(key);
    if (!history.recommendations.length) history.recommendations.push({ recommendation: currentReplicas, timestamp: now });

    const minReplicas = hpa.spec.minReplicas ?? 1;
    const maxReplicas = hpa.spec.maxReplicas;
    let desiredReplicas = 0;
    let rescaleReason = '';
    let rescale = true;
    let statuses: MetricStatus[] | undefined;

    if (currentReplicas === 0 && minReplicas !== 0) {
      desiredReplicas = 0;
      rescale = false;
      this.condition(hpa, { type: 'ScalingActive', status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero' });
    } else if (currentReplicas > maxReplicas) {
      rescaleReason = 'Current number of replicas above Spec.MaxReplicas';
      desiredReplicas = maxReplicas;
    } else if (currentReplicas < minReplicas) {
      rescaleReason = 'Current number of replicas below Spec.MinReplicas';
      desiredReplicas = minReplicas;
    } else {
      const computed = this.computeReplicasForMetrics(hpa, scale, hpa.spec.metrics ?? [], decision);
      statuses = computed.statuses;
      if (computed.replicas === -1) {
        this.setStatus(hpa, currentReplicas, hpa.status?.desiredReplicas ?? 0, statuses, false);
        this.updateStatusIfNeeded(original, hpa);
        this.event(hpa, 'Warning', 'FailedComputeMetricsReplicas', computed.error ?? '');
        decision.error = computed.error;
        decision.desiredReplicas = hpa.status?.desiredReplicas ?? 0;
        return;
      }
      decision.proposed = computed.replicas;
      let rescaleMetric = '';
      if (computed.replicas > desiredReplicas) {
        desiredReplicas = computed.replicas;
        rescaleMetric = computed.metric;
      }
      if (desiredReplicas > currentReplicas) rescaleReason = `${rescaleMetric} above target`;
      if (desiredReplicas < currentReplicas) rescaleReason = 'All metrics below target';
      const n = this.normalize(hpa, history, currentReplicas, desiredReplicas, minReplicas);
      this.condition(hpa, { type: 'AbleToScale', status: 'True', ...n.ableToScale });
      this.condition(hpa, { type: 'ScalingLimited', status: n.scalingLimited.status, reason: n.scalingLimited.reason, message: n.scalingLimited.message });
      decision.stabilized = n.stabilized;
      decision.ableToScale = n.ableToScale.reason;
      if (n.scalingLimited.status === 'True') decision.limitedBy = n.scalingLimited.reason;
      desiredReplicas = n.replicas;
      rescale = desiredReplicas !== currentReplicas;
    }

    if (rescale) {
      const body: Scale = { ...scale, spec: { ...scale.spec, replicas: desiredReplicas } };
      const r = this.api({ verb: 'update', group: target.group, version: target.version, resource: target.resource, namespace, name: ref.name, subresource: 'scale', body });
      if (r.status >= 400) {
        const err = clientErrorMessage(r.status, r.body, 'put', `${target.resource}${target.group ? `.${target.group}` : ''} ${ref.name}`);
        this.event(hpa, 'Warning', 'FailedRescale', `New size: ${desiredReplicas}; reason: ${rescaleReason}; error: ${err}`);
        this.condition(hpa, { type: 'AbleToScale', status: 'False', reason: 'FailedUpdateScale', message: `the HPA controller was unable to update the target scale: ${err}` });
        this.setStatus(hpa, currentReplicas, hpa.status?.desiredReplicas ?? 0, statuses, false);
        this.updateStatusIfNeeded(original, hpa);
        Object.assign(decision, { desiredReplicas, reason: rescaleReason, error: err, ableToScale: 'FailedUpdateScale' });
        return;
      }
      this.condition(hpa, { type: 'AbleToScale', status: 'True', reason: 'SucceededRescale', message: `the HPA controller was able to update the target scale to ${desiredReplicas}` });
      this.event(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desiredReplicas}; reason: ${rescaleReason}`);
      storeScaleEvent(history, this.behaviorOf(hpa), currentReplicas, desiredReplicas, now);
      decision.ableToScale = 'SucceededRescale';
    } else desiredReplicas = currentReplicas;

    Object.assign(decision, { desiredReplicas, rescale, reason: rescale ? rescaleReason : undefined });
    this.setStatus(hpa, currentReplicas, desiredReplicas, statuses, rescale);
    this.updateStatusIfNeeded(original, hpa);
  }

  /** Spec.Behavior with the controller's default scale-down window filled in (maybeInitScaleDownStabilizationWindow). */
  private behaviorOf(hpa: HPA): Behavior | undefined {
    const b = hpa.spec.behavior;
    if (!b) return undefined;
    const up: HPAScalingRules = { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }], ...stripNull(b.scaleUp) };
    const down: HPAScalingRules = { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }], ...stripNull(b.scaleDown) };
    if (down.stabilizationWindowSeconds === undefined) down.stabilizationWindowSeconds = DOWNSCALE_STABILIZATION_MS / 1000;
    return { scaleUp: up, scaleDown: down };
  }

  private normalize(hpa: HPA, history: ScaleHistory, current: number, desired: number, min: number): Normalized {
    const behavior = this.behaviorOf(hpa);
    const now = this.ctx.clock.now();
    if (!behavior) return normalizeDesiredReplicas(history, current, desired, min, hpa.spec.maxReplicas, DOWNSCALE_STABILIZATION_MS, now);
    return normalizeDesiredReplicasWithBehaviors(history, behavior, current, desired, min, hpa.spec.maxReplicas, now);
  }

  /** validateAndParseSelector. */
  private selectorFor(hpa: HPA, selector: string | undefined): Selector | Failed {
    const key = keyOf(hpa);
    if (!selector) {
      this.event(hpa, 'Warning', 'SelectorRequired', 'selector is required');
      return { error: 'selector is required', condition: { type: 'ScalingActive', status: 'False', reason: 'InvalidSelector', message: "the HPA target's scale is missing a selector" } };
    }
    const parsed = parseLabelSelector(selector);
    if (!parsed.ok) {
      const msg = `couldn't convert selector into a corresponding internal selector object: ${parsed.error}`;
      this.event(hpa, 'Warning', 'InvalidSelector', msg);
      return { error: msg, condition: { type: 'ScalingActive', status: 'False', reason: 'InvalidSelector', message: msg } };
    }
    if (this.selectors.has(key)) this.selectors.set(key, parsed.selector);
    const pods = this.pods.list(hpa.metadata.namespace).filter((p) => parsed.selector.matches(p.metadata.labels ?? {}));
    const claiming = new Set<string>();
    for (const [other, sel] of this.selectors) {
      if (!sel || splitKey(other).namespace !== hpa.metadata.namespace) continue;
      if (pods.some((p) => sel.matches(p.metadata.labels ?? {}))) claiming.add(other);
    }
    if (claiming.size > 1) {
      const keys = [...claiming].sort().map((k) => `{${splitKey(k).name} ${splitKey(k).namespace}}`);
      const msg = `pods by selector ${selector} are controlled by multiple HPAs: [${keys.join(' ')}]`;
      this.event(hpa, 'Warning', 'AmbiguousSelector', msg);
      return { error: msg, condition: { type: 'ScalingActive', status: 'False', reason: 'AmbiguousSelector', message: msg } };
    }
    return parsed.selector;
  }

  /** computeReplicasForMetrics: the highest proposal; -1 when nothing can be done. */
  private computeReplicasForMetrics(hpa: HPA, scale: Scale, specs: MetricSpec[], decision: HPADecision): { replicas: number; metric: string; statuses?: MetricStatus[]; error?: string } {
    const selector = this.selectorFor(hpa, scale.status.selector);
    if (failed(selector)) {
      this.condition(hpa, selector.condition);
      return { replicas: -1, metric: '', error: selector.error };
    }
    const specReplicas = scale.spec.replicas ?? 0;
    const statuses: MetricStatus[] = specs.map(() => ({ type: '' as MetricStatus['type'] }));
    let replicas = 0;
    let metric = '';
    let invalid = 0;
    let firstError: string | undefined;
    let firstCondition: Condition | undefined;
    specs.forEach((spec, i) => {
      const p = this.computeReplicasForMetric(hpa, spec, specReplicas, selector);
      if (failed(p)) {
        if (invalid === 0) {
          firstError = p.error;
          firstCondition = p.condition;
        }
        invalid++;
        decision.metrics.push({ metric: spec.type, target: targetText(specTarget(spec)), error: p.error });
        return;
      }
      statuses[i] = p.status;
      decision.metrics.push({ metric: p.metric, current: currentText(p.status), target: targetText(specTarget(spec)), proposal: p.replicas });
      if (replicas === 0 || p.replicas > replicas) {
        replicas = p.replicas;
        metric = p.metric;
      }
    });
    const error = firstError !== undefined ? `invalid metrics (${invalid} invalid out of ${specs.length}), first error is: ${firstError}` : undefined;
    // All failed, or some failed and the rest would scale down: do nothing rather than scale on partial data.
    if (invalid >= specs.length || (invalid > 0 && replicas < specReplicas)) {
      if (firstCondition) this.condition(hpa, firstCondition);
      return { replicas: -1, metric: '', statuses, error };
    }
    this.condition(hpa, { type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: `the HPA was able to successfully calculate a replica count from ${metric}` });
    return { replicas, metric, statuses, error };
  }

  /** computeReplicasForMetric, by source type. */
  private computeReplicasForMetric(hpa: HPA, spec: MetricSpec, specReplicas: number, selector: Selector): Proposal | Failed {
    const unable = (reason: string, err: string, wrapped: string): Failed => {
      this.event(hpa, 'Warning', reason, err);
      return { error: wrapped, condition: { type: 'ScalingActive', status: 'False', reason, message: `the HPA was unable to compute the replica count: ${err}` } };
    };
    switch (spec.type) {
      case 'Resource': {
        const r = spec.resource!;
        const p = this.resourceProposal(hpa, specReplicas, r.target, r.name, '', selector, 'Resource');
        if ('error' in p) return unable('FailedGetResourceMetric', p.error, `failed to get ${r.name} resource metric value: ${p.error}`);
        return { ...p, status: { type: 'Resource', resource: { name: r.name, current: p.current } } };
      }
      case 'ContainerResource': {
        const r = spec.containerResource!;
        const p = this.resourceProposal(hpa, specReplicas, r.target, r.name, r.container, selector, 'ContainerResource');
        if ('error' in p) return unable('FailedGetContainerResourceMetric', p.error, `failed to get ${r.container} container metric value: ${p.error}`);
        return { ...p, status: { type: 'ContainerResource', containerResource: { name: r.name, container: r.container, current: p.current } } };
      }
      case 'Pods': {
        const name = spec.pods?.metric.name ?? '';
        const err = `unable to get metric ${name}: unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered`;
        return unable('FailedGetPodsMetric', err, `failed to get pods metric value: ${err}`);
      }
      case 'Object': {
        const o = spec.object!;
        const err = `unable to get metric ${o.metric.name}: ${o.describedObject.kind} on ${hpa.metadata.namespace} ${o.describedObject.name}/unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered`;
        return unable('FailedGetObjectMetric', err, `failed to get object metric value: ${err}`);
      }
      case 'External': {
        const name = spec.external?.metric.name ?? '';
        const err = `unable to get external metric ${hpa.metadata.namespace}/${name}/nil: unable to fetch metrics from external metrics API: no external metrics API (external.metrics.k8s.io) registered`;
        return unable('FailedGetExternalMetric', err, `failed to get ${name} external metric value: ${err}`);
      }
      default: {
        const err = `unknown metric source type "${String((spec as { type?: unknown }).type)}"`;
        return unable('InvalidMetricSourceType', err, err);
      }
    }
  }

  /** computeStatusForResourceMetricGeneric. */
  private resourceProposal(
    hpa: HPA,
    currentReplicas: number,
    target: MetricTarget,
    resource: string,
    container: string,
    selector: Selector,
    source: 'Resource' | 'ContainerResource',
  ): { replicas: number; metric: string; timestamp: number; current: NonNullable<MetricStatus['resource']>['current'] } | { error: string } {
    const namespace = hpa.metadata.namespace!;
    const fetch = () => getResourceMetric(this.api, resource, namespace, selector.toString(), container);
    const pods = () => this.pods.list(namespace).filter((p) => selector.matches(p.metadata.labels ?? {}));
    const now = this.ctx.clock.now();
    if (target.averageValue !== undefined && target.averageValue !== null) {
      const m = fetch();
      if ('error' in m) return { error: `failed to get ${resource} usage: unable to get metrics for resource ${resource}: ${m.error}` };
      const targetMilli = milliOf(target.averageValue);
      const p = plainMetricReplicas({ currentReplicas, resource, container, pods: pods(), metrics: m.metrics, timestamp: m.timestamp, now, cfg: this.cfg }, targetMilli);
      if (isFailure(p)) return { error: `failed to get ${resource} usage: ${p.error}` };
      return { replicas: p.replicas, metric: `${resource} resource`, timestamp: p.timestamp, current: { averageValue: newMilliQuantity(p.usage).toString() } };
    }
    if (target.averageUtilization === undefined || target.averageUtilization === null) {
      return { error: 'invalid resource metric source: neither an average utilization target nor an average value (usage) target was set' };
    }
    const m = fetch();
    if ('error' in m) return { error: `failed to get ${resource} utilization: unable to get metrics for resource ${resource}: ${m.error}` };
    const p = resourceReplicas({ currentReplicas, resource, container, pods: pods(), metrics: m.metrics, timestamp: m.timestamp, now, cfg: this.cfg }, target.averageUtilization);
    if (isFailure(p)) return { error: `failed to get ${resource} utilization: ${p.error}` };
    const metric = source === 'ContainerResource' ? `${resource} container resource utilization (percentage of request)` : `${resource} resource utilization (percentage of request)`;
    return { replicas: p.replicas, metric, timestamp: p.timestamp, current: { averageUtilization: p.utilization, averageValue: newMilliQuantity(p.rawUtilization).toString() } };
  }

  /** setStatus: the status is rebuilt from what this sync observed; lastScaleTime moves on a rescale. */
  private setStatus(hpa: HPA, currentReplicas: number, desiredReplicas: number, statuses: MetricStatus[] | undefined, rescale: boolean): void {
    const old = hpa.status ?? { desiredReplicas: 0 };
    const status: Record<string, unknown> = {};
    if (currentReplicas) status.currentReplicas = currentReplicas;
    status.desiredReplicas = desiredReplicas;
    if (statuses) status.currentMetrics = statuses;
    if (old.conditions) status.conditions = old.conditions;
    const last = rescale ? this.ctx.clock.timestamp() : old.lastScaleTime;
    if (last) status.lastScaleTime = last;
    if (old.observedGeneration !== undefined) status.observedGeneration = old.observedGeneration;
    hpa.status = status as unknown as HorizontalPodAutoscalerStatus;
  }

  private updateStatusIfNeeded(original: unknown, hpa: HPA): void {
    if (jsonEqual(original, hpa.status ?? {})) return;
    const r = this.api({ verb: 'update', group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers', namespace: hpa.metadata.namespace, name: hpa.metadata.name, subresource: 'status', body: hpa });
    if (r.status >= 400) this.event(hpa, 'Warning', 'FailedUpdateStatus', clientErrorMessage(r.status, r.body, 'put', `horizontalpodautoscalers.autoscaling ${hpa.metadata.name}`));
  }
}

function stripNull<T extends object>(o: T | undefined | null): Partial<T> {
  if (!o) return {};
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

function specTarget(spec: MetricSpec): MetricTarget | undefined {
  return spec.resource?.target ?? spec.containerResource?.target ?? spec.pods?.target ?? spec.object?.target ?? spec.external?.target;
}

function currentText(s: MetricStatus): string | undefined {
  const c = s.resource?.current ?? s.containerResource?.current;
  if (!c) return undefined;
  return c.averageUtilization !== undefined && c.averageUtilization !== null ? `${c.averageUtilization}%` : String(c.averageValue ?? '');
}

/** Quantity.MilliValue of a target (rounded up, as upstream). */
function milliOf(q: unknown): number {
  const r = parseQuantity(String(q));
  return r.ok ? r.quantity.milliValue() : 0;
}

export function startHorizontalController(ctx: ComponentContext, discovery: Pick<Discovery, 'all'>): HorizontalController {
  return new HorizontalController(ctx, discovery);
}
