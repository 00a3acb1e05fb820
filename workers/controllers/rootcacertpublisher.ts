/**
 * Publishes the cluster CA bundle as ConfigMap `kube-root-ca.crt` in every
 * namespace (pkg/controller/certificates/rootcacertpublisher/publisher.go).
 */
import type { Clock } from '../clock/clock';
import type { InformerFactory } from '../client/factory';
import { CORE } from '../client/factory';
import { WorkQueue } from '../client/workqueue';
import type { ApiRequest, ApiResponse } from '../api/request';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
const PUBLISHER = 'root-ca-cert-publisher';

export class RootCACertPublisher {
  private readonly queue: WorkQueue;
  private readonly namespaces;
  private readonly configMaps;

  constructor(
    clock: Clock,
    informers: InformerFactory,
    private readonly api: (req: Omit<ApiRequest, 'userAgent'>) => ApiResponse,
    private readonly caBundle: string,
  ) {
    this.queue = new WorkQueue(clock, (key) => this.sync(key), { component: PUBLISHER });
    this.namespaces = informers.for(CORE('namespaces'));
    this.configMaps = informers.for(CORE('configmaps'));
    this.namespaces.addEventHandler({ add: (ns) => this.queue.add(ns.metadata.name!) });
    const onCm = (cm: { metadata: { name?: string; namespace?: string } }) => {
      if (cm.metadata.name === ROOT_CA_CONFIGMAP) this.queue.add(cm.metadata.namespace!);
    };
    this.configMaps.addEventHandler({ update: (_o, cm) => onCm(cm), delete: onCm });
  }

  private sync(namespace: string) {
    const ns = this.namespaces.get(undefined, namespace);
    if (!ns || ns.metadata.deletionTimestamp) return;
    const cm = this.configMaps.get(namespace, ROOT_CA_CONFIGMAP);
    const data = { 'ca.crt': this.caBundle };
    if (cm && (cm.data as Record<string, string> | undefined)?.['ca.crt'] === this.caBundle) return;
    const body = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: ROOT_CA_CONFIGMAP, namespace, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } },
      data,
    };
    const r = cm
      ? this.api({ verb: 'update', group: '', version: 'v1', resource: 'configmaps', namespace, name: ROOT_CA_CONFIGMAP, body: { ...body, metadata: { ...body.metadata, resourceVersion: cm.metadata.resourceVersion } } })
      : this.api({ verb: 'create', group: '', version: 'v1', resource: 'configmaps', namespace, body });
    if (r.status >= 400 && r.status !== 409) return { error: JSON.stringify(r.body) };
  }
}
