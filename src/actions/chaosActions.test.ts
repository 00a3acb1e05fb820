import { describe, it, expect } from 'vitest';
import type { ApiRequest, ApiResponse } from '../../workers/api/request';
import type { ChaosAction } from '../../workers/chaos';
import { createClusterStore } from '../cluster/store';
import { createUiStore } from '../app/uiStore';
import { runAction } from './registry';
import type { ActionContext } from './types';

const ok = (message: string): ApiResponse => ({ status: 200, body: { kind: 'Status', status: 'Success', message } });

function fakeContext(opts: { respond?: (req: ApiRequest) => ApiResponse; chaos?: (a: ChaosAction) => ApiResponse | undefined; noChaos?: boolean } = {}) {
  const requests: ApiRequest[] = [];
  const chaos: ChaosAction[] = [];
  const ctx: ActionContext = {
    client: {
      async request(req) {
        requests.push(req);
        return opts.respond?.(req) ?? { status: 200, body: {} };
      },
      async setMode() {},
      ...(opts.noChaos
        ? {}
        : {
            async chaos(a: ChaosAction) {
              chaos.push(a);
              return opts.chaos?.(a) ?? ok(`did ${a.action}`);
            },
          }),
    },
    cluster: createClusterStore(),
    ui: createUiStore(),
    graph: { fit: null },
  };
  return { ctx, requests, chaos };
}

describe('node chaos actions', () => {
  it('send one chaos step each and toast the worker’s message with what happens next', async () => {
    const { ctx, chaos } = fakeContext({ chaos: (a) => ok(a.action === 'stopKubelet' ? 'kubelet on worker-1 stopped' : `did ${a.action}`) });
    for (const id of ['stopKubelet', 'startKubelet', 'partitionNode', 'healNode', 'exhaustMemory', 'releaseMemory', 'deleteNode'] as const) {
      expect(await runAction(ctx, id, { node: 'worker-1' })).toEqual({ ok: true });
    }
    expect(chaos.map((a) => a.action)).toEqual(['stopKubelet', 'startKubelet', 'partitionNode', 'healNode', 'exhaustMemory', 'releaseMemory', 'deleteNode']);
    expect(chaos.every((a) => 'node' in a && a.node === 'worker-1')).toBe(true);
    const toasts = ctx.ui.getState().toasts;
    expect(toasts.length).toBe(3);
    expect(toasts.every((t) => t.tone === 'ok')).toBe(true);
    expect(toasts.at(-1)?.title).toBe('Did deleteNode');
    const first = createUiStore();
    const { ctx: c2 } = fakeContext({ chaos: () => ok('kubelet on worker-1 stopped') });
    c2.ui = first;
    await runAction(c2, 'stopKubelet', { node: 'worker-1' });
    expect(first.getState().toasts[0]).toMatchObject({ tone: 'ok', title: 'Kubelet on worker-1 stopped', message: expect.stringContaining('NotReady') });
  });

  it('refuses without a node, sending nothing', async () => {
    const { ctx, chaos } = fakeContext();
    for (const input of [undefined, {}, { node: '' }, { node: 3 }]) {
      const r = await runAction(ctx, 'stopKubelet', input as unknown as { node: string });
      expect(r).toEqual({ ok: false, message: 'stopKubelet needs {node}' });
    }
    expect(chaos).toEqual([]);
  });

  it('turns a refusal into an error toast and a failed result with the Status', async () => {
    const status = { kind: 'Status', status: 'Failure', reason: 'NotFound', code: 404, message: 'nodes "ghost" not found' };
    const { ctx } = fakeContext({ chaos: () => ({ status: 404, body: status }) });
    expect(await runAction(ctx, 'partitionNode', { node: 'ghost' })).toEqual({ ok: false, message: 'nodes "ghost" not found', status });
    expect(ctx.ui.getState().toasts).toEqual([expect.objectContaining({ tone: 'error', title: 'Partition ghost failed', message: 'nodes "ghost" not found' })]);
  });

  it('says so when the build has no chaos, and refuses while the page shows the past', async () => {
    const { ctx } = fakeContext({ noChaos: true });
    expect((await runAction(ctx, 'addNode')).ok).toBe(false);
    const { ctx: past, chaos } = fakeContext();
    past.cluster.getState().travelTo({ type: 'scrub', revision: 5, time: 0, latest: 100 });
    const r = await runAction(past, 'stopKubelet', { node: 'worker-1' });
    expect(r.ok).toBe(false);
    expect(chaos).toEqual([]);
  });

  it('crashContainer names the pod and container; addNode takes nothing', async () => {
    const { ctx, chaos } = fakeContext();
    await runAction(ctx, 'crashContainer', { namespace: 'default', pod: 'web-1', container: 'nginx' });
    await runAction(ctx, 'crashContainer', { namespace: 'default', pod: 'web-1' });
    await runAction(ctx, 'addNode');
    expect(chaos).toEqual([{ action: 'crashContainer', namespace: 'default', pod: 'web-1', container: 'nginx' }, { action: 'crashContainer', namespace: 'default', pod: 'web-1' }, { action: 'addNode' }]);
    expect((await runAction(ctx, 'crashContainer', { namespace: '', pod: 'x' })).ok).toBe(false);
  });
});

describe('cordon, uncordon, drain', () => {
  const node = (unschedulable?: boolean) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-2' }, spec: unschedulable ? { unschedulable: true } : {} });

  it('cordon patches spec.unschedulable as kubectl does, and only when needed', async () => {
    let current = node(false);
    const { ctx, requests } = fakeContext({
      respond: (req) => {
        if (req.verb === 'patch') current = node(true);
        return { status: 200, body: current };
      },
    });
    expect(await runAction(ctx, 'cordonNode', { node: 'worker-2' })).toEqual({ ok: true });
    expect(requests[1]).toEqual({ verb: 'patch', group: '', version: 'v1', resource: 'nodes', name: 'worker-2', contentType: 'application/strategic-merge-patch+json', body: { spec: { unschedulable: true } } });
    await runAction(ctx, 'cordonNode', { node: 'worker-2' });
    expect(requests.filter((r) => r.verb === 'patch')).toHaveLength(1);
    expect(ctx.ui.getState().toasts.map((t) => t.title)).toEqual(['node/worker-2 cordoned', 'node/worker-2 already cordoned']);
    await runAction(ctx, 'uncordonNode', { node: 'worker-2' });
    expect(requests.at(-1)?.body).toEqual({ spec: { unschedulable: null } });
  });

  it('drain cordons, evicts what kubectl drain evicts, and reports pods a budget protects', async () => {
    const pod = (name: string, extra: Record<string, unknown> = {}) => ({ metadata: { name, namespace: 'default', ownerReferences: [{ kind: 'ReplicaSet', name: 'web-1', controller: true }] }, spec: {}, status: { phase: 'Running' }, ...extra });
    const items = [
      pod('web-a'),
      pod('web-b'),
      { metadata: { name: 'kube-proxy-x', namespace: 'kube-system', ownerReferences: [{ kind: 'DaemonSet', name: 'kube-proxy', controller: true }] }, status: { phase: 'Running' } },
      { metadata: { name: 'etcd-cp', namespace: 'kube-system', annotations: { 'kubernetes.io/config.mirror': 'h' } }, status: { phase: 'Running' } },
    ];
    const { ctx, requests } = fakeContext({
      respond: (req) => {
        if (req.resource === 'nodes') return { status: 200, body: node(false) };
        if (req.verb === 'list') return { status: 200, body: { items } };
        if (req.subresource === 'eviction' && req.name === 'web-b') return { status: 429, body: { kind: 'Status', code: 429, reason: 'TooManyRequests', message: "Cannot evict pod as it would violate the pod's disruption budget." } };
        return { status: 201, body: {} };
      },
    });
    const r = await runAction(ctx, 'drainNode', { node: 'worker-2' });
    expect(r.ok).toBe(false);
    expect(requests.find((q) => q.verb === 'list')?.query).toEqual({ fieldSelector: 'spec.nodeName=worker-2' });
    const evictions = requests.filter((q) => q.subresource === 'eviction');
    expect(evictions.map((q) => q.name)).toEqual(['web-a', 'web-b']);
    expect(evictions[0]).toMatchObject({ verb: 'create', resource: 'pods', namespace: 'default', body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'web-a', namespace: 'default' } } });
    const toast = ctx.ui.getState().toasts.at(-1)!;
    expect(toast.tone).toBe('error');
    expect(toast.message).toContain('Warning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-x');
    expect(toast.message).toContain('evicted pod/web-a');
    expect(toast.message).toContain("default/web-b: Cannot evict pod as it would violate the pod's disruption budget.");
  });

  it('drain refuses pods no controller owns unless forced', async () => {
    const bare = { metadata: { name: 'lonely', namespace: 'default' }, status: { phase: 'Running' } };
    const respond = (req: ApiRequest): ApiResponse => (req.resource === 'nodes' ? { status: 200, body: node(false) } : req.verb === 'list' ? { status: 200, body: { items: [bare] } } : { status: 201, body: {} });
    const { ctx, requests } = fakeContext({ respond });
    const r = await runAction(ctx, 'drainNode', { node: 'worker-2' });
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('cannot delete Pods that declare no controller (use --force to override): default/lonely') });
    expect(requests.some((q) => q.subresource === 'eviction')).toBe(false);
    expect(await runAction(ctx, 'drainNode', { node: 'worker-2', force: true })).toEqual({ ok: true });
    expect(ctx.ui.getState().toasts.at(-1)).toMatchObject({ title: 'node/worker-2 drained', message: expect.stringContaining('Warning: deleting Pods that declare no controller: default/lonely') });
  });
});

describe('dock tabs and toasts', () => {
  it('showDockTab opens a tab, switches tabs, and hides the dock on the tab shown', async () => {
    const { ctx } = fakeContext();
    await runAction(ctx, 'showDockTab', { tab: 'terminal' });
    expect(ctx.ui.getState()).toMatchObject({ dockTab: 'terminal', panes: { dockOpen: true } });
    await runAction(ctx, 'showDockTab', { tab: 'timeline' });
    expect(ctx.ui.getState()).toMatchObject({ dockTab: 'timeline', panes: { dockOpen: true } });
    await runAction(ctx, 'showDockTab', { tab: 'timeline' });
    expect(ctx.ui.getState().panes.dockOpen).toBe(false);
    expect((await runAction(ctx, 'showDockTab', { tab: 'logs' as 'yaml' })).ok).toBe(false);
  });

  it('the YAML toggle switches the dock to the editor before it closes it', async () => {
    const { ctx } = fakeContext();
    await runAction(ctx, 'showDockTab', { tab: 'terminal' });
    await runAction(ctx, 'togglePanel', { panel: 'dock' });
    expect(ctx.ui.getState()).toMatchObject({ dockTab: 'yaml', panes: { dockOpen: true } });
    await runAction(ctx, 'togglePanel', { panel: 'dock' });
    expect(ctx.ui.getState().panes.dockOpen).toBe(false);
  });

  it('keeps at most three toasts and dismisses by id', async () => {
    const { ctx } = fakeContext();
    for (let i = 0; i < 6; i++) await runAction(ctx, 'addNode');
    const toasts = ctx.ui.getState().toasts;
    expect(toasts).toHaveLength(3);
    expect(await runAction(ctx, 'dismissToast', { id: toasts[0].id })).toEqual({ ok: true });
    expect(ctx.ui.getState().toasts).toHaveLength(2);
    expect((await runAction(ctx, 'dismissToast', { id: toasts[0].id })).ok).toBe(false);
  });
});
