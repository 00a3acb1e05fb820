/**
 * Test helpers for the strategy hooks: run them in the order the API server
 * does (defaults → prepare → validate) and render the errors as strings.
 */
import { clone, type KubeObject } from '../../../object';
import { errorString } from '../../../validation/field';
import type { ResourceType, StrategyContext } from '../../types';

export const ctx: StrategyContext = { now: 0, get: () => undefined, list: () => [] };

export function obj(apiVersion: string, kind: string, name: string, body: Record<string, unknown>, namespace: string | undefined = 'default'): KubeObject {
  return { apiVersion, kind, metadata: namespace ? { name, namespace } : { name }, ...clone(body) };
}

/** Defaults + system fields + PrepareForCreate, returning the object the server would validate. */
export function prepareCreate(s: Partial<ResourceType>, o: KubeObject): KubeObject {
  const out = clone(o);
  s.defaults?.(out, ctx);
  out.metadata.uid ??= '11111111-2222-3333-4444-555555555555';
  s.prepareForCreate?.(out, ctx);
  return out;
}

export function createErrors(s: Partial<ResourceType>, o: KubeObject): string[] {
  const out = prepareCreate(s, o);
  return (s.validate?.(out, ctx) ?? []).map(errorString);
}

export function updateErrors(s: Partial<ResourceType>, next: KubeObject, old: KubeObject): string[] {
  const n = clone(next);
  s.defaults?.(n, ctx);
  s.prepareForUpdate?.(n, old, ctx);
  return (s.validateUpdate?.(n, old, ctx) ?? []).map(errorString);
}
