import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from './testing/kubectl';

let h: TestHost;
beforeAll(async () => {
  h = await startTestHost({ seed: 3 });
});
afterAll(async () => {
  await h?.close();
});

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
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

describe('kubectl apply and friends against the host', () => {
  it('creates, then reports unchanged, then configured', async () => {
    const f = h.file('web.yaml', DEPLOY);
    let r = await h.kubectl(['apply', '-f', f]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('deployment.apps/web created');
    r = await h.kubectl(['apply', '-f', f]);
    expect(r.stdout.trim()).toBe('deployment.apps/web unchanged');
    const edited = h.file('web2.yaml', DEPLOY.replace('replicas: 2', 'replicas: 4'));
    r = await h.kubectl(['apply', '-f', edited]);
    expect(r.stdout.trim()).toBe('deployment.apps/web configured');
    r = await h.kubectl(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas} {.metadata.generation} {.spec.strategy.rollingUpdate.maxSurge}']);
    expect(r.stdout).toBe('4 2 25%');
  });

  it('fills upstream defaults into a pod', async () => {
    const f = h.file('pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p1\nspec:\n  containers:\n  - name: c\n    image: nginx\n');
    expect((await h.kubectl(['apply', '-f', f])).stdout.trim()).toBe('pod/p1 created');
    const r = await h.kubectl(['get', 'pod', 'p1', '-o', 'json', '--show-managed-fields']);
    const pod = JSON.parse(r.stdout);
    expect(pod.spec.restartPolicy).toBe('Always');
    expect(pod.spec.dnsPolicy).toBe('ClusterFirst');
    expect(pod.spec.terminationGracePeriodSeconds).toBe(30);
    expect(pod.spec.schedulerName).toBe('default-scheduler');
    expect(pod.spec.containers[0].imagePullPolicy).toBe('Always');
    expect(pod.spec.containers[0].terminationMessagePath).toBe('/dev/termination-log');
    expect(pod.spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
    expect(pod.spec.serviceAccountName).toBe('default');
    expect(pod.metadata.managedFields[0].manager).toBe('kubectl-client-side-apply');
  });

  it('shows a diff against the live object', async () => {
    const f = h.file('web3.yaml', DEPLOY.replace('replicas: 2', 'replicas: 7'));
    const r = await h.kubectl(['diff', '-f', f]);
    expect(r.code).toBe(1); // kubectl diff exits 1 when there are differences
    expect(r.stdout).toMatch(/-\s+replicas: 4/);
    expect(r.stdout).toMatch(/\+\s+replicas: 7/);
  });

  it('applies server-side and reports conflicts with the upstream message', async () => {
    const f = h.file('ssa.yaml', DEPLOY.replace('name: web\n', 'name: ssa\n'));
    let r = await h.kubectl(['apply', '--server-side', '-f', f]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('deployment.apps/ssa serverside-applied');
    r = await h.kubectl(['scale', 'deployment', 'ssa', '--replicas=5']);
    expect(r.stdout.trim()).toBe('deployment.apps/ssa scaled');
    r = await h.kubectl(['apply', '--server-side', '-f', f]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale" using apps/v1: .spec.replicas');
    r = await h.kubectl(['apply', '--server-side', '--force-conflicts', '-f', f]);
    expect(r.stdout.trim()).toBe('deployment.apps/ssa serverside-applied');
  });

  it('patches with all three patch types', async () => {
    let r = await h.kubectl(['patch', 'deployment', 'web', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.26"}]}}}}']);
    expect(r.stdout.trim()).toBe('deployment.apps/web patched');
    r = await h.kubectl(['patch', 'deployment', 'web', '--type=merge', '-p', '{"metadata":{"labels":{"tier":"front"}}}']);
    expect(r.stdout.trim()).toBe('deployment.apps/web patched');
    r = await h.kubectl(['patch', 'deployment', 'web', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":3}]']);
    expect(r.stdout.trim()).toBe('deployment.apps/web patched');
    r = await h.kubectl(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[0].image} {.metadata.labels.tier} {.spec.replicas}']);
    expect(r.stdout).toBe('nginx:1.26 front 3');
    r = await h.kubectl(['patch', 'deployment', 'web', '--type=json', '-p', '[{"op":"test","path":"/spec/replicas","value":9}]']);
    expect(r.code).not.toBe(0);
  });

  it('labels and annotates', async () => {
    let r = await h.kubectl(['label', 'deployment', 'web', 'env=prod']);
    expect(r.stdout.trim()).toBe('deployment.apps/web labeled');
    r = await h.kubectl(['annotate', 'deployment', 'web', 'owner=team-a']);
    expect(r.stdout.trim()).toBe('deployment.apps/web annotated');
    r = await h.kubectl(['get', 'deploy', '-l', 'env=prod', '-o', 'name']);
    expect(r.stdout.trim()).toBe('deployment.apps/web');
    r = await h.kubectl(['label', 'deployment', 'web', 'env=dev']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("'env' already has a value (prod), and --overwrite is false");
  });

  it('refuses a Deployment whose selector does not match its template, changing nothing', async () => {
    const bad = DEPLOY.replace('name: web\n', 'name: bad\n').replace(/labels:\n        app: web/, 'labels:\n        app: other');
    const r = await h.kubectl(['apply', '-f', h.file('bad.yaml', bad)]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(
      'The Deployment "bad" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`',
    );
    const g = await h.kubectl(['get', 'deploy', 'bad']);
    expect(g.stderr.trim()).toBe('Error from server (NotFound): deployments.apps "bad" not found');
  });

  it('refuses unknown fields strictly, as kubectl 1.32 asks', async () => {
    const r = await h.kubectl(['apply', '-f', h.file('typo.yaml', DEPLOY.replace('name: web\n', 'name: typo\n').replace('replicas: 2', 'replica: 2'))]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('strict decoding error: unknown field "spec.replica"');
  });

  it('says no matches for an unknown kind', async () => {
    const r = await h.kubectl(['apply', '-f', h.file('shirt.yaml', 'apiVersion: stable.example.com/v1\nkind: Shirt\nmetadata:\n  name: s\n')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('no matches for kind "Shirt" in version "stable.example.com/v1"');
  });

  it('explains a field from the OpenAPI schema', async () => {
    const r = await h.kubectl(['explain', 'deployment.spec.strategy']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^GROUP:\s+apps/m);
    expect(r.stdout).toMatch(/^KIND:\s+Deployment/m);
    expect(r.stdout).toMatch(/FIELD: strategy <DeploymentStrategy>/);
    expect(r.stdout).toMatch(/rollingUpdate\s+<RollingUpdateDeployment>/);
  });

  it('deletes what a file created', async () => {
    const f = h.file('web.yaml', DEPLOY);
    const r = await h.kubectl(['delete', '-f', f]);
    expect(r.stdout.trim()).toBe('deployment.apps "web" deleted');
    const g = await h.kubectl(['get', 'deploy', 'web']);
    expect(g.code).not.toBe(0);
  });
});
