/**
 * e2e harness: serves the production build (dist/) with scripts/start.mjs and
 * drives Debian's Chromium through playwright-core. Every test gets a fresh
 * browser profile and a list of the console errors its page produced.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { startServer, type RunningServer } from '../scripts/start.mjs';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const RESULTS_DIR = resolve(fileURLToPath(new URL('..', import.meta.url)), 'test-results');
export const VIEWPORT = { width: 1280, height: 720 };

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Harness {
  /** `http://127.0.0.1:PORT/` of the static server. */
  baseUrl: string;
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions, from the page and its workers. */
  consoleErrors: string[];
  /** Saves a PNG of the page to test-results/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

function describeMessage(m: ConsoleMessage): string {
  const loc = m.location();
  const at = loc.url ? ` (${loc.url}:${loc.lineNumber})` : '';
  return `console: ${m.text()}${at}`;
}

export async function startHarness(): Promise<Harness> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: run \`node scripts/ensure-chromium.mjs\` (npm run test:e2e does it for you)`);
  }
  let server: RunningServer | null = null;
  let context: BrowserContext | null = null;
  const userDataDir = await mkdtemp(join(tmpdir(), 'kube-playground-e2e-'));
  const cleanup = async () => {
    await context?.close().catch(() => {});
    await server?.close().catch(() => {});
    await rm(userDataDir, { recursive: true, force: true });
  };
  try {
    server = await startServer({ port: 0 });
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: VIEWPORT,
      deviceScaleFactor: 1,
    });
  } catch (err) {
    await cleanup();
    throw err;
  }

  const page = context.pages()[0] ?? (await context.newPage());
  const consoleErrors: string[] = [];
  // Chromium reports a worker's console messages and uncaught errors on its page too, so these cover the cluster worker.
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(describeMessage(m));
  });
  page.on('pageerror', (err) => consoleErrors.push(`pageerror: ${err.stack ?? err.message}`));
  page.on('requestfailed', (r) => consoleErrors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));

  await mkdir(RESULTS_DIR, { recursive: true });
  return {
    baseUrl: server.url,
    page,
    context,
    consoleErrors,
    async screenshot(name) {
      const path = join(RESULTS_DIR, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    close: cleanup,
  };
}
