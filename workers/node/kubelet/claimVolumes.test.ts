import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { createNodeStorage, setUpVolumes } from './volumes';
import type { ObjectSource } from './objects';
import type { DownwardContext } from './fieldRefs';

const pod = { metadata: { name: 'p', namespace: 'default', uid: 'u' }, spec: { containers: [], volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'c' } }] } } as unknown as Pod;

function source(claim?: Record<string, unknown>, volume?: Record<string, unknown>): ObjectSource {
  return {
    configMap: () => undefined,
    secret: () => undefined,
    claim: () => claim as KubeObject | undefined,
    volume: () => volume as KubeObject | undefined,
  };
}

const ctx = {} as DownwardContext;

describe('PVC volumes', () => {
  it('mount the bound volume\'s hostPath directory, shared with the next pod on the node', () => {
    const storage = createNodeStorage();
    const objects = source({ spec: { volumeName: 'pv-1' }, status: { phase: 'Bound' } }, { spec: { hostPath: { path: '/var/local-path-provisioner/pv-1' } } });
    const first = setUpVolumes(pod, new Map(), objects, ctx, storage, 'n', 0);
    expect(first.failures).toEqual([]);
    first.volumes.get('data')!.write('f', 'hi\n');
    const second = setUpVolumes(pod, new Map(), objects, ctx, storage, 'n', 0);
    expect(second.volumes.get('data')!.read('f')).toBe('hi\n');
    storage.removeHostPath('/var/local-path-provisioner/pv-1');
    expect(setUpVolumes(pod, new Map(), objects, ctx, storage, 'n', 0).volumes.get('data')!.read('f')).toBeUndefined();
  });

  it('fail while the claim is missing or not bound', () => {
    const storage = createNodeStorage();
    expect(setUpVolumes(pod, new Map(), source(), ctx, storage, 'n', 0).failures).toEqual([
      { volume: 'data', message: 'error processing PVC default/c: failed to fetch PVC from API server: persistentvolumeclaims "c" not found' },
    ]);
    expect(setUpVolumes(pod, new Map(), source({ spec: {}, status: { phase: 'Pending' } }), ctx, storage, 'n', 0).failures).toEqual([{ volume: 'data', message: 'error processing PVC default/c: PVC is not bound' }]);
  });
});
