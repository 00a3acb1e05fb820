/**
 * One store watch per watched prefix, shared by every API watch of it, as the
 * API server's watch cache shares one etcd watch per resource
 * (staging/src/k8s.io/apiserver/pkg/storage/cacher/cacher.go). Watchers whose
 * field selector pins a field to one value (each kubelet's
 * `spec.nodeName=<node>`) are indexed by that value, like the cacher's
 * indexed triggers (pkg/registry/core/pod/storage: NodeNameTriggerFunc): an
 * event reaches the unindexed watchers and those indexed under the field's
 * value before or after the write, not all hundred kubelets. Each watcher
 * still applies its own selectors, so what it sees is unchanged.
 */
import type { Store, StoreEvent } from '../../store/store';
import type { KubeObject } from '../object';

export type Fields = (o: KubeObject) => Readonly<Record<string, string>>;

export interface FanoutIndex {
  field: string;
  value: string;
}

interface Entry {
  /** Registration order: watchers of one event are called in it, as the store would. */
  readonly order: number;
  readonly index?: FanoutIndex;
  readonly deliver: (e: StoreEvent<KubeObject>) => void;
  /** Events up to this revision were already replayed or listed. */
  after: number;
  active: boolean;
}

class Fanout {
  private seq = 0;
  private readonly plain: Entry[] = [];
  /** field → value → watchers. */
  private readonly indexed = new Map<string, Map<string, Entry[]>>();
  private size = 0;
  private readonly cancel: () => void;

  constructor(
    store: Store<KubeObject>,
    prefix: string,
    private readonly fields: Fields,
    private readonly onEmpty: () => void,
  ) {
    this.cancel = store.watch(prefix, 0, (e) => this.dispatch(e));
  }

  add(index: FanoutIndex | undefined, after: number, deliver: Entry['deliver']): Entry {
    const entry: Entry = { order: ++this.seq, index, deliver, after, active: true };
    if (index) {
      let byValue = this.indexed.get(index.field);
      if (!byValue) this.indexed.set(index.field, (byValue = new Map()));
      const list = byValue.get(index.value);
      if (list) list.push(entry);
      else byValue.set(index.value, [entry]);
    } else this.plain.push(entry);
    this.size++;
    return entry;
  }

  remove(entry: Entry): void {
    if (!entry.active) return;
    entry.active = false;
    if (entry.index) {
      const byValue = this.indexed.get(entry.index.field);
      const list = byValue?.get(entry.index.value);
      if (list) {
        list.splice(list.indexOf(entry), 1);
        if (list.length === 0) byValue!.delete(entry.index.value);
        if (byValue!.size === 0) this.indexed.delete(entry.index.field);
      }
    } else this.plain.splice(this.plain.indexOf(entry), 1);
    if (--this.size === 0) {
      this.cancel();
      this.onEmpty();
    }
  }

  private dispatch(e: StoreEvent<KubeObject>): void {
    let targets: Entry[] = this.plain;
    if (this.indexed.size) {
      const prev = e.prevKv?.value;
      const cur = e.kv?.value;
      const prevFields = prev && this.fields(prev);
      const curFields = cur && this.fields(cur);
      let extra: Entry[] | undefined;
      for (const [field, byValue] of this.indexed) {
        const a = prevFields ? (prevFields[field] ?? '') : undefined;
        const b = curFields ? (curFields[field] ?? '') : undefined;
        if (a !== undefined) extra = merged(extra, byValue.get(a));
        if (b !== undefined && b !== a) extra = merged(extra, byValue.get(b));
      }
      if (extra) targets = merged(this.plain, extra)!;
    }
    // A watcher stopped or started by another's callback is honoured as the store does.
    if (targets === this.plain && targets.length > 1) targets = targets.slice();
    for (const t of targets) if (t.active && e.revision > t.after) t.deliver(e);
  }
}

/**
 * Two lists in registration order merged into a new one; `a` itself when `b`
 * is empty. Never a list the fan-out keeps, which callbacks may change.
 */
function merged(a: Entry[] | undefined, b: Entry[] | undefined): Entry[] | undefined {
  if (!b || b.length === 0) return a;
  if (!a) a = [];
  const out: Entry[] = new Array<Entry>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i].order <= b[j].order ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

const fanouts = new WeakMap<Store<KubeObject>, Map<string, Fanout>>();

/**
 * Watch `prefix` from after revision `from` (0: from now): past events are
 * replayed at once (CompactedError when they are gone), then live ones come
 * through the prefix's shared fan-out. `key` tells apart resources that
 * share a prefix (their field sets differ). Returns the stop function.
 */
export function watchPrefix(
  store: Store<KubeObject>,
  prefix: string,
  key: string,
  fields: Fields,
  from: number,
  index: FanoutIndex | undefined,
  deliver: (e: StoreEvent<KubeObject>) => void,
): () => void {
  let after = from;
  if (from > 0 && from < store.revision) {
    for (const e of store.eventsSince(from)) {
      if (!e.key.startsWith(prefix)) continue;
      deliver(e);
      after = e.revision;
    }
  }
  // Events written but not yet delivered (a write inside another watcher's callback) are in
  // the replay or the list the caller sent; the fan-out must not send them twice.
  after = Math.max(after, store.revision);
  let byPrefix = fanouts.get(store);
  if (!byPrefix) fanouts.set(store, (byPrefix = new Map()));
  const id = `${prefix}\u0000${key}`;
  let f = byPrefix.get(id);
  if (!f) {
    const m = byPrefix;
    f = new Fanout(store, prefix, fields, () => m.delete(id));
    byPrefix.set(id, f);
  }
  const fanout = f;
  const entry = fanout.add(index, after, deliver);
  return () => fanout.remove(entry);
}
