import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../object';
import { serviceAccount } from './service-account';
import { newPod, podRequest, serviceAccountObj } from './testing';

type Spec = {
  serviceAccountName?: string;
  serviceAccount?: string;
  volumes?: Record<string, unknown>[];
  containers: { volumeMounts?: Record<string, unknown>[] }[];
  initContainers?: { volumeMounts?: Record<string, unknown>[] }[];
  imagePullSecrets?: { name: string }[];
  automountServiceAccountToken?: boolean;
};
const spec = (p: KubeObject) => p.spec as Spec;

const MOUNT = { name: 'kube-api-access-abcde', readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' };

describe('ServiceAccount admission', () => {
  it('defaults the account and projects the v1.32 token volume into every container', () => {
    const pod = newPod('web', [{ name: 'a' }, { name: 'b' }]);
    (pod.spec as Record<string, unknown>).initContainers = [{ name: 'init', image: 'busybox' }];
    const r = serviceAccount.mutate!(podRequest(pod, [serviceAccountObj()]));
    expect(r).toEqual({ ok: true });
    const s = spec(pod);
    expect(s.serviceAccountName).toBe('default');
    expect(s.serviceAccount).toBe('default');
    expect(s.volumes).toEqual([
      {
        name: 'kube-api-access-abcde',
        projected: {
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
          ],
          defaultMode: 420,
        },
      },
    ]);
    expect(s.containers.map((c) => c.volumeMounts)).toEqual([[MOUNT], [MOUNT]]);
    expect(s.initContainers![0].volumeMounts).toEqual([MOUNT]);
  });

  it('refuses a pod whose service account does not exist', () => {
    const pod = newPod('web');
    (pod.spec as Record<string, unknown>).serviceAccountName = 'builder';
    const r = serviceAccount.mutate!(podRequest(pod, [serviceAccountObj()]));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.status.code).toBe(403);
      expect(r.status.message).toBe('pods "web" is forbidden: error looking up service account default/builder: serviceaccount "builder" not found');
    }
  });

  it('refuses when even the default account is missing (the controller has not made it yet)', () => {
    const r = serviceAccount.mutate!(podRequest(newPod('web'), []));
    expect(!r.ok && r.status.message).toBe('pods "web" is forbidden: error looking up service account default/default: serviceaccount "default" not found');
  });

  it('reads the deprecated serviceAccount field', () => {
    const pod = newPod('web');
    (pod.spec as Record<string, unknown>).serviceAccount = 'builder';
    expect(serviceAccount.mutate!(podRequest(pod, [serviceAccountObj('builder')]))).toEqual({ ok: true });
    expect(spec(pod).serviceAccountName).toBe('builder');
  });

  it('honours automountServiceAccountToken: pod first, then account', () => {
    const optOut = newPod('a');
    (optOut.spec as Record<string, unknown>).automountServiceAccountToken = false;
    serviceAccount.mutate!(podRequest(optOut, [serviceAccountObj()]));
    expect(spec(optOut).volumes).toBeUndefined();
    expect(spec(optOut).containers[0].volumeMounts).toBeUndefined();

    const saOptOut = newPod('b');
    serviceAccount.mutate!(podRequest(saOptOut, [serviceAccountObj('default', 'default', { automountServiceAccountToken: false })]));
    expect(spec(saOptOut).volumes).toBeUndefined();

    const podWins = newPod('c');
    (podWins.spec as Record<string, unknown>).automountServiceAccountToken = true;
    serviceAccount.mutate!(podRequest(podWins, [serviceAccountObj('default', 'default', { automountServiceAccountToken: false })]));
    expect(spec(podWins).volumes).toHaveLength(1);
  });

  it('leaves containers that already mount the token path alone', () => {
    const pod = newPod('web', [{ name: 'a' }, { name: 'b' }]);
    const custom = { name: 'mine', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' };
    spec(pod).containers[0].volumeMounts = [custom];
    serviceAccount.mutate!(podRequest(pod, [serviceAccountObj()]));
    expect(spec(pod).containers[0].volumeMounts).toEqual([custom]);
    expect(spec(pod).containers[1].volumeMounts).toEqual([MOUNT]);
    expect(spec(pod).volumes).toHaveLength(1);
  });

  it('copies imagePullSecrets from the account when the pod has none', () => {
    const pod = newPod('web');
    serviceAccount.mutate!(podRequest(pod, [serviceAccountObj('default', 'default', { imagePullSecrets: [{ name: 'regcred' }] })]));
    expect(spec(pod).imagePullSecrets).toEqual([{ name: 'regcred' }]);
  });

  it('enforces mountable secrets when the account asks for it', () => {
    const sa = serviceAccountObj('default', 'default', { secrets: [{ name: 'allowed' }] });
    sa.metadata.annotations = { 'kubernetes.io/enforce-mountable-secrets': 'true' };
    const pod = newPod('web');
    (pod.spec as Record<string, unknown>).volumes = [{ name: 'v', secret: { secretName: 'other' } }];
    const r = serviceAccount.mutate!(podRequest(pod, [sa]));
    expect(!r.ok && r.status.message).toBe(
      'pods "web" is forbidden: volume with secret.secretName="other" is not allowed because service account default does not reference that secret',
    );
  });

  it('only acts on pod creation', () => {
    const pod = newPod('web');
    expect(serviceAccount.mutate!(podRequest(pod, [], { operation: 'UPDATE' }))).toEqual({ ok: true });
    expect(spec(pod).serviceAccountName).toBeUndefined();
    expect(serviceAccount.mutate!(podRequest(pod, [], { subresource: 'status' }))).toEqual({ ok: true });
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' } };
    expect(serviceAccount.mutate!(podRequest(cm, [], { kind: 'ConfigMap', resource: 'configmaps' }))).toEqual({ ok: true });
  });

  it('keeps mirror pods away from service accounts', () => {
    const pod = newPod('static-web');
    pod.metadata.annotations = { 'kubernetes.io/config.mirror': 'abc' };
    expect(serviceAccount.mutate!(podRequest(pod, []))).toEqual({ ok: true });
    expect(spec(pod).serviceAccountName).toBeUndefined();
    (pod.spec as Record<string, unknown>).serviceAccountName = 'default';
    const r = serviceAccount.mutate!(podRequest(pod, []));
    expect(!r.ok && r.status.message).toBe('pods "static-web" is forbidden: a mirror pod may not reference service accounts');
  });
});
