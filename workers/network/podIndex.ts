/**
 * Where things are on the pod network, from the API: pods by IP, each
 * node's addresses and host-network pods, and whether the node's kube-proxy
 * pod runs. Kept from the shared pods and nodes informers.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { InformerFactory } from '../client/factory';
import type { Informer } from '../client/informer';
import type { KubeObject } from '../api/object';

export interface NodeInfo {
  name: string;
  ip: string;
  /** `10.244.N.0/24` */
  podCIDR?: string;
}

const keyOf = (o: KubeObject) => `${o.metadata.namespace}/${o.metadata.name}`;

export class PodIndex {
  readonly pods: Informer<KubeObject>;
  readonly nodes: Informer<KubeObject>;
  readonly namespaces: Informer<KubeObject>;
  private readonly byIP = new Map<string, string>();
  private readonly hostPods = new Map<string, Set<string>>();
  private readonly nodeByIP = new Map<string, string>();
  private readonly proxyPods = new Map<string, Set<string>>();
  private readonly proxyListeners: ((node: string) => void)[] = [];

  constructor(informers: InformerFactory) {
    this.pods = informers.for({ group: '', version: 'v1', resource: 'pods' });
    this.nodes = informers.for({ group: '', version: 'v1', resource: 'nodes' });
    this.namespaces = informers.for({ group: '', version: 'v1', resource: 'namespaces' });
    this.pods.addEventHandler({
      add: (p) => this.put(undefined, p),
      update: (a, b) => this.put(a, b),
      delete: (p) => this.put(p, undefined),
    });
    this.nodes.addEventHandler({
      add: (n) => this.putNode(n),
      update: (_, n) => this.putNode(n),
    });
    this.pods.start();
    this.nodes.start();
    this.namespaces.start();
  }

  /** Called when a node's kube-proxy pod starts or stops running. */
  onKubeProxyChange(fn: (node: string) => void): void {
    this.proxyListeners.push(fn);
  }

  private put(oldObj: KubeObject | undefined, obj: KubeObject | undefined): void {
    const o = oldObj as unknown as Pod | undefined;
    const n = obj as unknown as Pod | undefined;
    const key = keyOf((obj ?? oldObj)!);
    const oldIP = o && !o.spec?.hostNetwork ? o.status?.podIP : undefined;
    const newIP = n && !n.spec?.hostNetwork && !terminal(n) ? n.status?.podIP : undefined;
    if (oldIP && oldIP !== newIP && this.byIP.get(oldIP) === key) this.byIP.delete(oldIP);
    if (newIP) this.byIP.set(newIP, key);
    this.link(this.hostPods, o?.spec?.hostNetwork ? o.spec.nodeName : undefined, n?.spec?.hostNetwork ? n.spec.nodeName : undefined, key);
    const wasProxy = o && isKubeProxy(o) && o.status?.phase === 'Running' ? o.spec?.nodeName : undefined;
    const isProxy = n && isKubeProxy(n) && n.status?.phase === 'Running' && !n.metadata?.deletionTimestamp ? n.spec?.nodeName : undefined;
    if (wasProxy !== isProxy) {
      this.link(this.proxyPods, wasProxy, isProxy, key);
      for (const node of [wasProxy, isProxy]) if (node) for (const l of this.proxyListeners) l(node);
    }
  }

  private link(map: Map<string, Set<string>>, from: string | undefined, to: string | undefined, key: string): void {
    if (from === to) {
      if (to) map.get(to)?.add(key);
      return;
    }
    if (from) map.get(from)?.delete(key);
    if (to) {
      let s = map.get(to);
      if (!s) map.set(to, (s = new Set()));
      s.add(key);
    }
  }

  private putNode(n: KubeObject): void {
    const ip = nodeIP(n);
    if (ip) this.nodeByIP.set(ip, n.metadata.name!);
  }

  podByIP(ip: string): Pod | undefined {
    const key = this.byIP.get(ip);
    return key ? (this.pods.getByKey(key) as unknown as Pod | undefined) : undefined;
  }

  pod(namespace: string, name: string): Pod | undefined {
    return this.pods.get(namespace, name) as unknown as Pod | undefined;
  }

  node(name: string): NodeInfo | undefined {
    const n = this.nodes.get(undefined, name);
    const ip = n && nodeIP(n);
    if (!n || !ip) return undefined;
    return { name, ip, podCIDR: (n.spec as { podCIDR?: string } | undefined)?.podCIDR };
  }

  nodeByAddress(ip: string): string | undefined {
    return this.nodeByIP.get(ip);
  }

  hostNetworkPods(nodeName: string): Pod[] {
    const out: Pod[] = [];
    for (const k of this.hostPods.get(nodeName) ?? []) {
      const p = this.pods.getByKey(k);
      if (p) out.push(p as unknown as Pod);
    }
    return out;
  }

  kubeProxyRunning(nodeName: string): boolean {
    return (this.proxyPods.get(nodeName)?.size ?? 0) > 0;
  }

  namespaceLabels(name: string): Record<string, string> | undefined {
    const ns = this.namespaces.get(undefined, name);
    return ns ? { ...(ns.metadata.labels ?? {}) } : undefined;
  }
}

function terminal(p: Pod): boolean {
  return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
}

function isKubeProxy(p: Pod): boolean {
  return p.metadata?.namespace === 'kube-system' && p.metadata.labels?.['k8s-app'] === 'kube-proxy';
}

function nodeIP(n: KubeObject): string | undefined {
  const addrs = (n.status as { addresses?: { type: string; address: string }[] } | undefined)?.addresses ?? [];
  return addrs.find((a) => a.type === 'InternalIP')?.address;
}

/** The gateway address of a node's pod bridge (`10.244.N.1`): masqueraded same-node traffic comes from it. */
export function podGateway(podCIDR: string | undefined): string | undefined {
  const m = podCIDR && /^(\d+\.\d+\.\d+)\.0\/24$/.exec(podCIDR);
  return m ? `${m[1]}.1` : undefined;
}
