/**
 * The simulated cloud behind the cluster autoscaler: one node group,
 * `workers`, whose machines are the cluster's worker nodes
 * (cloudprovider.NodeGroup: MinSize, MaxSize, TargetSize, IncreaseSize,
 * DeleteNodes, TemplateNodeInfo). A new machine boots for 40–60 s before
 * its kubelet registers the Node.
 */
import type { KubeObject } from '../../api/object';

/** What the cluster gives the autoscaler: machines that become worker nodes. */
export interface CloudProvider {
  /** Start a machine whose kubelet registers after `bootMs`; returns its node name. */
  createMachine(bootMs: number): string;
  /** The machine goes away (its kubelet stops); the Node object is left to the caller. */
  deleteMachine(node: string): void;
}

export const NODE_GROUP_ID = 'workers';
const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';
/** How long a new machine takes to boot and register (virtual ms). */
export const BOOT_MIN_MS = 40_000;
export const BOOT_JITTER_MS = 20_000;

export interface Machine {
  name: string;
  requestedAt: number;
  /** When its kubelet will register. */
  bootsAt: number;
}

export class NodeGroup {
  readonly id = NODE_GROUP_ID;
  /** Machines asked for whose Node has not registered yet. */
  readonly upcoming = new Map<string, Machine>();
  /** Machines being deleted (tainted, draining). */
  readonly deleting = new Set<string>();
  private template: KubeObject | undefined;

  constructor(
    readonly minSize: number,
    readonly maxSize: number,
  ) {}

  /** NodeGroupForNode: every node but the control plane. */
  static isMember(node: KubeObject): boolean {
    return node.metadata.labels?.[CONTROL_PLANE_LABEL] === undefined;
  }

  /** TargetSize: registered members not being deleted, plus machines on their way. */
  targetSize(registered: readonly KubeObject[]): number {
    const names = new Set(registered.map((n) => n.metadata.name!));
    let n = 0;
    for (const name of names) if (!this.deleting.has(name)) n++;
    for (const name of this.upcoming.keys()) if (!names.has(name)) n++;
    return n;
  }

  /** Forget machines that have registered. */
  observe(registered: readonly KubeObject[]): void {
    for (const node of registered) {
      this.upcoming.delete(node.metadata.name!);
      if (!node.metadata.deletionTimestamp) this.template = node;
    }
  }

  /**
   * TemplateNodeInfo: a node like the group's others, as a new machine
   * would register it (name and hostname label replaced, no taints the
   * autoscaler or an admin put there, schedulable).
   */
  templateNode(index: number): KubeObject | undefined {
    const base = this.template;
    if (!base) return undefined;
    const name = `template-node-for-${this.id}-${index}`;
    const labels = { ...(base.metadata.labels ?? {}), 'kubernetes.io/hostname': name };
    const spec = { ...(base.spec as Record<string, unknown>) };
    delete spec.unschedulable;
    const taints = ((spec.taints as { key: string }[] | undefined) ?? []).filter((t) => t.key !== TO_BE_DELETED_TAINT && !t.key.startsWith('node.kubernetes.io/'));
    if (taints.length) spec.taints = taints;
    else delete spec.taints;
    return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels }, spec, status: base.status } as KubeObject;
  }
}

/** taints.ToBeDeletedTaint: what the autoscaler puts on a node it removes. */
export const TO_BE_DELETED_TAINT = 'ToBeDeletedByClusterAutoscaler';
