import { describe, expect, it } from 'vitest';
import { ClockDriver, type WallClock } from '../clock/driver';
import type { Cluster } from '../cluster';
import { parseSession } from './session';
import { historyHash } from './hash';
import { createDeployment, recordedCluster, scaleDeployment, webPods } from './testCluster';
import { SESSION_FORMAT, type SessionDocument, type TimelineResult } from './types';

const value = <T>(r: TimelineResult<T>): T => {
  if (!r.ok) throw new Error(`unexpected ${r.status.code}: ${r.status.message}`);
  return r.value;
};

/** Wall time by hand: the driver's timers fire only when the test moves time on. */
function manualWall(): WallClock & { advance(ms: number): void } {
  let now = 0;
  let timers: { at: number; fn: () => void; id: number }[] = [];
  let ids = 0;
  return {
    now: () => now,
    setTimeout(fn, ms) {
      timers.push({ at: now + ms, fn, id: ++ids });
      return ids;
    },
    clearTimeout(h) {
      timers = timers.filter((t) => t.id !== h);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at || a.id - b.id);
        const t = timers[0];
        if (!t || t.at > end) break;
        timers.shift();
        now = Math.max(now, t.at);
        t.fn();
      }
      now = end;
    },
  };
}

/** The scenario of the brief, driven in real time at `speed`: apply, scale, delete a pod, stop a kubelet. */
async function originalRun(speed: number) {
  const { svc, c } = await recordedCluster({ seed: 21 });
  const wall = manualWall();
  const driver = new ClockDriver(c.clock, wall);
  driver.setMode({ kind: 'realtime', speed });
  const virtual = (ms: number) => wall.advance(ms / speed);
  virtual(5_000);
  expect(createDeployment(c).status).toBe(201);
  virtual(7_000);
  expect(scaleDeployment(c, 4).status).toBe(200);
  virtual(6_000);
  const victim = webPods(c).names[0];
  expect(c.request({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: victim, userAgent: 'kube-playground-ui' }).status).toBe(200);
  virtual(3_000);
  expect(c.chaos({ action: 'stopKubelet', node: 'worker-2' }).status).toBe(200);
  virtual(60_000);
  driver.stop();
  return { svc, c };
}

describe('session export and replay', () => {
  it.each([1, 37])('replays a session recorded at %d× to the identical history', async (speed) => {
    const { svc, c } = await originalRun(speed);
    const doc = value(svc.exportSession(c));
    expect(doc.format).toBe(SESSION_FORMAT);
    expect(doc.actions.map((a) => (a.action.type === 'chaos' ? a.action.chaos.action : a.action.request.verb))).toEqual(['create', 'patch', 'delete', 'stopKubelet']);
    const original = historyHash(c.store);
    expect(doc.historyHash).toBe(original);
    const text = JSON.stringify(doc);
    const replay = await svc.importSession(text, { replay: true });
    const r = value(replay);
    expect(r.matches).toBe(true);
    expect(r.historyHash).toBe(original);
    expect(replay.ok && replay.cluster && historyHash(replay.cluster.store)).toBe(original);
    // The replayed cluster is now the recorded one: its own export is the same session.
    const again = value(svc.exportSession(replay.ok ? replay.cluster! : c));
    expect(again.actions).toEqual(doc.actions);
  }, 120_000);

  it('tells a tampered session from the original', async () => {
    const { svc, c } = await recordedCluster({ seed: 4 });
    c.clock.runFor(3_000);
    createDeployment(c, 2);
    c.clock.runFor(20_000);
    const doc = value(svc.exportSession(c));
    const other = { ...doc, actions: doc.actions.map((a) => ({ ...a, time: a.time + 1_000 })) };
    const r = value(await svc.importSession(other));
    expect(r.matches).toBe(false);
  }, 60_000);

  it('refuses a session that cannot be replayed here, and keeps the cluster it had', async () => {
    const { svc, c } = await recordedCluster({ seed: 4 });
    c.clock.runFor(1_000);
    const doc = value(svc.exportSession(c));
    const impossible: SessionDocument = { ...doc, actions: [{ afterTasks: 5, afterTask: 999_999, time: doc.time, action: { type: 'chaos', chaos: { action: 'addNode' } } }] };
    const r = await svc.importSession(impossible);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.status.message).toMatch(/cannot replay the session: replay diverged/);
    // Still recording the first cluster.
    const before = value(svc.info(c)).newestId;
    c.clock.runFor(1_000);
    expect(value(svc.info(c)).newestId).toBeGreaterThan(before!);
  }, 60_000);
});

describe('parseSession', () => {
  const good: SessionDocument = { format: SESSION_FORMAT, options: { seed: 1 }, actions: [], tasksRun: 0, time: 0, revision: 0, historyHash: 'x' };
  const msg = (v: unknown) => {
    const r = parseSession(v);
    return r.ok ? 'ok' : `${r.status.code} ${r.status.message}`;
  };
  it('accepts a well-formed document, as text or object', () => {
    expect(msg(good)).toBe('ok');
    expect(msg(JSON.stringify(good))).toBe('ok');
  });
  it('says what is wrong with a malformed one', () => {
    expect(msg('{"format":')).toMatch(/^400 malformed session: /);
    expect(msg([])).toBe('400 invalid session: (root): must be a JSON object');
    expect(msg({ ...good, format: 'v0' })).toBe('400 invalid session: format: must be "kube-playground-session/v1", got "v0"');
    expect(msg({ ...good, options: { seed: 'x' } })).toBe('400 invalid session: options.seed: must be a number');
    expect(msg({ ...good, options: { controllers: ['nope'] } })).toMatch(/^400 invalid session: options.controllers: /);
    expect(msg({ ...good, actions: {} })).toBe('400 invalid session: actions: must be an array');
    const act = { afterTasks: 3, afterTask: 3, time: 0, action: { type: 'request', request: { verb: 'create', group: '', version: 'v1', resource: 'pods' } } };
    expect(msg({ ...good, actions: [act], tasksRun: 3 })).toBe('ok');
    expect(msg({ ...good, actions: [act], tasksRun: 2 })).toMatch(/^400 invalid session: tasksRun: /);
    expect(msg({ ...good, actions: [act, { ...act, afterTasks: 1 }], tasksRun: 9 })).toMatch(/actions\[1\]\.afterTasks: must not go back/);
    expect(msg({ ...good, actions: [{ ...act, action: { type: 'request', request: { ...act.action.request, verb: 'fly' } } }], tasksRun: 3 })).toMatch(/actions\[0\]\.action\.request\.verb: unsupported verb "fly"/);
    expect(msg({ ...good, actions: [{ ...act, action: { type: 'chaos', chaos: { action: 'meteor' } } }], tasksRun: 3 })).toMatch(/actions\[0\]\.action\.chaos\.action/);
    expect(msg({ ...good, actions: [{ ...act, action: { type: 'teleport' } }], tasksRun: 3 })).toMatch(/actions\[0\]\.action\.type/);
  });
});

describe('fork', () => {
  it('rebuilds up to the entry that wrote a revision; what follows can differ', async () => {
    const { svc, c } = await recordedCluster({ seed: 9 });
    c.clock.runFor(5_000);
    createDeployment(c, 3);
    value(svc.step(c, { kind: 'idle' }));
    const rsEntry = value(svc.page({ component: 'deployment-controller', writesOnly: true, limit: 1000, direction: 'newer' })).entries.find((e) => e.key === 'default/web' && /created ReplicaSet/.test(e.narration))!;
    const at = rsEntry.revisions[0];
    const forked = await svc.fork(c, at);
    if (!forked.ok) throw new Error(forked.status.message);
    const f: Cluster = forked.cluster;
    // The fork ends with the whole entry that wrote `at`, and its history is the original's up to there.
    expect(forked.value.revision).toBe(rsEntry.revisions[rsEntry.revisions.length - 1]);
    expect(f.store.revision).toBe(forked.value.revision);
    expect(historyHash(f.store)).toBe(historyHash(c.store, f.store.revision));
    expect(webPods(f).names).toEqual([]);
    // A different future: scale to 1 instead of letting 3 pods come up.
    expect(scaleDeployment(f, 1).status).toBe(200);
    value(svc.step(f, { kind: 'idle' }));
    expect(webPods(f).names).toHaveLength(1);
    expect(webPods(c).names).toHaveLength(3);
    const next = f.store.eventsAt(forked.value.revision + 1)[0];
    expect(next.cause.task).toBeUndefined();
    expect(c.store.eventsAt(forked.value.revision + 1)[0].cause.task).toBeDefined();
    // The session of the fork is the dropped branch's prefix plus what came after.
    expect(value(svc.exportSession(f)).actions.map((a) => (a.action.type === 'request' ? a.action.request.verb : ''))).toEqual(['create', 'patch']);
  }, 120_000);

  it('refuses revisions it cannot fork at', async () => {
    const { svc, c } = await recordedCluster({ seed: 9 });
    c.clock.runFor(1_000);
    for (const bad of [-1, 1.5, c.store.revision + 1]) {
      const r = await svc.fork(c, bad);
      expect(r.ok ? 200 : r.status.code).toBe(400);
    }
  }, 60_000);
});
