/** GET on an object and on a collection, with selectors, paging and Tables. */
import { apiVersionOfType, fail, ok, qualifiedOf, type Scope } from '../server';
import type { KubeObject } from '../object';
import type { Selector } from '../machinery.types';
import * as S from '../status';
import { prefixFor } from '../keys';
import { currentKey } from './common';
import type { ApiResponse } from '../request';
import { forbidden, notSupported, type FieldError } from '../validation/field';
import { CompactedError } from '../../store/store';

export function wantsTable(accept: string | undefined): boolean {
  return !!accept && /as=Table/.test(accept);
}

export function handleGet(s: Scope): ApiResponse {
  const kv = s.store.get(currentKey(s, s.req.name!));
  if (!kv) return fail(S.notFound(qualifiedOf(s.rt), s.req.name!));
  if (wantsTable(s.req.accept)) {
    return ok(s.machinery.table(s.rt, [kv.value], s.clock.now(), tableOpts(s, String(kv.modRevision))));
  }
  return ok(kv.value);
}

export function tableOpts(s: Scope, resourceVersion: string, continueToken?: string, remainingItemCount?: number) {
  return {
    noHeaders: s.req.query?.noHeaders === 'true',
    includeObject: s.req.query?.includeObject ?? 'Metadata',
    accept: s.req.accept,
    resourceVersion,
    continueToken,
    remainingItemCount,
  };
}

/** Parsed label and field selectors of a request, or the error to answer with. */
export function selectorsOf(s: Scope): { labels?: Selector; fields?: Selector } | S.Status {
  const out: { labels?: Selector; fields?: Selector } = {};
  const ls = s.req.query?.labelSelector;
  if (ls) {
    const sel = s.machinery.parseLabelSelector(ls);
    if (S.isStatus(sel)) return sel;
    if (!sel.empty) out.labels = sel;
  }
  const fs = s.req.query?.fieldSelector;
  if (fs) {
    const sel = s.machinery.parseFieldSelector(s.rt, fs);
    if (S.isStatus(sel)) return sel;
    if (!sel.empty) out.fields = sel;
  }
  return out;
}

export function matcher(s: Scope, sel: { labels?: Selector; fields?: Selector }): (o: KubeObject) => boolean {
  const { labels, fields } = sel;
  if (!labels && !fields) return () => true;
  return (o) =>
    (!labels || labels.matches((o.metadata.labels ?? {}) as Record<string, string>)) &&
    (!fields || fields.matches(selectableFields(s, o)));
}

// One write reaches every watch of its resource in turn (each kubelet watches
// all pods through its own spec.nodeName selector), asking each time for the
// selectable fields of the same two stored, immutable objects: the new value
// and the previous one. Remembering the last two answers computes them once.
const recent: { o: KubeObject; s: Scope['rt']; m: Scope['machinery']; fields: Record<string, string> }[] = [];

export function selectableFields(s: Scope, o: KubeObject): Record<string, string> {
  for (const r of recent) if (r.o === o && r.s === s.rt && r.m === s.machinery) return r.fields;
  const fields = s.machinery.fieldsOf(s.rt, o);
  if (recent.length >= 2) recent.shift();
  recent.push({ o, s: s.rt, m: s.machinery, fields });
  return fields;
}

interface ContinueToken {
  rv: number;
  start: string;
}

const encodeContinue = (t: ContinueToken) => btoa(JSON.stringify({ v: 'meta.k8s.io/v1', rv: t.rv, start: t.start }));

function decodeContinue(token: string): ContinueToken | undefined {
  try {
    const t = JSON.parse(atob(token)) as { v?: string; rv?: number; start?: string };
    if (t.v !== 'meta.k8s.io/v1' || typeof t.rv !== 'number' || typeof t.start !== 'string') return undefined;
    return { rv: t.rv, start: t.start };
  } catch {
    return undefined;
  }
}

export function handleList(s: Scope): ApiResponse {
  const sel = selectorsOf(s);
  if (S.isStatus(sel)) return fail(sel);
  const match = matcher(s, sel);
  const prefix = prefixFor(s.rt, s.req.namespace);
  const exact = exactRevision(s);
  if (typeof exact === 'object') return fail(exact);
  let kvs: ReturnType<typeof s.store.list>;
  let readAt = exact ?? s.store.revision;
  try {
    kvs = exact === undefined ? s.store.list(prefix) : s.store.listAt(prefix, exact);
  } catch (err) {
    // Mirrors staging/src/k8s.io/apiserver/pkg/storage/etcd3/errors.go interpretListError.
    if (err instanceof CompactedError) return fail(S.gone('The resourceVersion for the provided list is too old.'));
    throw err;
  }

  let start = '';
  const cont = s.req.query?.continue;
  if (cont) {
    const t = decodeContinue(cont);
    if (!t) return fail(S.badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)'));
    if (t.rv < s.store.compactedRevision) {
      return fail(S.gone('The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.'));
    }
    start = t.start;
    // Later pages read at the first page's revision, as etcd3's GetList does with the token's RV.
    if (t.rv > 0 && t.rv < s.store.revision) kvs = s.store.listAt(prefix, (readAt = t.rv));
    kvs = kvs.filter((kv) => kv.key.slice(prefix.length) >= start);
  }

  const limit = Number(s.req.query?.limit ?? 0);
  const items: KubeObject[] = [];
  let next: string | undefined;
  let remaining = 0;
  for (let i = 0; i < kvs.length; i++) {
    const o = kvs[i].value;
    if (!match(o)) continue;
    if (limit > 0 && items.length >= limit) {
      next = kvs[i].key.slice(prefix.length);
      remaining = kvs.slice(i).filter((kv) => match(kv.value)).length;
      break;
    }
    items.push(o);
  }
  const rv = readAt;
  const continueToken = next !== undefined ? encodeContinue({ rv, start: next }) : undefined;
  const remainingItemCount = continueToken && !sel.labels && !sel.fields ? remaining : undefined;
  if (wantsTable(s.req.accept)) return ok(s.machinery.table(s.rt, items, s.clock.now(), tableOpts(s, String(rv), continueToken, remainingItemCount)));

  const metadata: Record<string, unknown> = { resourceVersion: String(rv) };
  if (continueToken) metadata.continue = continueToken;
  if (remainingItemCount !== undefined) metadata.remainingItemCount = remainingItemCount;
  return ok({
    kind: `${s.rt.kind}List`,
    apiVersion: apiVersionOfType(s.rt),
    metadata,
    items: items.map(stripTypeMeta),
  });
}

/**
 * `resourceVersion=R&resourceVersionMatch=Exact`: the list as it was at R,
 * read from history (time travel). Undefined for every other list.
 * Mirrors staging/src/k8s.io/apimachinery/pkg/apis/meta/internalversion/validation/validation.go
 * ValidateListOptions and storage.NewTooLargeResourceVersionError for a future R.
 */
function exactRevision(s: Scope): number | S.Status | undefined {
  const q = s.req.query ?? {};
  const match = q.resourceVersionMatch;
  if (!match) return undefined;
  const rv = q.resourceVersion ?? '';
  const errs: FieldError[] = [];
  if (!rv) errs.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden unless resourceVersion is provided'));
  if (q.continue) errs.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'));
  if (match !== 'Exact' && match !== 'NotOlderThan') errs.push(notSupported('resourceVersionMatch', match, ['Exact', 'NotOlderThan', '']));
  if (match === 'Exact' && rv === '0') errs.push(forbidden('resourceVersionMatch', 'resourceVersionMatch "exact" is forbidden for resourceVersion "0"'));
  if (errs.length) return S.invalid({ group: 'meta.k8s.io', kind: 'ListOptions' }, '', errs);
  if (match !== 'Exact') return undefined;
  if (!/^[0-9]+$/.test(rv)) return S.badRequest(`invalid resource version "${rv}"`);
  const revision = Number(rv);
  if (revision > s.store.revision) {
    // apierrors.NewTimeoutError: 504, reason Timeout, "Timeout: " before the message.
    return {
      kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 504, reason: 'Timeout',
      message: `Timeout: Too large resource version: ${revision}, current: ${s.store.revision}`,
      details: { causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }], retryAfterSeconds: 1 },
    };
  }
  return revision;
}

function stripTypeMeta(o: KubeObject): Omit<KubeObject, 'apiVersion' | 'kind'> {
  const { apiVersion: _a, kind: _k, ...rest } = o;
  return rest;
}
