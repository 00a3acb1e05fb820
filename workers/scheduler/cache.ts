/**
 * The scheduler's view of the cluster (pkg/scheduler/backend/cache): one
 * NodeInfo per node with the pods bound to it, plus pods the scheduler has
 * assumed onto a node before its binding is observed, so the next pod
 * already sees those resources as taken. Fed by informer events.
 */
import type { Node } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../api/object';
import { NodeInfo, type ImageSummary } from './nodeInfo';
import { NodeTree } from './nodeTree';
import type { PodInfo } from './podInfo';

interface PodState {
  info: PodInfo;
  nodeName: string;
  assumed: boolean;
}

export class SchedulerCache {
  private nodes = new Map<string, NodeInfo>();
  private pods = new Map<string, PodState>();
  private tree = new NodeTree();
  private images = new Map<string, ImageSummary>();
  private ordered: NodeInfo[] | null = null;
  /** Counts that let affinity plugins skip the node scan when no pod has affinity. */
  private podsWithAffinity = 0;
  private podsWithRequiredAntiAffinity = 0;

  /** Nodes in node-tree order (zones round-robin). */
  list(): readonly NodeInfo[] {
    if (!this.ordered) this.ordered = this.tree.list().map((n) => this.nodes.get(n)!);
    return this.ordered;
  }

  get(name: string): NodeInfo | undefined {
    const n = this.nodes.get(name);
    return n?.node ? n : undefined;
  }

  get nodeCount(): number {
    return this.tree.size;
  }

  /** Nodes hosting a pod with pod (anti-)affinity (HavePodsWithAffinityList). */
  havePodsWithAffinity(): NodeInfo[] {
    if (this.podsWithAffinity === 0) return [];
    return this.list().filter((n) => n.podsWithAffinity.length > 0);
  }

  havePodsWithRequiredAntiAffinity(): NodeInfo[] {
    if (this.podsWithRequiredAntiAffinity === 0) return [];
    return this.list().filter((n) => n.podsWithRequiredAntiAffinity.length > 0);
  }

  /** Whether any node has image state at all (ImageLocality has nothing to score otherwise). */
  hasImages(): boolean {
    return this.images.size > 0;
  }

  addNode(node: KubeObject): void {
    const name = node.metadata.name!;
    let info = this.nodes.get(name);
    if (!info) this.nodes.set(name, (info = new NodeInfo(name)));
    if (!info.node || this.tree.zoneChanged(node)) {
      this.tree.add(node);
      this.ordered = null;
    }
    this.setImages(info, node);
    info.setNode(node);
  }

  updateNode(node: KubeObject): void {
    this.addNode(node);
  }

  removeNode(node: KubeObject): void {
    const name = node.metadata.name!;
    const info = this.nodes.get(name);
    if (!info) return;
    this.tree.remove(name);
    this.ordered = null;
    this.clearImages(info);
    // Pods still bound to a deleted node keep a headless NodeInfo until they go (cache.RemoveNode).
    if (info.pods.length) {
      info.node = null;
      info.generation++;
    } else this.nodes.delete(name);
  }

  /** An assigned pod observed through the informer (AddPod): confirms an assumed pod. */
  addPod(info: PodInfo): void {
    const nodeName = info.pod.spec?.nodeName ?? '';
    const cur = this.pods.get(info.key);
    if (!cur) return this.attach({ info, nodeName, assumed: false });
    this.detach(cur);
    cur.info = info;
    cur.nodeName = nodeName;
    cur.assumed = false;
    this.attach(cur);
  }

  updatePod(info: PodInfo): void {
    const cur = this.pods.get(info.key);
    const nodeName = info.pod.spec?.nodeName ?? '';
    if (!cur || cur.nodeName !== nodeName) return this.addPod(info);
    const n = this.nodes.get(nodeName);
    if (!n || !n.updatePod(info, cur.info)) return this.addPod(info);
    this.podsWithAffinity += Number(info.hasAffinity) - Number(cur.info.hasAffinity);
    this.podsWithRequiredAntiAffinity += Number(info.requiredAntiAffinityTerms.length > 0) - Number(cur.info.requiredAntiAffinityTerms.length > 0);
    // The record is the cache's own: update it rather than allocate another.
    cur.info = info;
    cur.assumed = false;
  }

  removePod(key: string): void {
    const cur = this.pods.get(key);
    if (!cur) return;
    this.detach(cur);
    this.pods.delete(key);
  }

  /** AssumePod: count the pod on `nodeName` before the binding is observed. */
  assumePod(info: PodInfo, nodeName: string): void {
    const cur = this.pods.get(info.key);
    if (cur) this.detach(cur);
    this.attach({ info, nodeName, assumed: true });
  }

  /** ForgetPod: the binding failed, give the resources back. */
  forgetPod(key: string): void {
    const cur = this.pods.get(key);
    if (cur?.assumed) {
      this.detach(cur);
      this.pods.delete(key);
    }
  }

  podInfo(key: string): PodInfo | undefined {
    return this.pods.get(key)?.info;
  }

  isAssumed(key: string): boolean {
    return this.pods.get(key)?.assumed ?? false;
  }

  nodeOf(key: string): string | undefined {
    return this.pods.get(key)?.nodeName;
  }

  private attach(st: PodState): void {
    this.pods.set(st.info.key, st);
    let n = this.nodes.get(st.nodeName);
    if (!n) this.nodes.set(st.nodeName, (n = new NodeInfo(st.nodeName)));
    n.addPod(st.info);
    if (st.info.hasAffinity) this.podsWithAffinity++;
    if (st.info.requiredAntiAffinityTerms.length) this.podsWithRequiredAntiAffinity++;
  }

  private detach(st: PodState): void {
    const n = this.nodes.get(st.nodeName);
    if (!n || !n.removePod(st.info.key, st.info)) return;
    if (st.info.hasAffinity) this.podsWithAffinity--;
    if (st.info.requiredAntiAffinityTerms.length) this.podsWithRequiredAntiAffinity--;
    if (!n.node && n.pods.length === 0) this.nodes.delete(st.nodeName);
  }

  /** node.status.images → shared per-image summaries (cache.addNodeImageStates). */
  private setImages(info: NodeInfo, node: KubeObject): void {
    const images = (node as Node & KubeObject).status?.images ?? [];
    if (images.length === 0 && info.imageStates.size === 0) return;
    this.clearImages(info);
    const states = new Map<string, ImageSummary>();
    for (const img of images) {
      for (const name of img.names ?? []) {
        let s = this.images.get(name);
        if (!s) this.images.set(name, (s = { size: img.sizeBytes ?? 0, nodes: new Set() }));
        s.nodes.add(info.name);
        states.set(name, s);
      }
    }
    info.imageStates = states;
  }

  private clearImages(info: NodeInfo): void {
    for (const [name, s] of info.imageStates) {
      s.nodes.delete(info.name);
      if (s.nodes.size === 0) this.images.delete(name);
    }
    info.imageStates = new Map();
  }
}
