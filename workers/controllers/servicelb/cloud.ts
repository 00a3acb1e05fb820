/**
 * The playground's simulated cloud: a LoadBalancer implementation
 * (staging/src/k8s.io/cloud-provider/cloud.go LoadBalancer interface) that
 * hands out public IPs from one pool and remembers which nodes each load
 * balancer sends traffic to.
 *
 * The pool is 172.18.255.200–172.18.255.250: the tail of kind's docker
 * network (nodes are 172.18.0.x), the range kind's LoadBalancer guide gives
 * MetalLB (https://kind.sigs.k8s.io/docs/user/loadbalancer/).
 */
import type { Service } from '../endpointslice/types';

export const LB_POOL_FIRST = '172.18.255.200';
export const LB_POOL_LAST = '172.18.255.250';
export const LB_POOL_RANGE = `${LB_POOL_FIRST}-${LB_POOL_LAST}`;

export interface LoadBalancerIngress {
  ip: string;
  ipMode: 'VIP';
}

export interface LoadBalancerStatus {
  ingress?: LoadBalancerIngress[];
}

export interface CloudLoadBalancer {
  name: string;
  /** namespace/name of the service it serves. */
  service: string;
  ip: string;
  /** Node names traffic is sent to (their node ports). */
  hosts: string[];
}

export type EnsureResult = { ok: true; status: LoadBalancerStatus } | { ok: false; error: string };

const toNum = (ip: string) => ip.split('.').reduce((n, x) => n * 256 + Number(x), 0);
const toIP = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');

/** cloudprovider.DefaultLoadBalancerName: "a" + the service UID without dashes, at most 32 characters. */
export function loadBalancerName(svc: Service): string {
  return `a${(svc.metadata.uid ?? '').replace(/-/g, '')}`.slice(0, 32);
}

export class SimulatedCloud {
  private readonly byName = new Map<string, CloudLoadBalancer>();
  private readonly first = toNum(LB_POOL_FIRST);
  private readonly last = toNum(LB_POOL_LAST);

  /** GetLoadBalancer. */
  get(svc: Service): CloudLoadBalancer | undefined {
    return this.byName.get(loadBalancerName(svc));
  }

  /** Every load balancer, for the network to route to. */
  list(): CloudLoadBalancer[] {
    return [...this.byName.values()];
  }

  /**
   * EnsureLoadBalancer: create or update the service's load balancer. A
   * requested `spec.loadBalancerIP` is honoured when it is in the pool and
   * free; otherwise the lowest free address is used.
   */
  ensure(svc: Service, hosts: string[]): EnsureResult {
    const name = loadBalancerName(svc);
    const service = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const existing = this.byName.get(name);
    const wanted = svc.spec?.loadBalancerIP;
    if (existing && (!wanted || wanted === existing.ip)) {
      this.byName.set(name, { ...existing, hosts });
      return { ok: true, status: statusOf(existing.ip) };
    }
    const ip = wanted ? this.requested(wanted, name) : this.lowestFree();
    if (typeof ip !== 'string') return { ok: false, error: ip.error };
    this.byName.set(name, { name, service, ip, hosts });
    return { ok: true, status: statusOf(ip) };
  }

  /** UpdateLoadBalancer: new backends. */
  updateHosts(svc: Service, hosts: string[]): void {
    const lb = this.byName.get(loadBalancerName(svc));
    if (lb) this.byName.set(lb.name, { ...lb, hosts });
  }

  /** EnsureLoadBalancerDeleted: the address goes back to the pool. */
  ensureDeleted(svc: Service): void {
    this.byName.delete(loadBalancerName(svc));
  }

  private inUse(ip: string, except?: string): boolean {
    for (const lb of this.byName.values()) if (lb.ip === ip && lb.name !== except) return true;
    return false;
  }

  private requested(ip: string, name: string): string | { error: string } {
    const n = /^\d{1,3}(\.\d{1,3}){3}$/.test(ip) ? toNum(ip) : NaN;
    if (!(n >= this.first && n <= this.last)) return { error: `requested IP "${ip}" is not in the load balancer pool ${LB_POOL_RANGE}` };
    if (this.inUse(ip, name)) return { error: `requested IP "${ip}" is already allocated to another load balancer` };
    return ip;
  }

  private lowestFree(): string | { error: string } {
    for (let n = this.first; n <= this.last; n++) {
      const ip = toIP(n);
      if (!this.inUse(ip)) return ip;
    }
    return { error: `no available IPs in the load balancer pool ${LB_POOL_RANGE}` };
  }
}

function statusOf(ip: string): LoadBalancerStatus {
  return { ingress: [{ ip, ipMode: 'VIP' }] };
}
