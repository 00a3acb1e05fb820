import { useMemo } from 'react';
import { useRunAction } from '../actions/ActionsContext';
import { useClusterState, useKind } from '../cluster/ClusterContext';
import { NAMESPACES, NODES } from '../cluster/resources';
import { selectSelected } from '../cluster/selectors';
import { namespaceRows } from '../namespaces/namespaceRow';
import { nodeRows, type NodeRow } from '../nodes/nodeRow';
import { useUi } from './UiContext';
import { NodeUsageMini } from '../metrics/NodeUsageMini';

function nodeTone(r: NodeRow) {
  if (r.ready) return r.status === 'Ready' ? 'ok' : 'warn';
  return r.status.startsWith('Unknown') ? 'neutral' : 'error';
}

/** The sidebar's first section: the cluster's nodes, and which namespaces the graph shows. */
export function ClusterOverview() {
  const run = useRunAction();
  const nodes = useKind(NODES.kind);
  const namespaces = useKind(NAMESPACES.kind);
  const nodesSynced = useClusterState((s) => s.synced[NODES.kind] === true);
  const nsSynced = useClusterState((s) => s.synced[NAMESPACES.kind] === true);
  const selected = useClusterState(selectSelected);
  const hidden = useUi((s) => s.hiddenNamespaces);
  const nodeList = useMemo(() => nodeRows(nodes.values()), [nodes]);
  const nsList = useMemo(() => namespaceRows(namespaces.values()), [namespaces]);

  return (
    <div className="overview">
      <section className="side-section" aria-labelledby="side-nodes" data-testid="nodes-panel">
        <h2 id="side-nodes" className="side-title">
          Nodes <span className="side-count">{nodesSynced ? nodeList.length : '…'}</span>
        </h2>
        <ul className="side-list" aria-label="Nodes">
          {nodeList.length === 0 && <li className="side-empty">{nodesSynced ? 'No nodes have registered yet.' : 'Loading…'}</li>}
          {nodeList.map((r) => (
            <li key={r.uid} data-testid="node-row" data-name={r.name} data-status={r.status}>
              <button
                type="button"
                className={`side-row${selected?.uid === r.uid ? ' is-selected' : ''}`}
                aria-label={`Node ${r.name} ${r.status}`}
                onClick={() => void run('select', { kind: 'Node', namespace: '', name: r.name, uid: r.uid })}
              >
                <span className={`dot dot-${nodeTone(r)}`} aria-hidden="true" />
                <span className="side-name">{r.name}</span>
                <span className="side-meta">{r.roles === '<none>' ? r.status : `${r.roles} · ${r.status}`}</span>
              </button>
              <NodeUsageMini name={r.name} />
            </li>
          ))}
        </ul>
      </section>
      <section className="side-section" aria-labelledby="side-namespaces" data-testid="namespaces-panel">
        <h2 id="side-namespaces" className="side-title">
          Namespaces <span className="side-count">{nsSynced ? nsList.length : '…'}</span>
        </h2>
        <p className="side-hint">Shown in the graph</p>
        <ul className="side-list" aria-label="Namespaces">
          {nsList.length === 0 && <li className="side-empty">{nsSynced ? 'No namespaces.' : 'Loading…'}</li>}
          {nsList.map((r) => (
            <li key={r.uid} data-testid="namespace-row" data-name={r.name} data-phase={r.phase}>
              <label className="side-row side-check">
                <input type="checkbox" checked={!hidden.has(r.name)} onChange={() => void run('toggleNamespace', { namespace: r.name })} aria-label={`Show namespace ${r.name} in the graph`} />
                <span className="side-name">{r.name}</span>
                {r.phase !== 'Active' && <span className="side-meta side-warn">{r.phase || 'Unknown'}</span>}
              </label>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
