/**
 * One scheduling attempt's search (schedule_one.go schedulePod): PreFilter,
 * the nominated node first, Filter over nodes starting where the last
 * attempt stopped until enough feasible nodes are found, then PreScore,
 * Score and a random pick among the best.
 */
import type { Rng } from '../clock/prng';
import type { SchedulerCache } from './cache';
import type { Framework, NodeScores } from './framework';
import type { NodeInfo } from './nodeInfo';
import { NodeToStatus, type Diagnosis } from './nodeToStatus';
import type { PodInfo } from './podInfo';
import { isRejected, statusMessage, unresolvable, type Status } from './status';
import type { CycleState } from './types';

/** minFeasibleNodesToFind and minFeasibleNodesPercentageToFind. */
const MIN_FEASIBLE_NODES_TO_FIND = 100;
const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

export const ERR_NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

export interface Scored {
  nodes: readonly NodeInfo[];
  scores: NodeScores;
}

export type ScheduleOutcome =
  | { kind: 'scheduled'; host: string; evaluated: number; feasible: number; diagnosis: Diagnosis; scored?: Scored }
  | { kind: 'fitError'; numAllNodes: number; diagnosis: Diagnosis }
  | { kind: 'error'; status: Status };

/** numFeasibleNodesToFind with the adaptive percentage (50% − nodes/125, at least 5%). */
export function numFeasibleNodesToFind(numAllNodes: number, percentage = 0): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let pct = percentage;
  if (pct === 0) {
    pct = 50 - Math.trunc(numAllNodes / 125);
    if (pct < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) pct = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  }
  const n = Math.trunc((numAllNodes * pct) / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}

export class Algorithm {
  private nextStartNodeIndex = 0;

  constructor(
    private readonly cache: SchedulerCache,
    private readonly fw: Framework,
    private readonly rng: Rng,
    private readonly percentageOfNodesToScore = 0,
  ) {}

  schedulePod(state: CycleState, pod: PodInfo): ScheduleOutcome {
    if (this.cache.nodeCount === 0) return { kind: 'error', status: unresolvable(ERR_NO_NODES_AVAILABLE) };
    const found = this.findNodesThatFitPod(state, pod);
    if ('status' in found) return { kind: 'error', status: found.status };
    const { feasible, diagnosis, evaluated } = found;
    if (feasible.length === 0) return { kind: 'fitError', numAllNodes: this.cache.nodeCount, diagnosis };
    if (feasible.length === 1) return { kind: 'scheduled', host: feasible[0].name, evaluated, feasible: 1, diagnosis };
    const pre = this.fw.runPreScorePlugins(state, pod, feasible);
    if (pre !== null && pre.code !== 'Success') return { kind: 'error', status: pre };
    const scores = this.fw.runScorePlugins(state, pod, feasible);
    return { kind: 'scheduled', host: feasible[this.selectHost(scores.totals)].name, evaluated, feasible: feasible.length, diagnosis, scored: { nodes: feasible, scores } };
  }

  /** selectHost: the highest total; ties broken uniformly at random (reservoir sampling). */
  selectHost(totals: Int32Array): number {
    let best = -Infinity;
    let count = 0;
    let pick = 0;
    for (let i = 0; i < totals.length; i++) {
      const t = totals[i];
      if (t > best) {
        best = t;
        count = 1;
        pick = i;
      } else if (t === best) {
        count++;
        if (this.rng.int(count) === 0) pick = i;
      }
    }
    return pick;
  }

  private findNodesThatFitPod(state: CycleState, pod: PodInfo): { feasible: NodeInfo[]; diagnosis: Diagnosis; evaluated: number } | { status: Status } {
    const diagnosis: Diagnosis = { statuses: new NodeToStatus(), unschedulablePlugins: new Set(), preFilterMsg: '', postFilterMsg: '' };
    const all = this.cache.list();
    const pre = this.fw.runPreFilterPlugins(state, pod, all);
    if (pre.status !== null && pre.status.code !== 'Success') {
      if (!isRejected(pre.status)) return { status: pre.status };
      // Every node shares the PreFilter verdict.
      diagnosis.statuses.absent = pre.status;
      diagnosis.preFilterMsg = statusMessage(pre.status);
      if (pre.status.plugin) diagnosis.unschedulablePlugins.add(pre.status.plugin);
      return { feasible: [], diagnosis, evaluated: 0 };
    }
    const nominated = pod.pod.status?.nominatedNodeName;
    if (nominated) {
      // evaluateNominatedNode: the node preemption made room on is tried alone first.
      const node = this.cache.get(nominated);
      if (node && (!pre.nodeNames || pre.nodeNames.has(nominated))) {
        const s = this.fw.runFilterPluginsWithNominatedPods(state, pod, node);
        if (s === null || s.code === 'Success') return { feasible: [node], diagnosis, evaluated: 1 };
        if (!isRejected(s)) return { status: s };
      }
    }
    let nodes = all;
    if (pre.nodeNames) {
      const names = pre.nodeNames;
      nodes = all.filter((n) => names.has(n.name));
      diagnosis.statuses.absent = unresolvable(`node(s) didn't satisfy plugin(s) [${pre.narrowedBy.join(' ')}]`);
    }
    const feasible: NodeInfo[] = [];
    const n = nodes.length;
    const want = numFeasibleNodesToFind(n, this.percentageOfNodesToScore);
    // With no pod nominated anywhere, the pass with nominated pods is the plain one.
    const plain = !this.fw.hasNominatedPods();
    let processed = 0;
    for (let i = 0; i < n; i++) {
      const node = nodes[(this.nextStartNodeIndex + i) % n];
      processed++;
      const s = plain ? this.fw.runFilterPlugins(state, pod, node) : this.fw.runFilterPluginsWithNominatedPods(state, pod, node);
      if (s === null || s.code === 'Success') {
        feasible.push(node);
        if (feasible.length >= want) break;
      } else if (isRejected(s)) {
        diagnosis.statuses.set(node.name, s);
        if (s.plugin) diagnosis.unschedulablePlugins.add(s.plugin);
      } else return { status: s };
    }
    if (n > 0) this.nextStartNodeIndex = (this.nextStartNodeIndex + processed) % n;
    return { feasible, diagnosis, evaluated: processed };
  }
}
