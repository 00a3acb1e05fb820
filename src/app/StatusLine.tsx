import { useMemo } from 'react';
import { useClusterState, useKind } from '../cluster/ClusterContext';
import { NODES } from '../cluster/resources';
import { nodeStatus } from '../nodes/nodeRow';
import type { Node } from 'kubernetes-types/core/v1';
import { clusterStatus } from './clusterStatus';

export function StatusLine() {
  const connection = useClusterState((s) => s.connection);
  const nodesSynced = useClusterState((s) => s.synced[NODES.kind] === true);
  const nodes = useKind(NODES.kind);
  const readyNodes = useMemo(() => {
    let n = 0;
    for (const o of nodes.values()) if (nodeStatus(o as unknown as Node).ready) n++;
    return n;
  }, [nodes]);
  const { tone, text } = clusterStatus({ connection, nodesSynced, nodes: nodes.size, readyNodes });

  return (
    <p className={`status-line status-${tone}`} role="status" aria-live="polite" data-testid="cluster-status" data-tone={tone}>
      <span className="status-dot" aria-hidden="true" />
      {text}
    </p>
  );
}
