import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createCluster } from '../../workers/cluster';
import { applyAction } from './actions/applyAction';
import { parseGalleryIndex } from './gallery';

const EXAMPLES = fileURLToPath(new URL('../../public/examples/', import.meta.url));
const read = (f: string) => readFileSync(EXAMPLES + f, 'utf8');

describe('parseGalleryIndex', () => {
  it('keeps well-formed entries with safe file names', () => {
    const entries = parseGalleryIndex({
      examples: [
        { id: 'a', title: 'A', description: 'd', file: 'a.yaml' },
        { id: 'b', title: 'B', description: 'd', file: '../secrets.yaml' },
        { id: 'c', title: 'C', file: 'c.yaml' },
        null,
      ],
    });
    expect(entries.map((e) => e.id)).toEqual(['a']);
    expect(parseGalleryIndex('nope')).toEqual([]);
    expect(parseGalleryIndex({ examples: {} })).toEqual([]);
  });
});

describe('the example gallery', () => {
  const entries = parseGalleryIndex(JSON.parse(read('index.json')));

  it('lists every example file once, each with a one-line description', () => {
    const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')).sort();
    expect(entries.map((e) => e.file).sort()).toEqual(files);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    for (const e of entries) expect(e.description).toMatch(/^[^\n]{10,90}$/);
    expect(entries.length).toBeGreaterThanOrEqual(10);
  });

  it('every example is accepted by the API server', async () => {
    for (const e of entries) {
      const cluster = await createCluster({ controllers: [], kubelets: 'none' });
      // Without controllers nobody makes the default service accounts that pod admission looks up.
      for (const namespace of ['default', 'kube-system']) {
        cluster.request({ verb: 'create', group: '', version: 'v1', resource: 'serviceaccounts', namespace, body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default' } } });
      }
      const out = await applyAction.perform({ text: read(e.file), defaultNamespace: 'default', request: async (r) => cluster.request(r) }, {});
      expect({ file: e.file, ok: out.ok, results: out.results }).toMatchObject({ file: e.file, ok: true });
    }
  });
});
