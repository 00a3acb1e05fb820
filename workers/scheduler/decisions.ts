/**
 * The most recent scheduling attempt per pod, kept for the UI to explain
 * ("why is web-1 on worker-2?"): which plugin turned each node down, and
 * how each feasible node scored. Stored compactly and expanded on request;
 * only the newest DECISIONS_KEPT pods are remembered.
 */
import type { Scored } from './algorithm';
import type { NodeToStatus } from './nodeToStatus';

export const DECISIONS_KEPT = 2000;

export interface FilteredNode {
  node: string;
  plugin: string;
  reason: string;
}

export interface NodeScore {
  node: string;
  total: number;
  byPlugin: Record<string, number>;
}

export interface Decision {
  /** The chosen node, when the attempt found one. */
  node?: string;
  filtered: FilteredNode[];
  scores: NodeScore[];
}

interface Stored {
  node?: string;
  statuses: NodeToStatus;
  /** Nodes sharing the absent status (a PreFilter rejection), when it has reasons. */
  absentNodes: readonly string[];
  scored?: Scored;
}

export class DecisionLog {
  private byPod = new Map<string, Stored>();

  record(key: string, node: string | undefined, statuses: NodeToStatus, allNodes: () => readonly string[], scored?: Scored): void {
    const absentNodes = statuses.absent.reasons.length ? allNodes().filter((n) => !statuses.map.has(n)) : [];
    const entry: Stored = { node, statuses, absentNodes };
    if (scored) entry.scored = scored;
    this.byPod.delete(key);
    this.byPod.set(key, entry);
    if (this.byPod.size > DECISIONS_KEPT) this.byPod.delete(this.byPod.keys().next().value!);
  }

  forget(key: string): void {
    this.byPod.delete(key);
  }

  get(key: string): Decision | undefined {
    const s = this.byPod.get(key);
    if (!s) return undefined;
    const filtered: FilteredNode[] = [];
    const push = (node: string, plugin: string | undefined, reasons: readonly string[]) => {
      for (const reason of reasons) filtered.push({ node, plugin: plugin ?? '', reason });
    };
    for (const [node, st] of s.statuses.map) push(node, st.plugin, st.reasons);
    for (const node of s.absentNodes) push(node, s.statuses.absent.plugin, s.statuses.absent.reasons);
    const scores: NodeScore[] = [];
    if (s.scored) {
      const { plugins, byPlugin, totals } = s.scored.scores;
      const k = plugins.length;
      s.scored.nodes.forEach(({ name: node }, i) => {
        const by: Record<string, number> = {};
        plugins.forEach((p, j) => (by[p] = byPlugin[i * k + j]));
        scores.push({ node, total: totals[i], byPlugin: by });
      });
    }
    const d: Decision = { filtered, scores };
    if (s.node) d.node = s.node;
    return d;
  }
}
