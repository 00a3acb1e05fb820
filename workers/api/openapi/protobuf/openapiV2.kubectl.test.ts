/**
 * Real kubectl 1.32 reading our `/openapi/v2` protobuf. A loopback proxy in front of the test host
 * answers `/openapi/v2` from this folder (as the host's openapi route will) and forwards the rest.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../../host/testing/kubectl';
import { loadDefinitions } from '../definitions';
import { swaggerV2 } from '../swagger-v2';
import { encodeOpenApiV2, negotiateOpenApiV2, OPENAPI_V2_PROTOBUF_CONTENT_TYPE } from './index';

let h: TestHost;
let proxy: http.Server;
let server: string[];
const v2Accepts: string[] = [];

beforeAll(async () => {
  await loadDefinitions();
  h = await startTestHost({ seed: 7 });
  const target = new URL(h.url);
  proxy = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/openapi/v2') {
      v2Accepts.push(req.headers.accept ?? '');
      const format = negotiateOpenApiV2(req.headers.accept);
      const doc = swaggerV2(h.cluster.api.deps.registry.all());
      const body = format === 'protobuf' ? Buffer.from(encodeOpenApiV2(doc)) : Buffer.from(JSON.stringify(doc));
      res.writeHead(format ? 200 : 406, { 'Content-Type': format === 'protobuf' ? OPENAPI_V2_PROTOBUF_CONTENT_TYPE : 'application/json', 'Content-Length': format ? body.length : 0 });
      return res.end(format ? body : undefined);
    }
    const upstream = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  // A later --server overrides the host's own.
  server = ['--server', `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`];
});

afterAll(async () => {
  proxy?.closeAllConnections();
  await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
  await h?.close();
});

const LIST = (spec: string) => `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata:
    name: p
  spec:
${spec}`;

describe('kubectl 1.32 reads /openapi/v2 as protobuf', () => {
  it('explain --output=plaintext-openapiv2 prints the field docs of a core kind', async () => {
    const r = await h.kubectl([...server, 'explain', 'pods.spec.containers', '--output=plaintext-openapiv2']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^KIND: {5}Pod\nVERSION: {2}v1\n\nRESOURCE: containers <\[\]Object>\n\nDESCRIPTION:\n {5}List of containers belonging to the pod\./);
    expect(r.stdout).toContain('\n   image\t<string>\n     Container image name.');
    expect(r.stdout).toContain('\n   name\t<string> -required-\n');
    expect(r.stdout).toContain('\n   ports\t<[]Object>\n');
    expect(v2Accepts).toContain('application/com.github.proto-openapi.spec.v2@v1.0+protobuf');
  });

  it('explain finds kinds of named groups through x-kubernetes-group-version-kind', async () => {
    const r = await h.kubectl([...server, 'explain', 'deployments.spec.strategy.type', '--output=plaintext-openapiv2']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^KIND: {5}Deployment\nVERSION: {2}apps\/v1\n\nFIELD: {4}type <string>\n/);
    expect(r.stdout).toContain('Type of deployment. Can be "Recreate" or "RollingUpdate".');
  });

  it('validates client-side what the fieldValidation check cannot hand to the server (a List)', async () => {
    let r = await h.kubectl([...server, 'apply', '--validate=strict', '--dry-run=client', '-f', '-'], { stdin: LIST('    foo: 1\n    containers:\n    - name: c\n      image: nginx\n') });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: error validating "STDIN": error validating data: ValidationError(Pod.spec): unknown field "foo" in io.k8s.api.core.v1.PodSpec; if you choose to ignore these errors, turn validation off with --validate=false\n',
    );
    r = await h.kubectl([...server, 'apply', '--validate=strict', '--dry-run=client', '-f', '-'], { stdin: LIST('    containers:\n    - name: c\n      image: nginx\n      stdin: "yes"\n') });
    expect(r.stderr).toContain('ValidationError(Pod.spec.containers[0].stdin): invalid type for io.k8s.api.core.v1.Container.stdin: got "string", expected "boolean"');
    r = await h.kubectl([...server, 'apply', '--validate=strict', '--dry-run=client', '-f', '-'], { stdin: LIST('    containers:\n    - name: c\n      image: nginx\n') });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('pod/p created (dry run)');
  });

  it('lets apply of a kind the server does not serve get as far as the REST mapping', async () => {
    const r = await h.kubectl([...server, 'apply', '-f', '-'], { stdin: 'apiVersion: stable.example.com/v1\nkind: Shirt\nmetadata:\n  name: s\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no matches for kind "Shirt" in version "stable.example.com/v1"');
    expect(r.stderr).not.toContain('content type');
  });
});
