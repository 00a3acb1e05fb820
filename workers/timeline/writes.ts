/**
 * One store event described for the timeline: which object (kind, namespace,
 * name, uid), whether it was created, updated or deleted, and for updates
 * which top-level fields changed.
 */
import type { StoreEvent } from '../store/store';
import { jsonEqual, type KubeObject } from '../api/object';
import type { TimelineWrite, WriteOp } from './types';

export interface ParsedKey {
  group: string;
  resource: string;
  namespace?: string;
  name: string;
}

/** `/registry/<group|core>/<resource>/[<namespace>/]<name>` → its parts; undefined for other keys. */
export function parseKey(key: string): ParsedKey | undefined {
  const parts = key.split('/');
  if (parts[0] !== '' || parts[1] !== 'registry') return undefined;
  const group = parts[2] === 'core' ? '' : parts[2];
  if (parts.length === 6) return { group, resource: parts[3], namespace: parts[4], name: parts[5] };
  if (parts.length === 5) return { group, resource: parts[3], name: parts[4] };
  return undefined;
}

/** Metadata fields every write changes, which say nothing about what the writer did. */
const BOOKKEEPING = new Set(['resourceVersion']);

export function opOf(e: StoreEvent<KubeObject>): WriteOp {
  if (e.type === 'DELETE') return 'deleted';
  return e.prevKv ? 'updated' : 'created';
}

export function describeWrite(e: StoreEvent<KubeObject>): TimelineWrite {
  const obj = e.kv?.value ?? e.prevKv?.value;
  const k = parseKey(e.key);
  const op = opOf(e);
  const w: TimelineWrite = {
    revision: e.revision,
    type: e.type,
    op,
    key: e.key,
    group: k?.group ?? '',
    resource: k?.resource ?? '',
    kind: obj?.kind ?? '',
    name: obj?.metadata?.name ?? k?.name ?? e.key,
  };
  const ns = obj?.metadata?.namespace ?? k?.namespace;
  if (ns) w.namespace = ns;
  if (obj?.metadata?.uid) w.uid = obj.metadata.uid;
  if (op === 'updated' && e.kv && e.prevKv) {
    const { changed, metadataChanged } = changedFields(e.prevKv.value, e.kv.value);
    w.changed = changed;
    if (metadataChanged.length) w.metadataChanged = metadataChanged;
  }
  return w;
}

/** Top-level fields that differ, and within metadata the fields that differ (bookkeeping left out). */
export function changedFields(before: KubeObject, after: KubeObject): { changed: string[]; metadataChanged: string[] } {
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  const metadataChanged = differing(
    (a.metadata ?? {}) as Record<string, unknown>,
    (b.metadata ?? {}) as Record<string, unknown>,
  ).filter((f) => !BOOKKEEPING.has(f));
  const changed = differing(a, b).filter((f) => f !== 'metadata' || metadataChanged.some((m) => m !== 'managedFields'));
  return { changed, metadataChanged };
}

function differing(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const f of new Set([...Object.keys(a), ...Object.keys(b)])) {
    // Stored objects are immutable and share unchanged parts: identity settles most fields at once.
    if (a[f] !== b[f] && !jsonEqual(a[f], b[f])) out.push(f);
  }
  return out.sort();
}
