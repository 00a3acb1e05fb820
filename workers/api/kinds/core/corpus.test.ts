/**
 * Every core/v1 object in the shared corpus of real manifests defaults and
 * validates without errors, as it does on a v1.32 API server.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../object';
import { errorString } from '../../validation/field';
import type { StrategyContext } from '../types';
import { coreStrategies } from './index';

const DIR = new URL('../../../../../shared/corpus/manifests/', import.meta.url).pathname;
const CLUSTER_SCOPED = new Set(['Namespace', 'Node', 'PersistentVolume']);
const ctx: StrategyContext = { now: 0, get: () => undefined, list: () => [] };

function coreDocs(): [string, KubeObject][] {
  if (!existsSync(DIR)) return [];
  const out: [string, KubeObject][] = [];
  for (const file of readdirSync(DIR).sort()) {
    for (const doc of parseAllDocuments(readFileSync(DIR + file, 'utf8'))) {
      const obj = doc.toJS() as KubeObject | null;
      if (obj && obj.apiVersion === 'v1' && coreStrategies[obj.kind]) out.push([`${file} ${obj.kind}/${obj.metadata?.name}`, obj]);
    }
  }
  return out;
}

const docs = coreDocs();

describe('corpus manifests (core/v1)', () => {
  it('finds the corpus', () => {
    expect(docs.length).toBeGreaterThan(15);
  });

  it.each(docs)('%s defaults and validates cleanly', (_name, obj) => {
    const s = coreStrategies[obj.kind];
    if (!CLUSTER_SCOPED.has(obj.kind)) obj.metadata.namespace ||= 'default';
    s.defaults?.(obj, ctx);
    s.prepareForCreate?.(obj, ctx);
    expect(s.validate?.(obj, ctx).map(errorString)).toEqual([]);
    // An unchanged object is a valid update of itself.
    const stored = structuredClone(obj);
    stored.metadata.resourceVersion = '5';
    const next = structuredClone(stored);
    s.defaults?.(next, ctx);
    s.prepareForUpdate?.(next, stored, ctx);
    expect(s.validateUpdate?.(next, stored, ctx).map(errorString)).toEqual([]);
  });
});
