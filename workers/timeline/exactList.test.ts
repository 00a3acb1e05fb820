/** The API server's exact-revision lists (time travel for reflectors and Tables), as workers/api/handlers/read.ts serves them. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cluster } from '../cluster';
import { createDeployment, recordedCluster, webPods } from './testCluster';

describe('list with resourceVersionMatch=Exact', () => {
  let c: Cluster;
  let before = 0;
  beforeAll(async () => {
    ({ c } = await recordedCluster({ seed: 13 }));
    c.clock.runFor(5_000);
    before = c.store.revision;
    createDeployment(c, 2);
    c.clock.runFor(20_000);
  }, 60_000);

  it('lists what existed at that revision, and says which revision', () => {
    expect(webPods(c).names).toHaveLength(2);
    const then = webPods(c, { resourceVersion: String(before), resourceVersionMatch: 'Exact' });
    expect(then.status).toBe(200);
    expect(then.names).toEqual([]);
    expect(then.resourceVersion).toBe(String(before));
    const firstPod = c.store.history().find((e) => e.key.startsWith('/registry/core/pods/default/web-'))!.revision;
    expect(webPods(c, { resourceVersion: String(firstPod), resourceVersionMatch: 'Exact' }).names).toHaveLength(1);
  });

  it('serves server-side Tables at that revision too', () => {
    const r = c.request({ verb: 'list', group: '', version: 'v1', resource: 'pods', namespace: 'default', accept: 'application/json;as=Table;v=v1;g=meta.k8s.io', query: { resourceVersion: String(before), resourceVersionMatch: 'Exact' } });
    const t = r.body as { rows: unknown[]; metadata: { resourceVersion: string } };
    expect(t.rows).toEqual([]);
    expect(t.metadata.resourceVersion).toBe(String(before));
  });

  it('answers a future revision with 504 Too large resource version', () => {
    const future = c.store.revision + 100;
    const r = webPods(c, { resourceVersion: String(future), resourceVersionMatch: 'Exact' });
    expect(r.status).toBe(504);
    expect(r.body).toMatchObject({ reason: 'Timeout', code: 504, message: `Timeout: Too large resource version: ${future}, current: ${c.store.revision}`, details: { causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }], retryAfterSeconds: 1 } });
  });

  it('rejects bad list options as ListOptions Invalid, like ValidateListOptions', () => {
    const r = webPods(c, { resourceVersionMatch: 'Exact' });
    expect(r.status).toBe(422);
    expect((r.body as { message: string }).message).toBe('ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided');
    const zero = webPods(c, { resourceVersion: '0', resourceVersionMatch: 'Exact' });
    expect((zero.body as { message: string }).message).toContain('resourceVersionMatch "exact" is forbidden for resourceVersion "0"');
    const odd = webPods(c, { resourceVersion: '5', resourceVersionMatch: 'Sometimes' });
    expect(odd.status).toBe(422);
    expect((odd.body as { message: string }).message).toContain('Unsupported value: "Sometimes"');
  });

  it('answers a compacted revision with 410 Expired', async () => {
    const { c: d } = await recordedCluster({ seed: 13 });
    d.clock.runFor(3_000);
    const old = d.store.revision - 5;
    d.store.compact(d.store.revision - 1);
    const r = webPods(d, { resourceVersion: String(old), resourceVersionMatch: 'Exact' });
    expect(r.status).toBe(410);
    expect(r.body).toMatchObject({ reason: 'Expired', message: 'The resourceVersion for the provided list is too old.' });
  }, 60_000);
});
