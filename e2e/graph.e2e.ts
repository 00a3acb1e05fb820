/**
 * The live graph in real Chromium: a Deployment applied through the API shows
 * up as Deployment → ReplicaSet → Pods, pods reach Running, a click selects,
 * the delete action brings a replacement; then a 1,000-pod rolling update
 * measures frame times. Prints budget figures as JSON lines.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, VIEWPORT, type Harness } from './harness';
import { report } from './fixtures';

const NODES_DRAWN_MARK = 'kube-playground:nodes-drawn';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

function deployment(name: string, replicas: number, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }], ...extra }] },
      },
    },
  };
}

async function create(page: Page, resource: string, group: string, body: unknown): Promise<number> {
  return page.evaluate(
    async ({ resource, group, body }) =>
      (await window.kubePlayground!.request({ verb: 'create', group, version: 'v1', resource, namespace: 'default', body })).status,
    { resource, group, body },
  );
}

/** Names of pods in the graph whose accessible label starts with `Pod <prefix>` and ends with ` <status>`. */
async function podsShown(page: Page, prefix: string, status: string): Promise<string[]> {
  return page.evaluate(
    ({ prefix, status }) =>
      [...document.querySelectorAll('[data-kind="Pod"][aria-label]')]
        .map((e) => e.getAttribute('aria-label') ?? '')
        .filter((l) => l.startsWith(`Pod ${prefix}`) && l.endsWith(` ${status}`))
        .map((l) => l.split(' ')[1]),
    { prefix, status },
  );
}

describe('graph', () => {
  it('draws a Deployment, its ReplicaSet and pods live; selects and deletes a pod', async () => {
    const { page } = h;
    await page.goto(h.baseUrl);
    await page.getByRole('group', { name: /^Node worker-1 Ready/ }).waitFor({ timeout: 30_000 });
    // The mark is set on the animation frame after the lanes render, which can come just after the group appears.
    const readyMs = await page
      .waitForFunction((mark) => performance.getEntriesByName(mark)[0]?.startTime, NODES_DRAWN_MARK, { timeout: 5_000 })
      .then((h) => h.jsonValue() as Promise<number>);
    expect(readyMs).toBeGreaterThan(0);
    report('page_ready_ms', readyMs, 'ms', 1500);

    // The control-plane lane starts closed, kube-system is filtered out.
    await expect(page.getByRole('button', { name: 'Expand node control-plane' }).count()).resolves.toBe(1);
    await expect(page.locator('[data-kind="Pod"][aria-label^="Pod coredns-"]').count()).resolves.toBe(0);

    expect(await create(page, 'deployments', 'apps', deployment('nginx', 3))).toBe(201);
    await page.getByRole('group', { name: /^Deployment nginx, / }).waitFor({ timeout: 10_000 });
    await page.getByRole('group', { name: /^ReplicaSet nginx-[a-z0-9]+, / }).waitFor({ timeout: 10_000 });
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-kind="Pod"][aria-label^="Pod nginx-"]')].filter((e) => e.getAttribute('aria-label')?.endsWith(' Running')).length === 3,
      undefined,
      { timeout: 30_000 },
    );
    await page.getByRole('group', { name: 'Deployment nginx, 3/3 ready' }).waitFor({ timeout: 10_000 });
    // Owner edges Deployment → ReplicaSet → each pod.
    // Edges follow the paced graph rebuild (at most every 150 ms under churn): wait for them.
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__edge.kp-edge-owner').length === 4, undefined, { timeout: 10_000 }).catch(() => {});
    const ownerEdges = await page.locator('.react-flow__edge.kp-edge-owner').count();
    expect(ownerEdges).toBe(4);

    await h.screenshot('graph-1280x720');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForTimeout(400);
    await h.screenshot('graph-1920x1080');
    await page.evaluate(() => window.kubePlayground!.actions.run('toggleTheme'));
    await page.waitForTimeout(300);
    await h.screenshot('graph-1920x1080-dark');
    await page.evaluate(() => window.kubePlayground!.actions.run('toggleTheme'));
    await page.setViewportSize(VIEWPORT);
    await page.waitForTimeout(400);

    // Pods are painted on a canvas; each has a focusable proxy that keys reach: Enter selects it.
    const [victim, other] = await podsShown(page, 'nginx-', 'Running');
    await page.getByRole('button', { name: `Pod ${other} Running` }).focus();
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => window.kubePlayground!.selection())).resolves.toMatchObject({ kind: 'Pod', name: other });
    await expect(page.getByRole('button', { name: `Pod ${other} Running` }).getAttribute('aria-pressed')).resolves.toBe('true');

    // Click a pod: it is the selection, in the store and on screen.
    await page.getByRole('button', { name: `Pod ${victim} Running` }).click();
    await expect(page.evaluate(() => window.kubePlayground!.selection())).resolves.toMatchObject({ kind: 'Pod', namespace: 'default', name: victim });
    await page.getByTestId('inspector-panel').waitFor();
    await h.screenshot('graph-selected');

    // Delete it with the action: the ReplicaSet replaces it.
    const result = await page.evaluate((name) => window.kubePlayground!.actions.run('deleteObject', { kind: 'Pod', namespace: 'default', name }), victim);
    expect(result).toEqual({ ok: true });
    await page.waitForFunction(
      (gone) => {
        const labels = [...document.querySelectorAll('[data-kind="Pod"][aria-label^="Pod nginx-"]')].map((e) => e.getAttribute('aria-label') ?? '');
        const running = labels.filter((l) => l.endsWith(' Running'));
        return running.length === 3 && !labels.some((l) => l.startsWith(`Pod ${gone} `));
      },
      victim,
      { timeout: 30_000 },
    );
    const after = await podsShown(page, 'nginx-', 'Running');
    expect(after).not.toContain(victim);
    await h.screenshot('graph-replaced');

    // Deleting something that is not there is a value, not a crash.
    const missing = await page.evaluate(() => window.kubePlayground!.actions.run('deleteObject', { kind: 'Pod', namespace: 'default', name: 'no-such-pod' }));
    expect(missing).toMatchObject({ ok: false, message: 'pods "no-such-pod" not found' });
    expect(h.consoleErrors).toEqual([]);
  });

  it('clock controls, theme and presenter mode work from buttons and keys', async () => {
    const { page } = h;
    await page.getByTestId('clock-pause').click();
    await expect(page.evaluate(async () => (await window.kubePlayground!.clock()).mode)).resolves.toEqual({ kind: 'paused' });
    await page.locator('body').press('Space');
    await expect(page.evaluate(async () => (await window.kubePlayground!.clock()).mode)).resolves.toEqual({ kind: 'realtime', speed: 1 });
    await page.getByTestId('speed-10').click();
    await expect(page.evaluate(async () => (await window.kubePlayground!.clock()).mode)).resolves.toEqual({ kind: 'realtime', speed: 10 });
    await page.getByTestId('speed-1').click();

    await page.locator('body').press('Shift+P');
    await expect(page.evaluate(() => document.documentElement.dataset.presenter)).resolves.toBe('true');
    await page.waitForTimeout(400);
    await h.screenshot('graph-presenter');
    await page.locator('body').press('Shift+P');
    await expect(page.evaluate(() => document.documentElement.dataset.presenter)).resolves.toBe('false');
    expect(h.consoleErrors).toEqual([]);
  });

  it('keeps 1,000 pods smooth through a rolling update', async () => {
    const { page } = h;
    // 1,000 pods need more than the default 3 workers (110 pods each, as the kubelet's default maxPods).
    await page.goto(new URL('/?nodes=12', h.baseUrl).href);
    await page.getByRole('group', { name: /^Node worker-12 Ready/ }).waitFor({ timeout: 30_000 });
    await page.evaluate(() => window.kubePlayground!.actions.run('setSpeed', { speed: 100 }));
    expect(await create(page, 'deployments', 'apps', deployment('load', 1000))).toBe(201);

    const rolledOut = async (generation: number, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const s = await page.evaluate(async () => {
          const res = await window.kubePlayground!.request({ verb: 'get', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', name: 'load' });
          const d = res.body as { metadata: { generation: number }; status?: Record<string, number> };
          return { ...(d.status ?? {}), generation: d.metadata.generation } as Record<string, number>;
        });
        if (s.generation >= generation && s.observedGeneration >= generation && s.updatedReplicas === 1000 && s.availableReplicas === 1000 && s.replicas === 1000) return;
        if (Date.now() > deadline) throw new Error(`rollout ${generation} not done: ${JSON.stringify(s)}`);
        await page.waitForTimeout(250);
      }
    };
    await rolledOut(1, 90_000);
    await page.waitForFunction(() => Number(document.querySelector('[data-state="running"] .legend-count')?.textContent) === 1000, undefined, { timeout: 30_000 });
    // Every pod keeps an accessible name, however it is drawn.
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-kind="Pod"][aria-label^="Pod load-"]')].filter((e) => e.getAttribute('aria-label')?.endsWith(' Running')).length === 1000,
      undefined,
      { timeout: 10_000 },
    );
    await h.screenshot('graph-1000-pods');

    /** Restarts the Deployment and records every frame's duration while it rolls all 1,000 pods. */
    const rollAndMeasure = async (generation: number, restartedAt: string, shot?: string) => {
      await page.evaluate(() => {
        const w = window as unknown as { __frames: number[]; __recording: boolean };
        w.__frames = [];
        w.__recording = true;
        let last = 0;
        const tick = (t: number) => {
          if (last > 0) w.__frames.push(t - last);
          last = t;
          if (w.__recording) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      const patched = await page.evaluate(
        (restartedAt) =>
          window.kubePlayground!.request({
            verb: 'patch',
            group: 'apps',
            version: 'v1',
            resource: 'deployments',
            namespace: 'default',
            name: 'load',
            contentType: 'application/strategic-merge-patch+json',
            body: { spec: { template: { metadata: { annotations: { 'kube-playground/restartedAt': restartedAt } } } } },
          }),
        restartedAt,
      );
      expect(patched.status).toBe(200);
      const rollStart = Date.now();
      if (shot) {
        await page.waitForTimeout(1500);
        await h.screenshot(shot);
      }
      await rolledOut(generation, 90_000);
      // Record at least five seconds, so the frame count says whether the page kept drawing at all.
      await page.waitForTimeout(Math.max(0, 5000 - (Date.now() - rollStart)));
      const frames = await page.evaluate(() => {
        const w = window as unknown as { __frames: number[]; __recording: boolean };
        w.__recording = false;
        return w.__frames;
      });
      expect(frames.length).toBeGreaterThan(30);
      const sorted = [...frames].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
      return { count: frames.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
    };

    const page1 = await rollAndMeasure(2, '2025-01-01T00:10:00Z', 'graph-1000-pods-rolling');
    console.log(
      `rolling update of 1,000 pods: ${page1.count} frames, median ${page1.p50.toFixed(1)} ms, p95 ${page1.p95.toFixed(1)} ms, max ${page1.max.toFixed(1)} ms`,
    );
    report('frame_p95_ms_1000_pods', page1.p95, 'ms', 20);

    // Again with the sidebar closed: the graph's own share (the sidebar's resource table and node usage re-render too).
    await page.locator('body').press('b');
    await page.waitForTimeout(600);
    const graphOnly = await rollAndMeasure(3, '2025-01-01T00:20:00Z');
    console.log(
      `rolling update of 1,000 pods, sidebar closed: ${graphOnly.count} frames, median ${graphOnly.p50.toFixed(1)} ms, p95 ${graphOnly.p95.toFixed(1)} ms, max ${graphOnly.max.toFixed(1)} ms`,
    );
    report('frame_p95_ms_1000_pods_graph_only', graphOnly.p95, 'ms', 20);
    await page.locator('body').press('b');
    await page.waitForTimeout(600);
    await h.screenshot('graph-1000-pods-after');

    // How 1,000 pods look on a projector and a laptop, light and dark, and up close.
    await page.evaluate(() => window.kubePlayground!.actions.run('toggleTheme'));
    await page.waitForTimeout(400);
    await h.screenshot('graph-1000-pods-1280x720-dark');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForTimeout(600);
    await h.screenshot('graph-1000-pods-1920x1080-dark');
    await page.evaluate(() => window.kubePlayground!.actions.run('toggleTheme'));
    await page.waitForTimeout(400);
    await h.screenshot('graph-1000-pods-1920x1080');
    for (let i = 0; i < 8; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
    await page.waitForTimeout(600);
    await h.screenshot('graph-1000-pods-zoomed');
    await page.setViewportSize(VIEWPORT);
    expect(h.consoleErrors).toEqual([]);
  }, 240_000);
});
