/**
 * A shared informer: lists a resource once, then follows its watch, keeping
 * a local cache that controllers read (listers) and notifying handlers that
 * only enqueue keys (staging/src/k8s.io/client-go/tools/cache).
 */
import type { ApiRequest, ApiResponse, WatchEvent, WatchHandle } from '../api/request';
import type { KubeObject } from '../api/object';

export interface ApiClient {
  handle(req: ApiRequest): ApiResponse;
  watch(req: ApiRequest, onEvent: (e: WatchEvent) => void): WatchHandle | ApiResponse;
}

export interface ResourceRef {
  group: string;
  version: string;
  resource: string;
  namespace?: string;
}

export interface EventHandlers<T> {
  add?(obj: T): void;
  update?(oldObj: T, newObj: T): void;
  delete?(obj: T): void;
}

export function keyOf(o: KubeObject): string {
  return o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name!;
}

export function splitKey(key: string): { namespace?: string; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

export class Informer<T extends KubeObject = KubeObject> {
  private cache = new Map<string, T>();
  private byNamespace = new Map<string, Map<string, T>>();
  private handlers: EventHandlers<T>[] = [];
  private indexes = new Map<string, unknown>();
  private watchHandle: WatchHandle | null = null;
  private synced = false;

  constructor(
    private readonly client: ApiClient,
    readonly ref: ResourceRef,
  ) {}

  addEventHandler(h: EventHandlers<T>): void {
    this.handlers.push(h);
    // Late handlers see the current state as adds, as client-go does.
    if (this.synced) for (const o of this.cache.values()) h.add?.(o);
  }

  /**
   * The index called `name` over this cache, built by `build` the first time
   * it is asked for and shared by every later caller, as a SharedIndexInformer
   * shares its indexers: ten controllers indexing 10,000 pods by owner keep
   * one index, updated once per event.
   */
  index<I>(name: string, build: (informer: this) => I): I {
    if (this.indexes.has(name)) return this.indexes.get(name) as I;
    const idx = build(this);
    this.indexes.set(name, idx);
    return idx;
  }

  start(): void {
    if (this.watchHandle) return;
    const { group, version, resource, namespace } = this.ref;
    const res = this.client.handle({ verb: 'list', group, version, resource, namespace });
    if (res.status !== 200) throw new Error(`informer list ${resource} failed: ${JSON.stringify(res.body)}`);
    const list = res.body as { metadata: { resourceVersion: string }; items: T[]; apiVersion: string; kind: string };
    const kind = list.kind.replace(/List$/, '');
    for (const item of list.items) this.put({ ...item, apiVersion: list.apiVersion, kind } as T);
    this.synced = true;
    for (const o of this.cache.values()) for (const h of this.handlers) h.add?.(o);
    const w = this.client.watch({ verb: 'watch', group, version, resource, namespace, query: { resourceVersion: list.metadata.resourceVersion } }, (e) => this.onEvent(e));
    if ('status' in w) throw new Error(`informer watch ${resource} failed: ${JSON.stringify(w.body)}`);
    this.watchHandle = w;
  }

  stop(): void {
    this.watchHandle?.stop();
    this.watchHandle = null;
  }

  hasSynced(): boolean {
    return this.synced;
  }

  get(namespace: string | undefined, name: string): T | undefined {
    return this.cache.get(namespace ? `${namespace}/${name}` : name);
  }

  getByKey(key: string): T | undefined {
    return this.cache.get(key);
  }

  /** All cached objects, or those of one namespace. */
  list(namespace?: string): T[] {
    if (namespace === undefined) return [...this.cache.values()];
    return [...(this.byNamespace.get(namespace)?.values() ?? [])];
  }

  get size(): number {
    return this.cache.size;
  }

  private onEvent(e: WatchEvent): void {
    if (e.type === 'BOOKMARK' || e.type === 'ERROR') return;
    const obj = e.object as T;
    const key = keyOf(obj);
    const old = this.cache.get(key);
    if (e.type === 'DELETED') {
      this.remove(key, obj);
      for (const h of this.handlers) h.delete?.(obj);
      return;
    }
    this.put(obj);
    for (const h of this.handlers) {
      if (old) h.update?.(old, obj);
      else h.add?.(obj);
    }
  }

  private put(obj: T): void {
    const key = keyOf(obj);
    this.cache.set(key, obj);
    const ns = obj.metadata.namespace ?? '';
    let m = this.byNamespace.get(ns);
    if (!m) this.byNamespace.set(ns, (m = new Map()));
    m.set(key, obj);
  }

  private remove(key: string, obj: T): void {
    this.cache.delete(key);
    this.byNamespace.get(obj.metadata.namespace ?? '')?.delete(key);
  }
}
