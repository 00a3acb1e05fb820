/**
 * HorizontalPodAutoscaler (autoscaling/v2): defaults
 * (pkg/apis/autoscaling/v2/defaults.go), validation
 * (pkg/apis/autoscaling/validation) and
 * pkg/registry/autoscaling/horizontalpodautoscaler/strategy.go.
 */
import { forbidden, invalid, notSupported, path, required, type FieldError, type Path } from '../../validation/field';
import type { KubeObject } from '../../object';
import type { ResourceType } from '../types';
import { pathSegmentNameErrors } from '../apps/helpers/checks';
import { goScalar, invalidRendered, notSupportedRendered, goQuote } from '../apps/helpers/goFormat';
import { arrAt, ensureObj, isObj, objAt, type Json } from '../apps/helpers/json';
import { isDNS1123Label } from '../apps/helpers/names';
import { DEFAULT_CPU_UTILIZATION } from './convert';

const MAX_PERIOD_SECONDS = 1800;
const MAX_STABILIZATION_WINDOW_SECONDS = 3600;
// HPAScaleToZero is alpha (off) in v1.32.
const MIN_REPLICAS_LOWER_BOUND = 1;

const scaleUpDefaults = (): Json => ({
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
});
const scaleDownDefaults = (): Json => ({ selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] });

/** copyHPAScalingRules: user-set fields win over the defaults. */
function withDefaults(rules: unknown, defaults: Json): Json {
  if (!isObj(rules)) return defaults;
  for (const k of ['selectPolicy', 'stabilizationWindowSeconds', 'policies']) if (rules[k] !== undefined && rules[k] !== null) defaults[k] = rules[k];
  return defaults;
}

export function defaultHPA(obj: KubeObject): void {
  const spec = ensureObj(obj, 'spec');
  if (spec.minReplicas === undefined || spec.minReplicas === null) spec.minReplicas = 1;
  const metrics = arrAt(spec, 'metrics');
  if (!metrics || !metrics.length) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } }];
  }
  const behavior = objAt(spec, 'behavior');
  if (behavior) {
    behavior.scaleUp = withDefaults(behavior.scaleUp, scaleUpDefaults());
    behavior.scaleDown = withDefaults(behavior.scaleDown, scaleDownDefaults());
  }
}

function crossVersionRef(ref: unknown, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const r = isObj(ref) ? ref : {};
  for (const k of ['kind', 'name']) {
    const v = typeof r[k] === 'string' ? (r[k] as string) : '';
    if (!v) errs.push(required(at.child(k), ''));
    else for (const m of pathSegmentNameErrors(v)) errs.push(invalid(at.child(k), v, m));
  }
  return errs;
}

const positive = (v: unknown) => typeof v === 'number' ? v > 0 : typeof v === 'string' && Number.parseFloat(v) > 0;
const quantity = (v: unknown) => `resource.Quantity{${goQuote(String(v))}}`;

function metricTarget(t: Json | undefined, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const type = t?.type;
  if (!type) errs.push(required(at.child('type'), 'must specify a metric target type'));
  if (type !== 'Utilization' && type !== 'Value' && type !== 'AverageValue') {
    errs.push(invalid(at.child('type'), typeof type === 'string' ? type : '', 'must be either Utilization, Value, or AverageValue'));
  }
  if (t?.value != null && !positive(t.value)) errs.push(invalidRendered(at.child('value'), quantity(t.value), 'must be positive'));
  if (t?.averageValue != null && !positive(t.averageValue)) errs.push(invalidRendered(at.child('averageValue'), quantity(t.averageValue), 'must be positive'));
  if (typeof t?.averageUtilization === 'number' && t.averageUtilization < 1) errs.push(invalid(at.child('averageUtilization'), t.averageUtilization, 'must be greater than 0'));
  return errs;
}

function metricIdentifier(id: Json | undefined, at: Path): FieldError[] {
  const name = typeof id?.name === 'string' ? id.name : '';
  if (!name) return [required(at.child('name'), 'must specify a metric name')];
  return pathSegmentNameErrors(name).map((m) => invalid(at.child('name'), name, m));
}

const SOURCE_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
const SOURCE_FIELD: Record<string, string> = { Object: 'object', Pods: 'pods', Resource: 'resource', ContainerResource: 'containerResource', External: 'external' };

function validateSource(kind: string, src: Json, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const t = objAt(src, 'target');
  const tp = at.child('target');
  if (kind === 'object' || kind === 'external' || kind === 'pods') {
    if (kind === 'object') errs.push(...crossVersionRef(src.describedObject, at.child('describedObject')));
    errs.push(...metricIdentifier(objAt(src, 'metric'), at.child('metric')), ...metricTarget(t, tp));
    if (kind === 'object' && t?.value == null && t?.averageValue == null) errs.push(required(tp.child('averageValue'), 'must set either a target value or averageValue'));
    if (kind === 'external') {
      if (t?.value == null && t?.averageValue == null) errs.push(required(tp.child('averageValue'), 'must set either a target value for metric or a per-pod target'));
      if (t?.value != null && t?.averageValue != null) errs.push(forbidden(tp.child('value'), 'may not set both a target value for metric and a per-pod target'));
    }
    if (kind === 'pods' && t?.averageValue == null) errs.push(required(tp.child('averageValue'), 'must specify a positive target averageValue'));
    return errs;
  }
  if (!src.name) errs.push(required(at.child('name'), 'must specify a resource name'));
  if (kind === 'containerResource') {
    const c = typeof src.container === 'string' ? src.container : '';
    if (!c) errs.push(required(at.child('container'), 'must specify a container'));
    else for (const m of isDNS1123Label(c)) errs.push(invalid(at.child('container'), c, m));
  }
  errs.push(...metricTarget(t, tp));
  if (t?.averageUtilization == null && t?.averageValue == null) errs.push(required(tp.child('averageUtilization'), 'must set either a target raw value or a target utilization'));
  if (t?.averageUtilization != null && t?.averageValue != null) errs.push(forbidden(tp.child('averageValue'), 'may not set both a target raw value and a target utilization'));
  return errs;
}

function validateMetricSpec(m: Json, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const type = typeof m.type === 'string' ? m.type : '';
  if (!type) errs.push(required(at.child('type'), 'must specify a metric source type'));
  if (!SOURCE_TYPES.includes(type)) errs.push(notSupported(at.child('type'), type, SOURCE_TYPES));
  const present: string[] = [];
  for (const f of ['object', 'external', 'pods', 'resource', 'containerResource']) {
    const src = objAt(m, f);
    if (!src) continue;
    present.push(f);
    if (present.length === 1) errs.push(...validateSource(f, src, at.child(f)));
  }
  const expected = SOURCE_FIELD[type];
  if (expected) {
    if (!objAt(m, expected)) errs.push(required(at.child(expected), 'must populate information for the given metric source'));
  } else errs.push(notSupported(at.child('type'), type, SOURCE_TYPES));
  if (present.length !== 1) for (const f of present.filter((f) => f !== expected)) errs.push(forbidden(at.child(f), 'must populate the given metric source only'));
  return errs;
}

const SELECT_POLICIES = ['Disabled', 'Max', 'Min'];
const POLICY_TYPES = ['Percent', 'Pods'];

function validateScalingRules(rules: unknown, at: Path): FieldError[] {
  if (!isObj(rules)) return [];
  const errs: FieldError[] = [];
  const sws = rules.stabilizationWindowSeconds;
  if (typeof sws === 'number' && sws < 0) errs.push(invalid(at.child('stabilizationWindowSeconds'), sws, 'must be greater than or equal to zero'));
  if (typeof sws === 'number' && sws > MAX_STABILIZATION_WINDOW_SECONDS) {
    errs.push(invalid(at.child('stabilizationWindowSeconds'), sws, `must be less than or equal to ${MAX_STABILIZATION_WINDOW_SECONDS}`));
  }
  if (rules.selectPolicy != null && !SELECT_POLICIES.includes(rules.selectPolicy as string)) {
    errs.push(notSupportedRendered(at.child('selectPolicy'), goScalar(rules.selectPolicy), SELECT_POLICIES));
  }
  const policies = arrAt(rules, 'policies') ?? [];
  const pp = at.child('policies');
  if (!policies.length) errs.push(required(pp, 'must specify at least one Policy'));
  policies.forEach((raw, i) => {
    const p = isObj(raw) ? raw : {};
    const ip = pp.index(i);
    if (p.type !== 'Pods' && p.type !== 'Percent') errs.push(notSupported(ip.child('type'), typeof p.type === 'string' ? p.type : '', POLICY_TYPES));
    const value = typeof p.value === 'number' ? p.value : 0;
    const period = typeof p.periodSeconds === 'number' ? p.periodSeconds : 0;
    if (value <= 0) errs.push(invalid(ip.child('value'), value, 'must be greater than zero'));
    if (period <= 0) errs.push(invalid(ip.child('periodSeconds'), period, 'must be greater than zero'));
    if (period > MAX_PERIOD_SECONDS) errs.push(invalid(ip.child('periodSeconds'), period, `must be less than or equal to ${MAX_PERIOD_SECONDS}`));
  });
  return errs;
}

export function validateHPASpec(spec: Json, at: Path, lowerBound = MIN_REPLICAS_LOWER_BOUND): FieldError[] {
  const errs: FieldError[] = [];
  const min = spec.minReplicas;
  const max = typeof spec.maxReplicas === 'number' ? spec.maxReplicas : 0;
  if (typeof min === 'number' && min < lowerBound) errs.push(invalid(at.child('minReplicas'), min, `must be greater than or equal to ${lowerBound}`));
  if (max < 1) errs.push(invalid(at.child('maxReplicas'), max, 'must be greater than 0'));
  if (typeof min === 'number' && max < min) errs.push(invalid(at.child('maxReplicas'), max, 'must be greater than or equal to `minReplicas`'));
  errs.push(...crossVersionRef(spec.scaleTargetRef, at.child('scaleTargetRef')));
  const metrics = arrAt(spec, 'metrics') ?? [];
  metrics.forEach((m, i) => errs.push(...validateMetricSpec(isObj(m) ? m : {}, at.child('metrics').index(i))));
  if (min === 0 && !metrics.some((m) => isObj(m) && (m.type === 'Object' || m.type === 'External'))) {
    errs.push(forbidden(at.child('metrics'), 'must specify at least one Object or External metric to support scaling to zero replicas'));
  }
  const behavior = objAt(spec, 'behavior');
  if (behavior) {
    errs.push(...validateScalingRules(behavior.scaleUp, at.child('behavior', 'scaleUp')));
    errs.push(...validateScalingRules(behavior.scaleDown, at.child('behavior', 'scaleDown')));
  }
  return errs;
}

export const hpaStrategy: Partial<ResourceType> = {
  defaults: (obj) => defaultHPA(obj),
  prepareForCreate(obj) {
    obj.status = { currentMetrics: null, desiredReplicas: 0 };
  },
  prepareForUpdate(obj, old) {
    obj.status = old.status;
  },
  validate: (obj) => validateHPASpec(objAt(obj, 'spec') ?? {}, path('spec')),
  validateUpdate(obj, old) {
    // An HPA already at minReplicas 0 (made while the gate was on) may keep it.
    const lower = objAt(old, 'spec')?.minReplicas === 0 ? 0 : MIN_REPLICAS_LOWER_BOUND;
    return validateHPASpec(objAt(obj, 'spec') ?? {}, path('spec'), lower);
  },
};
