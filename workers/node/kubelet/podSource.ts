/**
 * The kubelet's own view of the API pods bound to its node: a list+watch
 * with `fieldSelector=spec.nodeName=<node>` (pkg/kubelet/config/apiserver.go).
 * Handlers get keys only; status-only changes (the kubelet's own writes)
 * are not worth a sync, as in pkg/kubelet/config/config.go checkAndUpdatePod.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { jsonEqual } from '../../api/object';
import type { ApiRequest, ApiResponse, WatchEvent, WatchHandle } from '../../api/request';

export interface PodSourceClient {
  handle(req: ApiRequest): ApiResponse;
  watch(req: ApiRequest, onEvent: (e: WatchEvent) => void): WatchHandle | ApiResponse;
}

const keyOf = (p: Pod) => `${p.metadata!.namespace}/${p.metadata!.name}`;

function specChanged(a: Pod, b: Pod): boolean {
  const am = a.metadata ?? {};
  const bm = b.metadata ?? {};
  return (
    am.uid !== bm.uid ||
    am.deletionTimestamp !== bm.deletionTimestamp ||
    am.deletionGracePeriodSeconds !== bm.deletionGracePeriodSeconds ||
    (a.spec !== b.spec && !jsonEqual(a.spec, b.spec)) ||
    !jsonEqual(am.labels, bm.labels) ||
    !jsonEqual(am.annotations, bm.annotations)
  );
}

export class PodSource {
  private pods = new Map<string, Pod>();
  private handle: WatchHandle | null = null;

  constructor(
    private readonly client: PodSourceClient,
    private readonly nodeName: string,
    /** A pod was added, changed in a way that matters, or removed. */
    private readonly onChange: (key: string, removed: boolean) => void,
  ) {}

  start(): void {
    if (this.handle) return;
    const query = { fieldSelector: `spec.nodeName=${this.nodeName}` };
    const res = this.client.handle({ verb: 'list', group: '', version: 'v1', resource: 'pods', query });
    if (res.status !== 200) throw new Error(`kubelet ${this.nodeName}: list pods failed: ${JSON.stringify(res.body)}`);
    const list = res.body as { metadata: { resourceVersion: string }; items: Pod[] };
    const seen = new Set<string>();
    for (const p of list.items) {
      const key = keyOf(p);
      seen.add(key);
      this.pods.set(key, { ...p, apiVersion: 'v1', kind: 'Pod' });
      this.onChange(key, false);
    }
    // Pods that went away while the kubelet was not watching.
    for (const key of [...this.pods.keys()]) {
      if (seen.has(key)) continue;
      this.pods.delete(key);
      this.onChange(key, true);
    }
    const w = this.client.watch({ verb: 'watch', group: '', version: 'v1', resource: 'pods', query: { ...query, resourceVersion: list.metadata.resourceVersion } }, (e) => this.onEvent(e));
    if ('status' in w) throw new Error(`kubelet ${this.nodeName}: watch pods failed: ${JSON.stringify(w.body)}`);
    this.handle = w;
  }

  stop(): void {
    this.handle?.stop();
    this.handle = null;
  }

  get(key: string): Pod | undefined {
    return this.pods.get(key);
  }

  keys(): IterableIterator<string> {
    return this.pods.keys();
  }

  private onEvent(e: WatchEvent): void {
    if (e.type !== 'ADDED' && e.type !== 'MODIFIED' && e.type !== 'DELETED') return;
    const pod = e.object as Pod;
    const key = keyOf(pod);
    const old = this.pods.get(key);
    if (e.type === 'DELETED') {
      this.pods.delete(key);
      this.onChange(key, true);
      return;
    }
    this.pods.set(key, pod);
    if (!old || specChanged(old, pod)) this.onChange(key, false);
  }
}
