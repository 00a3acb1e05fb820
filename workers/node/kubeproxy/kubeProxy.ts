/**
 * kube-proxy on every node: one Proxier per Node object, all fed by one
 * ServiceTracker. `rules(node)` is the node's `iptables-save` output.
 */
import type { ComponentContext } from '../../controllers/context';
import type { KubeObject } from '../../api/object';
import { ServiceTracker } from './serviceTracker';
import { Proxier } from './proxier';
import { renderRuleSet } from './render';

/** kubeadm's KubeProxyConfiguration clusterCIDR (the pods' 10.244.0.0/16). */
export const CLUSTER_CIDR = '10.244.0.0/16';

export interface KubeProxyOptions {
  /**
   * Is kube-proxy running on this node? Default: always. The network layer
   * answers from the kube-proxy DaemonSet's pods and calls `poke` on changes.
   */
  running?: (nodeName: string) => boolean;
}

export class KubeProxies {
  readonly tracker: ServiceTracker;
  private readonly proxiers = new Map<string, Proxier>();

  constructor(
    private readonly ctx: ComponentContext,
    private readonly opts: KubeProxyOptions = {},
  ) {
    this.tracker = new ServiceTracker(ctx.informers);
    this.tracker.onChange(() => {
      for (const p of this.proxiers.values()) p.requestSync();
    });
    const nodes = ctx.informers.for({ group: '', version: 'v1', resource: 'nodes' });
    nodes.addEventHandler({ add: (n) => this.addNode(n) });
    nodes.start();
  }

  private addNode(n: KubeObject): void {
    const name = n.metadata.name!;
    if (this.proxiers.has(name)) return;
    const p = new Proxier(this.ctx.clock, { name, clusterCIDR: CLUSTER_CIDR }, () => this.tracker.snapshot(), () => this.opts.running?.(name) ?? true);
    this.proxiers.set(name, p);
    p.requestSync();
  }

  proxier(nodeName: string): Proxier | undefined {
    return this.proxiers.get(nodeName);
  }

  /** kube-proxy on this node may have started or stopped: let it sync. */
  poke(nodeName: string): void {
    this.proxiers.get(nodeName)?.requestSync();
  }

  nodeNames(): string[] {
    return [...this.proxiers.keys()];
  }

  /** The node's rules as `iptables-save` prints them; empty before kube-proxy first synced. */
  rules(nodeName: string): string {
    const rs = this.proxiers.get(nodeName)?.rules();
    if (!rs) return '';
    return renderRuleSet(rs, ctime(this.ctx.clock.now()));
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** C ctime() format in UTC, as iptables-save stamps its output. */
export function ctime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

export function startKubeProxies(ctx: ComponentContext, opts?: KubeProxyOptions): KubeProxies {
  return new KubeProxies(ctx, opts);
}
