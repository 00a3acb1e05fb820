/**
 * VerticalPodAutoscalerCheckpoints (pkg/recommender/checkpoint/checkpoint_writer.go,
 * model/aggregate_container_state.go SaveToCheckpoint): the recommender saves
 * each VPA container's histograms so a restarted recommender keeps its
 * history; orphans are garbage-collected every 10 minutes.
 */
import type { ApiCall } from '../../controllers/context';
import type { AggregateContainerState } from './aggregateState';
import { VPA_CHECKPOINT_RESOURCE, VPA_GROUP, VPA_VERSION } from './types';

/** --checkpoints-gc-interval. */
export const CHECKPOINTS_GC_INTERVAL_MS = 10 * 60_000;
const SUPPORTED_CHECKPOINT_VERSION = 'v3';

const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The checkpoint name: `<vpa>-<container>`. */
export const checkpointName = (vpa: string, container: string) => `${vpa}-${container}`;

export function checkpointStatus(s: AggregateContainerState, now: number): Record<string, unknown> {
  const hist = (h: ReturnType<AggregateContainerState['cpu']['checkpoint']>) => ({
    ...(Object.keys(h.bucketWeights).length ? { bucketWeights: h.bucketWeights } : {}),
    totalWeight: h.totalWeight,
    referenceTimestamp: h.referenceTimestamp ? rfc3339(h.referenceTimestamp) : null,
  });
  return {
    lastUpdateTime: rfc3339(now),
    version: SUPPORTED_CHECKPOINT_VERSION,
    cpuHistogram: hist(s.cpu.checkpoint()),
    memoryHistogram: hist(s.memoryPeaks.checkpoint()),
    firstSampleStart: s.firstSampleStart ? rfc3339(s.firstSampleStart) : null,
    lastSampleStart: s.lastSampleStart ? rfc3339(s.lastSampleStart) : null,
    totalSamplesCount: s.totalSamplesCount,
  };
}

/** Create or update one checkpoint (the writer's Get → Update/Create). */
export function writeCheckpoint(client: ApiCall, namespace: string, vpa: string, container: string, status: Record<string, unknown>): void {
  const name = checkpointName(vpa, container);
  const body = {
    apiVersion: `${VPA_GROUP}/${VPA_VERSION}`,
    kind: 'VerticalPodAutoscalerCheckpoint',
    metadata: { name, namespace },
    spec: { containerName: container, vpaObjectName: vpa },
    status,
  };
  const base = { group: VPA_GROUP, version: VPA_VERSION, resource: VPA_CHECKPOINT_RESOURCE, namespace };
  const r = client({ ...base, verb: 'patch', name, contentType: 'application/merge-patch+json', body: { status } });
  if (r.status === 404) client({ ...base, verb: 'create', body });
}

/** GarbageCollectCheckpoints: delete checkpoints whose VPA is gone (`live` holds `ns/vpa`). */
export function collectOrphans(client: ApiCall, live: ReadonlySet<string>): void {
  const r = client({ verb: 'list', group: VPA_GROUP, version: VPA_VERSION, resource: VPA_CHECKPOINT_RESOURCE });
  if (r.status !== 200) return;
  for (const cp of (r.body as { items?: { metadata: { name: string; namespace: string }; spec?: { vpaObjectName?: string; containerName?: string } }[] }).items ?? []) {
    const key = `${cp.metadata.namespace}/${cp.spec?.vpaObjectName}`;
    if (!live.has(key)) client({ verb: 'delete', group: VPA_GROUP, version: VPA_VERSION, resource: VPA_CHECKPOINT_RESOURCE, namespace: cp.metadata.namespace, name: cp.metadata.name });
  }
}
