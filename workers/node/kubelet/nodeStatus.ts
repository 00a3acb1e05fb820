/**
 * Node registration and status (pkg/kubelet/kubelet_node_status.go):
 * register the Node, or take over one that exists; every
 * nodeStatusUpdateFrequency (10 s) compute the status and write it only
 * when it changed or nodeStatusReportFrequency (5 min) has passed.
 */
import type { KubeObject } from '../../api/object';
import { jsonEqual } from '../../api/object';
import type { ApiCall } from '../../controllers/context';
import type { Clock } from '../../clock/clock';
import { buildNode, type NodeSpecInput } from '../nodeObject';

export const NODE_STATUS_UPDATE_MS = 10_000;
export const NODE_STATUS_REPORT_MS = 5 * 60_000;
/** nodeStatusMaxImages: the largest images are listed first. */
const MAX_IMAGES = 50;

interface Condition {
  type: string;
  status: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

const NODES = { group: '', version: 'v1', resource: 'nodes' } as const;

export class NodeStatusReporter {
  private lastReport = -Infinity;
  uid?: string;

  constructor(
    private readonly clock: Clock,
    private readonly api: ApiCall,
    private readonly input: NodeSpecInput,
    private readonly images?: () => { names: string[]; sizeBytes: number }[],
    /** The eviction manager's view (setters.go MemoryPressureCondition). */
    private readonly pressure?: () => { memory: boolean },
  ) {}

  /** tryRegisterWithAPIServer: create, or reconcile the existing Node. Returns whether the node is registered. */
  register(): boolean {
    const desired = buildNode(this.input, this.clock.timestamp());
    const r = this.api({ ...NODES, verb: 'create', body: desired });
    if (r.status === 201 || r.status === 200) {
      this.uid = (r.body as KubeObject).metadata.uid;
      this.lastReport = this.clock.now();
      return true;
    }
    if (r.status !== 409) return false;
    const got = this.api({ ...NODES, verb: 'get', name: this.input.name });
    if (got.status !== 200) return false;
    const existing = got.body as KubeObject;
    this.uid = existing.metadata.uid;
    // Default labels and annotations are the kubelet's to keep (updateDefaultLabels).
    const labels = { ...(existing.metadata.labels ?? {}), ...(desired.metadata.labels ?? {}) };
    const annotations = { ...(existing.metadata.annotations ?? {}), ...(desired.metadata.annotations ?? {}) };
    if (!jsonEqual(labels, existing.metadata.labels) || !jsonEqual(annotations, existing.metadata.annotations)) {
      this.api({ ...NODES, verb: 'update', name: this.input.name, body: { ...existing, metadata: { ...existing.metadata, labels, annotations } } });
    }
    this.update(true);
    return true;
  }

  /** One status round; `force` writes even when nothing changed. */
  update(force = false): void {
    const got = this.api({ ...NODES, verb: 'get', name: this.input.name });
    if (got.status !== 200) return;
    const node = got.body as KubeObject;
    this.uid = node.metadata.uid;
    const now = this.clock.timestamp();
    const built = buildNode(this.input, now).status as Record<string, unknown> & { conditions: Condition[] };
    if (this.pressure?.().memory) {
      built.conditions = built.conditions.map((c) =>
        c.type === 'MemoryPressure' ? { ...c, status: 'True', reason: 'KubeletHasInsufficientMemory', message: 'kubelet has insufficient memory available' } : c,
      );
    }
    const current = (node.status ?? {}) as Record<string, unknown> & { conditions?: Condition[] };
    const conditions = built.conditions.map((c) => {
      const old = current.conditions?.find((o) => o.type === c.type);
      return { ...c, lastTransitionTime: old && old.status === c.status && old.lastTransitionTime ? old.lastTransitionTime : now };
    });
    const status: Record<string, unknown> = { ...current, ...built, conditions };
    const images = this.images?.();
    if (images) status.images = [...images].sort((a, b) => b.sizeBytes - a.sizeBytes).slice(0, MAX_IMAGES);
    const strip = (s: Record<string, unknown>) => ({ ...s, conditions: ((s.conditions ?? []) as Condition[]).map(({ lastHeartbeatTime: _h, ...rest }) => rest) });
    const due = this.clock.now() - this.lastReport >= NODE_STATUS_REPORT_MS;
    if (!force && !due && jsonEqual(strip(status), strip(current))) return;
    const r = this.api({ ...NODES, verb: 'update', name: this.input.name, subresource: 'status', body: { ...node, status } });
    if (r.status < 400) this.lastReport = this.clock.now();
  }
}
