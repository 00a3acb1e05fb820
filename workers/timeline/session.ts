/**
 * Sessions: the seed, the cluster options and every action from outside at
 * its exact point (after how many tasks, at what virtual time). Replaying
 * one builds a new cluster with the same options and applies each action at
 * its point; the clock's total order does the rest, so the history repeats.
 */
import type { Cluster, ClusterOptions } from '../cluster';
import { CONTROLLER_NAMES } from '../cluster';
import type { ApiRequest } from '../api/request';
import type { Recorder } from './recorder';
import { SESSION_FORMAT, type SessionActionRecord, type SessionDocument, type TimelineResult } from './types';
import { invalidInput, ok } from './errors';
import { historyHash } from './hash';

export type SessionOptions = SessionDocument['options'];

/** The options a session needs to rebuild this cluster (the seed and epoch the cluster actually used). */
export function sessionOptions(cluster: Cluster, opts: ClusterOptions): SessionOptions {
  const o: SessionOptions = { seed: cluster.seed, epochMs: cluster.clock.epochMs };
  if (opts.nodes !== undefined) o.nodes = opts.nodes;
  if (opts.controllers !== undefined) o.controllers = [...opts.controllers];
  if (opts.kubelets !== undefined) o.kubelets = opts.kubelets;
  return o;
}

export function exportSession(cluster: Cluster, recorder: Recorder, opts: ClusterOptions): SessionDocument {
  return {
    format: SESSION_FORMAT,
    options: sessionOptions(cluster, opts),
    actions: recorder.actions.map((a) => a.record),
    tasksRun: cluster.clock.tasksRun,
    time: cluster.clock.now(),
    revision: cluster.store.revision,
    historyHash: historyHash(cluster.store),
  };
}

const VERBS = new Set(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection']);
const CHAOS = new Set(['stopKubelet', 'startKubelet', 'crashContainer', 'deleteNode', 'addNode']);

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** A session from JSON text or a document, checked field by field; the first problem is the answer. */
export function parseSession(input: unknown): TimelineResult<SessionDocument> {
  let doc: unknown = input;
  if (typeof input === 'string') {
    try {
      doc = JSON.parse(input);
    } catch (err) {
      return invalidInput(`malformed session: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const bad = (path: string, what: string) => invalidInput<SessionDocument>(`invalid session: ${path}: ${what}`);
  if (!isObj(doc)) return bad('(root)', 'must be a JSON object');
  if (doc.format !== SESSION_FORMAT) return bad('format', `must be "${SESSION_FORMAT}", got ${JSON.stringify(doc.format)}`);
  const o = doc.options;
  if (!isObj(o)) return bad('options', 'must be an object');
  if (o.seed !== undefined && !(typeof o.seed === 'number' && Number.isFinite(o.seed))) return bad('options.seed', 'must be a number');
  if (o.epochMs !== undefined && !(typeof o.epochMs === 'number' && Number.isFinite(o.epochMs))) return bad('options.epochMs', 'must be a number');
  if (o.nodes !== undefined && !(isCount(o.nodes) && o.nodes <= 1000)) return bad('options.nodes', 'must be an integer from 0 to 1000');
  if (o.kubelets !== undefined && o.kubelets !== 'run' && o.kubelets !== 'register' && o.kubelets !== 'none') return bad('options.kubelets', 'must be "run", "register" or "none"');
  if (o.controllers !== undefined && !(Array.isArray(o.controllers) && o.controllers.every((c) => (CONTROLLER_NAMES as readonly unknown[]).includes(c)))) {
    return bad('options.controllers', `must list controllers among ${CONTROLLER_NAMES.join(', ')}`);
  }
  if (!Array.isArray(doc.actions)) return bad('actions', 'must be an array');
  let prev = 0;
  for (let i = 0; i < doc.actions.length; i++) {
    const a: unknown = doc.actions[i];
    const at = `actions[${i}]`;
    if (!isObj(a)) return bad(at, 'must be an object');
    if (!isCount(a.afterTasks)) return bad(`${at}.afterTasks`, 'must be a non-negative integer');
    if (a.afterTasks < prev) return bad(`${at}.afterTasks`, `must not go back (previous action was after ${prev} tasks)`);
    prev = a.afterTasks;
    if (!isCount(a.afterTask)) return bad(`${at}.afterTask`, 'must be a non-negative integer');
    if (typeof a.time !== 'number' || !Number.isFinite(a.time)) return bad(`${at}.time`, 'must be a number');
    const act = a.action;
    if (!isObj(act)) return bad(`${at}.action`, 'must be an object');
    if (act.type === 'request') {
      const r = act.request;
      if (!isObj(r)) return bad(`${at}.action.request`, 'must be an object');
      if (!VERBS.has(r.verb as string)) return bad(`${at}.action.request.verb`, `unsupported verb ${JSON.stringify(r.verb)}`);
      for (const f of ['group', 'version', 'resource'] as const) if (typeof r[f] !== 'string') return bad(`${at}.action.request.${f}`, 'must be a string');
    } else if (act.type === 'chaos') {
      const c = act.chaos;
      if (!isObj(c) || !CHAOS.has(c.action as string)) return bad(`${at}.action.chaos.action`, `must be one of ${[...CHAOS].join(', ')}`);
    } else return bad(`${at}.action.type`, 'must be "request" or "chaos"');
  }
  if (!isCount(doc.tasksRun) || doc.tasksRun < prev) return bad('tasksRun', `must be an integer no smaller than the last action's afterTasks (${prev})`);
  if (typeof doc.time !== 'number' || !Number.isFinite(doc.time)) return bad('time', 'must be a number');
  if (!isCount(doc.revision)) return bad('revision', 'must be a non-negative integer');
  if (typeof doc.historyHash !== 'string') return bad('historyHash', 'must be a string');
  return ok(doc as unknown as SessionDocument);
}

/** Where a replay stops: after N tasks, right after a given task id, or right after the k-th action. */
export type ReplayTarget = { tasks: number; time?: number } | { afterTaskId: number; maxTasks: number } | { afterAction: number };

/**
 * Replay the actions onto a fresh cluster (already recorded by the caller)
 * up to `target`. Returns an error message when the replay cannot reach a
 * recorded point — the session does not belong to this build of the cluster.
 */
export function replayInto(cluster: Cluster, actions: readonly SessionActionRecord[], target: ReplayTarget): string | undefined {
  const clock = cluster.clock;
  const apply = (a: SessionActionRecord) => {
    if (clock.now() < a.time) clock.advanceTo(a.time);
    if (a.action.type === 'request') cluster.request(a.action.request as ApiRequest);
    else cluster.chaos(a.action.chaos);
  };
  let i = 0;
  for (;;) {
    // Stop right after the task: actions that came after it belong to the branch being dropped.
    if ('afterTaskId' in target && clock.tasksRun > 0 && clock.lastTaskId === target.afterTaskId) break;
    while (i < actions.length && actions[i].afterTasks === clock.tasksRun) {
      const a = actions[i];
      if (clock.lastTaskId !== a.afterTask && clock.tasksRun > 0) return `replay diverged before action ${i}: task ${clock.lastTaskId} ran last, the session says ${a.afterTask}`;
      apply(a);
      i++;
      if ('afterAction' in target && i - 1 === target.afterAction) return undefined;
    }
    if ('tasks' in target && clock.tasksRun >= target.tasks) break;
    if ('afterTaskId' in target && clock.tasksRun >= target.maxTasks) return `replay never ran task ${target.afterTaskId}`;
    if (i < actions.length && actions[i].afterTasks < clock.tasksRun) return `replay passed action ${i}'s point`;
    if (!clock.step()) return `replay ran out of tasks after ${clock.tasksRun} (the session needs more)`;
  }
  if ('tasks' in target && target.time !== undefined && clock.now() < target.time) clock.advanceTo(target.time);
  return undefined;
}
