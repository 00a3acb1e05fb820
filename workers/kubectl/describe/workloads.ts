/**
 * Workload describers of describe.go: ReplicationController, ReplicaSet,
 * Deployment (with its old/new ReplicaSets), StatefulSet, DaemonSet.
 */
import type { DaemonSet, Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec, ReplicationController } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { jsonEqual } from '../../api/object';
import { parseTimestamp } from '../../api/printers/duration';
import { byBytes } from '../../jsonpath/goValue';
import { describeEvents, refOf, searchEvents } from './events';
import { APPS, CORE, getObject, listAll, type DescribeContext } from './fetch';
import { formatLabels, formatLabelSelector, printAnnotationsMultiline, printController, printLabelsMultiline, rfc1123z, selectorString, type Json } from './format';
import { describePodTemplate } from './podTemplate';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefixWriter';
import { describeVolumeClaimTemplates } from './storage';

interface PodCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

/** getPodStatusForController: phases of the pods `uid` controls among those the selector matches. */
export async function podStatusForController(ctx: DescribeContext, namespace: string, selector: string, uid: string | undefined): Promise<PodCounts> {
  const pods = await listAll(ctx, CORE('pods'), namespace, { labelSelector: selector });
  const c: PodCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const p of pods as { metadata?: { ownerReferences?: { controller?: boolean; uid?: string }[] }; status?: { phase?: string } }[]) {
    const ref = (p.metadata?.ownerReferences ?? []).find((r) => r.controller === true);
    if (!ref || ref.uid !== uid) continue;
    switch (p.status?.phase) {
      case 'Running':
        c.running++;
        break;
      case 'Pending':
        c.waiting++;
        break;
      case 'Succeeded':
        c.succeeded++;
        break;
      case 'Failed':
        c.failed++;
        break;
    }
  }
  return c;
}

const podsStatus = (c: PodCounts) => `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;

async function eventsFor(ctx: DescribeContext, obj: Json, kind: string): Promise<Json[] | undefined> {
  return ctx.showEvents ? searchEvents(ctx, refOf(obj, kind)) : undefined;
}

function describeConditions(w: PrefixWriter, conditions: { type: string; status: string; reason?: string }[] | undefined): void {
  if (!conditions || conditions.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

/** labels.SelectorFromSet(map).String() */
function setSelector(m: Record<string, string> | undefined): string {
  return Object.keys(m ?? {})
    .sort(byBytes)
    .map((k) => `${k}=${m![k]}`)
    .join(',');
}

export async function describeReplicationController(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const obj = await getObject(ctx, CORE('replicationcontrollers'), namespace, name);
  const rc = obj as unknown as ReplicationController;
  const counts = await podStatusForController(ctx, namespace, setSelector(rc.spec?.selector), rc.metadata?.uid);
  const events = await eventsFor(ctx, obj, 'ReplicationController');
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${rc.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabels(rc.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rc.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', rc.metadata?.annotations);
    w.write(LEVEL_0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec?.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(counts)}\n`);
    describePodTemplate(rc.spec?.template, w);
    describeConditions(w, rc.status?.conditions);
    if (events) describeEvents(events, w, ctx.now);
  });
}

export async function describeReplicaSet(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const obj = await getObject(ctx, APPS('replicasets'), namespace, name);
  const rs = obj as unknown as ReplicaSet;
  let counts: PodCounts | undefined;
  let podErr = '';
  try {
    counts = await podStatusForController(ctx, namespace, selectorString(rs.spec?.selector), rs.metadata?.uid);
  } catch (e) {
    podErr = e instanceof Error ? e.message : String(e);
  }
  const events = await eventsFor(ctx, obj, 'ReplicaSet');
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata?.annotations);
    const controlledBy = printController(rs.metadata);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    if (!counts) w.write(LEVEL_0, `error in fetching pods: ${podErr}\n`);
    else w.write(LEVEL_0, `${podsStatus(counts)}\n`);
    describePodTemplate(rs.spec?.template, w);
    describeConditions(w, rs.status?.conditions);
    if (events) describeEvents(events, w, ctx.now);
  });
}

/** Semantic.DeepEqual treats empty and missing maps and lists alike. */
function prune(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(prune);
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const p = prune(x);
      if (p !== undefined && p !== null) out[k] = p;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return v;
}

/** equalIgnoreHash: templates equal once pod-template-hash is dropped from the labels. */
function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const strip = (t: PodTemplateSpec | undefined) => {
    const labels = { ...(t?.metadata?.labels ?? {}) };
    delete labels['pod-template-hash'];
    return prune({ ...t, metadata: { ...t?.metadata, labels } });
  };
  return jsonEqual(strip(a), strip(b));
}

/** deploymentutil.GetAllReplicaSetsInChunks: every old ReplicaSet (the describer takes allOldRSes) and the new one. */
async function replicaSetsOf(ctx: DescribeContext, d: Deployment): Promise<{ old: ReplicaSet[]; newRs?: ReplicaSet } | undefined> {
  try {
    const all = (await listAll(ctx, APPS('replicasets'), d.metadata?.namespace, { labelSelector: selectorString(d.spec?.selector as LabelSelector) })) as unknown as ReplicaSet[];
    const owned = all.filter((rs) => (rs.metadata?.ownerReferences ?? []).some((r) => r.controller === true && r.uid === d.metadata?.uid));
    const ts = (rs: ReplicaSet) => parseTimestamp(rs.metadata?.creationTimestamp) ?? Number.NEGATIVE_INFINITY;
    owned.sort((a, b) => ts(a) - ts(b) || byBytes(a.metadata?.name ?? '', b.metadata?.name ?? ''));
    const newRs = owned.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
    const old = owned.filter((rs) => rs !== newRs);
    return { old, newRs };
  } catch {
    return undefined;
  }
}

function printReplicaSetsByLabels(list: ReplicaSet[]): string {
  const s = list.map((rs) => `${rs.metadata?.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ');
  return s === '' ? '<none>' : s;
}

export async function describeDeployment(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const obj = await getObject(ctx, APPS('deployments'), namespace, name);
  const d = obj as unknown as Deployment;
  const events = await eventsFor(ctx, obj, 'Deployment');
  const sets = await replicaSetsOf(ctx, d);
  return tabbedString((w) => {
    const spec = d.spec;
    const status = d.status ?? {};
    w.write(LEVEL_0, `Name:\t${d.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata?.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', d.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', d.metadata?.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec?.selector)}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${spec?.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${spec?.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${spec?.minReadySeconds ?? 0}\n`);
    const ru = spec?.strategy?.rollingUpdate;
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? '<nil>'} max unavailable, ${ru.maxSurge ?? '<nil>'} max surge\n`);
    describePodTemplate(spec?.template, w);
    describeConditions(w, status.conditions);
    const newRs = sets?.newRs ? [sets.newRs] : [];
    if (sets && (sets.old.length > 0 || newRs.length > 0)) {
      w.write(LEVEL_0, `OldReplicaSets:\t${printReplicaSetsByLabels(sets.old)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${printReplicaSetsByLabels(newRs)}\n`);
    }
    if (events) describeEvents(events, w, ctx.now);
  });
}

export async function describeStatefulSet(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const obj = await getObject(ctx, APPS('statefulsets'), namespace, name);
  const ss = obj as unknown as StatefulSet;
  const selector = selectorString(ss.spec?.selector);
  const counts = await podStatusForController(ctx, namespace, selector, ss.metadata?.uid);
  const events = await eventsFor(ctx, obj, 'StatefulSet');
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ss.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${ss.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(ss.metadata?.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${selector}\n`);
    printLabelsMultiline(w, 'Labels', ss.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ss.metadata?.annotations);
    w.write(LEVEL_0, `Replicas:\t${ss.spec?.replicas ?? 0} desired | ${ss.status?.replicas ?? 0} total\n`);
    w.write(LEVEL_0, `Update Strategy:\t${ss.spec?.updateStrategy?.type ?? ''}\n`);
    const ru = ss.spec?.updateStrategy?.rollingUpdate;
    if (ru && ru.partition !== undefined && ru.partition !== null) {
      w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
      if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) w.write(LEVEL_1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(counts)}\n`);
    describePodTemplate(ss.spec?.template, w);
    describeVolumeClaimTemplates(ss.spec?.volumeClaimTemplates, w);
    if (events) describeEvents(events, w, ctx.now);
  });
}

export async function describeDaemonSet(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const obj = await getObject(ctx, APPS('daemonsets'), namespace, name);
  const ds = obj as unknown as DaemonSet;
  const selector = selectorString(ds.spec?.selector);
  const counts = await podStatusForController(ctx, namespace, selector, ds.metadata?.uid);
  const events = await eventsFor(ctx, obj, 'DaemonSet');
  return tabbedString((w) => {
    const st = ds.status;
    w.write(LEVEL_0, `Name:\t${ds.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${selector}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', ds.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ds.metadata?.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${st?.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${st?.currentNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${st?.updatedNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${st?.numberAvailable ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${st?.numberMisscheduled ?? 0}\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(counts)}\n`);
    describePodTemplate(ds.spec?.template, w);
    if (events) describeEvents(events, w, ctx.now);
  });
}
