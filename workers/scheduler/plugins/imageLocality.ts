/**
 * ImageLocality (plugins/imagelocality): favours nodes that already hold the
 * pod's images, weighted by image size and by how few nodes have them.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Handle, ScorePlugin } from '../types';
import type { NodeInfo } from '../nodeInfo';
import { MAX_NODE_SCORE } from '../helpers/normalizeScore';

export const Name = 'ImageLocality';

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** normalizedImageName: a name without a tag gets `:latest`. */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

export function calculatePriority(sumScores: number, numContainers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
  const s = Math.min(Math.max(sumScores, MIN_THRESHOLD), maxThreshold);
  return Math.trunc((MAX_NODE_SCORE * (s - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

export function sumImageScores(node: NodeInfo, pod: Pod, totalNumNodes: number): number {
  let sum = 0;
  for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
    const st = node.imageStates.get(normalizedImageName(c.image ?? ''));
    // scaledImageScore: size times the share of nodes holding the image.
    if (st) sum += Math.trunc(st.size * (st.nodes.size / totalNumNodes));
  }
  return sum;
}

export function New(h: Handle): ScorePlugin {
  return {
    name: Name,
    score(_state, pod, node) {
      // With no image anywhere, every node scores calculatePriority(0, n) = 0.
      if (!h.snapshot.hasImages()) return 0;
      const n = (pod.pod.spec?.initContainers?.length ?? 0) + (pod.pod.spec?.containers?.length ?? 0);
      return calculatePriority(sumImageScores(node, pod.pod, h.snapshot.list().length), n);
    },
  };
}
