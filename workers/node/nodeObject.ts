/**
 * The Node object a kubelet registers, shaped like a fresh kubeadm/kind
 * node: well-known labels, capacity, addresses, nodeInfo and conditions.
 */
import type { KubeObject } from '../api/object';

export interface NodeSpecInput {
  name: string;
  /** 0 for the control plane, 1.. for workers; picks addresses, CIDR and zone. */
  index: number;
  controlPlane: boolean;
  cpu: string;
  memory: string;
  zone: string;
  uid?: string;
}

export const KUBELET_VERSION = 'v1.32.0';

export function nodeInternalIP(index: number): string {
  return `172.18.0.${index + 2}`;
}

export function podCIDR(index: number): string {
  return `10.244.${index}.0/24`;
}

export function buildNode(n: NodeSpecInput, now: string): KubeObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': n.name,
    'kubernetes.io/os': 'linux',
    'topology.kubernetes.io/region': 'playground',
    'topology.kubernetes.io/zone': n.zone,
  };
  if (n.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const resources = {
    cpu: n.cpu,
    'ephemeral-storage': '102625208Ki',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: n.memory,
    pods: '110',
  };
  const cond = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: now,
    lastTransitionTime: now,
    reason,
    message,
  });
  const spec: Record<string, unknown> = {
    podCIDR: podCIDR(n.index),
    podCIDRs: [podCIDR(n.index)],
    providerID: `kube-playground://${n.name}`,
  };
  if (n.controlPlane) spec.taints = [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }];
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec,
    status: {
      capacity: resources,
      allocatable: resources,
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [
        { type: 'InternalIP', address: nodeInternalIP(n.index) },
        { type: 'Hostname', address: n.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '6.8.0-playground',
        kubeProxyVersion: KUBELET_VERSION,
        kubeletVersion: KUBELET_VERSION,
        machineID: '',
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: '',
      },
    },
  };
}
