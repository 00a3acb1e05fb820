/**
 * Every built-in kind's printer, keyed `<group>/<Kind>` (core group ''), so
 * `kubectl get` prints what it prints against a v1.32 API server. Kinds
 * upstream has no printer for get the default NAME / CREATED AT table.
 */
import { parseApiVersion, type KubeObject } from '../object';
import { configMapPrinter } from './configmap';
import { controllerRevisionPrinter } from './controllerrevision';
import { customResourceDefinitionPrinter } from './crd';
import { cronJobPrinter } from './cronjob';
import { daemonSetPrinter } from './daemonset';
import { defaultPrinter } from './defaultprinter';
import { deploymentPrinter } from './deployment';
import { endpointsPrinter } from './endpoints';
import { endpointSlicePrinter } from './endpointslice';
import { eventPrinter, eventsV1Printer } from './event';
import { horizontalPodAutoscalerPrinter } from './hpa';
import { ingressPrinter } from './ingress';
import { ingressClassPrinter } from './ingressclass';
import { jobPrinter } from './job';
import { leasePrinter } from './lease';
import { limitRangePrinter } from './limitrange';
import { namespacePrinter } from './namespace';
import { networkPolicyPrinter } from './networkpolicy';
import { nodePrinter } from './node';
import { podDisruptionBudgetPrinter } from './pdb';
import { podPrinter } from './pod';
import { priorityClassPrinter } from './priorityclass';
import { persistentVolumePrinter } from './pv';
import { persistentVolumeClaimPrinter } from './pvc';
import { clusterRoleBindingPrinter, roleBindingPrinter } from './rbac';
import { replicaSetPrinter } from './replicaset';
import { replicationControllerPrinter } from './replicationcontroller';
import { resourceQuotaPrinter } from './resourcequota';
import { secretPrinter } from './secret';
import { servicePrinter } from './service';
import { serviceAccountPrinter } from './serviceaccount';
import { statefulSetPrinter } from './statefulset';
import { storageClassPrinter } from './storageclass';
import type { Printer } from './types';

export const printers: Record<string, Printer> = {
  '/Pod': podPrinter,
  '/ReplicationController': replicationControllerPrinter,
  '/Service': servicePrinter,
  '/Endpoints': endpointsPrinter,
  '/Node': nodePrinter,
  '/Event': eventPrinter,
  '/Namespace': namespacePrinter,
  '/Secret': secretPrinter,
  '/ServiceAccount': serviceAccountPrinter,
  '/ConfigMap': configMapPrinter,
  '/PersistentVolume': persistentVolumePrinter,
  '/PersistentVolumeClaim': persistentVolumeClaimPrinter,
  '/ResourceQuota': resourceQuotaPrinter,
  '/LimitRange': limitRangePrinter,
  'apps/Deployment': deploymentPrinter,
  'apps/ReplicaSet': replicaSetPrinter,
  'apps/StatefulSet': statefulSetPrinter,
  'apps/DaemonSet': daemonSetPrinter,
  'apps/ControllerRevision': controllerRevisionPrinter,
  'batch/Job': jobPrinter,
  'batch/CronJob': cronJobPrinter,
  'autoscaling/HorizontalPodAutoscaler': horizontalPodAutoscalerPrinter,
  'policy/PodDisruptionBudget': podDisruptionBudgetPrinter,
  'networking.k8s.io/Ingress': ingressPrinter,
  'networking.k8s.io/IngressClass': ingressClassPrinter,
  'networking.k8s.io/NetworkPolicy': networkPolicyPrinter,
  'discovery.k8s.io/EndpointSlice': endpointSlicePrinter,
  'events.k8s.io/Event': eventsV1Printer,
  'rbac.authorization.k8s.io/Role': defaultPrinter,
  'rbac.authorization.k8s.io/ClusterRole': defaultPrinter,
  'rbac.authorization.k8s.io/RoleBinding': roleBindingPrinter,
  'rbac.authorization.k8s.io/ClusterRoleBinding': clusterRoleBindingPrinter,
  'coordination.k8s.io/Lease': leasePrinter,
  'storage.k8s.io/StorageClass': storageClassPrinter,
  'scheduling.k8s.io/PriorityClass': priorityClassPrinter,
  'apiextensions.k8s.io/CustomResourceDefinition': customResourceDefinitionPrinter,
};

/** The printer for a group and kind, or the default table for kinds without one. */
export function printerFor(group: string, kind: string): Printer {
  return printers[`${group}/${kind}`] ?? defaultPrinter;
}

/** Cells of one object, by its own apiVersion and kind. */
export function printRow(obj: KubeObject, nowMs: number): unknown[] {
  return printerFor(parseApiVersion(obj.apiVersion).group, obj.kind).row(obj, nowMs);
}

export { defaultPrinter } from './defaultprinter';
export { crdPrinter, customResourcePrinter } from './customresource';
export { buildTable, watchTableEncoder, parseIncludeObject, columnDefinitions } from './table';
export type { Table, TableRow, TableOptions, IncludeObject, TableGroupVersion, PartialObjectMetadata } from './table';
export { negotiateTable } from './accept';
export { humanDuration, shortHumanDuration, translateTimestampSince } from './duration';
export type { Printer, TableColumn, TableRowCondition } from './types';
