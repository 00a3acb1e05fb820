/** Small builders for core kind tests. */
import type { KubeObject } from '../../object';
import { errorString } from '../../validation/field';
import type { StrategyContext } from '../types';
import { coreStrategies } from './index';

export const ctx: StrategyContext = { now: Date.UTC(2025, 0, 1), get: () => undefined, list: () => [] };

export function pod(spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'nginx', namespace: 'default', ...meta },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }], ...spec },
  };
}

export function obj(kind: string, body: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject {
  const clusterScoped = ['Namespace', 'Node', 'PersistentVolume'].includes(kind);
  return { apiVersion: 'v1', kind, metadata: { name: 'x', ...(clusterScoped ? {} : { namespace: 'default' }), ...meta }, ...body };
}

/** Defaults, PrepareForCreate and Validate, as a create request runs them; returns rendered errors. */
export function create(o: KubeObject): string[] {
  const s = coreStrategies[o.kind];
  s.defaults?.(o, ctx);
  s.prepareForCreate?.(o, ctx);
  return (s.validate?.(o, ctx) ?? []).map(errorString);
}

/** A stored copy of `o` (created), then `mutate` applied to an update of it; returns rendered errors. */
export function update(o: KubeObject, mutate: (next: KubeObject) => void, adjustStored?: (stored: KubeObject) => void): string[] {
  const errs = create(o);
  if (errs.length) throw new Error(`fixture does not create cleanly: ${errs.join('; ')}`);
  const stored = structuredClone(o);
  stored.metadata.resourceVersion = '7';
  stored.metadata.uid = 'uid-1';
  adjustStored?.(stored);
  const next = structuredClone(stored);
  mutate(next);
  const s = coreStrategies[o.kind];
  s.defaults?.(next, ctx);
  s.prepareForUpdate?.(next, stored, ctx);
  return (s.validateUpdate?.(next, stored, ctx) ?? []).map(errorString);
}
