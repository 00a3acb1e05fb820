/**
 * Breaking things on purpose, through the same cluster every client uses:
 * stop or start a node's kubelet, crash a container, remove a node, add one.
 * Each returns a Status-like answer so the UI and the terminal can report it.
 */
import type { Cluster } from './cluster';
import type { ApiResponse } from './api/request';
import * as S from './api/status';

export type ChaosAction =
  | { action: 'stopKubelet'; node: string }
  | { action: 'startKubelet'; node: string }
  | { action: 'crashContainer'; namespace: string; pod: string; container?: string }
  | { action: 'deleteNode'; node: string }
  | { action: 'addNode' };

const nodeNotFound = (node: string) => ({ status: 404, body: S.notFound({ group: '', resource: 'nodes' }, node) });
const done = (message: string, details?: Record<string, string>): ApiResponse => ({ status: 200, body: { ...S.success(), message, ...(details ? { details } : {}) } });

export function runChaos(cluster: Cluster, a: ChaosAction): ApiResponse {
  switch (a.action) {
    case 'stopKubelet': {
      const k = cluster.kubelets.get(a.node);
      if (!k) return nodeNotFound(a.node);
      k.stop();
      return done(`kubelet on ${a.node} stopped`);
    }
    case 'startKubelet': {
      const k = cluster.kubelets.get(a.node);
      if (!k) return nodeNotFound(a.node);
      k.start();
      return done(`kubelet on ${a.node} started`);
    }
    case 'crashContainer': {
      const pod = cluster.request({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: a.namespace, name: a.pod });
      if (pod.status !== 200) return pod;
      const node = (pod.body as { spec?: { nodeName?: string } }).spec?.nodeName;
      const worker = node ? cluster.kubelets.get(node)?.workerFor(pod.body as never) : undefined;
      if (!worker?.crash(a.container)) {
        return { status: 400, body: S.badRequest(`pod ${a.pod} has no running container${a.container ? ` "${a.container}"` : ''} to crash`) };
      }
      return done(`container of ${a.namespace}/${a.pod} killed`);
    }
    case 'deleteNode': {
      const k = cluster.kubelets.get(a.node);
      if (!k) return nodeNotFound(a.node);
      k.stop();
      cluster.kubelets.delete(a.node);
      // The machine is gone: its Node object goes too (pod GC cleans up its pods).
      const r = cluster.as('kube-playground')({ verb: 'delete', group: '', version: 'v1', resource: 'nodes', name: a.node });
      return r.status >= 400 ? r : done(`node ${a.node} removed`);
    }
    case 'addNode': {
      const name = cluster.addWorker();
      return done(`node ${name} added`, { name });
    }
  }
}
