/**
 * The resource browser and the inspector against the real cluster: apply a
 * Deployment through the API, find its pods in the browser's Pods table (the
 * server's `kubectl get` columns), select one, and read its YAML, conditions,
 * events, relations, containers and logs in the inspector.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';
import { webDeployment } from './fixtures';

let h: Harness;

const DEPLOYMENT = webDeployment(2);

const rows = '[data-testid="resource-browser"] [data-testid="browser-row"]';

async function headers(page: Page): Promise<string[]> {
  return page.locator('[data-testid="browser-table"] thead th').evaluateAll((ths) => ths.map((th) => (th.textContent ?? '').replace(/[▲▼]/g, '').trim()));
}

async function rowCells(page: Page, name: string): Promise<string[]> {
  return page.locator(`${rows}[data-name="${name}"] td`).evaluateAll((tds) => tds.map((td) => td.textContent ?? ''));
}

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

describe('resource browser and inspector', () => {
  it('lists the pods of a new Deployment with kubectl get columns, live', async () => {
    const { page } = h;
    await page.goto(h.baseUrl);
    await page.getByTestId('resource-browser').waitFor({ timeout: 30_000 });
    await page.getByTestId('node-row').first().waitFor({ timeout: 30_000 }).catch(() => {});

    const created = await page.evaluate(async (body) => {
      return window.kubePlayground!.request({ verb: 'create', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', body });
    }, DEPLOYMENT);
    expect(created.status).toBe(201);

    await page.locator('[data-testid="browser-kind"][data-kind="Pod"]').click();
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 2, rows, { timeout: 30_000 });
    expect(await headers(page)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);

    // Kept live: the rows turn Running as the kubelets start the containers.
    await page.waitForFunction(
      (sel) => [...document.querySelectorAll(sel)].every((r) => r.querySelectorAll('td')[2]?.textContent === 'Running'),
      rows,
      { timeout: 30_000 },
    );
    const names = await page.locator(rows).evaluateAll((rs) => rs.map((r) => r.getAttribute('data-name') ?? ''));
    expect(names.every((n) => /^web-[a-z0-9]+-[a-z0-9]{5}$/.test(n))).toBe(true);
    expect([...names].sort()).toEqual(names);
    expect(await rowCells(page, names[0])).toEqual([names[0], '1/1', 'Running', '0', expect.stringMatching(/^\d+s$/)]);

    // The chip counts what the namespace holds.
    await expect(page.locator('[data-testid="browser-kind"][data-kind="Pod"]').getAttribute('data-count')).resolves.toBe('2');

    // Sorting by name reverses the rows; wide adds the priority-1 columns.
    await page.getByTestId('browser-sort-name').click();
    await expect(page.locator(rows).evaluateAll((rs) => rs.map((r) => r.getAttribute('data-name')))).resolves.toEqual([...names].reverse());
    await page.getByTestId('browser-sort-name').click();
    await page.getByTestId('browser-wide').check();
    expect(await headers(page)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']);
    await page.getByTestId('browser-wide').uncheck();
    expect(h.consoleErrors).toEqual([]);
  });

  it('selects a pod and shows its YAML, conditions and events', async () => {
    const { page } = h;
    const name = (await page.locator(rows).first().getAttribute('data-name'))!;
    await page.locator(`${rows}[data-name="${name}"]`).click();

    const inspector = page.getByTestId('inspector');
    await page.locator(`[data-testid="inspector"][data-name="${name}"]`).waitFor({ timeout: 10_000 });
    await expect(page.getByTestId('inspector-kind').textContent()).resolves.toBe('Pod');
    await expect(page.getByTestId('inspector-namespace').textContent()).resolves.toBe('namespace default');
    await page.locator('[data-testid="inspector-status"][data-status="Running"]').waitFor({ timeout: 10_000 });

    // YAML as kubectl prints it, managedFields hidden until asked for.
    const yaml = page.getByTestId('inspector-yaml');
    await yaml.waitFor();
    const text = (await yaml.textContent()) ?? '';
    expect(text).toMatch(/^apiVersion: v1\nkind: Pod\nmetadata:\n/);
    expect(text).toContain(`  name: ${name}\n`);
    expect(text).toContain('  - containerPort: 80\n');
    expect(text).toContain('  phase: Running\n');
    expect(text).not.toContain('managedFields');
    expect(await yaml.locator('.yt-key').count()).toBeGreaterThan(20);
    await h.screenshot('inspector-yaml');
    await page.getByTestId('yaml-managed-fields').check();
    await expect(yaml.textContent()).resolves.toContain('  managedFields:\n');
    await page.getByTestId('yaml-managed-fields').uncheck();

    // Status: the pod's conditions, all True once it runs.
    await page.getByTestId('inspector-tab-status').click();
    await page.getByTestId('conditions-table').waitFor();
    const conds = await inspector.getByTestId('condition-row').evaluateAll((rs) => rs.map((r) => [r.getAttribute('data-type'), r.getAttribute('data-status')]));
    expect(conds).toEqual(
      expect.arrayContaining([
        ['PodScheduled', 'True'],
        ['Initialized', 'True'],
        ['ContainersReady', 'True'],
        ['Ready', 'True'],
      ]),
    );
    await h.screenshot('inspector-status');

    // Events: what the scheduler and the kubelet did, newest first.
    await page.getByTestId('inspector-tab-events').click();
    await page.waitForFunction(
      () => {
        const reasons = [...document.querySelectorAll('[data-testid="event-row"]')].map((r) => r.getAttribute('data-reason'));
        return ['Scheduled', 'Pulled', 'Created', 'Started'].every((r) => reasons.includes(r));
      },
      undefined,
      { timeout: 15_000 },
    );
    const reasons = await inspector.getByTestId('event-row').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-reason')));
    expect(reasons.indexOf('Started')).toBeLessThan(reasons.indexOf('Scheduled'));
    const scheduled = await inspector.locator('[data-testid="event-row"][data-reason="Scheduled"] td').evaluateAll((tds) => tds.map((td) => td.textContent));
    expect(scheduled[0]).toBe('Normal');
    expect(scheduled[3]).toBe('default-scheduler');
    expect(scheduled[4]).toMatch(new RegExp(`^Successfully assigned default/${name} to worker-\\d$`));
    await h.screenshot('inspector-events');
    expect(h.consoleErrors).toEqual([]);
  });

  it('moves between tabs with the arrow keys and rows with Enter', async () => {
    const { page } = h;
    await page.getByTestId('inspector-tab-events').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('inspector-tab-relations').getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('inspector-tab-relations');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('inspector-tab-events').getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('Home');
    await expect(page.getByTestId('inspector-tab-yaml').getAttribute('aria-selected')).resolves.toBe('true');

    const second = (await page.locator(rows).nth(1).getAttribute('data-name'))!;
    await page.locator(rows).first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="inspector"][data-name="${second}"]`).waitFor({ timeout: 5_000 });
    expect(h.consoleErrors).toEqual([]);
  });

  it('follows owners and dependents: pod → ReplicaSet → Deployment', async () => {
    const { page } = h;
    const pod = (await page.getByTestId('inspector').getAttribute('data-name'))!;
    await page.getByTestId('inspector-tab-relations').click();
    const owner = page.locator('[data-testid="relations-owners"] [data-testid="relation-link"]');
    await expect(owner.getAttribute('data-kind')).resolves.toBe('ReplicaSet');
    const rs = (await owner.getAttribute('data-name'))!;
    expect(pod.startsWith(`${rs}-`)).toBe(true);
    await owner.click();

    await page.locator(`[data-testid="inspector"][data-kind="ReplicaSet"][data-name="${rs}"]`).waitFor({ timeout: 5_000 });
    await page.locator('[data-testid="inspector-status"][data-status="2/2 ready"]').waitFor({ timeout: 5_000 });
    await page.getByTestId('inspector-tab-relations').click();
    const dependents = await page
      .locator('[data-testid="relations-dependents"] [data-testid="relation-link"]')
      .evaluateAll((ls) => ls.map((l) => `${l.getAttribute('data-kind')}/${l.getAttribute('data-name')}`));
    expect(dependents).toHaveLength(2);
    expect(dependents).toContain(`Pod/${pod}`);
    await page.locator('[data-testid="relations-owners"] [data-testid="relation-link"][data-kind="Deployment"][data-name="web"]').waitFor();
    await h.screenshot('inspector-relations');

    // Back to the pod through its dependents link.
    await page.locator(`[data-testid="relations-dependents"] [data-testid="relation-link"][data-name="${pod}"]`).click();
    await page.locator(`[data-testid="inspector"][data-kind="Pod"][data-name="${pod}"]`).waitFor({ timeout: 5_000 });
    expect(h.consoleErrors).toEqual([]);
  });

  it("shows a pod's containers and tails its logs", async () => {
    const { page } = h;
    await page.getByTestId('inspector-tab-containers').click();
    const card = page.locator('[data-testid="container-card"][data-name="nginx"]');
    await expect(card.getAttribute('data-state')).resolves.toBe('Running');
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toContain('nginx:1.27');
    expect(cardText).toContain('80/TCP');

    await page.getByTestId('inspector-tab-logs').click();
    await page.waitForFunction(() => (document.querySelector('[data-testid="inspector-logs"]')?.textContent ?? '').includes('Configuration complete; ready for start up'), undefined, {
      timeout: 10_000,
    });
    // The tail follows the newest line.
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="inspector-logs"]');
      return el !== null && el.scrollHeight > el.clientHeight && el.scrollHeight - el.scrollTop - el.clientHeight < 4;
    });
    await h.screenshot('inspector-logs');
    expect(h.consoleErrors).toEqual([]);
  });

  it('shows a failing pod: warning events, a waiting container and the log error', async () => {
    const { page } = h;
    const created = await page.evaluate(() =>
      window.kubePlayground!.request({
        verb: 'create',
        group: '',
        version: 'v1',
        resource: 'pods',
        namespace: 'default',
        body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'broken' }, spec: { containers: [{ name: 'app', image: 'no-such-image:1.0' }] } },
      }),
    );
    expect(created.status).toBe(201);
    const row = page.locator(`${rows}[data-name="broken"]`);
    await row.waitFor({ timeout: 10_000 });
    await row.click();
    await page.locator('[data-testid="inspector"][data-name="broken"]').waitFor();
    await page.waitForFunction(
      () => /ErrImagePull|ImagePullBackOff/.test(document.querySelector('[data-testid="inspector-status"]')?.getAttribute('data-status') ?? ''),
      undefined,
      { timeout: 20_000 },
    );
    await page.getByTestId('inspector-tab-events').click();
    await page.locator('[data-testid="event-row"][data-type="Warning"][data-reason="Failed"]').first().waitFor({ timeout: 10_000 });
    await h.screenshot('inspector-failing');

    await page.getByTestId('inspector-tab-containers').click();
    const card = page.locator('[data-testid="container-card"][data-name="app"]');
    await expect(card.getAttribute('data-state')).resolves.toBe('Waiting');
    await expect(card.textContent()).resolves.toMatch(/Waiting: (ErrImagePull|ImagePullBackOff)/);

    // kubectl logs on a container that never started answers 400 with the reason; the tab shows it.
    await page.getByTestId('inspector-tab-logs').click();
    await page.getByTestId('logs-error').waitFor({ timeout: 10_000 });
    await expect(page.getByTestId('logs-error').textContent()).resolves.toMatch(/container "app" in pod "broken" is waiting to start/);
    expect(h.consoleErrors).toEqual([]);
  });

  it('lists a big namespace from slim Tables and still selects the right object', async () => {
    const { page } = h;
    // Past 150 rows the browser asks for cells only and finds each row's object in the mirror.
    const made = await page.evaluate(async () => {
      const api = window.kubePlayground!;
      await api.request({ verb: 'create', group: '', version: 'v1', resource: 'namespaces', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bulk' } } });
      let ok = 0;
      for (let i = 0; i < 160; i++) {
        const res = await api.request({
          verb: 'create',
          group: '',
          version: 'v1',
          resource: 'configmaps',
          namespace: 'bulk',
          body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${String(i).padStart(3, '0')}` }, data: { i: String(i) } },
        });
        if (res.status === 201) ok++;
      }
      return ok;
    });
    expect(made).toBe(160);
    await page.locator('[data-testid="browser-namespace"] option[value="bulk"]').waitFor({ state: 'attached', timeout: 10_000 });
    await page.getByTestId('browser-namespace').selectOption('bulk');
    await page.locator('[data-testid="browser-kind"][data-kind="ConfigMap"]').click();
    // 160 of ours and the root CA bundle every namespace gets.
    await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 161, rows, { timeout: 15_000 });
    expect(await headers(page)).toEqual(['NAME', 'DATA', 'AGE']);
    const row = page.locator(`${rows}[data-name="cm-150"]`);
    await row.scrollIntoViewIfNeeded();
    await row.click();
    await page.locator('[data-testid="inspector"][data-kind="ConfigMap"][data-name="cm-150"]').waitFor({ timeout: 5_000 });
    await page.getByTestId('inspector-tab-yaml').click();
    await expect(page.getByTestId('inspector-yaml').textContent()).resolves.toContain('data:\n  i: "150"\n');
    await page.getByTestId('browser-namespace').selectOption('default');
    await page.locator('[data-testid="browser-kind"][data-kind="Pod"]').click();
    await page.locator(`${rows}[data-name="broken"]`).waitFor();
    expect(h.consoleErrors).toEqual([]);
  });

  it('reads well on a laptop screen and in the dark theme', async () => {
    const { page } = h;
    const pod = (await page.locator(rows).first().getAttribute('data-name'))!;
    await page.locator(rows).first().click();
    await page.locator(`[data-testid="inspector"][data-name="${pod}"]`).waitFor();
    await page.getByTestId('inspector-tab-events').click();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await h.screenshot('inspector-1920');
    await page.evaluate(() => {
      document.documentElement.dataset.theme = 'dark';
    });
    await page.getByTestId('inspector-tab-yaml').click();
    await h.screenshot('inspector-dark');
    await page.evaluate(() => {
      document.documentElement.dataset.theme = 'light';
    });
    await page.setViewportSize({ width: 1280, height: 720 });
    expect(h.consoleErrors).toEqual([]);
  });

  it('says so when the selected object is deleted', async () => {
    const { page } = h;
    const pod = (await page.getByTestId('inspector').getAttribute('data-name'))!;
    const res = await page.evaluate(
      (name) => window.kubePlayground!.request({ verb: 'delete', group: '', version: 'v1', resource: 'pods', namespace: 'default', name, query: { gracePeriodSeconds: '0' } }),
      pod,
    );
    expect(res.status).toBe(200);
    await page.getByTestId('inspector-missing').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('inspector-missing').textContent()).resolves.toBe('This Pod no longer exists.');
    await page.getByTestId('inspector-close').click();
    // Nothing selected: the inspector says so, or the shell folds its panel away.
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="inspector"]');
      return el === null || el.getAttribute('data-kind') === null;
    });
    expect(h.consoleErrors).toEqual([]);
  });
});
