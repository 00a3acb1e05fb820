/**
 * DefaultPreemption (plugins/defaultpreemption + framework/preemption): when
 * no node fits, look for a node where evicting lower-priority pods would let
 * the pod fit, pick the node whose victims matter least, mark and delete
 * them, and nominate the node for the pod.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Handle, PostFilterPlugin, CycleState } from '../types';
import { errorStatus, isSuccess, statusMessage, unresolvable, unschedulable, type Status } from '../status';
import { NodeToStatus, fitErrorMessage } from '../nodeToStatus';
import { newPodInfo, type PodInfo } from '../podInfo';
import type { NodeInfo } from '../nodeInfo';
import type { KubeObject } from '../../api/object';
import { selectorFromLabelSelector } from '../../api/selectors/labels';

export const Name = 'DefaultPreemption';
/** DefaultPreemptionArgs defaults. */
const MIN_CANDIDATE_NODES_PERCENTAGE = 10;
const MIN_CANDIDATE_NODES_ABSOLUTE = 100;
const INT32_MAX = 2 ** 31 - 1;

export interface Candidate {
  node: string;
  victims: PodInfo[];
  numPDBViolations: number;
}

interface Pdb {
  namespace: string;
  selector: ReturnType<typeof selectorFromLabelSelector>;
  disruptionsAllowed: number;
  disrupted: Record<string, unknown>;
}

/** GetPodStartTime: status.startTime, or "now" for pods that have not started. */
function startTime(p: PodInfo, now: number): number {
  const t = (p.pod as Pod).status?.startTime;
  return t ? Date.parse(t) : now;
}

/** util.MoreImportantPod: higher priority, then the one that started first. */
export function moreImportant(a: PodInfo, b: PodInfo, now: number): boolean {
  if (a.priority !== b.priority) return a.priority > b.priority;
  return startTime(a, now) < startTime(b, now);
}

/** filterPodsWithPDBViolation: stable split by whether evicting would break a budget. */
function splitByPDB(pods: PodInfo[], pdbs: Pdb[]): [PodInfo[], PodInfo[]] {
  const allowed = pdbs.map((p) => p.disruptionsAllowed);
  const violating: PodInfo[] = [];
  const ok: PodInfo[] = [];
  for (const p of pods) {
    let violated = false;
    if (Object.keys(p.labels).length) {
      pdbs.forEach((pdb, i) => {
        if (pdb.namespace !== p.namespace || !pdb.selector.ok) return;
        const sel = pdb.selector.selector;
        if (sel.empty() || !sel.matches(p.labels)) return;
        if (p.name in pdb.disrupted) return;
        allowed[i]--;
        if (allowed[i] < 0) violated = true;
      });
    }
    (violated ? violating : ok).push(p);
  }
  return [violating, ok];
}

/** pickOneNodeForPreemption: fewest PDB violations, lowest top victim, lowest sum, fewest victims, latest start. */
export function pickOneNode(cands: Candidate[], now: number): Candidate | undefined {
  const fns: ((c: Candidate) => number)[] = [
    (c) => -c.numPDBViolations,
    (c) => -c.victims[0].priority,
    (c) => -c.victims.reduce((s, p) => s + p.priority + INT32_MAX + 1, 0),
    (c) => -c.victims.length,
    (c) => {
      // GetEarliestPodStartTime among the highest-priority victims.
      const top = c.victims[0].priority;
      let earliest = Infinity;
      for (const v of c.victims) if (v.priority === top) earliest = Math.min(earliest, startTime(v, now));
      return earliest;
    },
  ];
  let all = cands;
  for (const f of fns) {
    let best = -Infinity;
    let picked: Candidate[] = [];
    for (const c of all) {
      const s = f(c);
      if (s > best) {
        best = s;
        picked = [];
      }
      if (s === best) picked.push(c);
    }
    if (picked.length === 1) return picked[0];
    all = picked;
  }
  return all[0];
}

export function New(h: Handle): PostFilterPlugin {
  const pods = h.informer('pods');
  const pdbInformer = h.informer('poddisruptionbudgets');

  function pdbs(): Pdb[] {
    return pdbInformer.list().map((o) => {
      const spec = (o.spec ?? {}) as { selector?: LabelSelector };
      const status = (o.status ?? {}) as { disruptionsAllowed?: number; disruptedPods?: Record<string, unknown> };
      return {
        namespace: o.metadata.namespace ?? '',
        selector: selectorFromLabelSelector(spec.selector),
        disruptionsAllowed: status.disruptionsAllowed ?? 0,
        disrupted: status.disruptedPods ?? {},
      };
    });
  }

  /** PodEligibleToPreemptOthers. */
  function eligible(pod: PodInfo, nominatedStatus: Status | undefined): string | null {
    if (pod.pod.spec?.preemptionPolicy === 'Never') return 'not eligible due to preemptionPolicy=Never.';
    const nom = pod.pod.status?.nominatedNodeName;
    if (nom) {
      if (nominatedStatus?.code === 'UnschedulableAndUnresolvable') return null;
      const node = h.snapshot.get(nom);
      if (node) {
        for (const p of node.pods) {
          if (p.priority < pod.priority && terminatingByPreemption(p.pod)) return 'not eligible due to a terminating pod on the nominated node.';
        }
      }
    }
    return null;
  }

  function selectVictimsOnNode(state: CycleState, pod: PodInfo, node: NodeInfo, budgets: Pdb[]): { victims: PodInfo[]; violations: number; status: Status | null } {
    const fw = h.framework;
    const potential = node.pods.filter((p) => p.priority < pod.priority);
    for (const p of potential) {
      node.removePod(p.key);
      fw.runPreFilterRemovePod(state, pod, p, node);
    }
    if (potential.length === 0) return { victims: [], violations: 0, status: unresolvable('No preemption victims found for incoming pod') };
    const st = fw.runFilterPluginsWithNominatedPods(state, pod, node);
    if (!isSuccess(st)) return { victims: [], violations: 0, status: st };
    const now = h.clock.now();
    potential.sort((a, b) => (moreImportant(a, b, now) ? -1 : moreImportant(b, a, now) ? 1 : 0));
    const [violating, nonViolating] = splitByPDB(potential, budgets);
    const victims: PodInfo[] = [];
    let violations = 0;
    const reprieve = (p: PodInfo): boolean => {
      node.addPod(p);
      fw.runPreFilterAddPod(state, pod, p, node);
      const fits = isSuccess(fw.runFilterPluginsWithNominatedPods(state, pod, node));
      if (!fits) {
        node.removePod(p.key);
        fw.runPreFilterRemovePod(state, pod, p, node);
        victims.push(p);
      }
      return fits;
    };
    for (const p of violating) if (!reprieve(p)) violations++;
    for (const p of nonViolating) reprieve(p);
    if (violating.length && nonViolating.length) victims.sort((a, b) => (moreImportant(a, b, now) ? -1 : moreImportant(b, a, now) ? 1 : 0));
    return { victims, violations, status: null };
  }

  /** DryRunPreemption over the potential nodes, starting at a random offset. */
  function findCandidates(state: CycleState, pod: PodInfo, statuses: NodeToStatus): { candidates: Candidate[]; statuses: NodeToStatus } {
    const all = h.snapshot.list();
    const potential = statuses.nodesWithCode('Unschedulable', all.map((n) => n.name));
    const out = new NodeToStatus();
    if (potential.length === 0) return { candidates: [], statuses: out };
    const budgets = pdbs();
    const offset = h.rng.int(potential.length);
    let want = Math.trunc((potential.length * MIN_CANDIDATE_NODES_PERCENTAGE) / 100);
    want = Math.min(Math.max(want, MIN_CANDIDATE_NODES_ABSOLUTE), potential.length);
    const nonViolating: Candidate[] = [];
    const violating: Candidate[] = [];
    for (let i = 0; i < potential.length; i++) {
      const name = potential[(offset + i) % potential.length];
      const info = h.snapshot.get(name);
      if (!info) continue;
      const r = selectVictimsOnNode(state.clone(), pod, info.clone(), budgets);
      if (r.status === null && r.victims.length) {
        (r.violations === 0 ? nonViolating : violating).push({ node: name, victims: r.victims, numPDBViolations: r.violations });
        if (nonViolating.length > 0 && nonViolating.length + violating.length >= want) break;
        continue;
      }
      out.set(name, r.status ?? errorStatus(`expected at least one victim pod on node "${name}"`));
    }
    return { candidates: [...nonViolating, ...violating], statuses: out };
  }

  /** prepareCandidate: mark and delete each victim, then drop weaker nominations for the node. */
  function prepare(c: Candidate, pod: PodInfo): Status | null {
    const now = h.clock.timestamp();
    for (const v of c.victims) {
      if (v.pod.metadata.deletionTimestamp) continue;
      const cond = {
        type: 'DisruptionTarget',
        status: 'True',
        lastTransitionTime: now,
        reason: 'PreemptionByScheduler',
        message: `${pod.pod.spec?.schedulerName ?? h.schedulerName}: preempting to accommodate a higher priority pod`,
      };
      const ref = { group: '', version: 'v1', resource: 'pods', namespace: v.namespace, name: v.name };
      const patched = h.client({ ...ref, verb: 'patch', subresource: 'status', contentType: 'application/strategic-merge-patch+json', body: { status: { conditions: [cond] } } });
      if (patched.status === 404) continue;
      if (patched.status >= 400) return errorStatus(JSON.stringify(patched.body));
      const deleted = h.client({ ...ref, verb: 'delete' });
      if (deleted.status >= 400 && deleted.status !== 404) return errorStatus(JSON.stringify(deleted.body));
      h.recorder.event(v.pod, 'Normal', 'Preempted', `Preempted by pod ${pod.uid} on node ${c.node}`);
    }
    for (const p of h.nominator.nominatedPodsForNode(c.node)) {
      if (p.priority >= pod.priority || !p.pod.status?.nominatedNodeName) continue;
      h.client({
        group: '',
        version: 'v1',
        resource: 'pods',
        namespace: p.namespace,
        name: p.name,
        verb: 'patch',
        subresource: 'status',
        contentType: 'application/strategic-merge-patch+json',
        body: { status: { nominatedNodeName: null } },
      });
    }
    return null;
  }

  return {
    name: Name,
    postFilter(state, podIn, statuses) {
      const latest = pods.get(podIn.namespace, podIn.name);
      if (!latest) return { status: errorStatus(`pod "${podIn.name}" not found`) };
      const pod = latest === podIn.pod ? podIn : newPodInfo(latest);
      const nom = pod.pod.status?.nominatedNodeName;
      const notEligible = eligible(pod, nom ? statuses.get(nom) : undefined);
      if (notEligible) return { status: unschedulable(`preemption: ${notEligible}`) };
      const { candidates, statuses: nodeStatuses } = findCandidates(state, pod, statuses);
      if (candidates.length === 0) {
        nodeStatuses.absent = unresolvable('Preemption is not helpful for scheduling');
        const msg = fitErrorMessage(h.snapshot.list().length, { statuses: nodeStatuses, unschedulablePlugins: new Set(), preFilterMsg: '', postFilterMsg: '' });
        return { result: { nominatedNodeName: '' }, status: unschedulable(`preemption: ${msg}`) };
      }
      const best = pickOneNode(candidates, h.clock.now());
      if (!best) return { status: unschedulable('preemption: no candidate node for preemption') };
      const err = prepare(best, pod);
      if (err) return { status: { ...err, reasons: [`preemption: ${statusMessage(err)}`] } };
      return { result: { nominatedNodeName: best.node }, status: { code: 'Success', reasons: [] } };
    },
  };
}

/** podTerminatingByPreemption: being deleted with the scheduler's DisruptionTarget condition. */
export function terminatingByPreemption(p: Pod & KubeObject): boolean {
  if (!p.metadata.deletionTimestamp) return false;
  const c = p.status?.conditions?.find((x) => x.type === 'DisruptionTarget');
  return !!c && c.status === 'True' && c.reason === 'PreemptionByScheduler';
}
