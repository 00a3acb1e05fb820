/**
 * Who a write is attributed to: the `fieldManager` query parameter, checked
 * as apimachinery's ValidateFieldManager does, or else the user agent's
 * program name (apiserver/pkg/endpoints/handlers/create.go prefixFromUserAgent).
 */
import type { FieldError } from '../validation/field';
import { required, forbidden } from '../validation/field';
import { goQuote, isGoPrint } from './goText';

export const FIELD_MANAGER_MAX_LENGTH = 128;

/** UTF-8 byte length (a lone surrogate is 3 bytes, as the replacement character TextEncoder writes). */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

// Every write asks for the manager of its user agent, and clients keep theirs.
const prefixes = new Map<string, string>();

/** `kubectl/v1.32.4 (linux/amd64) kubernetes/abc` → `kubectl`; unprintable characters dropped, cut at 128 bytes. */
export function prefixFromUserAgent(userAgent: string): string {
  let p = prefixes.get(userAgent);
  if (p === undefined) {
    p = computePrefix(userAgent);
    if (prefixes.size < 1000) prefixes.set(userAgent, p);
  }
  return p;
}

function computePrefix(userAgent: string): string {
  const first = userAgent.split('/')[0];
  let out = '';
  let bytes = 0;
  for (const ch of first) {
    if (!isGoPrint(ch.codePointAt(0)!)) continue;
    const n = utf8Length(ch);
    if (bytes + n > FIELD_MANAGER_MAX_LENGTH) break;
    out += ch;
    bytes += n;
  }
  return out;
}

/** managerOrUserAgent: an explicit manager wins. */
export function managerOrUserAgent(manager: string | undefined, userAgent: string | undefined): string {
  return manager ? manager : prefixFromUserAgent(userAgent ?? '');
}

/** Go's %#U for the unprintable runes this check reports: `U+0007`. */
function goRune(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** ValidateFieldManager, path `fieldManager`. */
export function validateFieldManager(fieldManager: string, fieldPath = 'fieldManager'): FieldError[] {
  const errs: FieldError[] = [];
  if (utf8Length(fieldManager) > FIELD_MANAGER_MAX_LENGTH) {
    // field.TooLong omits the value in v1.32.
    errs.push({ type: 'FieldValueTooLong', field: fieldPath, detail: `may not be more than ${FIELD_MANAGER_MAX_LENGTH} bytes` });
  }
  let byte = 0;
  for (const ch of fieldManager) {
    const cp = ch.codePointAt(0)!;
    if (!isGoPrint(cp)) errs.push({ type: 'FieldValueInvalid', field: fieldPath, value: goQuote(fieldManager), detail: `invalid character ${goRune(cp)} (at position ${byte})` });
    byte += utf8Length(ch);
  }
  return errs;
}

/**
 * ValidatePatchOptions' field-manager part: apply needs an explicit manager,
 * force is for apply only. The caller wraps the errors as
 * `PatchOptions.meta.k8s.io "" is invalid: ...` (status.invalid with group meta.k8s.io).
 */
export function validatePatchOptions(opts: { fieldManager?: string; force?: string | boolean; apply: boolean }): FieldError[] {
  const errs: FieldError[] = [];
  if (opts.apply) {
    if (!opts.fieldManager) errs.push(required('fieldManager', 'is required for apply patch'));
  } else if (opts.force !== undefined) {
    errs.push(forbidden('force', 'may not be specified for non-apply patch'));
  }
  errs.push(...validateFieldManager(opts.fieldManager ?? ''));
  return errs;
}

/** The kind the API server names in these errors (CreateOptions / UpdateOptions / PatchOptions). */
export const optionsKind = (verb: 'create' | 'update' | 'patch') => ({
  group: 'meta.k8s.io',
  kind: verb === 'create' ? 'CreateOptions' : verb === 'update' ? 'UpdateOptions' : 'PatchOptions',
});
