/**
 * The EndpointSlice controller (pkg/controller/endpointslice/endpointslice_controller.go):
 * for every Service with a selector, keeps EndpointSlices listing the pods it
 * selects — address, readiness/serving/terminating, node, zone, target pod —
 * with the ports its targetPorts resolve to, at most 100 endpoints a slice.
 * Services without a selector, and ExternalName ones, are left alone.
 */
import { jsonEqual, type KubeObject } from '../../api/object';
import { apiError, isNamespaceTerminating, isNotFound } from '../replicaset/apiError';
import { CORE } from '../../client/factory';
import { keyOf, type Informer } from '../../client/informer';
import { WorkQueue, type SyncResult } from '../../client/workqueue';
import type { EventRecorder } from '../../client/events';
import type { ApiCall, ComponentContext } from '../context';
import { aggregateMessage } from './errors';
import { selectorMatches, serviceSelector, servicesForLabels, servicesToUpdateOnPodChange } from './podUtil';
import { MAX_ENDPOINTS_PER_SLICE, reconcile, type ReconcilePlan } from './reconciler';
import { CONTROLLER_NAME, managedByController, serviceKeyOfSlice } from './sliceMeta';
import { formatRFC3339Nano, TriggerTimeTracker, type TriggerTime } from './triggerTime';
import { ANNOTATION_LAST_CHANGE_TRIGGER_TIME, LABEL_SERVICE_NAME, type EndpointSlice, type Node, type Pod, type Service } from './types';

/** The controller's name in kube-controller-manager (its workqueue's timeline label). */
export const ENDPOINTSLICE_CONTROLLER = 'endpointslice-controller';
/** `source.component` of its events. */
export const ENDPOINTSLICE_EVENT_SOURCE = 'endpoint-slice-controller';
const CONTROLLER_MANAGER = 'kube-controller-manager';
/** endpointSliceChangeMinSyncDelay: a slice changed by someone else is looked at after a second. */
const SLICE_CHANGE_MIN_SYNC_DELAY_MS = 1000;
/** maxRetries, and the defaultSyncBackOff / maxSyncBackOff of the service queue. */
const MAX_RETRIES = 15;
const SYNC_BACKOFF_MS = 1000;
const MAX_SYNC_BACKOFF_MS = 1000 * 1000;

const SLICES = { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices' };

export interface EndpointSliceControllerOptions {
  /** --max-endpoints-per-slice (default 100). */
  maxEndpointsPerSlice?: number;
  /** --endpointslice-updates-batch-period (default 0): delay of syncs caused by pod changes. */
  endpointUpdatesBatchPeriodMs?: number;
}

/** One sync's outcome, for the timeline's narration. */
export interface EndpointSliceDecision {
  endpoints: number;
  ready: number;
  created: string[];
  updated: string[];
  deleted: string[];
  error?: string;
}

export class EndpointSliceController {
  private readonly queue: WorkQueue;
  private readonly services: Informer<Service>;
  private readonly pods: Informer<Pod>;
  private readonly slices: Informer<EndpointSlice>;
  private readonly nodes: Informer<Node>;
  private readonly api: ApiCall;
  private readonly recorder: EventRecorder;
  private readonly triggerTimes = new TriggerTimeTracker();
  private readonly decisions = new Map<string, EndpointSliceDecision>();
  private readonly maxPerSlice: number;
  private readonly batchMs: number;
  /**
   * The service being synced. The watch delivers our own writes while we
   * make them, so slice events for it now are ours; upstream tells them
   * apart by generation (EndpointSliceTracker.ShouldSync).
   */
  private syncing: string | undefined;

  constructor(ctx: ComponentContext, opts: EndpointSliceControllerOptions = {}) {
    this.maxPerSlice = opts.maxEndpointsPerSlice ?? MAX_ENDPOINTS_PER_SLICE;
    this.batchMs = opts.endpointUpdatesBatchPeriodMs ?? 0;
    this.api = ctx.client(CONTROLLER_MANAGER);
    this.recorder = ctx.recorder(ENDPOINTSLICE_EVENT_SOURCE);
    this.queue = new WorkQueue(ctx.clock, (key) => this.syncWithRetries(key), {
      component: ENDPOINTSLICE_CONTROLLER,
      baseDelayMs: SYNC_BACKOFF_MS,
      maxDelayMs: MAX_SYNC_BACKOFF_MS,
    });
    this.services = ctx.informers.for<Service>(CORE('services'));
    this.pods = ctx.informers.for<Pod>(CORE('pods'));
    this.slices = ctx.informers.for<EndpointSlice>(SLICES);
    this.nodes = ctx.informers.for<Node>(CORE('nodes'));
    this.services.addEventHandler({
      add: (s) => this.queue.add(keyOf(s)),
      update: (_o, s) => this.queue.add(keyOf(s)),
      delete: (s) => this.queue.add(keyOf(s)),
    });
    this.pods.addEventHandler({
      add: (p) => this.addPod(p),
      update: (o, p) => {
        for (const k of servicesToUpdateOnPodChange(this.services, o, p)) this.queue.addAfter(k, this.batchMs);
      },
      delete: (p) => this.addPod(p),
    });
    this.slices.addEventHandler({
      add: (s) => {
        if (managedByController(s, CONTROLLER_NAME) && !this.isOwnWrite(s)) this.queueServiceForSlice(s);
      },
      update: (prev, cur) => this.onSliceUpdate(prev, cur),
      delete: (s) => {
        // A slice deleted by someone else is recreated; the garbage collector's deletions follow their service's.
        if (!managedByController(s, CONTROLLER_NAME) || this.isOwnWrite(s)) return;
        const key = serviceKeyOfSlice(s);
        if (key && this.services.getByKey(key)) this.queueServiceForSlice(s);
      },
    });
  }

  /** What the last sync of `namespace/name` did. */
  lastDecision(key: string): EndpointSliceDecision | undefined {
    return this.decisions.get(key);
  }

  private isOwnWrite(slice: EndpointSlice): boolean {
    return this.syncing !== undefined && serviceKeyOfSlice(slice) === this.syncing;
  }

  private addPod(pod: Pod): void {
    for (const k of servicesForLabels(this.services, pod.metadata.namespace ?? '', pod.metadata.labels)) this.queue.addAfter(k, this.batchMs);
  }

  private onSliceUpdate(prev: EndpointSlice, cur: EndpointSlice): void {
    // The service-name label is the one thing users change that moves a slice between services.
    if (prev.metadata.labels?.[LABEL_SERVICE_NAME] !== cur.metadata.labels?.[LABEL_SERVICE_NAME]) {
      this.queueServiceForSlice(cur);
      this.queueServiceForSlice(prev);
      return;
    }
    if (this.isOwnWrite(cur)) return;
    const managedChanged = managedByController(prev, CONTROLLER_NAME) !== managedByController(cur, CONTROLLER_NAME);
    // Upstream looks for a newer generation than it wrote; the generation moves when anything
    // but metadata, or the labels, change, which is what is compared here.
    const changedByOthers =
      managedByController(cur, CONTROLLER_NAME) &&
      (!jsonEqual(prev.endpoints ?? null, cur.endpoints ?? null) || !jsonEqual(prev.ports ?? null, cur.ports ?? null) || !jsonEqual(prev.metadata.labels, cur.metadata.labels));
    if (managedChanged || changedByOthers) this.queueServiceForSlice(cur);
  }

  private queueServiceForSlice(slice: EndpointSlice): void {
    const key = serviceKeyOfSlice(slice);
    if (key) this.queue.addAfter(key, Math.max(SLICE_CHANGE_MIN_SYNC_DELAY_MS, this.batchMs));
  }

  /** handleErr: retry with back-off up to maxRetries, then drop the key. */
  private syncWithRetries(key: string): SyncResult {
    const r = this.sync(key);
    if (r && r.error !== undefined && this.queue.numRequeues(key) >= MAX_RETRIES) {
      this.queue.forget(key);
      return;
    }
    return r;
  }

  private sync(key: string): SyncResult {
    const svc = this.services.getByKey(key);
    if (!svc) {
      // Its slices go with it: they are owned by the Service, so the garbage collector deletes them.
      const i = key.indexOf('/');
      this.triggerTimes.deleteService(key.slice(0, i), key.slice(i + 1));
      this.decisions.delete(key);
      return;
    }
    if (svc.spec?.type === 'ExternalName') return;
    const selector = serviceSelector(svc);
    // Without a selector, slices are the user's to write (or the mirroring controller's).
    if (!selector) return;
    const ns = svc.metadata.namespace ?? '';
    const pods = this.pods.list(ns).filter((p) => selectorMatches(selector, p.metadata.labels));
    const slices = this.slices
      .list(ns)
      .filter((s) => s.metadata.labels?.[LABEL_SERVICE_NAME] === svc.metadata.name && managedByController(s, CONTROLLER_NAME) && !s.metadata.deletionTimestamp);
    // Computed on every sync so the tracker's state keeps up even when nothing is written.
    const trigger = this.triggerTimes.compute(ns, svc, pods);
    const plan = reconcile({ service: svc, pods, slices, node: (n) => this.nodes.get(undefined, n), maxEndpointsPerSlice: this.maxPerSlice, controllerName: CONTROLLER_NAME });
    const decision: EndpointSliceDecision = { endpoints: 0, ready: 0, created: [], updated: [], deleted: [] };
    this.syncing = key;
    let finalizeError: string | undefined;
    try {
      finalizeError = this.finalize(svc, plan, trigger, decision);
    } finally {
      this.syncing = undefined;
    }
    for (const s of this.slices.list(ns)) {
      if (s.metadata.labels?.[LABEL_SERVICE_NAME] !== svc.metadata.name || !managedByController(s, CONTROLLER_NAME)) continue;
      for (const ep of s.endpoints ?? []) {
        decision.endpoints++;
        if (ep.conditions?.ready) decision.ready++;
      }
    }
    this.decisions.set(key, decision);
    const errors = finalizeError === undefined ? plan.errors : [...plan.errors, finalizeError];
    if (errors.length === 0) return;
    const message = aggregateMessage(errors);
    decision.error = message;
    this.recorder.event(svc, 'Warning', 'FailedToUpdateEndpointSlices', `Error updating Endpoint Slices for Service ${ns}/${svc.metadata.name}: ${message}`);
    return { error: message };
  }

  /** Reconciler.finalize: creates (not for a service being deleted), then updates, then deletes. */
  private finalize(svc: Service, plan: ReconcilePlan, trigger: TriggerTime, decision: EndpointSliceDecision): string | undefined {
    const ns = svc.metadata.namespace ?? '';
    const who = `Service ${ns}/${svc.metadata.name}`;
    if (!svc.metadata.deletionTimestamp) {
      for (const slice of plan.create) {
        const r = this.api({ verb: 'create', ...SLICES, namespace: ns, body: wire(slice, trigger) });
        const err = apiError(r);
        if (err) {
          // A terminating namespace refuses creates for good: drop the work.
          if (isNamespaceTerminating(err)) return undefined;
          return `failed to create EndpointSlice for ${who}: ${err.message}`;
        }
        decision.created.push((r.body as KubeObject).metadata.name!);
      }
    }
    for (const slice of plan.update) {
      const name = slice.metadata.name!;
      const err = apiError(this.api({ verb: 'update', ...SLICES, namespace: ns, name, body: wire(slice, trigger) }));
      if (err) return `failed to update ${name} EndpointSlice for ${who}: ${err.message}`;
      decision.updated.push(name);
    }
    for (const slice of plan.delete) {
      const name = slice.metadata.name!;
      const err = apiError(this.api({ verb: 'delete', ...SLICES, namespace: ns, name }));
      if (err && !isNotFound(err)) return `failed to delete ${name} EndpointSlice for ${who}: ${err.message}`;
      decision.deleted.push(name);
    }
    return undefined;
  }
}

/**
 * The slice as sent: the trigger-time annotation set or cleared
 * (addTriggerTimeAnnotation), and empty lists as null, which is how they
 * come back from etcd and how kubectl shows them (`endpoints: null`).
 */
function wire(slice: EndpointSlice, trigger: TriggerTime): EndpointSlice {
  const annotations = { ...(slice.metadata.annotations ?? {}) };
  if (trigger) annotations[ANNOTATION_LAST_CHANGE_TRIGGER_TIME] = formatRFC3339Nano(trigger);
  else delete annotations[ANNOTATION_LAST_CHANGE_TRIGGER_TIME];
  return {
    ...slice,
    metadata: { ...slice.metadata, annotations },
    endpoints: slice.endpoints?.length ? slice.endpoints : null,
    ports: slice.ports?.length ? slice.ports : null,
  };
}

/** Build the EndpointSlice controller on a cluster's components (its informers start with the others). */
export function startEndpointSliceController(ctx: ComponentContext, opts?: EndpointSliceControllerOptions): EndpointSliceController {
  return new EndpointSliceController(ctx, opts);
}
