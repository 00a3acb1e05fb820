import { describe, it, expect } from 'vitest';
import { admissionChain, runAdmission, runMutatingAdmission, runValidatingAdmission } from './index';
import type { AdmissionPlugin } from './types';
import { newPod, podRequest, serviceAccountObj } from './testing';
import { forbidden } from '../status';

describe('admission chain', () => {
  it('lists plugins in upstream order', () => {
    expect(admissionChain.map((p) => p.name)).toEqual([
      'LimitRanger',
      'ServiceAccount',
      'Priority',
      'DefaultTolerationSeconds',
      'DefaultStorageClass',
      'StorageObjectInUseProtection',
      'MutatingAdmissionWebhook',
      'ResourceQuota',
    ]);
  });

  it('turns a bare pod into what a v1.32 API server stores', () => {
    const pod = newPod('nginx');
    expect(runAdmission(podRequest(pod, [serviceAccountObj()]))).toEqual({ ok: true });
    expect(pod.spec).toMatchObject({
      serviceAccountName: 'default',
      serviceAccount: 'default',
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      volumes: [{ name: 'kube-api-access-abcde' }],
    });
  });

  it('runs every mutation before any validation and stops at the first refusal', () => {
    const calls: string[] = [];
    const deny = (name: string): AdmissionPlugin => ({
      name,
      mutate: () => (calls.push(`m:${name}`), { ok: true }),
      validate: () => (calls.push(`v:${name}`), { ok: false, status: forbidden({ group: '', resource: 'pods' }, 'x', name) }),
    });
    const chain = [deny('a'), deny('b')];
    const r = runAdmission(podRequest(newPod('x'), []), chain);
    expect(calls).toEqual(['m:a', 'm:b', 'v:a']);
    expect(!r.ok && r.status.message).toBe('pods "x" is forbidden: a');
    expect(runMutatingAdmission(podRequest(newPod('x'), []), chain)).toEqual({ ok: true });
    expect(runValidatingAdmission(podRequest(newPod('x'), []), []).ok).toBe(true);
  });
});
