/**
 * Seeded pseudo-random numbers (sfc32). Every random choice in the cluster —
 * name suffixes, IPs, jitter — draws from one of these, so the same seed and
 * inputs give the same history.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    this.a >>>= 0; this.b >>>= 0; this.c >>>= 0; this.d >>>= 0;
    let t = (this.a + this.b) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.d = (this.d + 1) | 0;
    t = (t + this.d) | 0;
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /** A fresh generator whose stream is independent of this one's future draws. */
  fork(): Rng {
    return new Rng(this.int(0xffffffff));
  }

  /**
   * A string from the alphabet apimachinery uses for generated names
   * (k8s.io/apimachinery/pkg/util/rand: no vowels, no confusable digits).
   */
  nameSuffix(length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += NAME_ALPHABET[this.int(NAME_ALPHABET.length)];
    return s;
  }
}

export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
