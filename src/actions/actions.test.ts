import { describe, it, expect } from 'vitest';
import type { ApiRequest, ApiResponse } from '../../workers/api/request';
import type { ClockMode } from '../../workers/clock/driver';
import { createClusterStore } from '../cluster/store';
import { createUiStore } from '../app/uiStore';
import { runAction } from './registry';
import type { ActionContext } from './types';

function fakeContext(respond: (req: ApiRequest) => ApiResponse = () => ({ status: 200, body: {} })) {
  const requests: ApiRequest[] = [];
  const modes: ClockMode[] = [];
  let fits = 0;
  const ctx: ActionContext = {
    client: {
      async request(req) {
        requests.push(req);
        return respond(req);
      },
      async setMode(mode) {
        modes.push(mode);
      },
    },
    cluster: createClusterStore(),
    ui: createUiStore(),
    graph: { fit: () => fits++ },
  };
  return { ctx, requests, modes, fits: () => fits };
}

const pod = { kind: 'Pod', namespace: 'default', name: 'web-1', uid: 'u1' };

describe('clock actions', () => {
  it('setSpeed sets real time at that speed and remembers it for resume', async () => {
    const { ctx, modes } = fakeContext();
    expect(await runAction(ctx, 'setSpeed', { speed: 10 })).toEqual({ ok: true });
    expect(await runAction(ctx, 'pause')).toEqual({ ok: true });
    expect(ctx.ui.getState().clockMode).toEqual({ kind: 'paused' });
    await runAction(ctx, 'resume');
    expect(modes).toEqual([{ kind: 'realtime', speed: 10 }, { kind: 'paused' }, { kind: 'realtime', speed: 10 }]);
    expect(ctx.ui.getState().clockMode).toEqual({ kind: 'realtime', speed: 10 });
  });

  it('togglePause alternates', async () => {
    const { ctx, modes } = fakeContext();
    await runAction(ctx, 'togglePause');
    await runAction(ctx, 'togglePause');
    expect(modes.map((m) => m.kind)).toEqual(['paused', 'realtime']);
  });

  it('setSpeed refuses nonsense without touching the clock', async () => {
    const { ctx, modes } = fakeContext();
    for (const speed of [0, -1, Number.NaN, 5000]) {
      const r = await runAction(ctx, 'setSpeed', { speed });
      expect(r.ok).toBe(false);
    }
    expect((await runAction(ctx, 'setSpeed', undefined as unknown as { speed: number })).ok).toBe(false);
    expect(modes).toEqual([]);
    expect(ctx.ui.getState().lastSpeed).toBe(1);
  });

  it('a dead worker is a failed result, not a throw', async () => {
    const { ctx } = fakeContext();
    ctx.client.setMode = async () => {
      throw new Error('worker gone');
    };
    const r = await runAction(ctx, 'pause');
    expect(r).toEqual({ ok: false, message: 'pause: worker gone' });
    expect(ctx.ui.getState().clockMode.kind).toBe('realtime');
  });
});

describe('select', () => {
  it('selects and clears in the cluster store', async () => {
    const { ctx } = fakeContext();
    await runAction(ctx, 'select', pod);
    expect(ctx.cluster.getState().selected).toEqual(pod);
    await runAction(ctx, 'select', null);
    expect(ctx.cluster.getState().selected).toBeNull();
  });

  it('refuses a malformed selection', async () => {
    const { ctx } = fakeContext();
    const r = await runAction(ctx, 'select', { kind: 'Pod', name: 'x' } as unknown as typeof pod);
    expect(r.ok).toBe(false);
    expect(ctx.cluster.getState().selected).toBeNull();
  });
});

describe('deleteObject', () => {
  it('sends DELETE for the named object', async () => {
    const { ctx, requests } = fakeContext();
    expect(await runAction(ctx, 'deleteObject', { kind: 'Deployment', namespace: 'shop', name: 'web' })).toEqual({ ok: true });
    expect(requests).toEqual([{ verb: 'delete', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'shop', name: 'web' }]);
  });

  it('deletes the selection when given no object, and cluster-scoped objects without a namespace', async () => {
    const { ctx, requests } = fakeContext();
    ctx.cluster.getState().select(pod);
    await runAction(ctx, 'deleteObject');
    await runAction(ctx, 'deleteObject', { kind: 'Node', name: 'worker-1' });
    expect(requests[0]).toMatchObject({ verb: 'delete', resource: 'pods', namespace: 'default', name: 'web-1' });
    expect(requests[1]).toEqual({ verb: 'delete', group: '', version: 'v1', resource: 'nodes', name: 'worker-1' });
  });

  it('returns the API Status when the server refuses', async () => {
    const status = { kind: 'Status', status: 'Failure', reason: 'NotFound', code: 404, message: 'pods "ghost" not found' };
    const { ctx } = fakeContext(() => ({ status: 404, body: status }));
    expect(await runAction(ctx, 'deleteObject', { kind: 'Pod', namespace: 'default', name: 'ghost' })).toEqual({
      ok: false,
      message: 'pods "ghost" not found',
      status,
    });
  });

  it('refuses without a target, an unknown kind or a missing namespace, sending nothing', async () => {
    const { ctx, requests } = fakeContext();
    expect((await runAction(ctx, 'deleteObject')).ok).toBe(false);
    expect((await runAction(ctx, 'deleteObject', { kind: 'Widget', namespace: 'x', name: 'y' })).ok).toBe(false);
    expect((await runAction(ctx, 'deleteObject', { kind: 'Pod', name: 'y' })).ok).toBe(false);
    expect(requests).toEqual([]);
  });
});

describe('view actions', () => {
  it('toggleTheme and togglePresenter flip their flags', async () => {
    const { ctx, fits } = fakeContext();
    await runAction(ctx, 'toggleTheme');
    expect(ctx.ui.getState().theme).toBe('dark');
    await runAction(ctx, 'togglePresenter');
    expect(ctx.ui.getState().presenter).toBe(true);
    expect(ctx.ui.getState().panes.leftOpen).toBe(false);
    await runAction(ctx, 'togglePresenter');
    expect(ctx.ui.getState().panes.leftOpen).toBe(true);
    expect(fits()).toBe(2);
  });

  it('fitGraph fits and follows again; without a graph it says so', async () => {
    const { ctx, fits } = fakeContext();
    ctx.ui.setState({ followGraph: false });
    expect(await runAction(ctx, 'fitGraph')).toEqual({ ok: true });
    expect(fits()).toBe(1);
    expect(ctx.ui.getState().followGraph).toBe(true);
    ctx.graph.fit = null;
    expect((await runAction(ctx, 'fitGraph')).ok).toBe(false);
  });

  it('togglePanel flips one panel and refuses unknown ones', async () => {
    const { ctx } = fakeContext();
    await runAction(ctx, 'togglePanel', { panel: 'dock' });
    expect(ctx.ui.getState().panes.dockOpen).toBe(true);
    expect(ctx.ui.getState().panes.leftOpen).toBe(true);
    expect((await runAction(ctx, 'togglePanel', { panel: 'top' as 'left' })).ok).toBe(false);
  });

  it('toggleNamespace shows kube-system and hides default', async () => {
    const { ctx } = fakeContext();
    await runAction(ctx, 'toggleNamespace', { namespace: 'kube-system' });
    await runAction(ctx, 'toggleNamespace', { namespace: 'default' });
    expect([...ctx.ui.getState().hiddenNamespaces]).toEqual(['default']);
    expect((await runAction(ctx, 'toggleNamespace', { namespace: '' })).ok).toBe(false);
  });

  it('toggleLane opens a closed control-plane lane and closes a worker lane', async () => {
    const { ctx } = fakeContext();
    ctx.cluster.getState().applyChanges([
      {
        type: 'replace',
        kind: 'Node',
        objects: [
          { apiVersion: 'v1', kind: 'Node', metadata: { name: 'control-plane', uid: 'n0', labels: { 'node-role.kubernetes.io/control-plane': '' } } },
          { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1', uid: 'n1' } },
        ],
      },
    ]);
    await runAction(ctx, 'toggleLane', { lane: 'control-plane' });
    await runAction(ctx, 'toggleLane', { lane: 'worker-1' });
    expect(ctx.ui.getState().laneOverrides).toEqual({ 'control-plane': 'open', 'worker-1': 'closed' });
  });

  it('an unknown action id is a failed result', async () => {
    const { ctx } = fakeContext();
    expect(await runAction(ctx, 'explode' as 'pause')).toEqual({ ok: false, message: 'unknown action explode' });
  });
});
