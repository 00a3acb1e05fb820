/**
 * Job: SetDefaults_Job, ValidateJob / ValidateJobUpdate and
 * pkg/registry/batch/job/strategy.go (selector and label generation).
 */
import { invalid, path, required, type FieldError } from '../../validation/field';
import { jsonEqual, type KubeObject } from '../../object';
import type { ResourceType } from '../types';
import { immutable, FIELD_IMMUTABLE } from '../apps/helpers/checks';
import { goLabelSelector, goScalar, goStringMap, goStruct, invalidRendered } from '../apps/helpers/goFormat';
import { ensureObj, isObj, objAt, stringMap, type Json } from '../apps/helpers/json';
import { asSelector, validateLabelSelector } from '../apps/helpers/selector';
import { isDNS1123Label } from '../apps/helpers/names';
import { defaultJobSpec, validateJobSpec } from './jobSpec';

export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';
export const LEGACY_JOB_NAME_LABEL = 'job-name';

/**
 * Job labels default to the template's labels. Upstream shares one map
 * between them and re-defaults on every read, so the generated selector
 * labels show up on the Job too.
 */
function copyTemplateLabels(obj: KubeObject): void {
  const labels = stringMap(objAt(objAt(objAt(obj, 'spec'), 'template'), 'metadata')?.labels);
  if (labels && Object.keys(obj.metadata.labels ?? {}).length === 0) obj.metadata.labels = { ...labels };
}

export function defaultJob(obj: KubeObject): void {
  defaultJobSpec(ensureObj(obj, 'spec'));
  copyTemplateLabels(obj);
}

/** generateSelector: label the template and select on the uid unless the user chose manualSelector. */
export function generateSelector(obj: KubeObject): void {
  const spec = ensureObj(obj, 'spec');
  if (spec.manualSelector === true) return;
  const tmeta = ensureObj(ensureObj(spec, 'template'), 'metadata');
  const labels = (tmeta.labels = { ...(stringMap(tmeta.labels) ?? {}) });
  const name = obj.metadata.name ?? '';
  const uid = obj.metadata.uid ?? '';
  for (const k of [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL]) if (!(k in labels)) labels[k] = name;
  for (const k of [LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL]) if (!(k in labels)) labels[k] = uid;
  const selector = ensureObj(spec, 'selector');
  const ml = (selector.matchLabels = { ...(stringMap(selector.matchLabels) ?? {}) });
  if (!(CONTROLLER_UID_LABEL in ml)) ml[CONTROLLER_UID_LABEL] = uid;
}

/** ValidateHasLabel */
function hasLabel(labels: Record<string, string> | undefined, key: string, expected: string): FieldError[] {
  const at = path('spec', 'template', 'metadata').child('labels').key(key);
  if (!labels || !(key in labels)) return [required(at, `must be '${expected}'`)];
  return labels[key] === expected ? [] : [invalidRendered(at, goStringMap(labels), `must be '${expected}'`)];
}

/** validateGeneratedSelector */
function validateGeneratedSelector(obj: KubeObject, requirePrefixed: boolean): FieldError[] {
  const spec = objAt(obj, 'spec') ?? {};
  if (spec.manualSelector === true || !isObj(spec.selector)) return [];
  const errs: FieldError[] = [];
  const uid = obj.metadata.uid ?? '';
  const name = obj.metadata.name ?? '';
  if (!uid) errs.push(required(path('metadata', 'uid'), ''));
  const labels = stringMap(objAt(objAt(spec, 'template'), 'metadata')?.labels);
  errs.push(...hasLabel(labels, LEGACY_CONTROLLER_UID_LABEL, uid), ...hasLabel(labels, LEGACY_JOB_NAME_LABEL, name));
  const expected: Record<string, string> = {};
  if (requirePrefixed) {
    errs.push(...hasLabel(labels, CONTROLLER_UID_LABEL, uid), ...hasLabel(labels, JOB_NAME_LABEL, name));
    expected[CONTROLLER_UID_LABEL] = uid;
    expected[JOB_NAME_LABEL] = name;
  }
  expected[LEGACY_CONTROLLER_UID_LABEL] = uid;
  expected[LEGACY_JOB_NAME_LABEL] = name;
  const sel = asSelector(spec.selector);
  if (sel.ok && !sel.matches(expected)) errs.push(invalidRendered(path('spec', 'selector'), goLabelSelector(spec.selector), '`selector` not auto-generated'));
  return errs;
}

function validateJob(obj: KubeObject, requirePrefixed: boolean): FieldError[] {
  const spec = objAt(obj, 'spec') ?? {};
  const errs = [...validateGeneratedSelector(obj, requirePrefixed), ...validateJobSpec(spec, path('spec'))];
  if (!isObj(spec.selector)) errs.push(required(path('spec', 'selector'), ''));
  else errs.push(...validateLabelSelector(spec.selector, path('spec', 'selector')));
  const sel = asSelector(spec.selector);
  if (sel.ok) {
    const labels = stringMap(objAt(objAt(spec, 'template'), 'metadata')?.labels);
    if (!sel.matches(labels ?? {})) {
      errs.push(invalidRendered(path('spec', 'template', 'metadata', 'labels'), goStringMap(labels), '`selector` does not match template `labels`'));
    }
  }
  // Indexed pods get "<job>-<index>" hostnames, which must stay DNS labels.
  if (spec.completionMode === 'Indexed' && typeof spec.completions === 'number' && spec.completions > 0) {
    const name = obj.metadata.name ?? '';
    const longest = `${name}-${spec.completions - 1}`;
    if (isDNS1123Label(longest).length) {
      errs.push(invalid(path('metadata', 'name'), name, `will not able to create pod with invalid DNS label: ${longest}`));
    }
  }
  return errs;
}

/** Scheduling directives may change while a never-started Job is suspended (validatePodTemplateUpdate). */
function comparableTemplate(template: unknown, other: unknown, allowScheduling: boolean): unknown {
  if (!allowScheduling || !isObj(template) || !isObj(other)) return template;
  const t: Json = structuredClone(template);
  const spec = ensureObj(t, 'spec');
  const otherSpec = objAt(other, 'spec') ?? {};
  const meta = ensureObj(t, 'metadata');
  const otherMeta = objAt(other, 'metadata') ?? {};
  for (const k of ['nodeSelector', 'tolerations', 'schedulingGates']) spec[k] = otherSpec[k];
  meta.labels = otherMeta.labels;
  meta.annotations = otherMeta.annotations;
  const oldAff = objAt(spec, 'affinity');
  const newAff = objAt(otherSpec, 'affinity');
  if (!newAff && oldAff) {
    delete oldAff.nodeAffinity;
    if (Object.values(oldAff).every((v) => v === undefined)) delete spec.affinity;
  } else if (newAff && !oldAff) spec.affinity = { nodeAffinity: newAff.nodeAffinity };
  else if (newAff && oldAff) oldAff.nodeAffinity = newAff.nodeAffinity;
  return t;
}

function validateJobUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const spec = objAt(obj, 'spec') ?? {};
  const oldSpec = objAt(old, 'spec') ?? {};
  const errs: FieldError[] = [];
  const at = path('spec');
  // ElasticIndexedJob (GA in v1.31): Indexed Jobs may change completions together with parallelism.
  if (spec.completionMode === 'Indexed') {
    if (!jsonEqual(spec.completions, oldSpec.completions) && typeof spec.completions === 'number' && spec.completions !== spec.parallelism) {
      errs.push(invalid(at.child('completions'), spec.completions, 'can only be modified in tandem with spec.parallelism'));
    }
  } else errs.push(...immutable(spec.completions, oldSpec.completions, at.child('completions'), goScalar(spec.completions)));
  errs.push(...immutable(spec.selector, oldSpec.selector, at.child('selector'), goLabelSelector(spec.selector)));
  const oldStatus = objAt(old, 'status');
  const allowScheduling = oldSpec.suspend === true && !oldStatus?.startTime;
  const oldT = comparableTemplate(oldSpec.template, spec.template, allowScheduling);
  if (!jsonEqual(spec.template ?? null, oldT ?? null)) {
    errs.push(invalidRendered(at.child('template'), goStruct('core.PodTemplateSpec', spec.template), FIELD_IMMUTABLE));
  }
  for (const k of ['completionMode', 'podFailurePolicy', 'backoffLimitPerIndex', 'managedBy', 'successPolicy']) {
    const rendered = typeof spec[k] === 'object' && spec[k] !== null ? goStruct(`batch.${k[0].toUpperCase()}${k.slice(1)}`, spec[k]) : goScalar(spec[k]);
    errs.push(...immutable(spec[k], oldSpec[k], at.child(k), rendered));
  }
  return errs;
}

export const jobStrategy: Partial<ResourceType> = {
  defaults: (obj) => defaultJob(obj),
  prepareForCreate(obj) {
    generateSelector(obj);
    copyTemplateLabels(obj);
    obj.status = {};
  },
  prepareForUpdate(obj, old) {
    obj.status = old.status;
  },
  validate: (obj) => validateJob(obj, true),
  validateUpdate(obj, old) {
    // Jobs created before the prefixed labels existed are not required to have them.
    const oldLabels = stringMap(objAt(objAt(objAt(old, 'spec'), 'template'), 'metadata')?.labels) ?? {};
    const requirePrefixed = JOB_NAME_LABEL in oldLabels && CONTROLLER_UID_LABEL in oldLabels;
    return [...validateJob(obj, requirePrefixed), ...validateJobUpdate(obj, old)];
  },
};
