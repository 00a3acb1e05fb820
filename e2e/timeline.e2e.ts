/**
 * The timeline in real Chromium: pause, create a 3-replica Deployment, step
 * the cluster one task at a time and read each step's sentence; the
 * scheduler's per-node table; scrub back before the Deployment (the graph has
 * no pods) and forward again; a diff of the Deployment between two revisions;
 * export the session and open it again (same history hash). Screenshots
 * `test-results/timeline-*.png` at 1280×720 and 1920×1080, light and dark.
 */
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';
import { webDeployment } from './fixtures';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

const DEPLOYMENT = webDeployment(3);

/** Pods of the `web` Deployment drawn in the graph. */
const webPods = (page: Page) => page.evaluate(() => document.querySelectorAll('[data-kind="Pod"][aria-label^="Pod web-"]').length);

/** Of those, the ones drawn on a worker node's lane (scheduled). */
const webPodsOnNodes = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('[data-kind="Pod"][aria-label^="Pod web-"]')].filter((p) => /^Pods on worker-/.test(p.closest('[aria-label^="Pods on "]')?.getAttribute('aria-label') ?? '')).length);

const narrationSeq = (page: Page) => page.getByTestId('timeline-narration').evaluate((e) => Number(e.getAttribute('data-seq')));

/** Presses a step button (or `.`) and waits for the step's sentence; returns it. */
async function step(page: Page, how: 'button' | 'key' | 'write' = 'button'): Promise<string> {
  const before = await narrationSeq(page);
  if (how === 'button') await page.getByTestId('step-task').click();
  else if (how === 'write') await page.getByTestId('step-write').click();
  else {
    await page.locator('body').focus();
    await page.keyboard.press('.');
  }
  await page.waitForFunction((seq) => Number(document.querySelector('[data-testid="timeline-narration"]')?.getAttribute('data-seq')) > seq, before, { timeout: 10_000 });
  // Watch events reach the graph within a frame or two.
  await page.waitForTimeout(120);
  return (await page.getByTestId('timeline-narration').locator('.tl-narration-text').textContent()) ?? '';
}

/** Sets the scrubber as a drag would. */
async function scrubTo(page: Page, revision: number): Promise<void> {
  await page.getByTestId('timeline-range').evaluate((el, value) => {
    const input = el as HTMLInputElement;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, String(value));
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, revision);
}

/** The component filter set to the scheduler (its component name as the worker labels it). */
async function selectSchedulerComponent(page: Page): Promise<void> {
  const select = page.getByTestId('timeline-component-filter');
  const values = await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const scheduler = values.find((v) => /^(kube-|default-)?scheduler$/.test(v));
  expect(scheduler, `component options: ${values.join(', ')}`).toBeDefined();
  await select.selectOption(scheduler!);
}

const latestRevision = (page: Page) => page.getByTestId('timeline-scrubber').evaluate((e) => Number(e.getAttribute('data-latest')));

describe('timeline', () => {
  let beforeApply = 0;
  const sentences: string[] = [];

  it('steps a paused cluster through a Deployment rollout, one narrated task at a time', async () => {
    const { page } = h;
    await page.goto(h.baseUrl);
    await page.getByRole('group', { name: /^Node worker-1 Ready/ }).waitFor({ timeout: 30_000 });
    await page.getByTestId('clock-pause').click();
    await page.getByTestId('clock-controls').and(page.locator('[data-mode="Paused"]')).waitFor();
    await page.evaluate(() => window.kubePlayground!.actions.run('showDockTab', { tab: 'timeline' }));
    await page.getByTestId('timeline-panel').waitFor({ timeout: 15_000 });
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="timeline-scrubber"]')?.getAttribute('data-latest')) > 1, undefined, { timeout: 10_000 });
    // Let the booting cluster settle, so the next task is about what we create.
    await page.getByTestId('step-idle').click();
    await page.waitForFunction(() => /until idle/.test(document.querySelector('[data-testid="timeline-narration"]')?.textContent ?? ''), undefined, { timeout: 30_000 });
    await page.waitForTimeout(400);
    beforeApply = await latestRevision(page);

    const created = await page.evaluate(
      async (body) => (await window.kubePlayground!.request({ verb: 'create', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', body })).status,
      DEPLOYMENT,
    );
    expect(created).toBe(201);
    // Paused: nothing reconciles until we step.
    await page.waitForTimeout(300);
    expect(await webPods(page)).toBe(0);

    const counts: number[] = [];
    const placed: number[] = [];
    for (let i = 0; i < 60 && placed.at(-1) !== 3; i++) {
      // Probes and leases tick on their own; the first step skips to the first write, which is the Deployment's.
      const s = await step(page, i === 0 ? 'write' : i % 2 === 0 ? 'button' : 'key');
      expect(s.length).toBeGreaterThan(10);
      sentences.push(s);
      counts.push(await webPods(page));
      placed.push(await webPodsOnNodes(page));
    }
    console.log(sentences.map((s, i) => `${i + 1}. [${counts[i]} pods, ${placed[i]} placed] ${s}`).join('\n'));
    expect(sentences[0]).toMatch(/Deployment/);
    expect(sentences[0]).toMatch(/web/);
    expect(sentences.slice(1).some((s) => /ReplicaSet/.test(s))).toBe(true);
    expect(sentences.some((s) => /^Scheduler: Pod web-/.test(s))).toBe(true);
    // Nothing before the ReplicaSet's step; then the pods, placed on nodes one scheduling step at a time.
    expect(counts[0]).toBe(0);
    expect(counts.at(-1)).toBe(3);
    expect(placed.at(-1)).toBe(3);
    for (let i = 1; i < placed.length; i++) {
      expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1]);
      expect(placed[i] - placed[i - 1]).toBeGreaterThanOrEqual(0);
      expect(placed[i] - placed[i - 1]).toBeLessThanOrEqual(1);
    }
    expect(new Set(placed)).toEqual(new Set([0, 1, 2, 3]));
    // Every step's sentence is also in the list, and over the graph.
    await expect(page.getByTestId('narration-toast').textContent()).resolves.toContain(sentences.at(-1)!.slice(0, 30));
    expect(h.consoleErrors).toEqual([]);
  });

  it('shows the scheduler’s per-node table for a scheduling step', async () => {
    const { page } = h;
    await selectSchedulerComponent(page);
    const row = page.getByTestId('timeline-entry').filter({ hasText: /Scheduler: Pod web-/ }).last();
    await row.click();
    const table = page.getByTestId('scheduler-table');
    await table.waitFor({ timeout: 10_000 });
    const rows = await page.getByTestId('scheduler-row').evaluateAll((rs) => rs.map((r) => [r.getAttribute('data-node'), r.getAttribute('data-chosen')]));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.filter(([, chosen]) => chosen === 'true')).toHaveLength(1);
    // The pod it scheduled is selected (the inspector shows it).
    await page.waitForFunction(() => window.kubePlayground!.selection()?.kind === 'Pod', undefined, { timeout: 5_000 });
    await expect(page.getByTestId('timeline-detail-narration').textContent()).resolves.toMatch(/^Scheduler: Pod web-/);
    await h.screenshot('timeline-scheduler');
    await page.getByTestId('timeline-component-filter').selectOption('');
    expect(h.consoleErrors).toEqual([]);
  });

  it('scrubs back before the apply (no pods) and forward again (pods return)', async () => {
    const { page } = h;
    await scrubTo(page, beforeApply);
    const banner = page.getByTestId('time-travel-banner');
    await banner.waitFor({ timeout: 5_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="time-travel-banner"]')?.getAttribute('data-phase') === 'ready', undefined, { timeout: 10_000 });
    await expect(banner.textContent()).resolves.toMatch(new RegExp(`Viewing \\d\\d:\\d\\d:\\d\\d · revision ${beforeApply}`));
    await page.waitForFunction(() => document.querySelectorAll('[data-kind="Pod"][aria-label^="Pod web-"]').length === 0, undefined, { timeout: 10_000 });
    expect(await page.locator('[data-kind="Deployment"][aria-label*="web"]').count()).toBe(0);
    await h.screenshot('timeline-past');

    await page.getByTestId('back-to-live').click();
    await banner.waitFor({ state: 'detached', timeout: 5_000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-kind="Pod"][aria-label^="Pod web-"]').length === 3, undefined, { timeout: 10_000 });
    expect(h.consoleErrors).toEqual([]);
  });

  it('diffs the Deployment between two revisions and shows its status changes', async () => {
    const { page } = h;
    const uid = await page.evaluate(async () => {
      const r = await window.kubePlayground!.request({ verb: 'get', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', name: 'web' });
      return (r.body as { metadata: { uid: string } }).metadata.uid;
    });
    await page.evaluate((id) => window.kubePlayground!.actions.run('select', { kind: 'Deployment', namespace: 'default', name: 'web', uid: id }), uid);
    await page.getByTestId('timeline-object-filter').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="timeline-entry"]').length >= 2, undefined, { timeout: 10_000 });
    const revs = await page.getByTestId('timeline-entry').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-revs') ?? ''));
    const created = Number(revs[0].split(' ')[0]);
    expect(created).toBeGreaterThan(beforeApply);

    await page.getByTestId('diff-selected').click();
    const pane = page.getByTestId('timeline-diff');
    await pane.waitFor();
    await pane.getByLabel('Older revision').fill(String(created));
    await pane.getByLabel('Newer revision').fill(String(await latestRevision(page)));
    await pane.getByRole('button', { name: 'Diff', exact: true }).click();
    const summary = page.getByTestId('diff-summary');
    await summary.waitFor({ timeout: 10_000 });
    await expect(summary.getAttribute('data-fields')).resolves.toMatch(/status/);
    await page.locator('.tl-diff-host .monaco-diff-editor').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(400);
    await h.screenshot('timeline-diff');
    await page.getByTestId('timeline-object-filter').click();
    expect(h.consoleErrors).toEqual([]);
  });

  it('exports the session and opens it again with the same history hash', async () => {
    const { page } = h;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('session-export').click()]);
    const file = join(tmpdir(), `kp-session-${Date.now()}.json`);
    await download.saveAs(file);
    const doc = JSON.parse(await readFile(file, 'utf8')) as { format: string; historyHash: string };
    expect(doc.format).toBe('kube-playground-session/v1');
    const status = page.getByTestId('session-status');
    await expect(status.getAttribute('data-hash')).resolves.toBe(doc.historyHash);

    await page.getByTestId('session-file').setInputFiles(file);
    await page.waitForFunction(() => document.querySelector('[data-testid="session-status"]')?.hasAttribute('data-matches') || document.querySelector('[data-testid="session-status"][role="alert"]'), undefined, { timeout: 60_000 });
    console.log(`session: ${await status.textContent()}`);
    await expect(status.getAttribute('data-matches')).resolves.toBe('true');
    await expect(status.getAttribute('data-hash')).resolves.toBe(doc.historyHash);
    // The replayed cluster is live in the page: the same three pods.
    await page.waitForFunction(() => document.querySelectorAll('[data-kind="Pod"][aria-label^="Pod web-"]').length === 3, undefined, { timeout: 15_000 });
    await h.screenshot('timeline-session');
    expect(h.consoleErrors).toEqual([]);
  });

  it('looks right at 1920×1080 in light and dark, and in the past at 1280×720 dark', async () => {
    const { page } = h;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.evaluate(() => window.kubePlayground!.actions.run('select', null));
    await page.waitForTimeout(300);
    await h.screenshot('timeline-1920x1080');
    await page.getByTestId('toggle-theme').click();
    await selectSchedulerComponent(page);
    await page.getByTestId('timeline-entry').filter({ hasText: /Scheduler: Pod web-/ }).last().click();
    await page.getByTestId('scheduler-table').waitFor();
    await page.getByTestId('timeline-component-filter').selectOption('');
    await h.screenshot('timeline-1920x1080-dark');
    await page.setViewportSize({ width: 1280, height: 720 });
    await scrubTo(page, beforeApply + 3);
    await page.waitForFunction(() => document.querySelector('[data-testid="time-travel-banner"]')?.getAttribute('data-phase') === 'ready', undefined, { timeout: 10_000 });
    await page.getByTestId('timeline-resume').click();
    await page.getByTestId('fork-dialog').waitFor();
    await h.screenshot('timeline-fork-dialog-dark');
    const forkStarted = Date.now();
    await page.getByTestId('fork-confirm').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="time-travel-banner"]') || document.querySelector('[data-testid="fork-dialog"] [role="alert"]'), undefined, { timeout: 30_000, polling: 100 });
    const forkError = await page.locator('[data-testid="fork-dialog"] [role="alert"]').textContent().catch(() => null);
    expect(forkError).toBeNull();
    console.log(`fork: ${Date.now() - forkStarted} ms`);
    await page.waitForFunction(() => /Resumed from revision/.test(document.querySelector('[data-testid="timeline-narration"]')?.textContent ?? ''), undefined, { timeout: 10_000 });
    await h.screenshot('timeline-forked-dark');
    await page.getByTestId('toggle-theme').click();
    expect(h.consoleErrors).toEqual([]);
  });
});
