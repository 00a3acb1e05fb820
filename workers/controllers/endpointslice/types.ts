/**
 * Typed views of the objects the endpoint controllers read and write. They
 * stay plain KubeObjects (what informers hold); kubernetes-types gives the
 * nested shapes.
 */
import type { KubeObject } from '../../api/object';
import type { EndpointSubset, NodeSpec, PodSpec, PodStatus, ServiceSpec, ServiceStatus } from 'kubernetes-types/core/v1';
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';

export type Pod = KubeObject & { spec?: PodSpec; status?: PodStatus };
export type Service = KubeObject & { spec?: ServiceSpec; status?: ServiceStatus };
export type Node = KubeObject & { spec?: NodeSpec };

export type EndpointSlice = KubeObject & {
  addressType: string;
  endpoints?: Endpoint[] | null;
  ports?: EndpointPort[] | null;
};

export type Endpoints = KubeObject & { subsets?: EndpointSubset[] };

export type { Endpoint, EndpointPort, EndpointSubset };

/** discovery.LabelServiceName, discovery.LabelManagedBy, v1.IsHeadlessService. */
export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const LABEL_HEADLESS = 'service.kubernetes.io/headless';
/** v1.EndpointsLastChangeTriggerTime. */
export const ANNOTATION_LAST_CHANGE_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
/** v1.LabelTopologyZone. */
export const LABEL_TOPOLOGY_ZONE = 'topology.kubernetes.io/zone';
