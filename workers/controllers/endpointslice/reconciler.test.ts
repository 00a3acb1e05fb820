import { describe, expect, it } from 'vitest';
import { reconcile, addressTypesFor } from './reconciler';
import { endpointPorts, portMapKey } from './endpoint';
import { findPort, podEndpointsChanged, shouldPodBeInEndpoints } from './podUtil';
import { formatRFC3339Nano, TriggerTimeTracker } from './triggerTime';
import { aggregateMessage } from './errors';
import { CONTROLLER_NAME, slicePrefix } from './sliceMeta';
import type { EndpointSlice, Node, Pod, Service } from './types';

const svc = (spec: Record<string, unknown> = {}, uid = 'svc-uid'): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default', uid, creationTimestamp: '2025-01-01T00:00:00Z' },
  spec: { clusterIP: '10.96.0.50', ipFamilies: ['IPv4'], selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }], ...spec },
});

const pod = (name: string, extra: { ip?: string; ready?: boolean; node?: string; deleting?: boolean; phase?: string; ports?: unknown[]; readyAt?: string } = {}): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', uid: `uid-${name}`, labels: { app: 'web' }, ...(extra.deleting ? { deletionTimestamp: '2025-01-01T00:01:00Z' } : {}) },
  spec: { nodeName: extra.node ?? 'worker-1', containers: [{ name: 'c', image: 'nginx', ports: (extra.ports ?? []) as never }] },
  status: {
    phase: extra.phase ?? 'Running',
    ...(extra.ip === '' ? {} : { podIP: extra.ip ?? '10.244.1.2', podIPs: [{ ip: extra.ip ?? '10.244.1.2' }] }),
    conditions: [{ type: 'Ready', status: extra.ready === false ? 'False' : 'True', lastTransitionTime: extra.readyAt ?? '2025-01-01T00:00:05Z' }],
  },
});

const node: Node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1', labels: { 'topology.kubernetes.io/zone': 'zone-b' } } };
const nodes = (n: string) => (n === 'worker-1' ? node : undefined);
const plan = (service: Service, pods: Pod[], slices: EndpointSlice[] = [], max?: number) =>
  reconcile({ service, pods, slices, node: nodes, controllerName: CONTROLLER_NAME, maxEndpointsPerSlice: max });

/** What the API would store for a planned create. */
function stored(s: EndpointSlice, name: string): EndpointSlice {
  return { ...s, metadata: { ...s.metadata, name, resourceVersion: '1' } };
}

describe('reconcile', () => {
  it('a service with no pods gets one empty placeholder slice, and keeps it', () => {
    const p = plan(svc(), []);
    expect(p.create).toHaveLength(1);
    expect(p.create[0].endpoints).toEqual([]);
    expect(p.create[0].ports).toEqual([]);
    expect(plan(svc(), [], [stored(p.create[0], 'web-aaaaa')])).toEqual({ create: [], update: [], delete: [], errors: [] });
  });

  it('when endpoints appear, the placeholder is reused (updated), not replaced', () => {
    const placeholder = stored(plan(svc(), []).create[0], 'web-aaaaa');
    const p = plan(svc(), [pod('a')], [placeholder]);
    expect(p.create).toEqual([]);
    expect(p.delete).toEqual([]);
    expect(p.update).toHaveLength(1);
    expect(p.update[0].metadata.name).toBe('web-aaaaa');
    expect(p.update[0].endpoints).toHaveLength(1);
    expect(p.update[0].ports).toEqual([{ name: '', protocol: 'TCP', port: 80 }]);
  });

  it('leaves out pods without an IP and finished pods; keeps terminating ones', () => {
    const p = plan(svc(), [pod('noip', { ip: '' }), pod('done', { phase: 'Succeeded' }), pod('bye', { deleting: true })]);
    const eps = p.create.flatMap((s) => s.endpoints ?? []);
    expect(eps.map((e) => e.targetRef?.name)).toEqual(['bye']);
    expect(eps[0].conditions).toEqual({ ready: false, serving: true, terminating: true });
    expect(eps[0].zone).toBe('zone-b');
  });

  it('splits more endpoints than fit into several slices', () => {
    const many = Array.from({ length: 7 }, (_, i) => pod(`p${i}`, { ip: `10.244.1.${i + 10}` }));
    const p = plan(svc(), many, [], 3);
    expect(p.create.map((s) => s.endpoints!.length)).toEqual([3, 3, 1]);
  });

  it('an unchanged slice is not written again', () => {
    const first = plan(svc(), [pod('a')]).create[0];
    expect(plan(svc(), [pod('a')], [stored(first, 'web-aaaaa')])).toEqual({ create: [], update: [], delete: [], errors: [] });
  });

  it('deletes slices of an older service with the same name and of address types no longer served', () => {
    const old = stored(plan(svc({}, 'old-uid'), [pod('a')]).create[0], 'web-old11');
    const v6 = { ...stored(plan(svc(), [pod('a')]).create[0], 'web-v6v6v'), addressType: 'IPv6' };
    const p = plan(svc(), [pod('a')], [old, v6]);
    expect(p.delete.map((s) => s.metadata.name).sort()).toEqual(['web-old11', 'web-v6v6v']);
    expect(p.create).toHaveLength(1);
  });

  it('a pod on an unknown node is an error unless not-ready addresses are published', () => {
    expect(plan(svc(), [pod('a', { node: 'gone' })]).errors).toEqual(['skipping Pod a for Service default/web: Node gone Not Found']);
    const p = plan(svc({ publishNotReadyAddresses: true }), [pod('a', { node: 'gone', ready: false })]);
    expect(p.errors).toEqual([]);
    expect(p.create[0].endpoints![0].conditions?.ready).toBe(true);
    expect(p.create[0].endpoints![0].zone).toBeUndefined();
  });

  it('address types follow ipFamilies, else the clusterIP, else both', () => {
    expect(addressTypesFor(svc({ ipFamilies: ['IPv6', 'IPv4'] }))).toEqual(['IPv6', 'IPv4']);
    expect(addressTypesFor(svc({ ipFamilies: undefined, clusterIP: 'fd00::1' }))).toEqual(['IPv6']);
    expect(addressTypesFor(svc({ ipFamilies: undefined, clusterIP: 'None' }))).toEqual(['IPv4', 'IPv6']);
  });
});

describe('ports', () => {
  it('named targetPorts need the same protocol; sidecars count, plain init containers do not', () => {
    const p = pod('a', { ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }] });
    expect(findPort(p, { port: 53, targetPort: 'dns', protocol: 'UDP' })).toBe(53);
    expect(findPort(p, { port: 53, targetPort: 'dns', protocol: 'TCP' })).toBeUndefined();
    expect(findPort(p, { port: 53, targetPort: 'nope' })).toBeUndefined();
    const withInit = { ...p, spec: { ...p.spec!, initContainers: [{ name: 'side', image: 'x', restartPolicy: 'Always', ports: [{ name: 'm', containerPort: 9000 }] }, { name: 'init', image: 'x', ports: [{ name: 'i', containerPort: 9001 }] }] } };
    expect(findPort(withInit, { port: 1, targetPort: 'm', protocol: 'TCP' })).toBe(9000);
    expect(findPort(withInit, { port: 1, targetPort: 'i', protocol: 'TCP' })).toBeUndefined();
  });

  it('a headless service without ports resolves to none; port groups ignore order', () => {
    expect(endpointPorts(svc({ clusterIP: 'None', ports: [] }), pod('a'))).toEqual([]);
    const a = { name: 'a', protocol: 'TCP', port: 1 };
    const b = { name: 'b', protocol: 'TCP', port: 2 };
    expect(portMapKey([a, b])).toBe(portMapKey([b, a]));
    expect(portMapKey([a])).not.toBe(portMapKey([b]));
    expect(portMapKey(null)).toBe(portMapKey([]));
  });
});

describe('pod changes', () => {
  it('readiness, IP and deletion changes matter; a label change alone is reported apart', () => {
    const a = pod('a');
    expect(podEndpointsChanged(a, pod('a', { ready: false }))).toEqual([true, false]);
    expect(podEndpointsChanged(a, pod('a', { ip: '10.244.1.99' }))).toEqual([true, false]);
    expect(podEndpointsChanged(a, { ...a, metadata: { ...a.metadata, labels: { app: 'other' } } })).toEqual([false, true]);
    expect(podEndpointsChanged(a, { ...a, metadata: { ...a.metadata, annotations: { x: 'y' } } })).toEqual([false, false]);
    expect(shouldPodBeInEndpoints(pod('b', { deleting: true }), false)).toBe(false);
    expect(shouldPodBeInEndpoints(pod('b', { phase: 'Failed' }), true)).toBe(false);
  });
});

describe('trigger time', () => {
  it('first sync: service creation; then the earliest readiness change since the last sync; none when nothing changed', () => {
    const t = new TriggerTimeTracker();
    const s = svc();
    expect(formatRFC3339Nano(t.compute('default', s, [pod('a')]))).toBe('2025-01-01T00:00:00Z');
    expect(t.compute('default', s, [pod('a')])).toBe(0);
    const changed = t.compute('default', s, [pod('a', { readyAt: '2025-01-01T00:00:09Z' }), pod('b', { readyAt: '2025-01-01T00:00:07Z' })]);
    expect(formatRFC3339Nano(changed)).toBe('2025-01-01T00:00:07Z');
    t.deleteService('default', 'web');
    expect(formatRFC3339Nano(t.compute('default', s, []))).toBe('2025-01-01T00:00:00Z');
  });

  it('RFC3339Nano drops trailing zeros of the fraction', () => {
    expect(formatRFC3339Nano(Date.UTC(2025, 0, 1, 0, 0, 1, 500))).toBe('2025-01-01T00:00:01.5Z');
  });
});

describe('misc', () => {
  it('aggregates errors as apimachinery does', () => {
    expect(aggregateMessage(['a'])).toBe('a');
    expect(aggregateMessage(['a', 'b', 'a'])).toBe('[a, b]');
  });

  it('slice names are <service>- plus a suffix', () => {
    expect(slicePrefix('web')).toBe('web-');
  });
});
