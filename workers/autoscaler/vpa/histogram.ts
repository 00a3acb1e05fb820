/**
 * The recommender's histograms (vertical-pod-autoscaler/pkg/recommender/util:
 * histogram_options.go, histogram.go, decaying_histogram.go): exponential
 * buckets, weighted samples, percentiles that answer a bucket's end, and a
 * decaying variant whose newer samples weigh exponentially more.
 */

/** Bucket layout: bucket i starts at first·(ratioⁱ − 1)/(ratio − 1). */
export class ExponentialHistogramOptions {
  readonly numBuckets: number;

  constructor(
    readonly maxValue: number,
    readonly firstBucketSize: number,
    readonly ratio: number,
    readonly epsilon: number,
  ) {
    if (!(maxValue > 0) || !(firstBucketSize > 0) || !(ratio > 1) || !(epsilon > 0)) {
      throw new Error('maxValue, firstBucketSize and epsilon must be > 0.0, ratio must be > 1.0');
    }
    this.numBuckets = Math.ceil(logBase(ratio, (maxValue * (ratio - 1)) / firstBucketSize + 1)) + 1;
  }

  findBucket(value: number): number {
    if (value < this.firstBucketSize) return 0;
    const b = Math.floor(logBase(this.ratio, (value * (this.ratio - 1)) / this.firstBucketSize + 1));
    return b >= this.numBuckets ? this.numBuckets - 1 : b;
  }

  bucketStart(bucket: number): number {
    if (bucket < 0 || bucket >= this.numBuckets) throw new Error(`index ${bucket} out of range [0..${this.numBuckets - 1}]`);
    if (bucket === 0) return 0;
    return (this.firstBucketSize * (Math.pow(this.ratio, bucket) - 1)) / (this.ratio - 1);
  }
}

const logBase = (base: number, x: number): number => Math.log(x) / Math.log(base);

/** model/aggregations_config.go: minSampleWeight 0.1, epsilon = 0.001 × it, buckets 5% wider each. */
export const MIN_SAMPLE_WEIGHT = 0.1;
const EPSILON = 0.001 * MIN_SAMPLE_WEIGHT;
const BUCKET_GROWTH = 0.05;
/** CPU in cores: 10 millicores to 1000 cores. */
export const CPU_HISTOGRAM_OPTIONS = new ExponentialHistogramOptions(1000, 0.01, 1 + BUCKET_GROWTH, EPSILON);
/** Memory in bytes: 10 MB to 1 TB. */
export const MEMORY_HISTOGRAM_OPTIONS = new ExponentialHistogramOptions(1e12, 1e7, 1 + BUCKET_GROWTH, EPSILON);

/** util.MaxCheckpointWeight. */
export const MAX_CHECKPOINT_WEIGHT = 10_000;

export interface HistogramCheckpoint {
  bucketWeights: Record<string, number>;
  totalWeight: number;
  /** Decaying histograms: the time weights are relative to (ms). */
  referenceTimestamp?: number;
}

export class Histogram {
  protected weights: Float64Array;
  protected total = 0;
  protected minBucket: number;
  protected maxBucket = 0;

  constructor(readonly options: ExponentialHistogramOptions) {
    this.weights = new Float64Array(options.numBuckets);
    this.minBucket = options.numBuckets - 1;
  }

  get totalWeight(): number {
    return this.total;
  }

  addSample(value: number, weight: number, _time: number): void {
    if (weight < 0) throw new Error('sample weight must be non-negative');
    const b = this.options.findBucket(value);
    this.weights[b] += weight;
    this.total += weight;
    if (b < this.minBucket && this.weights[b] >= this.options.epsilon) this.minBucket = b;
    if (b > this.maxBucket && this.weights[b] >= this.options.epsilon) this.maxBucket = b;
  }

  subtractSample(value: number, weight: number, _time: number): void {
    if (weight < 0) throw new Error('sample weight must be non-negative');
    const b = this.options.findBucket(value);
    const eps = this.options.epsilon;
    this.total = safeSubtract(this.total, weight, eps);
    this.weights[b] = safeSubtract(this.weights[b], weight, eps);
    this.updateMinAndMax();
  }

  isEmpty(): boolean {
    return this.weights[this.minBucket] < this.options.epsilon;
  }

  /**
   * The end of the first bucket where the running weight reaches the
   * percentile (so a value is never under-estimated by its bucket).
   */
  percentile(p: number): number {
    if (this.isEmpty()) return 0;
    const threshold = p * this.total;
    let partial = 0;
    let b = this.minBucket;
    for (; b < this.maxBucket; b++) {
      partial += this.weights[b];
      if (partial >= threshold) break;
    }
    return b < this.options.numBuckets - 1 ? this.options.bucketStart(b + 1) : this.options.bucketStart(b);
  }

  /**
   * SaveToChekpoint: bucket weights scaled so the largest is 10000
   * (MaxCheckpointWeight), rounded, zeros left out.
   */
  checkpoint(): HistogramCheckpoint {
    const bucketWeights: Record<string, number> = {};
    let max = 0;
    for (let b = this.minBucket; b <= this.maxBucket; b++) if (this.weights[b] > max) max = this.weights[b];
    const ratio = max > 0 ? MAX_CHECKPOINT_WEIGHT / max : 0;
    for (let b = this.minBucket; b <= this.maxBucket; b++) {
      const w = Math.floor(this.weights[b] * ratio + 0.5);
      if (w > 0) bucketWeights[String(b)] = w;
    }
    return { bucketWeights, totalWeight: this.total };
  }

  protected scale(factor: number): void {
    if (factor < 0) throw new Error('scale factor must be non-negative');
    for (let b = this.minBucket; b <= this.maxBucket; b++) this.weights[b] *= factor;
    this.total *= factor;
    this.updateMinAndMax();
  }

  private updateMinAndMax(): void {
    const eps = this.options.epsilon;
    const last = this.options.numBuckets - 1;
    while (this.weights[this.minBucket] < eps && this.minBucket < last) this.minBucket++;
    while (this.weights[this.maxBucket] < eps && this.maxBucket > 0) this.maxBucket--;
  }
}

function safeSubtract(value: number, sub: number, eps: number): number {
  const v = value - sub;
  return v < eps ? 0 : v;
}

/** Past this many half-lives ahead of the reference, weights are rescaled (maxDecayExponent). */
const MAX_DECAY_EXPONENT = 100;

/**
 * Weights grow by 2^((t − reference)/halfLife) instead of old samples
 * shrinking: the same ratios, without touching every bucket each sample.
 */
export class DecayingHistogram extends Histogram {
  private reference = 0;

  constructor(
    options: ExponentialHistogramOptions,
    readonly halfLifeMs: number,
  ) {
    super(options);
  }

  override addSample(value: number, weight: number, time: number): void {
    super.addSample(value, weight * this.decayFactor(time), time);
  }

  override subtractSample(value: number, weight: number, time: number): void {
    super.subtractSample(value, weight * this.decayFactor(time), time);
  }

  override checkpoint(): HistogramCheckpoint {
    return { ...super.checkpoint(), referenceTimestamp: this.reference };
  }

  private decayFactor(time: number): number {
    if (time > this.reference + this.halfLifeMs * MAX_DECAY_EXPONENT) this.shiftReference(time);
    return Math.pow(2, (time - this.reference) / this.halfLifeMs);
  }

  private shiftReference(time: number): void {
    // Go's Time.Round(halfLife): to the nearest multiple, halves away from zero.
    const next = Math.floor(time / this.halfLifeMs + 0.5) * this.halfLifeMs;
    const exponent = Math.floor((this.reference - next) / this.halfLifeMs + 0.5);
    this.scale(Math.pow(2, exponent));
    this.reference = next;
  }
}
