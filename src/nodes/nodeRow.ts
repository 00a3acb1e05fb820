/**
 * What the Nodes panel shows for one Node, computed the way `kubectl get nodes`
 * does. Mirrors pkg/printers/internalversion/printers.go printNode and
 * findNodeRoles.
 */
import type { Node } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../workers/api/object';

export interface NodeRow {
  uid: string;
  name: string;
  /** `Ready`, `NotReady`, `Unknown`, optionally `,SchedulingDisabled`. */
  status: string;
  ready: boolean;
  /** Sorted role names, `<none>` when there are none. */
  roles: string;
  version: string;
}

const ROLE_LABEL_PREFIX = 'node-role.kubernetes.io/';
/** The older single-value role label. */
const ROLE_LABEL = 'kubernetes.io/role';

export function nodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith(ROLE_LABEL_PREFIX)) {
      const role = k.slice(ROLE_LABEL_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === ROLE_LABEL && v !== '') {
      roles.add(v);
    }
  }
  // Go's sets.String.List() sorts bytewise, as does a plain sort of ASCII names.
  return [...roles].sort();
}

export function nodeStatus(node: Node): { status: string; ready: boolean } {
  // Only the Ready condition is printed: NodeAllConditions in printNode is just NodeReady.
  const cond = node.status?.conditions?.find((c) => c.type === 'Ready');
  const parts = [cond ? (cond.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) parts.push('SchedulingDisabled');
  return { status: parts.join(','), ready: cond?.status === 'True' };
}

export function nodeRow(obj: KubeObject): NodeRow {
  const node = obj as unknown as Node;
  const roles = nodeRoles(node.metadata?.labels);
  const { status, ready } = nodeStatus(node);
  return {
    uid: obj.metadata.uid ?? obj.metadata.name ?? '',
    name: obj.metadata.name ?? '',
    status,
    ready,
    roles: roles.length > 0 ? roles.join(',') : '<none>',
    version: node.status?.nodeInfo?.kubeletVersion ?? '',
  };
}

/** Rows sorted by name, as kubectl lists them. */
export function nodeRows(nodes: Iterable<KubeObject>): NodeRow[] {
  return [...nodes].map(nodeRow).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
