/**
 * The HPA's resource metrics client (pkg/controller/podautoscaler/metrics/client.go
 * resourceMetricsClient): lists PodMetrics of the target's selector from
 * metrics.k8s.io and sums each pod's containers, or takes one container's.
 * A pod missing a container's usage has no metric (v1.32 skips it rather
 * than failing the whole metric).
 */
import type { ApiCall } from '../context';
import { parseQuantity } from '../../api/quantity/quantity';
import { parseGoDuration } from '../../metrics/format';
import type { PodMetricsInfo } from './replicaCalculator';

interface RawPodMetrics {
  metadata: { name: string; namespace?: string };
  timestamp: string;
  window: string;
  containers?: { name: string; usage?: Record<string, string> }[];
}

export type ResourceMetrics = { metrics: PodMetricsInfo; timestamp: number } | { error: string };

/** What client-go makes of an error answer: the Status message, or its generic text for the code. */
export function clientErrorMessage(status: number, body: unknown, verb: string, resource: string): string {
  const msg = (body as { message?: unknown } | undefined)?.message;
  if (typeof body === 'object' && body !== null && typeof msg === 'string') return msg;
  const what = `(${verb} ${resource})`;
  switch (status) {
    case 404:
      return `the server could not find the requested resource ${what}`;
    case 503:
      return `the server is currently unable to handle the request ${what}`;
    default:
      return `an error on the server ("${String(body ?? '').trim()}") has prevented the request from succeeding ${what}`;
  }
}

function milli(q: string | undefined): number | undefined {
  if (q === undefined) return undefined;
  const r = parseQuantity(q);
  return r.ok ? r.quantity.milliValue() : undefined;
}

export function getResourceMetric(api: ApiCall, resource: string, namespace: string, selector: string, container: string): ResourceMetrics {
  const r = api({ verb: 'list', group: 'metrics.k8s.io', version: 'v1beta1', resource: 'pods', namespace, query: { labelSelector: selector } });
  if (r.status !== 200) return { error: `unable to fetch metrics from resource metrics API: ${clientErrorMessage(r.status, r.body, 'get', 'pods.metrics.k8s.io')}` };
  const items = ((r.body as { items?: RawPodMetrics[] }).items ?? []) as RawPodMetrics[];
  if (!items.length) return { error: 'no metrics returned from resource metrics API' };
  const metrics: PodMetricsInfo = new Map();
  for (const m of items) {
    const timestamp = Date.parse(m.timestamp);
    const windowMs = parseGoDuration(m.window) ?? 0;
    const containers = m.containers ?? [];
    if (container) {
      const c = containers.find((x) => x.name === container);
      const v = milli(c?.usage?.[resource]);
      if (v !== undefined) metrics.set(m.metadata.name, { timestamp, windowMs, value: v });
      continue;
    }
    if (!containers.length) continue;
    let sum = 0;
    let missing = false;
    for (const c of containers) {
      const v = milli(c.usage?.[resource]);
      if (v === undefined) {
        missing = true;
        break;
      }
      sum += v;
    }
    if (!missing) metrics.set(m.metadata.name, { timestamp, windowMs, value: sum });
  }
  return { metrics, timestamp: Date.parse(items[0].timestamp) };
}
