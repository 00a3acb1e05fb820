/**
 * `kubectl describe`: one describer per kind, as describe.go's describerMap
 * registers them, and the generic describer for everything else. Output is
 * the exact text kubectl 1.32 prints; ages use the client's virtual now.
 */
import type { KubectlClient } from '../client';
import { KubectlError } from '../cli/errors';
import { describeHorizontalPodAutoscaler } from './autoscaling';
import { describeConfigMap, describeSecret, describeServiceAccount } from './config';
import { listAll, type DescribeContext, type Gvr } from './fetch';
import { describeGeneric } from './generic';
import { describeCronJob, describeJob } from './jobs';
import { describeLimitRange, describeNamespace, describeResourceQuota } from './namespace';
import { describeNode } from './node';
import { describePodByName } from './pod';
import { describeIngressClass, describeNetworkPolicy } from './networking';
import { describePodDisruptionBudget, describePriorityClass } from './policy';
import { describeClusterRole, describeClusterRoleBinding, describeRbacRole, describeRoleBinding } from './rbac';
import { describeEndpoints, describeEndpointSlice, describeIngress, describeService } from './service';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './storage';
import { describeDaemonSet, describeDeployment, describeReplicaSet, describeReplicationController, describeStatefulSet } from './workloads';

export interface DescribeTarget {
  group: string;
  version: string;
  /** plural resource name */
  resource: string;
  kind: string;
  namespaced: boolean;
  namespace?: string;
  name: string;
}

export interface DescribeOptions {
  /** --show-events (default true) */
  showEvents: boolean;
  /** --chunk-size (default 500; 0 lists in one request) */
  chunkSize?: number;
}

type Describer = (ctx: DescribeContext, namespace: string, name: string) => Promise<string>;

/** `<group>/<Kind>` → describer (describe.go describerMap). */
const DESCRIBERS: Record<string, Describer> = {
  '/Pod': describePodByName,
  '/ReplicationController': describeReplicationController,
  '/Secret': describeSecret,
  '/Service': describeService,
  '/ServiceAccount': describeServiceAccount,
  '/Node': describeNode,
  '/LimitRange': describeLimitRange,
  '/ResourceQuota': describeResourceQuota,
  '/PersistentVolume': describePersistentVolume,
  '/PersistentVolumeClaim': describePersistentVolumeClaim,
  '/Namespace': describeNamespace,
  '/Endpoints': describeEndpoints,
  '/ConfigMap': describeConfigMap,
  'discovery.k8s.io/EndpointSlice': describeEndpointSlice,
  'autoscaling/HorizontalPodAutoscaler': describeHorizontalPodAutoscaler,
  'networking.k8s.io/Ingress': describeIngress,
  'batch/Job': describeJob,
  'batch/CronJob': describeCronJob,
  'apps/StatefulSet': describeStatefulSet,
  'apps/Deployment': describeDeployment,
  'apps/DaemonSet': describeDaemonSet,
  'apps/ReplicaSet': describeReplicaSet,
  'storage.k8s.io/StorageClass': describeStorageClass,
  'policy/PodDisruptionBudget': describePodDisruptionBudget,
  'scheduling.k8s.io/PriorityClass': describePriorityClass,
  'networking.k8s.io/IngressClass': describeIngressClass,
  'networking.k8s.io/NetworkPolicy': describeNetworkPolicy,
  'rbac.authorization.k8s.io/Role': describeRbacRole,
  'rbac.authorization.k8s.io/ClusterRole': describeClusterRole,
  'rbac.authorization.k8s.io/RoleBinding': describeRoleBinding,
  'rbac.authorization.k8s.io/ClusterRoleBinding': describeClusterRoleBinding,
};

/** Whether a kind has its own describer (the rest use the generic one). */
export function hasDescriber(group: string, kind: string): boolean {
  return `${group}/${kind}` in DESCRIBERS;
}

function contextFor(client: KubectlClient, opts: DescribeOptions): DescribeContext {
  return { client, now: client.now(), showEvents: opts.showEvents, chunkSize: opts.chunkSize ?? 500 };
}

async function describeOne(ctx: DescribeContext, t: Omit<DescribeTarget, 'name'>, namespace: string | undefined, name: string): Promise<string> {
  const ns = t.namespaced ? (namespace ?? 'default') : '';
  const d = DESCRIBERS[`${t.group}/${t.kind}`];
  if (d) return d(ctx, ns, name);
  const gvr: Gvr = { group: t.group, version: t.version, resource: t.resource };
  return describeGeneric(ctx, gvr, ns || undefined, name);
}

/**
 * The text `kubectl describe <type> <name>` prints for one object. Throws a
 * KubectlError whose message is kubectl's error line when it is missing.
 */
export async function describe(client: KubectlClient, target: DescribeTarget, opts: DescribeOptions): Promise<string> {
  return describeOne(contextFor(client, opts), target, target.namespace, target.name);
}

export interface SelectedTarget extends Omit<DescribeTarget, 'name'> {
  labelSelector?: string;
  /** Same as labelSelector (the -l flag's name). */
  selector?: string;
  fieldSelector?: string;
  /** -A: every namespace. */
  allNamespaces?: boolean;
}

export interface SelectedResult {
  /** The descriptions, separated by blank lines as describe's Run prints them. */
  text: string;
  /** How many objects matched (0: kubectl prints "No resources found ..."). */
  count: number;
  /** Describer failures, worded as kubectl prints them, duplicates dropped. */
  errors: string[];
}

async function matching(ctx: DescribeContext, t: SelectedTarget): Promise<{ namespace?: string; name: string }[]> {
  const query: Record<string, string> = {};
  const labelSelector = t.labelSelector ?? t.selector;
  if (labelSelector) query.labelSelector = labelSelector;
  if (t.fieldSelector) query.fieldSelector = t.fieldSelector;
  const ns = t.namespaced && !t.allNamespaces ? (t.namespace ?? 'default') : undefined;
  const items = await listAll(ctx, { group: t.group, version: t.version, resource: t.resource }, ns, query);
  return items.map((o) => {
    const m = (o.metadata ?? {}) as { name?: string; namespace?: string };
    return { namespace: m.namespace, name: m.name ?? '' };
  });
}

/**
 * `kubectl describe pods [-l sel] [-A]`: every match, the first printed
 * bare, the rest after "\n\n". Throws when a describer failed and nothing
 * could be described.
 */
export async function describeSelected(client: KubectlClient, target: SelectedTarget, opts: DescribeOptions): Promise<string> {
  const r = await describeSelectedResult(client, target, opts);
  if (r.errors.length > 0 && r.text === '') throw new KubectlError(r.errors.join('\n'));
  return r.text;
}

/** describeSelected with the count and the per-object errors kept apart. */
export async function describeSelectedResult(client: KubectlClient, target: SelectedTarget, opts: DescribeOptions): Promise<SelectedResult> {
  const ctx = contextFor(client, opts);
  const objs = await matching(ctx, target);
  const parts: string[] = [];
  const errors: string[] = [];
  for (const o of objs) {
    try {
      parts.push(await describeOne(ctx, target, o.namespace, o.name));
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (!errors.includes(msg)) errors.push(msg);
    }
  }
  return { text: parts.join('\n\n'), count: objs.length, errors };
}

/**
 * DescribeMatchingResources: when `kubectl describe <type> <name>` finds no
 * such object, every object whose name starts with it, each followed by a
 * newline; undefined when none does (kubectl then reports the NotFound).
 */
export async function describeByPrefix(client: KubectlClient, target: DescribeTarget, opts: DescribeOptions): Promise<string | undefined> {
  const ctx = contextFor(client, opts);
  const objs = await matching(ctx, { ...target, allNamespaces: false });
  let out = '';
  let found = false;
  for (const o of objs) {
    if (!o.name.startsWith(target.name)) continue;
    found = true;
    out += `${await describeOne(ctx, target, o.namespace, o.name)}\n`;
  }
  return found ? out : undefined;
}
