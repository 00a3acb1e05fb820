import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { loadDefinitions } from '../openapi/definitions';
import type { Definitions } from '../openapi/types';
import { decodeSchemaFor } from './compile';
import { decodeFailureMessage, decodeObject, parseFieldValidation } from './decode';

let defs: Definitions;
beforeAll(async () => {
  defs = await loadDefinitions();
});

const DEPLOY = { group: 'apps', version: 'v1', kind: 'Deployment' };
const POD = { group: '', version: 'v1', kind: 'Pod' };

function deployment(extra: (d: Record<string, any>) => void = () => {}): Record<string, unknown> {
  const d: Record<string, any> = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: 0.25 } } }] },
      },
    },
  };
  extra(d);
  return d;
}

describe('decodeObject', () => {
  it('accepts a valid Deployment in every mode', () => {
    for (const mode of ['Strict', 'Warn', 'Ignore'] as const) expect(decodeObject(defs, DEPLOY, deployment(), mode)).toEqual({ errors: [], warnings: [] });
  });

  it('reports unknown fields with full dotted paths in document order, list indices included', () => {
    const obj = deployment((d) => {
      d.spec.replica = 3;
      d.spec.template.spec.containers[0].imagee = 'x';
      d.metadata.nme = 'y';
    });
    expect(decodeObject(defs, DEPLOY, obj, 'Strict')).toEqual({
      errors: ['strict decoding error: unknown field "metadata.nme", unknown field "spec.template.spec.containers[0].imagee", unknown field "spec.replica"'],
      warnings: [],
    });
    expect(decodeObject(defs, DEPLOY, obj, 'Warn')).toEqual({
      errors: [],
      warnings: ['unknown field "metadata.nme"', 'unknown field "spec.template.spec.containers[0].imagee"', 'unknown field "spec.replica"'],
    });
    expect(decodeObject(defs, DEPLOY, obj, 'Ignore')).toEqual({ errors: [], warnings: [] });
  });

  it('is case-sensitive, like the API server decoder', () => {
    expect(decodeObject(defs, DEPLOY, deployment((d) => (d.spec.Replicas = 1)), 'Strict').errors).toEqual(['strict decoding error: unknown field "spec.Replicas"']);
  });

  it('prunes unknown fields in place when asked', () => {
    const obj = deployment((d) => (d.spec.template.spec.containers[0].imagee = 'x'));
    decodeObject(defs, DEPLOY, obj, 'Warn', { prune: true });
    expect(obj).toEqual(deployment());
  });

  it('reports type errors in encoding/json form, without list indices', () => {
    const cases: [(d: Record<string, any>) => void, string][] = [
      [(d) => (d.spec.replicas = 'three'), 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'],
      [(d) => (d.spec.replicas = 1.5), 'json: cannot unmarshal number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32'],
      [(d) => (d.spec.replicas = 3_000_000_000), 'json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32'],
      [(d) => (d.spec.template.spec.containers[0].image = 5), 'json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.image of type string'],
      [(d) => (d.metadata.labels.app = 1), 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string'],
      [(d) => (d.spec.template.spec.containers = { name: 'x' }), 'json: cannot unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container'],
      [(d) => (d.spec.strategy = 'Recreate'), 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.strategy of type v1.DeploymentStrategy'],
      [(d) => (d.spec.paused = 'yes'), 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool'],
      [(d) => (d.spec.template.spec.containers[0].resources.limits = 'lots'), 'json: cannot unmarshal string into Go struct field ResourceRequirements.spec.template.spec.containers.resources.limits of type v1.ResourceList'],
      [(d) => (d.spec.strategy.rollingUpdate.maxSurge = true), 'json: cannot unmarshal bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32'],
      [(d) => (d.spec.template.spec.containers[0].resources.limits.cpu = 'lots'), "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"],
      [(d) => (d.spec.template.spec.containers[0].resources.limits.memory = '1GG'), "unable to parse quantity's suffix"],
      [(d) => (d.metadata.creationTimestamp = 12), 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string'],
      [(d) => (d.metadata.creationTimestamp = '2024-01-01'), 'parsing time "2024-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"'],
    ];
    for (const [mutate, message] of cases) expect(decodeObject(defs, DEPLOY, deployment(mutate), 'Strict').errors).toEqual([message]);
  });

  it('reports only the first type error, and type errors win over unknown fields', () => {
    const obj = deployment((d) => {
      d.spec.unknownThing = 1;
      d.spec.replicas = 'a';
      d.spec.paused = 'b';
    });
    expect(decodeObject(defs, DEPLOY, obj, 'Strict').errors).toEqual(['json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32']);
    expect(decodeObject(defs, DEPLOY, obj, 'Warn')).toEqual({ errors: ['json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32'], warnings: [] });
  });

  it('accepts int-or-string, quantities as numbers, null anywhere and free-form fields', () => {
    const obj = deployment((d) => {
      d.spec.strategy.rollingUpdate.maxSurge = 2;
      d.spec.template.spec.containers[0].resources.limits.cpu = 2;
      d.spec.minReadySeconds = null;
      d.spec.template.spec.containers[0].ports = null;
      d.metadata.annotations = { 'kubectl.kubernetes.io/last-applied-configuration': '{}' };
      d.metadata.managedFields = [{ manager: 'kubectl', operation: 'Apply', fieldsV1: { 'f:spec': { 'f:replicas': {} } }, time: '2024-05-01T10:00:00Z' }];
      d.metadata.creationTimestamp = null;
    });
    expect(decodeObject(defs, DEPLOY, obj, 'Strict')).toEqual({ errors: [], warnings: [] });
  });

  it('checks base64 in []byte fields', () => {
    const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { ok: 'aGVsbG8=', bad: 'not base64!' } };
    expect(decodeObject(defs, { group: '', version: 'v1', kind: 'Secret' }, secret, 'Strict').errors).toEqual(['illegal base64 data at input byte 3']);
  });

  it('rejects a body that is not an object', () => {
    expect(decodeObject(defs, POD, [1], 'Strict').errors).toEqual(['json: cannot unmarshal array into Go value of type v1.Pod']);
  });

  it('throws for a kind it has no schema for (a programmer error)', () => {
    expect(() => decodeObject(defs, { group: 'stable.example.com', version: 'v1', kind: 'Shirt' }, {}, 'Strict')).toThrow(/no OpenAPI definition/);
  });

  it('formats the BadRequest message as the API server does', () => {
    expect(decodeFailureMessage(DEPLOY, 'strict decoding error: unknown field "spec.replica"')).toBe('Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replica"');
  });

  it('accepts every built-in manifest of the corpus', () => {
    const dir = '/work/shared/corpus/manifests';
    let checked = 0;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      for (const doc of parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8'))) {
        const obj = doc.toJSON() as { apiVersion?: string; kind?: string } | null;
        if (!obj?.kind || !obj.apiVersion) continue;
        const i = obj.apiVersion.indexOf('/');
        const gvk = { group: i < 0 ? '' : obj.apiVersion.slice(0, i), version: obj.apiVersion.slice(i + 1), kind: obj.kind };
        if (gvk.group === 'stable.example.com') continue;
        expect({ file, kind: obj.kind, ...decodeObject(defs, gvk, obj, 'Strict') }).toEqual({ file, kind: obj.kind, errors: [], warnings: [] });
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(35);
  });

  it('compiles the schema once per definitions object', () => {
    expect(decodeSchemaFor(defs)).toBe(decodeSchemaFor(defs));
    expect(decodeSchemaFor(defs).definition('io.k8s.api.apps.v1.Deployment')).toBe(decodeSchemaFor(defs).definition('io.k8s.api.apps.v1.Deployment'));
    expect(decodeSchemaFor({ ...defs })).not.toBe(decodeSchemaFor(defs));
  });

  it('reads the fieldValidation parameter with Warn as the server default', () => {
    expect(parseFieldValidation(undefined)).toBe('Warn');
    expect(parseFieldValidation('')).toBe('Warn');
    expect(parseFieldValidation('Strict')).toBe('Strict');
    expect(parseFieldValidation('strict')).toBeUndefined();
  });
});

describe('unknown-field paths', () => {
  // The joined path, built the way the decoder did before it kept a segment stack.
  function reference(segs: (string | number)[]): string {
    let path = '';
    for (const s of segs) path = typeof s === 'number' ? `${path}[${s}]` : path ? `${path}.${s}` : s;
    return path;
  }
  it('name nested, listed and empty-keyed fields as before', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', '': { x: 1 } },
      spec: { containers: [{ name: 'c', image: 'i', imagee: 'typo' }, { name: 'd', image: 'i', ports: [{ containerPort: 1, bogus: true }] }], extra: 1 },
      '': 2,
    };
    const r = decodeObject(defs, { group: '', version: 'v1', kind: 'Pod' }, structuredClone(pod), 'Warn');
    const want = [['metadata', ''], ['spec', 'containers', 0, 'imagee'], ['spec', 'containers', 1, 'ports', 0, 'bogus'], ['spec', 'extra'], ['']].map(
      (segs) => `unknown field ${JSON.stringify(reference(segs))}`,
    );
    expect(r.warnings).toEqual(want);
    expect(r.warnings[1]).toBe('unknown field "spec.containers[0].imagee"');
  });
});

describe('time strings', () => {
  it('accept RFC 3339 and word errors as time.Parse does', async () => {
    const { timeError } = await import('./time');
    for (const ok of ['2025-01-01T00:00:00Z', '2025-01-01T00:00:00.5Z', '2025-01-01T00:00:00.123456+02:00', '9999-99-99T99:99:99-00:00']) expect(timeError(ok, false)).toBeUndefined();
    expect(timeError('2025-01-01T00:00:00.Z', false)).toBe('parsing time "2025-01-01T00:00:00.Z" as "2006-01-02T15:04:05Z07:00": cannot parse ".Z" as "Z07:00"');
    expect(timeError('2025-01-01T00:00:00Zx', false)).toBe('parsing time "2025-01-01T00:00:00Zx": extra text: "x"');
    expect(timeError('2025-01-01 00:00:00Z', true)).toBe('parsing time "2025-01-01 00:00:00Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse " 00:00:00Z" as "T"');
  });
});
