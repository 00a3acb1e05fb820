import { memo } from 'react';
import { BaseEdge, getBezierPath, Position, type EdgeProps } from '@xyflow/react';
import type { GraphEdge } from './types';

/**
 * An edge to one pod: it leaves its source like any other and ends at the
 * pod's card, a point the graph model computes (`data.to`), instead of at a
 * handle React Flow would have to find and measure in the DOM.
 */
function PodEdgeView({ id, sourceX, sourceY, sourcePosition, targetX, targetY, data, markerEnd, style }: EdgeProps<GraphEdge>) {
  const to = data?.to;
  const [path] = getBezierPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX: to ? to.x : targetX,
    targetY: to ? to.y : targetY,
    targetPosition: Position.Top,
  });
  return <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} interactionWidth={0} />;
}

export const PodEdge = memo(PodEdgeView);
