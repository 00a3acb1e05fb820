/**
 * metav1.LabelSelector evaluation (LabelSelectorAsSelector) and the
 * structural part of metav1validation.ValidateLabelSelector.
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { FieldError, Path } from '../../../validation/field';
import { validateLabelSelector as validateSharedLabelSelector } from '../../../validation/labels';
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

/** metav1validation.ValidateLabelSelector with strict label values, as the workload kinds use it. */
export function validateLabelSelector(sel: unknown, at: Path): FieldError[] {
  return isObj(sel) ? validateSharedLabelSelector(sel as LabelSelector, {}, at) : [];
}
