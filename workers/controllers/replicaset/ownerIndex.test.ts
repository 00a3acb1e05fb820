import { describe, expect, it } from 'vitest';
import { Informer, type ApiClient } from '../../client/informer';
import type { KubeObject } from '../../api/object';
import type { WatchEvent } from '../../api/request';
import { OwnerIndex } from './ownerIndex';

function fakeClient(items: KubeObject[]): ApiClient & { emit(e: WatchEvent): void } {
  let cb: ((e: WatchEvent) => void) | undefined;
  return {
    handle: () => ({ status: 200, body: { apiVersion: 'v1', kind: 'PodList', metadata: { resourceVersion: '1' }, items } }),
    watch: (_r, onEvent) => ((cb = onEvent), { stop() {} }),
    emit: (e) => cb?.(e),
  };
}

const pod = (name: string, owner?: string, phase = 'Pending'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid: owner, controller: true }] } : {}) },
  status: { phase },
});

describe('OwnerIndex', () => {
  it('is one index per informer, following status updates in place and owner changes by moving', () => {
    const client = fakeClient([pod('a', 'rs1'), pod('b')]);
    const inf = new Informer(client, { group: '', version: 'v1', resource: 'pods' });
    const idx = OwnerIndex.of(inf);
    expect(OwnerIndex.of(inf)).toBe(idx);
    inf.start();
    expect(idx.owned('rs1').map((p) => p.metadata.name)).toEqual(['a']);
    expect(idx.orphansIn('default').map((p) => p.metadata.name)).toEqual(['b']);
    client.emit({ type: 'MODIFIED', object: pod('a', 'rs1', 'Running') });
    expect(idx.owned('rs1').map((p) => (p.status as { phase: string }).phase)).toEqual(['Running']);
    client.emit({ type: 'MODIFIED', object: pod('b', 'rs1') }); // adopted
    client.emit({ type: 'MODIFIED', object: pod('a') }); // released
    expect(idx.owned('rs1').map((p) => p.metadata.name)).toEqual(['b']);
    expect(idx.orphansIn('default').map((p) => p.metadata.name)).toEqual(['a']);
    client.emit({ type: 'DELETED', object: pod('b', 'rs1') });
    expect(idx.ownedCount('rs1')).toBe(0);
  });
});
