/**
 * Parity for the commands added after the first set (autoscale, patch,
 * replace, taint, wait, events, top, drain, rollout status): our kubectl and
 * real kubectl 1.32 on one cluster, paused where outputs are compared.
 *
 * The cluster's clock starts an hour behind the wall clock: `kubectl events`
 * computes LAST SEEN on the client from the wall clock, so our side reads
 * "now" from the wall clock here too, and ages land in coarse minutes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../host/testing/kubectl';
import { clusterKubectlClient } from './clusterClient';
import { run } from './testing/run';
import { parity, until } from './testing/parity';
import type { KubectlClient } from './client';

let h: TestHost;
let k: KubectlClient;

beforeAll(async () => {
  h = await startTestHost({ seed: 12, epochMs: Math.floor(Date.now() / 1000) * 1000 - 3600_000 });
  const inner = clusterKubectlClient(h.cluster);
  k = { request: (r) => inner.request(r), watch: (r, on) => inner.watch(r, on), now: () => Date.now() };
  for (const name of ['web', 'real1', 'ours1']) await h.kubectl(['create', 'deployment', name, '--image=nginx', '--replicas=2']);
  for (const name of ['rc1', 'oc1']) await h.kubectl(['create', 'configmap', name, '--from-literal=a=b']);
  await h.kubectl(['run', 'bad', '--image=nosuchimage:1']);
  await h.kubectl(['run', 'talker', '--image=busybox', '--', 'sh', '-c', 'echo hello; sleep 3600']);
  await until('pods running and metrics served', async () => {
    const r = await h.kubectl(['get', 'pods', '--no-headers']);
    const lines = r.stdout.trim().split('\n');
    if (lines.filter((l) => /\sRunning\s/.test(l)).length !== 7 || !/ImagePullBackOff|ErrImagePull/.test(r.stdout)) return false;
    const top = await h.kubectl(['top', 'pods']);
    return top.code === 0 && top.stdout.split('\n').length >= 8;
  }, 45_000);
  h.cluster.driver.setMode({ kind: 'paused' });
  await new Promise((r) => setTimeout(r, 100));
});

afterAll(async () => {
  await h?.close();
});

const { same, sameShape } = parity(() => h, () => k);

const twins = (args: (n: string) => string[], r = 'real1', o = 'ours1') => sameShape(args(r), args(o), [[r, o]]);

describe('events (first: later tests add events)', () => {
  it('events', () => same(['events']));
  it('events -A', () => same(['events', '-A']));
  it('events --for pod/bad', () => same(['events', '--for', 'pod/bad']));
  it('events --types=Warning', () => same(['events', '--types=Warning']));
  it('events --types=Foo', () => same(['events', '--types=Foo']));
  it('events --for bad', () => same(['events', '--for', 'bad']));
  it('events -n nosuchns', () => same(['events', '-n', 'nosuchns']));
  it('events --no-headers --for deployment/web', () => same(['events', '--no-headers', '--for', 'deployment/web']));
});

describe('autoscale', () => {
  it('autoscales a deployment', () => twins((n) => ['autoscale', 'deployment', n, '--min=2', '--max=5', '--cpu-percent=50']));
  it('again: AlreadyExists', () => twins((n) => ['autoscale', `deploy/${n}`, '--max=5']));
  it('--dry-run=client -o yaml', () => same(['autoscale', 'deploy', 'web', '--max=4', '--name=php', '--dry-run=client', '-o', 'yaml']));
  it('--dry-run=server -o name', () => same(['autoscale', 'deploy', 'web', '--max=4', '--dry-run=server', '-o', 'name']));
  it('--max=0', () => same(['autoscale', 'deploy', 'web', '--max=0']));
  it('--max below --min', () => same(['autoscale', 'deploy', 'web', '--min=3', '--max=2']));
  it('a pod cannot be autoscaled', () => same(['autoscale', 'pod', 'talker', '--max=3']));
  it('a missing deployment', () => same(['autoscale', 'deploy', 'nosuch', '--max=3']));
  it('get hpa of the twins', async () => {
    const real = await h.kubectl(['get', 'hpa', 'real1', '-o', 'jsonpath={.spec}']);
    const ours = await run(k, ['get', 'hpa', 'ours1', '-o', 'jsonpath={.spec}']);
    expect(ours.stdout.split('ours1').join('real1')).toBe(real.stdout);
  });
});

describe('patch', () => {
  it('strategic (default)', () => twins((n) => ['patch', 'cm', n, '-p', '{"data":{"x":"1"}}']));
  it('no change', () => twins((n) => ['patch', 'cm', n, '-p', '{"data":{"x":"1"}}']));
  it('merge, YAML patch', () => twins((n) => ['patch', `configmap/${n}`, '--type=merge', '-p', 'data: {y: "2"}']));
  it('json', () => twins((n) => ['patch', 'cm', n, '--type', 'json', '-p', '[{"op":"remove","path":"/data/y"}]']));
  it('json: a failing operation', () => twins((n) => ['patch', 'cm', n, '--type=json', '-p', '[{"op":"remove","path":"/data/nosuch"}]']));
  it('deployment containers by merge key', () => twins((n) => ['patch', 'deploy', n, '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}']));
  it('-o yaml --dry-run=server', () => same(['patch', 'cm', 'rc1', '-p', '{"data":{"z":"3"}}', '--dry-run=server', '-o', 'yaml']));
  it('--dry-run=client', () => same(['patch', 'cm', 'rc1', '-p', '{"data":{"z":"3"}}', '--dry-run=client']));
  it('--dry-run=client, no change, -o name', () => same(['patch', 'cm', 'rc1', '--type=merge', '-p', '{"data":{"a":"b"}}', '--dry-run=client', '-o', 'name']));
  it('bad --type', () => same(['patch', 'cm', 'rc1', '--type=foo', '-p', '{}']));
  it('no patch', () => same(['patch', 'cm', 'rc1']));
  it('missing object', () => same(['patch', 'cm', 'nosuch', '-p', '{"data":{"x":"1"}}']));
  it('invalid result', () => same(['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":-1}}']));
  it('no resources', () => same(['patch', '-p', '{}']));
});

describe('replace', () => {
  const cm = (name: string, v: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  a: ${v}\n`;
  it('replaces', async () => {
    const path = h.file('replace.yaml', cm('rc1', 'replaced'));
    await sameShape(['replace', '-f', path], ['replace', '-f', path], [['rc1', 'oc1']], { [path]: cm('oc1', 'replaced') });
  });
  it('-o yaml --dry-run=client', async () => {
    const path = h.file('replace2.yaml', cm('rc1', 'again'));
    await sameShape(['replace', '-f', path, '--dry-run=client', '-o', 'yaml'], ['replace', '-f', path, '--dry-run=client', '-o', 'yaml'], [['rc1', 'oc1']], { [path]: cm('oc1', 'again') });
  });
  it('a missing object', async () => {
    const path = h.file('replace3.yaml', cm('nosuch', 'x'));
    await sameShape(['replace', '-f', path], ['replace', '-f', path], [], { [path]: cm('nosuch', 'x') });
  });
  it('without -f', () => same(['replace']));
});

describe('taint', () => {
  const nodes = (args: string[]) => sameShape(['taint', 'nodes', 'worker-2', ...args], ['taint', 'nodes', 'worker-3', ...args], [['worker-2', 'worker-3']]);
  it('adds', () => nodes(['dedicated=gpu:NoSchedule']));
  it('adds the same again', () => nodes(['dedicated=gpu:NoSchedule']));
  it('--overwrite', () => nodes(['dedicated=cpu:NoSchedule', '--overwrite']));
  it('adds another', () => nodes(['x:PreferNoSchedule']));
  it('node/NAME is not a type', () => sameShape(['taint', 'node/worker-2', 'x:PreferNoSchedule'], ['taint', 'node/worker-3', 'x:PreferNoSchedule'], [['worker-2', 'worker-3']]));
  it('removes by key and effect', () => nodes(['dedicated:NoSchedule-']));
  it('removes by key', () => nodes(['x-']));
  it('removes a missing taint', () => nodes(['nosuch-']));
  it('bad effect', () => nodes(['a=b:Sometimes']));
  it('no effect', () => nodes(['a=b']));
  it('bad key', () => nodes(['-a=b:NoSchedule']));
  it('pods are not nodes', () => same(['taint', 'pods', 'talker', 'a=b:NoSchedule']));
  it('no node name', () => same(['taint', 'nodes', 'a=b:NoSchedule']));
  it('no taint', () => same(['taint', 'nodes', 'worker-2']));
  it('a missing node', () => same(['taint', 'nodes', 'nosuch', 'a=b:NoSchedule']));
  it('taints after the change', async () => {
    const real = await h.kubectl(['get', 'node', 'worker-2', '-o', 'jsonpath={.spec.taints}']);
    const ours = await run(k, ['get', 'node', 'worker-3', '-o', 'jsonpath={.spec.taints}']);
    expect(ours.stdout).toBe(real.stdout);
  });
});

describe('wait (read-only: both wait on the same objects)', () => {
  it('condition met', () => same(['wait', '--for=condition=Ready', 'pod/talker']));
  it('condition met, TYPE NAME, case-insensitive', () => same(['wait', '--for=condition=ready', 'pods', 'talker', '--timeout=5s']));
  it('deployment Available', () => same(['wait', '--for=condition=Available', 'deployment/web']));
  it('jsonpath', () => same(['wait', '--for=jsonpath={.status.phase}=Running', 'pod/talker']));
  it('not met with --timeout=0', () => same(['wait', '--for=condition=Ready', 'pod/bad', '--timeout=0']));
  it('times out', () => same(['wait', '--for=condition=Ready', 'pod/bad', '--timeout=1s']));
  it('delete of a missing object', () => same(['wait', '--for=delete', 'pod/nosuch']));
  it('a missing object', () => same(['wait', '--for=condition=Ready', 'pod/nosuch']));
  it('unknown condition', () => same(['wait', '--for=foo', 'pod/talker']));
  it('no resources', () => same(['wait', '--for=delete']));
});

describe('top', () => {
  it('top pods -A', () => same(['top', 'pods', '-A']));
  it('top pod talker --containers', () => same(['top', 'pod', 'talker', '--containers']));
  it('top pods --containers', () => same(['top', 'pods', '--containers']));
  it('top nodes', () => same(['top', 'nodes']));
  it('top pod nosuch', () => same(['top', 'pod', 'nosuch']));
});

/**
 * Dry runs on the same node (nothing changes). Upstream collects drain's errors
 * and warnings in a Go map and evicts in parallel goroutines, so with several
 * reasons, or real evictions, its line order varies from run to run: those
 * cases are unit-tested instead.
 */
describe('drain (dry runs, one reason each)', () => {
  it('DaemonSet pods block the drain', () => same(['drain', 'worker-2', '--force', '--dry-run=client']));
  it('a pod without a controller blocks the drain', () => same(['drain', 'worker-2', '--ignore-daemonsets', '--dry-run=client']));
  it('control-plane, ignoring DaemonSets', () => same(['drain', 'control-plane', '--ignore-daemonsets', '--dry-run=client']));
  it('drain nosuch', () => same(['drain', 'nosuch']));
});
