/**
 * Pods by the node they are bound to, kept from the shared pod informer
 * (upstream's `spec.nodeName` indexer), so a node's pods are found without
 * scanning every pod.
 */
import type { KubeObject } from '../../api/object';
import type { Informer } from '../../client/informer';
import { keyOf } from '../../client/informer';

export const nodeNameOf = (pod: KubeObject): string => (pod.spec as { nodeName?: string } | undefined)?.nodeName ?? '';

export class PodsByNode {
  /** The node index of the pod informer, shared by the node lifecycle and taint eviction controllers. */
  static of(informer: Informer<KubeObject>): PodsByNode {
    return informer.index('spec.nodeName', (inf) => new PodsByNode(inf));
  }

  private readonly byNode = new Map<string, Map<string, KubeObject>>();
  private readonly nodeOf = new Map<string, string>();

  private constructor(informer: Informer<KubeObject>) {
    informer.addEventHandler({
      add: (p) => this.put(p),
      update: (_o, p) => this.put(p),
      delete: (p) => this.remove(keyOf(p)),
    });
  }

  pods(node: string): KubeObject[] {
    return [...(this.byNode.get(node)?.values() ?? [])];
  }

  private put(p: KubeObject): void {
    const key = keyOf(p);
    const node = nodeNameOf(p);
    const was = this.nodeOf.get(key);
    if (was !== undefined && was !== node) this.remove(key);
    if (!node) return;
    let m = this.byNode.get(node);
    if (!m) this.byNode.set(node, (m = new Map()));
    m.set(key, p);
    this.nodeOf.set(key, node);
  }

  private remove(key: string): void {
    const node = this.nodeOf.get(key);
    if (node === undefined) return;
    this.nodeOf.delete(key);
    const m = this.byNode.get(node);
    m?.delete(key);
    if (m && m.size === 0) this.byNode.delete(node);
  }
}
