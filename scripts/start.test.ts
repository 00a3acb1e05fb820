import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { startServer, type RunningServer } from './start.mjs';

let root: string;
let srv: RunningServer;

/** Raw HTTP, so paths are sent exactly as written (fetch would normalise `..`). */
function get(path: string, opts: { method?: string; accept?: string } = {}) {
  return new Promise<{ status: number; type: string | undefined; body: string; cache: string | undefined }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: srv.port, path, method: opts.method ?? 'GET', headers: opts.accept ? { accept: opts.accept } : {} },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: res.headers['content-type'],
            body,
            cache: res.headers['cache-control'] as string | undefined,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kp-start-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>KP</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'export {};');
  await writeFile(join(root, 'assets', 'mod.wasm'), Buffer.from([0, 97, 115, 109]));
  await writeFile(join(root, 'favicon.svg'), '<svg/>');
  srv = await startServer({ root, port: 0 });
});

afterAll(async () => {
  await srv?.close();
  await rm(root, { recursive: true, force: true });
});

describe('static server', () => {
  it('serves files with their MIME types', async () => {
    const js = await get('/assets/index-abc.js');
    expect(js.status).toBe(200);
    expect(js.type).toBe('text/javascript; charset=utf-8');
    expect(js.body).toBe('export {};');
    expect(js.cache).toContain('immutable');
    expect((await get('/assets/mod.wasm')).type).toBe('application/wasm');
    expect((await get('/favicon.svg')).type).toBe('image/svg+xml');
    const index = await get('/');
    expect(index.type).toBe('text/html; charset=utf-8');
    expect(index.cache).toBe('no-cache');
  });

  it('falls back to index.html for client-side routes', async () => {
    const r = await get('/graph/default/pods');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>KP</title>');
    expect((await get('/some.page', { accept: 'text/html,*/*' })).status).toBe(200);
  });

  it('answers 404 for a missing asset instead of HTML', async () => {
    const r = await get('/assets/missing.js');
    expect(r.status).toBe(404);
    expect(r.type).toMatch(/^text\/plain/);
  });

  it('never serves files outside its root', async () => {
    const r = await get('/..%2F..%2F..%2Fetc%2Fpasswd');
    expect(r.status).toBe(400);
    expect(r.body).not.toContain('root:');
    expect((await get('/%E0%A4%A')).status).toBe(400);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('/assets/index-abc.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await get('/', { method: 'POST' })).status).toBe(405);
  });

  it('moves on to the next port when the asked one is busy', async () => {
    const second = await startServer({ root, port: srv.port });
    try {
      expect(second.port).toBeGreaterThan(srv.port);
      expect(second.url).toBe(`http://127.0.0.1:${second.port}/`);
    } finally {
      await second.close();
    }
  });

  it('refuses to start without a build', async () => {
    await expect(startServer({ root: join(root, 'assets'), port: 0 })).rejects.toThrow(/npm run build/);
  });
});
