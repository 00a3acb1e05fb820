import { describe, expect, it } from 'vitest';
import { create, obj, update } from './testFixtures';

describe('Namespace', () => {
  it('gets the name label, Active status and kubernetes finalizer', () => {
    const ns = obj('Namespace', {}, { name: 'prod' });
    expect(create(ns)).toEqual([]);
    expect(ns).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'prod', labels: { 'kubernetes.io/metadata.name': 'prod' } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  });

  it('needs a DNS label name', () => {
    expect(create(obj('Namespace', {}, { name: 'a.b' }))).toEqual(['metadata.name: Invalid value: "a.b": must not contain dots']);
  });
});

describe('PersistentVolume', () => {
  const pv = (spec: Record<string, unknown>) => obj('PersistentVolume', { spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data' }, ...spec } });

  it('defaults reclaim policy, volume mode and Pending status', () => {
    const p = pv({});
    expect(create(p)).toEqual([]);
    expect(p.spec).toMatchObject({ persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem', hostPath: { path: '/data', type: '' } });
    expect(p.status).toEqual({ phase: 'Pending', lastPhaseTransitionTime: '2025-01-01T00:00:00Z' });
  });

  it('requires capacity, access modes and one source', () => {
    expect(create(pv({ capacity: undefined, accessModes: undefined, hostPath: undefined }))).toEqual([
      'spec.accessModes: Required value',
      'spec.capacity: Required value',
      'spec.capacity: Unsupported value: core.ResourceList(nil): supported values: "storage"',
      'spec: Required value: must specify a volume type',
    ]);
    expect(create(pv({ accessModes: ['ReadWriteSometimes'], nfs: { server: 'x', path: '/y' } }))).toEqual([
      'spec.accessModes: Unsupported value: "ReadWriteSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
      'spec.nfs: Forbidden: may not specify more than 1 volume type',
    ]);
  });

  it('keeps its source immutable', () => {
    const errs = update(pv({}), (next) => {
      (next.spec as Record<string, unknown>).hostPath = { path: '/other', type: '' };
    });
    expect(errs[0].split('\n')[0]).toBe('spec.persistentvolumesource: Forbidden: spec.persistentvolumesource is immutable after creation');
  });
});

describe('PersistentVolumeClaim', () => {
  const pvc = (spec: Record<string, unknown>) => obj('PersistentVolumeClaim', { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...spec } });

  it('defaults volumeMode and Pending status', () => {
    const c = pvc({});
    expect(create(c)).toEqual([]);
    expect((c.spec as Record<string, unknown>).volumeMode).toBe('Filesystem');
    expect(c.status).toEqual({ phase: 'Pending' });
  });

  it('requires access modes and a storage request', () => {
    expect(create(pvc({ accessModes: [], resources: {} }))).toEqual([
      'spec.accessModes: Required value: at least 1 access mode is required',
      'spec.resources[storage]: Required value',
    ]);
  });

  it('is immutable after creation except resources.requests for bound claims', () => {
    const errs = update(pvc({}), (next) => {
      (next.spec as Record<string, unknown>).accessModes = ['ReadWriteMany'];
    });
    expect(errs[0].split('\n')[0]).toBe('spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims');
    const bound = update(
      pvc({}),
      (next) => {
        (next.spec as { resources: { requests: Record<string, string> } }).resources.requests.storage = '2Gi';
      },
      (stored) => {
        stored.status = { phase: 'Bound' };
      },
    );
    expect(bound).toEqual([]);
  });
});

describe('ReplicationController', () => {
  const rc = (spec: Record<string, unknown>) =>
    obj('ReplicationController', {
      spec: { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } }, ...spec },
    });

  it('defaults replicas, selector and labels from the template', () => {
    const r = rc({});
    expect(create(r)).toEqual([]);
    expect(r.metadata.labels).toEqual({ app: 'web' });
    expect(r.spec).toMatchObject({ replicas: 1, selector: { app: 'web' }, template: { metadata: { creationTimestamp: null } } });
    expect(r.status).toEqual({ replicas: 0 });
    expect((r.spec as { template: { spec: Record<string, unknown> } }).template.spec).not.toHaveProperty('enableServiceLinks');
  });

  it('requires the selector to match and restartPolicy Always', () => {
    expect(create(rc({ selector: { app: 'api' }, replicas: -1, template: { metadata: { labels: { app: 'web' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'web', image: 'nginx' }] } } }))).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]);
  });

  it('reports template container errors with the template path', () => {
    expect(create(rc({ template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web' }] } } }))).toEqual([
      'spec.template.spec.containers[0].image: Required value',
    ]);
  });
});

describe('LimitRange and ResourceQuota', () => {
  it('defaults container limits from max and requests from limits', () => {
    const lr = obj('LimitRange', { spec: { limits: [{ type: 'Container', max: { cpu: '800m' }, min: { cpu: '200m' } }] } });
    expect(create(lr)).toEqual([]);
    expect((lr.spec as { limits: unknown[] }).limits[0]).toEqual({
      type: 'Container',
      max: { cpu: '800m' },
      min: { cpu: '200m' },
      default: { cpu: '800m' },
      defaultRequest: { cpu: '800m' },
    });
  });

  it('rejects min above max', () => {
    const errs = create(obj('LimitRange', { spec: { limits: [{ type: 'Container', max: { cpu: '100m' }, min: { cpu: '200m' } }] } }));
    expect(errs).toContain(
      'spec.limits[0].min[cpu]: Invalid value: resource.Quantity{i:resource.int64Amount{value:200, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"200m", Format:"DecimalSI"}: min value 200m is greater than max value 100m',
    );
  });

  it('checks quota resource names and integer counts', () => {
    expect(create(obj('ResourceQuota', { spec: { hard: { pods: '2', 'requests.cpu': '1' } } }))).toEqual([]);
    expect(create(obj('ResourceQuota', { spec: { hard: { widgets: '1', pods: '1.5' } } }))).toEqual([
      // Upstream prints the decoded form ({15, -1}); here defaults already wrote the canonical 1500m back.
      'spec.hard[pods]: Invalid value: resource.Quantity{i:resource.int64Amount{value:1500, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"1500m", Format:"DecimalSI"}: must be an integer',
      'spec.hard[widgets]: Invalid value: "widgets": must be a standard resource type or fully qualified',
      'spec.hard[widgets]: Invalid value: "widgets": must be a standard resource for quota',
    ]);
  });
});

describe('Endpoints, Event, ServiceAccount, Node', () => {
  it('defaults endpoint port protocols and checks addresses', () => {
    const ep = obj('Endpoints', { subsets: [{ addresses: [{ ip: '127.0.0.1' }], ports: [{ port: 80 }] }] });
    expect(create(ep)).toEqual(['subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)']);
    expect((ep as unknown as { subsets: { ports: { protocol: string }[] }[] }).subsets[0].ports[0].protocol).toBe('TCP');
  });

  it('checks that a core event lives in its object namespace', () => {
    expect(create(obj('Event', { involvedObject: { kind: 'Pod', name: 'p', namespace: 'default' }, reason: 'Started' }))).toEqual([]);
    expect(create(obj('Event', { involvedObject: { kind: 'Pod', name: 'p', namespace: 'other' } }))).toEqual([
      'involvedObject.namespace: Invalid value: "other": does not match event.namespace',
    ]);
  });

  it('validates service account names', () => {
    expect(create(obj('ServiceAccount', {}, { name: 'builder' }))).toEqual([]);
    expect(create(obj('ServiceAccount', {}, { name: 'Builder' }))[0]).toMatch(/^metadata\.name: Invalid value: "Builder"/);
  });

  it('copies node capacity to allocatable and checks taints', () => {
    const n = obj('Node', { spec: { taints: [{ key: 'k', effect: 'NoSchedule' }, { key: 'k', effect: 'NoSchedule' }] }, status: { capacity: { cpu: '4', memory: '8Gi' } } });
    expect(create(n)).toEqual([
      'metadata.taints[1]: Duplicate value: core.Taint{Key:"k", Value:"", Effect:"NoSchedule", TimeAdded:<nil>}: taints must be unique by key and effect pair',
    ]);
    expect((n.status as Record<string, unknown>).allocatable).toEqual({ cpu: '4', memory: '8Gi' });
  });
});
