/**
 * An in-memory KubectlClient for describer unit tests: objects by resource,
 * get/list with label selectors (`k=v` terms) and the field selectors the
 * describers send (`a.b=v`, `a.b!=v`).
 */
import type { ApiRequest, ApiResponse } from '../../api/request';
import type { KubectlClient } from '../client';
import type { Json } from './format';

function path(o: Json, dotted: string): string {
  let cur: unknown = o;
  for (const p of dotted.split('.')) cur = typeof cur === 'object' && cur !== null ? (cur as Json)[p] : undefined;
  return cur === undefined || cur === null ? '' : String(cur);
}

function matches(o: Json, labelSelector: string | undefined, fieldSelector: string | undefined): boolean {
  const labels = ((o.metadata as Json | undefined)?.labels ?? {}) as Record<string, string>;
  for (const term of (labelSelector ?? '').split(',').filter(Boolean)) {
    const [k, v] = term.split('=');
    if (labels[k] !== v) return false;
  }
  for (const term of (fieldSelector ?? '').split(',').filter(Boolean)) {
    const neg = term.includes('!=');
    const [k, v] = term.split(neg ? '!=' : '=');
    if ((path(o, k) === v) === neg) return false;
  }
  return true;
}

export function fakeClient(objects: Record<string, Json[]>, now: number): KubectlClient & { requests: ApiRequest[] } {
  const requests: ApiRequest[] = [];
  const notFound = (req: ApiRequest): ApiResponse => ({
    status: 404,
    body: { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: `${req.resource} "${req.name}" not found` },
  });
  return {
    requests,
    now: () => now,
    async request(req) {
      requests.push(req);
      const all = (objects[req.resource] ?? []).filter((o) => !req.namespace || (o.metadata as Json | undefined)?.namespace === req.namespace);
      if (req.verb === 'get') {
        const o = all.find((x) => (x.metadata as Json | undefined)?.name === req.name);
        return o ? { status: 200, body: o } : notFound(req);
      }
      if (req.verb === 'list') return { status: 200, body: { kind: 'List', items: all.filter((o) => matches(o, req.query?.labelSelector, req.query?.fieldSelector)), metadata: {} } };
      return { status: 405, body: {} };
    },
    async watch() {
      return { status: 405, body: {} };
    },
  };
}
