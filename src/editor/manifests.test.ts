import { describe, it, expect } from 'vitest';
import { parseFieldPath } from './fieldPath';
import { MAX_MANIFEST_BYTES, parseManifests, parseManifestsAsync } from './manifests';

const DEPLOYMENT = `# web tier
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - containerPort: 80
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
    - port: 80
`;

function parsedOk(text: string) {
  const r = parseManifests(text);
  if (!r.ok) throw new Error(`expected a parse: ${JSON.stringify(r.problems)}`);
  return r;
}

describe('parseManifests', () => {
  it('reads every document of a multi-document text, in order, skipping empty ones', () => {
    const r = parsedOk(`${DEPLOYMENT}---\n# only a comment\n---\n${SERVICE}---\n`);
    expect(r.objects.map((o) => [o.index, o.docIndex, o.kind, o.name, o.namespace])).toEqual([
      [0, 0, 'Deployment', 'web', undefined],
      [1, 2, 'Service', 'web', 'shop'],
    ]);
    expect(r.objects[0].object).toMatchObject({ spec: { replicas: 3, template: { spec: { containers: [{ image: 'nginx:1.27' }] } } } });
  });

  it('reads YAML 1.1 as kubectl does: octal modes, yes/no booleans, dates as strings', () => {
    const r = parsedOk('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  mode: 0644\n  on: yes\n  day: 2024-01-01\n');
    expect(r.objects[0].object.data).toEqual({ mode: 420, true: true, day: '2024-01-01' });
  });

  it('expands a kind: List into its items', () => {
    const r = parsedOk('apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: b}\n');
    expect(r.objects.map((o) => o.name)).toEqual(['a', 'b']);
    expect(r.source.rangeOfPath(r.objects[1], parseFieldPath('metadata.name')).startLine).toBe(9);
  });

  it('reports syntax errors at their line and column, and returns no objects', () => {
    const r = parseManifests(`${DEPLOYMENT}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n data: oops\n`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.length).toBeGreaterThan(0);
    // Line 26 is ` data: oops`, indented less than its siblings.
    expect(r.problems[0].range).toEqual({ startLine: 26, startColumn: 1, endLine: 26, endColumn: 12 });
  });

  it('reports an unclosed flow sequence and duplicate keys', () => {
    const unclosed = parseManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels: [a\n');
    expect(unclosed.ok).toBe(false);
    const dup = parseManifests('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  name: q\n');
    expect(dup.ok).toBe(false);
    if (!dup.ok) {
      expect(dup.problems[0].message).toMatch(/unique/);
      expect(dup.problems[0].range.startLine).toBe(5);
    }
  });

  it('checks apiVersion, kind and name the way kubectl does before sending', () => {
    const noKind = parseManifests('---\nmetadata:\n  name: x\n');
    expect(noKind).toMatchObject({ ok: false, problems: [{ message: 'error validating data: [apiVersion not set, kind not set]', range: { startLine: 2 } }] });
    const noName = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: {a: b}\n');
    expect(noName).toMatchObject({ ok: false, problems: [{ message: 'resource name may not be empty', range: { startLine: 3 } }] });
    const scalar = parseManifests('just a string\n');
    expect(scalar.ok).toBe(false);
  });

  it('refuses texts over 3 MiB without parsing them', () => {
    const big = 'a'.repeat(MAX_MANIFEST_BYTES + 1);
    const r = parseManifests(big);
    expect(r).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/at most 3\.0 MiB/) }] });
  });

  it('reports client-side problems of every document', () => {
    const r = parseManifests('kind: ConfigMap\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n---\napiVersion: v1\n');
    expect(r).toMatchObject({ ok: false, problems: [{ range: { startLine: 1 } }, { range: { startLine: 7 } }] });
  });

  it('parses the same asynchronously, giving the page time between documents', async () => {
    const text = Array.from({ length: 200 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`).join('---\n');
    let settled = false;
    const pending = parseManifestsAsync(text, 0).then((r) => {
      settled = true;
      return r;
    });
    await Promise.resolve();
    expect(settled).toBe(false);
    const r = await pending;
    const sync = parseManifests(text);
    expect(r.ok && sync.ok && r.objects.map((o) => o.name)).toEqual(sync.ok && sync.objects.map((o) => o.name));
    expect(r.ok && r.objects).toHaveLength(200);
  });

  it('parses an empty text to no objects', () => {
    expect(parsedOk('').objects).toEqual([]);
    expect(parsedOk('# nothing\n').objects).toEqual([]);
  });
});

describe('SourceMap.rangeOfPath (field path → YAML line)', () => {
  const text = `${DEPLOYMENT}---\n${SERVICE}`;
  const r = parsedOk(text);
  const [dep, svc] = r.objects;
  const at = (o: typeof dep, path: string) => r.source.rangeOfPath(o, parseFieldPath(path));

  it('points at the key and scalar value of the field', () => {
    expect(at(dep, 'spec.template.spec.containers[0].image')).toEqual({ startLine: 18, startColumn: 11, endLine: 18, endColumn: 28 });
    expect(at(dep, 'spec.replicas')).toMatchObject({ startLine: 7 });
  });

  it('points at a mapping key on its own line for collection values', () => {
    expect(at(dep, 'spec.template.metadata.labels')).toEqual({ startLine: 13, startColumn: 7, endLine: 13, endColumn: 13 });
    expect(at(dep, 'spec.selector')).toMatchObject({ startLine: 8 });
  });

  it('counts lines from the start of the whole text for later documents', () => {
    expect(at(svc, 'metadata.namespace')).toMatchObject({ startLine: 26 });
    expect(at(svc, 'spec.ports[0].port')).toMatchObject({ startLine: 31 });
    expect(at(svc, '.spec.ports[port=80]')).toMatchObject({ startLine: 31 });
  });

  it('falls back to the deepest written part of a path that is not in the text', () => {
    // A missing required image: the container item it belongs to.
    expect(at(dep, 'spec.template.spec.containers[0].resources.limits[cpu]')).toMatchObject({ startLine: 17 });
    expect(at(dep, 'spec.template.spec.containers[3].image')).toMatchObject({ startLine: 16 });
    // Nothing matches: the object's first line.
    expect(at(dep, 'status.replicas')).toMatchObject({ startLine: 2 });
    expect(at(svc, '')).toMatchObject({ startLine: 22 });
  });
});
