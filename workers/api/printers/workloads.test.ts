import { describe, expect, it } from 'vitest';
import { controllerRevisionPrinter } from './controllerrevision';
import { cronJobPrinter } from './cronjob';
import { daemonSetPrinter } from './daemonset';
import { deploymentPrinter } from './deployment';
import { ago, H, M, NOW, obj, S } from './fixtures';
import { jobPrinter } from './job';
import { replicaSetPrinter } from './replicaset';
import { replicationControllerPrinter } from './replicationcontroller';
import { statefulSetPrinter } from './statefulset';

const template = (...images: string[]) => ({
  metadata: { labels: { app: 'web' } },
  spec: { containers: images.map((image, i) => ({ name: `c${i}`, image })) },
});

describe('deployment', () => {
  const deploy = (replicas: number | undefined, status: Record<string, unknown>, selector: unknown = { matchLabels: { app: 'web' } }) =>
    obj('apps/v1', 'Deployment', 'web', { spec: { replicas, selector, template: template('nginx:1.27', 'busybox') }, status });

  it.each([
    [3, {}, '0/3', 0, 0],
    [3, { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 }, '2/3', 3, 2],
    [0, { readyReplicas: 0 }, '0/0', 0, 0],
    [2, { readyReplicas: 4, updatedReplicas: 2, availableReplicas: 4 }, '4/2', 2, 4],
  ])('replicas %s, status %j → READY %s', (replicas, status, ready, upToDate, available) => {
    expect(deploymentPrinter.row(deploy(replicas, status), NOW).slice(1, 4)).toEqual([ready, upToDate, available]);
  });

  it('wide: containers, images and selector', () => {
    expect(deploymentPrinter.row(deploy(1, {}), NOW).slice(4)).toEqual(['5m', 'c0,c1', 'nginx:1.27,busybox', 'app=web']);
  });

  it('selector with expressions; an empty one prints empty, a broken one <invalid>', () => {
    const sel = { matchLabels: { tier: 'fe' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }, { key: 'canary', operator: 'DoesNotExist' }] };
    expect(deploymentPrinter.row(deploy(1, {}, sel), NOW)[7]).toBe('!canary,env in (dev,prod),tier=fe');
    expect(deploymentPrinter.row(deploy(1, {}, {}), NOW)[7]).toBe('');
    expect(deploymentPrinter.row(deploy(1, {}, { matchExpressions: [{ key: 'a', operator: 'Near' }] }), NOW)[7]).toBe('<invalid>');
  });
});

describe('replicaset, replicationcontroller, statefulset, daemonset', () => {
  it('replicaset desired / current / ready as integers', () => {
    const rs = obj('apps/v1', 'ReplicaSet', 'web-7d9f', {
      spec: { replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d9f' } }, template: template('nginx') },
      status: { replicas: 3, readyReplicas: 1 },
    });
    expect(replicaSetPrinter.row(rs, NOW)).toEqual(['web-7d9f', 3, 3, 1, '5m', 'c0', 'nginx', 'app=web,pod-template-hash=7d9f']);
  });

  it('replicationcontroller selector is a plain label map', () => {
    const rc = obj('v1', 'ReplicationController', 'rc', { spec: { replicas: 2, selector: { app: 'x' }, template: template('nginx') }, status: { replicas: 2, readyReplicas: 2 } });
    expect(replicationControllerPrinter.row(rc, NOW)).toEqual(['rc', 2, 2, 2, '5m', 'c0', 'nginx', 'app=x']);
  });

  it('statefulset READY ready/desired', () => {
    const sts = obj('apps/v1', 'StatefulSet', 'db', { spec: { replicas: 3, template: template('postgres:16') }, status: { readyReplicas: 1 } });
    expect(statefulSetPrinter.row(sts, NOW)).toEqual(['db', '1/3', '5m', 'c0', 'postgres:16']);
  });

  it('daemonset counts and node selector', () => {
    const ds = obj('apps/v1', 'DaemonSet', 'agent', {
      spec: { selector: { matchLabels: { app: 'agent' } }, template: { spec: { nodeSelector: { 'kubernetes.io/os': 'linux' }, containers: [{ name: 'a', image: 'agent:1' }] } } },
      status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 },
    });
    expect(daemonSetPrinter.row(ds, NOW)).toEqual(['agent', 3, 3, 2, 3, 2, 'kubernetes.io/os=linux', '5m', 'a', 'agent:1', 'app=agent']);
    const noSel = obj('apps/v1', 'DaemonSet', 'x', { spec: { template: { spec: { containers: [] } } } });
    expect(daemonSetPrinter.row(noSel, NOW)[6]).toBe('<none>');
  });

  it('controllerrevision names its controller kind.group/name', () => {
    const owned = (apiVersion: string, kind: string) =>
      obj('apps/v1', 'ControllerRevision', 'web-6c5d', { revision: 2 }, { ownerReferences: [{ apiVersion, kind, name: 'web', uid: 'u', controller: true }] });
    expect(controllerRevisionPrinter.row(owned('apps/v1', 'StatefulSet'), NOW)).toEqual(['web-6c5d', 'statefulset.apps/web', 2, '5m']);
    expect(controllerRevisionPrinter.row(owned('v1', 'Pod'), NOW)[1]).toBe('pod/web');
    const notController = obj('apps/v1', 'ControllerRevision', 'r', { revision: 1 }, { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'd', uid: 'u' }] });
    expect(controllerRevisionPrinter.row(notController, NOW)[1]).toBe('<none>');
  });
});

describe('job', () => {
  const job = (spec: Record<string, unknown>, status: Record<string, unknown> = {}, meta: Record<string, unknown> = {}) =>
    obj('batch/v1', 'Job', 'pi', { spec: { template: template('perl'), selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'abc' } }, ...spec }, status }, meta);
  const cond = (type: string, status = 'True') => ({ type, status });

  it.each([
    ['Running', job({ completions: 1 }, { active: 1, startTime: ago(30 * S) })],
    ['Complete', job({ completions: 1 }, { conditions: [cond('SuccessCriteriaMet'), cond('Complete')] })],
    ['Failed', job({}, { conditions: [cond('FailureTarget'), cond('Failed')] })],
    ['Terminating', job({}, {}, { deletionTimestamp: ago(S) })],
    ['Suspended', job({ suspend: true }, { conditions: [cond('Suspended')] })],
    ['FailureTarget', job({}, { conditions: [cond('FailureTarget')] })],
    ['Running', job({}, { conditions: [cond('Complete', 'False')] })],
  ])('STATUS %s', (want, j) => {
    expect(jobPrinter.row(j, NOW)[1]).toBe(want);
  });

  it.each([
    [{ completions: 1 }, { succeeded: 1 }, '1/1'],
    [{ completions: 5, parallelism: 2 }, { succeeded: 3 }, '3/5'],
    [{ parallelism: 3 }, { succeeded: 0 }, '0/1 of 3'],
    [{ parallelism: 1 }, {}, '0/1'],
    [{}, {}, '0/1'],
  ])('COMPLETIONS for spec %j status %j → %s', (spec, status, want) => {
    expect(jobPrinter.row(job(spec, status), NOW)[2]).toBe(want);
  });

  it('DURATION: empty before start, running time, then start to completion', () => {
    expect(jobPrinter.row(job({}), NOW)[3]).toBe('');
    expect(jobPrinter.row(job({}, { startTime: ago(90 * S) }), NOW)[3]).toBe('90s');
    expect(jobPrinter.row(job({}, { startTime: ago(2 * H), completionTime: ago(2 * H - 5 * M - 3 * S) }), NOW)[3]).toBe('5m3s');
  });

  it('wide cells', () => {
    expect(jobPrinter.row(job({}), NOW).slice(5)).toEqual(['c0', 'perl', 'batch.kubernetes.io/controller-uid=abc']);
  });
});

describe('cronjob', () => {
  it('prints schedule, timezone, suspend, active and last schedule', () => {
    const cj = obj('batch/v1', 'CronJob', 'hello', {
      spec: { schedule: '*/1 * * * *', timeZone: 'Etc/UTC', suspend: false, jobTemplate: { spec: { template: template('busybox') } } },
      status: { active: [{ name: 'hello-1' }], lastScheduleTime: ago(45 * S) },
    });
    expect(cronJobPrinter.row(cj, NOW)).toEqual(['hello', '*/1 * * * *', 'Etc/UTC', 'False', 1, '45s', '5m', 'c0', 'busybox', '<none>']);
  });

  it('prints <none> timezone / last schedule and <unset> suspend when absent', () => {
    const cj = obj('batch/v1', 'CronJob', 'c', { spec: { schedule: '@hourly', jobTemplate: { spec: { template: template() } } } });
    expect(cronJobPrinter.row(cj, NOW).slice(1, 6)).toEqual(['@hourly', '<none>', '<unset>', 0, '<none>']);
    const suspended = obj('batch/v1', 'CronJob', 'c', { spec: { schedule: '@daily', suspend: true, jobTemplate: {} } });
    expect(cronJobPrinter.row(suspended, NOW)[3]).toBe('True');
  });
});
