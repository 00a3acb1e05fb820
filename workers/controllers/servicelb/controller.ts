/**
 * The cloud service controller
 * (staging/src/k8s.io/cloud-provider/controllers/service/controller.go) on the
 * playground's simulated cloud: a LoadBalancer Service gets the cleanup
 * finalizer, a load balancer with a public IP after a short provisioning
 * delay, and `status.loadBalancer.ingress`; the load balancer is released when
 * the service is deleted or changes type. Backends follow the node set.
 *
 * Upstream's EnsureLoadBalancer call blocks its worker until the cloud is
 * done. Here the call is two clock tasks: the sync that starts provisioning
 * and, `provisionDelayMs` later, the completion; the key is "in flight"
 * between them (syncs meanwhile are replayed after it), as a workqueue key
 * being processed is.
 */
import type { KubeObject } from '../../api/object';
import { jsonEqual } from '../../api/object';
import { CORE } from '../../client/factory';
import { keyOf, type Informer } from '../../client/informer';
import { WorkQueue, type SyncResult } from '../../client/workqueue';
import type { EventRecorder } from '../../client/events';
import type { Clock } from '../../clock/clock';
import type { ApiCall, ComponentContext } from '../context';
import { apiError, isNotFound } from '../replicaset/apiError';
import type { Node, Service } from '../endpointslice/types';
import { SimulatedCloud, type LoadBalancerStatus } from './cloud';
import { hasLBFinalizer, isLoadBalancerHost, LB_CLEANUP_FINALIZER, needsCleanup, needsUpdate, shouldSyncUpdatedNode, wantsLoadBalancer } from './predicates';

/** The controller's name in the controller manager (its workqueue's timeline label). */
export const SERVICE_LB_CONTROLLER = 'service-lb-controller';
/** `source.component` of its events. */
export const SERVICE_EVENT_SOURCE = 'service-controller';
const CLOUD_CONTROLLER_MANAGER = 'cloud-controller-manager';
/** minRetryDelay / maxRetryDelay of the service queue. */
const MIN_RETRY_DELAY_MS = 5000;
const MAX_RETRY_DELAY_MS = 300_000;
/** How long the simulated cloud takes to bring up a new load balancer. */
export const DEFAULT_PROVISION_DELAY_MS = 2000;
const NODES_KEY = 'nodes';

export interface ServiceLBControllerOptions {
  provisionDelayMs?: number;
  /** The cloud to use (tests share one between controllers). */
  cloud?: SimulatedCloud;
}

export class ServiceLBController {
  readonly cloud: SimulatedCloud;
  private readonly clock: Clock;
  private readonly queue: WorkQueue;
  private readonly nodeQueue: WorkQueue;
  private readonly services: Informer<Service>;
  private readonly nodes: Informer<Node>;
  private readonly api: ApiCall;
  private readonly recorder: EventRecorder;
  private readonly provisionDelayMs: number;
  /** serviceCache: the last service seen per key, for clean-up after it is gone. */
  private readonly cache = new Map<string, Service>();
  /** Backend nodes last given to each load balancer (lastSyncedNodes). */
  private readonly lastSyncedNodes = new Map<string, string[]>();
  /** Keys whose EnsureLoadBalancer is under way, and whether a sync came meanwhile. */
  private readonly inFlight = new Map<string, { dirty: boolean }>();

  constructor(ctx: ComponentContext, opts: ServiceLBControllerOptions = {}) {
    this.cloud = opts.cloud ?? new SimulatedCloud();
    this.clock = ctx.clock;
    this.provisionDelayMs = opts.provisionDelayMs ?? DEFAULT_PROVISION_DELAY_MS;
    this.api = ctx.client(CLOUD_CONTROLLER_MANAGER);
    this.recorder = ctx.recorder(SERVICE_EVENT_SOURCE);
    this.queue = new WorkQueue(ctx.clock, (key) => this.sync(key), { component: SERVICE_LB_CONTROLLER, baseDelayMs: MIN_RETRY_DELAY_MS, maxDelayMs: MAX_RETRY_DELAY_MS });
    this.nodeQueue = new WorkQueue(ctx.clock, () => this.syncNodes(), { component: SERVICE_LB_CONTROLLER, what: 'sync nodes', baseDelayMs: MIN_RETRY_DELAY_MS, maxDelayMs: MAX_RETRY_DELAY_MS });
    this.services = ctx.informers.for<Service>(CORE('services'));
    this.nodes = ctx.informers.for<Node>(CORE('nodes'));
    this.services.addEventHandler({
      // needsCleanup on add picks up work left when the controller last stopped.
      add: (s) => {
        if (wantsLoadBalancer(s) || needsCleanup(s)) this.queue.add(keyOf(s));
      },
      update: (o, s) => {
        if (needsUpdate(o, s) || needsCleanup(s)) this.queue.add(keyOf(s));
      },
      // Deletion comes as an update (deletionTimestamp) while the finalizer holds the service.
    });
    this.nodes.addEventHandler({
      add: () => this.nodeQueue.add(NODES_KEY),
      update: (o, n) => {
        if (shouldSyncUpdatedNode(o, n)) this.nodeQueue.add(NODES_KEY);
      },
      delete: () => this.nodeQueue.add(NODES_KEY),
    });
  }

  private sync(key: string): SyncResult {
    const busy = this.inFlight.get(key);
    if (busy) {
      busy.dirty = true;
      return;
    }
    const svc = this.services.getByKey(key);
    if (!svc) return this.processServiceDeletion(key);
    // A copy: writes during the sync replace its metadata, never the informer's object.
    return this.processServiceCreateOrUpdate({ ...svc }, key);
  }

  private processServiceDeletion(key: string): SyncResult {
    const cached = this.cache.get(key);
    // Never had a load balancer, or it is already gone.
    if (!cached) return;
    const err = this.processLoadBalancerDelete(cached, key);
    if (err) return { error: err };
    this.cache.delete(key);
  }

  /** processLoadBalancerDelete: the path for a service that vanished without our finalizer. */
  private processLoadBalancerDelete(svc: Service, key: string): string | undefined {
    if (!wantsLoadBalancer(svc)) return undefined;
    this.recorder.event(svc, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer');
    this.cloud.ensureDeleted(svc);
    this.lastSyncedNodes.delete(key);
    this.recorder.event(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer');
    return undefined;
  }

  private processServiceCreateOrUpdate(svc: Service, key: string): SyncResult {
    const cached = this.cache.get(key);
    // Deleted and recreated under the same name before we saw the deletion.
    if (cached && cached.metadata.uid !== svc.metadata.uid) {
      const err = this.processLoadBalancerDelete(cached, key);
      if (err) return { error: err };
    }
    this.cache.set(key, svc);
    const r = this.syncLoadBalancerIfNeeded(svc, key);
    if (r.error !== undefined) {
      this.recorder.event(svc, 'Warning', 'SyncLoadBalancerFailed', `Error syncing load balancer: ${r.error}`);
      return { error: r.error };
    }
    if (r.op === 'delete') this.cache.delete(key);
  }

  private syncLoadBalancerIfNeeded(svc: Service, key: string): { op: 'delete' | 'ensure'; error?: string } {
    const previous = (svc.status?.loadBalancer ?? {}) as LoadBalancerStatus;
    if (!wantsLoadBalancer(svc) || needsCleanup(svc)) {
      if (this.cloud.get(svc)) {
        this.recorder.event(svc, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer');
        this.cloud.ensureDeleted(svc);
        this.lastSyncedNodes.delete(key);
      }
      // The finalizer goes only once the cloud resources are gone.
      const err = this.setFinalizer(svc, false);
      if (err) return { op: 'delete', error: `failed to remove load balancer cleanup finalizer: ${err}` };
      this.recorder.event(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer');
      const patchErr = this.patchStatus(svc, previous, {});
      return patchErr ? { op: 'delete', error: patchErr } : { op: 'delete' };
    }
    this.recorder.event(svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer');
    // The finalizer comes first, so the service cannot go before its load balancer does.
    const err = this.setFinalizer(svc, true);
    if (err) return { op: 'ensure', error: `failed to add load balancer cleanup finalizer: ${err}` };
    const hosts = this.hostsFor(svc);
    if (!this.cloud.get(svc) && this.provisionDelayMs > 0) {
      this.inFlight.set(key, { dirty: false });
      this.clock.schedule(this.provisionDelayMs, { component: SERVICE_LB_CONTROLLER, key, what: 'ensure load balancer' }, () => this.finishEnsure(key, svc.metadata.uid!, hosts));
      return { op: 'ensure' };
    }
    return this.ensure(svc, hosts, previous);
  }

  /** The provisioning started by a sync is done: the rest of that sync. */
  private finishEnsure(key: string, uid: string, hosts: string[]): void {
    const dirty = this.inFlight.get(key)?.dirty ?? false;
    this.inFlight.delete(key);
    const svc = this.services.getByKey(key);
    if (!svc || svc.metadata.uid !== uid) {
      // Gone while provisioning (its finalizer was removed by hand): the next sync cleans up.
      this.queue.add(key);
      return;
    }
    const r = this.ensure(svc, hosts, (svc.status?.loadBalancer ?? {}) as LoadBalancerStatus);
    if (r.error !== undefined) {
      this.recorder.event(svc, 'Warning', 'SyncLoadBalancerFailed', `Error syncing load balancer: ${r.error}`);
      this.queue.addRateLimited(key);
      return;
    }
    this.queue.forget(key);
    if (dirty) this.queue.add(key);
  }

  private ensure(svc: Service, hosts: string[], previous: LoadBalancerStatus): { op: 'ensure'; error?: string } {
    const r = this.cloud.ensure(svc, hosts);
    if (!r.ok) return { op: 'ensure', error: `failed to ensure load balancer: ${r.error}` };
    this.lastSyncedNodes.set(keyOf(svc), hosts);
    this.recorder.event(svc, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer');
    const patchErr = this.patchStatus(svc, previous, r.status);
    return patchErr ? { op: 'ensure', error: patchErr } : { op: 'ensure' };
  }

  /** The nodes a new or updated load balancer sends traffic to; warns when there are none. */
  private hostsFor(svc: Service): string[] {
    const hosts = this.hosts();
    if (hosts.length === 0) this.recorder.event(svc, 'Warning', 'UnAvailableLoadBalancer', 'There are no available nodes for LoadBalancer');
    return hosts;
  }

  private hosts(): string[] {
    return this.nodes
      .list()
      .filter(isLoadBalancerHost)
      .map((n) => n.metadata.name!)
      .sort();
  }

  /**
   * addFinalizer / removeFinalizer. Upstream patches through the status
   * subresource; this API server keeps metadata on status writes, so the
   * finalizer is patched on the service itself, guarded by its resourceVersion.
   */
  private setFinalizer(svc: Service, present: boolean): string | undefined {
    if (hasLBFinalizer(svc) === present) return undefined;
    const current = svc.metadata.finalizers ?? [];
    const next = present ? [...current, LB_CLEANUP_FINALIZER] : current.filter((f) => f !== LB_CLEANUP_FINALIZER);
    const r = this.api({
      verb: 'patch',
      group: '',
      version: 'v1',
      resource: 'services',
      namespace: svc.metadata.namespace,
      name: svc.metadata.name,
      contentType: 'application/merge-patch+json',
      body: { metadata: { finalizers: next.length ? next : null, resourceVersion: svc.metadata.resourceVersion } },
    });
    const err = apiError(r);
    if (err) return err.message;
    // Later writes of this sync start from the patched object (svc is the sync's own copy).
    svc.metadata = (r.body as KubeObject).metadata;
    return undefined;
  }

  /** patchStatus: write status.loadBalancer when it changed; a service already gone is fine. */
  private patchStatus(svc: Service, previous: LoadBalancerStatus, next: LoadBalancerStatus): string | undefined {
    if (jsonEqual(previous.ingress ?? [], next.ingress ?? [])) return undefined;
    const r = this.api({
      verb: 'patch',
      group: '',
      version: 'v1',
      resource: 'services',
      namespace: svc.metadata.namespace,
      name: svc.metadata.name,
      subresource: 'status',
      contentType: 'application/merge-patch+json',
      body: { status: { loadBalancer: { ingress: next.ingress?.length ? next.ingress : null } } },
    });
    const err = apiError(r);
    if (err && !isNotFound(err)) return `failed to update load balancer status: ${err.message}`;
    return undefined;
  }

  /** syncNodes / nodeSyncService: point every load balancer at the current node set. */
  private syncNodes(): SyncResult {
    const hosts = this.hosts();
    for (const [key, svc] of this.cache) {
      if (!wantsLoadBalancer(svc) || this.inFlight.has(key) || !this.cloud.get(svc)) continue;
      const last = this.lastSyncedNodes.get(key) ?? [];
      this.lastSyncedNodes.set(key, hosts);
      if (jsonEqual(last, hosts)) continue;
      this.cloud.updateHosts(svc, hosts);
      if (hosts.length === 0) this.recorder.event(svc, 'Warning', 'UnAvailableLoadBalancer', 'There are no available nodes for LoadBalancer');
      else this.recorder.event(svc, 'Normal', 'UpdatedLoadBalancer', 'Updated load balancer with new hosts');
    }
  }
}

/** Build the service (cloud load balancer) controller on a cluster's components. */
export function startServiceLBController(ctx: ComponentContext, opts?: ServiceLBControllerOptions): ServiceLBController {
  return new ServiceLBController(ctx, opts);
}
