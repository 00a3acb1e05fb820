/**
 * The graph as a selector over the store, paced to what the page can afford.
 *
 * Store batches arrive once per animation frame. Rebuilding and re-rendering
 * the graph for each would, with a thousand pods churning, eat every frame; so
 * the graph takes a fresh snapshot of its inputs at most once per "cost" of the
 * previous rebuild (rebuild + render time × PACE): at rest that is about every
 * frame, under load it leaves frames free for the browser. The snapshot is set
 * as React state from the store subscription, so the rebuild runs in its own
 * task rather than inside the frame that applied the batch.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useClusterSession } from '../cluster/ClusterContext';
import { CRONJOBS, DAEMONSETS, DEPLOYMENTS, INGRESSES, JOBS, NODES, PODS, PVCS, PVS, REPLICASETS, SERVICES, STATEFULSETS } from '../cluster/resources';
import { selectKind, type ClusterState } from '../cluster/store';
import { useUiStore } from '../app/UiContext';
import type { UiState } from '../app/uiStore';
import { GraphBuilder, type GraphInputs, type GraphOutput } from './buildGraph';

/** After a rebuild that cost c ms, the next waits until c × PACE ms have passed (the graph takes at most ~1/PACE of the main thread). */
const PACE = 4;
/** Never wait longer than this, however slow the last rebuild was. */
const MAX_WAIT_MS = 400;
/**
 * Under sustained churn (a rolling update: a snapshot every frame or two for
 * CHURN_STREAK snapshots running), the graph redraws at most every
 * CHURN_GAP_MS: six or seven pictures a second still read as live, and the frames between
 * stay free for scrolling, zooming and the rest of the page. A lone change
 * (apply → first pod) is still drawn at once.
 */
const CHURN_GAP_MS = 150;
const CHURN_WITHIN_MS = 250;
const CHURN_STREAK = 3;

export function graphInputs(cluster: ClusterState, ui: UiState): GraphInputs {
  return {
    nodes: selectKind(NODES.kind)(cluster),
    pods: selectKind(PODS.kind)(cluster),
    deployments: selectKind(DEPLOYMENTS.kind)(cluster),
    replicasets: selectKind(REPLICASETS.kind)(cluster),
    statefulsets: selectKind(STATEFULSETS.kind)(cluster),
    daemonsets: selectKind(DAEMONSETS.kind)(cluster),
    jobs: selectKind(JOBS.kind)(cluster),
    cronjobs: selectKind(CRONJOBS.kind)(cluster),
    services: selectKind(SERVICES.kind)(cluster),
    pvcs: selectKind(PVCS.kind)(cluster),
    pvs: selectKind(PVS.kind)(cluster),
    ingresses: selectKind(INGRESSES.kind)(cluster),
    hiddenNamespaces: ui.hiddenNamespaces,
    laneOverrides: ui.laneOverrides,
    selectedUid: cluster.selected?.uid ?? null,
    highlighted: cluster.highlighted,
  };
}

/** Same inputs field by field (each field keeps its identity until it changes). */
export function sameInputs(a: GraphInputs, b: GraphInputs): boolean {
  for (const k of Object.keys(a) as (keyof GraphInputs)[]) if (a[k] !== b[k]) return false;
  return true;
}

/** When the next snapshot may be taken, given when the last was, what its rebuild cost and how many came in a row. */
export function nextSnapshotDelay(now: number, lastAt: number, lastCostMs: number, streak = 0): number {
  const gap = Math.min(MAX_WAIT_MS, Math.max(lastCostMs * PACE, streak >= CHURN_STREAK ? CHURN_GAP_MS : 0));
  return Math.max(0, gap - (now - lastAt));
}

/** Snapshots in a row, each taken soon after the one before (a change taken long after the last starts over at 1). */
export function nextStreak(streak: number, now: number, lastAt: number): number {
  return now - lastAt <= CHURN_WITHIN_MS ? streak + 1 : 1;
}

export function useGraphModel(): GraphOutput {
  const session = useClusterSession();
  const ui = useUiStore();
  const [inputs, setInputs] = useState(() => graphInputs(session.store.getState(), ui.getState()));
  const latest = useRef(inputs);
  const cost = useRef(0);
  const builtAt = useRef(0);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastAt = Number.NEGATIVE_INFINITY;
    let streak = 0;
    const take = () => {
      timer = null;
      const next = graphInputs(session.store.getState(), ui.getState());
      // Events, leases and the like change the store but not the picture: they neither redraw nor count as churn.
      if (sameInputs(latest.current, next)) return;
      const now = performance.now();
      streak = nextStreak(streak, now, lastAt);
      lastAt = now;
      latest.current = next;
      setInputs(next);
    };
    const onChange = () => {
      if (timer !== null) return;
      const wait = nextSnapshotDelay(performance.now(), lastAt, cost.current, streak);
      if (wait === 0) take();
      else timer = setTimeout(take, wait);
    };
    const unsubCluster = session.store.subscribe(onChange);
    const unsubUi = ui.subscribe(onChange);
    // Whatever changed between the first render and this subscription.
    onChange();
    return () => {
      unsubCluster();
      unsubUi();
      if (timer !== null) clearTimeout(timer);
    };
  }, [session, ui]);

  const builder = useRef<GraphBuilder | null>(null);
  builder.current ??= new GraphBuilder();
  // Bumped when a fading pod's time is up, so its slot is drawn empty again.
  const [expiryTick, setExpiryTick] = useState(0);

  const out = useMemo(() => {
    builtAt.current = performance.now();
    return builder.current!.build(inputs, builtAt.current);
    // expiryTick is a dependency on purpose: it is the only input that is time.
  }, [inputs, expiryTick]);

  useEffect(() => {
    // Build, render and commit of this snapshot, children's effects (React Flow's store updates) included.
    cost.current = performance.now() - builtAt.current;
  }, [out]);

  useEffect(() => {
    if (!Number.isFinite(out.nextExpiry)) return;
    const t = setTimeout(() => setExpiryTick((n) => n + 1), Math.max(0, out.nextExpiry - performance.now()) + 16);
    return () => clearTimeout(t);
  }, [out]);

  return out;
}
