import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../../workers/api/object';
import { conditionRows, conditionTone, statusFacts } from './conditions';

const NOW = Date.parse('2025-01-01T01:00:00Z');

describe('conditionRows', () => {
  it('lists conditions with reason, message and how long ago they changed', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      status: {
        phase: 'Pending',
        conditions: [
          { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available: 3 Insufficient cpu.', lastTransitionTime: '2025-01-01T00:55:00Z' },
          { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: null },
        ],
      },
    } as KubeObject;
    expect(conditionRows(pod, NOW)).toEqual([
      {
        type: 'PodScheduled',
        status: 'False',
        reason: 'Unschedulable',
        message: '0/3 nodes are available: 3 Insufficient cpu.',
        lastTransition: '5m',
        lastTransitionTime: '2025-01-01T00:55:00Z',
        tone: 'warn',
      },
      { type: 'Ready', status: 'True', reason: '', message: '', lastTransition: '<unknown>', lastTransitionTime: '', tone: 'ok' },
    ]);
    expect(statusFacts(pod)).toEqual([{ key: 'phase', value: 'Pending' }]);
  });

  it('knows which condition types are bad when True', () => {
    expect(conditionTone('MemoryPressure', 'False')).toBe('ok');
    expect(conditionTone('MemoryPressure', 'True')).toBe('error');
    expect(conditionTone('ReplicaFailure', 'True')).toBe('error');
    expect(conditionTone('Ready', 'False')).toBe('error');
    expect(conditionTone('Progressing', 'False')).toBe('warn');
    expect(conditionTone('Ready', 'Unknown')).toBe('neutral');
  });

  it('copes with objects without status or with malformed conditions', () => {
    expect(conditionRows({ apiVersion: 'v1', kind: 'ConfigMap', metadata: {} } as KubeObject, NOW)).toEqual([]);
    const odd = { apiVersion: 'v1', kind: 'X', metadata: {}, status: { conditions: [null, 'x', { type: 'A', status: 'True' }], nested: { a: 1 }, replicas: 3 } } as unknown as KubeObject;
    expect(conditionRows(odd, NOW).map((r) => r.type)).toEqual(['A']);
    expect(statusFacts(odd)).toEqual([{ key: 'replicas', value: '3' }]);
    expect(statusFacts({ apiVersion: 'v1', kind: 'X', metadata: {}, status: [1] } as unknown as KubeObject)).toEqual([]);
  });
});
