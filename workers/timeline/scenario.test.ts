/**
 * The brief's scenario through the worker's methods, as the page calls them:
 * a paused cluster, a 3-replica Deployment applied through the API, then
 * step by step, with time travel, and a fork that replaces the cluster.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createClusterWorkerApi, type BatchTimer, type ClusterWorkerApi } from '../cluster.worker';
import type { WatchEvent } from '../api/request';
import { createDeployment, DEPLOYMENT_KEY, webPods } from './testCluster';
import type { TimelineEntry, TimelineEntrySummary, TimelineResult } from './types';

const value = <T>(r: TimelineResult<T>): T => {
  if (!r.ok) throw new Error(`unexpected ${r.status.code}: ${r.status.message}`);
  return r.value;
};

function manualTimer(): BatchTimer & { flush(): void } {
  let queue: { fn: () => void; id: number }[] = [];
  let ids = 0;
  return {
    now: () => 0,
    setTimeout(fn) {
      queue.push({ fn, id: ++ids });
      return ids;
    },
    clearTimeout(h) {
      queue = queue.filter((t) => t.id !== h);
    },
    flush() {
      while (queue.length) queue.shift()!.fn();
    },
  };
}

describe('stepping through a Deployment, task by task (worker API)', () => {
  let api: ClusterWorkerApi;
  let timer: ReturnType<typeof manualTimer>;
  const entries: TimelineEntry[] = [];
  let createdAt = 0;

  beforeAll(async () => {
    timer = manualTimer();
    api = createClusterWorkerApi(undefined, timer);
    await api.start({ seed: 17 });
    api.setMode({ kind: 'paused' });
    value(api.step({ kind: 'idle', maxVirtualMs: 30_000 }));
    expect(createDeployment(api).status).toBe(201);
    const first = value(api.timeline({ limit: 1 })).entries[0];
    entries.push(value(api.timelineEntry(first.id)));
    createdAt = first.revisions[0];
    // Step one task at a time until the three pods run.
    for (let i = 0; i < 5_000; i++) {
      const r = value(api.step({ kind: 'task' }));
      for (const e of r.entries) if (e.revisions.length) entries.push(value(api.timelineEntry(e.id)));
      if (entries.filter((e) => e.component.startsWith('kubelet/') && /container nginx Running/.test(e.narration)).length === 3) break;
    }
  }, 120_000);

  const find = (p: (e: TimelineEntry) => boolean, what: string): TimelineEntry => {
    const e = entries.find(p);
    if (!e) throw new Error(`no entry ${what} in:\n${entries.map((x) => `${x.component}: ${x.narration}`).join('\n')}`);
    return e;
  };

  it('starts with the API request that created the Deployment', () => {
    const e = entries[0];
    expect(e).toMatchObject({ source: 'action', component: 'kubectl', what: 'create', status: 201 });
    expect(e.writes).toEqual([expect.objectContaining({ op: 'created', kind: 'Deployment', name: 'web', namespace: 'default' })]);
    expect(e.action).toMatchObject({ type: 'request', request: { verb: 'create', resource: 'deployments' } });
  });

  it('then the Deployment creates a ReplicaSet, which wants 3 and creates the pods', () => {
    const d = find((e) => e.component === 'deployment-controller' && e.key === 'default/web' && e.writes.some((w) => w.kind === 'ReplicaSet' && w.op === 'created'), 'creating the ReplicaSet');
    expect(d.narration).toMatch(/^Deployment web: new template → created ReplicaSet web-[a-z0-9]+ \(0→3, maxSurge 25%\)/);
    const rs = find((e) => e.component === 'replicaset-controller' && /wants 3/.test(e.narration), 'of the ReplicaSet');
    expect(rs.id).toBeGreaterThan(d.id);
    expect(rs.narration).toMatch(/wants 3, has 0 → creating 3 Pods/);
    expect(rs.writes.filter((w) => w.kind === 'Pod' && w.op === 'created')).toHaveLength(3);
  });

  it('the scheduler entries name the node and carry the per-node table', () => {
    const sched = entries.filter((e) => e.component === 'kube-scheduler' && e.key.startsWith('default/web-'));
    expect(sched).toHaveLength(3);
    for (const s of sched) {
      expect(s.detail?.type).toBe('scheduling');
      if (s.detail?.type !== 'scheduling') continue;
      expect(s.narration).toContain(`→ ${s.detail.node} (`);
      expect(s.detail.nodes.map((n) => n.node)).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3']);
      expect(s.detail.nodes[0]).toMatchObject({ verdict: 'filtered', plugin: 'TaintToleration' });
      for (const n of s.detail.nodes.slice(1)) {
        expect(n.verdict).toBe('passed');
        expect(n.total).toBeGreaterThan(0);
        expect(Object.keys(n.scores ?? {})).toContain('NodeResourcesFit');
      }
    }
  });

  it('the kubelet entries say pulled and Running', () => {
    const pulled = entries.filter((e) => e.component.startsWith('kubelet/') && /pulled nginx:1\.27 in [0-9.]+ s/.test(e.narration));
    expect(pulled).toHaveLength(3);
    const running = entries.filter((e) => /^Kubelet worker-\d: Pod web-[a-z0-9-]+: .*container nginx Running/.test(e.narration));
    expect(running).toHaveLength(3);
  });

  it('time travel: the list at the creating revision has no pods; the Deployment diff shows status changes', () => {
    expect(webPods(api, { resourceVersion: String(createdAt), resourceVersionMatch: 'Exact' }).names).toEqual([]);
    expect(webPods(api).names).toHaveLength(3);
    const now = value(api.timelineInfo()).revision;
    const d = value(api.diff(DEPLOYMENT_KEY, createdAt, now));
    const changed = d.lines.filter((l) => l.op !== ' ').map((l) => l.text.trim());
    expect(changed).toContain('replicas: 3');
    expect(changed.some((l) => /^(updatedReplicas|readyReplicas|availableReplicas): \d$/.test(l))).toBe(true);
    expect(changed.some((l) => l.startsWith('- type: Progressing') || l.startsWith('- lastTransitionTime'))).toBe(true);
    const ch = value(api.changes(createdAt - 1, now));
    expect(ch.objects.filter((o) => o.kind === 'Pod' && o.op === 'created' && o.name.startsWith('web-'))).toHaveLength(3);
  });

  it('answers bad input with a Status and keeps working', async () => {
    expect(api.timelineEntry(99_999_999)).toMatchObject({ ok: false, status: { code: 404 } });
    expect(api.timeline({ limit: -1 })).toMatchObject({ ok: false, status: { code: 400 } });
    expect(api.step({ kind: 'sideways' } as never)).toMatchObject({ ok: false, status: { code: 400 } });
    expect(api.objectAt('not-a-key', 1)).toMatchObject({ ok: false, status: { code: 400 } });
    expect(api.diff(DEPLOYMENT_KEY, 1, 10 ** 9)).toMatchObject({ ok: false, status: { code: 400 } });
    expect(await api.importSession('{"format":', { replay: true })).toMatchObject({ ok: false, status: { code: 400 } });
    expect(await api.fork(10 ** 9)).toMatchObject({ ok: false, status: { code: 400 } });
    expect(value(api.historyHash())).toMatch(/^[0-9a-f]{32}$/);
  });

  it('fork: open watches end with one 410, the new cluster is recorded from a new generation', async () => {
    const got: WatchEvent[] = [];
    api.watch({ verb: 'watch', group: '', version: 'v1', resource: 'pods', namespace: 'default' }, (batch) => void got.push(...batch));
    const generation = value(api.timelineInfo()).generation;
    const rs = entries.find((e) => e.component === 'replicaset-controller' && /wants 3/.test(e.narration))!;
    const f = value(await api.fork(rs.revisions[0]));
    timer.flush();
    const info = value(api.timelineInfo());
    expect(info.generation).toBe(generation + 1);
    expect(f.revision).toBe(info.revision);
    expect(api.clock().mode.kind).toBe('paused');
    // Three pods were just created and nothing else happened yet.
    expect(webPods(api).names).toHaveLength(3);
    const latest: TimelineEntrySummary = value(api.timeline({ limit: 1, writesOnly: true })).entries[0];
    expect(latest.component).toBe('replicaset-controller');
    // Whatever the watch had pending goes out first; the 410 is its last event, and nothing follows it.
    const errors = got.filter((e) => e.type === 'ERROR');
    expect(errors).toHaveLength(1);
    expect(got[got.length - 1]).toBe(errors[0]);
    expect(errors[0]).toMatchObject({ type: 'ERROR', object: { code: 410, reason: 'Expired' } });
    expect((errors[0].object as { message: string }).message).toMatch(/^cluster replaced: /);
    const seen = got.length;
    createDeployment({ request: (r) => api.request({ ...r, body: { ...(r.body as object), metadata: { name: 'after', namespace: 'default' } } }) });
    value(api.step({ kind: 'write' }));
    timer.flush();
    expect(got).toHaveLength(seen);
  });
});
