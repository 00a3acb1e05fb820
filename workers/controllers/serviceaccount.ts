/**
 * Ensures every active namespace has the `default` ServiceAccount
 * (pkg/controller/serviceaccount/serviceaccounts_controller.go).
 */
import type { Clock } from '../clock/clock';
import type { InformerFactory } from '../client/factory';
import { CORE } from '../client/factory';
import { WorkQueue } from '../client/workqueue';
import type { KubeObject } from '../api/object';
import type { ApiRequest, ApiResponse } from '../api/request';

export const SERVICE_ACCOUNT_CONTROLLER = 'serviceaccount-controller';

export class ServiceAccountsController {
  private readonly queue: WorkQueue;
  private readonly namespaces;
  private readonly serviceAccounts;

  constructor(
    clock: Clock,
    informers: InformerFactory,
    private readonly api: (req: Omit<ApiRequest, 'userAgent'>) => ApiResponse,
  ) {
    this.queue = new WorkQueue(clock, (key) => this.sync(key), { component: SERVICE_ACCOUNT_CONTROLLER });
    this.namespaces = informers.for(CORE('namespaces'));
    this.serviceAccounts = informers.for(CORE('serviceaccounts'));
    this.namespaces.addEventHandler({ add: (ns) => this.queue.add(ns.metadata.name!), update: (_o, ns) => this.queue.add(ns.metadata.name!) });
    this.serviceAccounts.addEventHandler({
      delete: (sa) => {
        if (sa.metadata.name === 'default') this.queue.add(sa.metadata.namespace!);
      },
    });
  }

  private sync(namespace: string) {
    const ns = this.namespaces.get(undefined, namespace);
    if (!ns || (ns.status as { phase?: string } | undefined)?.phase !== 'Active' || ns.metadata.deletionTimestamp) return;
    if (this.serviceAccounts.get(namespace, 'default')) return;
    const body: KubeObject = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } };
    const r = this.api({ verb: 'create', group: '', version: 'v1', resource: 'serviceaccounts', namespace, body });
    if (r.status >= 400 && r.status !== 409) return { error: JSON.stringify(r.body) };
  }
}
