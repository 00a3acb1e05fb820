/**
 * HorizontalPodAutoscaler autoscaling/v1 ⇄ autoscaling/v2. v1 only has
 * targetCPUUtilizationPercentage, so everything else rides along in
 * annotations (JSON of the v1 metric types, and of the internal behavior
 * type with Go field names) and is restored when converting back.
 * Mirrors pkg/apis/autoscaling/v1/conversion.go and
 * pkg/apis/autoscaling/annotations.go.
 */
import { clone, type KubeObject } from '../../object';
import { arrAt, isObj, objAt, type Json } from '../apps/helpers/json';

export const METRIC_SPECS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/metrics';
export const METRIC_STATUSES_ANNOTATION = 'autoscaling.alpha.kubernetes.io/current-metrics';
export const CONDITIONS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/conditions';
export const BEHAVIOR_ANNOTATION = 'autoscaling.alpha.kubernetes.io/behavior';
const ROUND_TRIP = [METRIC_SPECS_ANNOTATION, METRIC_STATUSES_ANNOTATION, CONDITIONS_ANNOTATION, BEHAVIOR_ANNOTATION];

/** autoscaling.DefaultCPUUtilization */
export const DEFAULT_CPU_UTILIZATION = 80;

/** A Quantity that is not a pointer marshals its zero value as "0". */
const q = (v: unknown) => (v === undefined || v === null ? '0' : v);

const ref = (r: unknown): Json => {
  const o = isObj(r) ? r : {};
  return { kind: o.kind ?? '', name: o.name ?? '', apiVersion: o.apiVersion };
};

// ---- metric specs -------------------------------------------------------

function metricSpecV2ToV1(m: Json): Json {
  const out: Json = { type: m.type };
  const object = objAt(m, 'object');
  if (object) {
    const t = objAt(object, 'target');
    const id = objAt(object, 'metric');
    out.object = { target: ref(object.describedObject), metricName: id?.name ?? '', targetValue: q(t?.value), selector: id?.selector, averageValue: t?.averageValue };
  }
  const pods = objAt(m, 'pods');
  if (pods) {
    const id = objAt(pods, 'metric');
    out.pods = { metricName: id?.name ?? '', targetAverageValue: q(objAt(pods, 'target')?.averageValue), selector: id?.selector };
  }
  const resource = objAt(m, 'resource');
  if (resource) {
    const t = objAt(resource, 'target');
    out.resource = { name: resource.name, targetAverageUtilization: t?.averageUtilization, targetAverageValue: t?.averageValue };
  }
  const cr = objAt(m, 'containerResource');
  if (cr) {
    const t = objAt(cr, 'target');
    out.containerResource = { name: cr.name, targetAverageUtilization: t?.averageUtilization, targetAverageValue: t?.averageValue, container: cr.container };
  }
  const external = objAt(m, 'external');
  if (external) {
    const t = objAt(external, 'target');
    const id = objAt(external, 'metric');
    out.external = { metricName: id?.name ?? '', metricSelector: id?.selector, targetValue: t?.value, targetAverageValue: t?.averageValue };
  }
  return out;
}

function metricSpecV1ToV2(m: Json): Json {
  const out: Json = { type: m.type };
  const object = objAt(m, 'object');
  if (object) {
    const avg = object.averageValue;
    out.object = {
      describedObject: ref(object.target),
      metric: { name: object.metricName ?? '', selector: object.selector },
      target: { type: avg === undefined || avg === null ? 'Value' : 'AverageValue', value: q(object.targetValue), averageValue: avg },
    };
  }
  const pods = objAt(m, 'pods');
  if (pods) {
    out.pods = { metric: { name: pods.metricName ?? '', selector: pods.selector }, target: { type: 'AverageValue', averageValue: q(pods.targetAverageValue) } };
  }
  const resourceTarget = (src: Json): Json => {
    const util = src.targetAverageUtilization;
    const none = util === undefined || util === null;
    return { type: none ? 'AverageValue' : 'Utilization', averageUtilization: util, averageValue: src.targetAverageValue };
  };
  const resource = objAt(m, 'resource');
  if (resource) out.resource = { name: resource.name, target: resourceTarget(resource) };
  const cr = objAt(m, 'containerResource');
  if (cr) out.containerResource = { name: cr.name, container: cr.container, target: resourceTarget(cr) };
  const external = objAt(m, 'external');
  if (external) {
    const value = external.targetValue;
    out.external = {
      metric: { name: external.metricName ?? '', selector: external.metricSelector },
      target: { type: value === undefined || value === null ? 'AverageValue' : 'Value', value, averageValue: external.targetAverageValue },
    };
  }
  return out;
}

// ---- metric statuses ----------------------------------------------------

function metricStatusV2ToV1(m: Json): Json {
  const out: Json = { type: m.type };
  const object = objAt(m, 'object');
  if (object) {
    const c = objAt(object, 'current');
    const id = objAt(object, 'metric');
    out.object = { target: ref(object.describedObject), metricName: id?.name ?? '', currentValue: q(c?.value), selector: id?.selector, averageValue: c?.averageValue };
  }
  const pods = objAt(m, 'pods');
  if (pods) {
    const id = objAt(pods, 'metric');
    out.pods = { metricName: id?.name ?? '', currentAverageValue: q(objAt(pods, 'current')?.averageValue), selector: id?.selector };
  }
  const resource = objAt(m, 'resource');
  if (resource) {
    const c = objAt(resource, 'current');
    out.resource = { name: resource.name, currentAverageUtilization: c?.averageUtilization, currentAverageValue: q(c?.averageValue) };
  }
  const cr = objAt(m, 'containerResource');
  if (cr) {
    const c = objAt(cr, 'current');
    out.containerResource = { name: cr.name, currentAverageUtilization: c?.averageUtilization, currentAverageValue: q(c?.averageValue), container: cr.container };
  }
  const external = objAt(m, 'external');
  if (external) {
    const c = objAt(external, 'current');
    const id = objAt(external, 'metric');
    out.external = { metricName: id?.name ?? '', metricSelector: id?.selector, currentValue: q(c?.value), currentAverageValue: c?.averageValue };
  }
  return out;
}

function metricStatusV1ToV2(m: Json): Json {
  const out: Json = { type: m.type };
  const object = objAt(m, 'object');
  if (object) {
    out.object = {
      metric: { name: object.metricName ?? '', selector: object.selector },
      current: { value: q(object.currentValue), averageValue: object.averageValue },
      describedObject: ref(object.target),
    };
  }
  const pods = objAt(m, 'pods');
  if (pods) out.pods = { metric: { name: pods.metricName ?? '', selector: pods.selector }, current: { averageValue: q(pods.currentAverageValue) } };
  const resource = objAt(m, 'resource');
  if (resource) {
    out.resource = { name: resource.name, current: { averageValue: q(resource.currentAverageValue), averageUtilization: resource.currentAverageUtilization } };
  }
  const cr = objAt(m, 'containerResource');
  if (cr) {
    out.containerResource = { name: cr.name, container: cr.container, current: { averageValue: q(cr.currentAverageValue), averageUtilization: cr.currentAverageUtilization } };
  }
  const external = objAt(m, 'external');
  if (external) {
    out.external = {
      metric: { name: external.metricName ?? '', selector: external.metricSelector },
      current: { value: q(external.currentValue), averageValue: external.currentAverageValue },
    };
  }
  return out;
}

// ---- behavior (internal Go field names, as upstream marshals them) --------

function rulesToInternal(r: unknown): Json | null {
  if (!isObj(r)) return null;
  return {
    StabilizationWindowSeconds: r.stabilizationWindowSeconds ?? null,
    SelectPolicy: r.selectPolicy ?? null,
    Policies: Array.isArray(r.policies) ? r.policies.map((p) => (isObj(p) ? { Type: p.type ?? '', Value: p.value ?? 0, PeriodSeconds: p.periodSeconds ?? 0 } : {})) : null,
  };
}

function rulesFromInternal(r: unknown): Json | undefined {
  if (!isObj(r)) return undefined;
  const out: Json = {};
  if (r.StabilizationWindowSeconds !== null && r.StabilizationWindowSeconds !== undefined) out.stabilizationWindowSeconds = r.StabilizationWindowSeconds;
  if (r.SelectPolicy !== null && r.SelectPolicy !== undefined) out.selectPolicy = r.SelectPolicy;
  if (Array.isArray(r.Policies)) out.policies = r.Policies.map((p) => (isObj(p) ? { type: p.Type, value: p.Value, periodSeconds: p.PeriodSeconds } : {}));
  return out;
}

// ---- whole objects --------------------------------------------------------

function dropRoundTrip(annotations: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!annotations) return undefined;
  const out = { ...annotations };
  for (const k of ROUND_TRIP) delete out[k];
  return out;
}

function parseJson(s: string | undefined): unknown {
  if (s === undefined) return undefined;
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

const isCpuUtilization = (m: Json) => m.type === 'Resource' && objAt(m, 'resource')?.name === 'cpu';

/** Convert_autoscaling_HorizontalPodAutoscaler_To_v1_HorizontalPodAutoscaler, from a v2 object. */
export function hpaV2ToV1(v2: KubeObject): KubeObject {
  const spec = objAt(v2, 'spec') ?? {};
  const status = objAt(v2, 'status');
  const metadata = clone(v2.metadata);
  let annotations = dropRoundTrip(metadata.annotations);

  const metrics = (arrAt(spec, 'metrics') ?? []).filter(isObj);
  const other = metrics.filter((m) => !(isCpuUtilization(m) && objAt(objAt(m, 'resource'), 'target')?.averageUtilization != null));
  const currentMetrics = (arrAt(status, 'currentMetrics') ?? []).filter(isObj);
  const conditions = (arrAt(status, 'conditions') ?? []).filter(isObj);
  const put = (k: string, v: unknown) => {
    annotations = { ...(annotations ?? {}), [k]: JSON.stringify(v) };
  };
  if (other.length) put(METRIC_SPECS_ANNOTATION, other.map(metricSpecV2ToV1));
  if (currentMetrics.length) put(METRIC_STATUSES_ANNOTATION, currentMetrics.map(metricStatusV2ToV1));
  const behavior = objAt(spec, 'behavior');
  if (behavior) put(BEHAVIOR_ANNOTATION, { ScaleUp: rulesToInternal(behavior.scaleUp), ScaleDown: rulesToInternal(behavior.scaleDown) });
  if (conditions.length) {
    put(
      CONDITIONS_ANNOTATION,
      conditions.map((c) => ({ type: c.type, status: c.status, lastTransitionTime: c.lastTransitionTime ?? null, reason: c.reason, message: c.message })),
    );
  }
  if (annotations && Object.keys(annotations).length) metadata.annotations = annotations;
  else delete metadata.annotations;

  const v1Spec: Json = { scaleTargetRef: clone(spec.scaleTargetRef), minReplicas: spec.minReplicas, maxReplicas: spec.maxReplicas };
  const firstCpu = metrics.find(isCpuUtilization);
  const util = objAt(objAt(firstCpu, 'resource'), 'target')?.averageUtilization;
  if (typeof util === 'number') v1Spec.targetCPUUtilizationPercentage = util;

  const out: KubeObject = { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata, spec: v1Spec };
  if (status) {
    const v1Status: Json = {
      observedGeneration: status.observedGeneration,
      lastScaleTime: status.lastScaleTime,
      currentReplicas: status.currentReplicas ?? 0,
      desiredReplicas: status.desiredReplicas ?? 0,
    };
    for (const m of currentMetrics) {
      const cu = objAt(objAt(m, 'resource'), 'current')?.averageUtilization;
      if (isCpuUtilization(m) && typeof cu === 'number') v1Status.currentCPUUtilizationPercentage = cu;
    }
    out.status = v1Status;
  }
  return out;
}

/** Convert_v1_HorizontalPodAutoscaler_To_autoscaling_HorizontalPodAutoscaler, to a v2 object. */
export function hpaV1ToV2(v1: KubeObject): KubeObject {
  const spec = objAt(v1, 'spec') ?? {};
  const status = objAt(v1, 'status');
  const metadata = clone(v1.metadata);
  const ann = metadata.annotations ?? {};

  let metrics: Json[] = [];
  if (typeof spec.targetCPUUtilizationPercentage === 'number') {
    metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage } } }];
  }
  const other = parseJson(ann[METRIC_SPECS_ANNOTATION]);
  if (Array.isArray(other)) metrics = [...other.filter(isObj).map(metricSpecV1ToV2), ...metrics.slice(0, 1)];
  // v1 used to default to 80% CPU in the controller; v2 makes it explicit.
  if (!metrics.length) {
    metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } }];
  }
  const v2Spec: Json = { scaleTargetRef: clone(spec.scaleTargetRef), minReplicas: spec.minReplicas, maxReplicas: spec.maxReplicas, metrics };
  const behavior = parseJson(ann[BEHAVIOR_ANNOTATION]);
  if (isObj(behavior) && (isObj(behavior.ScaleUp) || isObj(behavior.ScaleDown))) {
    v2Spec.behavior = { scaleUp: rulesFromInternal(behavior.ScaleUp), scaleDown: rulesFromInternal(behavior.ScaleDown) };
  }

  const out: KubeObject = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata, spec: v2Spec };
  if (status) {
    const v2Status: Json = {
      observedGeneration: status.observedGeneration,
      lastScaleTime: status.lastScaleTime,
      currentReplicas: status.currentReplicas,
      desiredReplicas: status.desiredReplicas ?? 0,
    };
    const cpu = status.currentCPUUtilizationPercentage;
    let current: Json[] | undefined =
      typeof cpu === 'number' ? [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: cpu } } }] : undefined;
    const fromAnn = parseJson(ann[METRIC_STATUSES_ANNOTATION]);
    if (Array.isArray(fromAnn)) current = fromAnn.filter(isObj).map(metricStatusV1ToV2);
    v2Status.currentMetrics = current ?? null;
    const conds = parseJson(ann[CONDITIONS_ANNOTATION]);
    if (Array.isArray(conds)) v2Status.conditions = conds.filter(isObj).map((c) => ({ ...c }));
    out.status = v2Status;
  }
  const kept = dropRoundTrip(metadata.annotations);
  if (kept && Object.keys(kept).length) metadata.annotations = kept;
  else delete metadata.annotations;
  return out;
}
