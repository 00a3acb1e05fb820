/**
 * Recency order for a bounded cache whose entries live in parallel arrays,
 * indexed by small integer slots (golang/groupcache/lru's list, without the map).
 * An intrusive doubly linked list in two Int32Arrays: touch, remove and
 * oldest are O(1) and a slot costs 8 bytes, where a Map entry with a string
 * key costs a hundred or more. The cache keeps its own index from keys to
 * slots and decides what to evict: `oldest()` once `size` exceeds its bound.
 */

const NONE = -1;
/** `prev` of a slot that is not in the order. */
const ABSENT = -2;

export class LruOrder {
  private prev = new Int32Array(0);
  private next = new Int32Array(0);
  private head = NONE; // least recently used
  private tail = NONE; // most recently used
  private count = 0;

  /** Slots in the order. */
  get size(): number {
    return this.count;
  }

  has(slot: number): boolean {
    return slot < this.prev.length && this.prev[slot] !== ABSENT;
  }

  /** Makes `slot` the most recently used, adding it if it is not in the order. */
  touch(slot: number): void {
    if (slot >= this.prev.length) this.grow(slot + 1);
    const p = this.prev[slot];
    if (p !== ABSENT) {
      if (slot === this.tail) return;
      this.unlink(slot, p);
    } else {
      this.count++;
    }
    this.prev[slot] = this.tail;
    this.next[slot] = NONE;
    if (this.tail === NONE) this.head = slot;
    else this.next[this.tail] = slot;
    this.tail = slot;
  }

  remove(slot: number): void {
    if (!this.has(slot)) return;
    this.unlink(slot, this.prev[slot]);
    this.prev[slot] = ABSENT;
    this.count--;
  }

  /** The least recently used slot, or -1 when empty. */
  oldest(): number {
    return this.head;
  }

  private unlink(slot: number, p: number): void {
    const n = this.next[slot];
    if (p === NONE) this.head = n;
    else this.next[p] = n;
    if (n === NONE) this.tail = p;
    else this.prev[n] = p;
  }

  /** Room for slots below `min`; grows by half again so a cache filling up copies little. */
  private grow(min: number): void {
    const size = Math.max(min, 16, Math.ceil(this.prev.length * 1.5));
    const prev = new Int32Array(size).fill(ABSENT);
    prev.set(this.prev);
    const next = new Int32Array(size);
    next.set(this.next);
    this.prev = prev;
    this.next = next;
  }
}
