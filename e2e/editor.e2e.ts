/**
 * The YAML editor against the real cluster in the page's worker: paste a
 * manifest, press Ctrl+Enter, and the Deployment exists and its pods run;
 * broken YAML and invalid objects get markers on the right lines and change
 * nothing; Diff compares live objects with a server dry run; the gallery
 * loads examples.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';
import { pollUntil, report } from './fixtures';

let h: Harness;

const deployment = (name: string, replicas: number, selector = name) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${selector}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - containerPort: 80
`;

// Line 5 is indented less than its siblings: a YAML syntax error.
const BROKEN = `apiVersion: v1
kind: ConfigMap
metadata:
  name: broken
 labels: {}
data:
  a: "1"
`;

async function openEditor(page: Page): Promise<void> {
  const panel = page.getByTestId('editor-panel');
  if (!(await panel.isVisible())) {
    const toggle = page.getByTestId('toggle-editor');
    if (await toggle.count()) await toggle.click();
    else await page.getByRole('button', { name: /YAML editor/i }).first().click();
  }
  await page.locator('[data-testid="editor-monaco"] .monaco-editor .view-lines').waitFor({ timeout: 30_000 });
}

/**
 * Replaces the editor's text by pasting it: select all, then a paste event
 * carrying the text (typing it would let auto-indent shift every line).
 */
async function setText(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid="editor-monaco"] .monaco-editor [role="textbox"]').focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await page.waitForFunction((n) => document.querySelector('[data-testid="editor-monaco"]')?.getAttribute('data-length') === String(n), text.length);
}

async function api<T = unknown>(page: Page, req: Record<string, unknown>): Promise<{ status: number; body: T }> {
  return page.evaluate(async (r) => {
    const res = await window.kubePlayground!.request(r as never);
    return { status: res.status, body: res.body };
  }, req) as Promise<{ status: number; body: T }>;
}

/** Each Deployment with its generation: what a write to its spec would change (controllers keep updating status). */
async function deploymentNames(page: Page): Promise<string[]> {
  const res = await api<{ items: Array<{ metadata: { name: string; generation: number } }> }>(page, { verb: 'list', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default' });
  return res.body.items.map((d) => `${d.metadata.name}@${d.metadata.generation}`).sort();
}

async function problems(page: Page): Promise<Array<{ line: number; text: string }>> {
  return page.getByTestId('editor-problem').evaluateAll((els) => els.map((e) => ({ line: Number(e.getAttribute('data-line')), text: e.textContent ?? '' })));
}

/** Line numbers Monaco underlines as errors, read from its rendered decorations and gutter. */
async function squiggledLines(page: Page, kind = 'squiggly-error'): Promise<number[]> {
  return page.evaluate((cls) => {
    const root = document.querySelector('[data-testid="editor-monaco"]')!;
    const numberAt = new Map<string, number>();
    for (const row of root.querySelectorAll<HTMLElement>('.margin-view-overlays > div')) {
      const n = Number(row.querySelector('.line-numbers')?.textContent);
      if (n) numberAt.set(row.style.top, n);
    }
    const found = new Set<number>();
    for (const s of root.querySelectorAll<HTMLElement>(`[class*="${cls}"]`)) {
      const n = numberAt.get(s.parentElement?.style.top ?? '');
      if (n) found.add(n);
    }
    return [...found].sort((a, b) => a - b);
  }, kind);
}

/** What the page notes about one apply: when Enter went down, and when the first pod of the Deployment was drawn. */
interface ApplyProbe {
  keyAt?: number;
  podAt?: number;
  pod?: string;
}
type ProbeWindow = Window & { applyProbe?: ApplyProbe };

/** Starts noting, in the page, when the next Enter goes down and when the first `<name>-…` pod appears in the graph. */
async function watchApplyToFirstPod(page: Page, name: string): Promise<void> {
  await page.evaluate((prefix) => {
    const probe: ApplyProbe = {};
    (window as ProbeWindow).applyProbe = probe;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Enter') return;
      probe.keyAt = performance.now();
      window.removeEventListener('keydown', onKey, true);
    };
    window.addEventListener('keydown', onKey, true);
    const seen = new MutationObserver(() => {
      const el = document.querySelector(`[data-kind="Pod"][aria-label^="Pod ${prefix}-"]`);
      if (!el || probe.keyAt === undefined) return;
      seen.disconnect();
      probe.pod = el.getAttribute('aria-label')?.split(' ')[1];
      // Drawn: the frame that shows it.
      requestAnimationFrame(() => (probe.podAt = performance.now()));
    });
    seen.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
  }, name);
}

/**
 * apply_to_first_pod_ms (DESIGN.md budgets): Enter → the first pod drawn,
 * minus the virtual time the cluster spent on purpose between the
 * Deployment's creation and that pod's (at 1× speed virtual time is wall
 * time), read from the timeline.
 */
async function reportApplyToFirstPod(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() => (window as ProbeWindow).applyProbe?.podAt !== undefined, undefined, { timeout: 30_000 });
  const m = await page.evaluate(async (deployment) => {
    const probe = (window as ProbeWindow).applyProbe!;
    const h = window.kubePlayground!;
    const firstWrite = async (object: string) => {
      const r = await h.timeline.timeline({ object, direction: 'newer', limit: 1 });
      return r.ok ? r.value.entries[0]?.time : undefined;
    };
    return {
      mode: (await h.clock()).mode,
      wallMs: probe.podAt! - probe.keyAt!,
      deploymentAt: await firstWrite(`/registry/apps/deployments/default/${deployment}`),
      podAt: await firstWrite(`/registry/core/pods/default/${probe.pod}`),
    };
  }, name);
  expect(m.mode).toEqual({ kind: 'realtime', speed: 1 });
  expect(m.deploymentAt).toBeTypeOf('number');
  expect(m.podAt).toBeTypeOf('number');
  const simulated = m.podAt! - m.deploymentAt!;
  expect(simulated).toBeGreaterThanOrEqual(0);
  const f = report('apply_to_first_pod_ms', m.wallMs - simulated, 'ms', 100);
  console.log(`apply → first pod drawn: ${m.wallMs.toFixed(0)} ms wall, of which ${simulated} ms simulated controller delays`);
  expect(f.value).toBeGreaterThan(0);
}

beforeAll(async () => {
  h = await startHarness();
  await h.page.goto(h.baseUrl);
  await h.page.waitForFunction(() => /^Cluster ready/.test(document.querySelector('[data-testid="cluster-status"]')?.textContent ?? ''), undefined, { timeout: 60_000 });
});

afterAll(async () => {
  await h?.close();
});

describe('YAML editor', () => {
  it('applies a pasted Deployment with Ctrl+Enter; its three pods reach Running', async () => {
    const { page } = h;
    await openEditor(page);
    await page.getByTestId('editor-examples').waitFor();
    await h.screenshot('editor-open');

    await setText(page, deployment('web', 3));
    await watchApplyToFirstPod(page, 'web');
    await page.keyboard.press('ControlOrMeta+Enter');

    await page.locator('[data-testid="editor-notice"][data-tone="ok"]').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('editor-result').allTextContents()).resolves.toEqual(['deployment.apps/web created']);
    const live = await api<{ spec: { replicas: number }; metadata: { managedFields: Array<{ manager: string; operation: string }> } }>(page, {
      verb: 'get', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', name: 'web',
    });
    expect(live.status).toBe(200);
    expect(live.body.spec.replicas).toBe(3);
    expect(live.body.metadata.managedFields).toContainEqual(expect.objectContaining({ manager: 'kube-playground', operation: 'Apply' }));

    await reportApplyToFirstPod(page, 'web');

    await pollUntil(
      () =>
        page.evaluate(async () => {
          const res = await window.kubePlayground!.request({ verb: 'list', group: '', version: 'v1', resource: 'pods', namespace: 'default', query: { labelSelector: 'app=web' } });
          const pods = (res.body as { items: Array<{ status?: { phase?: string } }> }).items;
          return pods.length === 3 && pods.every((p) => p.status?.phase === 'Running');
        }),
      'the 3 web pods never reached Running',
      60_000,
    );
    await page.waitForTimeout(500); // the page's watches deliver in frames; let the graph catch up before the screenshot
    await h.screenshot('editor-applied');
    expect(h.consoleErrors).toEqual([]);
  });

  it('marks a YAML syntax error at its line and sends nothing', async () => {
    const { page } = h;
    const before = await deploymentNames(page);
    await setText(page, BROKEN);
    await page.getByTestId('editor-apply').click();

    await page.locator('[data-testid="editor-notice"][data-tone="error"]').waitFor();
    await expect(page.getByTestId('editor-notice').locator('.editor-toast-title').textContent()).resolves.toBe('Nothing was sent');
    const marked = await problems(page);
    expect(marked.length).toBeGreaterThan(0);
    expect(marked[0].line).toBe(5);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="editor-monaco"] .squiggly-error').length > 0);
    expect(await squiggledLines(page)).toContain(5);
    const cm = await api(page, { verb: 'get', group: '', version: 'v1', resource: 'configmaps', namespace: 'default', name: 'broken' });
    expect(cm.status).toBe(404);
    expect(await deploymentNames(page)).toEqual(before);
    await h.screenshot('editor-syntax-error');
    expect(h.consoleErrors).toEqual([]);
  });

  it('puts the API’s message on the labels line when the selector does not match', async () => {
    const { page } = h;
    const before = await deploymentNames(page);
    await setText(page, deployment('mismatch', 1, 'other'));
    await page.keyboard.press('ControlOrMeta+Enter');

    await page.getByTestId('editor-problem').first().waitFor();
    const marked = await problems(page);
    expect(marked).toHaveLength(1);
    // Line 12 is `labels:` under spec.template.metadata.
    expect(marked[0].line).toBe(12);
    expect(marked[0].text).toContain('spec.template.metadata.labels: Invalid value: map[string]string{"app":"mismatch"}: `selector` does not match template `labels`');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="editor-monaco"] .squiggly-error').length > 0);
    expect(await squiggledLines(page)).toContain(12);
    await expect(page.getByTestId('editor-result').first().textContent()).resolves.toMatch(/^Error from server \(Invalid\): Deployment\.apps "mismatch" is invalid/);
    expect(await deploymentNames(page)).toEqual(before);
    await h.screenshot('editor-invalid');
    expect(h.consoleErrors).toEqual([]);
  });

  it('diffs against the live object with a server dry run, changing nothing', async () => {
    const { page } = h;
    const before = await deploymentNames(page);
    await setText(page, deployment('web', 5));
    await page.getByTestId('editor-diff').click();

    await page.getByTestId('editor-diff-view').locator('.monaco-diff-editor').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('editor-diff-summary').textContent()).resolves.toBe('0 to create, 1 to change, 0 unchanged');
    await page.waitForTimeout(300); // let the diff editor compute and paint its decorations before the screenshot
    await h.screenshot('editor-diff');
    expect(await deploymentNames(page)).toEqual(before);

    await page.getByTestId('editor-diff-close').click();
    await page.getByTestId('editor-monaco').waitFor();
    expect(h.consoleErrors).toEqual([]);
  });

  it('loads an example from the gallery', async () => {
    const { page } = h;
    await page.getByTestId('editor-examples').click();
    await page.locator('[data-testid="editor-example"]').first().waitFor();
    expect(await page.getByTestId('editor-example').count()).toBeGreaterThanOrEqual(10);
    await h.screenshot('editor-examples');
    await page.locator('[data-testid="editor-example"][data-id="job-pi"]').click();
    await page.waitForFunction(() => (document.querySelector('[data-testid="editor-monaco"] .view-lines')?.textContent ?? '').replace(/\u00a0/g, ' ').includes('kind: Job'));
    await page.locator('[data-testid="editor-notice"][data-tone="info"]').waitFor();
    expect(h.consoleErrors).toEqual([]);
  });

  it('underlines fields the v1.32 schema does not know and shows field docs on hover', async () => {
    const { page } = h;
    const schema = page.getByTestId('editor-schema');
    await page.waitForFunction(() => document.querySelector('[data-testid="editor-schema"]')?.getAttribute('data-state') !== 'loading', undefined, { timeout: 30_000 });
    if ((await schema.getAttribute('data-state')) === 'off') return; // built without monaco-yaml's worker (see src/editor/monaco/yamlWorker.ts)
    expect(await schema.getAttribute('data-state')).toBe('ready');

    await setText(page, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: typo\nspec:\n  selectr:\n    app: web\n  ports:\n    - port: 80\n');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="editor-monaco"] [class*="squiggly"]').length > 0, undefined, { timeout: 15_000 });
    expect(await squiggledLines(page, 'squiggly')).toContain(6);

    await page.locator('[data-testid="editor-monaco"] .view-line span', { hasText: /^port$/ }).hover();
    await page.locator('.monaco-hover', { hasText: 'The port that will be exposed by this service.' }).waitFor({ timeout: 10_000 });
    await h.screenshot('editor-schema');
    await page.mouse.move(0, 0);
    expect(h.consoleErrors).toEqual([]);
  });

  it('follows the page’s dark theme', async () => {
    const { page } = h;
    const toggled = await page.evaluate(async () => {
      const run = (window.kubePlayground as { actions?: { run(id: string): Promise<unknown> } } | undefined)?.actions?.run;
      if (!run) return false;
      await run('toggleTheme');
      return true;
    });
    if (!toggled) return; // a shell without themes
    await page.waitForFunction(() => document.querySelector('[data-testid="editor-monaco"] .monaco-editor')?.classList.contains('vs-dark'));
    await h.screenshot('editor-dark');
    await page.evaluate(() => (window.kubePlayground as unknown as { actions: { run(id: string): Promise<unknown> } }).actions.run('toggleTheme'));
    expect(h.consoleErrors).toEqual([]);
  });
});
