/**
 * JobSpec defaulting and validation shared by Job and CronJob's jobTemplate.
 * Mirrors pkg/apis/batch/v1/defaults.go and validateJobSpec in
 * pkg/apis/batch/validation/validation.go.
 */
import { duplicate, invalid, notSupported, required, tooMany, type FieldError, type Path } from '../../validation/field';
import { nonNegative } from '../apps/helpers/checks';
import { goQuote, goStruct, invalidRendered, notSupportedRendered } from '../apps/helpers/goFormat';
import { arrAt, ensureObj, isObj, objAt, setDefault, type Json } from '../apps/helpers/json';
import { defaultTemplate, validateTemplate } from '../apps/helpers/podTemplate';

const MAX_INT32 = 2147483647;
const MAX_PARALLELISM_INDEXED = 100000;
const MAX_FAILED_INDEXES = 100000;
const MAX_POD_FAILURE_POLICY_RULES = 20;
const MAX_ON_EXIT_CODES_VALUES = 255;
const MAX_ON_POD_CONDITIONS = 20;
const MAX_MANAGED_BY_LENGTH = 63;
const MAX_SUCCESS_POLICY_RULES = 20;

const FAILURE_ACTIONS = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
const EXIT_CODE_OPERATORS = ['In', 'NotIn'];
const CONDITION_STATUSES = ['False', 'True', 'Unknown'];
const REPLACEMENT_POLICIES = ['Failed', 'TerminatingOrFailed'];

/** Pod-failure-policy condition patterns default to status True (SetDefaults_PodFailurePolicyOnPodConditionsPattern). */
function defaultPodFailurePolicy(spec: Json): void {
  for (const rule of arrAt(objAt(spec, 'podFailurePolicy'), 'rules') ?? []) {
    for (const pat of arrAt(rule, 'onPodConditions') ?? []) if (isObj(pat)) setDefault(pat, 'status', 'True');
  }
}

/** SetDefaults_Job's spec part (the labels copy lives with the Job). */
export function defaultJobSpec(spec: Json): void {
  if ((spec.completions ?? null) === null && (spec.parallelism ?? null) === null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setDefault(spec, 'parallelism', 1);
  setDefault(spec, 'backoffLimit', spec.backoffLimitPerIndex !== undefined && spec.backoffLimitPerIndex !== null ? MAX_INT32 : 6);
  setDefault(spec, 'completionMode', 'NonIndexed');
  setDefault(spec, 'suspend', false);
  // JobPodReplacementPolicy is beta and on in v1.32.
  setDefault(spec, 'podReplacementPolicy', isObj(spec.podFailurePolicy) ? 'Failed' : 'TerminatingOrFailed');
  setDefault(spec, 'manualSelector', false);
  defaultPodFailurePolicy(spec);
  defaultTemplate(ensureObj(spec, 'template'));
}

/** Pod template defaults and pattern defaults only: a CronJob's jobTemplate gets no SetDefaults_Job. */
export function defaultJobTemplateSpec(spec: Json): void {
  defaultPodFailurePolicy(spec);
  defaultTemplate(ensureObj(spec, 'template'));
}

const present = (v: unknown) => v !== undefined && v !== null;

function validatePodFailurePolicy(spec: Json, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const rules = arrAt(objAt(spec, 'podFailurePolicy'), 'rules') ?? [];
  const rulesPath = at.child('rules');
  if (rules.length > MAX_POD_FAILURE_POLICY_RULES) errs.push(tooMany(rulesPath, rules.length, MAX_POD_FAILURE_POLICY_RULES));
  const podSpec = objAt(objAt(spec, 'template'), 'spec');
  const names = new Set<string>();
  for (const k of ['containers', 'initContainers']) for (const c of arrAt(podSpec, k) ?? []) if (isObj(c) && typeof c.name === 'string') names.add(c.name);
  rules.forEach((raw, i) => {
    const rule = isObj(raw) ? raw : {};
    const rp = rulesPath.index(i);
    const action = rule.action;
    if (!action) errs.push(required(rp.child('action'), `valid values: [${FAILURE_ACTIONS.map((a) => goQuote(a)).join(' ')}]`));
    else if (action === 'FailIndex') {
      if (!present(spec.backoffLimitPerIndex)) errs.push(invalid(rp.child('action'), action, 'requires the backoffLimitPerIndex to be set'));
    } else if (!FAILURE_ACTIONS.includes(action as string)) errs.push(notSupported(rp.child('action'), action, FAILURE_ACTIONS));
    const onExit = objAt(rule, 'onExitCodes');
    const onConds = arrAt(rule, 'onPodConditions') ?? [];
    if (onExit) {
      const p = rp.child('onExitCodes');
      const op = onExit.operator;
      if (!op) errs.push(required(p.child('operator'), `valid values: [${EXIT_CODE_OPERATORS.map((a) => goQuote(a)).join(' ')}]`));
      else if (!EXIT_CODE_OPERATORS.includes(op as string)) errs.push(notSupported(p.child('operator'), op, EXIT_CODE_OPERATORS));
      if (typeof onExit.containerName === 'string' && !names.has(onExit.containerName)) {
        errs.push(invalid(p.child('containerName'), onExit.containerName, 'must be one of the container or initContainer names in the pod template'));
      }
      const values = (arrAt(onExit, 'values') ?? []).filter((v): v is number => typeof v === 'number');
      const vp = p.child('values');
      if (!values.length) errs.push(invalidRendered(vp, '[]int32(nil)', 'at least one value is required'));
      else if (values.length > MAX_ON_EXIT_CODES_VALUES) errs.push(tooMany(vp, values.length, MAX_ON_EXIT_CODES_VALUES));
      const seen = new Set<number>();
      let ordered = true;
      values.forEach((v, j) => {
        if (op === 'In' && v === 0) errs.push(invalid(vp.index(j), v, 'must not be 0 for the In operator'));
        if (seen.has(v)) errs.push(duplicate(vp.index(j), v));
        else seen.add(v);
        if (j > 0 && values[j - 1] > v) ordered = false;
      });
      if (!ordered) errs.push(invalidRendered(vp, `[]int32{${values.join(', ')}}`, 'must be ordered'));
    }
    if (onConds.length) {
      const p = rp.child('onPodConditions');
      if (onConds.length > MAX_ON_POD_CONDITIONS) errs.push(tooMany(p, onConds.length, MAX_ON_POD_CONDITIONS));
      onConds.forEach((c, j) => {
        const st = isObj(c) ? c.status : undefined;
        if (!st) errs.push(required(p.index(j).child('status'), `valid values: [${CONDITION_STATUSES.map((a) => goQuote(a)).join(' ')}]`));
        else if (!CONDITION_STATUSES.includes(st as string)) errs.push(notSupported(p.index(j).child('status'), st, CONDITION_STATUSES));
      });
    }
    // OmitValueType: these render without a value.
    if (onExit && onConds.length) errs.push({ type: 'FieldValueInvalid', field: rp.toString(), detail: 'specifying both OnExitCodes and OnPodConditions is not supported' });
    if (!onExit && !onConds.length) errs.push({ type: 'FieldValueInvalid', field: rp.toString(), detail: 'specifying one of OnExitCodes and OnPodConditions is required' });
  });
  return errs;
}

function validateSuccessPolicy(spec: Json, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const rules = arrAt(objAt(spec, 'successPolicy'), 'rules') ?? [];
  const rp = at.child('rules');
  if (!rules.length) errs.push(required(rp, 'at least one rules must be specified when the successPolicy is specified'));
  if (rules.length > MAX_SUCCESS_POLICY_RULES) errs.push(tooMany(rp, rules.length, MAX_SUCCESS_POLICY_RULES));
  const completions = typeof spec.completions === 'number' ? spec.completions : 0;
  rules.forEach((raw, i) => {
    const rule = isObj(raw) ? raw : {};
    if (!present(rule.succeededCount) && !present(rule.succeededIndexes)) {
      errs.push(required(rp.index(i), 'at least one of succeededCount or succeededIndexes must be specified'));
    }
    if (typeof rule.succeededCount === 'number') {
      const p = rp.index(i).child('succeededCount');
      errs.push(...nonNegative(rule.succeededCount, p));
      if (rule.succeededCount > completions) {
        errs.push(invalid(p, rule.succeededCount, `must be less than or equal to ${completions} (the number of specified completions)`));
      }
    }
  });
  return errs;
}

/** validateJobSpec: everything but the selector. */
export function validateJobSpec(spec: Json, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex']) {
    errs.push(...nonNegative(spec[k], at.child(k)));
  }
  if (present(spec.maxFailedIndexes)) {
    errs.push(...nonNegative(spec.maxFailedIndexes, at.child('maxFailedIndexes')));
    if (!present(spec.backoffLimitPerIndex)) errs.push(required(at.child('backoffLimitPerIndex'), 'when maxFailedIndexes is specified'));
  }
  if (typeof spec.managedBy === 'string' && spec.managedBy.length > MAX_MANAGED_BY_LENGTH) {
    errs.push({ type: 'FieldValueTooLong', field: at.child('managedBy').toString(), value: goQuote(spec.managedBy), detail: `may not be more than ${MAX_MANAGED_BY_LENGTH} bytes` });
  }
  const mode = spec.completionMode;
  const indexed = mode === 'Indexed';
  if (present(mode)) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported(at.child('completionMode'), mode, ['NonIndexed', 'Indexed']));
    if (indexed) {
      if (!present(spec.completions)) errs.push(required(at.child('completions'), 'when completion mode is Indexed'));
      if (typeof spec.parallelism === 'number' && spec.parallelism > MAX_PARALLELISM_INDEXED) {
        errs.push(invalid(at.child('parallelism'), spec.parallelism, `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed`));
      }
      if (typeof spec.completions === 'number' && typeof spec.maxFailedIndexes === 'number' && spec.maxFailedIndexes > spec.completions) {
        errs.push(invalid(at.child('maxFailedIndexes'), spec.maxFailedIndexes, 'must be less than or equal to completions'));
      }
      if (typeof spec.maxFailedIndexes === 'number' && spec.maxFailedIndexes > MAX_FAILED_INDEXES) {
        errs.push(invalid(at.child('maxFailedIndexes'), spec.maxFailedIndexes, `must be less than or equal to ${MAX_FAILED_INDEXES}`));
      }
    }
  }
  if (!indexed) {
    if (typeof spec.backoffLimitPerIndex === 'number') errs.push(invalid(at.child('backoffLimitPerIndex'), spec.backoffLimitPerIndex, 'requires indexed completion mode'));
    if (typeof spec.maxFailedIndexes === 'number') errs.push(invalid(at.child('maxFailedIndexes'), spec.maxFailedIndexes, 'requires indexed completion mode'));
  }
  if (isObj(spec.podFailurePolicy)) errs.push(...validatePodFailurePolicy(spec, at.child('podFailurePolicy')));
  if (isObj(spec.successPolicy)) {
    if (!indexed) errs.push(invalidRendered(at.child('successPolicy'), goStruct('batch.SuccessPolicy', spec.successPolicy), 'requires indexed completion mode'));
    else errs.push(...validateSuccessPolicy(spec, at.child('successPolicy')));
  }
  const rpp = spec.podReplacementPolicy;
  if (present(rpp)) {
    if (isObj(spec.podFailurePolicy)) {
      if (rpp !== 'Failed') errs.push(notSupported(at.child('podReplacementPolicy'), rpp, ['Failed']));
    } else if (!REPLACEMENT_POLICIES.includes(rpp as string)) errs.push(notSupported(at.child('podReplacementPolicy'), rpp, REPLACEMENT_POLICIES));
  }
  errs.push(...validateTemplate(spec.template, at.child('template')));
  const restart = objAt(objAt(spec, 'template'), 'spec')?.restartPolicy;
  const rpPath = at.child('template', 'spec', 'restartPolicy');
  // Pod defaulting turns an unset policy into Always, so both mean "not chosen".
  if (restart === 'Always' || !restart) errs.push(required(rpPath, 'valid values: "OnFailure", "Never"'));
  else if (restart !== 'OnFailure' && restart !== 'Never') errs.push(notSupportedRendered(rpPath, goQuote(String(restart)), ['OnFailure', 'Never']));
  else if (isObj(spec.podFailurePolicy) && restart !== 'Never') errs.push(invalid(rpPath, restart, 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}
