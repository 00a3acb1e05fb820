/**
 * Sticky places for pods in their lanes. A pod keeps its slot for as long as
 * it stays in a lane, so the picture does not reshuffle when others come and
 * go; new pods take the lowest free slots in (owner, name) order; a pod that
 * is gone keeps its slot for a moment while it fades out.
 */
export interface SlotRequest {
  uid: string;
  /** Sort key for placing new pods: owner then name. */
  order: string;
}

export interface LeavingPod<T> {
  uid: string;
  lane: string;
  slot: number;
  /** Time (ms) after which the slot is free again. */
  until: number;
  /** Whatever the caller wants to redraw the pod with while it fades. */
  last: T;
}

export interface SlotAssignment<T> {
  /** lane → uid → slot, for the pods present now. */
  slots: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Pods that have gone, still fading in their old slot. */
  leaving: readonly LeavingPod<T>[];
  /** lane → slots in use (highest used slot + 1). */
  extent: ReadonlyMap<string, number>;
  /** Earliest time a leaving pod's slot frees (Infinity if none). */
  nextExpiry: number;
  /** Pods given a slot by this call (new, or moved from another lane). */
  placed: readonly string[];
}

export class SlotAllocator<T> {
  private slots = new Map<string, Map<string, number>>();
  private leaving = new Map<string, LeavingPod<T>>();

  constructor(private readonly leaveMs: number) {}

  /**
   * Places the pods of every lane. `lastOf(uid)` supplies what a pod that has
   * just disappeared should be drawn with while it fades (undefined: no fade).
   */
  assign(
    lanes: ReadonlyMap<string, readonly SlotRequest[]>,
    now: number,
    lastOf: (uid: string) => T | undefined,
    /** uid → lane of every pod in `lanes`, if the caller has it already. */
    knownLaneOf?: ReadonlyMap<string, string>,
  ): SlotAssignment<T> {
    let laneOf = knownLaneOf;
    if (!laneOf) {
      const m = new Map<string, string>();
      for (const [lane, pods] of lanes) for (const p of pods) m.set(p.uid, lane);
      laneOf = m;
    }

    for (const [lane, m] of this.slots) {
      for (const [uid, slot] of m) {
        const currentLane = laneOf.get(uid);
        if (currentLane === lane) continue;
        m.delete(uid);
        if (currentLane === undefined) {
          const last = lastOf(uid);
          if (last !== undefined && this.leaveMs > 0) this.leaving.set(uid, { uid, lane, slot, until: now + this.leaveMs, last });
        }
      }
      if (m.size === 0 && !lanes.has(lane)) this.slots.delete(lane);
    }
    for (const [uid, l] of this.leaving) {
      // Gone for good, or back (a watch replay): either way the fading copy goes.
      if (l.until <= now || laneOf.has(uid)) this.leaving.delete(uid);
    }

    const extent = new Map<string, number>();
    const placed: string[] = [];
    for (const [lane, pods] of lanes) {
      let m = this.slots.get(lane);
      if (!m) {
        m = new Map();
        this.slots.set(lane, m);
      }
      let max = -1;
      for (const l of this.leaving.values()) if (l.lane === lane && l.slot > max) max = l.slot;
      // Most calls place nobody new in most lanes: only then is the set of taken slots worth building.
      const fresh = m.size === pods.length ? [] : pods.filter((p) => !m.has(p.uid));
      if (fresh.length > 0) {
        fresh.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.uid < b.uid ? -1 : 1));
        const taken = new Set<number>(m.values());
        for (const l of this.leaving.values()) if (l.lane === lane) taken.add(l.slot);
        let next = 0;
        for (const p of fresh) {
          while (taken.has(next)) next++;
          m.set(p.uid, next);
          taken.add(next);
          placed.push(p.uid);
        }
      }
      for (const s of m.values()) if (s > max) max = s;
      extent.set(lane, max + 1);
    }
    let nextExpiry = Number.POSITIVE_INFINITY;
    for (const l of this.leaving.values()) {
      nextExpiry = Math.min(nextExpiry, l.until);
      if (!extent.has(l.lane)) extent.set(l.lane, 0);
      extent.set(l.lane, Math.max(extent.get(l.lane) ?? 0, l.slot + 1));
    }
    return { slots: this.slots, leaving: [...this.leaving.values()], extent, nextExpiry, placed };
  }
}
