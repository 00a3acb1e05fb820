/**
 * The per-node table of one scheduling attempt as the panel lays it out: the
 * chosen node first, then feasible nodes by total score, then the nodes a
 * filter rejected; one column per score plugin that scored anything.
 */
import type { SchedulingDetail, SchedulingNodeRow } from '../../../workers/timeline/types';

export interface SchedulerTable {
  plugins: string[];
  rows: Array<SchedulingNodeRow & { chosen: boolean }>;
  feasible: number;
  summary: string;
}

export function schedulerTable(d: SchedulingDetail): SchedulerTable {
  const plugins: string[] = [];
  for (const r of d.nodes) for (const p of Object.keys(r.scores ?? {})) if (!plugins.includes(p)) plugins.push(p);
  const rank = (r: SchedulingNodeRow) => (r.node === d.node ? 0 : r.verdict === 'passed' ? 1 : 2);
  const rows = d.nodes
    .map((r) => ({ ...r, chosen: r.node === d.node }))
    .sort((a, b) => rank(a) - rank(b) || (b.total ?? 0) - (a.total ?? 0) || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
  const feasible = d.nodes.filter((r) => r.verdict === 'passed').length;
  const summary = d.node
    ? `${d.pod} → ${d.node}: ${feasible} of ${d.nodes.length} nodes fit`
    : `${d.pod} not scheduled: 0/${d.nodes.length} nodes are available`;
  return { plugins, rows, feasible, summary };
}
