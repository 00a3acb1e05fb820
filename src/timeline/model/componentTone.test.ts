import { describe, it, expect } from 'vitest';
import { componentBadge, componentTone } from './componentTone';

describe('componentTone', () => {
  it('groups components into families', () => {
    expect(componentTone('scheduler')).toBe('scheduler');
    expect(componentTone('kube-scheduler')).toBe('scheduler');
    expect(componentTone('kubelet/worker-1')).toBe('kubelet');
    expect(componentTone('replicaset-controller')).toBe('controller');
    expect(componentTone('kube-apiserver')).toBe('api');
    expect(componentTone('chaos')).toBe('chaos');
    expect(componentTone('system')).toBe('system');
  });

  it('shortens badge text', () => {
    expect(componentBadge('replicaset-controller')).toBe('replicaset');
    expect(componentBadge('kubelet/worker-1')).toBe('kubelet worker-1');
    expect(componentBadge('scheduler')).toBe('scheduler');
  });
});
