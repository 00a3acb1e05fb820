import { beforeAll, describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster';
import { Recorder } from './recorder';
import type { TimelineService } from './service';
import { createDeployment, DEPLOYMENT_KEY, recordedCluster, webPods } from './testCluster';
import type { TimelineEntrySummary, TimelineResult } from './types';

const value = <T>(r: TimelineResult<T>): T => {
  if (!r.ok) throw new Error(`unexpected ${r.status.code}: ${r.status.message}`);
  return r.value;
};
const status = <T>(r: TimelineResult<T>) => (r.ok ? 0 : r.status.code);

describe('timeline of a cluster running a Deployment', () => {
  let svc: TimelineService;
  let c: Cluster;
  let created = 0;
  let ran: TimelineEntrySummary[] = [];

  beforeAll(async () => {
    ({ svc, c } = await recordedCluster({ seed: 11 }));
    c.clock.runFor(5_000);
    expect(createDeployment(c).status).toBe(201);
    created = c.store.revision;
    ran = value(svc.step(c, { kind: 'idle' })).entries;
  }, 60_000);

  it('attributes every task write to the entry of its task', () => {
    const withWrites = ran.filter((e) => e.revisions.length);
    expect(withWrites.length).toBeGreaterThan(10);
    for (const e of withWrites) for (const r of e.revisions) for (const ev of c.store.eventsAt(r)) expect(ev.cause.task).toBe(e.taskId);
  });

  it('records the API request as an entry of its own, and reads not at all', () => {
    const before = value(svc.page({ limit: 1 })).entries[0].id;
    webPods(c);
    expect(value(svc.page({ limit: 1 })).entries[0].id).toBe(before);
    const actions = value(svc.page({ object: DEPLOYMENT_KEY, direction: 'newer', limit: 1 })).entries;
    expect(actions[0]).toMatchObject({ source: 'action', component: 'kubectl', what: 'create', revisions: [created] });
    expect(actions[0].narration).toBe('kubectl: created Deployment default/web');
  });

  it('pages newest first and oldest first, without overlap', () => {
    const p1 = value(svc.page({ limit: 5 }));
    const p2 = value(svc.page({ limit: 5, from: p1.next }));
    expect(p1.entries.map((e) => e.id)).toEqual([...p1.entries.map((e) => e.id)].sort((a, b) => b - a));
    expect(p2.entries[0].id).toBe(p1.entries[4].id - 1);
    const n = value(svc.page({ limit: 3, direction: 'newer' }));
    expect(n.entries.map((e) => e.id)).toEqual([1, 2, 3]);
  });

  it('filters by component (a prefix catches every kubelet) and by object key or uid', () => {
    const kubelets = value(svc.page({ component: 'kubelet', limit: 50 })).entries;
    expect(kubelets.length).toBeGreaterThan(0);
    expect(kubelets.every((e) => e.component.startsWith('kubelet/'))).toBe(true);
    const uid = (c.store.get(DEPLOYMENT_KEY)!.value.metadata.uid)!;
    const byKey = value(svc.page({ object: DEPLOYMENT_KEY, limit: 1000 })).entries.map((e) => e.id);
    const byUid = value(svc.page({ object: uid, limit: 1000 })).entries.map((e) => e.id);
    expect(byKey.length).toBeGreaterThan(3);
    expect(byUid).toEqual(byKey);
  });

  it('gives one entry with its writes, what changed in each, and the decision', () => {
    const rs = ran.find((e) => e.component === 'replicaset-controller' && /creating 3 Pods/.test(e.narration))!;
    expect(rs.narration).toMatch(/^ReplicaSet web-[a-z0-9]+: wants 3, has 0 → creating 3 Pods$/);
    const full = value(svc.entry(rs.id));
    expect(full.writes.filter((w) => w.kind === 'Pod' && w.op === 'created')).toHaveLength(3);
    expect(full.detail).toMatchObject({ type: 'controller', controller: 'replicaset-controller', decision: { want: 3, have: 0, created: 3 } });
    const statusWrite = full.writes.find((w) => w.kind === 'ReplicaSet');
    expect(statusWrite?.changed).toContain('status');
  });

  it('answers bad paging and unknown entries with a Status', () => {
    expect(status(svc.page({ limit: 0 }))).toBe(400);
    expect(status(svc.page({ limit: 5000 }))).toBe(400);
    expect(status(svc.page({ direction: 'sideways' as never }))).toBe(400);
    expect(status(svc.page({ from: -3 }))).toBe(400);
    expect(status(svc.page({ object: '' }))).toBe(400);
    expect(status(svc.entry(10_000_000))).toBe(404);
    expect(status(svc.entry(1.5))).toBe(400);
    expect(status(svc.entry('7' as never))).toBe(400);
  });

  it('reads an object at a revision and diffs two revisions from history', () => {
    const at = value(svc.objectAt(c, DEPLOYMENT_KEY, created));
    expect(at.object?.metadata.name).toBe('web');
    expect((at.object as { status?: { readyReplicas?: number } }).status?.readyReplicas).toBeUndefined();
    expect(value(svc.objectAt(c, DEPLOYMENT_KEY, created - 1)).object).toBeUndefined();
    const d = value(svc.diff(c, DEPLOYMENT_KEY, created, c.store.revision));
    expect(d.before).toContain('name: web');
    const added = d.lines.filter((l) => l.op === '+').map((l) => l.text.trim());
    expect(added).toContain('readyReplicas: 3');
    expect(d.lines.some((l) => l.text.includes('managedFields'))).toBe(false);
  });

  it('says what changed between two revisions, and which entries did it', () => {
    const ch = value(svc.changes(c, created - 1, c.store.revision));
    const deploy = ch.objects.find((o) => o.key === DEPLOYMENT_KEY)!;
    expect(deploy.op).toBe('created');
    expect(deploy.entries.length).toBeGreaterThan(1);
    const pods = ch.objects.filter((o) => o.kind === 'Pod' && o.name.startsWith('web-'));
    expect(pods).toHaveLength(3);
    expect(pods.every((p) => p.op === 'created')).toBe(true);
    const later = value(svc.changes(c, created, created));
    expect(later.objects).toEqual([]);
  });

  it('answers bad revisions and keys with a Status', () => {
    expect(status(svc.objectAt(c, DEPLOYMENT_KEY, c.store.revision + 10))).toBe(400);
    expect(status(svc.objectAt(c, 'deployments/web', 3))).toBe(400);
    expect(status(svc.diff(c, DEPLOYMENT_KEY, -1, 3))).toBe(400);
    expect(status(svc.diff(c, DEPLOYMENT_KEY, 3, Number.NaN))).toBe(400);
    expect(status(svc.changes(c, 10, 5))).toBe(400);
  });
});

describe('stepping', () => {
  let svc: TimelineService;
  let c: Cluster;
  beforeAll(async () => {
    ({ svc, c } = await recordedCluster({ seed: 5 }));
    c.clock.runFor(5_000);
  }, 60_000);

  it('runs one task, or to the next write, or until an object changes', () => {
    const one = value(svc.step(c, { kind: 'task' }));
    expect(one.ran).toBe(1);
    expect(one.entries).toHaveLength(1);
    expect(one.stopped).toBe('done');
    const w = value(svc.step(c, { kind: 'write' }));
    expect(w.entries[w.entries.length - 1].revisions.length).toBeGreaterThan(0);
    expect(w.entries.slice(0, -1).every((e) => e.revisions.length === 0)).toBe(true);
    createDeployment(c, 1);
    const o = value(svc.step(c, { kind: 'object', object: '/registry/core/nodes/worker-1' }));
    const last = value(svc.entry(o.entries[o.entries.length - 1].id));
    expect(last.writes.some((x) => x.key === '/registry/core/nodes/worker-1')).toBe(true);
  });

  it('runs until idle and says so', () => {
    const r = value(svc.step(c, { kind: 'idle' }));
    expect(r.stopped).toBe('done');
    expect(webPods(c).names).toHaveLength(1);
    const again = value(svc.step(c, { kind: 'idle' }));
    expect(again.ran).toBe(0);
  });

  it('stops at the virtual-time cap', () => {
    createDeployment({ request: (r) => c.request({ ...r, body: { ...(r.body as object), metadata: { name: 'web2', namespace: 'default' } } }) }, 2);
    const r = value(svc.step(c, { kind: 'idle', maxVirtualMs: 1 }));
    expect(r.stopped).toBe('limit');
  });

  it('refuses unknown kinds and bad targets', () => {
    expect(status(svc.step(c, { kind: 'leap' } as never))).toBe(400);
    expect(status(svc.step(c, { kind: 'object' } as never))).toBe(400);
    expect(status(svc.step(c, { kind: 'idle', maxVirtualMs: -5 }))).toBe(400);
    expect(status(svc.step(c, null as never))).toBe(400);
  });
});

describe('Recorder', () => {
  it('keeps only the newest entries and says how many it dropped', async () => {
    const { c } = await recordedCluster({ seed: 2 });
    const r = new Recorder(c, 10);
    c.clock.runFor(5_000);
    expect(r.size).toBe(10);
    expect(r.dropped).toBe(r.newestId - 10);
    expect(r.get(r.oldestId)).toBeDefined();
    expect(r.get(r.oldestId - 1)).toBeUndefined();
    expect(r.get(0)).toBeUndefined();
    r.detach();
    const n = r.newestId;
    c.clock.runFor(1_000);
    expect(r.newestId).toBe(n);
  }, 60_000);

  it('keeps the scheduler’s per-node table for a scheduling entry', async () => {
    const { svc, c } = await recordedCluster({ seed: 3 });
    c.clock.runFor(5_000);
    createDeployment(c, 1);
    value(svc.step(c, { kind: 'idle' }));
    const sched = value(svc.page({ component: 'kube-scheduler', writesOnly: true, limit: 1000 })).entries.find((e) => e.key.startsWith('default/web-'))!;
    const full = value(svc.entry(sched.id));
    expect(full.detail?.type).toBe('scheduling');
    if (full.detail?.type !== 'scheduling') return;
    const cp = full.detail.nodes.find((n) => n.node === 'control-plane')!;
    expect(cp).toMatchObject({ verdict: 'filtered', plugin: 'TaintToleration' });
    const chosenNode = full.detail.node;
    const chosen = full.detail.nodes.find((n) => n.node === chosenNode)!;
    expect(chosen.total).toBeGreaterThan(0);
    expect(sched.narration).toContain(`→ ${chosen.node} (control-plane node(s) had untolerated taint`);
  }, 60_000);
});
