/**
 * metrics-server in the cluster: installed as kind users install it (a
 * Deployment in kube-system), scraping every kubelet each metric resolution
 * while its pod runs, and answering metrics.k8s.io while that pod is ready —
 * the API server reaches it through the resources it adds to the registry,
 * as kube-aggregator reaches an APIService.
 */
import type { ComponentContext } from '../controllers/context';
import type { Registry } from '../api/kinds/registry';
import { CORE } from '../client/factory';
import type { Informer } from '../client/informer';
import { isPodReady } from '../controllers/replicaset/podUtil';
import type { Pod } from '../controllers/replicaset/types';
import type { KubeObject } from '../api/object';
import { MetricsApi } from './api';
import { installMetricsServer, METRICS_SERVER_LABELS } from './install';
import { METRIC_RESOLUTION_MS, MetricsStorage, type PodUsage } from './scraper';

export const METRICS_SERVER = 'metrics-server';

export interface MetricsServerDeps {
  /** A node's kubelet resource metrics (undefined when the node has no running kubelet). */
  kubeletUsage(node: string): PodUsage[] | undefined;
  /** Create the components.yaml objects (default true). */
  install?: boolean;
  /** Serve and scrape without a metrics-server pod (tests without kubelets). */
  alwaysAvailable?: boolean;
}

export interface MetricsServer {
  readonly storage: MetricsStorage;
  readonly api: MetricsApi;
  /** Scrape now (tests), as the next tick would. */
  scrapeNow(): void;
}

function parseTime(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

function isServerPod(p: Pod): boolean {
  const labels = p.metadata?.labels ?? {};
  return !p.metadata?.deletionTimestamp && Object.entries(METRICS_SERVER_LABELS).every(([k, v]) => labels[k] === v);
}

export function startMetricsServer(ctx: ComponentContext, registry: Registry, deps: MetricsServerDeps): MetricsServer {
  const pods: Informer<Pod> = ctx.informers.for<Pod>(CORE('pods'));
  const nodes: Informer = ctx.informers.for<KubeObject>(CORE('nodes'));
  const storage = new MetricsStorage();
  const serverPods = () => pods.list('kube-system').filter(isServerPod);
  const running = () => deps.alwaysAvailable || serverPods().some((p) => p.status?.phase === 'Running');
  const available = () => deps.alwaysAvailable || serverPods().some((p) => p.status?.phase === 'Running' && isPodReady(p));

  const api = new MetricsApi({
    storage,
    pods: (ns) => pods.list(ns),
    pod: (ns, name) => pods.get(ns, name),
    nodes: () => nodes.list(),
    node: (name) => nodes.get(undefined, name),
    now: () => ctx.clock.now(),
    timestamp: (ms) => ctx.clock.timestamp(ms),
    available,
  });
  for (const rt of api.resourceTypes()) registry.add(rt);

  const source = {
    nodes: () => nodes.list().map((n) => n.metadata.name!),
    usage: (node: string) => deps.kubeletUsage(node),
    containerStart: (ns: string, pod: string, container: string) => {
      const st = pods.get(ns, pod)?.status?.containerStatuses?.find((c) => c.name === container);
      return parseTime(st?.state?.running?.startedAt);
    },
    nodeStart: (node: string) => parseTime(nodes.get(undefined, node)?.metadata?.creationTimestamp),
  };
  const scrape = () => {
    // Its storage lives in memory: without a running server there is nothing to serve from.
    if (!running()) storage.reset();
    else storage.scrape(ctx.clock.now(), source);
  };
  const label = { component: METRICS_SERVER, key: 'kube-system/metrics-server', what: 'scrape kubelets' };
  const tick = () => {
    scrape();
    ctx.clock.schedule(METRIC_RESOLUTION_MS, label, tick);
  };
  ctx.clock.schedule(METRIC_RESOLUTION_MS, label, tick);

  if (deps.install ?? true) {
    // Applied once the cluster is up, after kubeadm's add-ons, as a kind user would.
    ctx.clock.schedule(1, { component: 'kubectl', key: 'kube-system/metrics-server', what: 'apply components.yaml' }, () => installMetricsServer(ctx.client('kubectl-client-side-apply')));
  }
  return { storage, api, scrapeNow: scrape };
}
