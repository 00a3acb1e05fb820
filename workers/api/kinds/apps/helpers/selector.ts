/**
 * metav1.LabelSelector evaluation (LabelSelectorAsSelector) and the
 * structural part of metav1validation.ValidateLabelSelector.
 */
import { forbidden, invalid, required, type FieldError, type Path } from '../../../validation/field';
import { isObj, stringMap } from './json';

export type AsSelector =
  | { ok: true; empty: boolean; matches(labels: Record<string, string>): boolean }
  | { ok: false };

const NOTHING: AsSelector = { ok: true, empty: false, matches: () => false };

/** LabelSelectorAsSelector: nil → Nothing, {} → Everything, bad requirement → error. */
export function asSelector(sel: unknown): AsSelector {
  if (!isObj(sel)) return NOTHING;
  const ml = stringMap(sel.matchLabels) ?? {};
  const exprs = Array.isArray(sel.matchExpressions) ? sel.matchExpressions : [];
  if (Object.keys(ml).length + exprs.length === 0) return { ok: true, empty: true, matches: () => true };
  const reqs: Array<(l: Record<string, string>) => boolean> = [];
  for (const [k, v] of Object.entries(ml)) reqs.push((l) => l[k] === v);
  for (const e of exprs) {
    if (!isObj(e) || typeof e.key !== 'string') return { ok: false };
    const key = e.key;
    const values = Array.isArray(e.values) ? e.values.map(String) : [];
    switch (e.operator) {
      case 'In':
        if (!values.length) return { ok: false };
        reqs.push((l) => key in l && values.includes(l[key]));
        break;
      case 'NotIn':
        if (!values.length) return { ok: false };
        reqs.push((l) => !(key in l) || !values.includes(l[key]));
        break;
      case 'Exists':
        if (values.length) return { ok: false };
        reqs.push((l) => key in l);
        break;
      case 'DoesNotExist':
        if (values.length) return { ok: false };
        reqs.push((l) => !(key in l));
        break;
      default:
        return { ok: false };
    }
  }
  return { ok: true, empty: false, matches: (l) => reqs.every((r) => r(l)) };
}

export function selectorIsEmpty(sel: unknown): boolean {
  if (!isObj(sel)) return true;
  const n = Object.keys(stringMap(sel.matchLabels) ?? {}).length;
  const m = Array.isArray(sel.matchExpressions) ? sel.matchExpressions.length : 0;
  return n + m === 0;
}

/** ValidateLabelSelectorRequirement's operator/values rules for each expression. */
export function validateLabelSelector(sel: unknown, at: Path): FieldError[] {
  if (!isObj(sel)) return [];
  const errs: FieldError[] = [];
  const exprs = Array.isArray(sel.matchExpressions) ? sel.matchExpressions : [];
  exprs.forEach((e, i) => {
    const p = at.child('matchExpressions').index(i);
    const r = isObj(e) ? e : {};
    const values = Array.isArray(r.values) ? r.values : [];
    switch (r.operator) {
      case 'In':
      case 'NotIn':
        if (!values.length) errs.push(required(p.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length) errs.push(forbidden(p.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
        break;
      default:
        errs.push(invalid(p.child('operator'), typeof r.operator === 'string' ? r.operator : '', 'not a valid selector operator'));
    }
    if (typeof r.key !== 'string' || r.key === '') errs.push(invalid(p.child('key'), r.key ?? '', 'name part must be non-empty'));
  });
  return errs;
}
