/** Which node lanes the graph draws open. */
import type { KubeObject } from '../../workers/api/object';

const CONTROL_PLANE_LABELS = ['node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/master'];

export function isControlPlaneNode(node: KubeObject): boolean {
  const labels = node.metadata.labels ?? {};
  return CONTROL_PLANE_LABELS.some((l) => l in labels);
}

/** Control-plane nodes run only system pods, so their lanes start closed; the user's choice wins. */
export function laneOpen(name: string, overrides: Readonly<Record<string, 'open' | 'closed'>>, controlPlane: boolean): boolean {
  const o = overrides[name];
  if (o) return o === 'open';
  return !controlPlane;
}
