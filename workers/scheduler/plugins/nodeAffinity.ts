/**
 * NodeAffinity (plugins/nodeaffinity): nodeSelector and required node
 * affinity filter nodes; preferred terms add their weights to the score.
 * A required affinity on metadata.name narrows the nodes evaluated at all.
 */
import type { FilterPlugin, PreFilterPlugin, PreScorePlugin, ScorePlugin, StateData } from '../types';
import { SKIP, unresolvable } from '../status';
import { PreferredSchedulingTerms, RequiredNodeAffinity } from '../helpers/nodeAffinity';
import { defaultNormalizeScore, MAX_NODE_SCORE } from '../helpers/normalizeScore';

export const Name = 'NodeAffinity';
export const ErrReasonPod = "node(s) didn't match Pod's node affinity/selector";
export const ErrReasonConflict = 'pod affinity terms conflict';
const PRE_FILTER_KEY = `PreFilter${Name}`;
const PRE_SCORE_KEY = `PreScore${Name}`;

interface PreFilterState extends StateData {
  required: RequiredNodeAffinity;
}

interface PreScoreState extends StateData {
  preferred: PreferredSchedulingTerms;
}

export function New(): PreFilterPlugin & FilterPlugin & PreScorePlugin & ScorePlugin {
  return {
    name: Name,
    events: ['NodeAdd', 'NodeUpdate'],
    preFilter(state, pod) {
      const spec = pod.pod.spec;
      const required = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
      if (!required && !spec?.nodeSelector) return { status: SKIP };
      state.write(PRE_FILTER_KEY, { required: new RequiredNodeAffinity(pod.pod) } as PreFilterState);
      const terms = required?.nodeSelectorTerms ?? [];
      if (terms.length === 0) return { status: null };
      let names: Set<string> | undefined;
      for (const t of terms) {
        let termNames: Set<string> | undefined;
        for (const r of t.matchFields ?? []) {
          if (r.key === 'metadata.name' && r.operator === 'In') {
            const s = new Set(r.values ?? []);
            termNames = termNames ? new Set([...termNames].filter((n) => s.has(n))) : s;
          }
        }
        // A term without a node-name requirement lets every node through: terms are ORed.
        if (!termNames) return { status: null };
        names = new Set([...(names ?? []), ...termNames]);
      }
      if (names && names.size === 0) return { status: unresolvable(ErrReasonConflict) };
      return { status: null, result: names ? { nodeNames: names } : undefined };
    },
    filter(state, pod, node) {
      const s = state.read<PreFilterState>(PRE_FILTER_KEY)?.required ?? new RequiredNodeAffinity(pod.pod);
      return s.match(node) ? null : unresolvable(ErrReasonPod);
    },
    preScore(state, pod) {
      const preferred = pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
      if (!preferred?.length) return SKIP;
      state.write(PRE_SCORE_KEY, { preferred: new PreferredSchedulingTerms(preferred) } as PreScoreState);
      return null;
    },
    score(state, _pod, node) {
      return state.read<PreScoreState>(PRE_SCORE_KEY)?.preferred.score(node) ?? 0;
    },
    normalizeScore(_state, _pod, scores) {
      defaultNormalizeScore(MAX_NODE_SCORE, false, scores);
    },
  };
}
