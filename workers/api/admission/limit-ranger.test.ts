import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../object';
import { defaultLimitRangeItem, limitRanger } from './limit-ranger';
import { runAdmission } from './index';
import { newPod, podRequest, serviceAccountObj, type ContainerSpec } from './testing';

function corpus(file: string): KubeObject[] {
  const text = readFileSync(new URL(`../../../../shared/corpus/manifests/${file}`, import.meta.url), 'utf8');
  return parseAllDocuments(text)
    .map((d) => d.toJS() as KubeObject | null)
    .filter((o): o is KubeObject => !!o)
    .map((o) => ({ ...o, metadata: { namespace: 'default', ...o.metadata } }));
}

const cpuConstraints = corpus('admin-resource__cpu-constraints.yaml');

function admit(containers: ContainerSpec[], objects: KubeObject[] = cpuConstraints, name = 'constraints-cpu-demo') {
  const pod = newPod(name, containers);
  const req = podRequest(pod, [...objects, serviceAccountObj()]);
  return { pod, result: runAdmission(req) };
}

const spec = (pod: KubeObject) => pod.spec as { containers: { resources?: Record<string, Record<string, string>> }[] };

describe('LimitRanger with the cpu-min-max-demo-lr corpus LimitRange', () => {
  it('admits a container inside [200m, 800m]', () => {
    const { result } = admit([{ name: 'c', requests: { cpu: '500m' }, limits: { cpu: '800m' } }]);
    expect(result).toEqual({ ok: true });
  });

  it('gives a container with no cpu settings request = limit = max', () => {
    const { pod, result } = admit([{ name: 'constraints-cpu-demo-4-ctr' }], cpuConstraints, 'constraints-cpu-demo-4');
    expect(result.ok).toBe(true);
    expect(spec(pod).containers[0].resources).toEqual({ limits: { cpu: '800m' }, requests: { cpu: '800m' } });
    expect(pod.metadata.annotations?.['kubernetes.io/limit-ranger']).toBe(
      'LimitRanger plugin set: cpu request for container constraints-cpu-demo-4-ctr; cpu limit for container constraints-cpu-demo-4-ctr',
    );
  });

  const rejected: [string, ContainerSpec, string][] = [
    [
      'limit above max',
      { name: 'c', requests: { cpu: '500m' }, limits: { cpu: '1.5' } },
      'pods "constraints-cpu-demo" is forbidden: maximum cpu usage per Container is 800m, but limit is 1500m',
    ],
    [
      'request below min',
      { name: 'c', requests: { cpu: '100m' }, limits: { cpu: '800m' } },
      'pods "constraints-cpu-demo" is forbidden: minimum cpu usage per Container is 200m, but request is 100m',
    ],
    [
      'both',
      { name: 'c', requests: { cpu: '100m' }, limits: { cpu: '1500m' } },
      'pods "constraints-cpu-demo" is forbidden: [minimum cpu usage per Container is 200m, but request is 100m, maximum cpu usage per Container is 800m, but limit is 1500m]',
    ],
  ];
  it.each(rejected)('rejects %s with 403 Forbidden', (_, c, message) => {
    const { result } = admit([c]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.status.code).toBe(403);
      expect(result.status.reason).toBe('Forbidden');
      expect(result.status.message).toBe(message);
      expect(result.status.details).toEqual({ name: 'constraints-cpu-demo', kind: 'pods' });
    }
  });

  it('ignores LimitRanges of other namespaces and pod updates', () => {
    const other = cpuConstraints.map((o) => ({ ...o, metadata: { ...o.metadata, namespace: 'other' } }));
    expect(admit([{ name: 'c', requests: { cpu: '100m' } }], other).result.ok).toBe(true);
    const pod = newPod('p', [{ name: 'c', requests: { cpu: '100m' } }]);
    expect(limitRanger.validate!(podRequest(pod, cpuConstraints, { operation: 'UPDATE' }))).toEqual({ ok: true });
  });
});

describe('LimitRanger defaults and other limit types', () => {
  const lr = (limits: unknown[]): KubeObject => ({
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: 'lr', namespace: 'default' },
    spec: { limits },
  });

  it('applies default and defaultRequest and keeps what the container set', () => {
    const range = lr([{ type: 'Container', default: { memory: '512Mi', cpu: '1' }, defaultRequest: { memory: '256Mi', cpu: '0.5' } }]);
    const { pod, result } = admit([{ name: 'app', requests: { cpu: '250m' } }, { name: 'side' }], [range]);
    expect(result.ok).toBe(true);
    expect(spec(pod).containers[0].resources).toEqual({ requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '512Mi', cpu: '1' } });
    expect(spec(pod).containers[1].resources).toEqual({ limits: { memory: '512Mi', cpu: '1' }, requests: { memory: '256Mi', cpu: '500m' } });
    expect(pod.metadata.annotations?.['kubernetes.io/limit-ranger']).toBe(
      'LimitRanger plugin set: memory request for container app; cpu, memory limit for container app; cpu, memory request for container side; cpu, memory limit for container side',
    );
  });

  it('defaults init containers too', () => {
    const range = lr([{ type: 'Container', defaultRequest: { cpu: '100m' } }]);
    const pod = newPod('p');
    (pod.spec as Record<string, unknown>).initContainers = [{ name: 'init', image: 'busybox' }];
    limitRanger.mutate!(podRequest(pod, [range]));
    expect((pod.spec as { initContainers: { resources: unknown }[] }).initContainers[0].resources).toEqual({ requests: { cpu: '100m' } });
    expect(pod.metadata.annotations?.['kubernetes.io/limit-ranger']).toContain('cpu request for init container init');
  });

  it('reports a missing limit under max and a missing request under min', () => {
    const range = lr([{ type: 'Pod', max: { memory: '1Gi' }, min: { cpu: '100m' } }]);
    const { result } = admit([{ name: 'a' }], [range]);
    expect(!result.ok && result.status.message).toBe(
      'pods "constraints-cpu-demo" is forbidden: [minimum cpu usage per Pod is 100m.  No request is specified, maximum memory usage per Pod is 1Gi.  No limit is specified]',
    );
  });

  it('sums containers for type Pod', () => {
    const range = lr([{ type: 'Pod', max: { cpu: '1' } }]);
    const { result } = admit(
      [
        { name: 'a', requests: { cpu: '600m' }, limits: { cpu: '600m' } },
        { name: 'b', requests: { cpu: '600m' }, limits: { cpu: '600m' } },
      ],
      [range],
    );
    expect(!result.ok && result.status.message).toBe('pods "constraints-cpu-demo" is forbidden: maximum cpu usage per Pod is 1, but limit is 1200m');
  });

  it('enforces maxLimitRequestRatio with Go %f formatting', () => {
    const range = lr([{ type: 'Container', maxLimitRequestRatio: { memory: '2' } }]);
    const { result } = admit([{ name: 'a', requests: { memory: '100Mi' }, limits: { memory: '300Mi' } }], [range]);
    expect(!result.ok && result.status.message).toBe(
      'pods "constraints-cpu-demo" is forbidden: memory max limit to request ratio per Container is 2, but provided ratio is 3.000000',
    );
  });

  it('checks PVC storage requests', () => {
    const range = lr([{ type: 'PersistentVolumeClaim', min: { storage: '1Gi' }, max: { storage: '2Gi' } }]);
    const pvc: KubeObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', namespace: 'default' },
      spec: { resources: { requests: { storage: '5Gi' } } },
    };
    const req = podRequest(pvc, [range], { kind: 'PersistentVolumeClaim', resource: 'persistentvolumeclaims' });
    const r = limitRanger.validate!(req);
    expect(!r.ok && r.status.message).toBe(
      'persistentvolumeclaims "data" is forbidden: maximum storage usage per PersistentVolumeClaim is 2Gi, but request is 5Gi',
    );
  });

  it('defaultLimitRangeItem mirrors SetDefaults_LimitRangeItem', () => {
    const item: Record<string, unknown> = { type: 'Container', max: { cpu: '800m' }, min: { cpu: '200m', memory: '1Mi' } };
    defaultLimitRangeItem(item);
    expect(item).toEqual({
      type: 'Container',
      max: { cpu: '800m' },
      min: { cpu: '200m', memory: '1Mi' },
      default: { cpu: '800m' },
      defaultRequest: { cpu: '800m', memory: '1Mi' },
    });
    const podItem: Record<string, unknown> = { type: 'Pod', max: { cpu: '1' } };
    defaultLimitRangeItem(podItem);
    expect(podItem).toEqual({ type: 'Pod', max: { cpu: '1' } });
  });

  it('skips unparseable quantities instead of throwing', () => {
    const range = lr([{ type: 'Container', max: { cpu: 'lots' } }]);
    expect(admit([{ name: 'a', limits: { cpu: 'abc' } }], [range]).result.ok).toBe(true);
  });
});
