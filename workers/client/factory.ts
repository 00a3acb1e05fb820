/** One informer per resource, shared by every controller that watches it (SharedInformerFactory). */
import { Informer, type ApiClient, type ResourceRef } from './informer';
import type { KubeObject } from '../api/object';

export class InformerFactory {
  private informers = new Map<string, Informer>();

  constructor(private readonly client: ApiClient) {}

  for<T extends KubeObject = KubeObject>(ref: ResourceRef): Informer<T> {
    const key = `${ref.group}/${ref.version}/${ref.resource}/${ref.namespace ?? ''}`;
    let inf = this.informers.get(key);
    if (!inf) this.informers.set(key, (inf = new Informer(this.client, ref)));
    return inf as unknown as Informer<T>;
  }

  start(): void {
    for (const inf of this.informers.values()) inf.start();
  }

  stop(): void {
    for (const inf of this.informers.values()) inf.stop();
  }
}

export const CORE = (resource: string): ResourceRef => ({ group: '', version: 'v1', resource });
