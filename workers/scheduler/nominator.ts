/**
 * Pods nominated to a node by preemption, waiting for their victims to
 * leave (backend/queue/nominator.go). Other pods of lower priority see the
 * node as if the nominated pods were already there.
 */
import type { Nominator } from './types';
import type { PodInfo } from './podInfo';

export class PodNominator implements Nominator {
  private byNode = new Map<string, Map<string, PodInfo>>();
  private nodeOf = new Map<string, string>();

  /** AddNominatedPod: `nodeName` overrides the pod's status.nominatedNodeName when given. */
  add(pod: PodInfo, nodeName?: string): void {
    const node = nodeName ?? pod.pod.status?.nominatedNodeName ?? '';
    this.delete(pod.key);
    if (!node) return;
    let m = this.byNode.get(node);
    if (!m) this.byNode.set(node, (m = new Map()));
    m.set(pod.key, pod);
    this.nodeOf.set(pod.key, node);
  }

  delete(key: string): void {
    const node = this.nodeOf.get(key);
    if (node === undefined) return;
    this.nodeOf.delete(key);
    const m = this.byNode.get(node)!;
    m.delete(key);
    if (m.size === 0) this.byNode.delete(node);
  }

  /** UpdateNominatedPod: a newer copy of an already nominated pod keeps its nomination. */
  update(pod: PodInfo): void {
    const cur = this.nodeOf.get(pod.key);
    const fromStatus = pod.pod.status?.nominatedNodeName;
    if (cur === undefined && !fromStatus) return;
    this.add(pod, fromStatus || cur);
  }

  nominatedNodeOf(key: string): string | undefined {
    return this.nodeOf.get(key);
  }

  get empty(): boolean {
    return this.nodeOf.size === 0;
  }

  nominatedPodsForNode(node: string): readonly PodInfo[] {
    const m = this.byNode.get(node);
    return m ? [...m.values()] : [];
  }
}
