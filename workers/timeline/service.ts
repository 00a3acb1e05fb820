/**
 * The timeline behind the worker's methods: one recorder per cluster, stepping,
 * time travel, sessions, replay and fork. Every answer is a TimelineResult;
 * replay and fork build a new cluster that the worker then swaps in.
 */
import type { Cluster, ClusterOptions } from '../cluster';
import type { Status } from '../api/status';
import { Recorder } from './recorder';
import { TIMELINE_CAPACITY } from './types';
import type {
  Changes, ForkResult, ObjectAt, ObjectDiff, ReplayResult, SessionDocument, StepRequest, StepResult,
  TimelineEntry, TimelineInfo, TimelinePage, TimelineQuery, TimelineResult,
} from './types';
import { failed, invalidInput, missing, ok, checkRevision } from './errors';
import { pageOf } from './query';
import { entryOf } from './entries';
import { step } from './stepper';
import * as history from './history';
import { historyHash } from './hash';
import { exportSession, parseSession, replayInto, type ReplayTarget } from './session';
import { badRequest } from '../api/status';

type MakeCluster = (opts?: ClusterOptions) => Cluster | Promise<Cluster>;
const refuse = (status: Status) => ({ ok: false as const, status });

export type Swap<T> = { ok: true; value: T; cluster?: Cluster } | { ok: false; status: Status };

export class TimelineService {
  private recorder: Recorder | undefined;
  private options: ClusterOptions = {};
  private generation = 0;

  constructor(
    private readonly makeCluster: MakeCluster,
    private readonly capacity = TIMELINE_CAPACITY,
  ) {}

  /** Start recording a cluster (before its clock runs its first task, or a replay cannot reproduce it). */
  attach(cluster: Cluster, opts: ClusterOptions = {}): Recorder {
    this.recorder?.detach();
    this.recorder = new Recorder(cluster, this.capacity);
    this.options = opts;
    this.generation++;
    return this.recorder;
  }

  private rec(): Recorder {
    if (!this.recorder) throw new Error('no cluster is being recorded');
    return this.recorder;
  }

  info(c: Cluster): TimelineResult<TimelineInfo> {
    const r = this.rec();
    const info: TimelineInfo = {
      generation: this.generation,
      entries: r.size,
      capacity: r.capacity,
      dropped: r.dropped,
      revision: c.store.revision,
      compactedRevision: c.store.compactedRevision,
      tasksRun: c.clock.tasksRun,
      now: c.clock.now(),
    };
    if (r.newestId > 0) {
      info.oldestId = r.oldestId;
      info.newestId = r.newestId;
    }
    return ok(info);
  }

  page(q?: TimelineQuery): TimelineResult<TimelinePage> {
    return pageOf(this.rec(), q);
  }

  entry(id: number): TimelineResult<TimelineEntry> {
    if (typeof id !== 'number' || !Number.isInteger(id)) return invalidInput(`entry id must be an integer, got ${JSON.stringify(id)}`);
    const r = this.rec();
    const e = r.get(id);
    if (!e) return missing(id >= 1 && id < r.oldestId ? `timeline entry ${id} was dropped (only the newest ${r.capacity} are kept)` : `timeline entry ${id} not found`);
    return ok(entryOf(r, e));
  }

  step(c: Cluster, req: StepRequest): TimelineResult<StepResult> {
    return step(c, this.rec(), req);
  }

  objectAt(c: Cluster, key: string, revision: number): TimelineResult<ObjectAt> {
    return history.objectAt(c.store, key, revision);
  }

  diff(c: Cluster, key: string, revA: number, revB: number): TimelineResult<ObjectDiff> {
    return history.diff(c.store, key, revA, revB);
  }

  changes(c: Cluster, revA: number, revB: number): TimelineResult<Changes> {
    return history.changes(c.store, this.recorder, revA, revB);
  }

  exportSession(c: Cluster): TimelineResult<SessionDocument> {
    return ok(exportSession(c, this.rec(), this.options));
  }

  historyHash(c: Cluster): TimelineResult<string> {
    return ok(historyHash(c.store));
  }

  /** Replay a session into a new, recorded cluster. The caller swaps it in (and ends the watches of the old one). */
  async importSession(input: string | SessionDocument, opts: { replay?: boolean } = {}): Promise<Swap<ReplayResult>> {
    const parsed = parseSession(input);
    if (!parsed.ok) return parsed;
    const doc = parsed.value;
    if (opts.replay === false) {
      return ok({ generation: this.generation, tasksRun: doc.tasksRun, revision: doc.revision, historyHash: doc.historyHash, matches: false });
    }
    const built = await this.rebuild(doc.options, doc.actions, { tasks: doc.tasksRun, time: doc.time });
    if (!built.ok) return built;
    const c = built.value;
    const hash = historyHash(c.store);
    return { ok: true, cluster: c, value: { generation: this.generation, tasksRun: c.clock.tasksRun, revision: c.store.revision, historyHash: hash, matches: hash === doc.historyHash } };
  }

  /** Rebuild up to the entry that wrote `revision` and hand back the new cluster; the later branch is dropped. */
  async fork(c: Cluster, revision: number): Promise<{ ok: true; value: ForkResult; cluster: Cluster } | { ok: false; status: Status }> {
    const bad = checkRevision<ForkResult>(revision, c.store.revision, c.store.compactedRevision);
    if (bad && !bad.ok) return bad;
    const r = this.rec();
    // Every action is kept, so a replay is always possible; the check against the old history is not once it is compacted.
    if (c.store.compactedRevision > 0) return refuse(badRequest('cannot fork: the store history was compacted, so the fork could not be checked against it'));
    const target = this.forkTarget(c, r, revision);
    if (typeof target === 'string') return refuse(badRequest(target));
    const session = exportSession(c, r, this.options);
    const built = await this.rebuild(session.options, session.actions, target);
    if (!built.ok) return built;
    const next = built.value;
    const hash = historyHash(next.store);
    // The new history must be the old one's prefix, event for event.
    if (hash !== historyHash(c.store, next.store.revision)) {
      return refuse(badRequest(`fork at revision ${revision} did not reproduce the history before it; the cluster was left as it was`));
    }
    return { ok: true, cluster: next, value: { generation: this.generation, revision: next.store.revision, tasksRun: next.clock.tasksRun, historyHash: hash } };
  }

  private forkTarget(c: Cluster, r: Recorder, revision: number): ReplayTarget | string {
    if (revision <= r.startRevision) return { tasks: 0 };
    const events = c.store.eventsAt(revision);
    if (!events.length) return `revision ${revision} is not in the store's history`;
    const task = events[0].cause.task;
    if (task !== undefined) return { afterTaskId: task, maxTasks: c.clock.tasksRun };
    const k = r.actions.findIndex((a) => a.revisions.includes(revision));
    if (k >= 0) return { afterAction: k };
    return `revision ${revision} was not written by a task or a recorded action, so it cannot be replayed`;
  }

  /** A new cluster with the options, recorded from its start, replayed to the target; recording moves to it only on success. */
  private async rebuild(options: SessionDocument['options'], actions: SessionDocument['actions'], target: ReplayTarget): Promise<TimelineResult<Cluster>> {
    const next = await this.makeCluster({ ...options });
    const recorder = new Recorder(next, this.capacity);
    const problem = replayInto(next, actions, target);
    if (problem) {
      recorder.detach();
      next.driver.stop();
      return failed(badRequest(`cannot replay the session: ${problem}`));
    }
    this.recorder?.detach();
    this.recorder = recorder;
    this.options = { ...options };
    this.generation++;
    return ok(next);
  }
}
