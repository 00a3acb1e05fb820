import { memo } from 'react';
import { Handle, Position, useStore, type NodeProps, type ReactFlowState } from '@xyflow/react';
import { useRunAction } from '../actions/ActionsContext';
import { FAR_ZOOM } from './geometry';
import { PodLayer } from './PodLayer';
import { LANE_HANDLE, type LaneNode as LaneNodeType } from './types';

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

function LaneNodeView({ data, selected, width, height }: NodeProps<LaneNodeType>) {
  const run = useRunAction();
  const far = useStore(selectFar);
  const count = `${data.pods} ${data.pods === 1 ? 'pod' : 'pods'}`;
  const tone = data.pendingLane ? 'pending' : data.ready ? (data.status === 'Ready' ? 'ok' : 'warn') : 'error';
  return (
    <div className={`lane-box lane-${tone}${data.open ? '' : ' is-closed'}${selected ? ' is-selected' : ''}${data.highlighted ? ' is-highlighted' : ''}`}>
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
      {data.cells.length > 0 && <PodLayer laneName={data.name} cells={data.cells} width={width ?? 0} height={height ?? 0} far={far} />}
    </div>
  );
}

export const LaneNode = memo(LaneNodeView);
