/**
 * What the Endpoints and EndpointSlice controllers ask of pods and services
 * (staging/src/k8s.io/endpointslice/util/controller_utils.go and utils.go).
 */
import type { ServicePort } from 'kubernetes-types/core/v1';
import { jsonEqual } from '../../api/object';
import { keyOf, type Informer } from '../../client/informer';
import type { Pod, Service } from './types';

export function isPodReady(pod: Pod): boolean {
  for (const c of pod.status?.conditions ?? []) if (c.type === 'Ready') return c.status === 'True';
  return false;
}

export function isPodTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** ShouldPodBeInEndpoints: not finished, has an IP, and (unless asked) not terminating. */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  if (isPodTerminal(pod)) return false;
  if (!pod.status?.podIP && (pod.status?.podIPs ?? []).length === 0) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/** ShouldSetHostname: the pod asked to be `<hostname>.<subdomain>` and the subdomain is this service. */
export function shouldSetHostname(pod: Pod, svc: Service): boolean {
  return !!pod.spec?.hostname && pod.spec.subdomain === svc.metadata.name && svc.metadata.namespace === pod.metadata.namespace;
}

/** isServiceIPSet: headless services (and ExternalName ones) have none. */
export function isServiceIPSet(svc: Service): boolean {
  const ip = svc.spec?.clusterIP;
  return !!ip && ip !== 'None';
}

/**
 * The selector as Go sees it after a JSON round trip: an empty map is
 * omitted, so it is "no selector" (selects nothing), not "everything".
 */
export function serviceSelector(svc: Service): Record<string, string> | undefined {
  const sel = svc.spec?.selector;
  if (!sel || Object.keys(sel).length === 0) return undefined;
  return sel;
}

export function selectorMatches(selector: Record<string, string>, labels: Readonly<Record<string, string>> | undefined): boolean {
  for (const k in selector) if (labels?.[k] !== selector[k]) return false;
  return true;
}

/**
 * FindPort: a numeric targetPort is used as it is; a named one is looked up
 * among the containers' ports (then sidecars') with the same protocol.
 */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort;
  if (typeof target === 'number') return target;
  if (typeof target !== 'string') return undefined;
  // An intstr that holds a number in string form is a name here too, as upstream.
  const protocol = sp.protocol ?? 'TCP';
  const lookup = (containers: { ports?: { name?: string; protocol?: string; containerPort: number }[] }[]) => {
    for (const c of containers) for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
    return undefined;
  };
  const found = lookup(pod.spec?.containers ?? []);
  if (found !== undefined) return found;
  return lookup((pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always'));
}

/** getServicesForPod: keys of the services in the pod's namespace whose selector matches these labels. */
export function servicesForLabels(services: Informer<Service>, namespace: string, labels: Readonly<Record<string, string>> | undefined): Set<string> {
  const out = new Set<string>();
  for (const svc of services.list(namespace)) {
    const sel = serviceSelector(svc);
    if (sel && selectorMatches(sel, labels)) out.add(keyOf(svc));
  }
  return out;
}

/**
 * podEndpointsChanged: [pod changed in a way its endpoint shows, labels (or
 * hostname/subdomain) changed so its services may differ].
 */
export function podEndpointsChanged(old: Pod, cur: Pod): [boolean, boolean] {
  const labelsChanged =
    !jsonEqual(old.metadata.labels ?? null, cur.metadata.labels ?? null) || old.spec?.hostname !== cur.spec?.hostname || old.spec?.subdomain !== cur.spec?.subdomain;
  // Upstream compares the deletionTimestamp pointers: two decoded objects
  // differ whenever either has one.
  if (old.metadata.deletionTimestamp || cur.metadata.deletionTimestamp) return [true, labelsChanged];
  if (isPodReady(old) !== isPodReady(cur)) return [true, labelsChanged];
  const a = old.status?.podIPs ?? [];
  const b = cur.status?.podIPs ?? [];
  if (a.length !== b.length) return [true, labelsChanged];
  for (let i = 0; i < a.length; i++) if (a[i].ip !== b[i].ip) return [true, labelsChanged];
  return [false, labelsChanged];
}

/** GetServicesToUpdateOnPodChange. */
export function servicesToUpdateOnPodChange(services: Informer<Service>, old: Pod, cur: Pod): Set<string> {
  if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return new Set();
  const [podChanged, labelsChanged] = podEndpointsChanged(old, cur);
  if (!podChanged && !labelsChanged) return new Set();
  const ns = cur.metadata.namespace ?? '';
  const now = servicesForLabels(services, ns, cur.metadata.labels);
  if (!labelsChanged) return now;
  const before = servicesForLabels(services, ns, old.metadata.labels);
  // determineNeededServiceUpdates: with only labels changed, services in both sets see no difference.
  const out = new Set<string>();
  for (const k of now) if (podChanged || !before.has(k)) out.add(k);
  for (const k of before) if (podChanged || !now.has(k)) out.add(k);
  return out;
}
