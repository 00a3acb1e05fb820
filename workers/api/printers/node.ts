/** `kubectl get nodes`. Mirrors printers.go printNode, findNodeRoles. */
import type { Node } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../object';
import { ageColumn, col, nameColumn } from './columns';
import { DOC } from './descriptions';
import { translateTimestampSince } from './duration';
import type { Printer } from './types';

const LABEL_NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_LABEL_ROLE = 'kubernetes.io/role';

/** Roles from `node-role.kubernetes.io/<role>` keys and the `kubernetes.io/role` value, sorted. */
export function findNodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  const labels = node.metadata?.labels ?? {};
  for (const [k, v] of Object.entries(labels)) {
    if (k.startsWith(LABEL_NODE_ROLE_PREFIX)) {
      const role = k.slice(LABEL_NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === NODE_LABEL_ROLE && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort();
}

/** `Ready`, `NotReady`, `Unknown` (no Ready condition), plus `SchedulingDisabled` when cordoned. */
export function nodeStatus(node: Node): string {
  const status: string[] = [];
  // Upstream keeps the last condition of each type.
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').pop();
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

function address(node: Node, type: string): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';
}

export const nodePrinter: Printer = {
  columns: [
    nameColumn,
    col('Status', 'string', 'The status of the node'),
    col('Roles', 'string', 'The roles of the node'),
    ageColumn,
    col('Version', 'string', DOC['NodeSystemInfo.kubeletVersion']),
    col('Internal-IP', 'string', DOC['NodeStatus.addresses'], true),
    col('External-IP', 'string', DOC['NodeStatus.addresses'], true),
    col('OS-Image', 'string', DOC['NodeSystemInfo.osImage'], true),
    col('Kernel-Version', 'string', DOC['NodeSystemInfo.kernelVersion'], true),
    col('Container-Runtime', 'string', DOC['NodeSystemInfo.containerRuntimeVersion'], true),
  ],
  row(obj: KubeObject, nowMs: number) {
    const node = obj as unknown as Node;
    const info = node.status?.nodeInfo;
    return [
      obj.metadata.name,
      nodeStatus(node),
      findNodeRoles(node).join(',') || '<none>',
      translateTimestampSince(obj.metadata.creationTimestamp, nowMs),
      info?.kubeletVersion ?? '',
      address(node, 'InternalIP'),
      address(node, 'ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    ];
  },
};
