import { useMemo } from 'react';
import { useClusterState, useKind } from '../cluster/ClusterContext';
import { NAMESPACES } from '../cluster/resources';
import { EmptyRow } from '../ui/EmptyRow';
import { Panel } from '../ui/Panel';
import { StatusBadge } from '../ui/StatusBadge';
import { namespaceRows } from './namespaceRow';

function toneOf(phase: string) {
  if (phase === 'Active') return 'ok';
  if (phase === 'Terminating') return 'warn';
  return 'neutral';
}

export function NamespacesPanel() {
  const namespaces = useKind(NAMESPACES.kind);
  const synced = useClusterState((s) => s.synced[NAMESPACES.kind] === true);
  const rows = useMemo(() => namespaceRows(namespaces.values()), [namespaces]);

  return (
    <Panel title="Namespaces" count={synced ? rows.length : undefined} testId="namespaces-panel">
      <table className="table" aria-label="Namespaces">
        <thead>
          <tr>
            <th scope="col" style={{ width: '60%' }}>
              Name
            </th>
            <th scope="col" style={{ width: '40%' }}>
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && <EmptyRow columns={2} text={synced ? 'No namespaces.' : 'Loading…'} />}
          {rows.map((r) => (
            <tr key={r.uid} data-testid="namespace-row" data-name={r.name} data-phase={r.phase}>
              <th scope="row" className="cell-name">
                {r.name}
              </th>
              <td>
                <StatusBadge text={r.phase} tone={toneOf(r.phase)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
