/** What the graph draws: xyflow nodes and edges with plain-data payloads (kept shallow so they compare cheaply). */
import type { Edge, Node } from '@xyflow/react';
import type { Tone } from './objectSummary';
import type { PodState } from './podStatus';

/**
 * A pod, drawn inside its node's lane (not as a React Flow node of its own: a
 * thousand of those would make every store update cost a thousand selector
 * calls): painted on the lane's canvas, with a transparent focusable proxy on
 * top for clicks, keys and screen readers. Position is relative to the lane.
 */
export type PodCell = {
  uid: string;
  name: string;
  namespace: string;
  /** The name shortened to fit the card. */
  short: string;
  /** kubectl's STATUS. */
  reason: string;
  state: PodState;
  ready: string;
  restarts: number;
  /** Accessible name: `Pod web-7d9f4-abcde Running`. */
  label: string;
  x: number;
  y: number;
  selected: boolean;
  /** Touched by the timeline entry in focus: drawn with a glow. */
  highlighted: boolean;
  /** Gone from the cluster; drawn for a moment while it fades out. */
  leaving: boolean;
  /** When the graph first placed it (performance.now ms); recent pods animate in. */
  seenAt: number;
  /** When it was seen gone (performance.now ms), while `leaving`; 0 otherwise. */
  leftAt: number;
};

/** The handle of a lane that bundled edges end at. */
export const LANE_HANDLE = 'lane';
/** How edges name a pod they end at (in edge ids; the pod has no handle of its own). */
export const podHandle = (uid: string) => `pod:${uid}`;
/** The edge type drawn to a point inside a lane (`data.to`) rather than to a handle. */
export const POD_EDGE = 'pod';

export type LaneNodeData = {
  kind: 'Node';
  /** Empty for the Pending lane, which is not a Node. */
  uid: string;
  name: string;
  /** `Ready`, `NotReady`, `Ready,SchedulingDisabled`; empty for the Pending lane. */
  status: string;
  ready: boolean;
  roles: string;
  /** Pods drawn (or that would be drawn if open). */
  pods: number;
  /** Pods in hidden namespaces. */
  hidden: number;
  open: boolean;
  pendingLane: boolean;
  /** Touched by the timeline entry in focus. */
  highlighted: boolean;
  cells: readonly PodCell[];
};

export type ObjectNodeData = {
  kind: string;
  uid: string;
  name: string;
  namespace: string;
  summary: string;
  tone: Tone;
  /** Touched by the timeline entry in focus. */
  highlighted: boolean;
};

export type LaneNode = Node<LaneNodeData, 'lane'>;
export type ObjectNode = Node<ObjectNodeData, 'object'>;
export type GraphNode = LaneNode | ObjectNode;

/** owner → owned, Service → selected pods, Ingress → Service, claim → volume. */
export type Relation = 'owner' | 'selects' | 'routes' | 'binds';
export type GraphEdgeData = {
  rel: Relation;
  count: number;
  /** Where an edge to a single pod ends: the top centre of its card, in graph coordinates. */
  to?: { x: number; y: number };
};
export type GraphEdge = Edge<GraphEdgeData>;
