/**
 * Chaos controls against the real cluster: stop a node's kubelet from the
 * inspector, watch the node go NotReady and its pods come back elsewhere (at
 * 100×); cordon and drain another node; add a node from the header. Every
 * action answers with a toast.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';
import { webDeployment } from './fixtures';

let h: Harness;

const DEPLOYMENT = webDeployment(3);

interface PodInfo {
  name: string;
  node: string;
  phase: string;
  deleting: boolean;
}

async function webPods(page: Page): Promise<PodInfo[]> {
  return page.evaluate(async () => {
    const r = await window.kubePlayground!.request({ verb: 'list', group: '', version: 'v1', resource: 'pods', namespace: 'default', query: { labelSelector: 'app=web' } });
    const items = (r.body as { items: { metadata: { name: string; deletionTimestamp?: string }; spec: { nodeName?: string }; status?: { phase?: string } }[] }).items;
    return items.map((p) => ({ name: p.metadata.name, node: p.spec.nodeName ?? '', phase: p.status?.phase ?? '', deleting: !!p.metadata.deletionTimestamp }));
  });
}

async function waitForWeb(page: Page, ok: (pods: PodInfo[]) => boolean, timeout = 60_000): Promise<PodInfo[]> {
  const start = Date.now();
  for (;;) {
    const pods = await webPods(page);
    if (ok(pods)) return pods;
    if (Date.now() - start > timeout) throw new Error(`web pods never settled: ${JSON.stringify(pods)}`);
    await page.waitForTimeout(250);
  }
}

const running = (pods: PodInfo[]) => pods.filter((p) => p.phase === 'Running' && !p.deleting);

async function selectNode(page: Page, node: string): Promise<void> {
  await page.locator(`[data-testid="node-row"][data-name="${node}"] button`).click();
  await page.locator('[data-testid="chaos-panel"][data-kind="Node"]').waitFor({ timeout: 10_000 });
}

/** Waits for a toast saying `text` (earlier toasts may still be on screen). */
async function expectToast(page: Page, text: string | RegExp): Promise<void> {
  await page.getByTestId('toast').filter({ hasText: text }).first().waitFor({ timeout: 10_000 });
}

const narrationSeq = (page: Page) => page.evaluate(() => Number(document.querySelector('[data-testid="timeline-narration"]')?.getAttribute('data-seq') ?? 0));

/** Runs one stepping action on a paused cluster and returns the sentence the timeline shows for it. */
async function stepAndRead(page: Page, action: 'stepUntilChanged' | 'stepToWrite', object?: string): Promise<string> {
  const before = await narrationSeq(page);
  const r = await page.evaluate(([a, o]) => window.kubePlayground!.actions.run(a as 'stepToWrite', (o ? { object: o } : undefined) as never), [action, object] as const);
  expect(r.ok, JSON.stringify(r)).toBe(true);
  await page.waitForFunction((seq) => Number(document.querySelector('[data-testid="timeline-narration"]')?.getAttribute('data-seq')) > seq, before, { timeout: 20_000 });
  return (await page.getByTestId('timeline-narration').locator('.tl-narration-text').textContent()) ?? '';
}

/** Steps until a sentence matches, giving up after `max` steps; returns every sentence seen. */
async function stepUntilSaid(page: Page, pattern: RegExp, max: number, action: 'stepUntilChanged' | 'stepToWrite', object?: string): Promise<string[]> {
  const said: string[] = [];
  while (said.length < max) {
    said.push(await stepAndRead(page, action, object));
    if (pattern.test(said.at(-1)!)) return said;
  }
  throw new Error(`no step said ${pattern} in ${max} steps:\n${said.join('\n')}`);
}

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

describe('chaos', () => {
  it('stopping a kubelet from the UI: the node goes NotReady and its pods are replaced elsewhere', async () => {
    const { page } = h;
    await page.goto(h.baseUrl);
    await page.getByTestId('node-row').first().waitFor({ timeout: 30_000 });
    const created = await page.evaluate((body) => window.kubePlayground!.request({ verb: 'create', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', body }), DEPLOYMENT);
    expect(created.status).toBe(201);
    await page.evaluate(() => window.kubePlayground!.actions.run('setSpeed', { speed: 10 }));
    const before = await waitForWeb(page, (p) => running(p).length === 3);
    const victim = before[0].node;
    const lost = before.filter((p) => p.node === victim).map((p) => p.name);

    await selectNode(page, victim);
    await h.screenshot('chaos-node-panel');
    await page.getByTestId('chaos-stop-kubelet').click();
    await expectToast(page, `Kubelet on ${victim} stopped`);

    await page.evaluate(() => window.kubePlayground!.actions.run('setSpeed', { speed: 100 }));
    await page.waitForFunction((n) => document.querySelector(`[data-testid="node-row"][data-name="${n}"]`)?.getAttribute('data-status') === 'NotReady', victim, { timeout: 30_000 });
    await h.screenshot('chaos-node-notready');

    // 300 s of default toleration later the pods are evicted, and the ReplicaSet makes new ones on the other nodes.
    const after = await waitForWeb(page, (p) => {
      const r = running(p);
      return r.length === 3 && r.every((x) => x.node !== victim);
    });
    expect(running(after).some((p) => lost.includes(p.name))).toBe(false);
    await page.evaluate(() => window.kubePlayground!.actions.run('setSpeed', { speed: 10 }));
    await h.screenshot('chaos-pods-replaced');

    await page.getByTestId('chaos-start-kubelet').click();
    await page.waitForFunction((n) => document.querySelector(`[data-testid="node-row"][data-name="${n}"]`)?.getAttribute('data-status') === 'Ready', victim, { timeout: 30_000 });
  });

  it('cordon, drain and uncordon a node, and add one from the header', async () => {
    const { page } = h;
    const pods = await waitForWeb(page, (p) => running(p).length === 3);
    const target = pods.find((p) => p.phase === 'Running')!.node;
    await selectNode(page, target);

    await page.getByTestId('chaos-cordon').click();
    await expectToast(page, `node/${target} cordoned`);
    await page.waitForFunction((n) => document.querySelector(`[data-testid="node-row"][data-name="${n}"]`)?.getAttribute('data-status') === 'Ready,SchedulingDisabled', target, { timeout: 10_000 });
    await page.getByTestId('chaos-uncordon').waitFor();

    await page.getByTestId('chaos-drain').click();
    await expectToast(page, `node/${target} drained`);
    const drained = await waitForWeb(page, (p) => {
      const r = running(p);
      return r.length === 3 && r.every((x) => x.node !== target);
    });
    expect(drained.every((p) => p.node !== target || p.deleting || p.phase !== 'Running')).toBe(true);
    await h.screenshot('chaos-drained');

    await page.getByTestId('chaos-uncordon').click();
    await page.waitForFunction((n) => document.querySelector(`[data-testid="node-row"][data-name="${n}"]`)?.getAttribute('data-status') === 'Ready', target, { timeout: 10_000 });

    const count = await page.getByTestId('node-row').count();
    await page.getByTestId('add-node').click();
    await expectToast(page, /Node worker-\d+ added/);
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="node-row"]').length === n + 1, count, { timeout: 20_000 });
    expect(h.consoleErrors).toEqual([]);
  });

  it('kill a node, then step through NotReady → taint → eviction → rescheduling, each step explained', async () => {
    const { page } = h;
    await page.goto(h.baseUrl);
    await page.getByTestId('node-row').first().waitFor({ timeout: 30_000 });
    const created = await page.evaluate((body) => window.kubePlayground!.request({ verb: 'create', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', body }), DEPLOYMENT);
    expect(created.status).toBe(201);
    await page.evaluate(() => window.kubePlayground!.actions.run('setSpeed', { speed: 10 }));
    const before = await waitForWeb(page, (p) => running(p).length === 3);
    await page.evaluate(() => window.kubePlayground!.actions.run('pause', undefined));
    await page.evaluate(() => window.kubePlayground!.actions.run('showDockTab', { tab: 'timeline' }));
    const victim = before[0].node;
    const lost = before.find((p) => p.node === victim)!.name;

    await selectNode(page, victim);
    await page.getByTestId('chaos-stop-kubelet').click();
    await expectToast(page, `Kubelet on ${victim} stopped`);
    const uidOf = (resource: string, name: string, namespace?: string) =>
      page.evaluate(async ([r, n, ns]) => {
        const res = await window.kubePlayground!.request({ verb: 'get', group: '', version: 'v1', resource: r, name: n, ...(ns ? { namespace: ns } : {}) });
        return (res.body as { metadata: { uid: string } }).metadata.uid;
      }, [resource, name, namespace] as const);

    // The node lifecycle controller notices the stale Lease, then taints the node.
    const nodeSteps = await stepUntilSaid(page, new RegExp(`^Node ${victim}: .*tainted .*node\\.kubernetes\\.io/unreachable:NoExecute`), 6, 'stepUntilChanged', await uidOf('nodes', victim));
    expect(nodeSteps.join('\n')).toMatch(new RegExp(`^Node ${victim}: lease not renewed for \\d+ s → NotReady`, 'm'));
    // 300 s later the default toleration runs out and the pod is evicted.
    const podSteps = await stepUntilSaid(page, /^Taint eviction: evicting Pod default\/web-/, 6, 'stepUntilChanged', await uidOf('pods', lost, 'default'));
    expect(podSteps.at(-1)).toContain(`from ${victim} (toleration expired after 300 s)`);
    // The ReplicaSet replaces it and the scheduler places the replacement on another node.
    const healing = await stepUntilSaid(page, /^Scheduler: Pod web-\S+ → worker-/, 60, 'stepToWrite');
    expect(healing.some((s) => /^ReplicaSet web-\S+: wants 3, has 2 → creating 1 Pod/.test(s))).toBe(true);
    expect(healing.at(-1)).not.toContain(`→ ${victim}`);
    await h.screenshot('chaos-stepped-rescheduling');
    expect(h.consoleErrors).toEqual([]);
  });
});
