/**
 * The per-zone queue of nodes waiting for a NoExecute taint
 * (pkg/controller/nodelifecycle/scheduler/rate_limited_queue.go): a unique
 * queue whose processing is throttled by a token bucket on virtual time.
 * A processed value stays in the set, so it is not queued again until it is
 * explicitly removed (the node became reachable again).
 */

export interface TimedValue {
  value: string;
  uid: string;
  addedAt: number;
  processAt: number;
}

/** Tokens refill at `qps`, at most `burst` (flowcontrol.NewTokenBucketRateLimiter; qps 0 rejects all). */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly qps: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  tryAccept(now: number): boolean {
    if (this.qps <= 0) return false;
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Virtual ms until a token is available (Infinity when qps is 0). */
  waitMs(now: number): number {
    if (this.qps <= 0) return Infinity;
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.qps) * 1000);
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.qps);
    this.last = now;
  }
}

/** EvictionRateLimiterBurst. */
const BURST = 1;

export class RateLimitedTimedQueue {
  private readonly set = new Set<string>();
  private queue: TimedValue[] = [];
  private limiter: TokenBucket;

  constructor(qps: number, now: number) {
    this.limiter = new TokenBucket(qps, BURST, now);
  }

  get qps(): number {
    return this.limiter.qps;
  }

  get length(): number {
    return this.queue.length;
  }

  /** Queue `value` unless it is already known; true when added. */
  add(value: string, uid: string, now: number): boolean {
    if (this.set.has(value)) return false;
    this.set.add(value);
    this.queue.push({ value, uid, addedAt: now, processAt: now });
    return true;
  }

  /** Forget `value` entirely, so it may be queued again. */
  remove(value: string): boolean {
    if (!this.set.delete(value)) return false;
    this.queue = this.queue.filter((v) => v.value !== value);
    return true;
  }

  /** A new limiter, only when the rate changes (SwapLimiter). */
  swapLimiter(qps: number, now: number): void {
    if (this.limiter.qps === qps) return;
    this.limiter = new TokenBucket(qps, BURST, now);
  }

  /**
   * Try: process values in order while tokens last and they are due. `fn`
   * returns true when done, else a delay after which to retry.
   */
  try(now: number, fn: (v: TimedValue) => true | number): void {
    for (;;) {
      const head = this.head();
      if (!head) return;
      if (!this.limiter.tryAccept(now)) return;
      if (now < head.processAt) return;
      const r = fn(head);
      if (r === true) this.queue = this.queue.filter((v) => v !== head);
      else head.processAt = now + r + 1;
    }
  }

  /** Virtual ms until the next value could be processed, or undefined when nothing waits. */
  nextDelay(now: number): number | undefined {
    const head = this.head();
    if (!head) return undefined;
    const w = this.limiter.waitMs(now);
    if (w === Infinity) return undefined;
    return Math.max(w, head.processAt - now);
  }

  private head(): TimedValue | undefined {
    let best: TimedValue | undefined;
    for (const v of this.queue) if (!best || v.processAt < best.processAt) best = v;
    return best;
  }
}
