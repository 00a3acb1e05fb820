import { describe, it, expect, beforeAll } from 'vitest';
import { createCluster, type Cluster } from '../../cluster';
import type { KubeObject } from '../object';
import type { ResourceType, StrategyContext } from '../kinds/types';
import { defaultPod } from '../kinds/core/pod';
import { copyJson } from '../json';
import { statusWriteBody, statusWriteSkipsDefaults } from './statusWrite';

const POD_TYPE = { group: '', version: 'v1', kind: 'Pod', plural: 'pods', singular: 'pod', namespaced: true, subresources: ['status', 'binding'] } as ResourceType;

const ctx: StrategyContext = {
  now: 0,
  get: (resource, _ns, name) =>
    resource === 'priorityclasses.scheduling.k8s.io' && name === 'high'
      ? ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000, preemptionPolicy: 'Never' } as KubeObject)
      : undefined,
  list: () => [],
};

/** Pods of the shapes the defaulting code branches on, each with a status. */
function pods(): KubeObject[] {
  const status = {
    phase: 'Running',
    conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:00Z' }],
    containerStatuses: [{ name: 'c', ready: true, restartCount: 0, image: 'nginx', imageID: '', state: { running: { startedAt: '2025-01-01T00:00:00Z' } } }],
    podIPs: [{ ip: '10.0.0.1' }],
  };
  const meta = { name: 'p', namespace: 'default', labels: { app: 'x' }, annotations: { a: 'b' }, uid: 'u', resourceVersion: '5' };
  const specs: Record<string, unknown>[] = [
    { containers: [{ name: 'c', image: 'nginx' }] },
    { containers: [{ name: 'c', image: 'nginx', resources: { limits: { cpu: '1', memory: '1Gi' } }, ports: [{ containerPort: 80 }] }], hostNetwork: true },
    { initContainers: [{ name: 'i', image: 'busybox', resources: { limits: { cpu: '100m' } } }], containers: [{ name: 'c', image: 'nginx' }], priorityClassName: 'high' },
    { containers: [{ name: 'c', image: 'nginx', env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] }], volumes: [{ name: 'v', emptyDir: {} }], affinity: {} },
    {},
  ];
  return specs.map((spec) => ({ apiVersion: 'v1', kind: 'Pod', metadata: structuredClone(meta), spec, status: structuredClone(status) }) as KubeObject);
}

describe('status writes of pods', () => {
  it('may skip defaulting: pod defaults never change status or metadata', () => {
    expect(statusWriteSkipsDefaults(POD_TYPE)).toBe(true);
    for (const p of pods()) {
      const defaulted = copyJson(p);
      defaultPod(defaulted, ctx);
      expect(defaulted.status).toStrictEqual(p.status);
      expect(defaulted.metadata).toStrictEqual(p.metadata);
      // The defaults did run (so the check above is not vacuous).
      expect(defaulted.spec).not.toStrictEqual(p.spec);
    }
  });

  it('other kinds keep the whole-body copy (their defaults may touch status)', () => {
    expect(statusWriteSkipsDefaults({ ...POD_TYPE, kind: 'Node', plural: 'nodes' })).toBe(false);
    expect(statusWriteSkipsDefaults({ ...POD_TYPE, group: 'example.com' })).toBe(false);
    const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, spec: { podCIDR: '10.0.0.0/24' }, status: { capacity: { cpu: '1' } } } as KubeObject;
    const copy = statusWriteBody({ ...POD_TYPE, kind: 'Node', plural: 'nodes' }, node);
    expect(copy).toStrictEqual(node);
    expect(copy.spec).not.toBe(node.spec);
  });

  it('copies what the pipeline changes or keeps, and nothing it does not', () => {
    for (const p of pods()) {
      p.metadata.managedFields = [{ manager: 'm', operation: 'Update', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': {} } }];
      const body = copyJson(p);
      const next = statusWriteBody(POD_TYPE, body);
      expect(next).toStrictEqual(p);
      expect(JSON.stringify(next)).toBe(JSON.stringify(p));
      expect(next.metadata).not.toBe(body.metadata);
      expect(next.metadata.annotations).not.toBe(body.metadata.annotations);
      expect(next.status).not.toBe(body.status);
      expect(next.metadata.managedFields).not.toBe(body.metadata.managedFields);
      // Changing the copy leaves the body alone.
      (next.status as { conditions: { status: string }[] }).conditions[0].status = 'False';
      next.metadata.annotations!.a = 'changed';
      next.metadata.managedFields![0].manager = 'other';
      expect(body).toStrictEqual(p);
    }
  });
});

describe('a pod status write through the API server', () => {
  let c: Cluster;
  const podReq = { group: '', version: 'v1', resource: 'pods', namespace: 'default', userAgent: 'kubelet/v1.32.0' } as const;
  beforeAll(async () => {
    c = await createCluster({ seed: 5, controllers: [] });
    c.clock.runUntil({ time: c.clock.now() + 5000 });
  });

  it('keeps the stored spec, takes the new status, and leaves the old revision untouched', () => {
    const created = c.request({
      ...podReq,
      verb: 'create',
      userAgent: 'test',
      body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'sw' }, spec: { containers: [{ name: 'c', image: 'nginx', resources: { limits: { cpu: '1' } } }] } },
    });
    expect(created.status).toBe(201);
    const stored = c.store.get('/registry/core/pods/default/sw')!.value;
    const frozen = structuredClone(stored);
    // The body shares its spec with the stored pod, as a kubelet's `{...pod, status}` does.
    const status = { phase: 'Running', podIP: '10.1.0.5', podIPs: [{ ip: '10.1.0.5' }], qosClass: (stored.status as { qosClass: string }).qosClass };
    const r = c.request({ ...podReq, verb: 'update', name: 'sw', subresource: 'status', body: { ...stored, spec: { ...(stored.spec as object), nodeName: 'ignored' }, status } });
    expect(r.status).toBe(200);
    const after = c.store.get('/registry/core/pods/default/sw')!.value;
    expect(after.spec).toBe(stored.spec);
    expect(after.status).toStrictEqual(status);
    expect(after.status).not.toBe(status);
    expect(stored).toStrictEqual(frozen);
    const managers = (after.metadata.managedFields ?? []).map((e) => `${e.manager}/${e.subresource ?? ''}`);
    // Sorted by operation, time, then manager name.
    expect(managers).toEqual(['kubelet/status', 'test/']);
    expect(after.metadata.managedFields![0].fieldsV1).toStrictEqual({ 'f:status': { 'f:phase': {}, 'f:podIP': {}, 'f:podIPs': { '.': {}, 'k:{"ip":"10.1.0.5"}': { '.': {}, 'f:ip': {} } } } });
    // Changing what was sent afterwards does not reach the store.
    status.podIPs[0].ip = 'x';
    expect((after.status as { podIPs: { ip: string }[] }).podIPs[0].ip).toBe('10.1.0.5');
  });

  it('shares unchanged annotations with the stored pod and keeps a new key order as sent', () => {
    c.request({ ...podReq, verb: 'create', userAgent: 'test', body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'an', annotations: { a: '1', b: '2' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } });
    const key = '/registry/core/pods/default/an';
    const stored = c.store.get(key)!.value;
    expect(c.request({ ...podReq, verb: 'update', name: 'an', subresource: 'status', body: { ...stored, status: { ...(stored.status as object), phase: 'Running' } } }).status).toBe(200);
    const same = c.store.get(key)!.value;
    expect(same.metadata.annotations).toBe(stored.metadata.annotations);
    const reordered = { b: '2', a: '1' };
    expect(c.request({ ...podReq, verb: 'update', name: 'an', subresource: 'status', body: { ...same, metadata: { ...same.metadata, annotations: reordered }, status: { ...(same.status as object), phase: 'Failed' } } }).status).toBe(200);
    const after = c.store.get(key)!.value;
    expect(Object.keys(after.metadata.annotations!)).toEqual(['b', 'a']);
    expect(after.metadata.annotations).not.toBe(reordered);
  });
});
