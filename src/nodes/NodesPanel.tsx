import { useEffect, useMemo } from 'react';
import { useClusterState, useKind } from '../cluster/ClusterContext';
import { NODES } from '../cluster/resources';
import { EmptyRow } from '../ui/EmptyRow';
import { Panel } from '../ui/Panel';
import { StatusBadge } from '../ui/StatusBadge';
import { nodeRows, type NodeRow } from './nodeRow';

/** Marked once, when the first nodes are on screen: e2e and bench read it as page-ready time. */
export const NODES_DRAWN_MARK = 'kube-playground:nodes-drawn';

function toneOf(row: NodeRow) {
  if (row.ready) return row.status === 'Ready' ? 'ok' : 'warn';
  return row.status.startsWith('Unknown') ? 'neutral' : 'error';
}

export function NodesPanel() {
  const nodes = useKind(NODES.kind);
  const synced = useClusterState((s) => s.synced[NODES.kind] === true);
  const rows = useMemo(() => nodeRows(nodes.values()), [nodes]);

  useEffect(() => {
    if (rows.length > 0 && performance.getEntriesByName(NODES_DRAWN_MARK).length === 0) {
      performance.mark(NODES_DRAWN_MARK);
    }
  }, [rows.length]);

  return (
    <Panel title="Nodes" count={synced ? rows.length : undefined} testId="nodes-panel">
      <table className="table" aria-label="Nodes">
        <thead>
          <tr>
            <th scope="col" style={{ width: '34%' }}>
              Name
            </th>
            <th scope="col" style={{ width: '26%' }}>
              Status
            </th>
            <th scope="col" style={{ width: '22%' }}>
              Roles
            </th>
            <th scope="col" style={{ width: '18%' }}>
              Version
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && <EmptyRow columns={4} text={synced ? 'No nodes have registered yet.' : 'Loading…'} />}
          {rows.map((r) => (
            <tr key={r.uid} data-testid="node-row" data-name={r.name} data-status={r.status}>
              <th scope="row" className="cell-name">
                {r.name}
              </th>
              <td>
                <StatusBadge text={r.status} tone={toneOf(r)} />
              </td>
              <td className={r.roles === '<none>' ? 'cell-text cell-muted' : 'cell-text'}>{r.roles}</td>
              <td className="cell-mono">{r.version || <span className="cell-muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
