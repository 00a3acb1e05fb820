/**
 * The node's heartbeat Lease in kube-node-lease (pkg/kubelet/nodelease,
 * component-helpers/apimachinery/lease/controller.go): created owned by the
 * Node, renewed every 10 s (a quarter of its 40 s duration).
 */
import type { KubeObject } from '../../api/object';
import type { ApiCall } from '../../controllers/context';
import type { Clock } from '../../clock/clock';

export const LEASE_DURATION_SECONDS = 40;
export const LEASE_RENEW_MS = 10_000;
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

const LEASES = { group: 'coordination.k8s.io', version: 'v1', resource: 'leases', namespace: NODE_LEASE_NAMESPACE } as const;

export class NodeLease {
  private lease?: KubeObject;

  constructor(
    private readonly clock: Clock,
    private readonly api: ApiCall,
    private readonly nodeName: string,
    private readonly nodeUid: () => string | undefined,
  ) {}

  renew(): void {
    const renewTime = this.clock.microTimestamp();
    if (!this.lease) {
      const got = this.api({ ...LEASES, verb: 'get', name: this.nodeName });
      if (got.status === 200) this.lease = got.body as KubeObject;
      else if (got.status === 404) {
        this.create(renewTime);
        return;
      } else return;
    }
    const lease = this.lease!;
    const spec = { ...((lease.spec ?? {}) as Record<string, unknown>), holderIdentity: this.nodeName, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime };
    const r = this.api({ ...LEASES, verb: 'update', name: this.nodeName, body: { ...lease, spec } });
    if (r.status < 400) this.lease = r.body as KubeObject;
    // On a conflict or a deleted lease, start from what the API has next time.
    else this.lease = undefined;
  }

  private create(renewTime: string): void {
    const uid = this.nodeUid();
    const body: KubeObject = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name: this.nodeName,
        namespace: NODE_LEASE_NAMESPACE,
        ...(uid ? { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: this.nodeName, uid }] } : {}),
      },
      spec: { holderIdentity: this.nodeName, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime },
    };
    const r = this.api({ ...LEASES, verb: 'create', body });
    if (r.status < 400) this.lease = r.body as KubeObject;
  }
}
