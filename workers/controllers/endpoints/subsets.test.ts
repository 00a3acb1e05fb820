import { describe, expect, it } from 'vitest';
import type { EndpointAddress } from 'kubernetes-types/core/v1';
import { capacityAnnotationSetCorrectly, MAX_CAPACITY, podSubset, repackSubsets, subsetsEqual, truncateSubsets } from './subsets';
import { desiredSubsets } from './controller';
import type { Pod, Service } from '../endpointslice/types';

const addr = (ip: string, uid = `uid-${ip}`): EndpointAddress => ({ ip, targetRef: { kind: 'Pod', name: ip, namespace: 'default', uid } });
const http = { name: 'http', port: 80, protocol: 'TCP' };
const metrics = { name: 'metrics', port: 9000, protocol: 'TCP' };

describe('repackSubsets', () => {
  it('merges per-pod subsets that offer the same ports, sorted by IP (as strings)', () => {
    const out = repackSubsets([podSubset(addr('10.0.0.2'), http, true), podSubset(addr('10.0.0.10'), http, true), podSubset(addr('10.0.0.3'), http, false)]);
    expect(out).toEqual([{ addresses: [addr('10.0.0.10'), addr('10.0.0.2')], notReadyAddresses: [addr('10.0.0.3')], ports: [http] }]);
  });

  it('ports offered by different sets of addresses get subsets of their own; not-ready wins for an address', () => {
    const out = repackSubsets([
      podSubset(addr('10.0.0.1'), http, true),
      podSubset(addr('10.0.0.1'), metrics, true),
      podSubset(addr('10.0.0.2'), http, true),
      podSubset(addr('10.0.0.2'), http, false),
    ]);
    expect(out).toEqual([
      { addresses: [addr('10.0.0.1')], notReadyAddresses: [addr('10.0.0.2')], ports: [http] },
      { addresses: [addr('10.0.0.1')], ports: [metrics] },
    ]);
    // The same addresses behind both ports: one subset with both.
    expect(repackSubsets([podSubset(addr('10.0.0.1'), http, true), podSubset(addr('10.0.0.1'), metrics, true)])).toEqual([{ addresses: [addr('10.0.0.1')], ports: [http, metrics] }]);
  });

  it('port-less subsets (headless without ports) are kept, and nothing gives nothing', () => {
    expect(repackSubsets([podSubset(addr('10.0.0.1'), undefined, true)])).toEqual([{ addresses: [addr('10.0.0.1')] }]);
    expect(repackSubsets([])).toEqual([]);
  });
});

describe('capacity', () => {
  const many = (n: number, from = 0) => Array.from({ length: n }, (_, i) => addr(`10.1.${Math.floor((i + from) / 250)}.${(i + from) % 250}`));

  it('cuts not-ready addresses first, and ready ones only beyond the cap', () => {
    const a = [{ addresses: many(900), notReadyAddresses: many(300, 900), ports: [http] }];
    expect(truncateSubsets(a)).toBe(true);
    expect(a[0].addresses).toHaveLength(900);
    expect(a[0].notReadyAddresses).toHaveLength(100);
    const b = [{ addresses: many(1200), notReadyAddresses: many(5, 1200), ports: [http] }];
    expect(truncateSubsets(b)).toBe(true);
    expect(b[0].addresses).toHaveLength(MAX_CAPACITY);
    expect(b[0].notReadyAddresses).toBeUndefined();
    expect(truncateSubsets([{ addresses: many(10) }])).toBe(false);
  });

  it('the over-capacity annotation must match the count', () => {
    expect(capacityAnnotationSetCorrectly(undefined, [{ addresses: many(3) }])).toBe(true);
    expect(capacityAnnotationSetCorrectly({ 'endpoints.kubernetes.io/over-capacity': 'truncated' }, [{ addresses: many(3) }])).toBe(false);
    expect(capacityAnnotationSetCorrectly(undefined, [{ addresses: many(1001) }])).toBe(false);
  });

  it('compares subsets ignoring the target resourceVersion', () => {
    const withRV = { ...addr('10.0.0.1'), targetRef: { ...addr('10.0.0.1').targetRef, resourceVersion: '7' } };
    expect(subsetsEqual([{ addresses: [withRV], ports: [http] }], [{ addresses: [addr('10.0.0.1')], ports: [http] }])).toBe(true);
    expect(subsetsEqual([{ addresses: [addr('10.0.0.1')] }], [{ notReadyAddresses: [addr('10.0.0.1')] }])).toBe(false);
    expect(subsetsEqual(undefined, [])).toBe(true);
  });
});

describe('desiredSubsets', () => {
  const svc = (spec: Record<string, unknown>): Service => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec: { clusterIP: '10.96.0.9', ipFamilies: ['IPv4'], ...spec } });
  const pod = (name: string, ip: string, ready: boolean, extra: Record<string, unknown> = {}): Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: name, ...extra },
    spec: { nodeName: 'n1', hostname: name, subdomain: 's', containers: [{ name: 'c', image: 'x', ports: [{ name: 'web', containerPort: 8080 }] }] },
    status: { phase: 'Running', podIP: ip, podIPs: [{ ip }], conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
  });

  it('hostname when the pod names this service as its subdomain; unresolvable named ports skip the pod', () => {
    const out = desiredSubsets(svc({ ports: [{ port: 80, targetPort: 'web', protocol: 'TCP' }] }), [pod('a', '10.0.0.1', true)]);
    expect(out).toEqual([{ addresses: [{ ip: '10.0.0.1', hostname: 'a', nodeName: 'n1', targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'a' } }], ports: [{ port: 8080, protocol: 'TCP' }] }]);
    expect(desiredSubsets(svc({ ports: [{ port: 80, targetPort: 'nope', protocol: 'TCP' }] }), [pod('a', '10.0.0.1', true)])).toEqual([]);
  });

  it('publishNotReadyAddresses: not-ready and terminating pods are listed as ready', () => {
    const pods = [pod('a', '10.0.0.1', false), pod('b', '10.0.0.2', true, { deletionTimestamp: '2025-01-01T00:00:00Z' })];
    const spec = { ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] };
    expect(desiredSubsets(svc(spec), pods)).toEqual([{ notReadyAddresses: [expect.objectContaining({ ip: '10.0.0.1' })], ports: [{ port: 80, protocol: 'TCP' }] }]);
    const published = desiredSubsets(svc({ ...spec, publishNotReadyAddresses: true }), pods);
    expect(published[0].addresses?.map((a) => a.ip)).toEqual(['10.0.0.1', '10.0.0.2']);
  });
});
