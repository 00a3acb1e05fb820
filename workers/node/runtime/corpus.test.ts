/**
 * The corpus scenarios that depend on what containers do
 * (/work/shared/corpus/INDEX.md), with their commands exactly as the
 * manifests decode.
 */
import { describe, expect, it } from 'vitest';
import { harness, memoryVolume } from './testing';

describe('corpus container behaviour', () => {
  it('debug__termination.yaml: writes "Sleep expired" to /dev/termination-log after 10 s', () => {
    const h = harness();
    const p = h.run('debian', { command: ['/bin/sh'], args: ['-c', 'sleep 10 && echo Sleep expired > /dev/termination-log'] });
    h.clock.runFor(9_999);
    expect(p.exited()).toBeUndefined();
    h.clock.runFor(1);
    expect(p.exited()).toEqual({ exitCode: 0, reason: 'Completed', message: 'Sleep expired\n' });
  });

  it('pods__commands.yaml: printenv HOSTNAME KUBERNETES_PORT', () => {
    const h = harness();
    const p = h.run('debian', {
      podName: 'command-demo',
      command: ['printenv'],
      args: ['HOSTNAME', 'KUBERNETES_PORT'],
      env: [['KUBERNETES_SERVICE_HOST', '10.96.0.1'], ['KUBERNETES_PORT', 'tcp://10.96.0.1:443']],
    });
    h.waitExit(p);
    expect(h.stdout(p)).toBe('command-demo\ntcp://10.96.0.1:443\n');
    expect(p.exited()).toEqual({ exitCode: 0, reason: 'Completed' });
  });

  it.each([[0, 'oof'], [1, 'rab'], [2, 'zab'], [3, 'xuq'], [4, 'zyx']])('application-job__indexed-job.yaml: index %i prints %s', (index, reversed) => {
    const h = harness();
    const input = memoryVolume();
    const mounts = [{ path: '/input', volume: input, readOnly: false }];
    const env: [string, string][] = [['JOB_COMPLETION_INDEX', String(index)]];
    const init = h.run('docker.io/library/bash', {
      command: ['bash', '-c', 'items=(foo bar baz qux xyz)\necho ${items[$JOB_COMPLETION_INDEX]} > /input/data.txt\n'],
      env,
      mounts,
    });
    h.waitExit(init);
    expect(init.exited()).toEqual({ exitCode: 0, reason: 'Completed' });
    const worker = h.run('docker.io/library/busybox', { command: ['rev', '/input/data.txt'], env, mounts });
    h.waitExit(worker);
    expect(h.stdout(worker)).toBe(`${reversed}\n`);
    expect(worker.exited()?.reason).toBe('Completed');
  });

  it('pods-inject__dapi-envars-pod.yaml: prints the env every 10 s with one task per wake-up', () => {
    const h = harness();
    const p = h.run('registry.k8s.io/busybox:1.27.2', {
      podName: 'dapi-envars-fieldref',
      command: ['sh', '-c'],
      args: ["while true; do echo -en '\\n'; printenv MY_NODE_NAME MY_POD_NAME MY_POD_NAMESPACE; printenv MY_POD_IP MY_POD_SERVICE_ACCOUNT; sleep 10; done;"],
      env: [['MY_NODE_NAME', 'node-1'], ['MY_POD_NAME', 'dapi-envars-fieldref'], ['MY_POD_NAMESPACE', 'default'], ['MY_POD_IP', '10.244.1.5'], ['MY_POD_SERVICE_ACCOUNT', 'default']],
    });
    const block = '\nnode-1\ndapi-envars-fieldref\ndefault\n10.244.1.5\ndefault\n';
    expect(h.stdout(p)).toBe(block);
    expect(h.clock.pending()).toBe(1);
    const ran = h.clock.runFor(25_000);
    expect(ran).toBe(2);
    expect(h.stdout(p)).toBe(block.repeat(3));
    expect(p.exited()).toBeUndefined();
  });

  it('secret__dotfile-secret.yaml: ls -l hides the dotfile, so logs show total 0', () => {
    const h = harness();
    const secret = memoryVolume({ '..data/.secret-file': 'value-2\r\n\r\n', '.secret-file': 'value-2\r\n\r\n' }, { readOnly: true, atomic: true });
    const p = h.run('registry.k8s.io/busybox', { command: ['ls', '-l', '/etc/secret-volume'], mounts: [{ path: '/etc/secret-volume', volume: secret, readOnly: true }] });
    h.waitExit(p);
    expect(h.stdout(p)).toBe('total 0\n');
    expect(p.exited()).toEqual({ exitCode: 0, reason: 'Completed' });
    const all = h.run('registry.k8s.io/busybox', { command: ['ls', '-a', '/etc/secret-volume'], mounts: [{ path: '/etc/secret-volume', volume: secret, readOnly: true }] });
    h.waitExit(all);
    expect(h.stdout(all)).toBe('.\n..\n..data\n.secret-file\n');
  });

  it('pods__pod-configmap-volume.yaml: lists the ConfigMap keys and completes', () => {
    const h = harness();
    const cm = memoryVolume({ SPECIAL_LEVEL: 'very', SPECIAL_TYPE: 'charm' }, { readOnly: true, atomic: true });
    const p = h.run('registry.k8s.io/busybox:1.27.2', { command: ['/bin/sh', '-c', 'ls /etc/config/'], mounts: [{ path: '/etc/config', volume: cm, readOnly: true }] });
    h.waitExit(p);
    expect(h.stdout(p)).toBe('SPECIAL_LEVEL\nSPECIAL_TYPE\n');
    expect(p.exited()).toEqual({ exitCode: 0, reason: 'Completed' });
  });
});
