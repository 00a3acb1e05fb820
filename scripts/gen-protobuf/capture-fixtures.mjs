#!/usr/bin/env node
/**
 * Captures the protobuf request bodies real kubectl 1.32 sends, as test fixtures for
 * workers/api/protobuf/ (testdata/<name>.pb), next to what the same command prints with
 * `--dry-run=client -o json` (testdata/<name>.json) where kubectl can build the object offline.
 *
 * kubectl talks to a throwaway loopback server here that answers just enough (version, discovery,
 * a node with one pod for `drain`) and echoes each protobuf POST back, so commands succeed.
 *
 * Usage: node scripts/gen-protobuf/capture-fixtures.mjs [--kubectl PATH]
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = path.join(root, 'workers/api/protobuf/testdata');
const args = process.argv.slice(2);
const kubectl = args.includes('--kubectl') ? args[args.indexOf('--kubectl') + 1] : '/usr/bin/kubectl';

/** name → kubectl arguments; `client: false` when there is no offline `-o json` equivalent. */
const commands = (scratch) => [
  { name: 'configmap', args: ['create', 'configmap', 'x', '--from-literal=a=b', '--from-literal=empty='] },
  { name: 'secret', args: ['create', 'secret', 'generic', 's', '--from-literal=password=s3cr3t', `--from-file=bin=${path.join(scratch, 'bin')}`] },
  { name: 'deployment', args: ['create', 'deployment', 'web', '--image=nginx', '--replicas=3', '--port=80'] },
  { name: 'deployment-zero', args: ['create', 'deployment', 'idle', '--image=nginx', '--replicas=0'] },
  { name: 'job', args: ['create', 'job', 'j', '--image=busybox', '--', 'echo', 'hi'] },
  { name: 'cronjob', args: ['create', 'cronjob', 'c', '--image=busybox', '--schedule=*/5 * * * *'] },
  { name: 'namespace', args: ['create', 'namespace', 'ns1'] },
  { name: 'service', args: ['create', 'service', 'clusterip', 's', '--tcp=80:8080', '--tcp=443:https'] },
  // `kubectl run` and `expose` post JSON (resource.Helper); `debug node/…` creates its pod with the typed client.
  { name: 'pod', args: ['debug', 'node/n1', '--image=busybox', '--profile=general'], client: false, serverDryRun: false },
  { name: 'quota', args: ['create', 'quota', 'q', '--hard=cpu=1500m,memory=1Gi,pods=10'] },
  { name: 'pdb', args: ['create', 'poddisruptionbudget', 'pdb', '--selector=app=web', '--min-available=50%'] },
  { name: 'ingress', args: ['create', 'ingress', 'ing', '--rule=foo.com/bar*=svc:8080'] },
  { name: 'role', args: ['create', 'role', 'r', '--verb=get,list', '--resource=pods'] },
  { name: 'priorityclass', args: ['create', 'priorityclass', 'pc', '--value=1000', '--preemption-policy=Never'] },
  { name: 'tokenrequest', args: ['create', 'token', 'sa', '--duration=1h', '--audience=a', '--bound-object-kind=Pod', '--bound-object-name=p', '--bound-object-uid=u1'], client: false, serverDryRun: false },
  { name: 'selfsubjectaccessreview', args: ['auth', 'can-i', 'get', 'pods'], client: false, serverDryRun: false, exitCode: 1 }, // the echo says "no"
  // drain posts its Eviction as JSON; keep that body so a hand-built protobuf Eviction can be checked against it.
  { name: 'eviction', args: ['drain', 'n1', '--force', '--grace-period=30'], client: false, serverDryRun: false, sends: 'json' },
];

const json = (res, code, obj) => {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(obj));
};
const resources = (gv, list) => ({ kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources: list });
const res = (name, kind, namespaced, verbs = ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']) => ({ name, singularName: '', namespaced, kind, verbs });
const node = { kind: 'Node', apiVersion: 'v1', metadata: { name: 'n1', uid: 'n1-uid', resourceVersion: '1' }, spec: {} };
const pod = {
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: { name: 'web-1', namespace: 'default', uid: 'pod-uid', resourceVersion: '2', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-uid', controller: true }] },
  spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'nginx' }] },
};

let captured = [];
const server = http.createServer(async (req, res2) => {
  const chunks = [];
  for await (const c of req) chunks.push(c);
  const body = Buffer.concat(chunks);
  const url = new URL(req.url, 'http://x');
  const p = url.pathname;
  if (req.method === 'POST') {
    captured.push({ body, protobuf: /protobuf/.test(req.headers['content-type'] ?? '') });
    if (p.endsWith('/eviction')) return json(res2, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
    if (p.endsWith('/token')) return json(res2, 201, { kind: 'TokenRequest', apiVersion: 'authentication.k8s.io/v1', metadata: {}, spec: {}, status: { token: 'captured', expirationTimestamp: '2025-01-01T00:00:00Z' } });
    res2.writeHead(201, { 'content-type': req.headers['content-type'] });
    return res2.end(body);
  }
  if (p === '/version') return json(res2, 200, { major: '1', minor: '32', gitVersion: 'v1.32.3' });
  if (p === '/api') return json(res2, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] });
  if (p === '/apis')
    return json(res2, 200, {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [{ name: 'policy', versions: [{ groupVersion: 'policy/v1', version: 'v1' }], preferredVersion: { groupVersion: 'policy/v1', version: 'v1' } }],
    });
  if (p === '/api/v1') return json(res2, 200, resources('v1', [res('pods', 'Pod', true), { ...res('pods/eviction', 'Eviction', true, ['create']), group: 'policy', version: 'v1' }, res('nodes', 'Node', false)]));
  if (p === '/apis/policy/v1') return json(res2, 200, resources('policy/v1', [res('poddisruptionbudgets', 'PodDisruptionBudget', true)]));
  if (p === '/api/v1/nodes/n1') return json(res2, 200, req.method === 'PATCH' ? { ...node, spec: { unschedulable: true } } : node);
  if (p === '/api/v1/pods') return json(res2, 200, { kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: '3' }, items: [pod] });
  return json(res2, 404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', message: `${p} not found`, code: 404 });
});

/** Adds flags before a `--` that starts the container command, where kubectl still reads them. */
function withFlags(argv, flags) {
  const dash = argv.indexOf('--');
  return dash < 0 ? [...argv, ...flags] : [...argv.slice(0, dash), ...flags, ...argv.slice(dash)];
}

function run(argv, env) {
  return new Promise((resolve) => {
    execFile(kubectl, argv, { env, timeout: 60_000 }, (err, stdout, stderr) => resolve({ code: err ? (err.code ?? 1) : 0, stdout, stderr }));
  });
}

await new Promise((r) => server.listen(0, '127.0.0.1', r));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'capture-protobuf-'));
fs.writeFileSync(path.join(scratch, 'bin'), Buffer.from([0xff, 0x00, 0x01, 0x80]));
fs.writeFileSync(path.join(scratch, 'kubeconfig'), 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n');
const env = { ...process.env, KUBECONFIG: path.join(scratch, 'kubeconfig'), HOME: scratch, KUBECACHEDIR: path.join(scratch, 'cache') };
const server_ = ['--server', `http://127.0.0.1:${server.address().port}`];
fs.mkdirSync(outDir, { recursive: true });
try {
  for (const c of commands(scratch)) {
    captured = [];
    const r = await run([...server_, ...withFlags(c.args, c.serverDryRun === false ? [] : ['--dry-run=server'])], env);
    const want = c.sends ?? 'protobuf';
    const [sent] = captured;
    if (r.code !== (c.exitCode ?? 0) || captured.length !== 1 || sent.protobuf !== (want === 'protobuf')) {
      throw new Error(`${c.name}: exit ${r.code}, ${captured.length} bodies captured, expected one ${want} body\n${r.stderr}`);
    }
    fs.writeFileSync(path.join(outDir, want === 'protobuf' ? `${c.name}.pb` : `${c.name}.request.json`), sent.body);
    if (c.client !== false) {
      const off = await run([...server_, ...withFlags(c.args, ['--dry-run=client', '-o', 'json'])], env);
      if (off.code !== 0) throw new Error(`${c.name} (client dry run): ${off.stderr}`);
      fs.writeFileSync(path.join(outDir, `${c.name}.json`), off.stdout);
    }
    console.log(`${c.name}: ${sent.body.length} bytes of ${want}`);
  }
} finally {
  server.close();
  fs.rmSync(scratch, { recursive: true, force: true });
}
