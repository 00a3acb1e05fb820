/**
 * A new connection's way through the cluster network: the client node's
 * netfilter (kube-proxy's rules: DNAT to an endpoint, masquerade), routing
 * between nodes (pod CIDRs and node IPs; NodePorts are DNATed by the node
 * that receives them), NetworkPolicy at both ends, and the process that
 * listens on the destination port. Every step is a hop of the trace.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Clock } from '../clock/clock';
import type { Rng } from '../clock/prng';
import type { Kubelet } from '../node/kubelet/kubelet';
import type { ContainerProcess } from '../node/runtime/types';
import { isRunning, newest } from '../node/kubelet/containerState';
import { evaluatePacket, type KubeProxies } from '../node/kubeproxy';
import type { Proto } from '../node/kubeproxy/chainNames';
import { cidrContains } from './ip';
import { podGateway, type PodIndex } from './podIndex';
import type { PolicyEngine } from './policy';
import type { Hop } from './trace';

export const SERVICE_CIDR = '10.96.0.0/12';
export const POD_CIDR = '10.244.0.0/16';

export interface Client {
  ip: string;
  node: string;
  /** The client pod; undefined for host-network clients (the node itself). */
  pod?: Pod;
  /** `namespace/name`, or `node/<name>`. */
  label: string;
}

export interface Listener {
  /** `namespace/pod` (container `name`). */
  label: string;
  container: string;
  process: ContainerProcess;
}

export interface Destination {
  node: string;
  pod?: Pod;
  /** Address and port the connection finally reached, and the source address it shows. */
  ip: string;
  port: number;
  srcSeen: string;
  listeners: Listener[];
}

export type Reach = { ok: true; dest: Destination } | { ok: false; error: 'refused' | 'timeout' | 'unreachable' };

export interface RouterDeps {
  clock: Clock;
  rng: Rng;
  index: PodIndex;
  proxies: KubeProxies;
  policy: PolicyEngine;
  kubelet(nodeName: string): Kubelet | undefined;
  /** Chaos: a node cut off from the network; packets between it and any other node are dropped. */
  partitioned?(nodeName: string): boolean;
}

const MAX_NODE_HOPS = 4;

export class Router {
  constructor(private readonly d: RouterDeps) {}

  /** Is `ip` one of this node's own addresses (addrtype LOCAL)? */
  private isLocal(node: string, ip: string): boolean {
    if (cidrContains('127.0.0.0/8', ip)) return true;
    const n = this.d.index.node(node);
    return !!n && (n.ip === ip || podGateway(n.podCIDR) === ip);
  }

  /** Open a connection (the first packet's path) from `client` to ip:port. */
  connect(client: Client, ip: string, port: number, proto: Proto, hops: Hop[]): Reach {
    let src = client.ip;
    let dst = ip;
    let dport = port;
    let node = client.node;
    const natted = new Set<string>();
    for (let step = 0; step < MAX_NODE_HOPS; step++) {
      if (!natted.has(node)) {
        natted.add(node);
        const proxier = this.d.proxies.proxier(node);
        const rules = proxier?.rules();
        if (proxier && rules) {
          const v = evaluatePacket({ rules, isLocal: (x) => this.isLocal(node, x), recent: proxier.recent, now: this.d.clock.now(), random: () => this.d.rng.next() }, { src, dst, proto, dport });
          for (const m of v.matched) hops.push({ kind: 'rule', node, chain: m.chain, rule: m.rule, detail: `${m.table} ${m.chain}` });
          if (v.kind === 'reject') {
            hops.push({ kind: 'response', node, detail: 'REJECT: ICMP port unreachable (the service has no endpoints)' });
            return { ok: false, error: 'refused' };
          }
          if (v.kind === 'drop') {
            hops.push({ kind: 'response', node, detail: 'DROP: no answer' });
            return { ok: false, error: 'timeout' };
          }
          if (v.kind === 'dnat') {
            hops.push({ kind: 'dnat', node, detail: `${dst}:${dport} → ${v.ip}:${v.port}` });
            dst = v.ip;
            dport = v.port;
            if (v.masquerade) {
              const to = this.d.index.podByIP(dst)?.spec?.nodeName;
              const n = this.d.index.node(node);
              const snat = to === node ? podGateway(n?.podCIDR) : n?.ip;
              if (snat) {
                hops.push({ kind: 'route', node, detail: `MASQUERADE: source ${src} → ${snat}` });
                src = snat;
              }
            }
          }
        }
      }
      const pod = this.d.index.podByIP(dst);
      if (pod) {
        const target = pod.spec!.nodeName!;
        if (this.cutOff(node, target, hops)) return { ok: false, error: 'timeout' };
        const via = this.d.index.node(target);
        hops.push({ kind: 'route', node, detail: target === node ? `${dst} is on this node` : `${node} → ${target}: ${via?.podCIDR ?? dst} via ${via?.ip ?? '?'}` });
        return this.toPod(client, pod, target, dst, dport, src, proto, hops);
      }
      const hostNode = this.isLocal(node, dst) ? node : this.d.index.nodeByAddress(dst);
      if (hostNode && hostNode !== node) {
        if (this.cutOff(node, hostNode, hops)) return { ok: false, error: 'timeout' };
        hops.push({ kind: 'route', node, detail: `${node} → ${hostNode} (${dst})` });
        node = hostNode;
        continue;
      }
      if (hostNode) return this.toHost(node, dst, dport, src, hops);
      if (cidrContains(POD_CIDR, dst)) {
        hops.push({ kind: 'route', node, detail: `no pod has ${dst}: host unreachable` });
        return { ok: false, error: 'unreachable' };
      }
      hops.push({ kind: 'route', node, detail: cidrContains(SERVICE_CIDR, dst) ? `${dst}:${dport} matched no kube-proxy rule: the packet goes nowhere` : `${dst} is outside the cluster: no route out` });
      return { ok: false, error: 'timeout' };
    }
    return { ok: false, error: 'timeout' };
  }

  /** Between two nodes, a partitioned end drops the packet. */
  private cutOff(from: string, to: string, hops: Hop[]): boolean {
    if (from === to || !this.d.partitioned) return false;
    const cut = this.d.partitioned(from) ? from : this.d.partitioned(to) ? to : undefined;
    if (!cut) return false;
    hops.push({ kind: 'route', node: from, detail: `${from} → ${to}: dropped, ${cut} is partitioned from the network` });
    return true;
  }

  private toPod(client: Client, pod: Pod, node: string, ip: string, port: number, src: string, proto: Proto, hops: Hop[]): Reach {
    const protocol = proto.toUpperCase();
    const label = `${pod.metadata!.namespace}/${pod.metadata!.name}`;
    if (client.pod && !client.pod.spec?.hostNetwork) {
      const e = this.d.policy.egress(client.pod, { ip, pod }, port, protocol);
      if (!e.allowed) {
        hops.push({ kind: 'policy', node: client.node, detail: `egress from ${client.label} to ${label}:${port} dropped by NetworkPolicy ${e.policies.join(', ')}` });
        return { ok: false, error: 'timeout' };
      }
    }
    const srcPod = this.d.index.podByIP(src);
    const i = this.d.policy.ingress(pod, { ip: src, pod: srcPod }, port, protocol);
    if (!i.allowed) {
      hops.push({ kind: 'policy', node, detail: `ingress to ${label}:${port} from ${src} dropped by NetworkPolicy ${i.policies.join(', ')}` });
      return { ok: false, error: 'timeout' };
    }
    const w = this.d.kubelet(node)?.workerFor(pod);
    if (!w || w.sandbox?.ip !== ip) {
      hops.push({ kind: 'route', node, detail: `${label} has no network namespace on ${node}: host unreachable` });
      return { ok: false, error: 'unreachable' };
    }
    const listeners: Listener[] = [];
    for (const r of w.records.values()) {
      if (!isRunning(r)) continue;
      listeners.push({ label, container: r.spec.name, process: newest(r)!.process });
    }
    return { ok: true, dest: { node, pod, ip, port, srcSeen: src, listeners } };
  }

  private toHost(node: string, ip: string, port: number, src: string, hops: Hop[]): Reach {
    const listeners: Listener[] = [];
    for (const pod of this.d.index.hostNetworkPods(node)) {
      const w = this.d.kubelet(node)?.workerFor(pod);
      if (!w) continue;
      for (const r of w.records.values()) {
        if (isRunning(r)) listeners.push({ label: `${pod.metadata!.namespace}/${pod.metadata!.name}`, container: r.spec.name, process: newest(r)!.process });
      }
    }
    hops.push({ kind: 'route', node, detail: `${ip} is ${node}'s own address` });
    return { ok: true, dest: { node, ip, port, srcSeen: src, listeners } };
  }
}

/** The listener on a port, if any process of the destination listens there. */
export function listenerOn(dest: Destination, port: number): Listener | undefined {
  return dest.listeners.find((l) => l.process.listening(port));
}
