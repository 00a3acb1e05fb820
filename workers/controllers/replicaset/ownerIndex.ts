/**
 * An index over a shared informer's cache: objects by their controller's
 * UID, and orphans by namespace. Upstream controllers list a whole
 * namespace and let ClaimObject skip what others own; with 10,000 pods per
 * namespace that is O(n) per sync, so we keep the partition the claim loop
 * would compute anyway (what we own + orphans we might adopt).
 */
import type { KubeObject } from '../../api/object';
import type { Informer } from '../../client/informer';
import { keyOf } from '../../client/informer';
import { controllerOf } from './controllerRef';

export class OwnerIndex<T extends KubeObject> {
  /** The owner index of `informer`, shared by every controller that reads it. */
  static of<T extends KubeObject>(informer: Informer<T>): OwnerIndex<T> {
    return informer.index('owner', (inf) => new OwnerIndex(inf));
  }

  private readonly byOwner = new Map<string, Map<string, T>>();
  private readonly orphans = new Map<string, Map<string, T>>();
  /** Where each object sits now, so moves and deletes are O(1). */
  private readonly slot = new Map<string, { owner?: string; ns: string }>();

  private constructor(informer: Informer<T>) {
    informer.addEventHandler({
      add: (o) => this.put(o),
      update: (_old, o) => this.put(o),
      delete: (o) => this.remove(keyOf(o)),
    });
  }

  /** Objects whose controllerRef names `uid`. */
  owned(uid: string | undefined): T[] {
    const m = uid ? this.byOwner.get(uid) : undefined;
    return m ? [...m.values()] : [];
  }

  ownedCount(uid: string | undefined): number {
    return (uid ? this.byOwner.get(uid)?.size : 0) ?? 0;
  }

  /** Objects of `namespace` with no controller. */
  orphansIn(namespace: string): T[] {
    const m = this.orphans.get(namespace);
    return m ? [...m.values()] : [];
  }

  private put(o: T): void {
    const key = keyOf(o);
    const ns = o.metadata.namespace ?? '';
    const owner = controllerOf(o)?.uid;
    const was = this.slot.get(key);
    if (was && was.owner === owner && was.ns === ns) {
      // Most updates (status) keep the owner: replace in place.
      (owner ? this.byOwner : this.orphans).get(owner ?? ns)!.set(key, o);
      return;
    }
    this.remove(key);
    const table = owner ? this.byOwner : this.orphans;
    const bucket = owner ?? ns;
    let m = table.get(bucket);
    if (!m) table.set(bucket, (m = new Map()));
    m.set(key, o);
    this.slot.set(key, { owner, ns });
  }

  private remove(key: string): void {
    const s = this.slot.get(key);
    if (!s) return;
    this.slot.delete(key);
    const table = s.owner ? this.byOwner : this.orphans;
    const bucket = s.owner ?? s.ns;
    const m = table.get(bucket);
    if (!m) return;
    m.delete(key);
    if (m.size === 0) table.delete(bucket);
  }
}
