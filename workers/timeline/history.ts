/**
 * Time travel, read from the store's history (never re-simulated): an object
 * at a revision, its YAML diff between two revisions, and what changed
 * between two revisions.
 */
import { stringify } from 'yaml';
import type { KubeObject } from '../api/object';
import type { Store } from '../store/store';
import type { Recorder } from './recorder';
import type { ChangedObject, Changes, ObjectAt, ObjectDiff, TimelineResult, WriteOp } from './types';
import { checkRevision, invalidInput, ok } from './errors';
import { parseKey } from './writes';
import { lineDiff } from './lineDiff';

function checkKey<T>(key: unknown): TimelineResult<T> | undefined {
  if (typeof key !== 'string' || !parseKey(key)) return invalidInput(`key must be a store key like /registry/apps/deployments/default/web, got ${JSON.stringify(key)}`);
  return undefined;
}

export function objectAt(store: Store<KubeObject>, key: string, revision: number): TimelineResult<ObjectAt> {
  const bad = checkKey<ObjectAt>(key) ?? checkRevision<ObjectAt>(revision, store.revision, store.compactedRevision);
  if (bad) return bad;
  const out: ObjectAt = { key, revision };
  const kv = store.getAt(key, revision);
  if (kv) out.object = kv.value;
  return ok(out);
}

/** YAML for reading and diffing: managedFields say who owns what, not what the object is. */
export function yamlOf(o: KubeObject): string {
  const { managedFields: _m, ...metadata } = o.metadata;
  return stringify({ ...o, metadata }, { sortMapEntries: false });
}

export function diff(store: Store<KubeObject>, key: string, revA: number, revB: number): TimelineResult<ObjectDiff> {
  const bad =
    checkKey<ObjectDiff>(key) ??
    checkRevision<ObjectDiff>(revA, store.revision, store.compactedRevision, 'revA') ??
    checkRevision<ObjectDiff>(revB, store.revision, store.compactedRevision, 'revB');
  if (bad) return bad;
  const a = store.getAt(key, revA)?.value;
  const b = store.getAt(key, revB)?.value;
  const before = a ? yamlOf(a) : undefined;
  const after = b ? yamlOf(b) : undefined;
  const lines = lineDiff(before ? before.trimEnd().split('\n') : [], after ? after.trimEnd().split('\n') : []);
  const out: ObjectDiff = { key, revA, revB, lines };
  if (before !== undefined) out.before = before;
  if (after !== undefined) out.after = after;
  return ok(out);
}

export function changes(store: Store<KubeObject>, recorder: Recorder | undefined, revA: number, revB: number): TimelineResult<Changes> {
  const bad =
    checkRevision<Changes>(revA, store.revision, store.compactedRevision, 'revA') ??
    checkRevision<Changes>(revB, store.revision, store.compactedRevision, 'revB');
  if (bad) return bad;
  if (revA > revB) return invalidInput(`revA (${revA}) must not be after revB (${revB})`);
  const byKey = new Map<string, { existedBefore: boolean; existsAfter: boolean; revisions: number[]; last?: KubeObject }>();
  for (const e of store.eventsSince(revA)) {
    if (e.revision > revB) break;
    let c = byKey.get(e.key);
    if (!c) byKey.set(e.key, (c = { existedBefore: e.prevKv !== undefined, existsAfter: false, revisions: [] }));
    c.existsAfter = e.type === 'PUT';
    c.last = e.kv?.value ?? e.prevKv?.value;
    if (c.revisions[c.revisions.length - 1] !== e.revision) c.revisions.push(e.revision);
  }
  const objects: ChangedObject[] = [];
  for (const [key, c] of byKey) {
    const op: WriteOp = !c.existsAfter ? 'deleted' : c.existedBefore ? 'updated' : 'created';
    const k = parseKey(key);
    const entries = new Set<number>();
    for (const r of c.revisions) {
      const e = recorder?.entryForRevision(r);
      if (e) entries.add(e.id);
    }
    const o: ChangedObject = {
      key,
      op,
      kind: c.last?.kind ?? '',
      group: k?.group ?? '',
      resource: k?.resource ?? '',
      name: c.last?.metadata?.name ?? k?.name ?? key,
      revisions: c.revisions,
      entries: [...entries],
    };
    const ns = c.last?.metadata?.namespace ?? k?.namespace;
    if (ns) o.namespace = ns;
    objects.push(o);
  }
  objects.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  return ok({ revA, revB, objects });
}
