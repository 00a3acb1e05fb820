import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../object';
import { defaultStorageClassPlugin } from './default-storage-class';
import { podRequest } from './testing';

const sc = (name: string, isDefault: boolean, created = '2025-01-01T00:00:00Z'): KubeObject => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: {
    name,
    creationTimestamp: created,
    annotations: isDefault ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : {},
  },
});
const pvc = (spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'data', namespace: 'default' },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec },
});
const admit = (claim: KubeObject, classes: KubeObject[], extra = {}) =>
  defaultStorageClassPlugin.mutate!(podRequest(claim, classes, { kind: 'PersistentVolumeClaim', resource: 'persistentvolumeclaims', ...extra }));
const className = (c: KubeObject) => (c.spec as Record<string, unknown>).storageClassName;

describe('DefaultStorageClass', () => {
  it('fills in the default class', () => {
    const claim = pvc();
    expect(admit(claim, [sc('slow', false), sc('standard', true)])).toEqual({ ok: true });
    expect(className(claim)).toBe('standard');
  });

  it('prefers the newest default, then the first name', () => {
    const claim = pvc();
    admit(claim, [sc('old', true, '2024-01-01T00:00:00Z'), sc('new', true, '2025-06-01T00:00:00Z')]);
    expect(className(claim)).toBe('new');
    const tie = pvc();
    admit(tie, [sc('zeta', true), sc('alpha', true)]);
    expect(className(tie)).toBe('alpha');
  });

  it('leaves an explicit class, even an empty one, alone', () => {
    const none = pvc({ storageClassName: '' });
    admit(none, [sc('standard', true)]);
    expect(className(none)).toBe('');
    const gold = pvc({ storageClassName: 'gold' });
    admit(gold, [sc('standard', true)]);
    expect(className(gold)).toBe('gold');
  });

  it('does nothing without a default, or on update', () => {
    const claim = pvc();
    admit(claim, [sc('slow', false)]);
    expect(className(claim)).toBeUndefined();
    admit(claim, [sc('standard', true)], { operation: 'UPDATE' });
    expect(className(claim)).toBeUndefined();
  });
});
