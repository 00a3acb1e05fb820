/**
 * Command families against an in-process cluster (paused clock, so nothing
 * moves under the test): success lines, bad input and server errors.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../cluster';
import { clusterKubectlClient } from './clusterClient';
import { run } from './testing/run';
import type { KubectlClient } from './client';
import { completeKubectl, splitCommandLine } from './index';
import { createKubectlSessions } from './session';

let c: Cluster;
let k: KubectlClient;

beforeAll(async () => {
  c = await createCluster({ seed: 5 });
  c.driver.setMode({ kind: 'paused' });
  c.clock.runUntil({ time: c.clock.now() + 30_000, maxTasks: 1_000_000 });
  k = clusterKubectlClient(c);
});

/** Let controllers and kubelets act for a while of virtual time. */
function advance(ms: number): void {
  c.clock.runUntil({ time: c.clock.now() + ms, maxTasks: 1_000_000 });
}

describe('root and unknown commands', () => {
  it('prints usage for no command and suggestions for a typo', async () => {
    expect((await run(k, [])).stdout).toContain('kubectl controls the Kubernetes cluster manager.');
    const r = await run(k, ['gett']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'Error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\n' });
    expect((await run(k, ['edit', 'pod', 'x'])).stderr).toBe('error: "kubectl edit" is not available in this playground\n');
    expect((await run(k, ['rollout'])).stdout).toContain('Available Commands:');
  });
});

describe('get', () => {
  it('lists with server-side columns and says when nothing is found', async () => {
    const r = await run(k, 'get nodes');
    expect(r.stdout.split('\n')[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
    expect(await run(k, 'get pods')).toEqual({ code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
    expect(await run(k, 'get nodes -l nosuch=label')).toEqual({ code: 0, stdout: '', stderr: 'No resources found\n' });
  });
  it('rejects unknown kinds, missing objects and bad selectors', async () => {
    expect(await run(k, 'get nosuch')).toEqual({ code: 1, stdout: '', stderr: 'error: the server doesn\'t have a resource type "nosuch"\n' });
    expect(await run(k, 'get pod nope')).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n' });
    const bad = await run(k, ['get', 'pods', '-l', 'a in (']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^Error from server \(BadRequest\): /);
    expect((await run(k, 'get pods -w -o yaml,nosuch')).code).toBe(1);
    expect((await run(k, 'get pods,svc -w')).stderr).toBe('error: watch is only supported on individual resources and resource collections - more than 1 resource was found\n');
  });
  it('resolves short names, kinds, groups and kind/name forms', async () => {
    for (const t of ['no', 'node', 'Node', 'nodes', 'nodes.v1.']) expect((await run(k, ['get', t, '-o', 'name'])).stdout.split('\n')[0]).toBe('node/control-plane');
    expect((await run(k, 'get deployments.apps -n kube-system -o name')).stdout).toContain('deployment.apps/coredns');
    expect((await run(k, 'get deploy/coredns -n kube-system -o jsonpath={.spec.replicas}')).stdout).toBe('2');
    expect((await run(k, 'get deploy coredns x/y -n kube-system')).stderr).toMatch(/no need to specify a resource type/);
  });
  it('watches until cancelled', async () => {
    const abort = new AbortController();
    let out = '';
    const done = run(k, 'get configmaps -w', { signal: abort.signal }).then((r) => r);
    await new Promise((r) => setTimeout(r, 0));
    await run(k, 'create configmap watched --from-literal=a=b');
    await new Promise((r) => setTimeout(r, 0));
    abort.abort();
    const r = await done;
    out = r.stdout;
    expect(r.code).toBe(0);
    expect(out).toMatch(/^NAME\s+DATA\s+AGE\nkube-root-ca.crt\s+1\s+\S+\nwatched\s+1\s+0s\n$/);
  });
});

describe('create, run, expose and errors from the server', () => {
  it('creates, refuses a duplicate (409) and reports invalid objects (422)', async () => {
    expect(await run(k, 'create deployment web --image=nginx --replicas=2')).toEqual({ code: 0, stdout: 'deployment.apps/web created\n', stderr: '' });
    expect(await run(k, 'create deployment web --image=nginx')).toEqual({ code: 1, stdout: '', stderr: 'error: failed to create deployment: deployments.apps "web" already exists\n' });
    const invalid = await run(k, 'create deployment Bad --image=nginx');
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/^The Deployment "Bad" is invalid: /);
    expect(await run(k, 'create deployment x')).toEqual({ code: 1, stdout: '', stderr: 'error: required flag(s) "image" not set\n' });
    expect((await run(k, 'create service clusterip s')).stderr).toMatch(/^error: at least one tcp port specifier must be provided/);
  });
  it('runs a pod, exposes the deployment and creates from -f', async () => {
    expect((await run(k, 'run p --image=nginx --port=80')).stdout).toBe('pod/p created\n');
    expect((await run(k, 'run q')).stderr).toBe('error: required flag(s) "image" not set\n');
    expect((await run(k, 'expose deployment web --port=80')).stdout).toBe('service/web exposed\n');
    expect((await run(k, 'expose deployment web')).stderr).toBe('error: couldn\'t find port via --port flag or introspection\nSee \'kubectl expose -h\' for help and examples\n');
    const files = { 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fromfile\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fromfile\n' };
    const r = await run(k, 'create -f cm.yaml', { files });
    expect(r.stdout).toBe('configmap/fromfile created\n');
    expect(r.stderr).toBe('Error from server (AlreadyExists): error when creating "cm.yaml": configmaps "fromfile" already exists\n');
    expect((await run(k, 'create -f missing.yaml')).stderr).toBe('error: the path "missing.yaml" does not exist\n');
  });
});

describe('apply', () => {
  const manifest = (image: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: applied\nspec:\n  selector:\n    matchLabels: {app: a}\n  template:\n    metadata:\n      labels: {app: a}\n    spec:\n      containers:\n      - name: c\n        image: ${image}\n`;
  it('creates, leaves unchanged and configures with a three-way patch', async () => {
    expect((await run(k, 'apply -f d.yaml', { files: { 'd.yaml': manifest('nginx') } })).stdout).toBe('deployment.apps/applied created\n');
    advance(5_000);
    expect((await run(k, 'apply -f d.yaml', { files: { 'd.yaml': manifest('nginx') } })).stdout).toBe('deployment.apps/applied unchanged\n');
    expect((await run(k, 'apply -f d.yaml', { files: { 'd.yaml': manifest('httpd') } })).stdout).toBe('deployment.apps/applied configured\n');
    expect((await run(k, 'get deploy applied -o jsonpath={.spec.template.spec.containers[0].image}')).stdout).toBe('httpd');
    const last = (await run(k, ['get', 'deploy', 'applied', '-o', 'jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}'])).stdout;
    expect(JSON.parse(last)).toMatchObject({ metadata: { annotations: {}, name: 'applied', namespace: 'default' } });
  });
  it('reads stdin, reports YAML errors, invalid objects and mismatched namespaces', async () => {
    expect((await run(k, 'apply -f -', { stdin: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: piped\n' })).stdout).toBe('configmap/piped created\n');
    expect((await run(k, 'apply -f bad.yaml', { files: { 'bad.yaml': 'a: [' } })).stderr).toMatch(/^error: error parsing bad.yaml: error converting YAML to JSON: yaml: line/);
    expect((await run(k, 'apply -f k.yaml', { files: { 'k.yaml': 'apiVersion: v1\nmetadata:\n  name: x\n' } })).stderr).toMatch(/kind not set/);
    const inv = await run(k, 'apply -f i.yaml', { files: { 'i.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: inv\nspec:\n  containers:\n  - name: c\n' } });
    expect(inv.stderr).toMatch(/^The Pod "inv" is invalid: spec.containers\[0\].image: Required value/);
    expect((await run(k, 'apply -n other -f n.yaml', { files: { 'n.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  namespace: default\n' } })).stderr).toBe(
      `error: the namespace from the provided object "default" does not match the namespace "other". You must pass '--namespace=default' to perform this operation.\n`,
    );
    expect((await run(k, 'apply')).stderr).toMatch(/^error: must specify one of -f and -k/);
  });
});

describe('scale, label, annotate, set image, rollout', () => {
  it('scales and refuses bad input', async () => {
    expect((await run(k, 'scale deploy web --replicas=3')).stdout).toBe('deployment.apps/web scaled\n');
    expect((await run(k, 'scale deploy web --replicas=-1')).code).toBe(1);
    expect((await run(k, 'scale deploy nosuch --replicas=1')).stderr).toBe('Error from server (NotFound): deployments.apps "nosuch" not found\n');
  });
  it('labels with --overwrite rules and removal', async () => {
    expect((await run(k, 'label deploy web tier=fe')).stdout).toBe('deployment.apps/web labeled\n');
    expect((await run(k, 'label deploy web tier=be')).stderr).toBe("error: 'tier' already has a value (fe), and --overwrite is false\n");
    expect((await run(k, 'label deploy web tier=be --overwrite')).stdout).toBe('deployment.apps/web labeled\n');
    expect((await run(k, 'label deploy web tier-')).stdout).toBe('deployment.apps/web unlabeled\n');
    expect((await run(k, 'label deploy web tier-')).stdout).toBe('label "tier" not found.\ndeployment.apps/web not labeled\n');
    expect((await run(k, 'label deploy web a=b c')).stderr).toBe('error: all resources must be specified before label changes: c\n');
    expect((await run(k, 'annotate deploy web note=hi')).stdout).toBe('deployment.apps/web annotated\n');
  });
  it('sets images and follows the rollout', async () => {
    expect((await run(k, 'set image deploy/web nginx=nginx:1.27')).stdout).toBe('deployment.apps/web image updated\n');
    expect((await run(k, 'set image deploy/web nope=x')).stderr).toBe('error: unable to find container named "nope"\n');
    advance(120_000);
    expect((await run(k, 'rollout status deploy/web')).stdout).toBe('deployment "web" successfully rolled out\n');
    expect((await run(k, 'rollout history deploy/web')).stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    expect((await run(k, 'rollout undo deploy/web')).stdout).toBe('deployment.apps/web rolled back\n');
    expect((await run(k, 'rollout undo deploy/web --to-revision=9')).stderr).toBe('error: unable to find specified revision 9 in history\n');
    expect((await run(k, 'rollout pause deploy/web')).stdout).toBe('deployment.apps/web paused\n');
    expect((await run(k, 'rollout pause deploy/web')).stderr).toBe('error: deployments.apps "web" is already paused\n');
    expect((await run(k, 'rollout restart deploy/web')).stderr).toBe("error: can't restart paused deployment (run rollout resume first)\n");
    expect((await run(k, 'rollout resume deploy/web')).stdout).toBe('deployment.apps/web resumed\n');
    expect((await run(k, 'rollout restart deploy/web')).stdout).toBe('deployment.apps/web restarted\n');
    expect((await run(k, 'rollout status pod/p')).stderr).toBe('error: no status viewer has been implemented for Pod\n');
  });
});

describe('logs, exec, top, explain, api-resources, version', () => {
  it('reads logs and execs in a running pod', async () => {
    advance(30_000);
    const logs = await run(k, 'logs p');
    expect(logs.code).toBe(0);
    expect((await run(k, 'logs')).stderr).toMatch(/^error: expected 'logs \[-f\] \[-p\] \(POD \| TYPE\/NAME\) \[-c CONTAINER\]'/);
    expect((await run(k, 'logs p -c nope')).stderr).toMatch(/^Error from server \(BadRequest\): container nope is not valid for pod p/);
    expect(await run(k, 'exec p -- sh -c "exit 3"')).toEqual({ code: 3, stdout: '', stderr: 'command terminated with exit code 3\n' });
    expect((await run(k, 'exec p')).stderr).toBe('error: you must specify at least one command for the container\n');
  });
  it('explains fields and refuses unknown ones', async () => {
    const r = await run(k, 'explain deployment.spec.replicas');
    expect(r.stdout).toMatch(/^GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n/);
    expect((await run(k, 'explain deployment.spec.nope')).stderr).toBe('error: field "nope" does not exist\n');
  });
  it('lists api resources and versions', async () => {
    expect((await run(k, 'api-resources --api-group=apps -o name')).stdout).toBe('controllerrevisions.apps\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\n');
    expect((await run(k, 'api-resources -o foo')).stderr).toBe('error: --output foo is not available\n');
    expect((await run(k, 'version')).stdout).toBe('Client Version: v1.32.0\nKustomize Version: v5.5.0\nServer Version: v1.32.0\n');
  });
  it('top says when metrics are not served, or prints them', async () => {
    const r = await run(k, 'top nodes');
    if (r.code === 1) expect(r.stderr).toBe('error: Metrics API not available\n');
    else expect(r.stdout).toMatch(/^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)\s+\n/);
  });
});

describe('delete, cordon, drain', () => {
  it('deletes, waits, and collects errors', async () => {
    expect(await run(k, 'delete cm piped nosuch')).toEqual({ code: 1, stdout: 'configmap "piped" deleted\n', stderr: 'Error from server (NotFound): configmaps "nosuch" not found\n' });
    expect((await run(k, 'delete pods')).stderr).toBe('error: resource(s) were provided, but no name was specified\n');
    expect((await run(k, 'delete cm --all -l a=b')).stderr).toBe("error: setting 'all' parameter but found a non empty selector. \n");
    expect(await run(k, 'delete cm -l nothing=here')).toEqual({ code: 0, stdout: 'No resources found\n', stderr: '' });
  });
  it('cordons, uncordons and drains a node through evictions', async () => {
    expect((await run(k, 'cordon worker-1')).stdout).toBe('node/worker-1 cordoned\n');
    expect((await run(k, 'cordon worker-1')).stdout).toBe('node/worker-1 already cordoned\n');
    expect((await run(k, 'uncordon worker-1')).stdout).toBe('node/worker-1 uncordoned\n');
    const node = (await run(k, 'get pod p -o jsonpath={.spec.nodeName}')).stdout;
    const refused = await run(k, ['drain', node]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/cannot delete (DaemonSet-managed Pods|Pods that declare no controller)/);
    const drain = run(k, ['drain', node, '--ignore-daemonsets', '--force', '--delete-emptydir-data']);
    // Evicted pods terminate as the clock runs.
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 0));
      advance(5_000);
    }
    const r = await drain;
    expect(r.stderr).toMatch(/^Warning: /);
    expect(r.stdout).toContain(`evicting pod default/p\n`);
    expect(r.stdout).toContain(`node/${node} drained\n`);
  });
});

describe('completion and the worker sessions', () => {
  it('completes commands, flags, types, names and namespaces', async () => {
    expect(await completeKubectl('kubectl ge', 10, k)).toEqual({ from: 8, candidates: ['get'] });
    expect((await completeKubectl('kubectl get --all-n', 19, k)).candidates).toEqual(['--all-namespaces']);
    expect((await completeKubectl('kubectl get deploy', 18, k)).candidates).toContain('deployments');
    expect((await completeKubectl('kubectl get deployments w', 25, k)).candidates).toEqual(['web']);
    expect((await completeKubectl('kubectl get pods -n kube-', 25, k)).candidates).toEqual(['kube-node-lease', 'kube-public', 'kube-system']);
    expect((await completeKubectl('kubectl logs deploy/', 20, k)).candidates).toContain('deploy/web');
    expect((await completeKubectl('kubectl rollout ', 16, k)).candidates).toEqual(['history', 'pause', 'restart', 'resume', 'status', 'undo']);
  });
  it('starts runs with ids, streams output and cancels on Ctrl+C', async () => {
    const s = createKubectlSessions(() => k);
    const chunks: string[] = [];
    const exit = new Promise<number>((resolve) => {
      const id = s.start('kubectl get cm -w', {}, (ch) => chunks.push(`${ch.stream}:${ch.text}`), resolve);
      expect(id).toBeGreaterThan(0);
      setTimeout(() => s.cancel(id), 0);
    });
    expect(await exit).toBe(0);
    expect(chunks.join('')).toMatch(/^stdout:NAME\s+DATA\s+AGE/);
    const bad = await new Promise<{ code: number; out: string }>((resolve) => {
      let out = '';
      s.start('ls -l', {}, (ch) => (out += ch.text), (code) => resolve({ code, out }));
    });
    expect(bad).toEqual({ code: 127, out: 'bash: ls: command not found\n' });
    expect(splitCommandLine('kubectl get "x')).toHaveProperty('error');
  });
});
