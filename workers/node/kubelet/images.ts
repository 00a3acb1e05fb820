/**
 * Image pulls for one node (pkg/kubelet/images/image_manager.go,
 * serialized_image_puller.go): pull policy, one pull at a time, per
 * pod+image back-off (10 s doubling to 300 s), and the kubelet's events.
 */
import type { Container } from 'kubernetes-types/core/v1';
import type { Clock } from '../../clock/clock';
import type { ContainerRuntime, ImageInfo } from '../runtime/types';
import { Backoff } from './backoff';
import { goDuration } from './goDuration';
import { parseImageReference } from '../runtime/images/reference';

export type EventSink = (type: 'Normal' | 'Warning', reason: string, message: string) => void;

export type ImageState =
  | { state: 'ready'; image: ImageInfo }
  | { state: 'pulling' }
  | { state: 'failed'; reason: string; message: string; retryAt?: number };

/** How long a failed pull takes to fail (the registry answering no). */
export const FAILED_PULL_MS = 800;
/** A pull of an image another pull just fetched only re-checks the registry. */
const REPULL_MS = 400;

interface QueuedPull {
  ref: string;
  podKey: string;
  requestedAt: number;
  done: (r: { ok: true; image: ImageInfo; pullMs: number; totalMs: number } | { ok: false; message: string; reason: string }) => void;
}

export const IMAGE_BACKOFF_INITIAL_MS = 10_000;
export const IMAGE_BACKOFF_MAX_MS = 300_000;

export class ImageManager {
  readonly backoff: Backoff;
  private queue: QueuedPull[] = [];
  private busy = false;
  private known = new Map<string, ImageInfo>();
  private pulledRefs = new Set<string>();
  private pulling = new Set<string>();
  private results = new Map<string, { ok: true; image: ImageInfo } | { ok: false; message: string; reason: string }>();
  private prevPullError = new Map<string, string>();

  constructor(
    private readonly clock: Clock,
    private readonly runtime: ContainerRuntime,
    private readonly component: string,
  ) {
    this.backoff = new Backoff(() => clock.now(), IMAGE_BACKOFF_INITIAL_MS, IMAGE_BACKOFF_MAX_MS);
  }

  /**
   * EnsureImageExists for one start attempt of `container`. `wake` runs (as a
   * clock task) when a pull this call started has finished.
   */
  ensure(podUid: string, podKey: string, container: Container, events: EventSink, wake: () => void): ImageState {
    const image = container.image ?? '';
    const key = `${podUid}_${image}`;
    const attempt = `${podUid}/${container.name}`;
    const finished = this.results.get(attempt);
    if (finished) {
      this.results.delete(attempt);
      if (finished.ok) return { state: 'ready', image: finished.image };
      return { state: 'failed', reason: finished.reason, message: finished.message };
    }
    if (this.pulling.has(attempt)) return { state: 'pulling' };
    // applyDefaultImageTag runs before anything else: a reference that does not parse is never pulled.
    const parsed = parseImageReference(image);
    if (!parsed.ok) {
      events('Warning', 'InspectFailed', parsed.message);
      return { state: 'failed', reason: 'InvalidImageName', message: parsed.message };
    }
    const present = this.runtime.hasImage(image);
    const policy = container.imagePullPolicy ?? 'IfNotPresent';
    if (policy === 'Never' || (policy === 'IfNotPresent' && present)) {
      if (present) {
        const info = this.info(image);
        if (info) {
          events('Normal', 'Pulled', `Container image "${image}" already present on machine`);
          return { state: 'ready', image: info };
        }
      }
      const message = `Container image "${image}" is not present with pull policy of Never`;
      events('Warning', 'ErrImageNeverPull', message);
      return { state: 'failed', reason: 'ErrImageNeverPull', message };
    }
    const now = this.clock.now();
    if (this.backoff.isInBackOffSinceUpdate(key, now)) {
      let message = `Back-off pulling image "${image}"`;
      events('Normal', 'BackOff', message);
      // v1.32 carries the last pull error into the waiting message (kubernetes#127918).
      const prev = this.prevPullError.get(key);
      if (prev) message = `${message}: ${prev}`;
      return { state: 'failed', reason: 'ImagePullBackOff', message, retryAt: this.backoff.endsAt(key) };
    }
    this.prevPullError.delete(key);
    events('Normal', 'Pulling', `Pulling image "${image}"`);
    this.pulling.add(attempt);
    this.enqueue({
      ref: image,
      podKey,
      requestedAt: now,
      done: (r) => {
        this.pulling.delete(attempt);
        if (r.ok) {
          events('Normal', 'Pulled', `Successfully pulled image "${image}" in ${goDuration(r.pullMs)} (${goDuration(r.totalMs)} including waiting). Image size: ${r.image.sizeBytes} bytes.`);
          this.backoff.gc();
          this.results.set(attempt, { ok: true, image: r.image });
        } else {
          events('Warning', 'Failed', `Failed to pull image "${image}": ${r.message}`);
          this.backoff.next(key, this.clock.now());
          this.prevPullError.set(key, `${r.reason}: ${r.message}`);
          this.results.set(attempt, { ok: false, message: r.message, reason: r.reason });
        }
        wake();
      },
    });
    return { state: 'pulling' };
  }

  /** Forget what was pending for a pod that is gone. */
  forgetPod(podUid: string): void {
    for (const k of [...this.results.keys()]) if (k.startsWith(`${podUid}/`)) this.results.delete(k);
    for (const k of [...this.prevPullError.keys()]) if (k.startsWith(`${podUid}_`)) this.prevPullError.delete(k);
  }

  private info(image: string): ImageInfo | undefined {
    const cached = this.known.get(image);
    if (cached) return cached;
    const r = this.runtime.pull(image);
    if (!r.ok) return undefined;
    this.known.set(image, r.image);
    return r.image;
  }

  private enqueue(p: QueuedPull): void {
    this.queue.push(p);
    if (!this.busy) this.startNext();
  }

  private startNext(): void {
    const p = this.queue.shift();
    if (!p) {
      this.busy = false;
      return;
    }
    this.busy = true;
    const r = this.runtime.pull(p.ref);
    let ms = r.ok ? r.durationMs : FAILED_PULL_MS;
    if (r.ok && this.pulledRefs.has(r.image.ref)) ms = Math.min(ms, REPULL_MS);
    const started = this.clock.now();
    this.clock.schedule(ms, { component: this.component, key: p.podKey, what: `pull image ${p.ref}` }, () => {
      const now = this.clock.now();
      if (r.ok) {
        this.pulledRefs.add(r.image.ref);
        this.known.set(p.ref, r.image);
        p.done({ ok: true, image: r.image, pullMs: now - started, totalMs: now - p.requestedAt });
      } else p.done({ ok: false, message: r.message, reason: r.reason ?? 'ErrImagePull' });
      this.startNext();
    });
  }
}
