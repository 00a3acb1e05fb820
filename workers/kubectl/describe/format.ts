/**
 * Shared pieces of staging/src/k8s.io/kubectl/pkg/describe/describe.go:
 * multi-line label/annotation/taint/toleration blocks, timestamps in
 * RFC1123Z, ages, `<none>`/`<unset>` placeholders.
 */
import type { LabelSelector, OwnerReference } from 'kubernetes-types/meta/v1';
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { humanDuration, parseTimestamp } from '../../api/printers/duration';
import { labelSelectorString } from '../../api/printers/format';
import { byBytes } from '../../jsonpath/goValue';
import { goSort } from './goSort';
import { LEVEL_0, type PrefixWriter } from './prefixWriter';

export type Json = Record<string, unknown>;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/** time.RFC1123Z in UTC; a missing time formats as Go's zero time. */
export function rfc1123z(ts: unknown): string {
  const ms = parseTimestamp(ts);
  if (ms === undefined) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
}

/** describe.go translateTimestampSince: `<unknown>` for a zero time. */
export function since(ts: unknown, now: number): string {
  const ms = parseTimestamp(ts);
  return ms === undefined ? '<unknown>' : humanDuration(now - ms);
}

export const sortStrings = (a: string[]) => [...a].sort(byBytes);

export function stringOrNone(s: string | undefined): string {
  return s ? s : '<none>';
}

export function printBool(v: boolean | undefined): string {
  return v ? 'True' : 'False';
}

export function printBoolPtr(v: boolean | undefined | null): string {
  return v === undefined || v === null ? '<unset>' : printBool(v);
}

/** labels.FormatLabels */
export function formatLabels(m: Record<string, string> | undefined | null): string {
  const keys = sortStrings(Object.keys(m ?? {}));
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${m![k]}`).join(',');
}

/** metav1.LabelSelectorAsSelector(sel).String(): a nil selector selects nothing and prints ''. */
export function selectorString(sel: LabelSelector | undefined | null): string {
  return labelSelectorString(sel) ?? '';
}

/** metav1.FormatLabelSelector */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  const s = labelSelectorString(sel);
  if (s === undefined) return '<error>';
  return s === '' ? '<none>' : s;
}

/** printController: `Kind/name` of the controlling owner, or ''. */
export function printController(meta: { ownerReferences?: OwnerReference[] } | undefined): string {
  const ref = (meta?.ownerReferences ?? []).find((r) => r.controller === true);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** printLabelsMultilineWithIndent */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined | null, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = sortStrings(Object.keys(labels ?? {}));
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

const MAX_ANNOTATION_LEN = 140;
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/** Go slices strings by bytes; shorten cuts at maxLength bytes. */
function shorten(s: string, maxLength: number): string {
  const bytes = new TextEncoder().encode(s);
  if (bytes.length <= maxLength) return s;
  return `${new TextDecoder().decode(bytes.slice(0, maxLength))}...`;
}

const byteLen = (s: string) => new TextEncoder().encode(s).length;

/** printAnnotationsMultiline: long or multi-line values go on their own indented lines. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined | null): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = sortStrings(Object.keys(annotations ?? {}).filter((k) => !SKIP_ANNOTATIONS.has(k)));
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const raw = annotations![key];
    const value = raw.endsWith('\n') ? raw.slice(0, -1) : raw;
    if (byteLen(value) + byteLen(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else w.write(LEVEL_0, `${key}: ${value}\n`);
  });
}

/** Taint.ToString */
export function taintString(t: Taint): string {
  if (!t.value) return `${t.key}:${t.effect ?? ''}`;
  return `${t.key}=${t.value}:${t.effect ?? ''}`;
}

/** printTaintsMultilineWithIndent: sorted by effect then key. */
export function printTaintsMultiline(w: PrefixWriter, title: string, taints: Taint[] | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  if (!taints || taints.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const key = (t: Taint) => `${t.effect ?? ''},${t.key}`;
  const sorted = goSort([...taints], (a, b) => key(a) < key(b));
  sorted.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}

/** printTolerationsMultilineWithIndent: sorted by key. */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: Toleration[] | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  if (!tolerations || tolerations.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = goSort([...tolerations], (a, b) => (a.key ?? '') < (b.key ?? ''));
  sorted.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${s}\n`);
  });
}

/** printPodsMultilineWithIndent: pod names sorted. */
export function printPodsMultiline(w: PrefixWriter, title: string, names: string[]): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (names.length === 0) {
    w.writeLine('<none>');
    return;
  }
  sortStrings(names).forEach((n, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t');
    w.write(LEVEL_0, `${n}\n`);
  });
}

/** Keys of a ResourceList in Go's sort order. */
export function sortedResourceNames(list: Record<string, unknown> | undefined | null): string[] {
  return sortStrings(Object.keys(list ?? {}));
}

/** `%v` of a []string: `[a b]`. */
export function goStringSlice(a: string[] | undefined | null): string {
  return `[${(a ?? []).join(' ')}]`;
}

/** intstr.IntOrString.String(); a nil pointer prints `<nil>`. */
export function intOrString(v: number | string | undefined | null): string {
  if (v === undefined || v === null) return '<nil>';
  return String(v);
}
