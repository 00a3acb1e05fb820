import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../api/object';
import { MemoryVolume, type LazyFile } from './memoryVolume';
import { createNodeStorage, serviceAccountToken, setUpVolumes } from './volumes';
import type { DownwardContext } from './fieldRefs';
import type { ObjectSource } from './objects';

function lazy(text: string): LazyFile & { reads: number } {
  const f = { reads: 0, text: () => (f.reads++, text) };
  return f;
}

describe('MemoryVolume', () => {
  it('writes a lazy file out on its first read only', () => {
    const token = lazy('secret-token');
    const v = new MemoryVolume(true, { token, namespace: 'default' }, true);
    expect(token.reads).toBe(0);
    expect(v.list('')).toEqual(['namespace', 'token']);
    expect(v.read('token')).toBe('secret-token');
    expect(v.read('./token')).toBe('secret-token');
    expect(token.reads).toBe(1);
    expect(v.read('namespace')).toBe('default');
    expect(v.read('missing')).toBeUndefined();
  });

  it('normalises paths as before: nested, dotted and plain names', () => {
    const v = new MemoryVolume(false, { 'a/./b': '1', '/c': '2', d: '3', '..data': '4' });
    expect(v.list('')).toEqual(['..data', 'a', 'c', 'd']);
    expect(v.list('a')).toEqual(['b']);
    expect(v.read('a/b')).toBe('1');
    expect(v.read('c')).toBe('2');
    expect(v.read('..data')).toBe('4');
    expect(v.write('e/f', '5')).toBe(true);
    expect(v.read('/e//f')).toBe('5');
  });

  it('a refresh replaces lazy content with the new one', () => {
    const v = new MemoryVolume(true, { token: lazy('old') }, true);
    v.replace({ token: lazy('new') });
    expect(v.read('token')).toBe('new');
    expect(v.size).toBe(1);
  });
});

describe('projected service-account volume', () => {
  const pod = { metadata: { name: 'p', namespace: 'team', uid: 'u-1' }, spec: { serviceAccountName: 'builder', containers: [], volumes: [{ name: 'kube-api-access', projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3607 } }, { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } }, { downwardAPI: { items: [{ path: 'namespace', fieldRef: { fieldPath: 'metadata.namespace' } }] } }] } }] } } as unknown as Pod;
  const objects: ObjectSource = {
    configMap: (_ns, name) => (name === 'kube-root-ca.crt' ? ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { 'ca.crt': 'CA' } } as KubeObject) : undefined),
    secret: () => undefined,
  };
  const ctx = { pod, hostIPs: ['172.18.0.2'], podIPs: [], node: { cpu: 1, memory: 1, pods: 1, ephemeralStorage: 1 } } as DownwardContext;
  const issued = Date.UTC(2025, 0, 1, 0, 0, 30, 500);

  it('the token file reads as the token made at mount time', () => {
    const r = setUpVolumes(pod, new Map(), objects, ctx, createNodeStorage(), 'worker-1', issued);
    expect(r.failures).toEqual([]);
    const v = r.volumes.get('kube-api-access')!;
    expect(v.list('')).toEqual(['ca.crt', 'namespace', 'token']);
    expect(v.read('ca.crt')).toBe('CA');
    expect(v.read('namespace')).toBe('team');
    const token = v.read('token')!;
    expect(token).toBe(serviceAccountToken(pod, 'worker-1', issued, 3607));
    const [header, payload, sig] = token.split('.');
    const decode = (s: string) => JSON.parse(atob(s.replace(/-/g, '+').replace(/_/g, '/')));
    expect(decode(header)).toEqual({ alg: 'RS256', kid: 'kube-playground' });
    expect(decode(payload)).toEqual({
      aud: ['https://kubernetes.default.svc.cluster.local'],
      exp: 1735689630 + 3607,
      iat: 1735689630,
      iss: 'https://kubernetes.default.svc.cluster.local',
      'kubernetes.io': { namespace: 'team', node: { name: 'worker-1' }, pod: { name: 'p', uid: 'u-1' }, serviceaccount: { name: 'builder' } },
      nbf: 1735689630,
      sub: 'system:serviceaccount:team:builder',
    });
    expect(sig).toHaveLength(86);
  });

  it('the token keeps the pod it was made for when the pod object changes after the mount', () => {
    const mutable = structuredClone(pod);
    const r = setUpVolumes(mutable, new Map(), objects, { ...ctx, pod: mutable }, createNodeStorage(), 'worker-1', issued);
    mutable.metadata!.name = 'renamed';
    expect(r.volumes.get('kube-api-access')!.read('token')).toBe(serviceAccountToken(pod, 'worker-1', issued, 3607));
  });
});
