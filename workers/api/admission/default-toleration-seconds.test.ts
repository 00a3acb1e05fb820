import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../object';
import { defaultTolerationSeconds } from './default-toleration-seconds';
import { newPod, podRequest } from './testing';

const tolerations = (p: KubeObject) => (p.spec as { tolerations?: unknown[] }).tolerations;

describe('DefaultTolerationSeconds', () => {
  it('adds the not-ready and unreachable tolerations for 300s', () => {
    const pod = newPod('p');
    expect(defaultTolerationSeconds.mutate!(podRequest(pod, []))).toEqual({ ok: true });
    expect(tolerations(pod)).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
  });

  it('keeps a toleration the pod already has for one of them', () => {
    const pod = newPod('p');
    const own = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 6000 };
    (pod.spec as Record<string, unknown>).tolerations = [own];
    defaultTolerationSeconds.mutate!(podRequest(pod, []));
    expect(tolerations(pod)).toEqual([own, { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }]);
  });

  it('adds nothing when a wildcard toleration covers both', () => {
    const pod = newPod('p');
    (pod.spec as Record<string, unknown>).tolerations = [{ operator: 'Exists' }];
    defaultTolerationSeconds.mutate!(podRequest(pod, []));
    expect(tolerations(pod)).toEqual([{ operator: 'Exists' }]);
  });

  it('a NoSchedule toleration does not count', () => {
    const pod = newPod('p');
    (pod.spec as Record<string, unknown>).tolerations = [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' }];
    defaultTolerationSeconds.mutate!(podRequest(pod, []));
    expect(tolerations(pod)).toHaveLength(3);
  });

  it('skips subresources and other resources', () => {
    const pod = newPod('p');
    defaultTolerationSeconds.mutate!(podRequest(pod, [], { subresource: 'binding' }));
    defaultTolerationSeconds.mutate!(podRequest(pod, [], { resource: 'configmaps', kind: 'ConfigMap' }));
    expect(tolerations(pod)).toBeUndefined();
  });
});
