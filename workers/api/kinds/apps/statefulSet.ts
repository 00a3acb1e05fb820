/**
 * StatefulSet: SetDefaults_StatefulSet, ValidateStatefulSetSpec /
 * ValidateStatefulSetUpdate and pkg/registry/apps/statefulset/strategy.go.
 */
import { forbidden, invalid, path, required, type FieldError, type Path } from '../../validation/field';
import { clone, jsonEqual, type KubeObject } from '../../object';
import type { ResourceType } from '../types';
import { intOrPercentValue, nonNegative, notMoreThan100Percent, positiveIntOrPercent } from './helpers/checks';
import { goIntOrString, goLabelSelector, goQuote, goStringMap, invalidRendered, notSupportedRendered } from './helpers/goFormat';
import { arrAt, ensureObj, isObj, objAt, setDefault, stringMap, type Json } from './helpers/json';
import { asSelector, selectorIsEmpty, validateLabelSelector } from './helpers/selector';
import { isDNS1123Label, isDNS1123Subdomain } from './helpers/names';
import { defaultTemplate } from './helpers/podTemplate';
import { alwaysRestarting } from './podTemplateForReplicaSet';

export function defaultStatefulSet(obj: KubeObject): void {
  const spec = ensureObj(obj, 'spec');
  setDefault(spec, 'podManagementPolicy', 'OrderedReady');
  const us = ensureObj(spec, 'updateStrategy');
  if (us.type === undefined || us.type === null || us.type === '') {
    us.type = 'RollingUpdate';
    ensureObj(us, 'rollingUpdate');
  }
  const ru = objAt(us, 'rollingUpdate');
  if (us.type === 'RollingUpdate' && ru) setDefault(ru, 'partition', 0);
  // StatefulSetAutoDeletePVC is on in v1.32.
  const retention = ensureObj(spec, 'persistentVolumeClaimRetentionPolicy');
  if (!retention.whenDeleted) retention.whenDeleted = 'Retain';
  if (!retention.whenScaled) retention.whenScaled = 'Retain';
  setDefault(spec, 'replicas', 1);
  setDefault(spec, 'revisionHistoryLimit', 10);
  defaultTemplate(ensureObj(spec, 'template'));
  // The claim templates are full PVCs and get their own defaults (core/v1 SetDefaults_PersistentVolumeClaim).
  for (const pvc of arrAt(spec, 'volumeClaimTemplates') ?? []) {
    if (!isObj(pvc)) continue;
    setDefault(pvc, 'apiVersion', 'v1');
    setDefault(pvc, 'kind', 'PersistentVolumeClaim');
    setDefault(ensureObj(pvc, 'spec'), 'volumeMode', 'Filesystem');
    setDefault(ensureObj(pvc, 'status'), 'phase', 'Pending');
  }
}

function validateRollingUpdate(ru: Json, at: Path): FieldError[] {
  const errs = nonNegative(ru.partition ?? 0, at.child('partition'));
  const mu = ru.maxUnavailable;
  if (mu !== undefined && mu !== null) {
    const p = at.child('maxUnavailable');
    errs.push(...positiveIntOrPercent(mu, p));
    if (intOrPercentValue(mu) === 0) errs.push(invalidRendered(p, goIntOrString(mu), 'cannot be 0'));
    errs.push(...notMoreThan100Percent(mu, p));
  }
  return errs;
}

const RETENTION = ['Retain', 'Delete'];

export function validateStatefulSetSpec(spec: Json, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const pmp = spec.podManagementPolicy;
  if (pmp === undefined || pmp === '') errs.push(required(at.child('podManagementPolicy'), ''));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') errs.push(invalid(at.child('podManagementPolicy'), pmp, "must be 'OrderedReady' or 'Parallel'"));

  const us = objAt(spec, 'updateStrategy');
  const ru = objAt(us, 'rollingUpdate');
  switch (us?.type) {
    case undefined:
    case '':
      errs.push(required(at.child('updateStrategy'), ''));
      break;
    case 'OnDelete':
      if (ru) errs.push(invalidRendered(at.child('updateStrategy', 'rollingUpdate'), `apps.RollingUpdateStatefulSetStrategy{Partition:${typeof ru.partition === 'number' ? ru.partition : 0}, MaxUnavailable:(*intstr.IntOrString)(nil)}`, "only allowed for updateStrategy 'RollingUpdate'"));
      break;
    case 'RollingUpdate':
      if (ru) errs.push(...validateRollingUpdate(ru, at.child('updateStrategy', 'rollingUpdate')));
      break;
    default:
      errs.push(invalidRendered(at.child('updateStrategy'), `apps.StatefulSetUpdateStrategy{Type:${goQuote(String(us?.type))}, RollingUpdate:${ru ? '(*apps.RollingUpdateStatefulSetStrategy)(0xc000000000)' : '(*apps.RollingUpdateStatefulSetStrategy)(nil)'}}`, "must be 'RollingUpdate' or 'OnDelete'"));
  }

  const retention = objAt(spec, 'persistentVolumeClaimRetentionPolicy');
  if (retention) {
    for (const k of ['whenDeleted', 'whenScaled']) {
      const v = retention[k];
      if (!RETENTION.includes(v as string)) errs.push(notSupportedRendered(at.child('persistentVolumeClaimRetentionPolicy', k), goQuote(typeof v === 'string' ? v : ''), RETENTION));
    }
  }
  errs.push(...nonNegative(spec.replicas, at.child('replicas')));
  errs.push(...nonNegative(spec.minReadySeconds, at.child('minReadySeconds')));
  const ordinals = objAt(spec, 'ordinals');
  if (ordinals) errs.push(...nonNegative(ordinals.start, at.child('ordinals.start')));

  const selector = spec.selector;
  if (!isObj(selector)) errs.push(required(at.child('selector'), ''));
  else {
    errs.push(...validateLabelSelector(selector, at.child('selector')));
    if (selectorIsEmpty(selector)) errs.push(invalidRendered(at.child('selector'), goLabelSelector(selector), 'empty selector is invalid for statefulset'));
  }
  const sel = asSelector(selector);
  if (!sel.ok) errs.push(invalidRendered(at.child('selector'), goLabelSelector(selector), ''));
  else if (!sel.empty) {
    // ValidatePodTemplateSpecForStatefulSet checks labels only; upstream leaves the pod spec unvalidated here.
    const labels = stringMap(objAt(objAt(spec.template, 'metadata'), 'labels'));
    if (!sel.matches(labels ?? {})) {
      errs.push(invalidRendered(at.child('template', 'metadata', 'labels'), goStringMap(labels), '`selector` does not match template `labels`'));
    }
  }
  const rp = objAt(objAt(spec, 'template'), 'spec')?.restartPolicy;
  if (rp !== 'Always') errs.push(notSupportedRendered(at.child('template', 'spec', 'restartPolicy'), goQuote(typeof rp === 'string' ? rp : ''), ['Always']));
  errs.push(...alwaysRestarting(spec.template, at.child('template'), 'StatefulSet').filter((e) => e.type === 'FieldValueForbidden'));
  return errs;
}

/** Only these spec fields may change after creation (ValidateStatefulSetUpdate). */
const MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

export function validateStatefulSetUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const next = clone(objAt(obj, 'spec') ?? {});
  const prev = objAt(old, 'spec') ?? {};
  for (const k of MUTABLE) {
    if (prev[k] === undefined) delete next[k];
    else next[k] = prev[k];
  }
  if (jsonEqual(next, prev)) return [];
  return [
    forbidden(
      path('spec'),
      "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ),
  ];
}

/** StatefulSet names become pod hostnames, so they must be DNS labels (ValidateStatefulSetName). */
function validateName(obj: KubeObject): FieldError[] {
  const name = obj.metadata.name;
  if (!name || isDNS1123Subdomain(name).length) return []; // the generic metadata check already reports it
  return isDNS1123Label(name).map((m) => invalid(path('metadata', 'name'), name, m));
}

export const statefulSetStrategy: Partial<ResourceType> = {
  defaults: (obj) => defaultStatefulSet(obj),
  prepareForCreate(obj) {
    obj.status = { replicas: 0, availableReplicas: 0 };
  },
  prepareForUpdate(obj, old) {
    obj.status = old.status;
  },
  validate: (obj) => [...validateName(obj), ...validateStatefulSetSpec(objAt(obj, 'spec') ?? {}, path('spec'))],
  validateUpdate: (obj, old) => [...validateName(obj), ...validateStatefulSetSpec(objAt(obj, 'spec') ?? {}, path('spec')), ...validateStatefulSetUpdate(obj, old)],
};
