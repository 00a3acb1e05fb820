import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../workers/api/object';
import { EDGE_BUNDLE_LIMIT, GraphBuilder, LEAVE_MS, PENDING_LANE, type GraphOutput } from './buildGraph';
import { byUid, deployment, inputs, node, pod, replicaSet, service } from './fixtures';
import { POD_H, POD_W } from './geometry';
import type { GraphNode, LaneNode, PodCell } from './types';

const cluster = byUid(node('control-plane', { controlPlane: true }), node('worker-1'), node('worker-2'));
const web = deployment('web', { ready: 2 });
const rs = replicaSet(web, '7d9f4');
const labels = { app: 'web' };
const p1 = pod('web-7d9f4-aaaaa', { nodeName: 'worker-1', owner: rs, labels, phase: 'Running' });
const p2 = pod('web-7d9f4-bbbbb', { nodeName: 'worker-2', owner: rs, labels, phase: 'Running' });
const p3 = pod('web-7d9f4-ccccc', { owner: rs, labels });
const svc = service('web', labels);

const base = () =>
  inputs({ nodes: cluster, pods: byUid(p1, p2, p3), deployments: byUid(web), replicasets: byUid(rs), services: byUid(svc) });

const find = (nodes: GraphNode[], id: string) => nodes.find((n) => n.id === id);
const lanes = (out: GraphOutput) => out.nodes.filter((n): n is LaneNode => n.type === 'lane');
/** A pod's cell and the lane it is drawn in. */
function cell(out: GraphOutput, uid: string): { lane: LaneNode; cell: PodCell } | undefined {
  for (const lane of lanes(out)) {
    const c = lane.data.cells.find((x) => x.uid === uid);
    if (c) return { lane, cell: c };
  }
  return undefined;
}
const allCells = (out: GraphOutput) => lanes(out).flatMap((l) => l.data.cells);
const labelsOf = (out: GraphOutput) => [...out.nodes.map((n) => n.ariaLabel), ...allCells(out).map((c) => c.label)];

describe('GraphBuilder layout', () => {
  it('draws node lanes control-plane first, then workers, then Pending; control-plane closed', () => {
    const out = new GraphBuilder().build(base(), 0);
    const ls = lanes(out);
    expect(ls.map((l) => l.data.name)).toEqual(['control-plane', 'worker-1', 'worker-2', 'Pending']);
    expect(ls.map((l) => l.data.open)).toEqual([false, true, true, true]);
    // Side by side, left to right, on one line.
    expect(new Set(ls.map((l) => l.position.y)).size).toBe(1);
    const xs = ls.map((l) => l.position.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });

  it('orders worker lanes naturally', () => {
    const nodes = byUid(node('worker-10'), node('worker-2'), node('worker-1'));
    const out = new GraphBuilder().build(inputs({ nodes }), 0);
    expect(lanes(out).map((l) => l.data.name)).toEqual(['worker-1', 'worker-2', 'worker-10', 'Pending']);
  });

  it('wraps a long band onto another line above the lanes', () => {
    const deps = Array.from({ length: 8 }, (_, i) => deployment(`d${i}`, { created: 20 + i }));
    const out = new GraphBuilder().build({ ...base(), pods: new Map(), replicasets: new Map(), deployments: byUid(...deps) }, 0);
    const ys = new Set(deps.map((d) => find(out.nodes, `obj:${d.metadata.uid}`)!.position.y));
    expect(ys.size).toBeGreaterThanOrEqual(2);
    const laneY = find(out.nodes, 'lane:worker-1')!.position.y;
    for (const y of ys) expect(y).toBeLessThan(laneY);
  });

  it('puts each pod inside its node lane and unscheduled pods in Pending', () => {
    const out = new GraphBuilder().build(base(), 0);
    const inside = (podUid: string, lane: string) => {
      const c = cell(out, podUid);
      if (!c || c.lane.id !== `lane:${lane}`) return false;
      return c.cell.x >= 0 && c.cell.x + POD_W <= (c.lane.width ?? 0) && c.cell.y > 0 && c.cell.y + POD_H <= (c.lane.height ?? 0);
    };
    expect(inside('pod-web-7d9f4-aaaaa', 'worker-1')).toBe(true);
    expect(inside('pod-web-7d9f4-bbbbb', 'worker-2')).toBe(true);
    expect(inside('pod-web-7d9f4-ccccc', PENDING_LANE)).toBe(true);
  });

  it('labels every node for screen readers and tests', () => {
    const out = new GraphBuilder().build(base(), 0);
    expect(labelsOf(out)).toEqual(
      expect.arrayContaining([
        'Pod web-7d9f4-aaaaa Running',
        'Pod web-7d9f4-ccccc Pending',
        'Deployment web, 2/3 ready',
        'ReplicaSet web-7d9f4, 0/3 ready · rev 1',
        'Node worker-1 Ready, 1 pod',
        'Pending: 1 pod not scheduled',
      ]),
    );
  });

  it('places workloads and services above the lanes, the ReplicaSet under its Deployment', () => {
    const out = new GraphBuilder().build(base(), 0);
    const dep = find(out.nodes, 'obj:dep-web')!;
    const r = find(out.nodes, 'obj:rs-web-7d9f4')!;
    const lane = find(out.nodes, 'lane:worker-1')!;
    expect(dep.position.y).toBeLessThan(r.position.y);
    expect(r.position.y).toBeLessThan(lane.position.y);
  });

  it('draws owner, selector edges', () => {
    const out = new GraphBuilder().build(base(), 0);
    const ids = out.edges.map((e) => e.id);
    expect(ids).toContain('owner:obj:dep-web->obj:rs-web-7d9f4');
    expect(ids).toContain('owner:obj:rs-web-7d9f4->pod:pod-web-7d9f4-aaaaa');
    expect(ids).toContain(`selects:obj:${svc.metadata.uid}->pod:pod-web-7d9f4-ccccc`);
    expect(out.edges.filter((e) => e.data?.rel === 'selects')).toHaveLength(3);
    const e = out.edges.find((x) => x.id === 'owner:obj:rs-web-7d9f4->pod:pod-web-7d9f4-aaaaa')!;
    expect([e.type, e.target, e.targetHandle]).toEqual(['pod', 'lane:worker-1', 'lane']);
    // The edge ends at the top centre of the pod's card, in graph coordinates.
    const at = cell(out, 'pod-web-7d9f4-aaaaa')!;
    expect(e.data?.to).toEqual({ x: at.lane.position.x + at.cell.x + POD_W / 2, y: at.lane.position.y + at.cell.y });
  });

  it('a service without a selector or in another namespace selects nothing', () => {
    const other = service('other', labels, { namespace: 'shop' });
    const bare = service('bare', undefined);
    const out = new GraphBuilder().build({ ...base(), services: byUid(other, bare) }, 0);
    expect(out.edges.filter((e) => e.data?.rel === 'selects')).toEqual([]);
  });
});

describe('GraphBuilder stability', () => {
  it('returns the same node objects for what did not change', () => {
    const b = new GraphBuilder();
    const first = b.build(base(), 0);
    const p1Ready = { ...p1, status: { ...(p1.status as object), phase: 'Running' } } as KubeObject;
    const second = b.build({ ...base(), pods: byUid(p1Ready, p2, p3) }, 16);
    expect(cell(second, 'pod-web-7d9f4-bbbbb')!.cell).toBe(cell(first, 'pod-web-7d9f4-bbbbb')!.cell);
    expect(find(second.nodes, 'lane:worker-2')).toBe(find(first.nodes, 'lane:worker-2'));
    expect(find(second.nodes, 'obj:dep-web')).toBe(find(first.nodes, 'obj:dep-web'));
    // Changed object, same data: still reused because the card would look the same.
    expect(cell(second, 'pod-web-7d9f4-aaaaa')!.cell).toBe(cell(first, 'pod-web-7d9f4-aaaaa')!.cell);
    expect(find(second.nodes, 'lane:worker-1')).toBe(find(first.nodes, 'lane:worker-1'));
    // A pod that changes state changes only its own cell and its lane.
    const failing = { ...p2, status: { phase: 'Failed' } } as KubeObject;
    const third = b.build({ ...base(), pods: byUid(p1Ready, failing, p3) }, 32);
    expect(cell(third, 'pod-web-7d9f4-bbbbb')!.cell.state).toBe('failed');
    expect(find(third.nodes, 'lane:worker-2')).not.toBe(find(second.nodes, 'lane:worker-2'));
    expect(find(third.nodes, 'lane:worker-1')).toBe(find(second.nodes, 'lane:worker-1'));
    const e1 = first.edges.find((e) => e.id.startsWith('owner:obj:dep'));
    expect(second.edges.find((e) => e.id === e1?.id)).toBe(e1);
  });

  it('moves a scheduled pod from Pending to its node and leaves the others in place', () => {
    const b = new GraphBuilder();
    const first = b.build(base(), 0);
    const scheduled = pod('web-7d9f4-ccccc', { nodeName: 'worker-1', owner: rs, labels, phase: 'Running' });
    const second = b.build({ ...base(), pods: byUid(p1, p2, scheduled) }, 16);
    const before = cell(first, 'pod-web-7d9f4-aaaaa')!.cell;
    expect(cell(second, 'pod-web-7d9f4-aaaaa')!.cell).toBe(before);
    const moved = cell(second, 'pod-web-7d9f4-ccccc')!;
    expect(moved.lane.id).toBe('lane:worker-1');
    expect(moved.cell.reason).toBe('Running');
    expect(moved.cell.seenAt).toBe(Number.NEGATIVE_INFINITY);
  });

  it('a deleted pod fades out in its slot, then goes; the replacement animates in', () => {
    const b = new GraphBuilder();
    b.build(base(), 0);
    const replacement = pod('web-7d9f4-ddddd', { nodeName: 'worker-1', owner: rs, labels });
    const during = b.build({ ...base(), pods: byUid(p2, p3, replacement) }, 100);
    const ghost = cell(during, 'pod-web-7d9f4-aaaaa')!.cell;
    expect(ghost.leaving).toBe(true);
    expect(ghost.label).toBe('Pod web-7d9f4-aaaaa Running (deleted)');
    const fresh = cell(during, 'pod-web-7d9f4-ddddd')!.cell;
    expect(fresh.seenAt).toBe(100);
    expect([fresh.x, fresh.y]).not.toEqual([ghost.x, ghost.y]);
    expect(during.nextExpiry).toBeGreaterThan(100);
    // The fading copy stays put while other things change.
    const still = b.build({ ...base(), pods: byUid(p2, p3, replacement), selectedUid: 'pod-web-7d9f4-bbbbb' }, 200);
    expect(cell(still, 'pod-web-7d9f4-aaaaa')!.cell).toBe(ghost);
    const after = b.build({ ...base(), pods: byUid(p2, p3, replacement) }, during.nextExpiry);
    expect(cell(after, 'pod-web-7d9f4-aaaaa')).toBeUndefined();
    expect(after.nextExpiry).toBe(Number.POSITIVE_INFINITY);
  });

  it('appends a new Deployment after the existing ones without moving them', () => {
    const b = new GraphBuilder();
    const first = b.build(base(), 0);
    const api = deployment('api', { created: 30 });
    const second = b.build({ ...base(), deployments: byUid(web, api) }, 16);
    expect(find(second.nodes, 'obj:dep-web')!.position).toEqual(find(first.nodes, 'obj:dep-web')!.position);
    expect(find(second.nodes, `obj:${svc.metadata.uid}`)!.position).toEqual(find(first.nodes, `obj:${svc.metadata.uid}`)!.position);
    expect(find(second.nodes, 'obj:dep-api')!.position.x).toBeGreaterThan(find(second.nodes, `obj:${svc.metadata.uid}`)!.position.x);
  });

  it('keeps the same picture for the same inputs in a fresh builder (deterministic)', () => {
    const a = new GraphBuilder().build(base(), 0);
    const b = new GraphBuilder().build(base(), 0);
    expect(b.nodes.map((n) => [n.id, n.position])).toEqual(a.nodes.map((n) => [n.id, n.position]));
  });
});

describe('GraphBuilder filters and scale', () => {
  it('leaves out hidden namespaces and counts their pods on the lane', () => {
    const sys = pod('coredns-1', { namespace: 'kube-system', nodeName: 'worker-1', phase: 'Running' });
    const out = new GraphBuilder().build({ ...base(), pods: byUid(p1, sys) }, 0);
    expect(cell(out, 'pod-coredns-1')).toBeUndefined();
    expect((find(out.nodes, 'lane:worker-1') as LaneNode).data.hidden).toBe(1);
    const shown = new GraphBuilder().build({ ...base(), pods: byUid(p1, sys), hiddenNamespaces: new Set() }, 0);
    expect(cell(shown, 'pod-coredns-1')).toBeDefined();
  });

  it('opens the control-plane lane on request and draws its pods', () => {
    const cp = pod('etcd', { namespace: 'default', nodeName: 'control-plane', phase: 'Running' });
    const closed = new GraphBuilder().build({ ...base(), pods: byUid(cp) }, 0);
    expect(cell(closed, 'pod-etcd')).toBeUndefined();
    // Edges to pods of a closed lane end at the lane.
    const open = new GraphBuilder().build({ ...base(), pods: byUid(cp), laneOverrides: { 'control-plane': 'open' } }, 0);
    expect(cell(open, 'pod-etcd')?.lane.id).toBe('lane:control-plane');
  });

  it('bundles many edges from one owner into one lane into a single counted edge', () => {
    const many = Array.from({ length: EDGE_BUNDLE_LIMIT + 5 }, (_, i) => pod(`web-7d9f4-${String(i).padStart(5, '0')}`, { nodeName: 'worker-1', owner: rs, labels, phase: 'Running' }));
    const out = new GraphBuilder().build({ ...base(), pods: byUid(...many) }, 0);
    const owner = out.edges.filter((e) => e.source === 'obj:rs-web-7d9f4');
    expect(owner).toHaveLength(1);
    expect([owner[0].target, owner[0].targetHandle]).toEqual(['lane:worker-1', 'lane']);
    expect(owner[0].data?.count).toBe(EDGE_BUNDLE_LIMIT + 5);
    expect(owner[0].className).toContain('is-bundled');
    expect(owner[0].type).toBeUndefined();
    expect(owner[0].data?.to).toBeUndefined();
  });

  it('builds 1,000 pods and reuses them all when nothing changed', () => {
    const many = Array.from({ length: 1000 }, (_, i) => pod(`web-7d9f4-${i}`, { nodeName: `worker-${(i % 2) + 1}`, owner: rs, labels, phase: 'Running' }));
    const b = new GraphBuilder();
    const input = { ...base(), pods: byUid(...many) };
    const first = b.build(input, 0);
    expect(allCells(first)).toHaveLength(1000);
    // Few React Flow nodes however many pods: lanes and cards only.
    expect(first.nodes.length).toBeLessThan(10);
    const second = b.build({ ...input, selectedUid: null }, 16);
    let same = 0;
    for (let i = 0; i < first.nodes.length; i++) if (first.nodes[i] === second.nodes[i]) same++;
    expect(same).toBe(first.nodes.length);
    // Every edge has its own id (a source bundles into each lane separately).
    expect(new Set(first.edges.map((e) => e.id)).size).toBe(first.edges.length);
    expect(first.edges.map((e) => e.id)).toContain('owner:obj:rs-web-7d9f4->lane:worker-2');
    // The lists themselves too, so React Flow has nothing to diff.
    expect(second.nodes).toBe(first.nodes);
    expect(second.edges).toBe(first.edges);
    expect(second.podStates).toBe(first.podStates);
    // No two pods share a place.
    const places = new Set(lanes(first).flatMap((l) => l.data.cells.map((c) => `${l.id}:${c.x},${c.y}`)));
    expect(places.size).toBe(1000);
  });

  it('widens the Pending lane for a backlog instead of making every lane tall', () => {
    const backlog = Array.from({ length: 60 }, (_, i) => pod(`web-7d9f4-p${i}`, { owner: rs, labels }));
    const out = new GraphBuilder().build({ ...base(), pods: byUid(p1, ...backlog) }, 0);
    const pending = find(out.nodes, `lane:${PENDING_LANE}`)!;
    const worker = find(out.nodes, 'lane:worker-1')!;
    expect(pending.height).toBe(worker.height);
    expect(pending.width!).toBeGreaterThan(worker.width!);
    const cells = cell(out, 'pod-web-7d9f4-p59')!;
    expect(cells.cell.x + POD_W).toBeLessThanOrEqual(pending.width!);
    expect(cells.cell.y + POD_H).toBeLessThanOrEqual(pending.height!);
  });

  it('marks the selection and the edges that touch it', () => {
    const out = new GraphBuilder().build({ ...base(), selectedUid: 'pod-web-7d9f4-aaaaa' }, 0);
    expect(cell(out, 'pod-web-7d9f4-aaaaa')!.cell.selected).toBe(true);
    expect(cell(out, 'pod-web-7d9f4-bbbbb')!.cell.selected).toBe(false);
    const active = out.edges.filter((e) => e.className?.includes('is-active')).map((e) => e.data?.rel);
    expect(active.sort()).toEqual(['owner', 'selects']);
  });

  it('shows only the ReplicaSets of a Deployment that matter', () => {
    const old = replicaSet(web, 'old00', { revision: 1, replicas: 0 });
    const cur = replicaSet(web, 'new00', { revision: 2, replicas: 3 });
    const out = new GraphBuilder().build({ ...base(), pods: new Map(), replicasets: byUid(old, cur) }, 0);
    expect(find(out.nodes, 'obj:rs-web-old00')).toBeUndefined();
    expect(find(out.nodes, 'obj:rs-web-new00')).toBeDefined();
  });

  it('survives objects with missing fields', () => {
    const junk: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: {} };
    const out = new GraphBuilder().build({ ...base(), pods: byUid(junk), services: byUid({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' } }) }, 0);
    expect(allCells(out)).toHaveLength(1);
  });
});

describe('GraphBuilder highlighting', () => {
  it('marks highlighted pods, cards and lanes, and only those', () => {
    const b = new GraphBuilder();
    const plain = b.build(base(), 0);
    const lit = b.build({ ...base(), highlighted: new Set([p1.metadata.uid!, rs.metadata.uid!, 'node-worker-2', 'no-such-uid']) }, 16);
    expect(cell(lit, p1.metadata.uid!)!.cell.highlighted).toBe(true);
    expect(cell(lit, p2.metadata.uid!)!.cell.highlighted).toBe(false);
    const rsNode = find(lit.nodes, `obj:${rs.metadata.uid}`)!;
    expect(rsNode.type === 'object' && rsNode.data.highlighted).toBe(true);
    const depNode = find(lit.nodes, `obj:${web.metadata.uid}`)!;
    expect(depNode.type === 'object' && depNode.data.highlighted).toBe(false);
    expect(lanes(lit).filter((l) => l.data.highlighted).map((l) => l.data.name)).toEqual(['worker-2']);
    // What the highlight did not touch keeps its identity.
    expect(cell(lit, p2.metadata.uid!)!.cell).toBe(cell(plain, p2.metadata.uid!)!.cell);
    expect(find(lit.nodes, `obj:${web.metadata.uid}`)).toBe(find(plain.nodes, `obj:${web.metadata.uid}`));
    // Clearing it brings plain cells back.
    const cleared = b.build(base(), 32);
    expect(allCells(cleared).some((c) => c.highlighted)).toBe(false);
  });

  it('a selected pod may also be highlighted: both marks stay', () => {
    const out = new GraphBuilder().build({ ...base(), selectedUid: p1.metadata.uid!, highlighted: new Set([p1.metadata.uid!]) }, 0);
    expect(cell(out, p1.metadata.uid!)!.cell).toMatchObject({ selected: true, highlighted: true });
  });
});

describe('GraphBuilder fading pods', () => {
  it('stamps a deleted pod with when it left, for the canvas to fade it', () => {
    const b = new GraphBuilder();
    b.build(base(), 0);
    const out = b.build({ ...base(), pods: byUid(p2, p3) }, 100);
    const ghost = cell(out, p1.metadata.uid!)!.cell;
    expect(ghost).toMatchObject({ leaving: true, leftAt: 100, selected: false, highlighted: false });
    expect(out.nextExpiry).toBe(100 + LEAVE_MS);
    // Live pods carry no leave time.
    expect(cell(out, p2.metadata.uid!)!.cell.leftAt).toBe(0);
  });
});

