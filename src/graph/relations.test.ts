import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../workers/api/object';
import { claimVolumeName, controllerOf, ingressServiceNames, selectorMatches, volumeClaimRef } from './relations';

const obj = (extra: Partial<KubeObject>): KubeObject => ({ apiVersion: 'v1', kind: 'X', metadata: { name: 'x' }, ...extra });

describe('selectorMatches', () => {
  it('needs every pair', () => {
    expect(selectorMatches({ app: 'web' }, { app: 'web', tier: 'front' })).toBe(true);
    expect(selectorMatches({ app: 'web', tier: 'back' }, { app: 'web', tier: 'front' })).toBe(false);
  });

  it('selects nothing without a selector or labels', () => {
    expect(selectorMatches(undefined, { app: 'web' })).toBe(false);
    expect(selectorMatches({}, { app: 'web' })).toBe(false);
    expect(selectorMatches({ app: 'web' }, undefined)).toBe(false);
  });
});

describe('controllerOf', () => {
  it('prefers the controller reference', () => {
    const o = obj({
      metadata: {
        name: 'p',
        ownerReferences: [
          { apiVersion: 'v1', kind: 'ConfigMap', name: 'c', uid: 'u0' },
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u1', controller: true },
        ],
      },
    });
    expect(controllerOf(o)).toEqual({ kind: 'ReplicaSet', name: 'rs', uid: 'u1' });
    expect(controllerOf(obj({}))).toBeUndefined();
  });
});

describe('ingressServiceNames', () => {
  it('collects the default backend and rule backends once each', () => {
    const ing = obj({
      spec: {
        defaultBackend: { service: { name: 'fallback' } },
        rules: [{ http: { paths: [{ backend: { service: { name: 'web' } } }, { backend: { service: { name: 'fallback' } } }] } }, {}],
      },
    });
    expect(ingressServiceNames(ing)).toEqual(['fallback', 'web']);
    expect(ingressServiceNames(obj({}))).toEqual([]);
  });
});

describe('claims', () => {
  it('reads both ends of a binding', () => {
    expect(claimVolumeName(obj({ spec: { volumeName: 'pv-1' } }))).toBe('pv-1');
    expect(claimVolumeName(obj({ spec: {} }))).toBeUndefined();
    expect(volumeClaimRef(obj({ spec: { claimRef: { namespace: 'db', name: 'data' } } }))).toEqual({ namespace: 'db', name: 'data' });
    expect(volumeClaimRef(obj({}))).toBeUndefined();
  });
});
