/**
 * Small formatters the upstream printers share: label maps and selectors
 * (apimachinery labels + metav1.FormatLabelSelector), container cells,
 * quantities and access modes (pkg/apis/core/helper).
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { LabelSelector, OwnerReference } from 'kubernetes-types/meta/v1';

/** labels.FormatLabels: `a=1,b=2` sorted by key, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * metav1.LabelSelectorAsSelector(...).String(): requirements sorted by key,
 * In/NotIn values sorted; `undefined` when the selector cannot be converted
 * (unknown operator, In without values...). A missing or empty selector is ''.
 */
export function labelSelectorString(sel: LabelSelector | undefined | null): string | undefined {
  if (!sel) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const key of Object.keys(sel.matchLabels ?? {})) reqs.push({ key, text: `${key}=${sel.matchLabels![key]}` });
  for (const expr of sel.matchExpressions ?? []) {
    const values = [...(expr.values ?? [])].sort(byCodePoint);
    switch (expr.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) return undefined;
        reqs.push({ key: expr.key, text: `${expr.key} ${expr.operator === 'In' ? 'in' : 'notin'} (${values.join(',')})` });
        break;
      case 'Exists':
        if (values.length > 0) return undefined;
        reqs.push({ key: expr.key, text: expr.key });
        break;
      case 'DoesNotExist':
        if (values.length > 0) return undefined;
        reqs.push({ key: expr.key, text: `!${expr.key}` });
        break;
      default:
        return undefined;
    }
  }
  return reqs
    .sort((a, b) => byCodePoint(a.key, b.key))
    .map((r) => r.text)
    .join(',');
}

/** metav1.FormatLabelSelector: `<none>` for an empty selector, `<error>` for a bad one. */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  const s = labelSelectorString(sel);
  if (s === undefined) return '<error>';
  return s === '' ? '<none>' : s;
}

/** printers.go layoutContainerCells: names and images, comma-joined. */
export function layoutContainerCells(containers: Container[] | undefined | null): [names: string, images: string] {
  const list = containers ?? [];
  return [list.map((c) => c.name ?? '').join(','), list.map((c) => c.image ?? '').join(',')];
}

/**
 * resource.Quantity.String() of a stored quantity. Stored quantities are
 * already canonical (the API server canonicalises on write), so this only
 * supplies the zero value for a missing one.
 */
export function quantityString(q: unknown): string {
  if (typeof q === 'string' && q !== '') return q;
  if (typeof q === 'number' && Number.isFinite(q)) return String(q);
  return '0';
}

/** intstr.IntOrString.String(). */
export function intOrStringString(v: number | string): string {
  return typeof v === 'number' ? String(v) : v;
}

/** helper.GetAccessModesAsString: fixed order, duplicates dropped. */
export function accessModesAsString(modes: string[] | undefined | null): string {
  const has = new Set(modes ?? []);
  const out: string[] = [];
  if (has.has('ReadWriteOnce')) out.push('RWO');
  if (has.has('ReadOnlyMany')) out.push('ROX');
  if (has.has('ReadWriteMany')) out.push('RWX');
  if (has.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

/** printers.go printBoolPtr. */
export function boolPtrString(v: boolean | undefined | null): string {
  if (v === undefined || v === null) return '<unset>';
  return v ? 'True' : 'False';
}

/** metav1.GetControllerOf. */
export function controllerOf(refs: OwnerReference[] | undefined | null): OwnerReference | undefined {
  return (refs ?? []).find((r) => r.controller === true);
}

/** net.JoinHostPort: IPv6 hosts get brackets. */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** printers.go listWithMoreString: `a,b,c + 2 more...`, `<unset>` when empty. */
export function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret === '' ? '<unset>' : ret;
}

/** (*resource.Quantity).String(): a nil pointer prints `<nil>`. */
export function quantityPtrString(q: unknown): string {
  return q === undefined || q === null ? '<nil>' : quantityString(q);
}
