/**
 * The services and endpoints every kube-proxy follows (the informers behind
 * pkg/proxy/config ServiceConfig and EndpointSliceConfig). Shared by all
 * nodes' proxiers: each change is folded in once, and `snapshot()` gives an
 * immutable view a proxier keeps as "what I last programmed".
 */
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { InformerFactory } from '../../client/factory';
import type { Informer } from '../../client/informer';
import type { KubeObject } from '../../api/object';
import { portEndpoints, servicePorts, type EndpointInfo, type ServicePortInfo } from './serviceInfo';
import type { ProxyState } from './syncRules';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

interface Entry {
  ports: ServicePortInfo[];
  endpoints: Map<string, EndpointInfo[]>;
}

export class ServiceTracker {
  readonly services: Informer<KubeObject>;
  readonly slices: Informer<KubeObject>;
  private readonly entries = new Map<string, Entry>();
  private readonly slicesByService = new Map<string, Set<string>>();
  private readonly dirty = new Set<string>();
  private current?: ProxyState;
  private readonly listeners = new Set<() => void>();

  constructor(informers: InformerFactory) {
    this.services = informers.for({ group: '', version: 'v1', resource: 'services' });
    this.slices = informers.for({ group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices' });
    const svcKey = (o: KubeObject) => `${o.metadata.namespace}/${o.metadata.name}`;
    this.services.addEventHandler({
      add: (o) => this.touch(svcKey(o)),
      update: (a, b) => {
        if (a.metadata.resourceVersion !== b.metadata.resourceVersion) this.touch(svcKey(b));
      },
      delete: (o) => this.touch(svcKey(o)),
    });
    const sliceService = (o: KubeObject) => {
      const name = o.metadata.labels?.[SERVICE_NAME_LABEL];
      return name ? `${o.metadata.namespace}/${name}` : undefined;
    };
    const sliceKey = (o: KubeObject) => `${o.metadata.namespace}/${o.metadata.name}`;
    const link = (o: KubeObject, on: boolean) => {
      const svc = sliceService(o);
      if (!svc) return;
      let set = this.slicesByService.get(svc);
      if (on) {
        if (!set) this.slicesByService.set(svc, (set = new Set()));
        set.add(sliceKey(o));
      } else {
        set?.delete(sliceKey(o));
        if (set && !set.size) this.slicesByService.delete(svc);
      }
      this.touch(svc);
    };
    this.slices.addEventHandler({
      add: (o) => link(o, true),
      update: (a, b) => {
        if (sliceService(a) !== sliceService(b)) link(a, false);
        link(b, true);
      },
      delete: (o) => link(o, false),
    });
    this.services.start();
    this.slices.start();
  }

  /** Called after any change (the proxiers request a sync). */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private touch(svcKey: string): void {
    this.dirty.add(svcKey);
    this.current = undefined;
    for (const l of this.listeners) l();
  }

  /** The services and endpoints as they are now; the same object until something changes. */
  snapshot(): ProxyState {
    if (this.current) return this.current;
    for (const key of this.dirty) {
      const svc = this.services.getByKey(key) as unknown as Service | undefined;
      if (!svc) {
        this.entries.delete(key);
        continue;
      }
      const ports = servicePorts(svc);
      const slices: EndpointSlice[] = [];
      for (const k of this.slicesByService.get(key) ?? []) {
        const s = this.slices.getByKey(k);
        if (s) slices.push(s as unknown as EndpointSlice);
      }
      slices.sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1));
      const endpoints = new Map<string, EndpointInfo[]>();
      for (const p of ports) endpoints.set(p.name, portEndpoints(p, slices));
      if (ports.length) this.entries.set(key, { ports, endpoints });
      else this.entries.delete(key);
    }
    this.dirty.clear();
    const ports: ServicePortInfo[] = [];
    const endpoints = new Map<string, EndpointInfo[]>();
    for (const e of this.entries.values()) {
      ports.push(...e.ports);
      for (const [k, v] of e.endpoints) endpoints.set(k, v);
    }
    ports.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.proto < b.proto ? -1 : 1));
    this.current = { ports, endpoints };
    return this.current;
  }
}
