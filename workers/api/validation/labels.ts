/**
 * Label keys (qualified names), label values and metav1.LabelSelector, as
 * apimachinery validates them (util/validation/validation.go and
 * apis/meta/v1/validation/validation.go).
 */
import type { LabelSelector, LabelSelectorRequirement } from 'kubernetes-types/meta/v1';
import { type FieldError, type Path, forbidden, invalid, required } from './field';
import { byteLen, emptyError, isDNS1123Subdomain, maxLenError, regexError } from './names';

const qualifiedNameFmt = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const qualifiedNameErrMsg = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const qualifiedNameMaxLength = 63;
const qualifiedNameRe = new RegExp(`^${qualifiedNameFmt}$`);

export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push(`prefix part ${emptyError()}`);
    else for (const m of isDNS1123Subdomain(prefix)) errs.push(`prefix part ${m}`);
  } else {
    return [
      `a qualified name ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push(`name part ${emptyError()}`);
  else if (byteLen(name) > qualifiedNameMaxLength) errs.push(`name part ${maxLenError(qualifiedNameMaxLength)}`);
  if (!qualifiedNameRe.test(name)) errs.push(`name part ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

const labelValueFmt = `(${qualifiedNameFmt})?`;
const labelValueErrMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
export const LABEL_VALUE_MAX_LENGTH = 63;
const labelValueRe = new RegExp(`^${labelValueFmt}$`);

export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (byteLen(value) > LABEL_VALUE_MAX_LENGTH) errs.push(maxLenError(LABEL_VALUE_MAX_LENGTH));
  if (!labelValueRe.test(value)) errs.push(regexError(labelValueErrMsg, labelValueFmt, 'MyValue', 'my_value', '12345'));
  return errs;
}

export function validateLabelName(name: string, at: Path): FieldError[] {
  return isQualifiedName(name).map((m) => invalid(at, name, m));
}

/**
 * Go walks the map in random order; we go by sorted key so messages are
 * stable. Errors point at the map, not the key (upstream does the same).
 */
export function validateLabels(labels: Record<string, string> | undefined | null, at: Path): FieldError[] {
  if (!labels) return [];
  const errs: FieldError[] = [];
  for (const k of Object.keys(labels).sort()) {
    errs.push(...validateLabelName(k, at));
    const v = labels[k];
    if (typeof v !== 'string') continue;
    for (const m of isValidLabelValue(v)) errs.push(invalid(at, v, m));
  }
  return errs;
}

export interface LabelSelectorOptions {
  allowInvalidLabelValueInSelector?: boolean;
  allowUnknownOperatorInRequirement?: boolean;
}

export function validateLabelSelectorRequirement(sr: LabelSelectorRequirement, opts: LabelSelectorOptions, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const values = sr.values ?? [];
  switch (sr.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(required(at.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push(forbidden(at.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    default:
      if (!opts.allowUnknownOperatorInRequirement) errs.push(invalid(at.child('operator'), sr.operator ?? '', 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(sr.key ?? '', at.child('key')));
  if (!opts.allowInvalidLabelValueInSelector) {
    values.forEach((v, i) => {
      for (const m of isValidLabelValue(v)) errs.push(invalid(at.child('values').index(i), v, m));
    });
  }
  return errs;
}

export function validateLabelSelector(sel: LabelSelector | undefined | null, opts: LabelSelectorOptions, at: Path): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels, at.child('matchLabels'));
  (sel.matchExpressions ?? []).forEach((expr, i) => {
    errs.push(...validateLabelSelectorRequirement(expr, opts, at.child('matchExpressions').index(i)));
  });
  return errs;
}

/** LabelSelectorHasInvalidLabelValue: lets updates keep values that were stored before validation tightened. */
export function labelSelectorHasInvalidLabelValue(sel: LabelSelector | undefined | null): boolean {
  for (const e of sel?.matchExpressions ?? []) for (const v of e.values ?? []) if (isValidLabelValue(v).length > 0) return true;
  return false;
}

/** labels.SelectorFromSet(selector).Matches(labels): every key present with the same value. */
export function mapSelectorMatches(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  for (const [k, v] of Object.entries(selector)) if ((labels ?? {})[k] !== v) return false;
  return true;
}
