/**
 * The /etc/resolv.conf the kubelet gives a pod (pkg/kubelet/network/dns/dns.go
 * GetPodDNS, written by containerd as search / nameserver / options).
 */
import type { Pod } from 'kubernetes-types/core/v1';

export const CLUSTER_DOMAIN = 'cluster.local';
export const CLUSTER_DNS = '10.96.0.10';

/** undefined: the node's own resolv.conf (dnsPolicy Default, or host network without ClusterFirstWithHostNet). */
export function resolvConf(pod: Pod, clusterDNS = CLUSTER_DNS): string | undefined {
  const spec = pod.spec ?? { containers: [] };
  const policy = spec.dnsPolicy ?? 'ClusterFirst';
  let servers: string[] = [];
  let searches: string[] = [];
  let options: string[] = [];
  if (policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !spec.hostNetwork)) {
    const ns = pod.metadata?.namespace ?? 'default';
    servers = [clusterDNS];
    searches = [`${ns}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
    options = ['ndots:5'];
  } else if (policy !== 'None') return undefined;
  const cfg = spec.dnsConfig;
  if (cfg) {
    servers = [...servers, ...(cfg.nameservers ?? [])];
    searches = [...searches, ...(cfg.searches ?? [])];
    // Options from dnsConfig override those of the same name.
    for (const o of cfg.options ?? []) {
      if (!o.name) continue;
      const name = o.name;
      const text = o.value !== undefined ? `${name}:${o.value}` : name;
      options = [...options.filter((x) => x.split(':')[0] !== name), text];
    }
  }
  const lines: string[] = [];
  if (searches.length) lines.push(`search ${searches.join(' ')}`);
  for (const s of servers) lines.push(`nameserver ${s}`);
  if (options.length) lines.push(`options ${options.join(' ')}`);
  return lines.length ? `${lines.join('\n')}\n` : '';
}
