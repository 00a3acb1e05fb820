/**
 * VolumeBinding (pkg/scheduler/framework/plugins/volumebinding, v1.32).
 * PreFilter: every claim the pod mounts must exist and not be going away;
 * claims that bind immediately must already be bound; bound local volumes
 * narrow the nodes. Filter: bound volumes must fit the node; each
 * WaitForFirstConsumer claim needs a matching Available volume on the node
 * or a class that can provision. Reserve assumes the chosen bindings;
 * PreBind writes them (PV claimRef, or the claim's selected-node annotation
 * for the provisioner) and waits, polling each second, until every claim is
 * bound before the pod is.
 */
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { Handle, PreBindPlugin, PreFilterPlugin, FilterPlugin, ReservePlugin, StateData, CycleState } from '../types';
import { SKIP, errorStatus, unresolvable } from '../status';
import type { KubeObject } from '../../api/object';
import type { PodInfo } from '../podInfo';
import {
  ANN_BIND_COMPLETED,
  ANN_BOUND_BY_CONTROLLER,
  ANN_SELECTED_NODE,
  NOT_SUPPORTED_PROVISIONER,
  claimClass,
  claimKey,
  claimRequest,
  findMatchingVolume,
  isVolumeBoundToClaim,
  volumeClaimName,
  volumeClass,
  volumeFitsNode,
  type NodeView,
  type PV,
  type PVC,
} from '../../controllers/volume/util';
import { compareQuantity } from '../../api/validation/quantity';
import { SCHEDULER_COMPONENT } from '../queue';

export const Name = 'VolumeBinding';
export const ErrReasonUnboundImmediate = 'pod has unbound immediate PersistentVolumeClaims';
export const ErrReasonBindConflict = "node(s) didn't find available persistent volumes to bind";
export const ErrReasonNodeConflict = 'node(s) had volume node affinity conflict';
export const ErrReasonNotEnoughSpace = 'node(s) did not have enough free storage';
export const ErrReasonPVNotExist = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
/** --bind-timeout-seconds of the VolumeBinding plugin args (default 600). */
export const BIND_TIMEOUT_MS = 600_000;
const POLL_MS = 1000;
const STATE_KEY = `PreFilter${Name}`;
const HOSTNAME_LABEL = 'kubernetes.io/hostname';

interface PodVolumes {
  /** A matching Available volume for a claim (the scheduler binds these itself). */
  staticBindings: { pv: PV; pvc: PVC }[];
  /** Claims the provisioner is to make a volume for on this node. */
  dynamicProvisions: PVC[];
}

interface VolumeBindingState extends StateData {
  boundClaims: PVC[];
  delayClaims: PVC[];
  byNode: Map<string, PodVolumes>;
  allBound: boolean;
}

function cloneState(s: VolumeBindingState): VolumeBindingState {
  return { ...s, byNode: new Map(s.byNode), clone: () => cloneState(s) };
}

/** GetLocalPersistentVolumeNodeNames: hostnames a volume's required node affinity pins it to. */
function localVolumeNodeNames(pv: PV): Set<string> | undefined {
  const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  if (!terms) return undefined;
  const out = new Set<string>();
  for (const t of terms) {
    let nodes: Set<string> | undefined;
    for (const e of t.matchExpressions ?? []) {
      if (e.key !== HOSTNAME_LABEL || e.operator !== 'In') continue;
      const vals = new Set(e.values ?? []);
      nodes = nodes ? new Set([...nodes].filter((n) => vals.has(n))) : vals;
    }
    for (const n of nodes ?? []) out.add(n);
  }
  return out;
}

export function New(h: Handle): PreFilterPlugin & FilterPlugin & ReservePlugin & PreBindPlugin {
  const pvcs = h.informer('persistentvolumeclaims');
  const pvs = h.informer('persistentvolumes');
  const classes = h.informer('storageclasses');
  const pods = h.informer('pods');

  /**
   * The assume caches (AssumeCache): bindings this scheduler decided on but
   * has not seen come back from the API yet, keyed to the resourceVersion
   * they were made from so a newer informer copy supersedes them.
   */
  const assumedPVs = new Map<string, { pv: PV; fromRV: string | undefined }>();
  const assumedPVCs = new Map<string, { pvc: PVC; fromRV: string | undefined }>();

  const latestPV = (name: string): PV | undefined => {
    const live = pvs.get(undefined, name) as PV | undefined;
    const a = assumedPVs.get(name);
    if (a && live && live.metadata.resourceVersion === a.fromRV) return a.pv;
    if (a) assumedPVs.delete(name);
    return live;
  };
  const latestPVC = (ns: string, name: string): PVC | undefined => {
    const live = pvcs.get(ns, name) as PVC | undefined;
    const k = `${ns}/${name}`;
    const a = assumedPVCs.get(k);
    if (a && live && live.metadata.resourceVersion === a.fromRV) return a.pvc;
    if (a) assumedPVCs.delete(k);
    return live;
  };
  const pvsOfClass = (cls: string): PV[] => (pvs.list() as PV[]).filter((pv) => volumeClass(pv) === cls).map((pv) => latestPV(pv.metadata.name!) ?? pv);
  const classOf = (name: string) => (name ? (classes.get(undefined, name) as (StorageClass & KubeObject) | undefined) : undefined);
  /** isPVCFullyBound. */
  const fullyBound = (pvc: PVC) => !!pvc.spec?.volumeName && pvc.metadata.annotations?.[ANN_BIND_COMPLETED] !== undefined;

  /** FindPodVolumes for one node: the reasons it cannot host the pod's volumes, or its bindings. */
  function findPodVolumes(s: VolumeBindingState, node: NodeView): { reasons: string[]; volumes?: PodVolumes } | { error: string } {
    let boundSatisfied = true;
    let boundPVsFound = true;
    let unboundSatisfied = true;
    let sufficientStorage = true;
    const volumes: PodVolumes = { staticBindings: [], dynamicProvisions: [] };
    for (const pvc of s.boundClaims) {
      const pv = latestPV(pvc.spec!.volumeName!);
      if (!pv) {
        boundPVsFound = false;
        break;
      }
      if (!volumeFitsNode(pv, node)) {
        boundSatisfied = false;
        break;
      }
    }
    const reasons = () => {
      const r: string[] = [];
      if (!boundSatisfied) r.push(ErrReasonNodeConflict);
      if (!unboundSatisfied) r.push(ErrReasonBindConflict);
      if (!boundPVsFound) r.push(ErrReasonPVNotExist);
      if (!sufficientStorage) r.push(ErrReasonNotEnoughSpace);
      return r;
    };
    if (s.delayClaims.length && boundSatisfied && boundPVsFound) {
      const toMatch: PVC[] = [];
      const toProvision: PVC[] = [];
      for (const pvc of s.delayClaims) {
        const selected = pvc.metadata.annotations?.[ANN_SELECTED_NODE];
        if (selected === undefined) toMatch.push(pvc);
        else if (selected !== node.name) {
          unboundSatisfied = false;
          return { reasons: reasons() };
        } else toProvision.push(pvc);
      }
      // findMatchingVolumes: smallest requests first, each volume used once.
      const chosen = new Set<string>();
      for (const pvc of [...toMatch].sort((a, b) => compareQuantity(claimRequest(a), claimRequest(b)))) {
        const pv = findMatchingVolume(pvc, pvsOfClass(claimClass(pvc)), { node, excluded: chosen, delayBinding: true });
        if (!pv) {
          toProvision.push(pvc);
          continue;
        }
        chosen.add(pv.metadata.name!);
        volumes.staticBindings.push({ pv, pvc });
      }
      // checkVolumeProvisions.
      for (const pvc of toProvision) {
        const cls = claimClass(pvc);
        if (!cls) return { error: `no class for claim "${claimKey(pvc)}"` };
        const sc = classOf(cls);
        if (!sc) return { error: `failed to find storage class "${cls}"` };
        if (!sc.provisioner || sc.provisioner === NOT_SUPPORTED_PROVISIONER || !topologyAllows(sc, node)) {
          unboundSatisfied = false;
          break;
        }
        volumes.dynamicProvisions.push(pvc);
      }
    }
    const r = reasons();
    return r.length ? { reasons: r } : { reasons: r, volumes };
  }

  function topologyAllows(sc: StorageClass, node: NodeView): boolean {
    const terms = sc.allowedTopologies;
    if (!terms?.length) return true;
    return terms.some((t) => (t.matchLabelExpressions ?? []).every((e) => (e.values ?? []).includes(node.labels[e.key] ?? '\u0000')));
  }

  /** bindAPIUpdate: PV claimRefs first, then the claims' selected-node annotations. */
  function bindAPIUpdate(v: PodVolumes): string | undefined {
    for (const b of v.staticBindings) {
      const r = h.client({ verb: 'update', group: '', version: 'v1', resource: 'persistentvolumes', name: b.pv.metadata.name, body: b.pv });
      if (r.status >= 400) return (r.body as { message?: string }).message ?? `update of persistentvolume ${b.pv.metadata.name} failed`;
    }
    for (const pvc of v.dynamicProvisions) {
      const r = h.client({ verb: 'update', group: '', version: 'v1', resource: 'persistentvolumeclaims', namespace: pvc.metadata.namespace, name: pvc.metadata.name, body: pvc });
      if (r.status >= 400) return (r.body as { message?: string }).message ?? `update of persistentvolumeclaim ${pvc.metadata.name} failed`;
    }
    return undefined;
  }

  /** checkBindings: true when all are bound, an error when binding cannot succeed any more. */
  function checkBindings(pod: PodInfo, nodeName: string, v: PodVolumes): boolean | { error: string } {
    const nodeInfo = h.snapshot.get(nodeName);
    if (!nodeInfo?.node) return { error: `failed to get node "${nodeName}": node "${nodeName}" not found` };
    if (!pods.get(pod.namespace, pod.name)) return { error: `pod does not exist any more: pod "${pod.name}" not found` };
    const node: NodeView = { name: nodeName, labels: nodeInfo.labels };
    for (const b of v.staticBindings) {
      const pv = pvs.get(undefined, b.pv.metadata.name!) as PV | undefined;
      const pvc = pvcs.get(b.pvc.metadata.namespace, b.pvc.metadata.name!) as PVC | undefined;
      if (!pv) return { error: `failed to check binding: cannot convert to *v1.PersistentVolume: PV "${b.pv.metadata.name}" not found` };
      if (!pvc) return { error: `failed to check binding: cannot convert to *v1.PersistentVolumeClaim: PVC "${claimKey(b.pvc)}" not found` };
      if (!volumeFitsNode(pv, node)) return { error: `pv "${pv.metadata.name}" node affinity doesn't match node "${nodeName}": no matching NodeSelectorTerms` };
      if (!pv.spec?.claimRef?.uid) return { error: `ClaimRef got reset for pv "${pv.metadata.name}"` };
      if (!fullyBound(pvc)) return false;
    }
    for (const claim of v.dynamicProvisions) {
      const pvc = pvcs.get(claim.metadata.namespace, claim.metadata.name!) as PVC | undefined;
      if (!pvc) return { error: `failed to check provisioning pvc: cannot convert to *v1.PersistentVolumeClaim: PVC "${claimKey(claim)}" not found` };
      const selected = pvc.metadata.annotations?.[ANN_SELECTED_NODE];
      if (selected === undefined) return { error: `selectedNode annotation reset for PVC "${pvc.metadata.name}"` };
      // The provisioner drops the annotation when it gives up, asking for another node.
      if (selected !== nodeName) return { error: `provisioning failed for PVC "${pvc.metadata.name}"` };
      if (pvc.spec?.volumeName) {
        const pv = pvs.get(undefined, pvc.spec.volumeName) as PV | undefined;
        if (!pv) return false;
        if (!volumeFitsNode(pv, node)) return { error: `pv "${pv.metadata.name}" node affinity doesn't match node "${nodeName}": no matching NodeSelectorTerms` };
      }
      if (!fullyBound(pvc)) return false;
    }
    return true;
  }

  function revert(v: PodVolumes | undefined): void {
    for (const b of v?.staticBindings ?? []) assumedPVs.delete(b.pv.metadata.name!);
    for (const pvc of v?.dynamicProvisions ?? []) assumedPVCs.delete(claimKey(pvc));
  }

  const stateOf = (state: CycleState) => state.read<VolumeBindingState>(STATE_KEY);

  return {
    name: Name,
    events: ['PersistentVolumeClaimChange', 'PersistentVolumeChange', 'StorageClassAdd', 'NodeAdd', 'NodeUpdate'],

    preFilter(state, pod) {
      const ns = pod.namespace;
      const bound: PVC[] = [];
      const delay: PVC[] = [];
      let unboundImmediate = false;
      let hasPVC = false;
      for (const v of pod.pod.spec?.volumes ?? []) {
        const name = volumeClaimName(pod.pod, v);
        if (name === undefined) continue;
        hasPVC = true;
        const ephemeral = !!v.ephemeral;
        const pvc = latestPVC(ns, name);
        // podHasPVCs / isVolumeBound.
        if (!pvc) {
          if (ephemeral) return { status: unresolvable(`waiting for ephemeral volume controller to create the persistentvolumeclaim "${name}"`) };
          return { status: unresolvable(`persistentvolumeclaim "${name}" not found`) };
        }
        if (pvc.status?.phase === 'Lost') return { status: unresolvable(`persistentvolumeclaim "${name}" bound to non-existent persistentvolume "${pvc.spec?.volumeName ?? ''}"`) };
        if (pvc.metadata.deletionTimestamp) return { status: unresolvable(`persistentvolumeclaim "${name}" is being deleted`) };
        if (ephemeral && !pvc.metadata.ownerReferences?.some((o) => o.controller && o.uid === pod.uid)) {
          return { status: unresolvable(`PVC ${ns}/${name} was not created for pod ${ns}/${pod.name} (pod is not owner)`) };
        }
        if (fullyBound(pvc)) {
          bound.push(pvc);
          continue;
        }
        // IsDelayBindingMode: a missing class binds immediately; a claim naming its volume is pre-bound.
        const delayed = classOf(claimClass(pvc))?.volumeBindingMode === 'WaitForFirstConsumer';
        if (delayed && !pvc.spec?.volumeName) delay.push(pvc);
        else unboundImmediate = true;
      }
      if (!hasPVC) return { status: SKIP };
      if (unboundImmediate) return { status: unresolvable(ErrReasonUnboundImmediate) };
      const s: VolumeBindingState = { boundClaims: bound, delayClaims: delay, byNode: new Map(), allBound: false, clone: () => cloneState(s) };
      state.write(STATE_KEY, s);
      // GetEligibleNodes: bound local volumes pin the pod to their nodes.
      let eligible: Set<string> | undefined;
      for (const pvc of bound) {
        const pv = latestPV(pvc.spec!.volumeName!);
        const names = pv ? localVolumeNodeNames(pv) : undefined;
        if (!names?.size) continue;
        eligible = eligible ? new Set([...eligible].filter((n) => names.has(n))) : names;
      }
      return { status: null, result: eligible ? { nodeNames: eligible } : undefined };
    },

    filter(state, _pod, nodeInfo) {
      const s = stateOf(state);
      if (!s) return errorStatus(`error reading "${STATE_KEY}" from cycleState: not found`);
      const r = findPodVolumes(s, { name: nodeInfo.name, labels: nodeInfo.labels });
      if ('error' in r) return errorStatus(r.error);
      if (r.reasons.length) return unresolvable(...r.reasons);
      s.byNode.set(nodeInfo.name, r.volumes!);
      return null;
    },

    /** Reserve → AssumePodVolumes: later pods see these volumes taken and these claims placed. */
    reserve(state, _pod, nodeName) {
      const s = stateOf(state);
      const v = s?.byNode.get(nodeName);
      if (!s || !v) {
        if (s) s.allBound = true;
        return null;
      }
      const staticBindings = v.staticBindings.map(({ pv, pvc }) => {
        const next: PV = { ...pv, metadata: { ...pv.metadata }, spec: { ...pv.spec } };
        if (!isVolumeBoundToClaim(pv, pvc)) next.metadata.annotations = { ...pv.metadata.annotations, [ANN_BOUND_BY_CONTROLLER]: 'yes' };
        next.spec!.claimRef = { kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid, apiVersion: 'v1', resourceVersion: pvc.metadata.resourceVersion };
        assumedPVs.set(pv.metadata.name!, { pv: next, fromRV: pv.metadata.resourceVersion });
        return { pv: next, pvc };
      });
      const dynamicProvisions = v.dynamicProvisions.map((pvc) => {
        const next: PVC = { ...pvc, metadata: { ...pvc.metadata, annotations: { ...pvc.metadata.annotations, [ANN_SELECTED_NODE]: nodeName } } };
        assumedPVCs.set(claimKey(pvc), { pvc: next, fromRV: pvc.metadata.resourceVersion });
        return next;
      });
      s.byNode.set(nodeName, { staticBindings, dynamicProvisions });
      s.allBound = staticBindings.length === 0 && dynamicProvisions.length === 0;
      return null;
    },

    unreserve(state, _pod, nodeName) {
      revert(stateOf(state)?.byNode.get(nodeName));
    },

    /** PreBind → BindPodVolumes: write the bindings, then poll until they are complete or hopeless. */
    preBind(state, pod, nodeName, done) {
      const s = stateOf(state);
      if (!s || s.allBound) return done(null);
      const v = s.byNode.get(nodeName);
      if (!v) return done(errorStatus(`no pod volumes found for node "${nodeName}"`));
      const err = bindAPIUpdate(v);
      if (err) return done(errorStatus(err));
      const deadline = h.clock.now() + BIND_TIMEOUT_MS;
      const poll = (): void => {
        const r = checkBindings(pod, nodeName, v);
        if (r === true) return done(null);
        if (r !== false) return done(errorStatus(`binding volumes: ${r.error}`));
        if (h.clock.now() + POLL_MS > deadline) return done(errorStatus('binding volumes: context deadline exceeded'));
        h.clock.schedule(POLL_MS, { component: SCHEDULER_COMPONENT, key: pod.key, what: 'wait for volume binding' }, poll);
      };
      h.clock.schedule(POLL_MS, { component: SCHEDULER_COMPONENT, key: pod.key, what: 'wait for volume binding' }, poll);
    },
  };
}
