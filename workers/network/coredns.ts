/**
 * What CoreDNS answers for the cluster zone with kubeadm's Corefile
 * (`kubernetes cluster.local in-addr.arpa ip6.arpa { pods insecure }`,
 * coredns/plugin/kubernetes): services, headless endpoints, StatefulSet pod
 * hostnames, SRV records of named ports, ExternalName CNAMEs and
 * `a-b-c-d.ns.pod` names. Names outside the zone go to the node's upstream
 * resolver, which the playground has not got: NXDOMAIN.
 */
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Informer } from '../client/informer';
import type { KubeObject } from '../api/object';
import type { DnsRecord } from '../node/runtime/types';
import { dashed, isIPv4 } from './ip';

export type { DnsRecord };

export const CLUSTER_ZONE = 'cluster.local';

export type RecordType = 'A' | 'SRV' | 'CNAME';

export interface DnsAnswer {
  rcode: 'NOERROR' | 'NXDOMAIN';
  records: DnsRecord[];
}

export interface DnsSources {
  services: Informer<KubeObject>;
  slices: Informer<KubeObject>;
  namespaceExists(name: string): boolean;
  /** The EndpointSlices of a service. */
  slicesOf(namespace: string, service: string): EndpointSlice[];
}

const NX: DnsAnswer = { rcode: 'NXDOMAIN', records: [] };

interface DnsEndpoint {
  ip: string;
  host: string;
  ports: { name: string; protocol: string; port: number }[];
}

export class CoreDNS {
  constructor(private readonly src: DnsSources) {}

  /** Answer one query for a fully qualified name (trailing dot optional). */
  query(qname: string, type: RecordType = 'A', depth = 0): DnsAnswer {
    const name = qname.toLowerCase().replace(/\.$/, '');
    const suffix = `.${CLUSTER_ZONE}`;
    if (!name.endsWith(suffix)) return NX;
    const labels = name.slice(0, -suffix.length).split('.');
    const kind = labels[labels.length - 1];
    if (kind === 'pod' && labels.length === 3) return this.podRecord(name, labels[0], labels[1], type);
    if (kind !== 'svc' || labels.length < 3) return NX;
    const ns = labels[labels.length - 2];
    const svcName = labels[labels.length - 3];
    const svc = this.src.services.get(ns, svcName) as unknown as Service | undefined;
    if (!svc) return NX;
    const rest = labels.slice(0, -3);
    if (rest.length === 0) return this.serviceRecords(name, svc, type, depth);
    if (rest.length === 1) return this.endpointRecord(name, svc, rest[0], type);
    if (rest.length === 2 && rest[0].startsWith('_') && rest[1].startsWith('_')) return this.srvRecords(name, svc, rest[0].slice(1), rest[1].slice(1), type);
    return NX;
  }

  private podRecord(name: string, host: string, ns: string, type: RecordType): DnsAnswer {
    const ip = host.replace(/-/g, '.');
    if (!isIPv4(ip) || !this.src.namespaceExists(ns)) return NX;
    return { rcode: 'NOERROR', records: type === 'A' ? [{ type: 'A', name, address: ip }] : [] };
  }

  private serviceRecords(name: string, svc: Service, type: RecordType, depth: number): DnsAnswer {
    const spec = svc.spec ?? {};
    if (spec.type === 'ExternalName') {
      const target = (spec.externalName ?? '').toLowerCase().replace(/\.$/, '');
      const records: DnsRecord[] = [{ type: 'CNAME', name, target }];
      // An in-zone target is resolved by CoreDNS itself; others are left to the client.
      if (type === 'A' && depth < 8 && target.endsWith(`.${CLUSTER_ZONE}`)) records.push(...this.query(target, 'A', depth + 1).records);
      return { rcode: 'NOERROR', records };
    }
    if (type === 'SRV') return this.srvRecords(name, svc, undefined, undefined, type);
    if (type !== 'A') return { rcode: 'NOERROR', records: [] };
    if (spec.clusterIP && spec.clusterIP !== 'None') return { rcode: 'NOERROR', records: [{ type: 'A', name, address: spec.clusterIP }] };
    const eps = this.endpoints(svc);
    return { rcode: 'NOERROR', records: eps.map((e) => ({ type: 'A' as const, name, address: e.ip })) };
  }

  private endpointRecord(name: string, svc: Service, host: string, type: RecordType): DnsAnswer {
    if (svc.spec?.clusterIP !== 'None') return NX;
    const matches = this.endpoints(svc).filter((e) => e.host === host);
    if (!matches.length) return NX;
    return { rcode: 'NOERROR', records: type === 'A' ? matches.map((e) => ({ type: 'A' as const, name, address: e.ip })) : [] };
  }

  private srvRecords(name: string, svc: Service, port: string | undefined, proto: string | undefined, type: RecordType): DnsAnswer {
    if (type !== 'SRV') return { rcode: 'NOERROR', records: [] };
    const ns = svc.metadata!.namespace!;
    const base = `${svc.metadata!.name}.${ns}.svc.${CLUSTER_ZONE}`;
    const wanted = (p: { name?: string; protocol?: string }) => (port === undefined || (p.name ?? '') === port) && (proto === undefined || (p.protocol ?? 'TCP').toLowerCase() === proto);
    const found: { port: number; target: string }[] = [];
    if (svc.spec?.clusterIP && svc.spec.clusterIP !== 'None') {
      for (const p of svc.spec.ports ?? []) if (p.name && wanted(p)) found.push({ port: p.port, target: base });
    } else {
      for (const e of this.endpoints(svc)) for (const p of e.ports) if (p.name && wanted(p)) found.push({ port: p.port, target: `${e.host}.${base}` });
    }
    if (!found.length) return port === undefined ? { rcode: 'NOERROR', records: [] } : NX;
    // plugin/backend_lookup.go SRV: equal weights that add up to 100 per priority.
    const weight = Math.floor(100 / found.length);
    return { rcode: 'NOERROR', records: found.map((f) => ({ type: 'SRV' as const, name, priority: 0, weight, port: f.port, target: f.target })) };
  }

  /** Ready endpoints of a headless service, with the name CoreDNS gives each (hostname or dashed IP). */
  private endpoints(svc: Service): DnsEndpoint[] {
    const seen = new Set<string>();
    const out: DnsEndpoint[] = [];
    for (const s of this.src.slicesOf(svc.metadata!.namespace!, svc.metadata!.name!)) {
      if (s.addressType !== 'IPv4') continue;
      const ports = (s.ports ?? []).map((p) => ({ name: p.name ?? '', protocol: p.protocol ?? 'TCP', port: p.port ?? 0 }));
      for (const e of s.endpoints ?? []) {
        if (e.conditions?.ready === false) continue;
        for (const ip of e.addresses ?? []) {
          if (seen.has(ip)) continue;
          seen.add(ip);
          out.push({ ip, host: e.hostname ?? dashed(ip), ports });
        }
      }
    }
    return out;
  }
}
