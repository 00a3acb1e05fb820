/**
 * Utilisation and autoscaling in the page: php-apache, its HPA and a load
 * generator applied through the API at 100×; the sidebar's node rows show
 * usage bars, the inspector's Usage tab shows a node's and a pod's usage,
 * and the HPA's Scaling tab charts replicas rising against the CPU target.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, VIEWPORT, type Harness } from './harness';

let h: Harness;

const LABELS = { run: 'php-apache' };
const OBJECTS = [
  {
    group: 'apps', version: 'v1', resource: 'deployments',
    body: {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'php-apache', namespace: 'default' },
      spec: { selector: { matchLabels: LABELS }, template: { metadata: { labels: LABELS }, spec: { containers: [{ name: 'php-apache', image: 'registry.k8s.io/hpa-example', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '500m' }, requests: { cpu: '200m' } } }] } } },
    },
  },
  { group: '', version: 'v1', resource: 'services', body: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'php-apache', namespace: 'default', labels: LABELS }, spec: { ports: [{ port: 80 }], selector: LABELS } } },
  {
    group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers',
    body: {
      apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'php-apache', namespace: 'default' },
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php-apache' }, minReplicas: 1, maxReplicas: 10, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] },
    },
  },
];
const LOAD = {
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'load-generator', namespace: 'default' },
  spec: { restartPolicy: 'Never', containers: [{ name: 'load-generator', image: 'busybox:1.28', command: ['/bin/sh', '-c', 'while sleep 0.01; do wget -q -O- http://php-apache; done'] }] },
};

async function create(page: Page, o: { group: string; version: string; resource: string; body: unknown }): Promise<{ status: number; uid: string }> {
  return page.evaluate(async (o) => {
    const r = await window.kubePlayground!.request({ verb: 'create', group: o.group, version: o.version, resource: o.resource, namespace: 'default', body: o.body });
    return { status: r.status, uid: (r.body as { metadata?: { uid?: string } }).metadata?.uid ?? '' };
  }, o);
}

async function select(page: Page, kind: string, name: string, uid: string, namespace = 'default') {
  const r = await page.evaluate((s) => window.kubePlayground!.actions.run('select', s), { kind, namespace, name, uid });
  expect(r).toMatchObject({ ok: true });
}

async function shots(name: string) {
  const { page } = h;
  await h.screenshot(`${name}-1280x720`);
  await page.evaluate(() => window.kubePlayground!.actions.run('toggleTheme'));
  await h.screenshot(`${name}-1280x720-dark`);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await h.screenshot(`${name}-1920x1080-dark`);
  await page.evaluate(() => window.kubePlayground!.actions.run('toggleTheme'));
  await h.screenshot(`${name}-1920x1080`);
  await page.setViewportSize(VIEWPORT);
}

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

describe('utilisation and autoscaling', () => {
  let hpaUid = '';

  it('shows usage bars on the node rows once metrics-server serves', async () => {
    const { page } = h;
    await page.goto(h.baseUrl);
    await page.getByTestId('node-row').first().waitFor({ timeout: 30_000 });
    await page.evaluate(() => window.kubePlayground!.actions.run('setSpeed', { speed: 100 }));
    for (const o of OBJECTS) {
      const r = await create(page, o);
      expect(r.status).toBe(201);
      if (o.resource === 'horizontalpodautoscalers') hpaUid = r.uid;
    }
    // Requests show at once (striped); usage once metrics-server has scraped twice.
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="node-usage-cpu"]')].some((b) => (b.getAttribute('data-used') ?? '') !== ''), undefined, { timeout: 60_000 });
    const label = await page.locator('[data-testid="node-usage-mini"][data-node="worker-1"] [data-testid="node-usage-cpu"]').getAttribute('aria-label');
    expect(label).toMatch(/^CPU: used \d+m \(\d+%\), requested \d+m \(\d+%\) of \d+m allocatable$/);
  });

  it("charts the HPA's replicas rising under load, with the metric against its target", async () => {
    const { page } = h;
    expect((await create(page, { group: '', version: 'v1', resource: 'pods', body: LOAD })).status).toBe(201);
    await select(page, 'HorizontalPodAutoscaler', 'php-apache', hpaUid);
    await page.getByTestId('inspector-tab-scaling').click();
    await page.getByTestId('hpa-panel').waitFor();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="hpa-chart"]')?.getAttribute('data-peak-replicas') ?? 0) > 1, undefined, { timeout: 90_000 });
    const metricTitle = await page.locator('[data-testid="hpa-chart-metric"] figcaption').textContent();
    expect(metricTitle).toMatch(/^cpu \(% of request\): \d+% vs target 50%$/);
    expect(await page.locator('[data-testid="hpa-chart-replicas"] path[data-line="current"]').getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+ H/);
    await expect(page.locator('[data-testid="hpa-condition"][data-type="AbleToScale"]').getAttribute('data-status')).resolves.toBe('True');
    expect(await page.getByTestId('hpa-last-scale').textContent()).toMatch(/ago$/);
    // Let a few more syncs land so the chart has a shape, then pause for stable screenshots.
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="hpa-chart"]')?.getAttribute('data-samples') ?? 0) >= 6, undefined, { timeout: 60_000 });
    await page.evaluate(() => window.kubePlayground!.setMode({ kind: 'paused' }));
    await page.waitForTimeout(300);
    await shots('autoscaling-hpa');
  });

  it("shows a node's and a pod's usage in the inspector", async () => {
    const { page } = h;
    // The last test paused the clock; metrics-server scrapes (and the page polls) only while time runs.
    await page.evaluate(() => window.kubePlayground!.actions.run('setSpeed', { speed: 10 }));
    const node = await page.evaluate(async () => {
      const r = await window.kubePlayground!.request({ verb: 'get', group: '', version: 'v1', resource: 'nodes', name: 'worker-1' });
      return (r.body as { metadata: { uid: string } }).metadata.uid;
    });
    await select(page, 'Node', 'worker-1', node, '');
    await page.getByTestId('inspector-tab-usage').click();
    await page.waitForFunction(() => /^\d+m · \d+%$/.test(document.querySelector('[data-testid="usage-used-cpu"]')?.textContent ?? ''), undefined, { timeout: 30_000 });
    await shots('autoscaling-node');

    const pod = await page.evaluate(async () => {
      const r = await window.kubePlayground!.request({ verb: 'list', group: '', version: 'v1', resource: 'pods', namespace: 'default', query: { labelSelector: 'run=php-apache' } });
      const p = (r.body as { items: { metadata: { name: string; uid: string } }[] }).items[0];
      return p.metadata;
    });
    await select(page, 'Pod', pod.name, pod.uid);
    await page.getByTestId('inspector-tab-usage').click();
    await page.getByTestId('pod-usage-container').first().waitFor();
    await page.waitForFunction(() => (document.querySelector('[data-testid="pod-usage-cpu"] [role="img"]')?.getAttribute('aria-label') ?? '').includes('using'), undefined, { timeout: 30_000 });
    expect(await page.locator('[data-testid="pod-usage-cpu"] [role="img"]').getAttribute('aria-label')).toMatch(/^php-apache CPU: using \d+m, request 200m \(\d+% of it\), limit 500m$/);
    await shots('autoscaling-pod');
    expect(h.consoleErrors).toEqual([]);
  });
});
