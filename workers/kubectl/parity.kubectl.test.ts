/**
 * The in-browser kubectl against real kubectl 1.32 on the same cluster at
 * the same (paused) moment: stdout, stderr and exit code must be identical.
 *
 * Known, unavoidable differences (not compared here):
 * - `version`: the client build (gitVersion, gitCommit, buildDate, goVersion, platform) is ours.
 * - errors real kubectl reports through klog (`required flag(s) "image" not set`) carry a
 *   timestamp and pid there; ours print `error: required flag(s) "image" not set`.
 * - `kubectl foo` through the test host: real kubectl sees `--server` before the command and
 *   answers "flags cannot be placed before plugin name"; unknown commands are unit-tested.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { startTestHost, findKubectl, type TestHost } from '../host/testing/kubectl';
import { clusterKubectlClient } from './clusterClient';
import { run } from './testing/run';
import { parity, until } from './testing/parity';
import type { KubectlClient } from './client';

let h: TestHost;
let k: KubectlClient;

beforeAll(async () => {
  h = await startTestHost({ seed: 11 });
  k = clusterKubectlClient(h.cluster);
  await h.kubectl(['create', 'deployment', 'web', '--image=nginx', '--replicas=3']);
  await h.kubectl(['create', 'service', 'clusterip', 'web', '--tcp=80:80']);
  await h.kubectl(['create', 'configmap', 'cfg', '--from-literal=a=b']);
  await h.kubectl(['run', 'bad', '--image=nosuchimage:1']);
  await h.kubectl(['run', 'talker', '--image=busybox', '--', 'sh', '-c', 'echo hello; echo world; sleep 3600']);
  await until('pods running', async () => {
    const r = await h.kubectl(['get', 'pods', '--no-headers']);
    const lines = r.stdout.trim().split('\n');
    return lines.length === 5 && lines.filter((l) => /\sRunning\s/.test(l)).length === 4 && /ImagePullBackOff|ErrImagePull/.test(r.stdout);
  });
  h.cluster.driver.setMode({ kind: 'paused' });
  // Let the host finish anything in flight before comparing.
  await new Promise((r) => setTimeout(r, 100));
});

afterAll(async () => {
  await h?.close();
});

const { same, sameShape } = parity(() => h, () => k);

describe('kubectl parity (paused cluster)', () => {
  const podName = async () => {
    const r = await h.kubectl(['get', 'pods', '-l', 'app=web', '-o', 'jsonpath={.items[0].metadata.name}']);
    return r.stdout;
  };

  it('get pods', () => same(['get', 'pods']));
  it('get pods -o wide', () => same(['get', 'pods', '-o', 'wide']));
  it('get pods -A', () => same(['get', 'pods', '-A']));
  it('get pods --show-labels', () => same(['get', 'pods', '--show-labels']));
  it('get pods -l app=web --no-headers', () => same(['get', 'pods', '-l', 'app=web', '--no-headers']));
  it('get deploy,svc', () => same(['get', 'deploy,svc']));
  it('get all', () => same(['get', 'all']));
  it('get all -A', () => same(['get', 'all', '-A']));
  it('get pod X -o yaml', async () => same(['get', 'pod', await podName(), '-o', 'yaml']));
  it('get pod X -o json', async () => same(['get', 'pod', await podName(), '-o', 'json']));
  it('get deploy web -o yaml', () => same(['get', 'deploy', 'web', '-o', 'yaml']));
  it('get pods -o name', () => same(['get', 'pods', '-o', 'name']));
  it('get cm -o yaml (list)', () => same(['get', 'cm', '-o', 'yaml']));
  it('get svc -o json (list)', () => same(['get', 'svc', '-o', 'json']));
  it('get nodes', () => same(['get', 'nodes']));
  it('get nodes -o wide', () => same(['get', 'nodes', '-o', 'wide']));
  it('get events', () => same(['get', 'events']));
  it('get ns', () => same(['get', 'ns']));
  it('get deployment/web svc/web', () => same(['get', 'deployment/web', 'svc/web']));
  it('get pods -n nosuchns', () => same(['get', 'pods', '-n', 'nosuchns']));
  it('get pods --field-selector status.phase=Running', () => same(['get', 'pods', '--field-selector', 'status.phase=Running']));
  it('api-resources', () => same(['api-resources']));
  it('api-resources -o wide', () => same(['api-resources', '-o', 'wide']));
  it('api-resources --namespaced=false -o name', () => same(['api-resources', '--namespaced=false', '-o', 'name']));
  it('get nosuch', () => same(['get', 'nosuch']));
  it('get pod nosuch', () => same(['get', 'pod', 'nosuch']));
  it('get pods,nosuch', () => same(['get', 'pods,nosuch']));
  it('get (no type)', () => same(['get']));
  it('get pods --foo', () => same(['get', 'pods', '--foo']));
  it('get pods -o foo', () => same(['get', 'pods', '-o', 'foo']));
  it('logs', () => same(['logs', 'talker']));
  it('logs --tail=1', () => same(['logs', 'talker', '--tail=1']));
  it('logs nosuch', () => same(['logs', 'nosuch']));
  it('logs (no args)', () => same(['logs']));
  it('logs bad (waiting container)', () => same(['logs', 'bad']));
  it('rollout history', () => same(['rollout', 'history', 'deployment/web']));
  it('explain deployment.spec.strategy', () => same(['explain', 'deployment.spec.strategy']));
  it('explain pods', () => same(['explain', 'pods']));
  it('explain nosuch', () => same(['explain', 'nosuch']));
  it('explain deployment.spec.nosuch', () => same(['explain', 'deployment.spec.nosuch']));
  it('explain svc.spec.ports --recursive', () => same(['explain', 'svc.spec.ports', '--recursive']));
  it('top pods', () => same(['top', 'pods']));
  it('top nodes', () => same(['top', 'nodes']));
  it('rollout status (done)', () => same(['rollout', 'status', 'deployment/web']));
  it('rollout status of a pod', () => same(['rollout', 'status', 'pod/bad']));
  it('get pods,deploy -o name', () => same(['get', 'pods,deploy', '-o', 'name']));
  it('get cm cfg -o jsonpath', () => same(['get', 'cm', 'cfg', '-o', 'jsonpath={.data.a}']));
  it('get cm cfg -o jsonpath sees managedFields', () => same(['get', 'cm', 'cfg', '-o', 'jsonpath={.metadata.managedFields[0].manager}']));
  it('get pods -o custom-columns', () => same(['get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,PHASE:.status.phase']));
  it('scale without --replicas is an error', async () => {
    const ours = await run(k, ['scale', 'deploy', 'web']);
    expect(ours).toEqual({ code: 1, stdout: '', stderr: 'error: required flag(s) "replicas" not set\n' });
  });
});

/** Real kubectl with no --server flag (commands that never reach a server: usage, unknown commands). */
function bare(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(findKubectl(), args, { env: { ...process.env, KUBECONFIG: '/dev/null' } }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('kubectl parity without a server', () => {
  for (const args of [[], ['help'], ['foo'], ['gett', 'pods'], ['xyzzy']]) {
    it(`kubectl ${args.join(' ')}`, async () => {
      const real = await bare(args);
      const ours = await run(k, args);
      expect(ours).toEqual(real);
    });
  }
});

describe('kubectl mutations, same shape as real kubectl', () => {
  it('create deployment', () => sameShape(['create', 'deployment', 'real1', '--image=nginx'], ['create', 'deployment', 'ours1', '--image=nginx'], [['real1', 'ours1']]));
  it('create deployment that exists', () => same(['create', 'deployment', 'web', '--image=nginx']));
  it('create configmap', () => sameShape(['create', 'configmap', 'rc1', '--from-literal=a=b'], ['create', 'configmap', 'oc1', '--from-literal=a=b'], [['rc1', 'oc1']]));
  it('create service nodeport --dry-run=client -o yaml', () => same(['create', 'service', 'nodeport', 'np', '--tcp=80:8080', '--dry-run=client', '-o', 'yaml']));
  it('create deployment --dry-run=client -o yaml with a command', () => same(['create', 'deployment', 'x', '--image=nginx', '--port=80', '--replicas=2', '--dry-run=client', '-o', 'yaml', '--', 'sleep', '10']));
  it('run --dry-run=client -o yaml', () => same(['run', 'x', '--image=nginx', '--port=80', '--env=A=1', '--labels=a=b,c=d', '--restart=Never', '--dry-run=client', '-o', 'yaml', '--', 'sleep', '1']));
  it('expose --dry-run=client -o yaml', () => same(['expose', 'deploy', 'web', '--port=80', '--dry-run=client', '-o', 'yaml']));
  it('create job --dry-run=client -o yaml', () => same(['create', 'job', 'jj', '--image=busybox', '--dry-run=client', '-o', 'yaml', '--', 'echo', 'hi']));
  it('create secret generic --dry-run=client -o yaml', () => same(['create', 'secret', 'generic', 's2', '--from-literal=x=1', '--dry-run=client', '-o', 'yaml']));
  it('scale', () => sameShape(['scale', 'deploy', 'real1', '--replicas=2'], ['scale', 'deploy', 'ours1', '--replicas=2'], [['real1', 'ours1']]));
  it('label, relabel, overwrite guard, remove', async () => {
    for (const args of [['a=b'], ['a=b'], ['a=c'], ['a=c', '--overwrite'], ['a-'], ['zz-']]) {
      await sameShape(['label', 'cm', 'rc1', ...args], ['label', 'cm', 'oc1', ...args], [['rc1', 'oc1']]);
    }
  });
  it('annotate', () => sameShape(['annotate', 'cm', 'rc1', 'x=y'], ['annotate', 'cm', 'oc1', 'x=y'], [['rc1', 'oc1']]));
  it('apply from the editor: created, unchanged, configured match real kubectl', async () => {
    const manifest = (name: string, v: string) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers:\n      - name: c\n        image: ${v}\n`;
    for (const v of ['nginx', 'nginx', 'httpd']) {
      const path = h.file('apply.yaml', manifest('rapply', v));
      const real = await h.kubectl(['apply', '-f', path]);
      const ours = await run(k, ['apply', '-f', path], { files: { [path]: manifest('oapply', v) } });
      expect({ ...ours, stdout: ours.stdout.replace('oapply', 'rapply') }).toEqual({ code: real.code, stdout: real.stdout, stderr: real.stderr });
    }
    // Both last-applied annotations hold the same text, up to the name.
    const a = await run(k, ['get', 'deploy', 'rapply', '-o', 'jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}']);
    const b = await run(k, ['get', 'deploy', 'oapply', '-o', 'jsonpath={.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}']);
    expect(b.stdout.split('oapply').join('rapply')).toBe(a.stdout);
  });
  it('delete a configmap (waits until gone)', () => sameShape(['delete', 'cm', 'rc1'], ['delete', 'cm', 'oc1'], [['rc1', 'oc1']]));
  it('delete nosuch', () => same(['delete', 'cm', 'nosuch']));
  it('delete with no arguments', () => same(['delete']));
  it('delete type without names', () => same(['delete', 'pods']));
  it('rollout history of the twins', () => sameShape(['rollout', 'history', 'deploy/real1'], ['rollout', 'history', 'deploy/ours1'], [['real1', 'ours1']]));
  it('rollout pause / resume twice', async () => {
    for (const v of ['pause', 'pause', 'resume', 'resume']) await sameShape(['rollout', v, 'deploy/real1'], ['rollout', v, 'deploy/ours1'], [['real1', 'ours1']]);
  });
  it('rollout undo without history', () => sameShape(['rollout', 'undo', 'deploy/real1'], ['rollout', 'undo', 'deploy/ours1'], [['real1', 'ours1']]));
  it('set image to a missing container', () => same(['set', 'image', 'deploy/web', 'foo=nginx:1.27']));
  it('cordon / uncordon twice', async () => {
    for (const v of ['cordon', 'cordon', 'uncordon', 'uncordon']) await sameShape([v, 'worker-2'], [v, 'worker-3'], [['worker-2', 'worker-3']]);
  });
  it('exec', () => same(['exec', 'talker', '--', 'echo', 'hi']));
  it('exec with a failing command', () => same(['exec', 'talker', '--', 'sh', '-c', 'exit 3']));
  it('exec nosuch', () => same(['exec', 'nosuch', '--', 'ls']));
  it('exec without a command', () => same(['exec', 'talker']));
});
