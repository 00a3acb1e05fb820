import { describe, it, expect } from 'vitest';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { makeEnvironment, expandCommand } from './env';
import type { DownwardContext } from './fieldRefs';
import type { ObjectSource } from './objects';

const pod: Pod = { metadata: { name: 'p', namespace: 'ns', uid: 'u1', labels: { app: 'web' } }, spec: { nodeName: 'worker-1', serviceAccountName: 'default', containers: [] } };
const ctx: DownwardContext = { pod, hostIPs: ['172.18.0.3'], podIPs: ['10.244.1.2'], node: { cpu: 4000, memory: 8e9, pods: 110, ephemeralStorage: 1e11 } };
const objects: ObjectSource = {
  configMap: (_ns, name) => (name === 'cm' ? ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { mode: 'fast', level: '3' } } as KubeObject) : undefined),
  secret: (_ns, name) => (name === 's' ? ({ apiVersion: 'v1', kind: 'Secret', metadata: { name }, data: { pw: btoa('hunter2') } } as KubeObject) : undefined),
};

describe('makeEnvironment', () => {
  it('resolves values, refs, envFrom and $(VAR) in order', () => {
    const c: Container = {
      name: 'c',
      envFrom: [{ configMapRef: { name: 'cm' }, prefix: 'CM_' }],
      env: [
        { name: 'A', value: 'x' },
        { name: 'B', value: '$(A)-$(CM_mode)-$(NOPE)' },
        { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
        { name: 'APP', valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } },
        { name: 'IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
        { name: 'PW', valueFrom: { secretKeyRef: { name: 's', key: 'pw' } } },
        { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
        { name: 'OPT', valueFrom: { configMapKeyRef: { name: 'missing', key: 'k', optional: true } } },
      ],
      command: ['echo', '$(B)'],
    };
    const r = makeEnvironment(c, ctx, objects);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.fromEntries(r.env)).toEqual({ CM_level: '3', CM_mode: 'fast', A: 'x', B: 'x-fast-$(NOPE)', POD: 'p', APP: 'web', IP: '10.244.1.2', PW: 'hunter2', CPU: '4' });
    expect(expandCommand(c, r.env).command).toEqual(['echo', 'x-fast-$(NOPE)']);
  });
  it('fails with the kubelet messages for missing objects and keys', () => {
    expect(makeEnvironment({ name: 'c', env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'nope', key: 'k' } } }] }, ctx, objects)).toEqual({ ok: false, message: 'configmap "nope" not found' });
    expect(makeEnvironment({ name: 'c', env: [{ name: 'X', valueFrom: { configMapKeyRef: { name: 'cm', key: 'k' } } }] }, ctx, objects)).toEqual({ ok: false, message: "couldn't find key k in ConfigMap ns/cm" });
    expect(makeEnvironment({ name: 'c', env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'gone', key: 'k' } } }] }, ctx, objects)).toEqual({ ok: false, message: 'secret "gone" not found' });
    expect(makeEnvironment({ name: 'c', envFrom: [{ secretRef: { name: 'gone' } }] }, ctx, objects)).toEqual({ ok: false, message: 'secret "gone" not found' });
  });
});
