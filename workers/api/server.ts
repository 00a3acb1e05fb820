/**
 * The API server: routes an ApiRequest to its resource, and runs the
 * upstream request pipeline (decode → default → admission → validate →
 * store txn) for each verb. Every client — UI, kubectl via the Node host,
 * controllers, tests — goes through `handle` and `watch`.
 */
import type { Clock } from '../clock/clock';
import type { Rng } from '../clock/prng';
import type { Store } from '../store/store';
import type { ResourceType, StrategyContext } from './kinds/types';
import type { Registry } from './kinds/registry';
import type { Machinery } from './machinery.types';
import { apiVersionOf, type KubeObject } from './object';
import type { ApiRequest, ApiResponse, WatchEvent, WatchHandle } from './request';
import * as S from './status';
import { keyFor, prefixFor } from './keys';
import { handleCreate } from './handlers/create';
import { handleGet, handleList } from './handlers/read';
import { handleUpdate } from './handlers/update';
import { handlePatch } from './handlers/patch';
import { handleDelete, handleDeleteCollection } from './handlers/delete';
import { startWatch } from './handlers/watch';
import { handleSubresource } from './handlers/subresources';
import { convertEvent, handleConverted, storageRequest } from './conversion';

export interface ServerDeps {
  store: Store<KubeObject>;
  clock: Clock;
  rng: Rng;
  registry: Registry;
  machinery: Machinery;
}

/** What every handler gets: the server's parts plus the routed request. */
export interface Scope extends ServerDeps {
  req: ApiRequest;
  rt: ResourceType;
  ctx: StrategyContext;
  server: ApiServer;
}

/** Answers pods/log, pods/exec and pods/attach from the node the pod runs on. */
export type NodeProxy = (rt: ResourceType, pod: KubeObject, subresource: string, query: Record<string, string | undefined>, body: unknown) => ApiResponse;

export class ApiServer {
  readonly ctx: StrategyContext;
  nodeProxy?: NodeProxy;

  constructor(readonly deps: ServerDeps) {
    const { store, registry, clock } = deps;
    // `pods`, `storageclasses.storage.k8s.io` → the resource, cached per registry version.
    let cache = new Map<string, ResourceType | undefined>();
    let cachedVersion = -1;
    const find = (resource: string) => {
      if (cachedVersion !== registry.version) {
        cache = new Map();
        cachedVersion = registry.version;
      }
      if (!cache.has(resource)) {
        const dot = resource.indexOf('.');
        const plural = dot < 0 ? resource : resource.slice(0, dot);
        const group = dot < 0 ? '' : resource.slice(dot + 1);
        cache.set(resource, registry.all().find((r) => r.plural === plural && r.group === group && !r.conversion));
      }
      return cache.get(resource);
    };
    this.ctx = {
      get now() {
        return clock.now();
      },
      get: (resource, namespace, name) => {
        const rt = find(resource);
        return rt ? store.get(keyFor(rt, namespace, name))?.value : undefined;
      },
      list: (resource, namespace) => {
        const rt = find(resource);
        return rt ? store.list(prefixFor(rt, namespace)).map((kv) => kv.value) : [];
      },
    };
  }

  handle(req: ApiRequest): ApiResponse {
    try {
      const routed = this.route(req);
      if ('code' in routed) return fail(routed);
      const scope = routed;
      if (scope.rt.proxy) return scope.rt.proxy(req);
      if (scope.rt.conversion) return handleConverted(scope.rt, req, (r) => this.handle(r), this.deps.machinery, this.ctx);
      if (req.subresource) return handleSubresource(scope);
      switch (req.verb) {
        case 'get':
          return handleGet(scope);
        case 'list':
          return handleList(scope);
        case 'create':
          return handleCreate(scope);
        case 'update':
          return handleUpdate(scope);
        case 'patch':
          return handlePatch(scope);
        case 'delete':
          return handleDelete(scope);
        case 'deletecollection':
          return handleDeleteCollection(scope);
        case 'watch':
          return fail(S.badRequest('watch requests are served by ApiServer.watch'));
      }
    } catch (err) {
      // A programmer error must never take the cluster down with it.
      return fail(S.internal(err instanceof Error ? err.message : String(err)));
    }
  }

  /** Start a watch; returns an error response instead when the request is refused. */
  watch(req: ApiRequest, onEvent: (e: WatchEvent) => void): WatchHandle | ApiResponse {
    const routed = this.route(req);
    if ('code' in routed) return fail(routed);
    const rt = routed.rt;
    if (rt.proxy) return rt.proxy(req);
    if (rt.conversion) {
      const storage = this.route(storageRequest(req, rt.conversion));
      if ('code' in storage) return fail(storage);
      return startWatch(storage, (e) => onEvent(convertEvent(rt, e)));
    }
    return startWatch(routed, onEvent);
  }

  private route(req: ApiRequest): Scope | S.Status {
    const rt = this.deps.registry.lookup(req.group, req.version, req.resource);
    if (!rt) return S.pathNotFound();
    if (rt.namespaced && !req.namespace && (req.name || req.verb === 'create')) return S.pathNotFound();
    if (!rt.namespaced && req.namespace) return S.pathNotFound();
    if (req.subresource && !(rt.subresources ?? []).includes(req.subresource)) return S.pathNotFound();
    const d = this.deps;
    return { store: d.store, clock: d.clock, rng: d.rng, registry: d.registry, machinery: d.machinery, req, rt, ctx: this.ctx, server: this };
  }
}

export function ok(body: unknown, status = 200, warnings?: string[]): ApiResponse {
  return warnings?.length ? { status, body, warnings } : { status, body };
}

export function fail(status: S.Status): ApiResponse {
  return { status: status.code, body: status };
}

/** `deployments.apps` for messages. */
export function qualifiedOf(rt: ResourceType): S.Qualified {
  return { group: rt.group, resource: rt.plural };
}

export function apiVersionOfType(rt: ResourceType): string {
  return apiVersionOf(rt.group, rt.version);
}
