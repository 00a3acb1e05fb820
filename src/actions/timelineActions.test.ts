import { describe, it, expect } from 'vitest';
import type { Status } from '../../workers/api/status';
import type { StepRequest, StepResult, TimelineInfo, TimelineResult } from '../../workers/timeline/types';
import type { ClockMode } from '../../workers/clock/driver';
import { createClusterStore } from '../cluster/store';
import type { TimelineClient } from '../cluster/timelineClient';
import { createUiStore } from '../app/uiStore';
import { buildShortcutTable } from './shortcuts';
import { runAction } from './registry';
import type { ActionContext } from './types';

const status = (code: number, message: string): Status => ({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code, message });
const ok = <T>(value: T): TimelineResult<T> => ({ ok: true, value });

function info(over: Partial<TimelineInfo> = {}): TimelineInfo {
  return { generation: 1, entries: 10, oldestId: 1, newestId: 10, capacity: 50_000, dropped: 0, revision: 100, compactedRevision: 0, tasksRun: 10, now: 5000, ...over };
}

function stepResult(narrations: string[]): StepResult {
  return {
    entries: narrations.map((n, i) => ({ id: i + 1, source: 'task', component: 'deployment-controller', key: 'default/web', what: 'sync', time: 1000 + i, revisions: [], narration: n })),
    ran: narrations.length,
    stopped: 'done',
    now: 2000,
    revision: 101,
  };
}

function fakeContext(over: Partial<TimelineClient> = {}) {
  const steps: StepRequest[] = [];
  const modes: ClockMode[] = [];
  const forks: number[] = [];
  const timeline = {
    async step(req: StepRequest) {
      steps.push(req);
      return ok(stepResult(['Deployment default/web created ReplicaSet web-7d9f']));
    },
    async timelineInfo() {
      return ok(info());
    },
    async fork(revision: number) {
      forks.push(revision);
      return ok({ generation: 2, revision, tasksRun: 5, historyHash: 'abcdef0123456789' });
    },
    async importSession() {
      return ok({ generation: 3, tasksRun: 40, revision: 120, historyHash: 'feedfacecafebeef', matches: true });
    },
    ...over,
  } as unknown as TimelineClient;
  const ctx: ActionContext = {
    client: {
      async request() {
        return { status: 200, body: {} };
      },
      async setMode(mode) {
        modes.push(mode);
      },
      timeline,
    },
    cluster: createClusterStore(),
    ui: createUiStore(),
    graph: { fit: null },
  };
  return { ctx, steps, modes, forks };
}

describe('stepping actions', () => {
  it('each asks the worker for its kind of step, shows the clock paused and narrates', async () => {
    const { ctx, steps } = fakeContext();
    expect(await runAction(ctx, 'stepTask')).toEqual({ ok: true });
    expect(ctx.ui.getState().clockMode).toEqual({ kind: 'paused' });
    expect(ctx.cluster.getState().narration).toMatchObject({ text: 'Deployment default/web created ReplicaSet web-7d9f', seq: 1, ran: 1, entries: [1] });
    await runAction(ctx, 'stepToWrite');
    await runAction(ctx, 'runUntilIdle');
    await runAction(ctx, 'runUntilIdle', { maxVirtualMs: 60_000 });
    await runAction(ctx, 'stepUntilChanged', { object: 'uid-9' });
    expect(steps).toEqual([{ kind: 'task' }, { kind: 'write' }, { kind: 'idle' }, { kind: 'idle', maxVirtualMs: 60_000 }, { kind: 'object', object: 'uid-9' }]);
    expect(ctx.cluster.getState().narration?.seq).toBe(5);
  });

  it('until changed uses the selection, and refuses without one', async () => {
    const { ctx, steps } = fakeContext();
    expect((await runAction(ctx, 'stepUntilChanged')).ok).toBe(false);
    ctx.cluster.getState().select({ kind: 'Pod', namespace: 'default', name: 'web-1', uid: 'pod-uid' });
    await runAction(ctx, 'stepUntilChanged');
    expect(steps).toEqual([{ kind: 'object', object: 'pod-uid' }]);
    expect((await runAction(ctx, 'runUntilIdle', { maxVirtualMs: -1 })).ok).toBe(false);
  });

  it('stepping while viewing the past goes back to live first', async () => {
    const { ctx } = fakeContext();
    ctx.cluster.getState().travelTo({ type: 'scrub', revision: 40, time: 1, latest: 100 });
    await runAction(ctx, 'stepTask');
    expect(ctx.cluster.getState().travel.view).toEqual({ mode: 'live' });
  });

  it('a refused step is a failed result carrying the Status, and narrates nothing', async () => {
    const { ctx } = fakeContext({ step: async () => ({ ok: false, status: status(500, 'boom') }) } as Partial<TimelineClient>);
    const r = await runAction(ctx, 'stepTask');
    expect(r).toMatchObject({ ok: false, message: 'boom' });
    expect(ctx.cluster.getState().narration).toBeNull();
  });

  it('without a timeline the actions refuse', async () => {
    const { ctx: full } = fakeContext();
    const ctx: ActionContext = { ...full, client: { request: full.client.request, setMode: full.client.setMode } };
    for (const id of ['stepTask', 'stepToWrite', 'runUntilIdle', 'travelLive'] as const) {
      const r = await runAction(ctx, id);
      expect(r.ok).toBe(id === 'travelLive');
    }
    expect((await runAction(ctx, 'travelTo', { revision: 3 })).ok).toBe(false);
  });
});

describe('time travel actions', () => {
  it('travelTo pauses a running clock and shows the past; travelLive returns', async () => {
    const { ctx, modes } = fakeContext();
    expect(await runAction(ctx, 'travelTo', { revision: 40, time: 4200 })).toEqual({ ok: true });
    expect(modes).toEqual([{ kind: 'paused' }]);
    expect(ctx.cluster.getState().travel.view).toEqual({ mode: 'past', revision: 40, time: 4200 });
    await runAction(ctx, 'travelLive');
    expect(ctx.cluster.getState().travel.view).toEqual({ mode: 'live' });
  });

  it('the newest revision is live, without pausing', async () => {
    const { ctx, modes } = fakeContext();
    await runAction(ctx, 'travelTo', { revision: 100 });
    expect(ctx.cluster.getState().travel.view.mode).toBe('live');
    expect(modes).toEqual([]);
  });

  it('refuses the future, compacted history and nonsense', async () => {
    const { ctx } = fakeContext({ timelineInfo: async () => ok(info({ compactedRevision: 30 })) } as Partial<TimelineClient>);
    expect(await runAction(ctx, 'travelTo', { revision: 101 })).toMatchObject({ ok: false, message: 'revision 101 is in the future (the cluster is at 100)' });
    expect(await runAction(ctx, 'travelTo', { revision: 10 })).toMatchObject({ ok: false, message: 'revision 10 has been compacted (history starts at 30)' });
    expect((await runAction(ctx, 'travelTo', { revision: -1 })).ok).toBe(false);
    expect((await runAction(ctx, 'travelTo', undefined as unknown as { revision: number })).ok).toBe(false);
    expect(ctx.cluster.getState().travel.view.mode).toBe('live');
  });

  it('resumeFromHere forks at the viewed revision and goes live on the new cluster', async () => {
    const { ctx, forks } = fakeContext();
    expect((await runAction(ctx, 'resumeFromHere')).ok).toBe(false);
    await runAction(ctx, 'travelTo', { revision: 40 });
    const epoch = ctx.cluster.getState().travel.epoch;
    expect(await runAction(ctx, 'resumeFromHere')).toEqual({ ok: true });
    expect(forks).toEqual([40]);
    expect(ctx.cluster.getState().travel.view.mode).toBe('live');
    expect(ctx.cluster.getState().travel.epoch).toBe(epoch + 1);
    expect(ctx.cluster.getState().narration?.text).toMatch(/^Resumed from revision 40/);
    expect(ctx.ui.getState().clockMode).toEqual({ kind: 'paused' });
  });

  it('a refused fork leaves the page in the past', async () => {
    const { ctx } = fakeContext({ fork: async () => ({ ok: false, status: status(410, 'revision 40 has been compacted') }) } as Partial<TimelineClient>);
    await runAction(ctx, 'travelTo', { revision: 40 });
    expect(await runAction(ctx, 'resumeFromHere')).toMatchObject({ ok: false, message: 'revision 40 has been compacted' });
    expect(ctx.cluster.getState().travel.view.mode).toBe('past');
  });

  it('openSession replays and reports the hash', async () => {
    const { ctx } = fakeContext();
    expect((await runAction(ctx, 'openSession', { document: '  ' })).ok).toBe(false);
    expect(await runAction(ctx, 'openSession', { document: '{"format":"kube-playground-session/v1"}' })).toEqual({ ok: true });
    expect(ctx.cluster.getState().narration?.text).toBe('Session replayed: 40 tasks to revision 120, history hash feedfacecafe — the same history as the export.');
  });
});

describe('shortcuts', () => {
  it('binds stepping keys without clashing', () => {
    const t = buildShortcutTable();
    expect(t.get('.')?.id).toBe('stepTask');
    expect(t.get('ArrowRight')?.id).toBe('stepTask');
    expect(t.get('Shift+ArrowRight')?.id).toBe('stepToWrite');
    expect(t.get('u')?.id).toBe('stepUntilChanged');
    expect(t.get('Shift+End')?.id).toBe('runUntilIdle');
    expect(t.get('0')).toEqual({ id: 'setSpeed', input: { speed: 0.1 } });
  });
});
