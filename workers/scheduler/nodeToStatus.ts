/**
 * Why each node was turned down in one attempt (framework.NodeToStatus):
 * explicit statuses for nodes that were evaluated, one shared status for
 * the rest ("absent" nodes), and FitError's message built from them.
 */
import type { Status } from './status';

export const NO_NODE_AVAILABLE = (n: number) => `0/${n} nodes are available`;

export class NodeToStatus {
  readonly map = new Map<string, Status>();
  absent: Status;

  constructor(absent: Status = { code: 'UnschedulableAndUnresolvable', reasons: [] }) {
    this.absent = absent;
  }

  set(node: string, s: Status): void {
    this.map.set(node, s);
  }

  get(node: string): Status {
    return this.map.get(node) ?? this.absent;
  }

  get size(): number {
    return this.map.size;
  }

  /** NodesForStatusCode: evaluated nodes (and absent ones, if the absent status has `code`). */
  nodesWithCode(code: Status['code'], allNodes: readonly string[]): string[] {
    if (this.absent.code === code) return allNodes.filter((n) => (this.map.get(n) ?? this.absent).code === code);
    const out: string[] = [];
    for (const n of allNodes) if (this.map.get(n)?.code === code) out.push(n);
    return out;
  }
}

export interface Diagnosis {
  statuses: NodeToStatus;
  unschedulablePlugins: Set<string>;
  preFilterMsg: string;
  postFilterMsg: string;
}

/** FitError.Error() (pkg/scheduler/framework/types.go), reasons counted and sorted as strings. */
export function fitErrorMessage(numAllNodes: number, d: Diagnosis): string {
  let msg = `${NO_NODE_AVAILABLE(numAllNodes)}:`;
  if (d.preFilterMsg) msg += ` ${d.preFilterMsg}.`;
  else {
    const counts = new Map<string, number>();
    for (const s of d.statuses.map.values()) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    const absent = numAllNodes - d.statuses.size;
    if (absent > 0) for (const r of d.statuses.absent.reasons) counts.set(r, (counts.get(r) ?? 0) + absent);
    const parts = [...counts].map(([r, n]) => `${n} ${r}`).sort(goStringLess);
    if (parts.length) msg += ` ${parts.join(', ')}.`;
  }
  if (d.postFilterMsg) msg += ` ${d.postFilterMsg}`;
  return msg;
}

/** sort.Strings compares bytes, not locale. */
export function goStringLess(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
