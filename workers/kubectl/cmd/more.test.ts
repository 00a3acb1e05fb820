/**
 * autoscale, patch, replace, taint, wait, events, run -i/--rm, attach and
 * exec -it against an in-process cluster (paused clock; the terminal's
 * polling runs on fake timers): success lines, bad input, server errors.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCluster, type Cluster } from '../../cluster';
import { clusterKubectlClient } from '../clusterClient';
import { run, type Captured } from '../testing/run';
import type { KubectlClient } from '../client';
import { completeKubectl } from '../index';
import { parseTaints, reorganizeTaints, taintToString } from './taint';
import { parseCondition, conditionMet } from './wait';
import { eventInterval, sortEvents } from './events';
import { exitOf } from './runAttached';
import { rolloutStatus } from './rollout';
import type { ApiResource } from '../discovery/resources';

let c: Cluster;
let k: KubectlClient;

beforeAll(async () => {
  c = await createCluster({ seed: 7 });
  c.driver.setMode({ kind: 'paused' });
  advance(30_000);
  k = clusterKubectlClient(c);
  await run(k, 'create deployment web --image=nginx --replicas=2');
  await run(k, 'create configmap cfg --from-literal=a=b');
  await run(k, ['run', 'talker', '--image=busybox', '--', 'sh', '-c', 'echo hello; sleep 3600']);
  advance(60_000);
});

afterEach(() => {
  vi.useRealTimers();
});

function advance(ms: number): void {
  c.clock.runUntil({ time: c.clock.now() + ms, maxTasks: 1_000_000 });
}

/** Run a command that waits, moving virtual time and the (fake) wall clock until `until` holds for its output. */
async function drive(args: string[], until: (out: Captured) => boolean, abortAfter = true): Promise<Captured> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const abort = new AbortController();
  const out: Captured = { code: -1, stdout: '', stderr: '' };
  const { runKubectl } = await import('../index');
  let done = false;
  const p = runKubectl(args, k, { stdout: (t) => (out.stdout += t), stderr: (t) => (out.stderr += t), signal: abort.signal, readFile: () => undefined }).then((code) => {
    out.code = code;
    done = true;
  });
  for (let i = 0; i < 400 && !done && !until(out); i++) {
    advance(500);
    await vi.advanceTimersByTimeAsync(250);
  }
  if (abortAfter && !done) abort.abort();
  for (let i = 0; i < 100 && !done; i++) {
    advance(500);
    await vi.advanceTimersByTimeAsync(250);
  }
  await p;
  return out;
}

describe('autoscale', () => {
  it('creates an autoscaling/v1 HPA and refuses bad bounds', async () => {
    expect(await run(k, 'autoscale deploy web --min=2 --max=5 --cpu-percent=50')).toEqual({ code: 0, stdout: 'horizontalpodautoscaler.autoscaling/web autoscaled\n', stderr: '' });
    expect((await run(k, 'get hpa web -o jsonpath={.spec.minReplicas}/{.spec.maxReplicas}')).stdout).toBe('2/5');
    expect((await run(k, 'autoscale deploy web --max=5')).stderr).toBe('Error from server (AlreadyExists): horizontalpodautoscalers.autoscaling "web" already exists\n');
    expect(await run(k, 'autoscale deploy web')).toEqual({ code: 1, stdout: '', stderr: 'error: required flag(s) "max" not set\n' });
    expect((await run(k, 'autoscale deploy web --max=0')).stderr).toBe('error: --max=MAXPODS is required and must be at least 1, max: 0\n');
    expect((await run(k, 'autoscale deploy web --max=2 --min=3')).stderr).toBe('error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: 2, min: 3\n');
    expect((await run(k, 'autoscale cm cfg --max=2')).stderr).toMatch(/^error: cannot autoscale a ConfigMap: /);
    expect((await run(k, 'autoscale deploy web --max=3 --name=php --dry-run=client -o yaml')).stdout).toContain('apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata:\n  creationTimestamp: null\n  name: php\n');
  });
});

describe('patch', () => {
  it('patches, notices no change, and checks its flags', async () => {
    expect(await run(k, ['patch', 'cm', 'cfg', '-p', '{"data":{"x":"1"}}'])).toEqual({ code: 0, stdout: 'configmap/cfg patched\n', stderr: '' });
    expect((await run(k, ['patch', 'cm', 'cfg', '-p', 'data: {x: "1"}'])).stdout).toBe('configmap/cfg patched (no change)\n');
    expect((await run(k, ['patch', 'cm', 'cfg', '--type=json', '-p', '[{"op":"replace","path":"/data/x","value":"2"}]'])).stdout).toBe('configmap/cfg patched\n');
    expect((await run(k, ['patch', 'cm', 'cfg', '--type=merge', '-p', '{"data":{"x":null}}', '--dry-run=client', '-o', 'jsonpath={.data}'])).stdout).toBe('{"a":"b"}');
    expect((await run(k, ['patch', 'cm', 'cfg', '--type=foo', '-p', '{}'])).stderr).toBe('error: --type must be one of [json merge strategic], not "foo"\n');
    expect((await run(k, ['patch', 'cm', 'cfg'])).stderr).toBe('error: must specify --patch or --patch-file containing the contents of the patch\n');
    expect((await run(k, ['patch', 'cm', 'cfg', '-p', '{}', '--patch-file', 'x'])).stderr).toBe('error: cannot specify --patch and --patch-file together\n');
    expect((await run(k, ['patch', 'cm', 'nosuch', '-p', '{}'])).stderr).toBe('Error from server (NotFound): configmaps "nosuch" not found\n');
    expect((await run(k, ['patch', 'cm', 'cfg', '-p', '{"data": ['])).stderr).toMatch(/^error: unable to parse /);
    expect((await run(k, ['patch', 'cm', 'cfg', '--type=json', '-p', '{"op":"add"}'])).code).toBe(1);
  });
});

describe('replace', () => {
  it('replaces from a file and reports a missing object by its source', async () => {
    const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  only: this\n`;
    expect(await run(k, ['replace', '-f', 'cm.yaml'], { files: { 'cm.yaml': cm('cfg') } })).toEqual({ code: 0, stdout: 'configmap/cfg replaced\n', stderr: '' });
    expect((await run(k, 'get cm cfg -o jsonpath={.data}')).stdout).toBe('{"only":"this"}');
    expect((await run(k, ['replace', '-f', 'cm.yaml'], { files: { 'cm.yaml': cm('gone') } })).stderr).toBe('Error from server (NotFound): error when replacing "cm.yaml": configmaps "gone" not found\n');
    expect((await run(k, 'replace')).stderr).toBe('error: must specify one of -f and -k\n');
    expect((await run(k, ['replace', '-f', 'nosuch.yaml'])).stderr).toBe('error: the path "nosuch.yaml" does not exist\n');
  });
});

describe('taint', () => {
  it('adds, refuses duplicates, modifies and removes', async () => {
    expect(await run(k, 'taint nodes worker-1 gpu=yes:NoSchedule')).toEqual({ code: 0, stdout: 'node/worker-1 tainted\n', stderr: '' });
    expect((await run(k, 'taint nodes worker-1 gpu=no:NoSchedule')).stderr).toBe('error: node worker-1 already has gpu taint(s) with same effect(s) and --overwrite is false\n');
    expect((await run(k, 'taint nodes worker-1 gpu=no:NoSchedule --overwrite')).stdout).toBe('node/worker-1 modified\n');
    expect((await run(k, 'get node worker-1 -o jsonpath={.spec.taints[0].value}')).stdout).toBe('no');
    expect((await run(k, 'taint nodes worker-1 gpu-')).stdout).toBe('node/worker-1 untainted\n');
    expect((await run(k, 'taint nodes worker-1 gpu-')).stderr).toBe('error: taint "gpu" not found\n');
    expect((await run(k, 'taint nodes worker-1 a=b:Sometimes')).stderr).toBe("error: invalid taint effect: Sometimes, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n");
    // No colon: the whole `a=b` is the key, which is not a qualified name.
    expect((await run(k, 'taint nodes worker-1 a=b')).stderr).toMatch(/^error: invalid taint spec: a=b, name part must consist of alphanumeric characters/);
    expect((await run(k, 'taint nodes worker-1 a=b:')).stderr).toBe("error: invalid taint effect: , unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n");
    expect((await run(k, 'taint nodes worker-1 a:NoSchedule a:NoSchedule-')).stderr).toBe('error: can not both modify and remove the following taint(s) in the same command: a=NoSchedule\n');
    expect((await run(k, 'taint pods talker a:NoSchedule')).stderr).toBe('error: invalid resource type pods, only node types are supported\n');
    expect((await run(k, 'taint nodes a:NoSchedule')).stderr).toBe("error: at least one resource name must be specified since 'all' parameter is not set\n");
    expect((await run(k, 'taint nodes worker-1')).stderr).toBe('error: at least one taint update is required\n');
    expect((await run(k, 'taint nodes a:NoSchedule worker-1')).stderr).toBe('error: all resources must be specified before taint changes: worker-1\n');
  });
  it('parses and reorganizes taints as upstream', () => {
    expect(parseTaints(['a=b:NoSchedule', 'c:NoExecute-', 'd-'])).toEqual({ add: [{ key: 'a', value: 'b', effect: 'NoSchedule' }], remove: [{ key: 'c', effect: 'NoExecute' }, { key: 'd' }] });
    expect(() => parseTaints(['a:NoSchedule', 'a=x:NoSchedule'])).toThrow('duplicated taints with the same key and effect: {a x NoSchedule <nil>}');
    expect(() => parseTaints(['a=b=c:NoSchedule'])).toThrow('invalid taint spec: a=b=c:NoSchedule');
    expect(() => parseTaints(['a:b:c'])).toThrow('invalid taint spec: a:b:c');
    const r = reorganizeTaints([{ key: 'old', effect: 'NoSchedule' }], false, [{ key: 'new', effect: 'NoExecute' }], []);
    expect(r).toEqual({ operation: 'tainted', taints: [{ key: 'new', effect: 'NoExecute' }, { key: 'old', effect: 'NoSchedule' }], errors: [] });
    expect(taintToString({ key: 'k', value: 'v', effect: 'NoSchedule' })).toBe('k=v:NoSchedule');
  });
});

describe('wait', () => {
  it('parses conditions and reads them like kubectl', () => {
    expect(parseCondition('condition=Ready')).toEqual({ kind: 'condition', name: 'Ready', value: 'true' });
    expect(parseCondition('condition=Ready=False')).toEqual({ kind: 'condition', name: 'Ready', value: 'False' });
    expect(parseCondition('jsonpath={.status.phase}=Running')).toEqual({ kind: 'jsonpath', template: '{.status.phase}', value: 'Running' });
    expect(() => parseCondition('jsonpath={.a}=')).toThrow('jsonpath wait has to have a value after equal sign');
    expect(() => parseCondition('nope')).toThrow('unrecognized condition: "nope"');
    const o = { metadata: { generation: 2 }, status: { observedGeneration: 1, conditions: [{ type: 'Available', status: 'True' }] } };
    expect(conditionMet(o, 'available', 'true')).toBe(false);
    expect(conditionMet({ ...o, metadata: { generation: 1 } }, 'available', 'true')).toBe(true);
  });
  it('waits for a condition, for deletion, and times out', async () => {
    expect(await run(k, 'wait --for=condition=Ready pod/talker')).toEqual({ code: 0, stdout: 'pod/talker condition met\n', stderr: '' });
    expect((await run(k, 'wait --for=condition=Ready pod/talker --timeout=0 -o name')).stdout).toBe('pod/talker\n');
    expect((await run(k, 'wait --for=condition=Nope pod/talker --timeout=0')).stderr).toBe('error: condition not met for pods/talker\n');
    expect((await run(k, 'wait --for=delete pod/nosuch')).code).toBe(0);
    expect((await run(k, 'wait --for=condition=Ready pod/nosuch')).stderr).toBe('Error from server (NotFound): pods "nosuch" not found\n');
    expect((await run(k, 'wait --for=delete pod/talker --timeout=xyz')).stderr).toMatch(/^Error: invalid argument "xyz" for "--timeout" flag/);
  });
  it('sees a deletion through the watch', async () => {
    await run(k, 'create configmap doomed');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const abort = new AbortController();
    let out = '';
    const { runKubectl } = await import('../index');
    const p = runKubectl(['wait', '--for=delete', 'cm/doomed', '--timeout=60s'], k, { stdout: (t) => (out += t), stderr: (t) => (out += t), signal: abort.signal, readFile: () => undefined });
    await vi.advanceTimersByTimeAsync(10);
    await run(k, 'delete cm doomed --wait=false');
    await vi.advanceTimersByTimeAsync(10);
    expect(await p).toBe(0);
    expect(out).toBe('configmap/doomed condition met\n');
  });
  it('times out on the wall clock', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let err = '';
    const { runKubectl } = await import('../index');
    const p = runKubectl(['wait', '--for=condition=Nope', 'pod/talker', '--timeout=2s'], k, { stdout: () => undefined, stderr: (t) => (err += t), signal: new AbortController().signal, readFile: () => undefined });
    await vi.advanceTimersByTimeAsync(2500);
    expect(await p).toBe(1);
    expect(err).toBe('error: timed out waiting for the condition on pods/talker\n');
  });
});

describe('events', () => {
  it('prints its own table and filters', async () => {
    const r = await run(k, 'events');
    expect(r.stdout.split('\n')[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    expect(r.stdout).toMatch(/Normal\s+ScalingReplicaSet\s+Deployment\/web\s+Scaled up replica set web-/);
    expect((await run(k, 'events --for deployment/web --no-headers')).stdout.trim().split('\n').every((l) => l.includes('Deployment/web'))).toBe(true);
    expect(await run(k, 'events --types=Bad')).toEqual({ code: 1, stdout: '', stderr: 'error: valid --types are Normal or Warning\n' });
    expect(await run(k, 'events -n nosuch')).toEqual({ code: 0, stdout: '', stderr: 'No events found in nosuch namespace.\n' });
    expect((await run(k, 'events --for web')).stderr).toBe('error: --for must be in resource/name form\n');
  });
  it('words intervals and sorts by last time', () => {
    const now = Date.parse('2025-01-01T01:00:00Z');
    expect(eventInterval({ count: 3, firstTimestamp: '2025-01-01T00:00:00Z', lastTimestamp: '2025-01-01T00:59:00Z' }, now)).toBe('60s (x3 over 60m)');
    expect(eventInterval({ eventTime: null, firstTimestamp: null }, now)).toBe('<unknown>');
    const sorted = sortEvents([{ reason: 'b', lastTimestamp: '2025-01-01T00:00:02Z' }, { reason: 'a', lastTimestamp: '2025-01-01T00:00:01Z' }]);
    expect(sorted.map((e) => e.reason)).toEqual(['a', 'b']);
  });
});

describe('run -i / --rm / attach', () => {
  it('refuses bad combinations as upstream', async () => {
    expect((await run(k, 'run x --image=busybox -t')).stderr).toBe("error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n");
    expect((await run(k, 'run x --image=busybox --rm')).stderr).toBe("error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n");
    expect((await run(k, 'run x --image=busybox -i --dry-run=client')).stderr).toBe("error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples\n");
    expect((await run(k, 'run x --image=busybox -it --dry-run=client -o yaml --attach=false')).stdout).toContain('    stdin: true\n    stdinOnce: true\n    tty: true\n');
  });
  it('streams the load generator and deletes it on Ctrl+C', async () => {
    const args = ['run', '-i', '--tty', 'load-generator', '--rm', '--image=busybox:1.28', '--restart=Never', '--', '/bin/sh', '-c', 'while sleep 1; do echo OK!; done'];
    const out = await drive(args, (o) => (o.stdout.match(/OK!/g) ?? []).length >= 3);
    expect(out.stderr).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect(out.stdout).toMatch(/^(OK!\n)+pod "load-generator" deleted\n$/);
    expect(out.code).toBe(130);
    const pod = await k.request({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace: 'default', name: 'load-generator' });
    expect(pod.status === 404 || !!(pod.body as { metadata?: { deletionTimestamp?: string } }).metadata?.deletionTimestamp).toBe(true);
  });
  it('returns the exit code of a finished pod', async () => {
    const out = await drive(['run', '-i', 'quitter', '--image=busybox', '--restart=Never', '--', 'sh', '-c', 'echo bye; exit 3'], () => false, false);
    expect(out.stdout).toBe('bye\n');
    expect(out.code).toBe(3);
    expect(out.stderr).toMatch(/pod default\/quitter terminated \(Error\)\n$/);
  });
  it('words the exits of finished pods', () => {
    const pod = (phase: string, terminated?: object) => ({ metadata: { name: 'p', namespace: 'ns' }, status: { phase, containerStatuses: terminated ? [{ state: { terminated } }] : [] } });
    expect(exitOf(pod('Succeeded'))).toEqual({ code: 0 });
    expect(exitOf(pod('Failed')).error?.message).toBe('error: pod ns/p failed with unknown exit code');
    expect(exitOf(pod('Failed', { exitCode: 2, reason: 'Error', message: 'boom' }))).toMatchObject({ code: 2, error: { message: 'pod ns/p terminated (Error)\nboom' } });
    expect(exitOf(pod('Running')).error?.message).toBe('error: pod ns/p left in phase Running');
  });
  it('attach follows a running container; exec -it says it has no TTY', async () => {
    const out = await drive(['attach', 'talker'], (o) => o.stdout.includes('hello'));
    expect(out.stdout).toBe('hello\n');
    expect(out.stderr).toBe("If you don't see a command prompt, try pressing enter.\n");
    expect((await run(k, 'attach nosuch')).stderr).toBe('Error from server (NotFound): pods "nosuch" not found\n');
    expect(await run(k, ['exec', '-it', 'talker', '--', 'echo', 'hi'])).toEqual({ code: 0, stdout: 'hi\n', stderr: 'Unable to use a TTY - input is not a terminal or the right kind of file\n' });
    expect((await run(k, ['exec', '-t', 'talker', '--', 'echo', 'hi'])).stderr).toBe('');
  });
});

describe('get --watch-only', () => {
  it('prints only changes', async () => {
    let created = false;
    const out = await drive(['get', 'cm', '--watch-only'], (o) => {
      if (!created) void run(k, 'create configmap later');
      created = true;
      return o.stdout.includes('later');
    });
    expect(out.stdout).toMatch(/^NAME\s+DATA\s+AGE\nlater\s+0\s+0s\n$/);
    expect(out.code).toBe(0);
  });
});

describe('rollout status lines (upstream strings)', () => {
  const deploy: ApiResource = { group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment', namespaced: true } as ApiResource;
  const d = (spec: object, status: object, generation = 2) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', generation }, spec, status }) as never;
  it('follows a deployment through its rollout', () => {
    expect(rolloutStatus(deploy, d({ replicas: 3 }, { observedGeneration: 1 })).text).toBe('Waiting for deployment spec update to be observed...\n');
    expect(rolloutStatus(deploy, d({ replicas: 3 }, { observedGeneration: 2, updatedReplicas: 1, replicas: 4 })).text).toBe('Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\n');
    expect(rolloutStatus(deploy, d({ replicas: 3 }, { observedGeneration: 2, updatedReplicas: 3, replicas: 4 })).text).toBe('Waiting for deployment "web" rollout to finish: 1 old replicas are pending termination...\n');
    expect(rolloutStatus(deploy, d({ replicas: 3 }, { observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 2 })).text).toBe('Waiting for deployment "web" rollout to finish: 2 of 3 updated replicas are available...\n');
    expect(rolloutStatus(deploy, d({ replicas: 3 }, { observedGeneration: 2, updatedReplicas: 3, replicas: 3, availableReplicas: 3 }))).toEqual({ text: 'deployment "web" successfully rolled out\n', done: true });
    expect(() => rolloutStatus(deploy, d({ replicas: 3 }, { observedGeneration: 2, conditions: [{ type: 'Progressing', reason: 'ProgressDeadlineExceeded' }] }))).toThrow('error: deployment "web" exceeded its progress deadline');
  });
});

describe('completion', () => {
  it('offers the new commands, their flags and node names', async () => {
    expect((await completeKubectl('kubectl auto', 12, k)).candidates).toEqual(['autoscale']);
    expect((await completeKubectl('kubectl ev', 10, k)).candidates).toEqual(['events']);
    expect((await completeKubectl('kubectl patch cm cfg --ty', 25, k)).candidates).toEqual(['--type']);
    expect((await completeKubectl('kubectl wait --fo', 17, k)).candidates).toEqual(['--for']);
    expect((await completeKubectl('kubectl taint nodes work', 24, k)).candidates).toEqual(['worker-1', 'worker-2', 'worker-3']);
    expect((await completeKubectl('kubectl run x -i --rm --ima', 27, k)).candidates).toEqual(['--image', '--image-pull-policy']);
  });
});
