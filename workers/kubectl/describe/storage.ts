/** PersistentVolume, PersistentVolumeClaim, StorageClass describers and StatefulSet claim templates (describe.go). */
import type { NodeSelectorRequirement, PersistentVolume, PersistentVolumeClaim, TopologySelectorTerm } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { accessModesAsString } from '../../api/printers/format';
import { quantity } from './containers';
import { describeEvents, refOf, searchEvents } from './events';
import { CORE, getObject, listAll, type DescribeContext } from './fetch';
import { formatLabels, goStringSlice, printAnnotationsMultiline, printBoolPtr, printLabelsMultiline, printPodsMultiline, rfc1123z, since, type Json } from './format';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString, type PrefixWriter } from './prefixWriter';
import { printPersistentVolumeClaim, storageClassOf } from './pvcCommon';
import { printVolumeSource, PV_SOURCES } from './volumes';

function printNodeSelectorTerm(w: PrefixWriter, level: number, title: string, reqs: { key: string; operator: string; values?: string[] }[] | undefined): void {
  w.write(level, `${title}:\t`);
  if (!reqs || reqs.length === 0) {
    w.writeLine('<none>');
    return;
  }
  reqs.forEach((r, i) => {
    if (i !== 0) w.write(level, '\t');
    let s = `${r.key} ${r.operator.toLowerCase()}`;
    if ((r.values ?? []).length > 0) s += ` [${r.values!.join(', ')}]`;
    w.write(LEVEL_0, `${s}\n`);
  });
}

export async function describePersistentVolume(ctx: DescribeContext, _ns: string, name: string): Promise<string> {
  const obj = await getObject(ctx, CORE('persistentvolumes'), undefined, name);
  const pv = obj as unknown as PersistentVolume;
  const events = ctx.showEvents ? await searchEvents(ctx, refOf(obj, 'PersistentVolume')) : undefined;
  return tabbedString((w) => {
    const meta = pv.metadata ?? {};
    const spec = pv.spec ?? {};
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    w.write(LEVEL_0, `Finalizers:\t${goStringSlice(meta.finalizers)}\n`);
    w.write(LEVEL_0, `StorageClass:\t${storageClassOf(pv)}\n`);
    if (meta.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, ctx.now)})\n`);
    else w.write(LEVEL_0, `Status:\t${pv.status?.phase ?? ''}\n`);
    w.write(LEVEL_0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : ''}\n`);
    w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Access Modes:\t${accessModesAsString(spec.accessModes)}\n`);
    if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
    w.write(LEVEL_0, `Capacity:\t${quantity((spec.capacity as Record<string, unknown> | undefined)?.storage).toString()}\n`);
    w.write(LEVEL_0, 'Node Affinity:\t');
    const req = spec.nodeAffinity?.required;
    if (!req) w.writeLine('<none>');
    else {
      w.writeLine('');
      w.write(LEVEL_1, 'Required Terms:\t');
      if ((req.nodeSelectorTerms ?? []).length === 0) w.writeLine('<none>');
      else {
        w.writeLine('');
        req.nodeSelectorTerms.forEach((t, i) => printNodeSelectorTerm(w, LEVEL_2, `Term ${i}`, t.matchExpressions as NodeSelectorRequirement[] | undefined));
      }
    }
    w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`);
    w.write(LEVEL_0, 'Source:\n');
    const src = spec as unknown as Record<string, unknown>;
    const kind = PV_SOURCES.find((k) => src[k] !== undefined && src[k] !== null);
    if (!kind || !printVolumeSource(w, kind, src[kind] as Record<string, unknown>, true)) w.write(LEVEL_1, '<unknown>\n');
    if (events) describeEvents(events, w, ctx.now);
  });
}

/** getPodsForPVC: pods mounting the claim, then pods owning it. */
async function podsForPvc(ctx: DescribeContext, pvc: PersistentVolumeClaim): Promise<string[]> {
  const pods = (await listAll(ctx, CORE('pods'), pvc.metadata?.namespace)) as { metadata?: { name?: string; uid?: string }; spec?: { volumes?: { persistentVolumeClaim?: { claimName?: string } }[] } }[];
  const out: { name: string; uid: string }[] = [];
  for (const p of pods) for (const v of p.spec?.volumes ?? []) if (v.persistentVolumeClaim && v.persistentVolumeClaim.claimName === pvc.metadata?.name) out.push({ name: p.metadata?.name ?? '', uid: p.metadata?.uid ?? '' });
  for (const ref of pvc.metadata?.ownerReferences ?? []) {
    if (ref.kind !== 'Pod') continue;
    const owner = pods.find((p) => p.metadata?.uid === ref.uid);
    if (!owner || out.some((p) => p.uid === owner.metadata?.uid)) continue;
    out.push({ name: owner.metadata?.name ?? '', uid: owner.metadata?.uid ?? '' });
  }
  return out.map((p) => p.name);
}

export async function describePersistentVolumeClaim(ctx: DescribeContext, namespace: string, name: string): Promise<string> {
  const obj = await getObject(ctx, CORE('persistentvolumeclaims'), namespace, name);
  const pvc = obj as unknown as PersistentVolumeClaim;
  const pods = await podsForPvc(ctx, pvc);
  const events = ctx.showEvents ? await searchEvents(ctx, refOf(obj, 'PersistentVolumeClaim')) : undefined;
  return tabbedString((w) => {
    printPersistentVolumeClaim(w, pvc, true, ctx.now);
    printPodsMultiline(w, 'Used By', pods);
    const conds = pvc.status?.conditions ?? [];
    if (conds.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conds) w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastProbeTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
    if (events) describeEvents(events, w, ctx.now);
  });
}

/** describeVolumeClaimTemplates (StatefulSet). */
export function describeVolumeClaimTemplates(templates: PersistentVolumeClaim[] | undefined, w: PrefixWriter): void {
  if (!templates || templates.length === 0) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_1, `StorageClass:\t${storageClassOf(pvc)}\n`);
    printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ');
    printLabelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ');
    const storage = (pvc.spec?.resources?.requests as Record<string, unknown> | undefined)?.storage;
    w.write(LEVEL_1, `Capacity:\t${storage !== undefined ? quantity(storage).toString() : '<default>'}\n`);
    w.write(LEVEL_1, `Access Modes:\t${goStringSlice(pvc.spec?.accessModes)}\n`);
  }
}

/** storageutil.IsDefaultAnnotationText */
function isDefaultText(meta: { annotations?: Record<string, string> } | undefined): string {
  const a = meta?.annotations ?? {};
  if (a['storageclass.kubernetes.io/is-default-class'] === 'true') return 'Yes';
  if (a['storageclass.beta.kubernetes.io/is-default-class'] === 'true') return 'Yes';
  return 'No';
}

export async function describeStorageClass(ctx: DescribeContext, _ns: string, name: string): Promise<string> {
  const obj = await getObject(ctx, { group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses' }, undefined, name);
  const sc = obj as unknown as StorageClass;
  const events: Json[] | undefined = ctx.showEvents ? await searchEvents(ctx, refOf(obj, 'StorageClass')) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefaultText(sc.metadata)}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata?.annotations)}\n`);
    w.write(LEVEL_0, `Provisioner:\t${sc.provisioner}\n`);
    w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
    w.write(LEVEL_0, `AllowVolumeExpansion:\t${printBoolPtr(sc.allowVolumeExpansion)}\n`);
    if ((sc.mountOptions ?? []).length === 0) w.write(LEVEL_0, 'MountOptions:\t<none>\n');
    else {
      w.write(LEVEL_0, 'MountOptions:\n');
      for (const o of sc.mountOptions!) w.write(LEVEL_1, `${o}\n`);
    }
    if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
    if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
    if (sc.allowedTopologies) printAllowedTopologies(w, sc.allowedTopologies);
    if (events) describeEvents(events, w, ctx.now);
  });
}

function printAllowedTopologies(w: PrefixWriter, terms: TopologySelectorTerm[]): void {
  w.write(LEVEL_0, 'AllowedTopologies:\t');
  if (terms.length === 0) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  terms.forEach((t, i) =>
    printNodeSelectorTerm(
      w,
      LEVEL_1,
      `Term ${i}`,
      (t.matchLabelExpressions ?? []).map((r) => ({ key: r.key, operator: 'In', values: r.values })),
    ),
  );
}
