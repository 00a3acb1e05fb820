/**
 * The live cluster graph: node lanes with their pods, the workloads, Services
 * and claims above them, and the edges between. Default export so the shell
 * can load it lazily.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore,
  type EdgeTypes,
  type FitViewOptions,
  type NodeChange,
  type NodeTypes,
  type ReactFlowState,
} from '@xyflow/react';
import '@xyflow/react/dist/base.css';
import './graph.css';
import { useActionContext, useRunAction } from '../actions/ActionsContext';
import { useUi, useUiStore } from '../app/UiContext';
import { useClusterState } from '../cluster/ClusterContext';
import { NODES } from '../cluster/resources';
import { FAR_ZOOM } from './geometry';
import { Legend } from './Legend';
import { LaneNode } from './LaneNode';
import { ObjectNode } from './ObjectNode';
import { PodEdge } from './PodEdge';
import { POD_EDGE, type GraphEdge, type GraphNode } from './types';
import { useGraphModel } from './useGraphModel';

/** Marked once, when the graph first draws the cluster's nodes: e2e and bench read it as page-ready time. */
export const NODES_DRAWN_MARK = 'kube-playground:nodes-drawn';

const NODE_TYPES: NodeTypes = { lane: LaneNode, object: ObjectNode };
const EDGE_TYPES: EdgeTypes = { [POD_EDGE]: PodEdge };
/** The bottom edge leaves room for the legend, zoom buttons and minimap drawn over the graph. */
const FIT_OPTIONS: FitViewOptions = {
  padding: { top: '24px', left: '24px', right: '24px', bottom: '132px' },
  duration: 250,
  maxZoom: 1.2,
  // Nodes outside the view are never rendered (onlyRenderVisibleElements), so never measured: fit by their
  // declared sizes, or they would be left out of the fit.
  includeHiddenNodes: true,
};
const selectFar = (s: ReactFlowState) => s.transform[2] < FAR_ZOOM;
/** Least time between two camera moves that follow the graph's growth. */
const FOLLOW_GAP_MS = 700;
/** A camera move this soon after the last one is part of a series (the graph is churning): it jumps instead of gliding. */
const FOLLOW_SERIES_MS = 2000;

/** Lanes in the minimap: green while all their pods run, amber while some do not, grey when empty or closed. */
function minimapColor(n: GraphNode): string {
  if (n.type === 'object') return '#64748b';
  const cells = n.data.cells;
  if (cells.length === 0) return '#cbd5e1';
  return cells.every((c) => c.state === 'running' || c.state === 'succeeded') ? '#4ade80' : '#fbbf24';
}

function GraphCanvas() {
  const { nodes, edges, podStates } = useGraphModel();
  const run = useRunAction();
  const actionCtx = useActionContext();
  const ui = useUiStore();
  const follow = useUi((s) => s.followGraph);
  const theme = useUi((s) => s.theme);
  const nodesSynced = useClusterState((s) => s.synced[NODES.kind] === true);
  const rf = useReactFlow();
  const far = useStore(selectFar);
  const wrapper = useRef<HTMLDivElement>(null);

  const fit = useCallback(() => {
    void rf.fitView(FIT_OPTIONS);
  }, [rf]);

  useEffect(() => {
    actionCtx.graph.fit = fit;
    return () => {
      if (actionCtx.graph.fit === fit) actionCtx.graph.fit = null;
    };
  }, [actionCtx, fit]);

  // Follow the graph as it grows or shrinks, until the user takes the camera.
  const extent = useMemo(() => {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const n of nodes) {
      x0 = Math.min(x0, n.position.x);
      y0 = Math.min(y0, n.position.y);
      x1 = Math.max(x1, n.position.x + (n.width ?? 0));
      y1 = Math.max(y1, n.position.y + (n.height ?? 0));
    }
    return `${x0},${y0},${x1},${y1}`;
  }, [nodes]);
  const lastFollow = useRef(Number.NEGATIVE_INFINITY);
  useEffect(() => {
    if (!follow) return;
    // While the graph keeps changing size (a rolling update), the camera moves at most every FOLLOW_GAP_MS:
    // each move animates the viewport, which re-renders the graph every frame it lasts.
    let frame = 0;
    const timer = setTimeout(
      () => {
        // After the nodes are in the store (next frame), or fitView sees the old ones.
        frame = requestAnimationFrame(() => {
          // The first move of a series glides; the ones that follow it closely jump. A gliding camera repaints
          // the whole graph every frame it moves, which a rolling update of a thousand pods cannot spare.
          const now = performance.now();
          const glide = now - lastFollow.current > FOLLOW_SERIES_MS;
          lastFollow.current = now;
          void rf.fitView(glide ? FIT_OPTIONS : { ...FIT_OPTIONS, duration: 0 });
        });
      },
      Math.max(0, lastFollow.current + FOLLOW_GAP_MS - performance.now()),
    );
    return () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
    };
  }, [extent, follow, rf]);
  useEffect(() => {
    const el = wrapper.current;
    if (!el) return;
    let frame = 0;
    const ro = new ResizeObserver(() => {
      if (!ui.getState().followGraph) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => void rf.fitView({ ...FIT_OPTIONS, duration: 0 }));
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [rf, ui]);

  const lanesDrawn = nodesSynced && nodes.some((n) => n.type === 'lane' && !n.data.pendingLane);
  useEffect(() => {
    if (!lanesDrawn || performance.getEntriesByName(NODES_DRAWN_MARK).length > 0) return;
    // After the browser has painted the lanes, not merely rendered them.
    requestAnimationFrame(() => {
      if (performance.getEntriesByName(NODES_DRAWN_MARK).length === 0) performance.mark(NODES_DRAWN_MARK);
    });
  }, [lanesDrawn]);

  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const onNodesChange = useCallback(
    (changes: NodeChange<GraphNode>[]) => {
      // Selection is ours (the cluster store); React Flow only reports the click or key press.
      for (const c of changes) {
        if (c.type !== 'select' || !c.selected) continue;
        const n = byId.get(c.id);
        if (!n || (n.type === 'lane' && n.data.pendingLane)) continue;
        void run('select', { kind: n.data.kind, namespace: n.type === 'lane' ? '' : n.data.namespace, name: n.data.name, uid: n.data.uid });
      }
    },
    [byId, run],
  );

  return (
    <div ref={wrapper} className={`graph-canvas${far ? ' is-far' : ''}`} data-testid="cluster-graph">
      <ReactFlow<GraphNode, GraphEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onPaneClick={() => void run('select', null)}
        onMove={(event) => {
          // A user's wheel, drag or pinch moved the camera (programmatic fits have no event; a click moves nothing).
          if (event && ui.getState().followGraph) ui.setState({ followGraph: false });
        }}
        onlyRenderVisibleElements
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        panActivationKeyCode={null}
        zoomActivationKeyCode={null}
        minZoom={0.03}
        maxZoom={2.5}
        colorMode={theme}
        proOptions={{ hideAttribution: true }}
        aria-label="Cluster graph"
      >
        <Background variant={BackgroundVariant.Dots} gap={24} size={1.2} className="graph-bg" />
        <Controls orientation="horizontal" showInteractive={false} onFitView={() => void run('fitGraph')} fitViewOptions={FIT_OPTIONS} aria-label="Zoom controls" />
        <Panel position="bottom-left" className="graph-legend-panel">
          <Legend podStates={podStates} />
        </Panel>
        <MiniMap<GraphNode>
          pannable
          zoomable
          nodeColor={minimapColor}
          nodeStrokeWidth={0}
          ariaLabel="Overview map of the cluster graph"
          className="graph-minimap"
          style={{ width: 176, height: 104 }}
        />
      </ReactFlow>
    </div>
  );
}

export default function ClusterGraph() {
  return (
    <ReactFlowProvider>
      <GraphCanvas />
    </ReactFlowProvider>
  );
}
