/** The one-line cluster summary under the page title. */
import type { ConnectionState } from '../cluster/store';

export type StatusTone = 'pending' | 'ok' | 'warn' | 'error';

export interface ClusterStatusInput {
  connection: ConnectionState;
  /** First list of Nodes has arrived. */
  nodesSynced: boolean;
  nodes: number;
  readyNodes: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function clusterStatus(i: ClusterStatusInput): { tone: StatusTone; text: string } {
  if (i.connection.phase === 'failed') return { tone: 'error', text: `Cluster failed to start: ${i.connection.message}` };
  if (i.connection.phase === 'starting' || !i.nodesSynced) return { tone: 'pending', text: 'Starting cluster…' };
  if (i.nodes === 0) return { tone: 'pending', text: 'Cluster starting — waiting for nodes to register…' };
  if (i.readyNodes === i.nodes) return { tone: 'ok', text: `Cluster ready — ${plural(i.nodes, 'node', 'nodes')}` };
  return { tone: 'warn', text: `Cluster running — ${i.readyNodes} of ${plural(i.nodes, 'node', 'nodes')} Ready` };
}
