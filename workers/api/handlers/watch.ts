/**
 * WATCH: initial state (for resourceVersion "" or "0"), then the store's
 * events translated to ADDED/MODIFIED/DELETED, filtered by selectors the way
 * the watch cache does (an object leaving the selector is a DELETED).
 */
import type { Scope } from '../server';
import type { KubeObject } from '../object';
import * as S from '../status';
import { prefixFor, keyFor } from '../keys';
import { matcher, selectableFields, selectorsOf, tableOpts, wantsTable } from './read';
import { CompactedError, type StoreEvent } from '../../store/store';
import { parseFieldSelectorFor } from '../selectors/fields';
import { watchPrefix, type FanoutIndex } from './watchFanout';
import type { ApiResponse, WatchEvent, WatchHandle } from '../request';
import { fail } from '../server';

/** How often a watch that asked for bookmarks gets one (virtual ms). */
const BOOKMARK_EVERY_MS = 60_000;

export function startWatch(s: Scope, onEvent: (e: WatchEvent) => void): WatchHandle | ApiResponse {
  const sel = selectorsOf(s);
  if (S.isStatus(sel)) return fail(sel);
  const match = matcher(s, sel);
  const asTable = wantsTable(s.req.accept);
  let headersSent = false;
  const wrap = (o: KubeObject): unknown => {
    if (!asTable) return o;
    const t = s.machinery.table(s.rt, [o], s.clock.now(), { ...tableOpts(s, o.metadata.resourceVersion ?? ''), noHeaders: headersSent || tableOpts(s, '').noHeaders });
    headersSent = true;
    return t;
  };
  const emit = (type: WatchEvent['type'], o: KubeObject) => onEvent({ type, object: wrap(o) });

  // kubectl get NAME -w watches a collection with a metadata.name field selector.
  const prefix = s.req.name ? keyFor(s.rt, s.req.namespace, s.req.name) : prefixFor(s.rt, s.req.namespace);
  const rvParam = s.req.query?.resourceVersion ?? '';
  const sendInitial = rvParam === '' || rvParam === '0';
  const from = sendInitial ? s.store.revision : Number(rvParam);
  if (!Number.isFinite(from) || from < 0) return fail(S.badRequest(`invalid resource version: "${rvParam}"`));

  if (sendInitial) {
    for (const kv of s.store.list(prefix)) {
      if (s.req.name && kv.key !== prefix) continue;
      if (match(kv.value)) emit('ADDED', kv.value);
    }
  }
  const exact = s.req.name ? prefix : undefined;
  const onStore = (e: StoreEvent<KubeObject>) => {
    if (exact && e.key !== exact) return;
    const prev = e.prevKv?.value;
    const was = prev !== undefined && match(prev);
    if (e.type === 'DELETE') {
      // The deleted object carries the deletion's resourceVersion (as the watch cache sends it).
      if (was) emit('DELETED', { ...prev!, metadata: { ...prev!.metadata, resourceVersion: String(e.revision) } });
      return;
    }
    const cur = e.kv!.value;
    const is = match(cur);
    if (is && was) emit('MODIFIED', cur);
    else if (is) emit('ADDED', cur);
    else if (was) emit('DELETED', cur);
  };
  let cancel: () => void;
  try {
    cancel = watchPrefix(s.store, prefix, `${s.rt.group}/${s.rt.kind}`, (o) => selectableFields(s, o), from, indexOf(s), onStore);
  } catch (err) {
    if (err instanceof CompactedError) {
      // The watch opens, then ends with a 410 Expired ERROR event, as upstream does.
      onEvent({ type: 'ERROR', object: S.gone(`too old resource version: ${from} (${s.store.compactedRevision})`) });
      return { stop() {} };
    }
    throw err;
  }
  let bookmark: ReturnType<typeof s.clock.schedule> | null = null;
  if (s.req.query?.allowWatchBookmarks === 'true') {
    const tick = () => {
      onEvent({
        type: 'BOOKMARK',
        object: { kind: s.rt.kind, apiVersion: s.rt.group ? `${s.rt.group}/${s.rt.version}` : s.rt.version, metadata: { resourceVersion: String(s.store.revision) } },
      });
      bookmark = s.clock.schedule(BOOKMARK_EVERY_MS, { component: 'kube-apiserver', key: s.rt.plural, what: 'watch bookmark' }, tick);
    };
    bookmark = s.clock.schedule(BOOKMARK_EVERY_MS, { component: 'kube-apiserver', key: s.rt.plural, what: 'watch bookmark' }, tick);
  }
  return {
    stop() {
      cancel();
      s.clock.cancel(bookmark);
    },
  };
}

/** The field this watch's selector pins to one value, by which the fan-out indexes it. */
function indexOf(s: Scope): FanoutIndex | undefined {
  const fs = s.req.query?.fieldSelector;
  if (!fs) return undefined;
  const r = parseFieldSelectorFor(fs, s.rt.group, s.rt.kind);
  if (!r.ok) return undefined;
  const t = r.selector.terms.find((x) => x.operator !== '!=');
  return t && { field: t.field, value: t.value };
}
