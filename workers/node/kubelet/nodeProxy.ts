/**
 * What the API server calls for pods/log, pods/exec and pods/attach: the
 * API server's own checks (container name, node assigned), then the
 * kubelet of the pod's node.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { NodeProxy } from '../../api/server';
import * as S from '../../api/status';
import { resolveContainer } from './logs';
import type { Kubelet } from './kubelet';
import { nodeInternalIP } from '../nodeObject';

export function createNodeProxy(kubeletFor: (nodeName: string) => Kubelet | undefined, nodeIndex?: (nodeName: string) => number | undefined): NodeProxy {
  return (_rt, obj, subresource, query, body) => {
    const pod = obj as unknown as Pod;
    const c = resolveContainer(pod, query.container || undefined);
    if ('status' in c) return c;
    const nodeName = pod.spec?.nodeName;
    if (!nodeName) {
      // LogLocation gives no location for an unscheduled pod: the log is empty.
      if (subresource === 'log') return { status: 200, body: '' };
      return { status: 400, body: S.badRequest(`pod ${pod.metadata?.name} does not have a host assigned`) };
    }
    const kubelet = kubeletFor(nodeName);
    if (!kubelet || !kubelet.running) {
      const i = nodeIndex?.(nodeName);
      const ip = i === undefined ? nodeName : nodeInternalIP(i);
      const path = subresource === 'log' ? `containerLogs/${pod.metadata?.namespace}/${pod.metadata?.name}/${c.name}` : `${subresource}/${pod.metadata?.namespace}/${pod.metadata?.name}/${c.name}`;
      // The API server relays the dial error as a bare 500 (kubectl: `Error from server: Get ...`).
      const message = `Get "https://${ip}:10250/${path}": dial tcp ${ip}:10250: connect: connection refused`;
      return { status: 500, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code: 500 } };
    }
    if (subresource === 'log') return kubelet.logs(pod, c.name, query);
    if (subresource === 'exec' || subresource === 'attach') return kubelet.exec(pod, c.name, query, body);
    return { status: 404, body: S.pathNotFound() };
  };
}
