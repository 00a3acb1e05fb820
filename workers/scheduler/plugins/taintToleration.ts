/**
 * TaintToleration (plugins/tainttoleration): NoSchedule/NoExecute taints
 * the pod does not tolerate keep it off; PreferNoSchedule taints it does
 * not tolerate lower the node's score (normalised, reversed).
 */
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import type { FilterPlugin, PreScorePlugin, ScorePlugin, StateData } from '../types';
import { unresolvable } from '../status';
import { doNotSchedule, findUntoleratedTaint, tolerationsTolerateTaint } from '../helpers/taints';
import { defaultNormalizeScore, MAX_NODE_SCORE } from '../helpers/normalizeScore';

export const Name = 'TaintToleration';
const PRE_SCORE_KEY = `PreScore${Name}`;

interface PreScoreState extends StateData {
  tolerations: Toleration[];
}

/** countIntolerableTaintsPreferNoSchedule. */
function intolerablePreferNoSchedule(taints: readonly Taint[], tolerations: readonly Toleration[]): number {
  let n = 0;
  for (const t of taints) if (t.effect === 'PreferNoSchedule' && !tolerationsTolerateTaint(tolerations, t)) n++;
  return n;
}

export function New(): FilterPlugin & PreScorePlugin & ScorePlugin {
  return {
    name: Name,
    events: ['NodeAdd', 'NodeUpdate'],
    filter(_state, pod, node) {
      if (node.taints.length === 0) return null;
      const taint = findUntoleratedTaint(node.taints, pod.pod.spec?.tolerations, doNotSchedule);
      if (!taint) return null;
      return unresolvable(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`);
    },
    preScore(state, pod) {
      // getAllTolerationPreferNoSchedule: tolerations with no effect or PreferNoSchedule.
      const tolerations = (pod.pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
      state.write(PRE_SCORE_KEY, { tolerations } as PreScoreState);
      return null;
    },
    score(state, _pod, node) {
      if (node.taints.length === 0) return 0;
      return intolerablePreferNoSchedule(node.taints, state.read<PreScoreState>(PRE_SCORE_KEY)?.tolerations ?? []);
    },
    scoreNodes(state, _pod, nodes, out) {
      let tolerations: Toleration[] | undefined;
      for (let i = 0; i < nodes.length; i++) {
        const taints = nodes[i].taints;
        if (taints.length === 0) out[i] = 0;
        else out[i] = intolerablePreferNoSchedule(taints, (tolerations ??= state.read<PreScoreState>(PRE_SCORE_KEY)?.tolerations ?? []));
      }
    },
    normalizeScore(_state, _pod, scores) {
      defaultNormalizeScore(MAX_NODE_SCORE, true, scores);
    },
  };
}
