/**
 * The cluster as a picture: xyflow nodes and edges computed from the mirrored
 * objects. Placement is deterministic and stable: node lanes side by side with
 * their pods in sticky grid slots, a Pending lane at the right end, and above
 * them a band of workloads, Services and claims in creation order (new things
 * are appended, so nothing already drawn moves).
 *
 * A GraphBuilder lives as long as the view: it remembers each pod's slot and
 * hands back the previous node or edge object whenever nothing about it
 * changed, so React Flow re-renders only what did.
 */
import type { Node as K8sNode, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../workers/api/object';
import { nodeRoles, nodeStatus } from '../nodes/nodeRow';
import {
  BAND_GAP_X,
  BAND_H,
  BAND_ROW_GAP,
  BAND_TO_LANES,
  BAND_W,
  LANE_CLOSED_H,
  LANE_CLOSED_W,
  LANE_GAP,
  laneColumns,
  openLaneHeight,
  openLaneWidth,
  POD_W,
  podPosition,
} from './geometry';
import { laneLabel, objectLabel, podLabel, shortName } from './labels';
import { isControlPlaneNode, laneOpen } from './lanes';
import { objectSummary } from './objectSummary';
import { podStatus, type PodStatusSummary } from './podStatus';
import { claimVolumeName, controllerOf, ingressServiceNames, selectorMatches, volumeClaimRef } from './relations';
import { SlotAllocator, type SlotRequest } from './slots';
import { LANE_HANDLE, POD_EDGE, podHandle, type GraphEdge, type GraphNode, type LaneNode, type ObjectNode, type PodCell, type Relation } from './types';

type Objects = ReadonlyMap<string, KubeObject>;

export interface GraphInputs {
  nodes: Objects;
  pods: Objects;
  deployments: Objects;
  replicasets: Objects;
  statefulsets: Objects;
  daemonsets: Objects;
  jobs: Objects;
  cronjobs: Objects;
  services: Objects;
  pvcs: Objects;
  pvs: Objects;
  ingresses: Objects;
  hiddenNamespaces: ReadonlySet<string>;
  laneOverrides: Readonly<Record<string, 'open' | 'closed'>>;
  selectedUid: string | null;
  /** uids the timeline entry in focus touched (outlined with a glow). */
  highlighted: ReadonlySet<string>;
}

export interface GraphOutput {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** When a fading pod's slot frees and the graph should be rebuilt (Infinity: no need). */
  nextExpiry: number;
  /** Counts per pod state of the pods drawn, for the legend. */
  podStates: Readonly<Record<string, number>>;
}

export const PENDING_LANE = '__pending__';
/** More pods than this from one owner in one lane get one edge with a count instead of one each. */
export const EDGE_BUNDLE_LIMIT = 12;
/** How long a deleted pod fades out in its old slot (ms). */
export const LEAVE_MS = 450;
/** The Pending lane grows taller than the node lanes only up to this many rows; then it grows wider. */
const PENDING_MIN_ROWS = 6;
/** The band holds at least this many cards in a line before wrapping. */
const BAND_MIN_SLOTS = 6;

const laneId = (name: string) => `lane:${name}`;
const objId = (uid: string) => `obj:${uid}`;

interface PodView {
  uid: string;
  name: string;
  namespace: string;
  nodeName: string;
  owner: { kind: string; name: string; uid: string } | undefined;
  labels: Readonly<Record<string, string>>;
  status: PodStatusSummary;
  order: string;
}

/** Kinds in the band, in the order ties on creation time are broken. */
const BAND_KIND_ORDER = ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Job', 'ReplicaSet', 'Service', 'Ingress', 'PersistentVolumeClaim', 'PersistentVolume'];

interface BandGroup {
  anchor: KubeObject;
  tops: KubeObject[];
  children: KubeObject[];
  /** Slots reserved however many children there are now (a Deployment keeps room for the old and new ReplicaSet). */
  minSlots: number;
}

const NATURAL = new Intl.Collator('en', { numeric: true });

function uidOf(o: KubeObject): string {
  return o.metadata.uid ?? `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
}

function byName(a: KubeObject, b: KubeObject): number {
  const an = `${a.metadata.namespace ?? ''}/${a.metadata.name ?? ''}`;
  const bn = `${b.metadata.namespace ?? ''}/${b.metadata.name ?? ''}`;
  return an < bn ? -1 : an > bn ? 1 : 0;
}

function byCreation(a: KubeObject, b: KubeObject): number {
  const at = a.metadata.creationTimestamp ?? '';
  const bt = b.metadata.creationTimestamp ?? '';
  if (at !== bt) return at < bt ? -1 : 1;
  const ak = BAND_KIND_ORDER.indexOf(a.kind);
  const bk = BAND_KIND_ORDER.indexOf(b.kind);
  if (ak !== bk) return ak - bk;
  return byName(a, b);
}

function revisionOf(rs: KubeObject): number {
  const r = Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision']);
  return Number.isFinite(r) ? r : 0;
}

function replicasOf(o: KubeObject): number {
  const spec = (o.spec ?? {}) as { replicas?: unknown };
  const status = (o.status ?? {}) as { replicas?: unknown };
  return Math.max(typeof spec.replicas === 'number' ? spec.replicas : 1, typeof status.replicas === 'number' ? status.replicas : 0);
}

function shallowEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  if (a === b) return true;
  const ak = Object.keys(a);
  if (ak.length !== Object.keys(b).length) return false;
  for (const k of ak) if (a[k] !== b[k]) return false;
  return true;
}

function sameNode(a: GraphNode, b: GraphNode): boolean {
  return (
    a.type === b.type &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.width === b.width &&
    a.height === b.height &&
    a.selected === b.selected &&
    a.className === b.className &&
    a.ariaLabel === b.ariaLabel &&
    shallowEqual(a.data as Record<string, unknown>, b.data as Record<string, unknown>)
  );
}

function sameEdge(a: GraphEdge, b: GraphEdge): boolean {
  return (
    a.type === b.type &&
    a.source === b.source &&
    a.target === b.target &&
    a.targetHandle === b.targetHandle &&
    a.className === b.className &&
    a.data?.count === b.data?.count &&
    a.data?.to?.x === b.data?.to?.x &&
    a.data?.to?.y === b.data?.to?.y
  );
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class GraphBuilder {
  private readonly slots = new SlotAllocator<PodCell>(LEAVE_MS);
  private readonly views = new WeakMap<KubeObject, PodView>();
  private readonly seenAt = new Map<string, number>();
  private prevNodes = new Map<string, GraphNode>();
  private prevEdges = new Map<string, GraphEdge>();
  private prevCells = new Map<string, PodCell>();
  private prevOut: GraphOutput | null = null;
  /** The pod view each live cell was made from. */
  private readonly cellViews = new Map<string, PodView>();
  private built = false;

  build(inputs: GraphInputs, now: number): GraphOutput {
    const visible = (o: KubeObject) => !inputs.hiddenNamespaces.has(o.metadata.namespace ?? '');
    const nextNodes = new Map<string, GraphNode>();
    const nodes: GraphNode[] = [];
    const put = (n: GraphNode) => {
      const prev = this.prevNodes.get(n.id);
      const node = prev && sameNode(prev, n) ? prev : n;
      nextNodes.set(n.id, node);
      nodes.push(node);
    };
    const selectedUid = inputs.selectedUid;
    const highlighted = inputs.highlighted;

    // Lanes: control-plane nodes first, then workers by name, then Pending.
    const nodeObjs = [...inputs.nodes.values()].sort((a, b) => {
      const ac = isControlPlaneNode(a) ? 0 : 1;
      const bc = isControlPlaneNode(b) ? 0 : 1;
      // worker-2 before worker-10.
      return ac !== bc ? ac - bc : NATURAL.compare(a.metadata.name ?? '', b.metadata.name ?? '');
    });
    const laneNames = nodeObjs.map((n) => n.metadata.name ?? '');
    const allLanes = [...laneNames, PENDING_LANE];
    const laneSet = new Set(laneNames);

    // Pods by lane.
    const podsByLane = new Map<string, PodView[]>();
    const hiddenByLane = new Map<string, number>();
    for (const l of allLanes) podsByLane.set(l, []);
    const podsByOwner = new Map<string, number>();
    const laneOfPod = new Map<string, string>();
    for (const pod of inputs.pods.values()) {
      const v = this.view(pod);
      const lane = v.nodeName && laneSet.has(v.nodeName) ? v.nodeName : PENDING_LANE;
      if (!visible(pod)) {
        hiddenByLane.set(lane, (hiddenByLane.get(lane) ?? 0) + 1);
        continue;
      }
      podsByLane.get(lane)!.push(v);
      laneOfPod.set(v.uid, lane);
      if (v.owner) podsByOwner.set(v.owner.uid, (podsByOwner.get(v.owner.uid) ?? 0) + 1);
    }

    // A pod view is its own slot request (uid and order).
    const assignment = this.slots.assign(podsByLane as ReadonlyMap<string, readonly SlotRequest[]>, now, (uid) => this.prevCells.get(uid), laneOfPod);
    for (const uid of assignment.placed) if (!this.seenAt.has(uid)) this.seenAt.set(uid, this.built ? now : Number.NEGATIVE_INFINITY);

    const isOpen = new Map<string, boolean>();
    nodeObjs.forEach((n, i) => isOpen.set(laneNames[i], laneOpen(laneNames[i], inputs.laneOverrides, isControlPlaneNode(n))));
    isOpen.set(PENDING_LANE, (assignment.extent.get(PENDING_LANE) ?? 0) > 0);

    let busiest = 0;
    let openNodeLanes = 0;
    for (const l of laneNames) {
      if (!isOpen.get(l)) continue;
      openNodeLanes++;
      busiest = Math.max(busiest, assignment.extent.get(l) ?? 0);
    }
    const columns = laneColumns(busiest, Math.max(1, openNodeLanes));
    let rows = Math.ceil(busiest / columns);
    // A backlog of unscheduled pods widens the Pending lane rather than making every lane tall.
    const pendingExtent = assignment.extent.get(PENDING_LANE) ?? 0;
    const pendingColumns = Math.max(columns, Math.ceil(pendingExtent / Math.max(rows, PENDING_MIN_ROWS)));
    if (isOpen.get(PENDING_LANE)) rows = Math.max(rows, Math.ceil(pendingExtent / pendingColumns));
    const columnsOf = (lane: string) => (lane === PENDING_LANE ? pendingColumns : columns);
    const openH = openLaneHeight(rows);

    // Lane x positions first: the band wraps at the lanes' total width.
    const laneX = new Map<string, number>();
    let x = 0;
    for (const l of allLanes) {
      laneX.set(l, x);
      x += (isOpen.get(l) ? openLaneWidth(columnsOf(l)) : LANE_CLOSED_W) + LANE_GAP;
    }
    const lanesWidth = x - LANE_GAP;

    // The band: workloads, Services, claims.
    const groups = this.bandGroups(inputs, visible, podsByOwner);
    const slotW = BAND_W + BAND_GAP_X;
    const lineH = 2 * (BAND_H + BAND_ROW_GAP);
    // Wrapping moves the lanes down, so allow a band wider than the lanes before it does.
    const wrapAt = Math.max(lanesWidth, BAND_MIN_SLOTS * slotW - BAND_GAP_X);
    const placed = new Map<string, ObjectNode>();
    let gx = 0;
    let gy = 0;
    const bandNode = (o: KubeObject, px: number, py: number): ObjectNode => {
      const uid = uidOf(o);
      const s = objectSummary(o);
      const name = o.metadata.name ?? '';
      const namespace = o.metadata.namespace ?? '';
      return {
        id: objId(uid),
        type: 'object',
        position: { x: px, y: py },
        width: BAND_W,
        height: BAND_H,
        selected: uid === selectedUid,
        ariaLabel: objectLabel(o.kind, name, namespace, s.summary),
        className: `kp-node kp-object kp-kind-${o.kind}`,
        data: { kind: o.kind, uid, name, namespace, summary: s.summary, tone: s.tone, highlighted: highlighted.has(uid) },
      };
    };
    for (const g of groups) {
      const w = Math.max(g.tops.length, g.children.length, g.minSlots, 1);
      const width = w * slotW - BAND_GAP_X;
      if (gx > 0 && gx + width > wrapAt) {
        gx = 0;
        gy += lineH;
      }
      g.tops.forEach((o, i) => placed.set(uidOf(o), bandNode(o, gx + ((w - g.tops.length) * slotW) / 2 + i * slotW, gy)));
      g.children.forEach((o, i) => placed.set(uidOf(o), bandNode(o, gx + ((w - g.children.length) * slotW) / 2 + i * slotW, gy + BAND_H + BAND_ROW_GAP)));
      gx += w * slotW;
    }
    const lanesY = gy + 2 * BAND_H + BAND_ROW_GAP + BAND_TO_LANES;

    // Edges to single pods end at the top centre of the pod's card, in graph coordinates.
    const podAnchor = (uid: string, lane: string): { x: number; y: number } | undefined => {
      const slot = assignment.slots.get(lane)?.get(uid);
      if (slot === undefined) return undefined;
      const p = podPosition(laneX.get(lane) ?? 0, lanesY, slot, columnsOf(lane));
      return { x: p.x + POD_W / 2, y: p.y };
    };
    const edges = this.edges(inputs, placed, podsByLane, laneOfPod, isOpen, podAnchor, selectedUid, nodeObjs);

    // Pod cells, relative to their lane.
    const podStates: Record<string, number> = {};
    const cellsByLane = new Map<string, PodCell[]>();
    const nextCells = new Map<string, PodCell>();
    const keepCell = (c: PodCell): PodCell => {
      const prev = this.prevCells.get(c.uid);
      const cell = prev && shallowEqual(prev as unknown as Record<string, unknown>, c as unknown as Record<string, unknown>) ? prev : c;
      nextCells.set(c.uid, cell);
      return cell;
    };
    for (const lane of allLanes) {
      const cells: PodCell[] = [];
      cellsByLane.set(lane, cells);
      const slotMap = assignment.slots.get(lane);
      if (!isOpen.get(lane) || !slotMap) continue;
      for (const v of podsByLane.get(lane) ?? []) {
        const slot = slotMap.get(v.uid);
        if (slot === undefined) continue;
        const pos = podPosition(0, 0, slot, columnsOf(lane));
        podStates[v.status.state] = (podStates[v.status.state] ?? 0) + 1;
        const selected = v.uid === selectedUid;
        const lit = highlighted.has(v.uid);
        // Fast path: same pod object, same place, same marks: the same cell, without building one to compare.
        const prev = this.prevCells.get(v.uid);
        if (
          prev &&
          !prev.leaving &&
          this.cellViews.get(v.uid) === v &&
          prev.x === pos.x &&
          prev.y === pos.y &&
          prev.selected === selected &&
          prev.highlighted === lit
        ) {
          nextCells.set(v.uid, prev);
          cells.push(prev);
          continue;
        }
        this.cellViews.set(v.uid, v);
        cells.push(
          keepCell({
            uid: v.uid,
            name: v.name,
            namespace: v.namespace,
            short: shortName(v.name),
            reason: v.status.reason || 'Pending',
            state: v.status.state,
            ready: v.status.ready,
            restarts: v.status.restarts,
            label: podLabel(v.name, v.status.reason, v.status.podReady, v.status.state),
            x: pos.x,
            y: pos.y,
            selected,
            highlighted: lit,
            leaving: false,
            seenAt: this.seenAt.get(v.uid) ?? Number.NEGATIVE_INFINITY,
            leftAt: 0,
          }),
        );
      }
    }
    // Pods that are gone fade out where they were.
    for (const l of assignment.leaving) {
      if (!isOpen.get(l.lane)) continue;
      const pos = podPosition(0, 0, l.slot, columnsOf(l.lane));
      const ghost = keepCell({
        ...l.last,
        x: pos.x,
        y: pos.y,
        selected: false,
        highlighted: false,
        leaving: true,
        leftAt: l.until - LEAVE_MS,
        label: `${l.last.label} (deleted)`,
      });
      cellsByLane.get(l.lane)?.push(ghost);
    }
    // Forget pods that are gone (only when some are: these walk every pod).
    if (this.seenAt.size > laneOfPod.size) for (const uid of this.seenAt.keys()) if (!laneOfPod.has(uid) && !nextCells.has(uid)) this.seenAt.delete(uid);
    if (this.cellViews.size > nextCells.size) for (const uid of this.cellViews.keys()) if (!nextCells.has(uid)) this.cellViews.delete(uid);

    // Lane nodes go first so they draw beneath the band's cards.
    const cellsFor = (lane: string): readonly PodCell[] => {
      const cells = cellsByLane.get(lane) ?? [];
      const prev = this.prevNodes.get(laneId(lane));
      const prevCells = prev?.type === 'lane' ? prev.data.cells : undefined;
      return prevCells && sameItems(prevCells, cells) ? prevCells : cells;
    };
    nodeObjs.forEach((n, i) => {
      const name = laneNames[i];
      const open = isOpen.get(name) ?? true;
      const st = nodeStatus(n as unknown as K8sNode);
      const roles = nodeRoles(n.metadata.labels);
      const pods = podsByLane.get(name)?.length ?? 0;
      const uid = uidOf(n);
      put({
        id: laneId(name),
        type: 'lane',
        position: { x: laneX.get(name) ?? 0, y: lanesY },
        width: open ? openLaneWidth(columns) : LANE_CLOSED_W,
        height: open ? openH : LANE_CLOSED_H,
        selected: uid === selectedUid,
        ariaLabel: laneLabel(name, st.status, pods, false),
        className: `kp-node kp-lane${open ? '' : ' is-closed'}`,
        data: {
          kind: 'Node',
          uid,
          name,
          status: st.status,
          ready: st.ready,
          roles: roles.length ? roles.join(',') : '<none>',
          pods,
          hidden: hiddenByLane.get(name) ?? 0,
          open,
          pendingLane: false,
          highlighted: highlighted.has(uid),
          cells: cellsFor(name),
        },
      });
    });
    {
      const pendingOpen = isOpen.get(PENDING_LANE) ?? false;
      const pods = podsByLane.get(PENDING_LANE)?.length ?? 0;
      put({
        id: laneId(PENDING_LANE),
        type: 'lane',
        position: { x: laneX.get(PENDING_LANE) ?? 0, y: lanesY },
        width: pendingOpen ? openLaneWidth(pendingColumns) : LANE_CLOSED_W,
        height: pendingOpen ? openH : LANE_CLOSED_H,
        selectable: false,
        ariaLabel: laneLabel('Pending', '', pods, true),
        className: `kp-node kp-lane kp-lane-pending${pendingOpen ? '' : ' is-closed'}`,
        data: {
          kind: 'Node',
          uid: '',
          name: 'Pending',
          status: '',
          ready: false,
          roles: '',
          pods,
          hidden: hiddenByLane.get(PENDING_LANE) ?? 0,
          open: pendingOpen,
          pendingLane: true,
          highlighted: false,
          cells: cellsFor(PENDING_LANE),
        },
      } satisfies LaneNode);
    }
    for (const o of placed.values()) put(o);

    this.prevNodes = nextNodes;
    this.prevCells = nextCells;
    this.built = true;
    // Unchanged lists keep their identity too, so React Flow skips its own diffing when nothing moved.
    const prev = this.prevOut;
    const out: GraphOutput = {
      nodes: prev && sameItems(prev.nodes, nodes) ? prev.nodes : nodes,
      edges: prev && sameItems(prev.edges, edges) ? prev.edges : edges,
      nextExpiry: assignment.nextExpiry,
      podStates: prev && shallowEqual(prev.podStates, podStates) ? prev.podStates : podStates,
    };
    this.prevOut = out;
    return out;
  }

  /**
   * Owner edges (Deployment → ReplicaSet → pods, …), Service → selected pods,
   * Ingress → Service, claim → volume. Pods that get their own edge are added
   * end at the pod's card (`data.to`); many pods of one source in one lane share one counted edge to the lane.
   */
  private edges(
    inputs: GraphInputs,
    placed: ReadonlyMap<string, ObjectNode>,
    podsByLane: ReadonlyMap<string, readonly PodView[]>,
    laneOfPod: ReadonlyMap<string, string>,
    isOpen: ReadonlyMap<string, boolean>,
    podAnchor: (uid: string, lane: string) => { x: number; y: number } | undefined,
    selectedUid: string | null,
    nodeObjs: readonly KubeObject[],
  ): GraphEdge[] {
    const edges: GraphEdge[] = [];
    const nextEdges = new Map<string, GraphEdge>();
    const selectedNode = selectedUid ? nodeObjs.find((n) => uidOf(n) === selectedUid) : undefined;
    const activeIds = new Set<string>();
    if (selectedUid) activeIds.add(objId(selectedUid)).add(podHandle(selectedUid));
    if (selectedNode) activeIds.add(laneId(selectedNode.metadata.name ?? ''));

    /** `end` names what the edge points at (a node, a lane, a pod); `to` is set for a pod's own edge. */
    const addEdge = (rel: Relation, source: string, target: string, targetHandle: string | undefined, count = 1, end = targetHandle ?? target, to?: { x: number; y: number }) => {
      const id = `${rel}:${source}->${end}`;
      const active = activeIds.has(source) || activeIds.has(end);
      const next: GraphEdge = {
        id,
        // A pod's own edge is drawn to its card's computed point, not to a measured handle: a thousand
        // handles coming and going would each make React Flow re-measure the lane (forced layouts).
        ...(to ? { type: POD_EDGE } : {}),
        source,
        target,
        ...(targetHandle ? { targetHandle } : {}),
        // No text label for bundled edges: React Flow measures edge labels with getBBox, a forced layout per
        // label per render, which a thousand-pod graph cannot afford. The lane header shows the count instead.
        className: `kp-edge kp-edge-${rel}${count > 1 ? ' is-bundled' : ''}${active ? ' is-active' : ''}`,
        focusable: false,
        selectable: false,
        data: to ? { rel, count, to } : { rel, count },
      };
      const prev = this.prevEdges.get(id);
      const edge = prev && sameEdge(prev, next) ? prev : next;
      nextEdges.set(id, edge);
      edges.push(edge);
    };
    const toPods = (rel: Relation, source: string, podUids: readonly string[]) => {
      const perLane = new Map<string, string[]>();
      for (const uid of podUids) {
        const lane = laneOfPod.get(uid);
        if (lane === undefined) continue;
        let l = perLane.get(lane);
        if (!l) perLane.set(lane, (l = []));
        l.push(uid);
      }
      for (const [lane, uids] of perLane) {
        if (!isOpen.get(lane) || uids.length > EDGE_BUNDLE_LIMIT) {
          // Named after the lane: one source may have a bundle in every lane.
          addEdge(rel, source, laneId(lane), LANE_HANDLE, uids.length, laneId(lane));
          continue;
        }
        for (const uid of uids) addEdge(rel, source, laneId(lane), LANE_HANDLE, 1, podHandle(uid), podAnchor(uid, lane));
      }
    };

    const podsOf = new Map<string, string[]>();
    for (const views of podsByLane.values()) {
      for (const v of views) {
        if (!v.owner) continue;
        let l = podsOf.get(v.owner.uid);
        if (!l) podsOf.set(v.owner.uid, (l = []));
        l.push(v.uid);
      }
    }
    for (const o of placed.values()) {
      const uid = o.data.uid;
      const obj = this.lookup(inputs, o.data.kind, uid);
      if (!obj) continue;
      const owner = controllerOf(obj);
      if (owner && placed.has(owner.uid)) addEdge('owner', objId(owner.uid), o.id, undefined);
      const pods = podsOf.get(uid);
      if (pods) toPods('owner', o.id, pods);
    }
    for (const svc of inputs.services.values()) {
      if (!placed.has(uidOf(svc))) continue;
      const selector = (svc.spec as { selector?: Record<string, string> } | undefined)?.selector;
      if (!selector) continue;
      const matched: string[] = [];
      for (const views of podsByLane.values()) {
        for (const v of views) if (v.namespace === svc.metadata.namespace && selectorMatches(selector, v.labels)) matched.push(v.uid);
      }
      toPods('selects', objId(uidOf(svc)), matched);
    }
    for (const ing of inputs.ingresses.values()) {
      if (!placed.has(uidOf(ing))) continue;
      for (const name of ingressServiceNames(ing)) {
        const svc = this.findByName(inputs.services, ing.metadata.namespace ?? '', name);
        if (svc && placed.has(uidOf(svc))) addEdge('routes', objId(uidOf(ing)), objId(uidOf(svc)), undefined);
      }
    }
    for (const pvc of inputs.pvcs.values()) {
      if (!placed.has(uidOf(pvc))) continue;
      const pv = this.boundVolume(inputs, pvc);
      if (pv && placed.has(uidOf(pv))) addEdge('binds', objId(uidOf(pvc)), objId(uidOf(pv)), undefined);
    }
    this.prevEdges = nextEdges;
    return edges;
  }

  private view(pod: KubeObject): PodView {
    let v = this.views.get(pod);
    if (v) return v;
    const p = pod as unknown as Pod;
    const owner = controllerOf(pod);
    const name = pod.metadata.name ?? '';
    v = {
      uid: uidOf(pod),
      name,
      namespace: pod.metadata.namespace ?? '',
      nodeName: p.spec?.nodeName ?? '',
      owner,
      labels: pod.metadata.labels ?? {},
      status: podStatus(p),
      order: `${pod.metadata.namespace ?? ''}/${owner ? `${owner.kind}/${owner.name}` : '~'}/${name}`,
    };
    this.views.set(pod, v);
    return v;
  }

  private lookup(inputs: GraphInputs, kind: string, uid: string): KubeObject | undefined {
    const maps: Record<string, Objects> = {
      Deployment: inputs.deployments,
      ReplicaSet: inputs.replicasets,
      StatefulSet: inputs.statefulsets,
      DaemonSet: inputs.daemonsets,
      Job: inputs.jobs,
      CronJob: inputs.cronjobs,
    };
    return maps[kind]?.get(uid);
  }

  private findByName(map: Objects, namespace: string, name: string): KubeObject | undefined {
    for (const o of map.values()) if (o.metadata.name === name && (o.metadata.namespace ?? '') === namespace) return o;
    return undefined;
  }

  private boundVolume(inputs: GraphInputs, pvc: KubeObject): KubeObject | undefined {
    const vol = claimVolumeName(pvc);
    for (const pv of inputs.pvs.values()) {
      if (vol && pv.metadata.name === vol) return pv;
      const ref = volumeClaimRef(pv);
      if (ref && ref.name === pvc.metadata.name && ref.namespace === (pvc.metadata.namespace ?? '')) return pv;
    }
    return undefined;
  }

  /** Groups of band cards, in creation order of their anchor. */
  private bandGroups(inputs: GraphInputs, visible: (o: KubeObject) => boolean, podsByOwner: ReadonlyMap<string, number>): BandGroup[] {
    const groups: BandGroup[] = [];
    const deploymentGroups = new Map<string, BandGroup>();
    for (const d of inputs.deployments.values()) {
      if (!visible(d)) continue;
      const g: BandGroup = { anchor: d, tops: [d], children: [], minSlots: 2 };
      deploymentGroups.set(uidOf(d), g);
      groups.push(g);
    }
    // A Deployment shows its ReplicaSets that hold or want pods, and always its newest one.
    const rsByDeployment = new Map<string, KubeObject[]>();
    for (const rs of inputs.replicasets.values()) {
      if (!visible(rs)) continue;
      const owner = controllerOf(rs);
      if (owner && owner.kind === 'Deployment' && deploymentGroups.has(owner.uid)) {
        let l = rsByDeployment.get(owner.uid);
        if (!l) rsByDeployment.set(owner.uid, (l = []));
        l.push(rs);
      } else {
        groups.push({ anchor: rs, tops: [], children: [rs], minSlots: 1 });
      }
    }
    for (const [uid, list] of rsByDeployment) {
      list.sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
      const newest = list[list.length - 1];
      deploymentGroups.get(uid)!.children = list.filter((rs) => rs === newest || replicasOf(rs) > 0 || (podsByOwner.get(uidOf(rs)) ?? 0) > 0);
    }
    for (const kind of [inputs.statefulsets, inputs.daemonsets]) {
      for (const o of kind.values()) if (visible(o)) groups.push({ anchor: o, tops: [o], children: [], minSlots: 1 });
    }
    const cronGroups = new Map<string, BandGroup>();
    for (const cj of inputs.cronjobs.values()) {
      if (!visible(cj)) continue;
      const g: BandGroup = { anchor: cj, tops: [cj], children: [], minSlots: 1 };
      cronGroups.set(uidOf(cj), g);
      groups.push(g);
    }
    for (const job of [...inputs.jobs.values()].sort(byCreation)) {
      if (!visible(job)) continue;
      const owner = controllerOf(job);
      const cg = owner && owner.kind === 'CronJob' ? cronGroups.get(owner.uid) : undefined;
      if (cg) cg.children.push(job);
      else groups.push({ anchor: job, tops: [job], children: [], minSlots: 1 });
    }
    const serviceGroups = new Map<string, BandGroup>();
    for (const svc of inputs.services.values()) {
      if (!visible(svc)) continue;
      const g: BandGroup = { anchor: svc, tops: [], children: [svc], minSlots: 1 };
      serviceGroups.set(`${svc.metadata.namespace ?? ''}/${svc.metadata.name ?? ''}`, g);
      groups.push(g);
    }
    for (const ing of [...inputs.ingresses.values()].sort(byCreation)) {
      if (!visible(ing)) continue;
      const first = ingressServiceNames(ing)
        .map((n) => serviceGroups.get(`${ing.metadata.namespace ?? ''}/${n}`))
        .find((g) => g !== undefined);
      if (first) first.tops.push(ing);
      else groups.push({ anchor: ing, tops: [ing], children: [], minSlots: 1 });
    }
    const claimedVolumes = new Set<string>();
    for (const pvc of inputs.pvcs.values()) {
      if (!visible(pvc)) continue;
      const pv = this.boundVolume(inputs, pvc);
      if (pv) claimedVolumes.add(uidOf(pv));
      groups.push({ anchor: pvc, tops: [pvc], children: pv ? [pv] : [], minSlots: 1 });
    }
    for (const pv of inputs.pvs.values()) {
      if (claimedVolumes.has(uidOf(pv))) continue;
      const ref = volumeClaimRef(pv);
      if (ref && inputs.hiddenNamespaces.has(ref.namespace)) continue;
      groups.push({ anchor: pv, tops: [], children: [pv], minSlots: 1 });
    }
    for (const g of groups) g.tops.sort(byCreation);
    return groups.sort((a, b) => byCreation(a.anchor, b.anchor));
  }
}
