/**
 * DaemonSet: SetDefaults_DaemonSet, ValidateDaemonSetSpec and
 * pkg/registry/apps/daemonset/strategy.go. apps/v1 keeps the internal
 * templateGeneration in the deprecated.daemonset.template.generation
 * annotation (pkg/apis/apps/v1/conversion.go).
 */
import { path, required, type FieldError, type Path } from '../../validation/field';
import { jsonEqual, type KubeObject } from '../../object';
import type { ResourceType } from '../types';
import { immutable, intOrPercentValue, nonNegative, notMoreThan100Percent, positiveIntOrPercent } from './helpers/checks';
import { goIntOrString, goLabelSelector, goQuote, invalidRendered, notSupportedRendered } from './helpers/goFormat';
import { ensureObj, isObj, objAt, setDefault, type Json } from './helpers/json';
import { asSelector, validateLabelSelector, selectorIsEmpty } from './helpers/selector';
import { defaultTemplate, validateTemplate } from './helpers/podTemplate';
import { alwaysRestarting, selectorMatchesTemplate } from './podTemplateForReplicaSet';

export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

export function defaultDaemonSet(obj: KubeObject): void {
  const spec = ensureObj(obj, 'spec');
  const us = ensureObj(spec, 'updateStrategy');
  setDefault(us, 'type', 'RollingUpdate');
  if (us.type === 'RollingUpdate') {
    const ru = ensureObj(us, 'rollingUpdate');
    setDefault(ru, 'maxUnavailable', 1);
    setDefault(ru, 'maxSurge', 0);
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  defaultTemplate(ensureObj(spec, 'template'));
}

function validateRollingUpdate(ru: Json, at: Path): FieldError[] {
  const mu = ru.maxUnavailable ?? 0;
  const ms = ru.maxSurge ?? 0;
  const errs = [
    ...positiveIntOrPercent(mu, at.child('maxUnavailable')),
    ...positiveIntOrPercent(ms, at.child('maxSurge')),
    ...notMoreThan100Percent(mu, at.child('maxUnavailable')),
    ...notMoreThan100Percent(ms, at.child('maxSurge')),
  ];
  const hasUnavailable = intOrPercentValue(mu) !== 0;
  const hasSurge = intOrPercentValue(ms) !== 0;
  if (hasUnavailable && hasSurge) errs.push(invalidRendered(at.child('maxSurge'), goIntOrString(ms), 'may not be set when maxUnavailable is non-zero'));
  if (!hasUnavailable && !hasSurge) errs.push(required(at.child('maxUnavailable'), 'cannot be 0 when maxSurge is 0'));
  return errs;
}

function validateUpdateStrategy(us: Json | undefined, at: Path): FieldError[] {
  const type = us?.type;
  if (type === 'OnDelete') return [];
  if (type === 'RollingUpdate') {
    const ru = objAt(us, 'rollingUpdate');
    return ru ? validateRollingUpdate(ru, at.child('rollingUpdate')) : [required(at.child('rollingUpdate'), '')];
  }
  const ruText = objAt(us, 'rollingUpdate') ? '(*apps.RollingUpdateDaemonSet)(0xc000000000)' : '(*apps.RollingUpdateDaemonSet)(nil)';
  const rendered = `apps.DaemonSetUpdateStrategy{Type:${goQuote(typeof type === 'string' ? type : '')}, RollingUpdate:${ruText}}`;
  return [notSupportedRendered(at, rendered, ['RollingUpdate', 'OnDelete'])];
}

export function validateDaemonSetSpec(spec: Json, at: Path): FieldError[] {
  const errs = validateLabelSelector(spec.selector, at.child('selector'));
  const sel = asSelector(spec.selector);
  // An absent selector selects nothing, so it never matches the template.
  errs.push(...selectorMatchesTemplate(sel, spec.template, at.child('template')));
  if (isObj(spec.selector) && selectorIsEmpty(spec.selector)) {
    errs.push(invalidRendered(at.child('selector'), goLabelSelector(spec.selector), 'empty selector is invalid for daemonset'));
  }
  errs.push(...validateTemplate(spec.template, at.child('template')));
  errs.push(...alwaysRestarting(spec.template, at.child('template'), 'DaemonSet'));
  errs.push(...nonNegative(spec.minReadySeconds, at.child('minReadySeconds')));
  errs.push(...validateUpdateStrategy(objAt(spec, 'updateStrategy'), at.child('updateStrategy')));
  errs.push(...nonNegative(spec.revisionHistoryLimit, at.child('revisionHistoryLimit')));
  return errs;
}

function templateGeneration(obj: KubeObject): number {
  const v = obj.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  const n = v === undefined ? 0 : Number.parseInt(v, 10);
  return Number.isNaN(n) ? 0 : n;
}

function setTemplateGeneration(obj: KubeObject, n: number): void {
  obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [TEMPLATE_GENERATION_ANNOTATION]: String(n) };
}

export const daemonSetStrategy: Partial<ResourceType> = {
  defaults: (obj) => defaultDaemonSet(obj),
  prepareForCreate(obj) {
    obj.status = { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
    if (templateGeneration(obj) < 1) setTemplateGeneration(obj, 1);
  },
  prepareForUpdate(obj, old) {
    obj.status = old.status;
    const oldGen = templateGeneration(old);
    const changed = !jsonEqual(objAt(obj, 'spec')?.template, objAt(old, 'spec')?.template);
    setTemplateGeneration(obj, changed ? oldGen + 1 : oldGen);
  },
  validate: (obj) => validateDaemonSetSpec(objAt(obj, 'spec') ?? {}, path('spec')),
  validateUpdate(obj, old) {
    const spec = objAt(obj, 'spec') ?? {};
    return [
      ...validateDaemonSetSpec(spec, path('spec')),
      ...immutable(spec.selector, objAt(old, 'spec')?.selector, path('spec', 'selector'), goLabelSelector(spec.selector)),
    ];
  },
};
