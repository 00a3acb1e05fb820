/**
 * Right after a task runs, read the decision its component recorded for the
 * key it worked on (the scheduler's per-node table, a controller's sync
 * record). Later syncs overwrite those records, so the timeline keeps its own.
 */
import type { Cluster } from '../cluster';
import type { RanTask } from '../clock/clock';
import type { Decision } from '../scheduler/decisions';
import type { ControllerDetail, EntryDetail, SchedulingDetail, SchedulingNodeRow } from './types';
import { autoscalerDecision } from './captureAutoscalers';

interface DecisionSource {
  lastDecision(key: string): object | undefined;
}

function controllerFor(cluster: Cluster, component: string): DecisionSource | undefined {
  const c = cluster.controllers;
  switch (component) {
    case 'deployment-controller': return c.deployment;
    case 'replicaset-controller': return c.replicaset;
    case 'replicationcontroller-controller': return c.replicationcontroller;
    case 'statefulset-controller': return c.statefulset;
    case 'daemonset-controller': return c.daemonset;
    case 'job-controller': return c.job;
    case 'endpointslice-controller': return c.endpointslice;
    default: return undefined;
  }
}

export class DetailCapture {
  /**
   * Decisions already attributed to an entry. A sync that returns before
   * deciding (object gone) leaves the previous record in place: seeing the
   * same object again means this task made none.
   */
  private seen = new WeakSet<object>();

  constructor(private readonly cluster: Cluster) {}

  capture(task: RanTask): EntryDetail | CompactScheduling | undefined {
    if (task.component === 'kube-scheduler' && task.what === 'schedule') return this.scheduling(task.key);
    const scaler = autoscalerDecision(this.cluster, task);
    if (scaler) {
      if (this.seen.has(scaler.identity)) return undefined;
      this.seen.add(scaler.identity);
      return { type: 'controller', controller: scaler.controller, decision: scaler.decision };
    }
    if (task.what !== 'sync') return undefined;
    const d = controllerFor(this.cluster, task.component)?.lastDecision(task.key);
    if (!d || this.seen.has(d)) return undefined;
    this.seen.add(d);
    const detail: ControllerDetail = { type: 'controller', controller: task.component, decision: { ...(d as Record<string, unknown>) } };
    return detail;
  }

  private scheduling(podKey: string): CompactScheduling | undefined {
    const slash = podKey.indexOf('/');
    if (slash < 0) return undefined;
    const d = this.cluster.scheduler?.lastDecision(podKey.slice(0, slash), podKey.slice(slash + 1));
    return d ? compactScheduling(podKey, d) : undefined;
  }
}

/**
 * A scheduling decision packed into typed arrays: with 100 nodes the table
 * has 100 rows of 6–8 scores, and thousands are kept, so rows become
 * objects only when someone looks at them.
 */
export interface CompactScheduling {
  type: 'compact-scheduling';
  pod: string;
  node?: string;
  filtered: Decision['filtered'];
  nodes: string[];
  plugins: string[];
  byPlugin: Float64Array;
  totals: Float64Array;
}

let lastPlugins: string[] = [];

export function compactScheduling(pod: string, d: Decision): CompactScheduling {
  const plugins = d.scores.length ? Object.keys(d.scores[0].byPlugin) : [];
  // Every decision of a profile scores with the same plugins: share one array.
  const shared = plugins.length === lastPlugins.length && plugins.every((p, i) => p === lastPlugins[i]) ? lastPlugins : (lastPlugins = plugins);
  const k = shared.length;
  const byPlugin = new Float64Array(d.scores.length * k);
  const totals = new Float64Array(d.scores.length);
  d.scores.forEach((s, i) => {
    totals[i] = s.total;
    for (let j = 0; j < k; j++) byPlugin[i * k + j] = s.byPlugin[shared[j]] ?? 0;
  });
  const c: CompactScheduling = { type: 'compact-scheduling', pod, filtered: d.filtered, nodes: d.scores.map((s) => s.node), plugins: shared, byPlugin, totals };
  if (d.node) c.node = d.node;
  return c;
}

export function expandScheduling(c: CompactScheduling): SchedulingDetail {
  const k = c.plugins.length;
  const scores = c.nodes.map((node, i) => {
    const byPlugin: Record<string, number> = {};
    for (let j = 0; j < k; j++) byPlugin[c.plugins[j]] = c.byPlugin[i * k + j];
    return { node, total: c.totals[i], byPlugin };
  });
  const d: Decision = { filtered: c.filtered, scores };
  if (c.node) d.node = c.node;
  return schedulingDetail(c.pod, d);
}

/** The scheduler's Decision as one row per node: filter verdict, scores. */
export function schedulingDetail(pod: string, d: Decision): SchedulingDetail {
  const rows = new Map<string, SchedulingNodeRow>();
  const row = (node: string) => {
    let r = rows.get(node);
    if (!r) rows.set(node, (r = { node, verdict: 'passed' }));
    return r;
  };
  for (const f of d.filtered) {
    const r = row(f.node);
    r.verdict = 'filtered';
    if (f.plugin) r.plugin = f.plugin;
    (r.reasons ??= []).push(f.reason);
  }
  for (const s of d.scores) {
    const r = row(s.node);
    r.scores = { ...s.byPlugin };
    r.total = s.total;
  }
  const nodes = [...rows.values()].sort((a, b) => a.node.localeCompare(b.node));
  const out: SchedulingDetail = { type: 'scheduling', pod, nodes };
  if (d.node) out.node = d.node;
  return out;
}
