import { describe, expect, it } from 'vitest';
import { createErrors, obj, prepareCreate, updateErrors } from '../apps/helpers/testing';
import { storageClassStrategy as s } from './storageClass';

const sc = (body: Record<string, unknown>) => obj('storage.k8s.io/v1', 'StorageClass', 'fast', body, undefined);

describe('StorageClass', () => {
  it('defaults reclaimPolicy and volumeBindingMode', () => {
    const o = prepareCreate(s, sc({ provisioner: 'example.com/disk' }));
    expect(o).toMatchObject({ reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' });
  });

  it('requires a provisioner and forbids parameter changes', () => {
    expect(createErrors(s, sc({}))).toEqual(['provisioner: Required value']);
    const old = prepareCreate(s, sc({ provisioner: 'example.com/disk', parameters: { type: 'ssd' } }));
    expect(updateErrors(s, sc({ provisioner: 'example.com/disk', parameters: { type: 'hdd' } }), old)).toEqual(['parameters: Forbidden: updates to parameters are forbidden.']);
  });
});
