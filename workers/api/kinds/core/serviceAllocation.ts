/**
 * ClusterIP and NodePort allocation for Services, as the service REST
 * storage does in its BeginCreate/BeginUpdate hooks
 * (pkg/registry/core/service/storage/alloc.go, ipallocator, portallocator):
 * random free addresses from the service CIDR and ports from the node-port
 * range, user-chosen values checked for range and use. What is in use is
 * read from the Services that exist, so nothing leaks when they go.
 */
import type { ServicePort, ServiceSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../object';
import { invalid, type FieldError, path } from '../../validation/field';
import type { StrategyContext } from '../types';

export const SERVICE_CIDR = '10.96.0.0/12';
export const NODE_PORT_RANGE = { min: 30000, max: 32767 };
/** 10.96.0.0/12 as integers; the network address is never handed out. */
const BASE = (10 << 24) | (96 << 16);
const SIZE = 1 << 20;
/** The lower band is kept for addresses users choose (ipallocator's static range: min(max(16, size/16), 256)). */
const STATIC_BAND = 256;

export interface Random {
  int(n: number): number;
}

const ipToInt = (ip: string): number | undefined => {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
};
const intToIp = (n: number): string => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');

type Spec = ServiceSpec & { clusterIPs?: string[] };

function usedBy(ctx: StrategyContext, self: KubeObject) {
  const ips = new Set<string>();
  const ports = new Set<number>();
  for (const svc of ctx.list('services')) {
    if (svc.metadata.uid && svc.metadata.uid === self.metadata.uid) continue;
    const s = (svc.spec ?? {}) as Spec;
    for (const ip of s.clusterIPs ?? (s.clusterIP ? [s.clusterIP] : [])) ips.add(ip);
    for (const p of s.ports ?? []) if (p.nodePort) ports.add(p.nodePort);
    if (s.healthCheckNodePort) ports.add(s.healthCheckNodePort);
  }
  return { ips, ports };
}

const needsNodePorts = (s: Spec) => s.type === 'NodePort' || (s.type === 'LoadBalancer' && s.allocateLoadBalancerNodePorts !== false);

/** Allocate what a new or changed Service needs. Mutates `obj`; returns field errors instead when it cannot. */
export function allocateService(obj: KubeObject, old: KubeObject | undefined, ctx: StrategyContext, rng: Random): FieldError[] {
  const s = (obj.spec ?? {}) as Spec;
  const oldSpec = (old?.spec ?? {}) as Spec;
  const used = usedBy(ctx, old ?? obj);
  const errs: FieldError[] = [];

  if (s.type !== 'ExternalName') {
    const wanted = s.clusterIPs?.[0] ?? s.clusterIP;
    if (!wanted && oldSpec.clusterIP && oldSpec.clusterIP !== 'None') {
      s.clusterIP = oldSpec.clusterIP;
      s.clusterIPs = oldSpec.clusterIPs ?? [oldSpec.clusterIP];
    } else if (!wanted) {
      const ip = randomFreeIP(used.ips, rng);
      if (!ip) errs.push(invalid(path('spec', 'clusterIPs'), [], 'failed to allocate IP: range is full'));
      else {
        s.clusterIP = ip;
        s.clusterIPs = [ip];
      }
    } else if (wanted !== 'None' && wanted !== oldSpec.clusterIP) {
      const n = ipToInt(wanted);
      if (n === undefined || n <= BASE || n >= BASE + SIZE - 1) {
        errs.push(invalid(path('spec', 'clusterIPs'), [wanted], `failed to allocate IP ${wanted}: the provided IP (${wanted}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`));
      } else if (used.ips.has(wanted)) {
        errs.push(invalid(path('spec', 'clusterIPs'), [wanted], `failed to allocate IP ${wanted}: provided IP is already allocated`));
      } else {
        s.clusterIP = wanted;
        s.clusterIPs = [wanted];
      }
    }
  }

  if (needsNodePorts(s)) {
    const mine = new Map<string, number>();
    for (const p of oldSpec.ports ?? []) if (p.nodePort) mine.set(`${p.port}/${p.protocol ?? 'TCP'}`, p.nodePort);
    const inThisService = new Set<number>();
    (s.ports ?? []).forEach((p: ServicePort, i) => {
      const at = path('spec').child('ports').index(i).child('nodePort');
      if (!p.nodePort) {
        const kept = mine.get(`${p.port}/${p.protocol ?? 'TCP'}`);
        const port = kept ?? randomFreePort(used.ports, inThisService, rng);
        if (port === undefined) errs.push(invalid(at, 0, 'failed to allocate a nodePort: range is full'));
        else p.nodePort = port;
      } else if (![...mine.values()].includes(p.nodePort) && !inThisService.has(p.nodePort)) {
        if (p.nodePort < NODE_PORT_RANGE.min || p.nodePort > NODE_PORT_RANGE.max) {
          errs.push(invalid(at, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}`));
        } else if (used.ports.has(p.nodePort)) {
          errs.push(invalid(at, p.nodePort, 'provided port is already allocated'));
        }
      }
      if (p.nodePort) inThisService.add(p.nodePort);
    });
    if (s.type === 'LoadBalancer' && s.externalTrafficPolicy === 'Local' && !s.healthCheckNodePort) {
      s.healthCheckNodePort = oldSpec.healthCheckNodePort ?? randomFreePort(used.ports, inThisService, rng);
    }
  } else {
    // Leaving NodePort/LoadBalancer releases the ports (the strategy drops them).
    for (const p of s.ports ?? []) if (oldSpec.type && needsNodePorts(oldSpec) && p.nodePort) delete p.nodePort;
  }
  return errs;
}

function randomFreeIP(used: Set<string>, rng: Random): string | undefined {
  // Dynamic allocation starts at a random offset in the upper band and walks forward.
  const upper = SIZE - 2 - STATIC_BAND;
  const start = rng.int(upper);
  for (let k = 0; k < SIZE - 2; k++) {
    const off = k < upper ? STATIC_BAND + 1 + ((start + k) % upper) : 1 + (k - upper);
    const ip = intToIp((BASE + off) >>> 0);
    if (!used.has(ip)) return ip;
  }
  return undefined;
}

function randomFreePort(used: Set<number>, taken: Set<number>, rng: Random): number | undefined {
  const size = NODE_PORT_RANGE.max - NODE_PORT_RANGE.min + 1;
  const start = rng.int(size);
  for (let k = 0; k < size; k++) {
    const port = NODE_PORT_RANGE.min + ((start + k) % size);
    if (!used.has(port) && !taken.has(port)) return port;
  }
  return undefined;
}
