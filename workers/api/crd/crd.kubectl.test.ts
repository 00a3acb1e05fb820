import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startTestHost, type TestHost } from '../../host/testing/kubectl';
import { serveCustomResources } from './testing';

const CORPUS = '/work/shared/corpus/manifests/customresourcedefinition__shirt-resources.yaml';

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: shirts.stable.example.com
spec:
  group: stable.example.com
  scope: Namespaced
  names:
    plural: shirts
    singular: shirt
    kind: Shirt
    shortNames: [sh]
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              color:
                type: string
              size:
                type: string
                enum: [S, M, L]
    selectableFields:
    - jsonPath: .spec.color
    - jsonPath: .spec.size
    additionalPrinterColumns:
    - jsonPath: .spec.color
      name: Color
      type: string
    - jsonPath: .spec.size
      name: Size
      type: string
`;

const SHIRT_WITH_SLEEVE = `apiVersion: stable.example.com/v1
kind: Shirt
metadata:
  name: sleeved
spec:
  color: red
  size: S
  sleeve: long
`;

let h: TestHost;
/** Whether the host's /openapi/v3 index covers custom resources yet (the lead wires definitionsWithCustomResources there). */
let openapiServesShirts = false;
const validate = () => (openapiServesShirts ? [] : ['--validate=false']);
beforeAll(async () => {
  h = await startTestHost({ seed: 5, nodes: 1 });
  // Until cluster.ts wires them: the CRD controllers and custom-resource machinery on this host's cluster.
  serveCustomResources(h.cluster);
});
afterAll(async () => {
  await h?.close();
});

describe('kubectl and CustomResourceDefinitions', () => {
  it('refuses shirts without the CRD', async () => {
    // Client-side validation needs /openapi/v2 as protobuf, which the host does not speak; the mapping error is what matters.
    const r = await h.kubectl(['apply', '--validate=false', '-f', h.file('shirts.yaml', readFileSync(CORPUS, 'utf8'))]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('no matches for kind "Shirt" in version "stable.example.com/v1"');
    expect(r.stderr).toContain('ensure CRDs are installed first');
  });

  it('creates the CRD, waits for Established, then serves and prints shirts', async () => {
    let r = await h.kubectl(['apply', '-f', h.file('crd.yaml', CRD)]);
    expect(r.stdout.trim()).toBe('customresourcedefinition.apiextensions.k8s.io/shirts.stable.example.com created');
    r = await h.kubectl(['wait', '--for=condition=Established', 'crd/shirts.stable.example.com', '--timeout=30s']);
    expect(r.stdout.trim()).toBe('customresourcedefinition.apiextensions.k8s.io/shirts.stable.example.com condition met');
    const doc = await fetch(`${h.url}/openapi/v3/apis/stable.example.com/v1`);
    openapiServesShirts = doc.ok && 'com.example.stable.v1.Shirt' in ((await doc.json()) as { components: { schemas: object } }).components.schemas;

    r = await h.kubectl(['apply', ...validate(), '-f', h.file('shirts.yaml', readFileSync(CORPUS, 'utf8'))]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toEqual(['shirt.stable.example.com/example1 created', 'shirt.stable.example.com/example2 created', 'shirt.stable.example.com/example3 created']);

    r = await h.kubectl(['get', 'shirts']);
    expect(r.stdout.split('\n').map((l) => l.trimEnd())).toEqual(['NAME       COLOR   SIZE', 'example1   blue    S', 'example2   blue    M', 'example3   green   M', '']);
    r = await h.kubectl(['get', 'sh', 'example3', '-o', 'jsonpath={.spec.color} {.metadata.generation}']);
    expect(r.stdout).toBe('green 1');
  });

  it('reports schema errors the way kube-apiserver does', async () => {
    const bad = `apiVersion: stable.example.com/v1
kind: Shirt
metadata:
  name: bad
spec:
  color: red
  size: XXL
`;
    let r = await h.kubectl(['apply', ...validate(), '-f', h.file('bad.yaml', bad)]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('The Shirt "bad" is invalid: spec.size: Unsupported value: "XXL": supported values: "S", "M", "L"');

    r = await h.kubectl(['patch', 'shirt', 'example1', '-p', '{"spec":{"size":"L"}}']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml');
    r = await h.kubectl(['patch', 'shirt', 'example1', '--type=merge', '-p', '{"spec":{"size":"L"}}']);
    expect(r.stdout.trim()).toBe('shirt.stable.example.com/example1 patched');
  });

  it('refuses unknown fields with kubectl\'s Strict field validation', async (ctx) => {
    // kubectl sends fieldValidation=Strict only once /openapi/v3 lists the group-version.
    if (!openapiServesShirts) ctx.skip();
    const r = await h.kubectl(['apply', '-f', h.file('unknown.yaml', SHIRT_WITH_SLEEVE)]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('Shirt in version "v1" cannot be handled as a Shirt: strict decoding error: unknown field "spec.sleeve"');
    const explain = await h.kubectl(['explain', 'shirt.spec']);
    expect(explain.stdout).toContain('KIND:       Shirt');
    expect(explain.stdout).toMatch(/color\s+<string>/);
  });

  it('warns about unknown fields and drops them without validation', async () => {
    const r = await h.kubectl(['apply', '--validate=false', '-f', h.file('unknown2.yaml', SHIRT_WITH_SLEEVE)]);
    expect(r.stdout.trim()).toBe('shirt.stable.example.com/sleeved created');
    const got = await h.kubectl(['get', 'shirt', 'sleeved', '-o', 'jsonpath={.spec}']);
    expect(got.stdout).toBe('{"color":"red","size":"S"}');
  });

  it('deleting the CRD takes its shirts with it', async () => {
    let r = await h.kubectl(['delete', 'crd', 'shirts.stable.example.com', '--timeout=30s']);
    expect(r.stdout.trim()).toBe('customresourcedefinition.apiextensions.k8s.io "shirts.stable.example.com" deleted');
    const deadline = Date.now() + 20_000;
    do {
      r = await h.kubectl(['get', 'crd']);
      if (!r.stdout.includes('shirts')) break;
      await new Promise((res) => setTimeout(res, 200));
    } while (Date.now() < deadline);
    expect(r.stdout).not.toContain('shirts.stable.example.com');
    expect(h.cluster.store.list('/registry/stable.example.com/shirts/')).toHaveLength(0);
    // kubectl's discovery cache still knows shirts, so the list itself gets the 404, as against a real cluster.
    r = await h.kubectl(['get', 'shirts']);
    expect(r.stderr).toContain('Error from server (NotFound): Unable to list "stable.example.com/v1, Resource=shirts": the server could not find the requested resource');
  });
});
