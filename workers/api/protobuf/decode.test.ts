import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeKubernetesProtobuf, protobufDecodeFailureMessage } from './decode';
import { bytes, concat, entry, envelope, fixed32, int, msg, str, varint } from './testing/encode';

const testdata = join(import.meta.dirname, 'testdata');
const fixture = (name: string) => new Uint8Array(readFileSync(join(testdata, name)));
const json = (name: string): unknown => JSON.parse(readFileSync(join(testdata, name), 'utf8'));

function decodeOk(body: Uint8Array): Record<string, unknown> {
  const res = decodeKubernetesProtobuf(body);
  if (!res.ok) throw new Error(`decode failed: ${res.message}`);
  return res.object;
}

describe('kubectl request bodies (testdata/*.pb, captured from kubectl 1.32)', () => {
  // Each .pb was sent with --dry-run=server; the .json beside it is the same command's
  // --dry-run=client -o json: the object kubectl builds, as JSON.
  const withJson = readdirSync(testdata)
    .filter((f) => f.endsWith('.pb') && readdirSync(testdata).includes(f.replace(/\.pb$/, '.json')))
    .map((f) => f.replace(/\.pb$/, ''));

  it('has the fixtures the brief asks for', () => {
    expect(withJson).toEqual(expect.arrayContaining(['configmap', 'secret', 'deployment', 'job', 'namespace', 'service', 'quota', 'pdb']));
  });

  it.each(withJson)('%s decodes to what kubectl would have sent as JSON', (name) => {
    expect(decodeOk(fixture(`${name}.pb`))).toEqual(json(`${name}.json`));
  });

  it('keeps the wire values that matter: bytes as base64, IntOrString, explicit zero replicas', () => {
    expect(decodeOk(fixture('secret.pb')).data).toEqual({ password: 'czNjcjN0', bin: '/wABgA==' });
    const svc = decodeOk(fixture('service.pb')) as { spec: { ports: unknown[] } };
    expect(svc.spec.ports).toEqual([
      { name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 },
      { name: '443-https', protocol: 'TCP', port: 443, targetPort: 'https' },
    ]);
    const idle = decodeOk(fixture('deployment-zero.pb')) as { spec: { replicas?: number } };
    expect(idle.spec.replicas).toBe(0);
    const quota = decodeOk(fixture('quota.pb')) as { spec: { hard: unknown } };
    expect(quota.spec.hard).toEqual({ cpu: '1500m', memory: '1Gi', pods: '10' });
  });

  it('decodes the pod kubectl debug node/… creates (inline VolumeSource, hostPath)', () => {
    const pod = decodeOk(fixture('pod.pb')) as { metadata: { name: string }; spec: Record<string, unknown> };
    expect(pod.metadata.name).toMatch(/^node-debugger-n1-/);
    expect(pod.spec).toEqual({
      volumes: [{ name: 'host-root', hostPath: { path: '/' } }],
      containers: [{ name: 'debugger', image: 'busybox', resources: {}, volumeMounts: [{ name: 'host-root', mountPath: '/host' }], terminationMessagePolicy: 'File' }],
      restartPolicy: 'Never',
      nodeName: 'n1',
      hostNetwork: true,
      hostPID: true,
      hostIPC: true,
      tolerations: [{ operator: 'Exists' }],
    });
  });

  it('decodes the SelfSubjectAccessReview of kubectl auth can-i, keeping the required allowed: false', () => {
    expect(decodeOk(fixture('selfsubjectaccessreview.pb'))).toEqual({
      kind: 'SelfSubjectAccessReview',
      apiVersion: 'authorization.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec: { resourceAttributes: { namespace: 'default', verb: 'get', resource: 'pods' } },
      status: { allowed: false },
    });
  });

  it('decodes the TokenRequest of kubectl create token (uID renamed to uid, required status fields kept)', () => {
    expect(decodeOk(fixture('tokenrequest.pb'))).toEqual({
      kind: 'TokenRequest',
      apiVersion: 'authentication.k8s.io/v1',
      metadata: { creationTimestamp: null },
      spec: { audiences: ['a'], boundObjectRef: { kind: 'Pod', apiVersion: 'v1', name: 'p', uid: 'u1' }, expirationSeconds: 3600 },
      status: { token: '', expirationTimestamp: null },
    });
  });

  it('decodes an Eviction (with DeleteOptions) to the JSON kubectl drain sends', () => {
    // Go's gogo Marshal writes non-pointer fields even when empty: name, generateName, namespace, ...
    const objectMeta = msg(1, str(1, 'web-1'), str(2, ''), str(3, 'default'), str(4, ''), str(5, ''), str(6, ''), int(7, 0), msg(8));
    const body = envelope('policy/v1', 'Eviction', objectMeta, msg(2, int(1, 30)));
    expect(decodeOk(body)).toEqual(json('eviction.request.json'));
  });
});

describe('apimachinery types', () => {
  const meta = (...fields: Uint8Array[]) => msg(1, ...fields);

  it('renders Time as RFC 3339 seconds and MicroTime with six fractional digits', () => {
    const lease = decodeOk(envelope('coordination.k8s.io/v1', 'Lease', meta(str(1, 'l'), msg(8, int(1, 1735689600), int(2, 5e8))), msg(2, msg(3, int(1, 1735689600), int(2, 123456789)), msg(4))));
    expect(lease).toEqual({
      kind: 'Lease',
      apiVersion: 'coordination.k8s.io/v1',
      metadata: { name: 'l', creationTimestamp: '2025-01-01T00:00:00Z' },
      spec: { acquireTime: '2025-01-01T00:00:00.123456Z', renewTime: null },
    });
  });

  it('renders RawExtension and FieldsV1 as the JSON they carry, and nested protobuf envelopes decoded', () => {
    const inner = envelope('v1', 'ConfigMap', meta(str(1, 'inner')));
    const rev = decodeOk(
      envelope(
        'apps/v1',
        'ControllerRevision',
        meta(str(1, 'r'), msg(17, str(1, 'kubectl'), str(2, 'Update'), msg(7, bytes(1, new TextEncoder().encode('{"f:data":{}}'))))),
        msg(2, bytes(1, new TextEncoder().encode('{"spec":{"x":[1,2]}}'))),
        int(3, 2),
      ),
    );
    expect(rev).toMatchObject({ metadata: { managedFields: [{ manager: 'kubectl', operation: 'Update', fieldsV1: { 'f:data': {} } }] }, data: { spec: { x: [1, 2] } }, revision: 2 });
    const nested = decodeOk(envelope('apps/v1', 'ControllerRevision', msg(2, bytes(1, inner))));
    expect(nested.data).toEqual({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'inner' } });
    const empty = decodeOk(envelope('apps/v1', 'ControllerRevision', msg(2)));
    expect(empty.data).toBeNull();
  });

  it('flattens Go embedded structs (json ",inline") into their parent', () => {
    const configMapVolume = msg(1, str(1, 'cfg'), msg(2, msg(19, msg(1, str(1, 'settings')), int(3, 420))));
    const probe = msg(10, msg(1, msg(2, str(1, '/healthz'), msg(2, int(1, 1), str(3, 'http')))), int(2, 5));
    const envFrom = msg(7, str(1, 'A'), msg(3, msg(3, msg(1, str(1, 'cm')), str(2, 'k'))));
    const pod = decodeOk(envelope('v1', 'Pod', meta(str(1, 'p')), msg(2, configMapVolume, msg(2, str(1, 'c'), probe, envFrom))));
    expect(pod.spec).toEqual({
      volumes: [{ name: 'cfg', configMap: { name: 'settings', defaultMode: 420 } }],
      containers: [{ name: 'c', livenessProbe: { httpGet: { path: '/healthz', port: 'http' }, initialDelaySeconds: 5 }, env: [{ name: 'A', valueFrom: { configMapKeyRef: { name: 'cm', key: 'k' } } }] }],
    });
  });

  it('unwraps Verbs/ExtraValue wrappers into arrays and decodes unversioned kinds in any version', () => {
    const list = decodeOk(envelope('v1', 'APIResourceList', str(1, 'v1'), msg(2, str(1, 'pods'), int(2, true), str(3, 'Pod'), msg(4, str(1, 'get'), str(1, 'list')), str(6, 'pod'))));
    expect(list.resources).toEqual([{ name: 'pods', namespaced: true, kind: 'Pod', verbs: ['get', 'list'], singularName: 'pod' }]);
    expect(decodeKubernetesProtobuf(envelope('apps/v1', 'Status', str(2, 'Failure'), int(6, 404))).ok).toBe(true);
    const csr = decodeOk(envelope('certificates.k8s.io/v1', 'CertificateSigningRequest', msg(2, bytes(1, Uint8Array.from([1, 2, 3])), msg(6, str(1, 'scopes'), msg(2, str(1, 'a'), str(1, 'b'))), str(7, 'kubernetes.io/kube-apiserver-client'))));
    expect(csr.spec).toEqual({ request: 'AQID', extra: { scopes: ['a', 'b'] }, signerName: 'kubernetes.io/kube-apiserver-client' });
  });

  it('gives map values missing from their entry the Go zero value', () => {
    const cm = decodeOk(envelope('v1', 'ConfigMap', meta(str(1, 'x'), msg(11, str(1, 'only-key'))), msg(2, str(1, 'k'))));
    expect(cm).toMatchObject({ metadata: { labels: { 'only-key': '' } }, data: { k: '' } });
    const rr = decodeOk(envelope('v1', 'Pod', msg(2, msg(2, str(1, 'c'), msg(8, msg(1, str(1, 'cpu')))))));
    expect((rr.spec as { containers: { resources: unknown }[] }).containers[0].resources).toEqual({ limits: { cpu: '0' } });
  });

  it('drops zero values of non-pointer omitempty scalars but keeps pointer zeros', () => {
    // ObjectMeta.generation is an int64 with omitempty; PodSpec.terminationGracePeriodSeconds is *int64.
    const pod = decodeOk(envelope('v1', 'Pod', meta(str(1, 'p'), int(7, 0), str(3, '')), msg(2, int(4, 0), str(3, ''), int(11, false))));
    expect(pod).toEqual({ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'p' }, spec: { terminationGracePeriodSeconds: 0 } });
  });

  it('reads negative, 64-bit and packed varints, and skips unknown fields', () => {
    const body = envelope(
      'v1',
      'Pod',
      meta(str(1, 'p'), int(10, -30), int(99, 7), fixed32(98, 1), str(97, 'x')),
      msg(2, int(5, 2 ** 40), int(25, -1), msg(14, int(2, -(2 ** 40)))),
    );
    const pod = decodeOk(body);
    expect(pod.metadata).toEqual({ name: 'p', deletionGracePeriodSeconds: -30 });
    expect(pod.spec).toEqual({ activeDeadlineSeconds: 2 ** 40, priority: -1, securityContext: { runAsUser: -(2 ** 40) } });
    // PodSecurityContext.supplementalGroups is a repeated int64: accepted packed and unpacked
    const packed = decodeOk(envelope('v1', 'Pod', msg(2, msg(14, bytes(4, concat(varint(1000), varint(2000)))))));
    expect((packed.spec as { securityContext: unknown }).securityContext).toEqual({ supplementalGroups: [1000, 2000] });
    const unpacked = decodeOk(envelope('v1', 'Pod', msg(2, msg(14, int(4, 1000), int(4, 2000)))));
    expect(unpacked.spec).toEqual(packed.spec);
  });

  it('merges a repeated occurrence of a message field, last scalar wins', () => {
    const cm = decodeOk(envelope('v1', 'ConfigMap', meta(str(1, 'a'), entry(11, 'x', '1')), meta(str(1, 'b'), entry(11, 'y', '2'))));
    expect(cm.metadata).toEqual({ name: 'b', labels: { x: '1', y: '2' } });
  });
});

describe('errors', () => {
  it('mirrors the protobuf serializer for empty, unprefixed and prefix-only bodies', () => {
    expect(decodeKubernetesProtobuf(new Uint8Array())).toEqual({ ok: false, message: 'empty data' });
    expect(decodeKubernetesProtobuf(new TextEncoder().encode('{"kind":"Pod"}'))).toEqual({ ok: false, message: 'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]' });
    expect(decodeKubernetesProtobuf(Uint8Array.from([0x6b, 0x38, 0x73]))).toMatchObject({ ok: false, message: expect.stringContaining('expected prefix') });
    expect(decodeKubernetesProtobuf(Uint8Array.from([0x6b, 0x38, 0x73, 0x00]))).toEqual({ ok: false, message: 'empty body' });
  });

  it('reports unexpected EOF for every truncation inside a field, and never throws', () => {
    const body = fixture('deployment.pb');
    let eofs = 0;
    for (let n = 5; n < body.length; n++) {
      const res = decodeKubernetesProtobuf(body.subarray(0, n));
      if (!res.ok) {
        expect(res.message).toBe('unexpected EOF');
        eofs++;
      }
    }
    expect(eofs).toBeGreaterThan(body.length - 10);
  });

  it('rejects a length that runs past its enclosing message', () => {
    // metadata claims 50 bytes but the raw message holds 3
    const body = envelope('v1', 'ConfigMap', concat(varint((1 << 3) | 2), varint(50), str(1, 'x')));
    expect(decodeKubernetesProtobuf(body)).toMatchObject({ ok: false, message: 'unexpected EOF', kind: 'ConfigMap' });
  });

  it('names unregistered kinds and versions as the scheme does', () => {
    const res = decodeKubernetesProtobuf(envelope('v1', 'Deployment'));
    expect(res).toEqual({ ok: false, message: 'no kind "Deployment" is registered for version "v1" in scheme "pkg/api/legacyscheme/scheme.go:30"', apiVersion: 'v1', kind: 'Deployment' });
    expect(decodeKubernetesProtobuf(envelope('example.com/v1', 'Widget'))).toMatchObject({ ok: false, message: 'no kind "Widget" is registered for version "example.com/v1" in scheme "pkg/api/legacyscheme/scheme.go:30"' });
    if (!res.ok) {
      expect(protobufDecodeFailureMessage(res, 'ConfigMap', envelope('v1', 'Deployment'))).toBe(
        'Deployment in version "v1" cannot be handled as a ConfigMap: no kind "Deployment" is registered for version "v1" in scheme "pkg/api/legacyscheme/scheme.go:30"',
      );
    }
  });

  it('fills a missing kind or version from the endpoint, else reports it missing', () => {
    const noKind = envelope('v1', '', msg(1, str(1, 'x')));
    expect(decodeKubernetesProtobuf(noKind)).toMatchObject({ ok: false, message: `Object 'Kind' is missing in 'runtime.TypeMeta{APIVersion:"v1", Kind:""}'` });
    expect(decodeKubernetesProtobuf(noKind, { apiVersion: 'v1', kind: 'ConfigMap' })).toEqual({ ok: true, object: { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'x' } } });
    const noVersion = envelope('', 'Namespace');
    expect(decodeKubernetesProtobuf(noVersion)).toMatchObject({ ok: false, message: `Object 'apiVersion' is missing in 'runtime.TypeMeta{APIVersion:"", Kind:"Namespace"}'` });
    expect(decodeKubernetesProtobuf(noVersion, { apiVersion: 'v1', kind: 'Namespace' })).toMatchObject({ ok: true, object: { kind: 'Namespace', apiVersion: 'v1' } });
  });

  it('rejects a field sent with the wrong wire type, naming the field', () => {
    const body = envelope('v1', 'ConfigMap', msg(1, int(1, 5)));
    expect(decodeKubernetesProtobuf(body)).toMatchObject({ ok: false, message: 'proto: wrong wireType = 0 for field Name' });
  });

  it('rejects illegal tags, end groups and invalid raw JSON', () => {
    expect(decodeKubernetesProtobuf(envelope('v1', 'ConfigMap', Uint8Array.from([0x02, 0x00])))).toMatchObject({ ok: false, message: 'proto: ConfigMap: illegal tag 0 (wire type 2)' });
    expect(decodeKubernetesProtobuf(envelope('v1', 'ConfigMap', Uint8Array.from([0x0c])))).toMatchObject({ ok: false, message: 'proto: ConfigMap: wiretype end group for non-group' });
    const bad = decodeKubernetesProtobuf(envelope('apps/v1', 'ControllerRevision', msg(2, bytes(1, new TextEncoder().encode('{nope')))));
    expect(bad).toMatchObject({ ok: false, message: expect.stringContaining('RawExtension: invalid JSON') });
  });

  it('summarises an undecodable envelope as the apiserver does', () => {
    const body = concat(Uint8Array.from([0x6b, 0x38, 0x73, 0x00]), Uint8Array.from([0x0a, 0x40]));
    const res = decodeKubernetesProtobuf(body);
    expect(res).toEqual({ ok: false, message: 'unexpected EOF' });
    if (!res.ok) expect(protobufDecodeFailureMessage(res, 'Pod', body)).toBe('the object provided is unrecognized (must be of type Pod): unexpected EOF (6b3873000a40)');
  });
});
