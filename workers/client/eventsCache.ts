/**
 * The EventCorrelator's three LRU caches for one recorder (client-go
 * tools/record/events_cache.go: the spam filter's token buckets, the
 * aggregator's similar-event groups, the logger's last event per key), each
 * bounded to LRU_CACHE_ENTRIES with its own recency order.
 *
 * Upstream keys each cache by a long joined string. Every pod has a few of
 * them in two recorders (its kubelet's and the scheduler's), so here a key is a
 * slot in parallel arrays instead: the strings it is made of (involved
 * object, type, reason) are the caller's own, shared, and found again through
 * one Map entry per object (its uid, else its name) and a short chain compared
 * field by field, which is exact. The spam filter and the aggregator share the
 * key (object, type, reason), so they share its slot; the logger's entries
 * (that key plus a message) hang off it. A slot is reused once no cache holds it.
 */
import { LruOrder } from './lru';

/** maxLruCacheEntries: each of the correlator's caches forgets its least recently used entries beyond this. */
export const LRU_CACHE_ENTRIES = 4096;

const NONE = -1;

// Key slots: strings (the key, then the aggregator's messages), numbers and links.
const KIND = 0;
const NAMESPACE = 1;
const NAME = 2;
const UID = 3;
const API_VERSION = 4;
const TYPE = 5;
const REASON = 6;
const MESSAGES = 7;
const KEY_STRINGS = 8;
const TOKENS = 0;
const SPAM_AT = 1;
const SIMILAR_AT = 2;
const KEY_NUMBERS = 3;
/** The next key slot with the same index entry (or in the free list). */
const NEXT_KEY = 0;
const FIRST_SEEN = 1;
const KEY_LINKS = 2;

// Seen slots (the logger): strings, one number, links.
const SEEN_MESSAGE = 0;
const SEEN_NAME = 1;
const SEEN_STRINGS = 2;
const OWNER = 0;
/** The next seen slot of the same key (or in the free list). */
const NEXT_SEEN = 1;
const COUNT = 2;
const SEEN_LINKS = 3;

/** The aggregator's distinct messages for a key: one string until there are two. */
type Messages = string | Set<string> | undefined;

/** What identifies the object an event is about: `involvedObject` without its resourceVersion. */
export interface ObjectKey {
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  apiVersion: string;
}

export class EventsCache {
  private readonly spam = new LruOrder();
  private readonly similar = new LruOrder();
  private readonly seen = new LruOrder();
  /** uid (else name) → the first key slot of that object; the rest chain through NEXT_KEY. */
  private readonly index = new Map<string, number>();

  private keyStrings: (string | Set<string> | undefined)[] = [];
  private keyNumbers = new Float64Array(0);
  private keyLinks = new Int32Array(0);
  private keysUsed = 0;
  private freeKey = NONE;

  private seenStrings: (string | undefined)[] = [];
  private seenAt = new Float64Array(0);
  private seenLinks = new Int32Array(0);
  private seenUsed = 0;
  private freeSeen = NONE;

  /** Bumped whenever a key slot is freed: until then, a slot found earlier still holds its key. */
  frees = 0;

  constructor(private readonly max = LRU_CACHE_ENTRIES) {}

  /** The slot of (object, type, reason), or -1. */
  find(o: ObjectKey, type: string, reason: string): number {
    let k = this.index.get(o.uid || o.name) ?? NONE;
    const s = this.keyStrings;
    while (k !== NONE) {
      const b = k * KEY_STRINGS;
      if (s[b + UID] === o.uid && s[b + NAME] === o.name && s[b + REASON] === reason && s[b + TYPE] === type && s[b + NAMESPACE] === o.namespace && s[b + KIND] === o.kind && s[b + API_VERSION] === o.apiVersion) return k;
      k = this.keyLinks[k * KEY_LINKS + NEXT_KEY];
    }
    return NONE;
  }

  /** The slot of (object, type, reason), made if missing; it is in no cache yet. */
  key(o: ObjectKey, type: string, reason: string): number {
    const found = this.find(o, type, reason);
    if (found !== NONE) return found;
    const k = this.allocKey();
    const b = k * KEY_STRINGS;
    const s = this.keyStrings;
    s[b + KIND] = o.kind;
    s[b + NAMESPACE] = o.namespace;
    s[b + NAME] = o.name;
    s[b + UID] = o.uid;
    s[b + API_VERSION] = o.apiVersion;
    s[b + TYPE] = type;
    s[b + REASON] = reason;
    s[b + MESSAGES] = undefined;
    const id = o.uid || o.name;
    this.keyLinks[k * KEY_LINKS + NEXT_KEY] = this.index.get(id) ?? NONE;
    this.keyLinks[k * KEY_LINKS + FIRST_SEEN] = NONE;
    this.index.set(id, k);
    return k;
  }

  /** The namespace of the key's object, as written. */
  namespaceOf(k: number): string {
    return this.keyStrings[k * KEY_STRINGS + NAMESPACE] as string;
  }

  /**
   * The spam filter's token bucket for the key (burst tokens, one more every
   * refillMs): takes a token if there is one.
   */
  allow(k: number, now: number, burst: number, refillMs: number): boolean {
    const n = this.keyNumbers;
    const b = k * KEY_NUMBERS;
    if (!this.spam.has(k)) {
      n[b + TOKENS] = burst;
      n[b + SPAM_AT] = now;
      this.spam.touch(k);
      if (this.spam.size > this.max) this.evictSpam();
    } else {
      this.spam.touch(k);
    }
    const tokens = Math.min(burst, n[b + TOKENS] + (now - n[b + SPAM_AT]) / refillMs);
    n[b + SPAM_AT] = now;
    if (tokens < 1) {
      n[b + TOKENS] = tokens;
      return false;
    }
    n[b + TOKENS] = tokens - 1;
    return true;
  }

  /**
   * Adds `message` to the key's group of similar events, started afresh after
   * windowMs without one; returns how many distinct messages the group has.
   */
  aggregate(k: number, message: string, now: number, windowMs: number): number {
    const n = this.keyNumbers;
    const b = k * KEY_NUMBERS;
    const at = k * KEY_STRINGS + MESSAGES;
    const isNew = !this.similar.has(k);
    if (isNew || now - n[b + SIMILAR_AT] > windowMs) this.keyStrings[at] = undefined;
    this.similar.touch(k);
    if (isNew && this.similar.size > this.max) this.evictSimilar();
    n[b + SIMILAR_AT] = now;
    const messages = this.keyStrings[at] as Messages;
    if (messages === undefined) {
      this.keyStrings[at] = message;
      return 1;
    }
    if (typeof messages === 'string') {
      if (messages === message) return 1;
      this.keyStrings[at] = new Set([messages, message]);
      return 2;
    }
    messages.add(message);
    return messages.size;
  }

  /** The logger's entry for the key and message, made most recently used; or -1. */
  getSeen(k: number, message: string): number {
    const s = this.findSeen(k, message);
    if (s !== NONE) this.seen.touch(s);
    return s;
  }

  seenTime(s: number): number {
    return this.seenAt[s];
  }

  seenName(s: number): string {
    return this.seenStrings[s * SEEN_STRINGS + SEEN_NAME] as string;
  }

  /** One more of the same event at `now`: returns its count. */
  repeat(s: number, now: number): number {
    this.seenAt[s] = now;
    return ++this.seenLinks[s * SEEN_LINKS + COUNT];
  }

  /** Records the event just created for the key and message (named `name`, count 1). */
  setSeen(k: number, message: string, name: string, now: number): void {
    let s = this.findSeen(k, message);
    const isNew = s === NONE;
    if (isNew) {
      s = this.allocSeen();
      const l = this.seenLinks;
      l[s * SEEN_LINKS + OWNER] = k;
      l[s * SEEN_LINKS + NEXT_SEEN] = this.keyLinks[k * KEY_LINKS + FIRST_SEEN];
      this.keyLinks[k * KEY_LINKS + FIRST_SEEN] = s;
      this.seenStrings[s * SEEN_STRINGS + SEEN_MESSAGE] = message;
    }
    this.seenStrings[s * SEEN_STRINGS + SEEN_NAME] = name;
    this.seenLinks[s * SEEN_LINKS + COUNT] = 1;
    this.seenAt[s] = now;
    this.seen.touch(s);
    if (isNew && this.seen.size > this.max) this.dropSeen(this.seen.oldest());
  }

  /** Forgets the logger's entry for the key and message. */
  deleteSeen(k: number, message: string): void {
    const s = this.findSeen(k, message);
    if (s !== NONE) this.dropSeen(s);
  }

  /** Frees the key's slot once no cache holds it. */
  private release(k: number): void {
    if (this.spam.has(k) || this.similar.has(k) || this.keyLinks[k * KEY_LINKS + FIRST_SEEN] !== NONE) return;
    const b = k * KEY_STRINGS;
    const s = this.keyStrings;
    const id = (s[b + UID] as string) || (s[b + NAME] as string);
    const l = this.keyLinks;
    const next = l[k * KEY_LINKS + NEXT_KEY];
    let p = this.index.get(id) ?? NONE;
    if (p === k) {
      if (next === NONE) this.index.delete(id);
      else this.index.set(id, next);
    } else {
      while (l[p * KEY_LINKS + NEXT_KEY] !== k) p = l[p * KEY_LINKS + NEXT_KEY];
      l[p * KEY_LINKS + NEXT_KEY] = next;
    }
    s.fill(undefined, b, b + KEY_STRINGS);
    this.frees++;
    l[k * KEY_LINKS + NEXT_KEY] = this.freeKey;
    this.freeKey = k;
  }

  /** Keys and logger entries held, for tests. */
  get sizes(): { keys: number; spam: number; similar: number; seen: number } {
    let free = 0;
    for (let k = this.freeKey; k !== NONE; k = this.keyLinks[k * KEY_LINKS + NEXT_KEY]) free++;
    return { keys: this.keysUsed - free, spam: this.spam.size, similar: this.similar.size, seen: this.seen.size };
  }

  private findSeen(k: number, message: string): number {
    let s = this.keyLinks[k * KEY_LINKS + FIRST_SEEN];
    while (s !== NONE && this.seenStrings[s * SEEN_STRINGS + SEEN_MESSAGE] !== message) s = this.seenLinks[s * SEEN_LINKS + NEXT_SEEN];
    return s;
  }

  private evictSpam(): void {
    const k = this.spam.oldest();
    this.spam.remove(k);
    this.release(k);
  }

  private evictSimilar(): void {
    const k = this.similar.oldest();
    this.similar.remove(k);
    this.keyStrings[k * KEY_STRINGS + MESSAGES] = undefined;
    this.release(k);
  }

  private dropSeen(s: number): void {
    this.seen.remove(s);
    const l = this.seenLinks;
    const k = l[s * SEEN_LINKS + OWNER];
    const next = l[s * SEEN_LINKS + NEXT_SEEN];
    const first = k * KEY_LINKS + FIRST_SEEN;
    if (this.keyLinks[first] === s) {
      this.keyLinks[first] = next;
    } else {
      let p = this.keyLinks[first];
      while (l[p * SEEN_LINKS + NEXT_SEEN] !== s) p = l[p * SEEN_LINKS + NEXT_SEEN];
      l[p * SEEN_LINKS + NEXT_SEEN] = next;
    }
    this.seenStrings[s * SEEN_STRINGS + SEEN_MESSAGE] = undefined;
    this.seenStrings[s * SEEN_STRINGS + SEEN_NAME] = undefined;
    l[s * SEEN_LINKS + NEXT_SEEN] = this.freeSeen;
    this.freeSeen = s;
    this.release(k);
  }

  private allocKey(): number {
    if (this.freeKey !== NONE) {
      const k = this.freeKey;
      this.freeKey = this.keyLinks[k * KEY_LINKS + NEXT_KEY];
      return k;
    }
    const k = this.keysUsed++;
    if (k * KEY_LINKS >= this.keyLinks.length) {
      const cap = grownCapacity(k);
      this.keyNumbers = resized(this.keyNumbers, cap * KEY_NUMBERS);
      this.keyLinks = resizedInt(this.keyLinks, cap * KEY_LINKS);
    }
    return k;
  }

  private allocSeen(): number {
    if (this.freeSeen !== NONE) {
      const s = this.freeSeen;
      this.freeSeen = this.seenLinks[s * SEEN_LINKS + NEXT_SEEN];
      return s;
    }
    const s = this.seenUsed++;
    if (s >= this.seenAt.length) {
      const cap = grownCapacity(s);
      this.seenAt = resized(this.seenAt, cap);
      this.seenLinks = resizedInt(this.seenLinks, cap * SEEN_LINKS);
    }
    return s;
  }
}

/** Slots for at least `used + 1`, growing by half so a filling cache copies little. */
function grownCapacity(used: number): number {
  return Math.max(16, Math.ceil((used + 1) * 1.5));
}

function resized(a: Float64Array, length: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(length);
  b.set(a);
  return b;
}

function resizedInt(a: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(length);
  b.set(a);
  return b;
}
