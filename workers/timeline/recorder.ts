/**
 * Records the timeline of one cluster: an entry per task the clock ran, with
 * the store revisions it wrote, and an entry per action from outside (API
 * requests that write, chaos), with the exact point it happened for replay.
 *
 * Cost: O(1) per task and per write (a few numbers and a shared label); the
 * decision snapshots are kept for the newest DETAIL_CAPACITY entries only.
 * Memory: a ring of `capacity` entries (TIMELINE_CAPACITY, 50,000 by default);
 * older entries are dropped and counted. Store history itself is the store's.
 */
import type { Cluster, ExternalAction } from '../cluster';
import type { RanTask } from '../clock/clock';
import type { StoreEvent } from '../store/store';
import type { KubeObject } from '../api/object';
import type { ApiResponse } from '../api/request';
import { DetailCapture, expandScheduling, type CompactScheduling } from './capture';
import { TIMELINE_CAPACITY, type EntryDetail, type EntrySource, type SessionAction, type SessionActionRecord } from './types';

/** Decision snapshots kept (the newest entries that have one): controllers' records, and scheduling tables. */
export const DETAIL_CAPACITY = 5_000;
export const SCHEDULING_DETAIL_CAPACITY = 1_000;

export interface EntryRecord {
  readonly id: number;
  readonly source: EntrySource;
  readonly taskId?: number;
  readonly component: string;
  readonly key: string;
  readonly what: string;
  readonly time: number;
  revisions: number[];
  action?: SessionAction;
  status?: number;
  /** Filled the first time it is asked for (the writes it reads are immutable history). */
  narration?: string;
}

export interface RecordedAction {
  record: SessionActionRecord;
  /** The entry the action became, and the revisions it wrote. */
  entryId: number;
  revisions: number[];
}

const EMPTY: number[] = [];
const NOOP = () => {};

/** Reads never change the cluster, so a replay has no need of them. */
function isRead(a: ExternalAction): boolean {
  if (a.type !== 'request') return false;
  const { verb, subresource } = a.request;
  return (verb === 'get' || verb === 'list' || verb === 'watch') && subresource !== 'proxy';
}

function actorOf(a: ExternalAction): string {
  if (a.type === 'chaos') return 'chaos';
  const ua = a.request.userAgent;
  return ua ? ua.split(/[/ ]/)[0] || 'client' : 'client';
}

function labelOf(a: ExternalAction): { key: string; what: string } {
  if (a.type === 'chaos') {
    const c = a.chaos;
    const key = 'node' in c ? c.node : 'pod' in c ? `${c.namespace}/${c.pod}` : '';
    return { key, what: c.action };
  }
  const r = a.request;
  const body = r.body as { metadata?: { name?: string; generateName?: string } } | undefined;
  const name = r.name ?? body?.metadata?.name ?? body?.metadata?.generateName ?? r.resource;
  return { key: r.namespace ? `${r.namespace}/${name}` : name, what: r.subresource ? `${r.verb} ${r.subresource}` : r.verb };
}

function toSessionAction(a: ExternalAction): SessionAction {
  // A deep, JSON-only copy: what is exported is exactly what a replay will send.
  return JSON.parse(JSON.stringify(a.type === 'request' ? { type: 'request', request: a.request } : { type: 'chaos', chaos: a.chaos })) as SessionAction;
}

export class Recorder {
  private readonly ring: (EntryRecord | undefined)[];
  private seq = 0;
  private pending: number[] = [];
  private open: EntryRecord | undefined;
  private readonly details = new Map<number, EntryDetail>();
  private readonly scheduling = new Map<number, CompactScheduling>();
  private readonly capture: DetailCapture;
  /** First revision of each entry that wrote, in entry order: revision → entry lookups. */
  private revFirst: number[] = [];
  private revEntry: number[] = [];
  readonly actions: RecordedAction[] = [];
  /** The store's revision when recording began: writes up to it were made while the cluster was built. */
  readonly startRevision: number;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    readonly cluster: Cluster,
    readonly capacity = TIMELINE_CAPACITY,
  ) {
    this.ring = new Array<EntryRecord | undefined>(capacity);
    this.startRevision = cluster.store.revision;
    this.capture = new DetailCapture(cluster);
    this.unsubscribe.push(cluster.store.watch('', 0, (e) => this.onWrite(e)));
    this.unsubscribe.push(cluster.clock.onTask((t) => this.onTask(t)));
    cluster.external = this.onExternalBound;
  }

  detach(): void {
    for (const u of this.unsubscribe) u();
    this.unsubscribe.length = 0;
    if (this.cluster.external === this.onExternalBound) this.cluster.external = undefined;
  }

  get newestId(): number {
    return this.seq;
  }

  get oldestId(): number {
    return Math.max(1, this.seq - this.capacity + 1);
  }

  get size(): number {
    return this.seq - this.oldestId + 1;
  }

  get dropped(): number {
    return this.oldestId - 1;
  }

  get(id: number): EntryRecord | undefined {
    if (!Number.isInteger(id) || id < 1) return undefined;
    const r = this.ring[id % this.capacity];
    return r && r.id === id ? r : undefined;
  }

  detail(id: number): EntryDetail | undefined {
    const s = this.scheduling.get(id);
    return s ? expandScheduling(s) : this.details.get(id);
  }

  /** The entry that wrote `revision`, while it is held. */
  entryForRevision(revision: number): EntryRecord | undefined {
    const f = this.revFirst;
    let lo = 0;
    let hi = f.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (f[mid] <= revision) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return undefined;
    const e = this.get(this.revEntry[lo - 1]);
    return e && e.revisions.includes(revision) ? e : undefined;
  }

  private readonly onExternalBound = (a: ExternalAction) => this.onExternal(a);

  private onWrite(e: StoreEvent<KubeObject>): void {
    const t = e.cause.task;
    const into = t !== undefined ? this.pending : (this.open?.revisions ?? this.loose(e));
    if (into[into.length - 1] !== e.revision) into.push(e.revision);
  }

  /** A write outside any task or recorded action (a test writing to the store itself): an entry of its own. */
  private loose(e: StoreEvent<KubeObject>): number[] {
    const rec: EntryRecord = { id: ++this.seq, source: 'action', component: e.cause.component, key: e.key, what: 'write', time: e.time, revisions: [] };
    this.push(rec);
    // Indexed now, with the revision about to be pushed into it.
    this.index(rec.id, e.revision);
    return rec.revisions;
  }

  private onTask(t: RanTask): void {
    const revisions = this.pending.length ? this.pending : EMPTY;
    this.pending = [];
    const rec: EntryRecord = { id: ++this.seq, source: 'task', taskId: t.id, component: t.component, key: t.key, what: t.what, time: this.cluster.clock.now(), revisions };
    this.push(rec);
    if (revisions.length) {
      this.index(rec.id, revisions[0]);
      const d = this.capture.capture(t);
      if (d) this.keepDetail(rec.id, d);
    }
  }

  private onExternal(a: ExternalAction): (res: ApiResponse) => void {
    if (this.open || isRead(a)) return NOOP;
    const clock = this.cluster.clock;
    const record: SessionActionRecord = { afterTasks: clock.tasksRun, afterTask: clock.lastTaskId, time: clock.now(), action: toSessionAction(a) };
    const { key, what } = labelOf(a);
    const rec: EntryRecord = { id: ++this.seq, source: 'action', component: actorOf(a), key, what, time: record.time, revisions: [], action: record.action };
    this.open = rec;
    return (res) => {
      this.open = undefined;
      rec.status = res.status;
      this.push(rec);
      if (rec.revisions.length) this.index(rec.id, rec.revisions[0]);
      else rec.revisions = EMPTY;
      this.actions.push({ record, entryId: rec.id, revisions: rec.revisions });
    };
  }

  private push(rec: EntryRecord): void {
    this.ring[rec.id % this.capacity] = rec;
  }

  private index(entryId: number, firstRevision: number): void {
    this.revFirst.push(firstRevision);
    this.revEntry.push(entryId);
    // Trim the index of dropped entries now and then (amortised O(1)).
    if (this.revEntry.length > 2 * this.capacity) {
      const oldest = this.oldestId;
      const keep = this.revEntry.findIndex((id) => id >= oldest);
      this.revFirst = this.revFirst.slice(keep);
      this.revEntry = this.revEntry.slice(keep);
    }
  }

  private keepDetail(id: number, d: EntryDetail | CompactScheduling): void {
    const into: Map<number, EntryDetail | CompactScheduling> = d.type === 'compact-scheduling' ? this.scheduling : this.details;
    into.set(id, d);
    const cap = d.type === 'compact-scheduling' ? SCHEDULING_DETAIL_CAPACITY : DETAIL_CAPACITY;
    if (into.size > cap) into.delete(into.keys().next().value!);
  }
}
