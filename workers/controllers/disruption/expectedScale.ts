/**
 * How many pods a PodDisruptionBudget expects, from the controllers of the
 * pods it selects (pkg/controller/disruption/disruption.go getExpectedScale
 * and the finders): a ReplicaSet (unless a Deployment owns it), a
 * Deployment through its ReplicaSet, a ReplicationController, a StatefulSet,
 * or any kind with a scale subresource.
 */
import type { KubeObject, OwnerReference } from '../../api/object';
import { parseApiVersion } from '../../api/object';
import type { Informer } from '../../client/informer';
import type { ApiCall } from '../context';
import type { Discovery } from '../discovery';
import { groupResource } from '../discovery';
import { apiError, isNotFound } from '../replicaset/apiError';

export interface ControllerListers {
  replicaSets: Informer<KubeObject>;
  deployments: Informer<KubeObject>;
  replicationControllers: Informer<KubeObject>;
  statefulSets: Informer<KubeObject>;
}

interface ControllerAndScale {
  uid: string;
  scale: number;
}

type Finder = (ref: OwnerReference, namespace: string) => ControllerAndScale | null | { error: string };

export const controllerOf = (o: KubeObject): OwnerReference | undefined => o.metadata.ownerReferences?.find((r) => r.controller === true);

const replicasOf = (o: KubeObject) => (o.spec as { replicas?: number } | undefined)?.replicas ?? 1;

/** verifyGroupKind: kind matches and the group is one of `groups`. */
function isKind(ref: OwnerReference, kind: string, groups: string[]): boolean {
  return ref.kind === kind && groups.includes(parseApiVersion(ref.apiVersion).group);
}

export function finders(l: ControllerListers, api: ApiCall, discovery: Discovery): Finder[] {
  const replicaSet: Finder = (ref, ns) => {
    if (!isKind(ref, 'ReplicaSet', ['apps', 'extensions'])) return null;
    const rs = l.replicaSets.get(ns, ref.name);
    if (!rs || rs.metadata.uid !== ref.uid) return null;
    // A Deployment's ReplicaSet is counted through the Deployment.
    if (controllerOf(rs)?.kind === 'Deployment') return null;
    return { uid: rs.metadata.uid!, scale: replicasOf(rs) };
  };
  const deployment: Finder = (ref, ns) => {
    if (!isKind(ref, 'ReplicaSet', ['apps', 'extensions'])) return null;
    const rs = l.replicaSets.get(ns, ref.name);
    if (!rs || rs.metadata.uid !== ref.uid) return null;
    const dref = controllerOf(rs);
    if (!dref || !isKind(dref, 'Deployment', ['apps', 'extensions'])) return null;
    const d = l.deployments.get(ns, dref.name);
    if (!d || d.metadata.uid !== dref.uid) return null;
    return { uid: d.metadata.uid!, scale: replicasOf(d) };
  };
  const rc: Finder = (ref, ns) => {
    if (!isKind(ref, 'ReplicationController', [''])) return null;
    const o = l.replicationControllers.get(ns, ref.name);
    if (!o || o.metadata.uid !== ref.uid) return null;
    return { uid: o.metadata.uid!, scale: replicasOf(o) };
  };
  const statefulSet: Finder = (ref, ns) => {
    if (!isKind(ref, 'StatefulSet', ['apps'])) return null;
    const o = l.statefulSets.get(ns, ref.name);
    if (!o || o.metadata.uid !== ref.uid) return null;
    return { uid: o.metadata.uid!, scale: replicasOf(o) };
  };
  /** getScaleController: any other kind, through its scale subresource. */
  const scaleController: Finder = (ref, ns) => {
    const { group, version } = parseApiVersion(ref.apiVersion);
    const rt = discovery.lookupKind(group, version, ref.kind);
    if (!rt) return { error: `no matches for kind "${ref.kind}" in version "${ref.apiVersion}"` };
    if (!(rt.subresources ?? []).includes('scale')) return { error: `${groupResource(rt)} does not implement the scale subresource` };
    const r = api({ verb: 'get', group: rt.group, version: rt.version, resource: rt.plural, namespace: ns, name: ref.name, subresource: 'scale' });
    const err = apiError(r);
    if (isNotFound(err)) return null;
    if (err) return { error: err.message };
    const scale = r.body as { metadata: { uid?: string }; spec?: { replicas?: number } };
    if (scale.metadata.uid !== ref.uid) return null;
    return { uid: scale.metadata.uid!, scale: scale.spec?.replicas ?? 0 };
  };
  return [replicaSet, deployment, rc, statefulSet, scaleController];
}

/** The sum of the scales of the selected pods' controllers; pods without a controller are listed apart. */
export function expectedScale(pods: KubeObject[], find: Finder[]): { expected: number; unmanaged: string[] } | { error: string } {
  const scales = new Map<string, number>();
  const unmanaged: string[] = [];
  for (const pod of pods) {
    const ref = controllerOf(pod);
    if (!ref) {
      unmanaged.push(pod.metadata.name!);
      continue;
    }
    if (scales.has(ref.uid)) continue;
    let found = false;
    for (const f of find) {
      const r = f(ref, pod.metadata.namespace!);
      if (r === null) continue;
      if ('error' in r) return r;
      scales.set(r.uid, r.scale);
      found = true;
      break;
    }
    if (!found) return { error: `found no controllers for pod "${pod.metadata.name}"` };
  }
  let expected = 0;
  for (const s of scales.values()) expected += s;
  return { expected, unmanaged };
}

/** intstr.GetScaledValueFromIntOrPercent with roundUp. */
export function scaledValue(v: number | string, total: number): number | { error: string } {
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return { error: `invalid value for IntOrString: invalid type: string is not a percentage` };
  return Math.ceil((Number(m[1]) * total) / 100);
}
