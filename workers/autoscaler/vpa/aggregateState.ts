/**
 * What the recommender remembers per (VPA, container name): a CPU usage
 * histogram and a histogram of memory peaks, one peak per 24 h interval
 * per container. Mirrors pkg/recommender/model/aggregate_container_state.go
 * and container.go (v1.2.1: CPU samples weigh max(request in cores, 0.1)).
 */
import { CPU_HISTOGRAM_OPTIONS, DecayingHistogram, MEMORY_HISTOGRAM_OPTIONS, MIN_SAMPLE_WEIGHT } from './histogram';

const DAY_MS = 24 * 3_600_000;
/** DefaultCPUHistogramDecayHalfLife, DefaultMemoryHistogramDecayHalfLife, DefaultMemoryAggregationInterval. */
export const CPU_HALF_LIFE_MS = DAY_MS;
export const MEMORY_HALF_LIFE_MS = DAY_MS;
export const MEMORY_AGGREGATION_INTERVAL_MS = DAY_MS;

export class AggregateContainerState {
  readonly cpu = new DecayingHistogram(CPU_HISTOGRAM_OPTIONS, CPU_HALF_LIFE_MS);
  readonly memoryPeaks = new DecayingHistogram(MEMORY_HISTOGRAM_OPTIONS, MEMORY_HALF_LIFE_MS);
  firstSampleStart = 0;
  lastSampleStart = 0;
  totalSamplesCount = 0;

  /** cpuCores used; requestCores weighs it (a bigger request makes older history matter less). */
  addCpuSample(time: number, cpuCores: number, requestCores: number): void {
    this.cpu.addSample(cpuCores, Math.max(requestCores, MIN_SAMPLE_WEIGHT), time);
    if (time > this.lastSampleStart) this.lastSampleStart = time;
    if (this.firstSampleStart === 0 || time < this.firstSampleStart) this.firstSampleStart = time;
    this.totalSamplesCount++;
  }

  addMemoryPeak(time: number, bytes: number): void {
    this.memoryPeaks.addSample(bytes, 1, time);
  }

  subtractMemoryPeak(time: number, bytes: number): void {
    this.memoryPeaks.subtractSample(bytes, 1, time);
  }
}

/**
 * One running container's contribution: CPU samples in order, and the
 * largest memory seen in the current aggregation window, which replaces
 * the window's previous peak in the aggregate.
 */
export class ContainerState {
  private lastCpuSampleStart = 0;
  private lastMemorySampleStart = 0;
  private memoryPeak = 0;
  private windowEnd = 0;

  constructor(
    private readonly aggregate: AggregateContainerState,
    public requestCores: number,
  ) {}

  addCpuSample(time: number, cores: number): boolean {
    if (cores < 0 || time <= this.lastCpuSampleStart) return false;
    this.aggregate.addCpuSample(time, cores, this.requestCores);
    this.lastCpuSampleStart = time;
    return true;
  }

  addMemorySample(time: number, bytes: number): boolean {
    if (bytes < 0 || time < this.lastMemorySampleStart) return false;
    this.lastMemorySampleStart = time;
    if (this.windowEnd === 0) this.windowEnd = time;
    let addNewPeak = false;
    if (time < this.windowEnd) {
      if (this.memoryPeak !== 0 && bytes > this.memoryPeak) {
        this.aggregate.subtractMemoryPeak(this.windowEnd, this.memoryPeak);
        addNewPeak = true;
      }
    } else {
      // A new window: its end moves past the sample by whole intervals.
      const shift = Math.floor((time - this.windowEnd) / MEMORY_AGGREGATION_INTERVAL_MS) * MEMORY_AGGREGATION_INTERVAL_MS + MEMORY_AGGREGATION_INTERVAL_MS;
      this.windowEnd += shift;
      this.memoryPeak = 0;
      addNewPeak = true;
    }
    if (addNewPeak) {
      this.aggregate.addMemoryPeak(this.windowEnd, bytes);
      this.memoryPeak = bytes;
    }
    return true;
  }
}
