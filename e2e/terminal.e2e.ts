/**
 * The in-browser kubectl terminal against the real cluster in the page's
 * worker: open it from the header, run `kubectl get pods -o wide` and compare
 * with kubectl's own output for the same state and with kubectl's column
 * layout, complete with Tab, stop `get pods -w` with Ctrl+C, and run the
 * editor's buffer with `apply -f editor.yaml`-style files.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';
import { pollUntil, webDeployment } from './fixtures';

let h: Harness;

const DEPLOYMENT = webDeployment(3);

const WIDE_COLUMNS = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'];

async function terminalText(page: Page): Promise<string> {
  return page.evaluate(() => window.kubePlayground!.terminal?.text() ?? '');
}

/** Waits until the terminal is back at an empty prompt after `marker` appeared. */
async function waitForPrompt(page: Page, since: number): Promise<string> {
  await page.waitForFunction(
    (n) => {
      const t = window.kubePlayground!.terminal;
      if (!t || t.running()) return false;
      const lines = t.text().split('\n');
      return lines.length > n && lines[lines.length - 1] === '$';
    },
    since,
    { timeout: 20_000 },
  );
  return terminalText(page);
}

async function lineCount(page: Page): Promise<number> {
  return (await terminalText(page)).split('\n').length;
}

/** What was printed after the last prompt that ran `command`. */
function outputOf(text: string, command: string): string[] {
  const lines = text.split('\n');
  const at = lines.lastIndexOf(`$ ${command}`);
  expect(at).toBeGreaterThanOrEqual(0);
  return lines.slice(at + 1, lines.length - 1);
}

async function runInTerminal(page: Page, command: string): Promise<string[]> {
  const before = await lineCount(page);
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
  return outputOf(await waitForPrompt(page, before), command);
}

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

describe('terminal', () => {
  it('runs kubectl get pods -o wide with kubectl’s columns and layout', async () => {
    const { page } = h;
    await page.goto(h.baseUrl);
    await page.getByTestId('node-row').first().waitFor({ timeout: 30_000 });
    const created = await page.evaluate((body) => window.kubePlayground!.request({ verb: 'create', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', body }), DEPLOYMENT);
    expect(created.status).toBe(201);
    await page.evaluate(() => window.kubePlayground!.actions.run('setSpeed', { speed: 10 }));
    // Polled from here: every pod Running and ready before the terminal looks.
    await pollUntil(
      () =>
        page.evaluate(async () => {
          const r = await window.kubePlayground!.request({ verb: 'list', group: '', version: 'v1', resource: 'pods', namespace: 'default' });
          const items = (r.body as { items: { status?: { phase?: string; containerStatuses?: { ready: boolean }[] } }[] }).items;
          return items.length === 3 && items.every((p) => p.status?.phase === 'Running' && p.status.containerStatuses?.every((c) => c.ready));
        }),
      'the 3 web pods never became ready',
      30_000,
    );

    // Open from the header; the terminal takes the keyboard.
    await page.getByTestId('open-terminal').click();
    await page.getByTestId('terminal-panel').waitFor();
    await page.waitForFunction(() => window.kubePlayground!.terminal?.text().includes('$') === true, undefined, { timeout: 20_000 });
    expect(await page.evaluate(() => window.kubePlayground!.view().dockTab)).toBe('terminal');
    await expect(page.getByRole('region', { name: 'Terminal: kubectl' }).count()).resolves.toBe(1);

    // Same virtual time for both runs, so AGE matches.
    await page.evaluate(() => window.kubePlayground!.setMode({ kind: 'paused' }));
    const shown = await runInTerminal(page, 'kubectl get pods -o wide');
    const direct = await page.evaluate(() => window.kubePlayground!.kubectl('kubectl get pods -o wide'));
    expect(direct.exitCode).toBe(0);
    expect(shown).toEqual(direct.stdout.replace(/\n$/, '').split('\n'));

    // kubectl's printer: the wide pod columns, tabwriter-aligned with 3 spaces after the widest cell.
    const [header, ...rows] = shown;
    expect(header.split(/ {2,}/)).toEqual(WIDE_COLUMNS);
    expect(rows).toHaveLength(3);
    const starts = WIDE_COLUMNS.map((c) => header.indexOf(c));
    const nameWidth = Math.max(...[header, ...rows].map((l) => l.split(' ')[0].length));
    expect(starts[1]).toBe(nameWidth + 3);
    for (const row of rows) {
      for (const s of starts.slice(1)) {
        expect(row[s - 1]).toBe(' ');
        expect(row[s]).not.toBe(' ');
      }
      const cells = row.split(/ {2,}/);
      expect(cells[1]).toBe('1/1');
      expect(cells[2]).toBe('Running');
      expect(cells[5]).toMatch(/^10\.244\.\d+\.\d+$/);
      expect(cells[6]).toMatch(/^worker-\d$/);
      expect(cells.slice(7)).toEqual(['<none>', '<none>']);
    }
    await h.screenshot('terminal-get-pods-wide');
  });

  it('completes with Tab: a resource, then a pod name', async () => {
    const { page } = h;
    // Frozen cluster: the names listed here are the names completion offers.
    await page.evaluate(() => window.kubePlayground!.actions.run('pause', undefined));
    const pods = await page.evaluate(async () => {
      const r = await window.kubePlayground!.request({ verb: 'list', group: '', version: 'v1', resource: 'pods', namespace: 'default' });
      return (r.body as { items: { metadata: { name: string } }[] }).items.map((p) => p.metadata.name).sort();
    });
    // As kubectl's own completion: "po" is the start of pods, podtemplates and poddisruptionbudgets,
    // so Tab grows it to "pod", a second Tab lists them, and "s" + Tab completes "pods".
    await page.keyboard.type('kubectl get po');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => window.kubePlayground!.terminal!.text().split('\n').at(-1) === '$ kubectl get pod', undefined, { timeout: 20_000 });
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => /poddisruptionbudgets +pods +podtemplates/.test(window.kubePlayground!.terminal!.text()), undefined, { timeout: 20_000 });
    await page.keyboard.type('s');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => window.kubePlayground!.terminal!.text().split('\n').at(-1) === '$ kubectl get pods', undefined, { timeout: 20_000 });

    // As bash: Tab completes the names' common prefix, a second Tab lists them, a unique prefix completes one.
    const common = pods.reduce((acc, n) => {
      let i = 0;
      while (i < acc.length && acc[i] === n[i]) i++;
      return acc.slice(0, i);
    });
    const lastLineIs = (line: string) => page.waitForFunction((l) => window.kubePlayground!.terminal!.text().split('\n').at(-1) === l, line, { timeout: 20_000 });
    await page.keyboard.press('Tab');
    await lastLineIs(`$ kubectl get pods ${common}`);
    await page.keyboard.press('Tab');
    await page.waitForFunction((names) => window.kubePlayground!.terminal!.text().split('\n').some((l) => names.every((n) => l.includes(n))), pods, { timeout: 20_000 });
    await lastLineIs(`$ kubectl get pods ${common}`);
    const target = pods[0];
    const other = pods.slice(1);
    let prefix = target.slice(0, -5);
    for (let i = target.length - 5; i <= target.length; i++) {
      prefix = target.slice(0, i);
      if (!other.some((o) => o.startsWith(prefix))) break;
    }
    await page.keyboard.type(prefix.slice(common.length));
    await lastLineIs(`$ kubectl get pods ${prefix}`);
    await page.keyboard.press('Tab');
    await page.waitForFunction((name) => window.kubePlayground!.terminal!.text().split('\n').at(-1) === `$ kubectl get pods ${name}`, target, { timeout: 20_000 });
    await h.screenshot('terminal-completion');
    const before = await lineCount(page);
    await page.keyboard.press('Enter');
    const out = outputOf(await waitForPrompt(page, before), `kubectl get pods ${target}`);
    expect(out[0].split(/ {2,}/)).toEqual(['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
    expect(out[1].startsWith(target)).toBe(true);
  });

  it('streams kubectl get pods -w and stops it with Ctrl+C', async () => {
    const { page } = h;
    await page.evaluate(() => window.kubePlayground!.actions.run('setSpeed', { speed: 10 }));
    const before = await lineCount(page);
    await page.keyboard.type('kubectl get pods -w');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => window.kubePlayground!.terminal!.text().split('\n').length >= n + 4, before, { timeout: 20_000 });
    expect(await page.evaluate(() => window.kubePlayground!.terminal!.running())).toBe(true);

    // A change streams in while the watch runs.
    await page.evaluate(() =>
      window.kubePlayground!.request({
        verb: 'patch',
        group: 'apps',
        version: 'v1',
        resource: 'deployments',
        namespace: 'default',
        name: 'web',
        contentType: 'application/merge-patch+json',
        body: { spec: { replicas: 4 } },
      }),
    );
    await page.waitForFunction((n) => window.kubePlayground!.terminal!.text().split('\n').slice(n).some((l) => /Pending|ContainerCreating/.test(l)), before, { timeout: 15_000 });
    await h.screenshot('terminal-watch');

    await page.keyboard.press('Control+C');
    const text = await waitForPrompt(page, before);
    const tail = text.split('\n').slice(-2);
    expect(tail).toEqual(['^C', '$']);
    expect(await page.evaluate(() => window.kubePlayground!.terminal!.running())).toBe(false);
  });

  it('answers like a shell, keeps history, and applies an example by name', async () => {
    const { page } = h;
    expect(await runInTerminal(page, 'ls')).toEqual(['bash: ls: command not found']);
    const help = await runInTerminal(page, 'help');
    expect(help.join('\n')).toContain('kubectl apply -f editor.yaml');
    expect(help.join('\n')).toContain('nginx-deployment.yaml');

    // Up recalls the last command.
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() => window.kubePlayground!.terminal!.text().split('\n').at(-1) === '$ help', undefined, { timeout: 5_000 });
    await page.keyboard.press('Control+U');

    const applied = await runInTerminal(page, 'kubectl apply -f examples/job-pi.yaml');
    expect(applied).toEqual(['job.batch/pi created']);
    const missing = await runInTerminal(page, 'kubectl apply -f examples/nope.yaml');
    expect(missing.join('\n')).toMatch(/nope\.yaml/);

    // Before the editor has been opened there is no editor.yaml; after, it is the editor's text.
    expect((await runInTerminal(page, 'kubectl apply -f editor.yaml')).join('\n')).toContain('editor.yaml');
    await page.getByTestId('dock-tab-yaml').click();
    await page.locator('[data-testid="editor-monaco"] .monaco-editor .view-lines').waitFor({ timeout: 30_000 });
    await page.getByTestId('dock-tab-terminal').click();
    await page.waitForFunction(() => document.activeElement?.classList.contains('xterm-helper-textarea') === true, undefined, { timeout: 5_000 });
    expect(await runInTerminal(page, 'kubectl apply -f editor.yaml')).toEqual(['deployment.apps/hello created']);

    // Theme and presenter mode restyle the terminal.
    await page.evaluate(() => window.kubePlayground!.actions.run('toggleTheme'));
    await page.evaluate(() => window.kubePlayground!.actions.run('togglePresenter'));
    await runInTerminal(page, 'kubectl get jobs');
    await h.screenshot('terminal-presenter-theme');
    await page.evaluate(() => window.kubePlayground!.actions.run('togglePresenter'));
    await page.evaluate(() => window.kubePlayground!.actions.run('toggleTheme'));

    // Ctrl+` hides the terminal again, even with the keyboard in it.
    await page.keyboard.press('Control+Backquote');
    await page.waitForFunction(() => !window.kubePlayground!.view().dockOpen, undefined, { timeout: 5_000 });
    expect(h.consoleErrors).toEqual([]);
  });
});
