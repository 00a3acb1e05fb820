import { memo, useEffect, useMemo } from 'react';
import { Handle, Position, useStore, useUpdateNodeInternals, type NodeProps, type ReactFlowState } from '@xyflow/react';
import { useRunAction } from '../actions/ActionsContext';
import { FAR_ZOOM, POD_W } from './geometry';
import { PodCell } from './PodCell';
import { LANE_HANDLE, podHandle, type LaneNode as LaneNodeType, type PodCell as PodCellData } from './types';

/** Edge ends on the pods that have their own edges; React Flow measures them when the set changes. */
function PodHandles({ laneId, cells }: { laneId: string; cells: readonly PodCellData[] }) {
  const updateNodeInternals = useUpdateNodeInternals();
  const handled = useMemo(() => cells.filter((c) => c.handle), [cells]);
  const key = handled.map((c) => `${c.uid}@${c.x},${c.y}`).join('|');
  useEffect(() => {
    updateNodeInternals(laneId);
  }, [key, laneId, updateNodeInternals]);
  return (
    <>
      {handled.map((c) => (
        <Handle
          key={c.uid}
          id={podHandle(c.uid)}
          type="target"
          position={Position.Top}
          isConnectable={false}
          className="kp-handle"
          style={{ left: c.x + POD_W / 2, top: c.y }}
        />
      ))}
    </>
  );
}

const ServerIcon = () => (
  <svg className="lane-icon" width="15" height="15" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <rect x="2" y="2.5" width="12" height="4.5" rx="1" fill="none" stroke="currentColor" strokeWidth="1.4" />
    <rect x="2" y="9" width="12" height="4.5" rx="1" fill="none" stroke="currentColor" strokeWidth="1.4" />
    <circle cx="5" cy="4.75" r="0.9" fill="currentColor" />
    <circle cx="5" cy="11.25" r="0.9" fill="currentColor" />
  </svg>
);

const HourglassIcon = () => (
  <svg className="lane-icon" width="15" height="15" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path d="M4 2h8M4 14h8M5 2c0 3.5 6 4.5 6 12M11 2c0 3.5-6 4.5-6 12" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
  </svg>
);

const selectFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;

function LaneNodeView({ id, data, selected }: NodeProps<LaneNodeType>) {
  const run = useRunAction();
  const far = useStore(selectFar);
  const count = `${data.pods} ${data.pods === 1 ? 'pod' : 'pods'}`;
  const tone = data.pendingLane ? 'pending' : data.ready ? (data.status === 'Ready' ? 'ok' : 'warn') : 'error';
  return (
    <div className={`lane-box lane-${tone}${data.open ? '' : ' is-closed'}${selected ? ' is-selected' : ''}`}>
      <Handle id={LANE_HANDLE} type="target" position={Position.Top} isConnectable={false} className="kp-handle" />
      <div className="lane-head">
        <div className="lane-title">
          {data.pendingLane ? <HourglassIcon /> : <ServerIcon />}
          <span className="lane-name">{data.name}</span>
          {!data.pendingLane && <span className={`lane-status lane-status-${tone}`}>{data.status || 'Unknown'}</span>}
        </div>
        <div className="lane-meta">
          <span>
            {data.pendingLane
              ? data.pods > 0
                ? `${count} waiting for a node`
                : 'no unscheduled pods'
              : data.open && data.roles !== '<none>'
                ? `${data.roles} · ${count}`
                : count}
          </span>
          {data.hidden > 0 && (
            <span className="lane-hidden" title={`${data.hidden} pods in namespaces hidden from the graph`}>
              +{data.hidden} hidden
            </span>
          )}
          {!data.pendingLane && (
            <button
              type="button"
              className="lane-toggle nodrag nopan"
              aria-label={`${data.open ? 'Collapse' : 'Expand'} node ${data.name}`}
              aria-expanded={data.open}
              onClick={(e) => {
                e.stopPropagation();
                void run('toggleLane', { lane: data.name });
              }}
            >
              {data.open ? '−' : '+'}
            </button>
          )}
        </div>
      </div>
      {data.cells.length > 0 && (
        <div className="lane-pods" role="group" aria-label={`Pods on ${data.name}`}>
          {data.cells.map((c) => (
            <PodCell key={c.uid} cell={c} run={run} far={far} />
          ))}
        </div>
      )}
      <PodHandles laneId={id} cells={data.cells} />
    </div>
  );
}

export const LaneNode = memo(LaneNodeView);
