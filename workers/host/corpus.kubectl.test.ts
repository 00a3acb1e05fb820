/**
 * Every manifest of the shared corpus, applied alone to a fresh cluster with
 * real kubectl, is accepted or refused as a v1.32 cluster does
 * (../shared/corpus/INDEX.md), and `kubectl get -f` prints upstream columns.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { startTestHost, type TestHost } from './testing/kubectl';

const CORPUS = join(__dirname, '../../../shared/corpus/manifests');
const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yaml')).sort();

/** What kubectl prints for a created object: `deployment.apps/web created`. */
function createdLine(doc: { apiVersion: string; kind: string; metadata: { name: string } }): string {
  const group = doc.apiVersion.includes('/') ? doc.apiVersion.split('/')[0] : '';
  const kind = doc.kind.toLowerCase();
  return `${group ? `${kind}.${group}` : kind}/${doc.metadata.name} created`;
}

const REFUSED: Record<string, RegExp> = {
  'customresourcedefinition__shirt-resources.yaml': /no matches for kind "Shirt" in version "stable.example.com\/v1"/,
};

let hosts: TestHost[] = [];
afterAll(async () => {
  await Promise.all(hosts.map((h) => h.close()));
  hosts = [];
});

describe('the shared corpus against real kubectl', () => {
  it('has manifests to test', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  for (const file of files) {
    it(`applies ${file} as a v1.32 cluster does`, async () => {
      const h = await startTestHost({ seed: 11 });
      hosts.push(h);
      const path = join(CORPUS, file);
      const r = await h.kubectl(['apply', '-f', path]);
      const refused = REFUSED[file];
      if (refused) {
        expect(r.code).not.toBe(0);
        expect(r.stderr).toMatch(refused);
        return;
      }
      expect(r.stderr).toBe('');
      const docs = parseAllDocuments(readFileSync(path, 'utf8'))
        .map((d) => d.toJSON())
        .filter((d) => d && d.kind);
      for (const d of docs) expect(r.stdout).toContain(createdLine(d));
      const g = await h.kubectl(['get', '-f', path]);
      expect(g.stderr).toBe('');
      expect(g.stdout.split('\n')[0]).toMatch(/^NAME\s/);
      for (const d of docs) expect(g.stdout).toContain(d.metadata.name);
    });
  }
});
