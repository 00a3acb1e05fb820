import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../object';
import { resourceQuota } from './resource-quota';
import { runAdmission } from './index';
import { fakeContext, newPod, podRequest, serviceAccountObj, type ContainerSpec } from './testing';
import type { AdmissionRequest } from './types';

function corpus(file: string): KubeObject[] {
  const text = readFileSync(new URL(`../../../../shared/corpus/manifests/${file}`, import.meta.url), 'utf8');
  return parseAllDocuments(text)
    .map((d) => d.toJS() as KubeObject | null)
    .filter((o): o is KubeObject => !!o)
    .map((o) => ({ ...o, metadata: { namespace: 'default', ...o.metadata } }));
}

const quota = (name: string, hard: Record<string, string>, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: { name, namespace: 'default' },
  spec: { hard, ...extra },
});

const running = (pod: KubeObject, phase = 'Running'): KubeObject => ({ ...pod, status: { phase } });

function message(r: ReturnType<typeof runAdmission>): string | undefined {
  return r.ok ? undefined : r.status.message;
}

describe('ResourceQuota with the pod-demo corpus quota (pods: 2)', () => {
  const podDemo = corpus('admin-resource__quota-pod.yaml');

  it('admits pods up to the limit', () => {
    const existing = [running(newPod('pod-1'))];
    expect(runAdmission(podRequest(newPod('pod-2'), [...podDemo, ...existing, serviceAccountObj()]))).toEqual({ ok: true });
  });

  it('refuses the third non-terminal pod with the upstream message', () => {
    const existing = [running(newPod('pod-1')), running(newPod('pod-2'))];
    const r = runAdmission(podRequest(newPod('pod-3'), [...podDemo, ...existing, serviceAccountObj()]));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.status.code).toBe(403);
      expect(r.status.reason).toBe('Forbidden');
      expect(r.status.message).toBe('pods "pod-3" is forbidden: exceeded quota: pod-demo, requested: pods=1, used: pods=2, limited: pods=2');
    }
  });

  it('does not count terminal pods, nor pods past their deletion grace period', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    const gone = running(newPod('old'));
    gone.metadata.deletionTimestamp = new Date(now - 60_000).toISOString();
    gone.metadata.deletionGracePeriodSeconds = 30;
    const stillTerminating = running(newPod('slow'));
    stillTerminating.metadata.deletionTimestamp = new Date(now + 10_000).toISOString();
    stillTerminating.metadata.deletionGracePeriodSeconds = 30;
    const objects = [...podDemo, running(newPod('done'), 'Succeeded'), running(newPod('bad'), 'Failed'), gone, stillTerminating];
    expect(resourceQuota.validate!(podRequest(newPod('new'), objects))).toEqual({ ok: true });
    const r = resourceQuota.validate!(podRequest(newPod('new2'), [...objects, running(newPod('p2'))]));
    expect(message(r)).toBe('pods "new2" is forbidden: exceeded quota: pod-demo, requested: pods=1, used: pods=2, limited: pods=2');
  });

  it('names generateName pods by their prefix', () => {
    const pod = newPod('');
    pod.metadata.generateName = 'web-7d9f-';
    delete pod.metadata.name;
    const r = resourceQuota.validate!(podRequest(pod, [...podDemo, running(newPod('a')), running(newPod('b'))]));
    expect(message(r)?.startsWith('pods "web-7d9f-" is forbidden: exceeded quota: pod-demo')).toBe(true);
  });

  it('ignores quotas of other namespaces', () => {
    const elsewhere = podDemo.map((q) => ({ ...q, metadata: { ...q.metadata, namespace: 'other' } }));
    expect(resourceQuota.validate!(podRequest(newPod('x'), [...elsewhere, running(newPod('a')), running(newPod('b'))]))).toEqual({ ok: true });
  });
});

describe('ResourceQuota compute resources', () => {
  const compute = quota('mem-cpu-demo', { 'requests.cpu': '1', 'requests.memory': '1Gi', 'limits.cpu': '2', 'limits.memory': '2Gi' });
  const full: ContainerSpec = { name: 'app', requests: { cpu: '400m', memory: '600Mi' }, limits: { cpu: '800m', memory: '800Mi' } };

  it('requires every container to declare tracked resources', () => {
    const pod = newPod('quota-mem-cpu-demo', [{ name: 'quota-mem-cpu-demo-ctr', requests: { cpu: '100m' } }, { name: 'b' }]);
    const r = resourceQuota.validate!(podRequest(pod, [compute]));
    expect(message(r)).toBe(
      'pods "quota-mem-cpu-demo" is forbidden: failed quota: mem-cpu-demo: must specify limits.cpu for: b,quota-mem-cpu-demo-ctr; limits.memory for: b,quota-mem-cpu-demo-ctr; requests.cpu for: b; requests.memory for: b,quota-mem-cpu-demo-ctr',
    );
  });

  it('admits within and refuses beyond the hard limits', () => {
    const first = running(newPod('first', [full]));
    expect(resourceQuota.validate!(podRequest(newPod('second', [{ ...full, requests: { cpu: '400m', memory: '400Mi' } }]), [compute, first]))).toEqual({
      ok: true,
    });
    const r = resourceQuota.validate!(podRequest(newPod('second', [full]), [compute, first]));
    expect(message(r)).toBe(
      'pods "second" is forbidden: exceeded quota: mem-cpu-demo, requested: requests.memory=600Mi, used: requests.memory=600Mi, limited: requests.memory=1Gi',
    );
  });

  it('lists every exceeded resource, sorted', () => {
    const first = running(newPod('first', [full]));
    const big: ContainerSpec = { name: 'app', requests: { cpu: '700m', memory: '400Mi' }, limits: { cpu: '1500m', memory: '800Mi' } };
    const r = resourceQuota.validate!(podRequest(newPod('big', [big]), [compute, first]));
    expect(message(r)).toBe(
      'pods "big" is forbidden: exceeded quota: mem-cpu-demo, requested: limits.cpu=1500m,requests.cpu=700m, used: limits.cpu=800m,requests.cpu=400m, limited: limits.cpu=2,requests.cpu=1',
    );
  });

  it('counts init containers by their peak and sidecars in full', () => {
    const q = quota('q', { 'requests.cpu': '1' });
    const pod = newPod('p', [{ name: 'app', requests: { cpu: '300m' } }]);
    (pod.spec as Record<string, unknown>).initContainers = [
      { name: 'side', image: 'x', restartPolicy: 'Always', resources: { requests: { cpu: '200m' } } },
      { name: 'init', image: 'x', resources: { requests: { cpu: '900m' } } },
    ];
    // max(300m + 200m, 900m + 200m) = 1100m
    const r = resourceQuota.validate!(podRequest(pod, [q]));
    expect(message(r)).toBe('pods "p" is forbidden: exceeded quota: q, requested: requests.cpu=1100m, used: requests.cpu=0, limited: requests.cpu=1');
  });
});

describe('ResourceQuota scopes', () => {
  it('BestEffort quotas only see best-effort pods', () => {
    const q = quota('be', { pods: '1' }, { scopes: ['BestEffort'] });
    const objects = [q, running(newPod('be-1'))];
    const burstable = newPod('burst', [{ name: 'a', requests: { cpu: '100m' } }]);
    expect(resourceQuota.validate!(podRequest(burstable, objects))).toEqual({ ok: true });
    const r = resourceQuota.validate!(podRequest(newPod('be-2'), objects));
    expect(message(r)).toBe('pods "be-2" is forbidden: exceeded quota: be, requested: pods=1, used: pods=1, limited: pods=1');
  });

  it('PriorityClass scope selectors', () => {
    const q = quota('high', { pods: '0' }, { scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['high'] }] } });
    const high = newPod('h');
    (high.spec as Record<string, unknown>).priorityClassName = 'high';
    expect(message(resourceQuota.validate!(podRequest(high, [q])))).toBe('pods "h" is forbidden: exceeded quota: high, requested: pods=1, used: pods=0, limited: pods=0');
    expect(resourceQuota.validate!(podRequest(newPod('low'), [q]))).toEqual({ ok: true });
  });
});

describe('ResourceQuota for other resources', () => {
  const req = (obj: KubeObject, resource: string, group: string, objects: KubeObject[], extra: Partial<AdmissionRequest> = {}): AdmissionRequest => ({
    operation: 'CREATE',
    group,
    version: 'v1',
    kind: obj.kind,
    resource,
    namespace: 'default',
    name: obj.metadata.name ?? '',
    object: obj,
    dryRun: false,
    ctx: fakeContext(objects),
    rng: { nameSuffix: () => 'xxxxx' },
    ...extra,
  });
  const svc = (name: string, type = 'ClusterIP', ports = 1): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'default', resourceVersion: '5' },
    spec: { type, ports: Array.from({ length: ports }, (_, i) => ({ port: 80 + i })) },
  });

  it('counts node ports of NodePort services', () => {
    const q = quota('svc', { 'services.nodeports': '0', services: '5' });
    expect(message(resourceQuota.validate!(req(svc('web', 'NodePort', 2), 'services', '', [q])))).toBe(
      'services "web" is forbidden: exceeded quota: svc, requested: services.nodeports=2, used: services.nodeports=0, limited: services.nodeports=0',
    );
    expect(resourceQuota.validate!(req(svc('web'), 'services', '', [q]))).toEqual({ ok: true });
  });

  it('charges only the difference on update', () => {
    const q = quota('svc', { 'services.nodeports': '1', services: '1' });
    const old = svc('web');
    const r = resourceQuota.validate!(req(svc('web', 'NodePort', 2), 'services', '', [q, old], { operation: 'UPDATE', oldObject: old }));
    expect(message(r)).toBe('services "web" is forbidden: exceeded quota: svc, requested: services.nodeports=2, used: services.nodeports=0, limited: services.nodeports=1');
    expect(resourceQuota.validate!(req(svc('web', 'ClusterIP', 3), 'services', '', [q, old], { operation: 'UPDATE', oldObject: old }))).toEqual({ ok: true });
  });

  it('counts configmaps under both names', () => {
    const q = quota('objects', { configmaps: '1', 'count/configmaps': '1' });
    const cm = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' } });
    expect(message(resourceQuota.validate!(req(cm('b'), 'configmaps', '', [q, cm('a')])))).toBe(
      'configmaps "b" is forbidden: exceeded quota: objects, requested: configmaps=1,count/configmaps=1, used: configmaps=1,count/configmaps=1, limited: configmaps=1,count/configmaps=1',
    );
  });

  it('counts any group resource with count/<resource>.<group>', () => {
    const q = quota('deploys', { 'count/deployments.apps': '1' });
    const d = (name: string): KubeObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name, namespace: 'default' } });
    expect(message(resourceQuota.validate!(req(d('d2'), 'deployments', 'apps', [q, d('d1')])))).toBe(
      'deployments.apps "d2" is forbidden: exceeded quota: deploys, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1',
    );
    // Object counts are charged on create only.
    expect(resourceQuota.validate!(req(d('d1'), 'deployments', 'apps', [q, d('d1')], { operation: 'UPDATE', oldObject: d('d1') }))).toEqual({ ok: true });
  });

  it('charges PVC storage per class', () => {
    const q = quota('storage', { 'requests.storage': '10Gi', 'gold.storageclass.storage.k8s.io/requests.storage': '1Gi' });
    const pvc: KubeObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', namespace: 'default' },
      spec: { storageClassName: 'gold', resources: { requests: { storage: '2Gi' } } },
    };
    expect(message(resourceQuota.validate!(req(pvc, 'persistentvolumeclaims', '', [q])))).toBe(
      'persistentvolumeclaims "data" is forbidden: exceeded quota: storage, requested: gold.storageclass.storage.k8s.io/requests.storage=2Gi, used: gold.storageclass.storage.k8s.io/requests.storage=0, limited: gold.storageclass.storage.k8s.io/requests.storage=1Gi',
    );
  });

  it('skips subresources and cluster-scoped requests', () => {
    const q = quota('pods', { pods: '0' });
    expect(resourceQuota.validate!(podRequest(newPod('x'), [q], { subresource: 'status' }))).toEqual({ ok: true });
    expect(resourceQuota.validate!(podRequest(newPod('x'), [q], { namespace: undefined }))).toEqual({ ok: true });
  });
});
