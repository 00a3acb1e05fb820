import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../workers/api/object';
import { namespaceRows } from './namespaceRow';

const ns = (name: string, status?: unknown): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, uid: `u-${name}` }, status });

describe('namespaceRows', () => {
  it('prints name and phase, sorted by name', () => {
    expect(namespaceRows([ns('kube-system', { phase: 'Active' }), ns('default', { phase: 'Terminating' })])).toEqual([
      { uid: 'u-default', name: 'default', phase: 'Terminating' },
      { uid: 'u-kube-system', name: 'kube-system', phase: 'Active' },
    ]);
  });

  it('leaves the phase empty when status is missing or malformed', () => {
    expect(namespaceRows([ns('a'), ns('b', { phase: 3 }), ns('c', 'x')]).map((r) => r.phase)).toEqual(['', '', '']);
  });
});
