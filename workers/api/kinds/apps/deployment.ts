/**
 * Deployment: defaults (pkg/apis/apps/v1/defaults.go SetDefaults_Deployment),
 * validation (pkg/apis/apps/validation ValidateDeploymentSpec) and strategy
 * (pkg/registry/apps/deployment/strategy.go).
 */
import { forbidden, invalid, path, required, type FieldError, type Path } from '../../validation/field';
import { jsonEqual, type KubeObject } from '../../object';
import type { ResourceType } from '../types';
import { intOrPercentValue, nonNegative, notMoreThan100Percent, positiveIntOrPercent, immutable } from './helpers/checks';
import { goIntOrString, goLabelSelector, goQuote, invalidRendered, notSupportedRendered } from './helpers/goFormat';
import { ensureObj, objAt, setDefault, type Json } from './helpers/json';
import { defaultTemplate } from './helpers/podTemplate';
import { validateTemplateForReplicaSet, validateWorkloadSelector } from './podTemplateForReplicaSet';

export function defaultDeployment(obj: KubeObject): void {
  const spec = ensureObj(obj, 'spec');
  setDefault(spec, 'replicas', 1);
  const strategy = ensureObj(spec, 'strategy');
  setDefault(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const ru = ensureObj(strategy, 'rollingUpdate');
    setDefault(ru, 'maxUnavailable', '25%');
    setDefault(ru, 'maxSurge', '25%');
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  setDefault(spec, 'progressDeadlineSeconds', 600);
  defaultTemplate(ensureObj(spec, 'template'));
}

function validateRollingUpdate(ru: Json, at: Path): FieldError[] {
  const errs = [...positiveIntOrPercent(ru.maxUnavailable ?? 0, at.child('maxUnavailable')), ...positiveIntOrPercent(ru.maxSurge ?? 0, at.child('maxSurge'))];
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    errs.push(invalidRendered(at.child('maxUnavailable'), goIntOrString(ru.maxUnavailable ?? 0), 'may not be 0 when `maxSurge` is 0'));
  }
  errs.push(...notMoreThan100Percent(ru.maxUnavailable, at.child('maxUnavailable')));
  return errs;
}

function validateStrategy(strategy: Json | undefined, at: Path): FieldError[] {
  const type = strategy?.type;
  const ru = objAt(strategy, 'rollingUpdate');
  if (type === 'Recreate') return ru ? [forbidden(at.child('rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")] : [];
  if (type === 'RollingUpdate') {
    return ru ? validateRollingUpdate(ru, at.child('rollingUpdate')) : [required(at.child('rollingUpdate'), 'this should be defaulted and never be nil')];
  }
  const ruText = ru ? '(*apps.RollingUpdateDeployment)(0xc000000000)' : '(*apps.RollingUpdateDeployment)(nil)';
  const rendered = `apps.DeploymentStrategy{Type:${goQuote(typeof type === 'string' ? type : '')}, RollingUpdate:${ruText}}`;
  return [notSupportedRendered(at, rendered, ['Recreate', 'RollingUpdate'])];
}

export function validateDeploymentSpec(spec: Json, at: Path): FieldError[] {
  const errs = nonNegative(spec.replicas, at.child('replicas'));
  const { errs: selErrs, sel } = validateWorkloadSelector(spec, at, 'deployment', 'invalid label selector');
  errs.push(...selErrs, ...validateTemplateForReplicaSet(sel, spec.template, at.child('template')));
  errs.push(...validateStrategy(objAt(spec, 'strategy'), at.child('strategy')));
  errs.push(...nonNegative(spec.minReadySeconds, at.child('minReadySeconds')));
  errs.push(...nonNegative(spec.revisionHistoryLimit, at.child('revisionHistoryLimit')));
  const pds = spec.progressDeadlineSeconds;
  if (typeof pds === 'number') {
    errs.push(...nonNegative(pds, at.child('progressDeadlineSeconds')));
    const mrs = typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0;
    if (pds <= mrs) errs.push(invalid(at.child('progressDeadlineSeconds'), pds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

export const deploymentStrategy: Partial<ResourceType> = {
  defaults: (obj) => defaultDeployment(obj),
  prepareForCreate(obj) {
    obj.status = {};
  },
  prepareForUpdate(obj, old) {
    obj.status = old.status;
    // Annotations are copied to ReplicaSets, so changing them is a new generation too.
    if (!jsonEqual(obj.metadata.annotations ?? {}, old.metadata.annotations ?? {})) {
      obj.metadata.generation = (old.metadata.generation ?? 0) + 1;
    }
  },
  validate: (obj) => validateDeploymentSpec(objAt(obj, 'spec') ?? {}, path('spec')),
  validateUpdate(obj, old) {
    const spec = objAt(obj, 'spec') ?? {};
    const errs = validateDeploymentSpec(spec, path('spec'));
    const oldSel = objAt(old, 'spec')?.selector;
    errs.push(...immutable(spec.selector, oldSel, path('spec', 'selector'), goLabelSelector(spec.selector)));
    return errs;
  },
};
