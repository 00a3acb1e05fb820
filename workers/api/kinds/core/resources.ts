/**
 * Resource names and quantities: pkg/apis/core/helper (which names are
 * standard, integer, overcommittable) and the resource checks of
 * pkg/apis/core/validation/validation.go.
 */
import type { ResourceRequirements } from 'kubernetes-types/core/v1';
import { type FieldError, type Path, forbidden, invalid, required } from '../../validation/field';
import { isQualifiedName } from '../../validation/labels';
import { IS_NEGATIVE } from '../../validation/objectMeta';
import {
  QUANTITY_REGEX_ERROR,
  type Quantity,
  compareQuantity,
  goQuantity,
  milliValue,
  parseQuantity,
  quantityString,
  value,
} from '../../validation/quantity';
import { parseQuantityMemo } from './quantityMemo';

const HUGEPAGES_PREFIX = 'hugepages-';
const REQUESTS_PREFIX = 'requests.';

const standardResources = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'storage',
  'requests.storage',
  'services.nodeports',
  'services.loadbalancers',
]);
const standardQuotaResources = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.storage',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'persistentvolumeclaims',
  'configmaps',
  'services.nodeports',
  'services.loadbalancers',
]);
const integerResources = new Set([
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
]);
const standardContainerResources = new Set(['cpu', 'memory', 'ephemeral-storage']);

export const isHugePageResourceName = (n: string): boolean => n.startsWith(HUGEPAGES_PREFIX);
const isQuotaHugePageResourceName = (n: string): boolean => n.startsWith(HUGEPAGES_PREFIX) || n.startsWith(REQUESTS_PREFIX + HUGEPAGES_PREFIX);
export const isNativeResource = (n: string): boolean => !n.includes('/') || n.includes('kubernetes.io/');
export function isExtendedResourceName(n: string): boolean {
  if (isNativeResource(n) || n.startsWith(REQUESTS_PREFIX)) return false;
  return isQualifiedName(REQUESTS_PREFIX + n).length === 0;
}
export const isOvercommitAllowed = (n: string): boolean => isNativeResource(n) && !isHugePageResourceName(n);
export const isStandardResourceName = (n: string): boolean => standardResources.has(n) || isQuotaHugePageResourceName(n);
export const isStandardQuotaResourceName = (n: string): boolean => standardQuotaResources.has(n) || isQuotaHugePageResourceName(n);
export const isIntegerResourceName = (n: string): boolean => integerResources.has(n) || isExtendedResourceName(n);
const isStandardContainerResourceName = (n: string): boolean => standardContainerResources.has(n) || isHugePageResourceName(n);

export function validateResourceName(name: string, at: Path): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalid(at, name, m));
  if (errs.length) return errs;
  if (name.split('/').length === 1 && !isStandardResourceName(name)) {
    return [invalid(at, name, 'must be a standard resource type or fully qualified')];
  }
  return [];
}

// Names that passed, remembered: pods name the same few resources over and over.
const validContainerResourceNames = new Set<string>();

export function validateContainerResourceName(name: string, at: Path): FieldError[] {
  if (validContainerResourceNames.has(name)) return [];
  const errs = checkContainerResourceName(name, at);
  if (errs.length === 0 && validContainerResourceNames.size < 1000) validContainerResourceNames.add(name);
  return errs;
}

function checkContainerResourceName(name: string, at: Path): FieldError[] {
  const errs = validateResourceName(name, at);
  if (name.split('/').length === 1) {
    if (!isStandardContainerResourceName(name)) return [...errs, invalid(at, name, 'must be a standard resource for containers')];
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    return [...errs, invalid(at, name, "doesn't follow extended resource name standard")];
  }
  return errs;
}

export function validateResourceQuotaResourceName(name: string, at: Path): FieldError[] {
  const errs = validateResourceName(name, at);
  if (name.split('/').length === 1 && !isStandardQuotaResourceName(name)) return [...errs, invalid(at, name, 'must be a standard resource for quota')];
  return errs;
}

/**
 * Parse a quantity field. Upstream rejects unparsable quantities while
 * decoding (400 BadRequest); this reports them as Invalid so a caller that
 * skipped schema decoding still gets a clear message.
 */
export function quantityAt(raw: unknown, at: Path, errs: FieldError[]): Quantity | undefined {
  if (typeof raw !== 'string' && typeof raw !== 'number') {
    errs.push(invalid(at, raw ?? null, QUANTITY_REGEX_ERROR));
    return undefined;
  }
  const q = parseQuantityMemo(raw);
  if (!q) errs.push(invalid(at, String(raw), QUANTITY_REGEX_ERROR));
  return q;
}

export function validateNonnegativeQuantity(q: Quantity, at: Path): FieldError[] {
  return q.mant < 0n ? [invalid(at, quantityString(q), IS_NEGATIVE)] : [];
}

export function validatePositiveQuantityValue(q: Quantity, at: Path): FieldError[] {
  return q.mant <= 0n ? [invalid(at, quantityString(q), 'must be greater than zero')] : [];
}

/** ValidateResourceQuantityValue: non-negative, and whole for countable resources. */
export function validateResourceQuantityValue(resource: string, q: Quantity, at: Path): FieldError[] {
  const errs = validateNonnegativeQuantity(q, at);
  if (isIntegerResourceName(resource) && milliValue(q) % 1000n !== 0n) {
    errs.push({ type: 'FieldValueInvalid', field: at.toString(), value: goQuantity(q), detail: 'must be an integer' });
  }
  return errs;
}

export function validateBasicResource(q: Quantity, at: Path): FieldError[] {
  return value(q) < 0n ? [invalid(at, Number(value(q)), 'must be a valid resource quantity')] : [];
}

const HUGEPAGE_SIZES: Record<string, bigint> = {};
function hugePageSize(name: string): bigint | undefined {
  if (name in HUGEPAGE_SIZES) return HUGEPAGE_SIZES[name];
  const q = parseQuantity(name.slice(HUGEPAGES_PREFIX.length));
  const v = q ? value(q) : undefined;
  if (v !== undefined) HUGEPAGE_SIZES[name] = v;
  return v;
}

function validateHugePageValue(name: string, q: Quantity): string | undefined {
  if (!isHugePageResourceName(name)) return undefined;
  const size = hugePageSize(name);
  if (!size || size <= 0n || value(q) % size !== 0n) return `${quantityString(q)} is not positive integer multiple of ${name}`;
  return undefined;
}

const sortedEntries = (m: Record<string, unknown> | undefined): [string, unknown][] =>
  Object.entries(m ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** validateResourceRequirements for a container (names must be container resources). */
export function validateContainerResourceRequirements(req: ResourceRequirements | undefined, podClaimNames: Set<string>, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const r = req ?? {};
  const limPath = at.child('limits');
  const reqPath = at.child('requests');
  let limCpuMem = false;
  let reqCpuMem = false;
  let limHuge = false;
  let reqHuge = false;
  const limits = new Map<string, Quantity>();
  for (const [name, raw] of sortedEntries(r.limits)) {
    const p = limPath.key(name);
    errs.push(...validateContainerResourceName(name, p));
    const q = quantityAt(raw, p, errs);
    if (!q) continue;
    limits.set(name, q);
    errs.push(...validateResourceQuantityValue(name, q, p));
    if (isHugePageResourceName(name)) {
      limHuge = true;
      const m = validateHugePageValue(name, q);
      if (m) errs.push(invalid(p, quantityString(q), m));
    }
    if (name === 'cpu' || name === 'memory') limCpuMem = true;
  }
  for (const [name, raw] of sortedEntries(r.requests)) {
    const p = reqPath.key(name);
    errs.push(...validateContainerResourceName(name, p));
    const q = quantityAt(raw, p, errs);
    if (!q) continue;
    errs.push(...validateResourceQuantityValue(name, q, p));
    const lim = limits.get(name);
    if (lim) {
      const cmp = compareQuantity(q, lim);
      if (cmp !== 0 && !isOvercommitAllowed(name)) {
        errs.push(invalid(reqPath, quantityString(q), `must be equal to ${name} limit of ${quantityString(lim)}`));
      } else if (cmp > 0) {
        errs.push(invalid(reqPath, quantityString(q), `must be less than or equal to ${name} limit of ${quantityString(lim)}`));
      }
    } else if (!isOvercommitAllowed(name)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
    if (isHugePageResourceName(name)) {
      reqHuge = true;
      const m = validateHugePageValue(name, q);
      if (m) errs.push(invalid(p, quantityString(q), m));
    }
    if (name === 'cpu' || name === 'memory') reqCpuMem = true;
  }
  if (!limCpuMem && !reqCpuMem && (reqHuge || limHuge)) errs.push(forbidden(at, 'HugePages require cpu or memory'));
  errs.push(...validateResourceClaimNames(r.claims ?? [], podClaimNames, at.child('claims')));
  return errs;
}

function validateResourceClaimNames(claims: { name?: string; request?: string }[], podClaimNames: Set<string>, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  claims.forEach((c, i) => {
    const name = c.name ?? '';
    if (!name) {
      errs.push(required(at.index(i), ''));
      return;
    }
    const key = c.request ? `${name}/${c.request}` : name;
    if (seen.has(name) || seen.has(key)) errs.push({ type: 'FieldValueDuplicate', field: at.index(i).toString(), value: JSON.stringify(seen.has(name) ? name : key), detail: '' });
    seen.add(key);
    if (!podClaimNames.has(name)) {
      const list = [...podClaimNames].sort();
      errs.push({
        type: 'FieldValueNotFound',
        field: at.index(i).toString(),
        value: JSON.stringify(name),
        detail: `must be one of the names in pod.spec.resourceClaims${list.length ? `: ${list.join(', ')}` : ' which is empty'}`,
      });
    }
  });
  return errs;
}

/** Non-negative, parsable quantities of a plain resource list (quota, node, PV). */
export function validateResourceList(
  list: Record<string, unknown> | undefined,
  at: Path,
  nameFn: (name: string, at: Path) => FieldError[],
): { errs: FieldError[]; parsed: Map<string, Quantity> } {
  const errs: FieldError[] = [];
  const parsed = new Map<string, Quantity>();
  for (const [name, raw] of sortedEntries(list)) {
    const p = at.key(name);
    errs.push(...nameFn(name, p));
    const q = quantityAt(raw, p, errs);
    if (!q) continue;
    parsed.set(name, q);
    errs.push(...validateResourceQuantityValue(name, q, p));
  }
  return { errs, parsed };
}

