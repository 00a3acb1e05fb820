import { describe, it, expect } from 'vitest';
import type { ApiRequest, ApiResponse } from '../../workers/api/request';
import { listAllAt } from './pastLister';
import { DEPLOYMENTS, NAMESPACES, PODS } from './resources';

function client(answer: (req: ApiRequest) => ApiResponse | Promise<ApiResponse>) {
  const requests: ApiRequest[] = [];
  return {
    requests,
    client: {
      async request(req: ApiRequest) {
        requests.push(req);
        return answer(req);
      },
    },
  };
}

const list = (...names: string[]): ApiResponse => ({ status: 200, body: { metadata: { resourceVersion: '9' }, items: names.map((n) => ({ metadata: { name: n, uid: n } })) } });

describe('listAllAt', () => {
  it('lists every kind at exactly the revision and replaces each', async () => {
    const c = client((req) => (req.resource === 'pods' ? list('p1', 'p2') : list()));
    const r = await listAllAt(c.client, [PODS, DEPLOYMENTS], 42);
    expect(c.requests.map((q) => [q.verb, q.resource, q.query])).toEqual([
      ['list', 'pods', { resourceVersion: '42', resourceVersionMatch: 'Exact' }],
      ['list', 'deployments', { resourceVersion: '42', resourceVersionMatch: 'Exact' }],
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.changes.map((ch) => ch.type === 'replace' && [ch.kind, ch.objects.map((o) => o.metadata.name)])).toEqual([
      ['Pod', ['p1', 'p2']],
      ['Deployment', []],
    ]);
    // Items get their kind and apiVersion back.
    expect(r.changes[0].type === 'replace' && r.changes[0].objects[0]).toMatchObject({ kind: 'Pod', apiVersion: 'v1' });
  });

  it('is all or nothing: one refused kind fails the whole read with its message', async () => {
    const compacted: ApiResponse = { status: 410, body: { kind: 'Status', code: 410, message: 'too old resource version: 3 (50)' } };
    const c = client((req) => (req.resource === 'namespaces' ? compacted : list('a')));
    expect(await listAllAt(c.client, [PODS, NAMESPACES], 3)).toEqual({ ok: false, message: 'list namespaces at revision 3: too old resource version: 3 (50)' });
  });

  it('a thrown request or a malformed body is a failure, not a throw', async () => {
    const thrown = client(() => {
      throw new Error('worker gone');
    });
    expect(await listAllAt(thrown.client, [PODS], 3)).toEqual({ ok: false, message: 'list pods: worker gone' });
    const bad = client(() => ({ status: 200, body: { items: 'nope' } }));
    expect(await listAllAt(bad.client, [PODS], 3)).toEqual({ ok: false, message: 'list pods at revision 3: HTTP 200' });
  });

  it('refuses a revision that is not a positive integer without asking', async () => {
    const c = client(() => list());
    expect((await listAllAt(c.client, [PODS], 0)).ok).toBe(false);
    expect((await listAllAt(c.client, [PODS], 2.5)).ok).toBe(false);
    expect(c.requests).toEqual([]);
  });
});
