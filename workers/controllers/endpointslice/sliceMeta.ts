/**
 * The metadata an EndpointSlice gets from its Service: name prefix, owner,
 * labels (staging/src/k8s.io/endpointslice/utils.go newEndpointSlice,
 * setEndpointSliceLabels, ownedBy).
 */
import { jsonEqual } from '../../api/object';
import { isDNS1123Subdomain, maskTrailingDash } from '../../api/validation/names';
import { isServiceIPSet } from './podUtil';
import { LABEL_HEADLESS, LABEL_MANAGED_BY, LABEL_SERVICE_NAME, type EndpointPort, type EndpointSlice, type Service } from './types';

/** discovery.LabelManagedBy value of the EndpointSlice controller. */
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';

const isReservedLabel = (k: string) => k === LABEL_SERVICE_NAME || k === LABEL_MANAGED_BY || k === LABEL_HEADLESS;

/**
 * setEndpointSliceLabels: the service's labels (minus reserved ones), the
 * headless marker, service name and manager; and whether the slice's own
 * non-reserved labels differ from the service's.
 */
export function sliceLabels(slice: EndpointSlice | undefined, svc: Service, controllerName: string): { labels: Record<string, string>; changed: boolean } {
  const mine: Record<string, string> = {};
  for (const [k, v] of Object.entries(slice?.metadata.labels ?? {})) if (!isReservedLabel(k)) mine[k] = v;
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) if (!isReservedLabel(k)) labels[k] = v;
  const changed = !jsonEqual(mine, labels);
  if (!isServiceIPSet(svc)) labels[LABEL_HEADLESS] = '';
  labels[LABEL_SERVICE_NAME] = svc.metadata.name!;
  labels[LABEL_MANAGED_BY] = controllerName;
  return { labels, changed };
}

/** getEndpointSlicePrefix: `<service>-` unless the dash would make an invalid name. */
export function slicePrefix(serviceName: string): string {
  const prefix = `${serviceName}-`;
  // NameIsDNSSubdomain(prefix, true): a trailing dash is fine in a prefix.
  return isDNS1123Subdomain(maskTrailingDash(prefix)).length === 0 ? prefix : serviceName;
}

/** newEndpointSlice: an empty slice for these ports, owned by the service. */
export function newEndpointSlice(svc: Service, ports: EndpointPort[], addressType: string, controllerName: string): EndpointSlice {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: slicePrefix(svc.metadata.name!),
      namespace: svc.metadata.namespace,
      labels: sliceLabels(undefined, svc, controllerName).labels,
      ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: svc.metadata.name!, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    addressType,
    endpoints: [],
    ports,
  };
}

/** ownedBy: an ownerReference to this very Service (same uid). */
export function ownedBy(slice: EndpointSlice, svc: Service): boolean {
  return (slice.metadata.ownerReferences ?? []).some((o) => o.uid === svc.metadata.uid && o.kind === 'Service' && o.apiVersion === 'v1');
}

/** The slice's service key (ServiceControllerKey), or undefined without the label. */
export function serviceKeyOfSlice(slice: EndpointSlice): string | undefined {
  const name = slice.metadata.labels?.[LABEL_SERVICE_NAME];
  return name ? `${slice.metadata.namespace}/${name}` : undefined;
}

export function managedByController(slice: EndpointSlice, controllerName: string): boolean {
  return slice.metadata.labels?.[LABEL_MANAGED_BY] === controllerName;
}
