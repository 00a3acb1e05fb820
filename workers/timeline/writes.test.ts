import { describe, it, expect } from 'vitest';
import { changedFields, describeWrite, parseKey } from './writes';
import type { StoreEvent, KeyValue } from '../store/store';
import type { KubeObject } from '../api/object';

const kv = (key: string, value: KubeObject, rev: number): KeyValue<KubeObject> => ({ key, value, createRevision: 1, modRevision: rev, version: 1 });
const deploy = (extra: Partial<KubeObject> & Record<string, unknown>): KubeObject =>
  ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', uid: 'u1', resourceVersion: '5' }, ...extra }) as KubeObject;
const KEY = '/registry/apps/deployments/default/web';

describe('parseKey', () => {
  it('splits namespaced and cluster-scoped keys, core group as empty', () => {
    expect(parseKey(KEY)).toEqual({ group: 'apps', resource: 'deployments', namespace: 'default', name: 'web' });
    expect(parseKey('/registry/core/nodes/worker-1')).toEqual({ group: '', resource: 'nodes', name: 'worker-1' });
  });
  it('rejects what is not a registry key', () => {
    expect(parseKey('deployments/web')).toBeUndefined();
    expect(parseKey('/registry/apps')).toBeUndefined();
    expect(parseKey('/other/apps/deployments/default/web')).toBeUndefined();
  });
});

describe('describeWrite', () => {
  it('names a created object', () => {
    const e: StoreEvent<KubeObject> = { type: 'PUT', revision: 7, key: KEY, kv: kv(KEY, deploy({ spec: {} }), 7), cause: { component: 'x' }, time: 0 };
    expect(describeWrite(e)).toEqual({ revision: 7, type: 'PUT', op: 'created', key: KEY, group: 'apps', resource: 'deployments', kind: 'Deployment', namespace: 'default', name: 'web', uid: 'u1' });
  });
  it('lists the top-level fields an update changed, ignoring resourceVersion alone', () => {
    const before = deploy({ spec: { replicas: 1 }, status: { replicas: 1 } });
    const after = { ...before, metadata: { ...before.metadata, resourceVersion: '9' }, status: { replicas: 3 } } as KubeObject;
    const e: StoreEvent<KubeObject> = { type: 'PUT', revision: 9, key: KEY, kv: kv(KEY, after, 9), prevKv: kv(KEY, before, 5), cause: { component: 'x' }, time: 0 };
    const w = describeWrite(e);
    expect(w.op).toBe('updated');
    expect(w.changed).toEqual(['status']);
    expect(w.metadataChanged).toBeUndefined();
  });
  it('reports metadata changes by field', () => {
    const before = deploy({});
    const after = { ...before, metadata: { ...before.metadata, labels: { a: 'b' }, resourceVersion: '6' } } as KubeObject;
    expect(changedFields(before, after)).toEqual({ changed: ['metadata'], metadataChanged: ['labels'] });
  });
  it('describes a delete from the previous value', () => {
    const e: StoreEvent<KubeObject> = { type: 'DELETE', revision: 10, key: KEY, prevKv: kv(KEY, deploy({}), 9), cause: { component: 'x' }, time: 0 };
    expect(describeWrite(e)).toMatchObject({ op: 'deleted', kind: 'Deployment', name: 'web' });
  });
});
