/** Image pulls on one node: resolution, realistic durations, the node's image store. */
import type { Rng } from '../../clock/prng';
import type { ImageInfo, PullResult } from './types';
import { parseImageReference } from './images/reference';
import { pullFailure, resolveImage, type ResolvedImage } from './images/resolve';

/** Effective registry throughput (bytes per ms): ~40 MB/s, so nginx takes about 2 s. */
const BYTES_PER_MS = 40_000;
/** Resolving the manifest and setting up the pull. */
const PULL_OVERHEAD_MS = 250;
/** Re-checking a tag already present (imagePullPolicy: Always). */
const REFRESH_MS = 300;

export interface StoredImage {
  resolved: ResolvedImage;
  /** Every reference it was pulled by (`nginx:latest`, `nginx:1.27`). */
  names: Set<string>;
  /** Virtual time the unpack finishes. */
  availableAt: number;
}

export class ImageStore {
  /** By image id. */
  private images = new Map<string, StoredImage>();
  /** Normalised reference → image id. */
  private byRef = new Map<string, string>();

  constructor(private readonly rng: Rng, private readonly now: () => number) {}

  pull(imageRef: string): PullResult {
    const parsed = parseImageReference(imageRef);
    if (!parsed.ok) return { ok: false, reason: 'InvalidImageName', message: parsed.message };
    const ref = parsed.ref;
    const resolved = resolveImage(ref);
    if (!resolved) return { ok: false, reason: 'ErrImagePull', message: pullFailure(ref) };
    const existing = this.images.get(resolved.info.id);
    const jitter = 0.8 + this.rng.next() * 0.5;
    const durationMs = existing
      ? Math.round(REFRESH_MS * jitter)
      : Math.round((PULL_OVERHEAD_MS + resolved.info.sizeBytes / BYTES_PER_MS) * jitter);
    this.add(resolved, ref.normalized, this.now() + durationMs);
    return { ok: true, image: resolved.info, durationMs };
  }

  /** Put an image in the store as if pulled long ago (node images). */
  preload(imageRef: string): void {
    const parsed = parseImageReference(imageRef);
    if (!parsed.ok) return;
    const resolved = resolveImage(parsed.ref);
    if (resolved) this.add(resolved, parsed.ref.normalized, this.now());
  }

  private add(resolved: ResolvedImage, normalized: string, availableAt: number): void {
    const id = resolved.info.id;
    let img = this.images.get(id);
    if (!img) {
      img = { resolved, names: new Set(), availableAt };
      this.images.set(id, img);
    }
    img.names.add(normalized);
    this.byRef.set(normalized, id);
  }

  has(imageRef: string): boolean {
    return this.get(imageRef) !== undefined;
  }

  /** The stored image for a reference, once its pull has finished. */
  get(imageRef: string): ResolvedImage | undefined {
    const parsed = parseImageReference(imageRef);
    if (!parsed.ok) return undefined;
    const id = this.byRef.get(parsed.ref.normalized);
    const img = id ? this.images.get(id) : undefined;
    return img && img.availableAt <= this.now() ? img.resolved : undefined;
  }

  /** Node.status.images: names are the repo digest and the tags, as the kubelet lists them. */
  list(): { names: string[]; sizeBytes: number }[] {
    return [...this.images.values()]
      .filter((i) => i.availableAt <= this.now())
      .map((i) => ({ names: [i.resolved.repoDigest, ...[...i.names].sort()], sizeBytes: i.resolved.info.sizeBytes }))
      .sort((a, b) => b.sizeBytes - a.sizeBytes);
  }

  infoFor(image: ImageInfo): ResolvedImage | undefined {
    return this.images.get(image.id)?.resolved;
  }
}
