import { describe, it, expect } from 'vitest';
import { createCluster } from '../../cluster';
import type { KubeObject } from '../object';

const cmReq = { group: '', version: 'v1', resource: 'configmaps', namespace: 'default', userAgent: 'test' } as const;
const generated = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'g-' }, data: { a: '1' } };

async function settled(seed: number) {
  const c = await createCluster({ seed, controllers: [] });
  c.clock.runUntil({ time: c.clock.now() + 2000 });
  return c;
}

describe('generateName', () => {
  it('draws another name when the generated one is taken (RetryGenerateName)', async () => {
    const a = await settled(3);
    const first = (a.request({ ...cmReq, verb: 'create', body: generated }).body as KubeObject).metadata.name!;

    // The same cluster again, with that name already stored (without drawing from the seeded generator).
    const b = await settled(3);
    const key = `/registry/core/configmaps/default/${first}`;
    b.store.txn([], [{ type: 'put', key, value: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: first, namespace: 'default' } } as KubeObject }]);
    const r = b.request({ ...cmReq, verb: 'create', body: generated });
    expect(r.status).toBe(201);
    const made = r.body as KubeObject;
    expect(made.metadata.name).not.toBe(first);
    expect(made.metadata.name).toMatch(/^g-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(b.store.get(key)!.value.data).toBeUndefined();
    expect(b.store.get(`/registry/core/configmaps/default/${made.metadata.name}`)!.value.metadata.uid).toBe(made.metadata.uid);
  });

  it('does not retry a name the client chose', async () => {
    const c = await settled(4);
    const body = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'fixed' } };
    expect(c.request({ ...cmReq, verb: 'create', body }).status).toBe(201);
    const again = c.request({ ...cmReq, verb: 'create', body });
    expect(again.status).toBe(409);
    expect((again.body as { message: string }).message).toBe('configmaps "fixed" already exists');
  });
});
