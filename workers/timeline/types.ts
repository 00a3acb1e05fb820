/**
 * The data shapes of the timeline: what the worker's timeline methods take
 * and return (see `ClusterWorkerApi` in workers/cluster.worker.ts). Plain
 * JSON-able data only, so it crosses comlink as is.
 *
 * Ids. An entry id is the recorder's own sequence (1, 2, 3, … over the life
 * of one cluster); a task entry also carries the clock's task id. Entry ids
 * restart at 1 when the cluster is replaced (import/replay, fork): compare
 * `TimelineInfo.generation` to know.
 *
 * Cluster replaced (importSession with replay, fork). Every open watch gets
 * exactly one last event `{ type: 'ERROR', object: Status }` with
 * `code: 410, reason: 'Expired'` and a message starting with
 * `cluster replaced:` — then it is closed by the worker (no further batches;
 * calling `unwatch` on it is harmless). The page's reflectors treat a 410 as
 * "re-list and watch again", which is what a swapped cluster needs. The clock
 * of the new cluster is paused; `clock()` reports its mode.
 */
import type { Status } from '../api/status';
import type { ClusterOptions } from '../cluster';
import type { ApiRequest } from '../api/request';
import type { ChaosAction } from '../chaos';
import type { KubeObject } from '../api/object';

/** Every timeline method answers with a value or a Kubernetes-style Status (bad id, revision out of range, malformed session, …). */
export type TimelineResult<T> = { ok: true; value: T } | { ok: false; status: Status };

/** Entries kept in memory (a ring); older ones are dropped and counted in `TimelineInfo.dropped` (their store history stays until compacted). */
export const TIMELINE_CAPACITY = 50_000;

/** `task`: the clock ran a labelled task. `action`: something from outside (page, terminal, kubectl host, chaos). */
export type EntrySource = 'task' | 'action';

export interface TimelineEntrySummary {
  id: number;
  source: EntrySource;
  /** The clock task id (source `task`). */
  taskId?: number;
  /** `replicaset-controller`, `scheduler`, `kubelet/worker-1`, `kube-apiserver` for requests, `chaos`. */
  component: string;
  /** What it is about, usually `namespace/name`. */
  key: string;
  /** `sync`, `schedule`, `pull image`; for actions the verb (`create`, `patch`, `stopKubelet`). */
  what: string;
  /** Virtual time, ms since 1970. */
  time: number;
  /** Store revisions this entry wrote, ascending (may be empty). */
  revisions: number[];
  /** One sentence saying what happened and why, from the decision and the writes. */
  narration: string;
}

export type WriteOp = 'created' | 'updated' | 'deleted';

export interface TimelineWrite {
  revision: number;
  type: 'PUT' | 'DELETE';
  op: WriteOp;
  /** Store key, `/registry/<group|core>/<resource>/[<ns>/]<name>`; usable as `object` in queries and in objectAt/diff. */
  key: string;
  /** `apps`, '' for core. */
  group: string;
  resource: string;
  kind: string;
  namespace?: string;
  name: string;
  uid?: string;
  /** For updates: top-level fields whose value changed (`spec`, `status`, `metadata`, `data`, …), sorted. */
  changed?: string[];
  /** For metadata updates: which metadata fields changed (`labels`, `finalizers`, `deletionTimestamp`, …). */
  metadataChanged?: string[];
}

/** Per-node table of one scheduling attempt (the scheduler's Decision captured right after the task). */
export interface SchedulingDetail {
  type: 'scheduling';
  pod: string;
  /** The chosen node, absent when no node fit. */
  node?: string;
  nodes: SchedulingNodeRow[];
}

export interface SchedulingNodeRow {
  node: string;
  /** `passed` when every filter plugin admitted the node. */
  verdict: 'passed' | 'filtered';
  /** The filter plugin that rejected it and its reasons. */
  plugin?: string;
  reasons?: string[];
  /** Score per score plugin, and the weighted total (feasible nodes only). */
  scores?: Record<string, number>;
  total?: number;
}

/** A controller's own record of one sync (DeploymentDecision, ReplicaDecision, …), as the controller made it. */
export interface ControllerDetail {
  type: 'controller';
  controller: string;
  decision: Record<string, unknown>;
}

export type EntryDetail = SchedulingDetail | ControllerDetail;

export interface TimelineEntry extends TimelineEntrySummary {
  writes: TimelineWrite[];
  /** Absent when the component keeps no decision record. */
  detail?: EntryDetail;
  /** Source `action`: the external action itself. */
  action?: SessionAction;
  /** Source `action`: the HTTP-like status the action answered with. */
  status?: number;
}

export interface TimelineQuery {
  /** Start after this entry id in the direction of travel (exclusive); omitted: from the newest (or the oldest for `newer`). */
  from?: number;
  /** `older` (default): newest first. `newer`: oldest first. */
  direction?: 'older' | 'newer';
  /** Default 100, at most 1000. */
  limit?: number;
  /** Component name; `kubelet` (or `kubelet/`) also matches every `kubelet/<node>`. */
  component?: string;
  /** An object: its store key (starts with `/registry/`) or its metadata.uid. Entries that wrote it. */
  object?: string;
  /** Only entries that wrote something (default false). */
  writesOnly?: boolean;
}

export interface TimelinePage {
  entries: TimelineEntrySummary[];
  /** Pass as `from` (same direction) for the next page; absent at the end. */
  next?: number;
}

export interface TimelineInfo {
  /** Bumped each time the cluster is replaced (import/replay, fork). */
  generation: number;
  /** Entries held, and the id range they span. */
  entries: number;
  oldestId?: number;
  newestId?: number;
  capacity: number;
  /** Entries dropped because the capacity was reached. */
  dropped: number;
  /** Store revision now, and the compacted revision (history before it is gone). */
  revision: number;
  compactedRevision: number;
  /** Tasks the clock has run, and virtual time now. */
  tasksRun: number;
  now: number;
}

/**
 * `task`: run one task. `write`: run tasks until one writes to the store.
 * `object`: run until the given object (store key or uid) changes.
 * `idle`: run until idle — no task due within IDLE_WINDOW_MS of virtual time
 * other than periodic ones (lease renewals, node status, resyncs), capped at
 * `maxVirtualMs` (default 10 min) and 100,000 tasks.
 * Stepping pauses a running clock first.
 */
export type StepRequest =
  | { kind: 'task' }
  | { kind: 'write' }
  | { kind: 'object'; object: string }
  | { kind: 'idle'; maxVirtualMs?: number };

export interface StepResult {
  /** The entries run, oldest first; when more than STEP_RESULT_LIMIT ran, the newest of them (`ran` counts all). */
  entries: TimelineEntrySummary[];
  ran: number;
  /** `done`: the goal was reached; `idle`: nothing left to run; `limit`: the task or time cap stopped it. */
  stopped: 'done' | 'idle' | 'limit';
  now: number;
  revision: number;
}

export const STEP_RESULT_LIMIT = 1000;

export interface DiffLine {
  op: ' ' | '+' | '-';
  text: string;
}

export interface ObjectDiff {
  key: string;
  revA: number;
  revB: number;
  /** YAML of the object at each revision; absent where it did not exist. */
  before?: string;
  after?: string;
  /** Line diff of before → after (managedFields left out of both). */
  lines: DiffLine[];
}

export interface ObjectAt {
  key: string;
  revision: number;
  /** The object as it was at `revision`; absent when it did not exist then. */
  object?: KubeObject;
}

export interface ChangedObject {
  key: string;
  op: WriteOp;
  kind: string;
  group: string;
  resource: string;
  namespace?: string;
  name: string;
  /** Revisions in (revA, revB] that wrote it, and the entries that made them (when still held). */
  revisions: number[];
  entries: number[];
}

export interface Changes {
  revA: number;
  revB: number;
  objects: ChangedObject[];
}

/** An external action, recorded with the exact point it happened so a replay applies it at the same place. */
export type SessionAction =
  | { type: 'request'; request: ApiRequest }
  | { type: 'chaos'; chaos: ChaosAction };

export interface SessionActionRecord {
  /** Applied after this many tasks had run (the clock's ran-task count), at this virtual time. */
  afterTasks: number;
  /** The clock task id of the last task run before it (0 before any): a cross-check. */
  afterTask: number;
  time: number;
  action: SessionAction;
}

export const SESSION_FORMAT = 'kube-playground-session/v1';

export interface SessionDocument {
  format: typeof SESSION_FORMAT;
  options: Pick<ClusterOptions, 'seed' | 'nodes' | 'epochMs' | 'controllers' | 'kubelets'>;
  actions: SessionActionRecord[];
  /** Tasks run when exported: a replay runs the clock until exactly this many. */
  tasksRun: number;
  /** Virtual time when exported. */
  time: number;
  revision: number;
  /** historyHash() at export, checked by replay. */
  historyHash: string;
}

export interface ReplayResult {
  generation: number;
  tasksRun: number;
  revision: number;
  historyHash: string;
  /** Whether the replayed history hashes to the exported `historyHash`. */
  matches: boolean;
}

export interface ForkResult {
  generation: number;
  /** Where the new cluster's history ends: the last revision of the entry that wrote the revision asked for (a task writes several). */
  revision: number;
  tasksRun: number;
  historyHash: string;
}
