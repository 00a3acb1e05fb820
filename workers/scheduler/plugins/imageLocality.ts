/**
 * ImageLocality (plugins/imagelocality): favours nodes that already hold the
 * pod's images, weighted by image size and by how few nodes have them.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { CycleState, Handle, ScorePlugin } from '../types';
import type { NodeInfo } from '../nodeInfo';
import type { PodInfo } from '../podInfo';
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

/** The normalized image of every init container, then every container. */
export function podImages(pod: Pod): string[] {
  const out: string[] = [];
  for (const c of pod.spec?.initContainers ?? []) out.push(normalizedImageName(c.image ?? ''));
  for (const c of pod.spec?.containers ?? []) out.push(normalizedImageName(c.image ?? ''));
  return out;
}

export function sumImageScores(node: NodeInfo, pod: Pod, totalNumNodes: number, images: readonly string[] = podImages(pod)): number {
  let sum = 0;
  for (const image of images) {
    const st = node.imageStates.get(image);
    // scaledImageScore: size times the share of nodes holding the image.
    if (st) sum += Math.trunc(st.size * (st.nodes.size / totalNumNodes));
  }
  return sum;
}

export function New(h: Handle): ScorePlugin {
  // What every node's score in one cycle shares: whether any node has images, how many nodes there
  // are and the pod's images. Score runs once per node with the same CycleState and PodInfo.
  let cycle: CycleState | null = null;
  let pod: PodInfo | null = null;
  let anyImages = false;
  let totalNodes = 0;
  let images: readonly string[] = [];
  return {
    name: Name,
    score(state, p, node) {
      if (state !== cycle || p !== pod) {
        cycle = state;
        pod = p;
        anyImages = h.snapshot.hasImages();
        totalNodes = h.snapshot.list().length;
        images = podImages(p.pod);
      }
      // With no image anywhere, every node scores calculatePriority(0, n) = 0.
      if (!anyImages) return 0;
      return calculatePriority(sumImageScores(node, p.pod, totalNodes, images), images.length);
    },
    scoreNodes(_state, p, nodes, out) {
      const any = h.snapshot.hasImages();
      const total = h.snapshot.list().length;
      const imgs = podImages(p.pod);
      for (let i = 0; i < nodes.length; i++) out[i] = any ? calculatePriority(sumImageScores(nodes[i], p.pod, total, imgs), imgs.length) : 0;
    },
  };
}
