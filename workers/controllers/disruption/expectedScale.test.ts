import { describe, expect, it } from 'vitest';
import { expectedScale, scaledValue } from './expectedScale';
import type { KubeObject } from '../../api/object';

const pod = (name: string, owner?: { uid: string; kind?: string }): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', ownerReferences: owner ? [{ apiVersion: 'apps/v1', kind: owner.kind ?? 'ReplicaSet', name: 'x', uid: owner.uid, controller: true }] : undefined },
});

describe('expected scale', () => {
  it('rounds percentages up and rejects non-percentages', () => {
    expect(scaledValue('30%', 5)).toBe(2);
    expect(scaledValue('100%', 3)).toBe(3);
    expect(scaledValue(2, 10)).toBe(2);
    expect(scaledValue('two', 10)).toEqual({ error: 'invalid value for IntOrString: invalid type: string is not a percentage' });
  });

  it('sums each controller once and lists pods without one', () => {
    const finder = (ref: { uid: string }) => (ref.uid === 'rs1' ? { uid: 'rs1', scale: 3 } : ref.uid === 'rs2' ? { uid: 'rs2', scale: 2 } : null);
    expect(expectedScale([pod('a', { uid: 'rs1' }), pod('b', { uid: 'rs1' }), pod('c', { uid: 'rs2' }), pod('d')], [finder])).toEqual({ expected: 5, unmanaged: ['d'] });
    expect(expectedScale([pod('e', { uid: 'nobody' })], [finder])).toEqual({ error: 'found no controllers for pod "e"' });
  });
});
