import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../cluster';
import { startHost } from './server';

let cluster: Cluster;
let url: string;
let close: () => Promise<void>;

beforeAll(async () => {
  cluster = await createCluster({ seed: 5 });
  cluster.clock.runFor(2_000);
  const h = await startHost(cluster);
  url = h.url;
  close = h.close;
});
afterAll(() => close());

async function call(method: string, path: string, body?: string, contentType = 'application/json') {
  const r = await fetch(`${url}${path}`, { method, body, headers: { 'Content-Type': contentType } });
  return { status: r.status, json: (await r.json()) as Record<string, unknown> };
}

describe('the Node host', () => {
  it('points at the line and column of a YAML error and stores nothing', async () => {
    const before = cluster.store.revision;
    const r = await call('POST', '/api/v1/namespaces/default/configmaps', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n data: [', 'application/yaml');
    expect(r.status).toBe(400);
    expect(r.json.reason).toBe('BadRequest');
    expect(String(r.json.message)).toMatch(/line \d+, column \d+/);
    expect(cluster.store.revision).toBe(before);
  });

  it('points at the position of a JSON error', async () => {
    const r = await call('POST', '/api/v1/namespaces/default/configmaps', '{"apiVersion": "v1",\n "kind": ConfigMap}');
    expect(r.status).toBe(400);
    expect(String(r.json.message)).toMatch(/line 2, column \d+/);
  });

  it('refuses bodies over 3 MiB with 413', async () => {
    const big = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'big' }, data: { a: 'x'.repeat(3 * 1024 * 1024 + 10) } });
    const r = await call('POST', '/api/v1/namespaces/default/configmaps', big);
    expect(r.status).toBe(413);
    expect(r.json.reason).toBe('RequestEntityTooLarge');
  });

  it('answers an unknown path with a 404 Status and survives garbage', async () => {
    expect((await call('GET', '/apis/nope/v1/things')).status).toBe(404);
    expect((await call('POST', '/api/v1/namespaces/default/pods', '\u0000\u0001garbage')).status).toBe(400);
    expect((await call('PATCH', '/api/v1/namespaces/default/pods/x', '{}', 'text/plain')).status).toBe(415);
    const ok = await fetch(`${url}/healthz`);
    expect(await ok.text()).toBe('ok');
  });

  it('streams a watch as JSON lines', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${url}/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${cluster.store.revision}`, { signal: ctrl.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    await call('POST', '/api/v1/namespaces/default/configmaps', JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'w' } }));
    let text = '';
    while (!text.includes('\n')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    ctrl.abort();
    const ev = JSON.parse(text.split('\n')[0]);
    expect(ev.type).toBe('ADDED');
    expect(ev.object.metadata.name).toBe('w');
  });
});
