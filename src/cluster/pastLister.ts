/**
 * Reads every mirrored kind as it was at one store revision
 * (`resourceVersion=R&resourceVersionMatch=Exact`), all or nothing, so the
 * page never shows a mix of two moments.
 */
import type { ApiResponse } from '../../workers/api/request';
import type { KubeObject } from '../../workers/api/object';
import type { ClusterClient } from './client';
import type { ResourceSpec } from './resources';
import type { ObjectChange } from './store';
import { exactListQuery } from './timeTravel';

export type PastListResult = { ok: true; changes: ObjectChange[] } | { ok: false; message: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function messageOf(res: ApiResponse): string {
  const m = isRecord(res.body) ? res.body.message : undefined;
  return typeof m === 'string' ? m : `HTTP ${res.status}`;
}

function itemsOf(res: ApiResponse, spec: ResourceSpec): KubeObject[] | null {
  if (res.status !== 200 || !isRecord(res.body) || !Array.isArray(res.body.items)) return null;
  const apiVersion = spec.group ? `${spec.group}/${spec.version}` : spec.version;
  const out: KubeObject[] = [];
  for (const i of res.body.items) {
    if (!isRecord(i) || !isRecord(i.metadata)) continue;
    // Lists leave kind/apiVersion off their items; the store keeps objects whole.
    out.push((i.kind === spec.kind && i.apiVersion === apiVersion ? i : { ...i, kind: spec.kind, apiVersion }) as KubeObject);
  }
  return out;
}

export async function listAllAt(
  client: Pick<ClusterClient, 'request'>,
  resources: readonly ResourceSpec[],
  revision: number,
): Promise<PastListResult> {
  if (!Number.isInteger(revision) || revision <= 0) return { ok: false, message: `not a revision: ${String(revision)}` };
  const query = exactListQuery(revision);
  const answers = await Promise.all(
    resources.map(async (spec) => {
      try {
        return { spec, res: await client.request({ verb: 'list', group: spec.group, version: spec.version, resource: spec.resource, query }) };
      } catch (err) {
        return { spec, error: err instanceof Error ? err.message : String(err) };
      }
    }),
  );
  const changes: ObjectChange[] = [];
  for (const a of answers) {
    if ('error' in a) return { ok: false, message: `list ${a.spec.resource}: ${a.error}` };
    const items = itemsOf(a.res, a.spec);
    if (!items) return { ok: false, message: `list ${a.spec.resource} at revision ${revision}: ${messageOf(a.res)}` };
    changes.push({ type: 'replace', kind: a.spec.kind, objects: items });
  }
  return { ok: true, changes };
}
