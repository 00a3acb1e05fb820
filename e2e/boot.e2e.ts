import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startHarness, type Harness } from './harness';
import { report } from './fixtures';

const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];
const NODES_DRAWN_MARK = 'kube-playground:nodes-drawn';
const DIST = resolve(fileURLToPath(new URL('..', import.meta.url)), 'dist');
/** A name only Monaco's own code uses. */
const MONACO_MARKER = 'MonacoEnvironment';

/** Paths (under dist/) of index.html's entry script and module preloads, and every chunk they import statically. */
function entryChunks(): string[] {
  const html = readFileSync(resolve(DIST, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/([^"]+\.js)"/g)].map((m) => m[1]);
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(resolve(DIST, file), 'utf8');
    // Static imports only (`import{…}from"./x.js"`, `import"./x.js"`); `import("./x.js")` loads later.
    for (const m of code.matchAll(/\bimport\s*(?:[\w$*{}\s,]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) queue.push(file.replace(/[^/]*$/, '') + m[1]);
  }
  return [...seen].sort();
}

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

describe('boot', () => {
  it('starts the cluster and lists its nodes and namespaces', async () => {
    const { page } = h;
    await page.goto(h.baseUrl);
    await expect(page.title()).resolves.toBe('Kube Playground');
    await page.getByRole('heading', { level: 1, name: 'Kube Playground' }).waitFor();

    await page.getByTestId('node-row').first().waitFor({ timeout: 30_000 });
    await page.waitForFunction(
      (expected) => {
        const shown = [...document.querySelectorAll('[data-testid="namespace-row"]')].map((e) => e.getAttribute('data-name'));
        return expected.every((n) => shown.includes(n));
      },
      SYSTEM_NAMESPACES,
      { timeout: 30_000 },
    );

    // The rows are what the API says: read the same list through the page's client.
    const apiNodes = await page.evaluate(async () => {
      const res = await window.kubePlayground!.request({ verb: 'list', group: '', version: 'v1', resource: 'nodes' });
      const items = (res.body as { items: Array<{ metadata: { name: string } }> }).items;
      return items.map((n) => n.metadata.name).sort();
    });
    expect(apiNodes.length).toBeGreaterThan(0);
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid="node-row"]').length === n,
      apiNodes.length,
      { timeout: 10_000 },
    );
    const shownNodes = await page.getByTestId('node-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name')));
    expect(shownNodes).toEqual(apiNodes);

    // Kubelets register NotReady and turn Ready on their first status sync.
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-testid="node-row"]')].every((r) => r.getAttribute('data-status') === 'Ready'),
      undefined,
      { timeout: 30_000 },
    );
    await expect(page.getByTestId('cluster-status').textContent()).resolves.toBe(
      `Cluster ready — ${apiNodes.length} ${apiNodes.length === 1 ? 'node' : 'nodes'}`,
    );
    const phases = await page
      .getByTestId('namespace-row')
      .evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-name'), r.getAttribute('data-phase')]));
    for (const ns of SYSTEM_NAMESPACES) expect(phases).toContainEqual([ns, 'Active']);

    // The graph marks the moment its node lanes were first painted.
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, NODES_DRAWN_MARK, { timeout: 15_000 });
    const drawnMs = await page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? -1, NODES_DRAWN_MARK);
    expect(drawnMs).toBeGreaterThan(0);
    console.log(`page load → nodes drawn: ${Math.round(drawnMs)} ms`);

    await h.screenshot('boot');
    expect(h.consoleErrors).toEqual([]);
  });

  it('keeps the panels live: a namespace created through the API appears, then shows Terminating or disappears', async () => {
    const { page } = h;
    const created = await page.evaluate(async () =>
      window.kubePlayground!.request({
        verb: 'create',
        group: '',
        version: 'v1',
        resource: 'namespaces',
        body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'e2e-live' } },
      }),
    );
    expect(created.status).toBe(201);
    await page.locator('[data-testid="namespace-row"][data-name="e2e-live"]').waitFor({ timeout: 10_000 });

    const deleted = await page.evaluate(async () =>
      window.kubePlayground!.request({ verb: 'delete', group: '', version: 'v1', resource: 'namespaces', name: 'e2e-live' }),
    );
    expect(deleted.status).toBe(200);
    await page.waitForFunction(
      () => {
        const row = document.querySelector('[data-testid="namespace-row"][data-name="e2e-live"]');
        return row === null || row.getAttribute('data-phase') === 'Terminating';
      },
      undefined,
      { timeout: 10_000 },
    );
    expect(h.consoleErrors).toEqual([]);
  });

  it('shows a bad request as a Status without breaking the page', async () => {
    const { page } = h;
    const res = await page.evaluate(async () =>
      window.kubePlayground!.request({ verb: 'get', group: '', version: 'v1', resource: 'namespaces', name: 'does-not-exist' }),
    );
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ kind: 'Status', reason: 'NotFound', message: 'namespaces "does-not-exist" not found' });
    await expect(page.getByTestId('cluster-status').textContent()).resolves.toMatch(/^Cluster ready/);
    expect(h.consoleErrors).toEqual([]);
  });
});

describe('seed', () => {
  async function defaultNamespaceUid(search: string): Promise<string> {
    await h.page.goto(new URL(search, h.baseUrl).href);
    await h.page.getByTestId('node-row').first().waitFor({ timeout: 30_000 });
    return h.page.evaluate(async () => {
      const res = await window.kubePlayground!.request({ verb: 'get', group: '', version: 'v1', resource: 'namespaces', name: 'default' });
      return (res.body as { metadata: { uid: string } }).metadata.uid;
    });
  }

  it('loads little JavaScript up front: Monaco only once the editor opens', async () => {
    const files = entryChunks();
    expect(files.some((f) => /^assets\/index-.*\.js$/.test(f))).toBe(true);
    const code = files.map((f) => readFileSync(resolve(DIST, f)));
    const kb = code.reduce((sum, c) => sum + gzipSync(c, { level: 9 }).length, 0) / 1024;
    expect(code.filter((c) => c.includes(MONACO_MARKER)).length).toBe(0);
    report('initial_js_kb_gz', kb, 'KB', 400);
    console.log(`entry JS: ${files.join(', ')}`);

    // What the page really fetches: no Monaco until the editor is opened.
    const { page } = h;
    const scripts: string[] = [];
    const onResponse = (r: { url(): string }) => {
      if (r.url().endsWith('.js')) scripts.push(new URL(r.url()).pathname.slice(1));
    };
    page.on('response', onResponse);
    try {
      await page.goto(h.baseUrl);
      await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, NODES_DRAWN_MARK, { timeout: 15_000 });
    } finally {
      page.off('response', onResponse);
    }
    expect(scripts.length).toBeGreaterThan(0);
    const worker = scripts.find((f) => /cluster\.worker-.*\.js$/.test(f));
    if (worker) console.log(`the cluster worker the page also starts: ${(gzipSync(readFileSync(resolve(DIST, worker)), { level: 9 }).length / 1024).toFixed(0)} KB gzip`);
    expect(scripts.filter((f) => readFileSync(resolve(DIST, f), 'utf8').includes(MONACO_MARKER))).toEqual([]);
    const monaco = readdirSync(resolve(DIST, 'assets')).filter((f) => f.endsWith('.js') && readFileSync(resolve(DIST, 'assets', f), 'utf8').includes(MONACO_MARKER));
    expect(monaco.length).toBeGreaterThan(0); // the marker does find Monaco in the build
  });

  it('?seed= in the page URL makes the cluster repeat itself', async () => {
    const a = await defaultNamespaceUid('/?seed=7');
    const b = await defaultNamespaceUid('/?seed=7');
    const c = await defaultNamespaceUid('/?seed=8');
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(h.consoleErrors).toEqual([]);
  });
});
