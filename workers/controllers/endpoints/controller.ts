/**
 * The Endpoints controller (pkg/controller/endpoint/endpoints_controller.go):
 * the legacy core/v1 Endpoints object of every Service with a selector —
 * ready pods under `addresses`, the others under `notReadyAddresses`,
 * terminating pods left out (unless publishNotReadyAddresses) — named after
 * the Service and deleted with it.
 */
import type { EndpointAddress, EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1';
import { jsonEqual } from '../../api/object';
import { CORE } from '../../client/factory';
import { keyOf, splitKey, type Informer } from '../../client/informer';
import { WorkQueue, type SyncResult } from '../../client/workqueue';
import type { EventRecorder } from '../../client/events';
import type { ApiCall, ComponentContext } from '../context';
import { apiError, isNamespaceTerminating, isNotFound } from '../replicaset/apiError';
import { findPort, isPodReady, isServiceIPSet, selectorMatches, serviceSelector, servicesForLabels, servicesToUpdateOnPodChange, shouldPodBeInEndpoints, shouldSetHostname } from '../endpointslice/podUtil';
import { formatRFC3339Nano, TriggerTimeTracker } from '../endpointslice/triggerTime';
import { ANNOTATION_LAST_CHANGE_TRIGGER_TIME, LABEL_HEADLESS, type Endpoints, type Pod, type Service } from '../endpointslice/types';
import { ANNOTATION_OVER_CAPACITY, capacityAnnotationSetCorrectly, OVER_CAPACITY_TRUNCATED, podSubset, repackSubsets, subsetsEqual, truncateSubsets } from './subsets';

/** The controller's name in kube-controller-manager (its workqueue's timeline label). */
export const ENDPOINTS_CONTROLLER = 'endpoints-controller';
/** `source.component` of its events. */
export const ENDPOINTS_EVENT_SOURCE = 'endpoint-controller';
const CONTROLLER_MANAGER = 'kube-controller-manager';
/** maxRetries before a failing service is dropped from the queue. */
const MAX_RETRIES = 15;
/** resourcelock.LeaderElectionRecordAnnotationKey: old-style leader election objects are not leftovers. */
const LEADER_ANNOTATION = 'control-plane.alpha.kubernetes.io/leader';

export interface EndpointsControllerOptions {
  /** --endpoint-updates-batch-period (default 0): delay of syncs caused by pod changes. */
  endpointUpdatesBatchPeriodMs?: number;
}

export class EndpointsController {
  private readonly queue: WorkQueue;
  private readonly services: Informer<Service>;
  private readonly pods: Informer<Pod>;
  private readonly endpoints: Informer<Endpoints>;
  private readonly api: ApiCall;
  private readonly recorder: EventRecorder;
  private readonly triggerTimes = new TriggerTimeTracker();
  private readonly batchMs: number;

  constructor(ctx: ComponentContext, opts: EndpointsControllerOptions = {}) {
    this.batchMs = opts.endpointUpdatesBatchPeriodMs ?? 0;
    this.api = ctx.client(CONTROLLER_MANAGER);
    this.recorder = ctx.recorder(ENDPOINTS_EVENT_SOURCE);
    this.queue = new WorkQueue(ctx.clock, (key) => this.syncWithRetries(key), { component: ENDPOINTS_CONTROLLER });
    this.services = ctx.informers.for<Service>(CORE('services'));
    this.pods = ctx.informers.for<Pod>(CORE('pods'));
    this.endpoints = ctx.informers.for<Endpoints>(CORE('endpoints'));
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
    // A deleted Endpoints object is written again if its service still wants one.
    this.endpoints.addEventHandler({ delete: (e) => this.queue.add(keyOf(e)) });
    // checkLeftoverEndpoints: once started, look at every Endpoints object; those without a service go.
    ctx.clock.schedule(0, { component: ENDPOINTS_CONTROLLER, key: '*', what: 'check leftover endpoints' }, () => {
      for (const e of this.endpoints.list()) if (!(LEADER_ANNOTATION in (e.metadata.annotations ?? {}))) this.queue.add(keyOf(e));
    });
  }

  private addPod(pod: Pod): void {
    for (const k of servicesForLabels(this.services, pod.metadata.namespace ?? '', pod.metadata.labels)) this.queue.addAfter(k, this.batchMs);
  }

  private syncWithRetries(key: string): SyncResult {
    const r = this.sync(key);
    if (r && r.error !== undefined && this.queue.numRequeues(key) >= MAX_RETRIES) {
      this.queue.forget(key);
      return;
    }
    return r;
  }

  private sync(key: string): SyncResult {
    const { namespace = '', name } = splitKey(key);
    const svc = this.services.getByKey(key);
    if (!svc) {
      // Endpoints have no owner reference: this controller deletes them with their service.
      const err = apiError(this.api({ verb: 'delete', group: '', version: 'v1', resource: 'endpoints', namespace, name }));
      if (err && !isNotFound(err)) return { error: err.message };
      this.triggerTimes.deleteService(namespace, name);
      return;
    }
    // ExternalName services get no endpoints (https://issues.k8s.io/105986); selector-less ones get the user's.
    if (svc.spec?.type === 'ExternalName') return;
    const selector = serviceSelector(svc);
    if (!selector) return;
    const pods = this.pods.list(namespace).filter((p) => selectorMatches(selector, p.metadata.labels));
    // Computed on every sync so the tracker's state keeps up even when nothing is written.
    const trigger = this.triggerTimes.compute(namespace, svc, pods);
    const subsets = desiredSubsets(svc, pods);

    const current = this.endpoints.getByKey(key);
    const labelsNow = { ...(current?.metadata.labels ?? {}) };
    delete labelsNow[LABEL_HEADLESS];
    if (
      current &&
      subsetsEqual(current.subsets, subsets) &&
      jsonEqual(labelsNow, svc.metadata.labels ?? {}) &&
      capacityAnnotationSetCorrectly(current.metadata.annotations, current.subsets ?? [])
    ) {
      return;
    }

    const annotations: Record<string, string> = { ...(current?.metadata.annotations ?? {}) };
    if (trigger) annotations[ANNOTATION_LAST_CHANGE_TRIGGER_TIME] = formatRFC3339Nano(trigger);
    else delete annotations[ANNOTATION_LAST_CHANGE_TRIGGER_TIME];
    if (truncateSubsets(subsets)) annotations[ANNOTATION_OVER_CAPACITY] = OVER_CAPACITY_TRUNCATED;
    else delete annotations[ANNOTATION_OVER_CAPACITY];
    const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
    if (!isServiceIPSet(svc)) labels[LABEL_HEADLESS] = '';
    else delete labels[LABEL_HEADLESS];

    const meta = current ? { ...current.metadata } : { name, namespace };
    if (Object.keys(labels).length) meta.labels = labels;
    else delete meta.labels;
    if (Object.keys(annotations).length) meta.annotations = annotations;
    else delete meta.annotations;
    const body: Endpoints = { ...(current ?? {}), apiVersion: 'v1', kind: 'Endpoints', metadata: meta };
    // Empty subsets are omitted (omitempty), as the API returns them.
    if (subsets.length) body.subsets = subsets;
    else delete body.subsets;

    const r = current
      ? this.api({ verb: 'update', group: '', version: 'v1', resource: 'endpoints', namespace, name, body })
      : this.api({ verb: 'create', group: '', version: 'v1', resource: 'endpoints', namespace, body });
    const err = apiError(r);
    if (!err) return;
    // Creates keep failing in a terminating namespace: drop the work.
    if (!current && isNamespaceTerminating(err)) return;
    if (current) this.recorder.event(body, 'Warning', 'FailedToUpdateEndpoint', `Failed to update endpoint ${namespace}/${name}: ${err.message}`);
    else this.recorder.event(body, 'Warning', 'FailedToCreateEndpoint', `Failed to create endpoint for service ${namespace}/${name}: ${err.message}`);
    return { error: err.message };
  }
}

/** syncService's loop: one subset per pod and resolved port, then repacked. */
export function desiredSubsets(svc: Service, pods: readonly Pod[]): EndpointSubset[] {
  const publishNotReady = !!svc.spec?.publishNotReadyAddresses;
  const ports = svc.spec?.ports ?? [];
  const raw: EndpointSubset[] = [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
    const address = podAddress(svc, pod);
    // A pod without an IP of the service's family (dual-stack upgrades) is skipped.
    if (!address) continue;
    const ready = publishNotReady || isPodReady(pod);
    if (ports.length === 0) {
      // A headless service may have no ports.
      if (svc.spec?.clusterIP === 'None') raw.push(podSubset(address, undefined, ready));
      continue;
    }
    for (const sp of ports) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      // endpointPortFromServicePort, in the Go struct's field order: name, port, protocol, appProtocol.
      const ep: EndpointPort = sp.name ? { name: sp.name, port, protocol: sp.protocol ?? 'TCP' } : { port, protocol: sp.protocol ?? 'TCP' };
      if (sp.appProtocol !== undefined) ep.appProtocol = sp.appProtocol;
      raw.push(podSubset(address, ep, ready));
    }
  }
  return repackSubsets(raw);
}

/** podToEndpointAddressForService: the pod IP of the service's first IP family. */
function podAddress(svc: Service, pod: Pod): EndpointAddress | undefined {
  let family = 'IPv4';
  const families = svc.spec?.ipFamilies ?? [];
  if (families.length) family = families[0];
  else if (isServiceIPSet(svc)) family = svc.spec!.clusterIP!.includes(':') ? 'IPv6' : 'IPv4';
  else if (pod.status?.podIP?.includes(':')) family = 'IPv6';
  const ips = pod.status?.podIPs?.length ? pod.status.podIPs.map((p) => p.ip) : pod.status?.podIP ? [pod.status.podIP] : [];
  const ip = ips.find((x): x is string => !!x && (family === 'IPv6') === x.includes(':'));
  if (!ip) return undefined;
  const a: EndpointAddress = { ip };
  if (shouldSetHostname(pod, svc)) a.hostname = pod.spec!.hostname;
  a.nodeName = pod.spec?.nodeName;
  a.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
  return a;
}

/** Build the Endpoints controller on a cluster's components (its informers start with the others). */
export function startEndpointsController(ctx: ComponentContext, opts?: EndpointsControllerOptions): EndpointsController {
  return new EndpointsController(ctx, opts);
}
