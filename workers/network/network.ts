/**
 * The virtual network: kube-proxy on every node, CoreDNS, routing with
 * traces, NetworkPolicy, and the service environment variables. Containers
 * reach it through the kubelet's `network(nodeName, podIP)` hook.
 */
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { ComponentContext } from '../controllers/context';
import type { Kubelet } from '../node/kubelet/kubelet';
import type { ContainerNetwork } from '../node/runtime/types';
import { resolvConf } from '../node/kubelet/dns';
import { startKubeProxies, type KubeProxies } from '../node/kubeproxy';
import type { Proto } from '../node/kubeproxy/chainNames';
import { SERVICE_NAME_LABEL } from '../node/kubeproxy/serviceTracker';
import { CoreDNS, type DnsRecord, type RecordType } from './coredns';
import { isIPv4 } from './ip';
import { PodIndex } from './podIndex';
import { PolicyEngine } from './policy';
import { candidateNames, parseResolvConf } from './resolver';
import { Router, listenerOn, type Client } from './router';
import { serviceEnv } from './serviceEnv';
import { TraceLog, type Hop, type Outcome, type Trace } from './trace';

export interface NetworkDeps {
  /** The kubelet of a node (its pods' processes answer connections). */
  kubelet(nodeName: string): Kubelet | undefined;
  /** Rules only on nodes whose kube-proxy pod runs (default true). */
  requireKubeProxyPod?: boolean;
}

export interface LookupResult {
  status: 'ok' | 'nxdomain' | 'timeout' | 'refused';
  server?: string;
  /** The name that answered (search path applied). */
  name: string;
  records: DnsRecord[];
}

export interface HttpRequest {
  method: string;
  ip: string;
  port: number;
  path: string;
  host: string;
  headers?: Record<string, string>;
  body?: string;
  /** How long the client waits (for the trace); the tool's own default when absent. */
  timeoutMs?: number;
}

export type HttpResult = { status: number; body: string; headers?: Record<string, string> } | { error: 'refused' | 'timeout' | 'unreachable' };

export class Network {
  readonly index: PodIndex;
  readonly proxies: KubeProxies;
  readonly dns: CoreDNS;
  readonly policy: PolicyEngine;
  private readonly router: Router;
  private readonly log = new TraceLog();
  /** A lookup made on the way to a connection, joined to the connection's trace. */
  private readonly pendingDns = new Map<string, { name: string; trace: Trace }>();
  /** Nodes cut off from the network (chaos). */
  private readonly partitions = new Set<string>();

  constructor(
    private readonly ctx: ComponentContext,
    private readonly deps: NetworkDeps,
  ) {
    this.index = new PodIndex(ctx.informers);
    const gate = deps.requireKubeProxyPod ?? true;
    this.proxies = startKubeProxies(ctx, { running: gate ? (n) => this.index.kubeProxyRunning(n) : undefined });
    this.index.onKubeProxyChange((n) => this.proxies.poke(n));
    const tracker = this.proxies.tracker;
    this.dns = new CoreDNS({
      services: tracker.services,
      slices: tracker.slices,
      namespaceExists: (n) => this.index.namespaces.get(undefined, n) !== undefined,
      slicesOf: (ns, svc) => tracker.slices.list(ns).filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === svc) as unknown as EndpointSlice[],
    });
    const policies = ctx.informers.for({ group: 'networking.k8s.io', version: 'v1', resource: 'networkpolicies' });
    policies.start();
    this.policy = new PolicyEngine({ policies, namespaceLabels: (n) => this.index.namespaceLabels(n) });
    this.router = new Router({ clock: ctx.clock, rng: ctx.rng.fork(), index: this.index, proxies: this.proxies, policy: this.policy, kubelet: (n) => deps.kubelet(n), partitioned: (n) => this.partitions.has(n) });
  }

  /** The client a container at podIP on nodeName is: its pod, or the node for host-network containers. */
  clientFor(nodeName: string, podIP: string): Client {
    const pod = this.index.podByIP(podIP);
    if (pod && pod.spec?.nodeName === nodeName) return { ip: podIP, node: nodeName, pod, label: `${pod.metadata!.namespace}/${pod.metadata!.name}` };
    return { ip: podIP, node: nodeName, label: `node/${nodeName}` };
  }

  /** The network as the containers at podIP on nodeName reach it (one small handle, methods shared by all). */
  networkFor(nodeName: string, podIP: string): PodNetwork {
    return new PodNetwork(this, nodeName, podIP);
  }

  private flushPending(clientIP: string): void {
    const p = this.pendingDns.get(clientIP);
    if (p) {
      this.log.add(p.trace);
      this.pendingDns.delete(clientIP);
    }
  }

  /** A lookup through the client's resolv.conf; `pending` keeps its trace for the connection that follows. */
  resolveFor(client: Client, name: string, type: RecordType, pending: boolean): LookupResult {
    this.flushPending(client.ip);
    const hops: Hop[] = [];
    const trace: Trace = { id: this.log.newId(), time: this.ctx.clock.now(), from: client.label, request: `${type} ${name}`, outcome: 'ok', hops };
    const r = this.lookup(client, name, type, hops);
    trace.outcome = r.status === 'ok' ? 'ok' : r.status === 'nxdomain' ? 'nxdomain' : r.status === 'refused' ? 'refused' : 'timeout';
    if (pending && !isIPv4(name)) this.pendingDns.set(client.ip, { name, trace });
    else this.log.add(trace);
    return r;
  }

  private lookup(client: Client, name: string, type: RecordType, hops: Hop[]): LookupResult {
    if (isIPv4(name)) return { status: 'ok', name, records: [{ type: 'A', name, address: name }] };
    const conf = parseResolvConf(client.pod ? resolvConf(client.pod) : undefined);
    const server = conf.nameservers[0];
    const candidates = candidateNames(name, conf);
    if (!server) {
      // The node's own resolver forwards outside the cluster, which the playground has not got.
      hops.push({ kind: 'dns', node: client.node, detail: `${name}: the node's resolver knows no such name (NXDOMAIN)` });
      return { status: 'nxdomain', name, records: [] };
    }
    hops.push({ kind: 'dns', node: client.node, detail: `query ${type} ${candidates[0]} to ${server}:53 (search: ${conf.search.join(' ') || 'none'}, ndots:${conf.ndots})` });
    const reach = this.router.connect(client, server, 53, 'udp', hops);
    if (!reach.ok) {
      hops.push({ kind: 'response', detail: reach.error === 'refused' ? `${server}:53 refused` : `no answer from ${server}:53 after ${conf.timeoutSeconds}s × ${conf.attempts} attempts` });
      return { status: reach.error === 'refused' ? 'refused' : 'timeout', server, name, records: [] };
    }
    const l = listenerOn(reach.dest, 53);
    if (!l) {
      hops.push({ kind: 'response', node: reach.dest.node, detail: `nothing listens on ${reach.dest.ip}:53: ICMP port unreachable` });
      return { status: 'refused', server, name, records: [] };
    }
    hops.push({ kind: 'deliver', node: reach.dest.node, detail: `${l.label} (container ${l.container}) answers on ${reach.dest.ip}:53` });
    for (const fqdn of candidates) {
      const ans = this.dns.query(fqdn, type);
      const has = ans.rcode === 'NOERROR' && ans.records.length > 0;
      hops.push({ kind: 'dns', node: reach.dest.node, detail: `${type} ${fqdn}: ${has ? ans.records.map(recordText).join(', ') : ans.rcode === 'NXDOMAIN' ? 'NXDOMAIN' : 'no records'}` });
      if (has) {
        hops.push({ kind: 'response', detail: `${fqdn} → ${ans.records.map(recordText).join(', ')}` });
        return { status: 'ok', server, name: fqdn, records: ans.records };
      }
    }
    hops.push({ kind: 'response', detail: `${name}: NXDOMAIN` });
    return { status: 'nxdomain', server, name: candidates[candidates.length - 1], records: [] };
  }

  /** Start a trace, joined to the client's preceding lookup of `host` if there was one. */
  private begin(client: Client, request: string, host: string | undefined): Trace {
    const p = this.pendingDns.get(client.ip);
    const trace: Trace = { id: this.log.newId(), time: this.ctx.clock.now(), from: client.label, request, outcome: 'ok', hops: [] };
    if (p && p.name === host) {
      trace.id = p.trace.id;
      trace.hops.push(...p.trace.hops);
      this.pendingDns.delete(client.ip);
    } else this.flushPending(client.ip);
    return trace;
  }

  private finish(trace: Trace, outcome: Outcome): void {
    trace.outcome = outcome;
    this.log.add(trace);
  }

  http(client: Client, req: HttpRequest): HttpResult {
    const trace = this.begin(client, `${req.method} http://${req.host}${req.port === 80 ? '' : `:${req.port}`}${req.path}`, req.host);
    const hops = trace.hops;
    const reach = this.router.connect(client, req.ip, req.port, 'tcp', hops);
    if (!reach.ok) {
      if (reach.error === 'timeout') hops.push({ kind: 'response', detail: `no answer: the client gives up after ${req.timeoutMs !== undefined ? `${req.timeoutMs / 1000}s` : 'its timeout'}` });
      this.finish(trace, reach.error);
      return { error: reach.error };
    }
    const dest = reach.dest;
    const l = listenerOn(dest, dest.port);
    if (!l) {
      hops.push({ kind: 'response', node: dest.node, detail: `nothing listens on ${dest.ip}:${dest.port}: connection refused (RST)` });
      this.finish(trace, 'refused');
      return { error: 'refused' };
    }
    hops.push({ kind: 'deliver', node: dest.node, detail: `${l.label} (container ${l.container}) port ${dest.port}, from ${dest.srcSeen}` });
    const res = l.process.http({ method: req.method, path: req.path, port: dest.port, headers: req.headers, clientIP: dest.srcSeen, body: req.body });
    if (!res) {
      hops.push({ kind: 'response', node: dest.node, detail: `${dest.ip}:${dest.port} closed the connection` });
      this.finish(trace, 'refused');
      return { error: 'refused' };
    }
    hops.push({ kind: 'response', node: dest.node, detail: `HTTP ${res.status} (${res.body.length} bytes) from ${l.label}` });
    this.finish(trace, 'ok');
    return res;
  }

  connect(client: Client, ip: string, port: number, proto: Proto = 'tcp'): 'open' | 'refused' | 'timeout' {
    const trace = this.begin(client, `connect ${ip}:${port}`, undefined);
    const reach = this.router.connect(client, ip, port, proto, trace.hops);
    if (!reach.ok) {
      this.finish(trace, reach.error);
      return reach.error === 'refused' ? 'refused' : 'timeout';
    }
    const l = listenerOn(reach.dest, reach.dest.port);
    if (!l) {
      trace.hops.push({ kind: 'response', node: reach.dest.node, detail: `nothing listens on ${reach.dest.ip}:${reach.dest.port}: connection refused` });
      this.finish(trace, 'refused');
      return 'refused';
    }
    trace.hops.push({ kind: 'deliver', node: reach.dest.node, detail: `${l.label} (container ${l.container}) accepts on port ${reach.dest.port}` });
    this.finish(trace, 'ok');
    return 'open';
  }

  /** Chaos: cut a node off from the network (traffic between it and other nodes is dropped), or heal it. */
  setPartitioned(nodeName: string, cut: boolean): void {
    if (cut) this.partitions.add(nodeName);
    else this.partitions.delete(nodeName);
  }

  isPartitioned(nodeName: string): boolean {
    return this.partitions.has(nodeName);
  }

  /** Recent request traces, oldest first (a bounded ring buffer). */
  traces(): readonly Trace[] {
    for (const ip of [...this.pendingDns.keys()]) this.flushPending(ip);
    return this.log.list();
  }

  serviceEnv(namespace: string, enableServiceLinks: boolean): [string, string][] {
    return serviceEnv(this.proxies.tracker.services, namespace, enableServiceLinks);
  }

  /** A node's rules as `iptables-save` prints them. */
  rules(nodeName: string): string {
    return this.proxies.rules(nodeName);
  }
}

/**
 * A container's way out: the client is looked up on every call, since the
 * pod holding podIP can change. A class, so thousands of containers share
 * its methods instead of four closures each.
 */
export class PodNetwork implements ContainerNetwork {
  constructor(
    private readonly net: Network,
    private readonly nodeName: string,
    private readonly podIP: string,
  ) {}

  resolve(name: string): string[] | undefined {
    const r = this.net.resolveFor(this.net.clientFor(this.nodeName, this.podIP), name, 'A', true);
    const ips = r.records.filter((x) => x.type === 'A').map((x) => (x as { address: string }).address);
    return r.status === 'ok' && ips.length ? ips : undefined;
  }

  lookup(name: string, type: RecordType = 'A'): LookupResult {
    return this.net.resolveFor(this.net.clientFor(this.nodeName, this.podIP), name, type, false);
  }

  http(req: HttpRequest): HttpResult {
    return this.net.http(this.net.clientFor(this.nodeName, this.podIP), req);
  }

  connect(ip: string, port: number): 'open' | 'refused' | 'timeout' {
    return this.net.connect(this.net.clientFor(this.nodeName, this.podIP), ip, port);
  }
}

function recordText(r: DnsRecord): string {
  if (r.type === 'A') return r.address;
  if (r.type === 'CNAME') return `CNAME ${r.target}`;
  return `SRV ${r.priority} ${r.weight} ${r.port} ${r.target}`;
}

/**
 * Start the network for a cluster. Wire it into the kubelets with
 * `network: (node, ip) => net.networkFor(node, ip)` and
 * `serviceEnv: (ns, enable) => net.serviceEnv(ns, enable)`.
 */
export function startNetwork(ctx: ComponentContext, deps: NetworkDeps): Network {
  return new Network(ctx, deps);
}
