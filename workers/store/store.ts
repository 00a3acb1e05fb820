/**
 * An etcd-like MVCC key-value store: one global revision, per-key create and
 * mod revisions, compare-and-swap transactions, ordered watches that replay
 * history, and compaction. Values are treated as immutable: callers never
 * mutate what they put or get, so history shares structure with the present.
 */

/** Who made a write: the clock task (if any) and the component that ran it. */
export interface WriteCause {
  component: string;
  key?: string;
  what?: string;
  task?: number;
}

/** A clock task as far as causes go. */
interface CauseTask {
  readonly id: number;
  readonly component: string;
  readonly key: string;
  readonly what: string;
}

let lastTask: CauseTask | undefined;
let lastCause: WriteCause | undefined;

/** The cause of writes made by `t`: one object for all of a task's writes (history keeps one per write). */
export function taskCause(t: CauseTask): WriteCause {
  if (t !== lastTask || !lastCause) {
    lastTask = t;
    lastCause = { component: t.component, key: t.key, what: t.what, task: t.id };
  }
  return lastCause;
}

export interface KeyValue<V = unknown> {
  readonly key: string;
  readonly value: V;
  readonly createRevision: number;
  readonly modRevision: number;
  /** Number of writes since creation (etcd's `version`). */
  readonly version: number;
}

export interface StoreEvent<V = unknown> {
  readonly type: 'PUT' | 'DELETE';
  readonly revision: number;
  readonly key: string;
  /** The new value (PUT) — undefined for DELETE. */
  readonly kv?: KeyValue<V>;
  /** The value before this write, if any. */
  readonly prevKv?: KeyValue<V>;
  readonly cause: WriteCause;
  /** Virtual time of the write (ms). */
  readonly time: number;
}

export type Compare = { key: string; modRevision: number }; // 0 = must not exist
export type Op<V> = { type: 'put'; key: string; value: V } | { type: 'delete'; key: string };

export interface TxnResult<V> {
  succeeded: boolean;
  revision: number;
  /** For each op, the value after it (put) or the deleted value (delete). */
  results: (KeyValue<V> | undefined)[];
}

export class CompactedError extends Error {
  constructor(readonly requested: number, readonly compacted: number) {
    super(`required revision ${requested} has been compacted (compacted revision ${compacted})`);
  }
}

export type WatchCallback<V> = (event: StoreEvent<V>) => void;

interface Watcher<V> {
  prefix: string;
  cb: WatchCallback<V>;
  active: boolean;
}

export interface StoreOptions {
  now?: () => number;
  cause?: () => WriteCause;
}

const SYSTEM: WriteCause = { component: 'system' };

export class Store<V = unknown> {
  private rev = 0;
  private compactedRev = 0;
  /** bucket (key up to and including the resource segment) → key → kv */
  private buckets = new Map<string, Map<string, KeyValue<V>>>();
  private log: StoreEvent<V>[] = [];
  private watchers: Watcher<V>[] = [];
  private pendingDelivery: StoreEvent<V>[] = [];
  private delivering = false;
  private readonly now: () => number;
  private readonly causeOf: () => WriteCause;

  constructor(opts: StoreOptions = {}) {
    this.now = opts.now ?? (() => 0);
    this.causeOf = opts.cause ?? (() => SYSTEM);
  }

  get revision(): number {
    return this.rev;
  }

  get compactedRevision(): number {
    return this.compactedRev;
  }

  get(key: string): KeyValue<V> | undefined {
    return this.buckets.get(bucketOf(key))?.get(key);
  }

  /** All current key-values under a prefix, sorted by key. */
  list(prefix: string): KeyValue<V>[] {
    const out: KeyValue<V>[] = [];
    const bucket = bucketOf(prefix);
    const scan = (m: Map<string, KeyValue<V>>) => {
      for (const [k, kv] of m) if (k.startsWith(prefix)) out.push(kv);
    };
    const own = this.buckets.get(bucket);
    if (own) scan(own);
    // A prefix reaching past its bucket's resource segment can only match keys of that bucket.
    else if (bucket.length < prefix.length || isWholeBucket(bucket)) return out;
    else for (const [b, m] of this.buckets) if (b.startsWith(prefix) || prefix.startsWith(b)) scan(m);
    out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return out;
  }

  count(prefix: string): number {
    const m = this.buckets.get(bucketOf(prefix));
    if (!m) return this.list(prefix).length;
    if (bucketOf(prefix) === prefix) return m.size;
    let n = 0;
    for (const k of m.keys()) if (k.startsWith(prefix)) n++;
    return n;
  }

  /**
   * Atomically: if every compare holds, apply the ops under one new revision.
   * Ops on the same key in one txn are not allowed (as in etcd).
   */
  txn(compares: Compare[], ops: Op<V>[], cause?: WriteCause): TxnResult<V> {
    for (const c of compares) {
      const cur = this.get(c.key);
      if ((cur?.modRevision ?? 0) !== c.modRevision) return { succeeded: false, revision: this.rev, results: [] };
    }
    if (!ops.length) return { succeeded: true, revision: this.rev, results: [] };
    const revision = ++this.rev;
    const time = this.now();
    const who = cause ?? this.causeOf();
    const results: (KeyValue<V> | undefined)[] = [];
    const events: StoreEvent<V>[] = [];
    for (const op of ops) {
      const b = bucketOf(op.key);
      let m = this.buckets.get(b);
      const prev = m?.get(op.key);
      if (op.type === 'put') {
        const kv: KeyValue<V> = {
          key: op.key,
          value: op.value,
          createRevision: prev?.createRevision ?? revision,
          modRevision: revision,
          version: (prev?.version ?? 0) + 1,
        };
        if (!m) this.buckets.set(b, (m = new Map()));
        m.set(op.key, kv);
        results.push(kv);
        events.push({ type: 'PUT', revision, key: op.key, kv, prevKv: prev, cause: who, time });
      } else {
        if (!prev) {
          results.push(undefined);
          continue;
        }
        m!.delete(op.key);
        results.push(prev);
        events.push({ type: 'DELETE', revision, key: op.key, prevKv: prev, cause: who, time });
      }
    }
    for (const e of events) this.log.push(e);
    this.deliver(events);
    return { succeeded: true, revision, results };
  }

  /** Revision the next write will get (callers stamp resourceVersion with it). */
  nextRevision(): number {
    return this.rev + 1;
  }

  /**
   * Watch a prefix. Events after `fromRevision` (exclusive) are replayed from
   * history first, then streamed live, in revision order with no gaps.
   * `fromRevision` 0 means "from now".
   */
  watch(prefix: string, fromRevision: number, cb: WatchCallback<V>): () => void {
    if (fromRevision > 0 && fromRevision < this.compactedRev) throw new CompactedError(fromRevision, this.compactedRev);
    const w: Watcher<V> = { prefix, cb, active: true };
    if (fromRevision > 0 && fromRevision < this.rev) {
      for (const e of this.eventsSince(fromRevision)) if (e.key.startsWith(prefix)) cb(e);
    }
    this.watchers.push(w);
    return () => {
      w.active = false;
      this.watchers = this.watchers.filter((x) => x !== w);
    };
  }

  /** Events with revision > `fromRevision`, oldest first. */
  eventsSince(fromRevision: number): StoreEvent<V>[] {
    if (fromRevision > 0 && fromRevision < this.compactedRev) throw new CompactedError(fromRevision, this.compactedRev);
    let lo = 0;
    let hi = this.log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.log[mid].revision <= fromRevision) lo = mid + 1;
      else hi = mid;
    }
    return this.log.slice(lo);
  }

  /** The whole retained history (oldest first). */
  history(): readonly StoreEvent<V>[] {
    return this.log;
  }

  /**
   * Key-values under a prefix as they were at `revision`, sorted by key: the
   * present with later events undone from history (etcd's read at a revision).
   * CompactedError before the compacted revision; callers check for the future.
   */
  listAt(prefix: string, revision: number): KeyValue<V>[] {
    if (revision < this.compactedRev) throw new CompactedError(revision, this.compactedRev);
    const kvs = new Map<string, KeyValue<V>>();
    for (const kv of this.list(prefix)) kvs.set(kv.key, kv);
    for (let i = this.log.length - 1; i >= 0 && this.log[i].revision > revision; i--) {
      const e = this.log[i];
      if (!e.key.startsWith(prefix)) continue;
      if (e.prevKv) kvs.set(e.key, e.prevKv);
      else kvs.delete(e.key);
    }
    return [...kvs.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** One key as it was at `revision` (undefined: it did not exist then). */
  getAt(key: string, revision: number): KeyValue<V> | undefined {
    if (revision < this.compactedRev) throw new CompactedError(revision, this.compactedRev);
    let kv = this.get(key);
    for (let i = this.log.length - 1; i >= 0 && this.log[i].revision > revision; i--) {
      const e = this.log[i];
      if (e.key === key) kv = e.prevKv;
    }
    return kv;
  }

  /** The events written at one revision (one txn), from history. */
  eventsAt(revision: number): StoreEvent<V>[] {
    let lo = 0;
    let hi = this.log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.log[mid].revision < revision) lo = mid + 1;
      else hi = mid;
    }
    const out: StoreEvent<V>[] = [];
    for (let i = lo; i < this.log.length && this.log[i].revision === revision; i++) out.push(this.log[i]);
    return out;
  }

  /** Forget history at and before `revision`; watches from there get CompactedError. */
  compact(revision: number): void {
    const r = Math.min(revision, this.rev);
    if (r <= this.compactedRev) return;
    this.compactedRev = r;
    const keep = this.eventsSince(r);
    this.log = keep;
  }

  private deliver(events: StoreEvent<V>[]): void {
    this.pendingDelivery.push(...events);
    if (this.delivering) return; // a watcher wrote during delivery: keep order
    this.delivering = true;
    try {
      while (this.pendingDelivery.length) {
        const e = this.pendingDelivery.shift()!;
        for (const w of this.watchers) if (w.active && e.key.startsWith(w.prefix)) w.cb(e);
      }
    } finally {
      this.delivering = false;
    }
  }
}

/** Whether `bucket` (a bucketOf result) ends with the fourth slash of its key. */
function isWholeBucket(bucket: string): boolean {
  let slashes = 0;
  for (let i = 0; i < bucket.length; i++) if (bucket.charCodeAt(i) === 47) slashes++;
  return slashes === 4 && bucket.charCodeAt(bucket.length - 1) === 47;
}

/** `/registry/<group>/<resource>/` — the unit the store indexes by. */
export function bucketOf(key: string): string {
  let slashes = 0;
  for (let i = 0; i < key.length; i++) {
    if (key.charCodeAt(i) === 47 && ++slashes === 4) return key.slice(0, i + 1);
  }
  return key;
}
