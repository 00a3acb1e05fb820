import { describe, expect, it } from 'vitest';
import { ago, cstatus, M, NOW, pod, running, S } from './fixtures';
import { podPrinter } from './pod';

const cells = (p: ReturnType<typeof pod>) => podPrinter.row(p, NOW);
/** [READY, STATUS, RESTARTS] */
const summary = (p: ReturnType<typeof pod>) => cells(p).slice(1, 4);

describe('pod STATUS / READY / RESTARTS', () => {
  it.each([
    ['Pending, not scheduled', pod({}), ['0/1', 'Pending', '0']],
    [
      'ContainerCreating',
      pod({ statuses: [cstatus('app', { waiting: { reason: 'ContainerCreating' } })] }),
      ['0/1', 'ContainerCreating', '0'],
    ],
    ['Running 1/1', pod({ phase: 'Running', statuses: [running('app')] }), ['1/1', 'Running', '0']],
    [
      'Running but not ready',
      pod({ phase: 'Running', statuses: [running('app', { ready: false })] }),
      ['0/1', 'Running', '0'],
    ],
    [
      'CrashLoopBackOff with the last restart 5m ago',
      pod({
        phase: 'Running',
        statuses: [
          cstatus('app', { waiting: { reason: 'CrashLoopBackOff' } }, {
            restartCount: 3,
            lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(5 * M) } },
          }),
        ],
      }),
      ['0/1', 'CrashLoopBackOff', '3 (5m ago)'],
    ],
    [
      'restarts without a recorded termination print no time',
      pod({ phase: 'Running', statuses: [running('app', { restartCount: 2 })] }),
      ['1/1', 'Running', '2'],
    ],
    [
      'Completed',
      pod({ phase: 'Succeeded', statuses: [cstatus('app', { terminated: { exitCode: 0, reason: 'Completed' } })] }),
      ['0/1', 'Completed', '0'],
    ],
    [
      'Error',
      pod({ phase: 'Failed', statuses: [cstatus('app', { terminated: { exitCode: 1, reason: 'Error' } })] }),
      ['0/1', 'Error', '0'],
    ],
    [
      'OOMKilled',
      pod({ phase: 'Running', statuses: [cstatus('app', { terminated: { exitCode: 137, reason: 'OOMKilled' } })] }),
      ['0/1', 'OOMKilled', '0'],
    ],
    [
      'terminated without a reason: exit code, then signal',
      pod({
        phase: 'Failed',
        containers: ['a', 'b'],
        statuses: [cstatus('a', { terminated: { exitCode: 2 } }), cstatus('b', { terminated: { exitCode: 0, signal: 9 } })],
      }),
      ['0/2', 'ExitCode:2', '0'],
    ],
    [
      'first container wins when several wait',
      pod({
        containers: ['a', 'b'],
        statuses: [cstatus('a', { waiting: { reason: 'ErrImagePull' } }), cstatus('b', { waiting: { reason: 'ContainerCreating' } })],
      }),
      ['0/2', 'ErrImagePull', '0'],
    ],
    [
      'Terminating when deletionTimestamp is set',
      pod({ phase: 'Running', statuses: [running('app')], deletionTimestamp: ago(10 * S) }),
      ['1/1', 'Terminating', '0'],
    ],
    [
      'a finished pod being deleted keeps its final status',
      pod({
        phase: 'Succeeded',
        statuses: [cstatus('app', { terminated: { exitCode: 0, reason: 'Completed' } })],
        deletionTimestamp: ago(10 * S),
      }),
      ['0/1', 'Completed', '0'],
    ],
    [
      'Unknown for a pod deleted on a lost node',
      pod({ phase: 'Running', reason: 'NodeLost', statuses: [running('app')], deletionTimestamp: ago(10 * S) }),
      ['1/1', 'Unknown', '0'],
    ],
    [
      'status.reason replaces the phase',
      pod({ phase: 'Failed', reason: 'Evicted' }),
      ['0/1', 'Evicted', '0'],
    ],
    [
      'SchedulingGated',
      pod({ conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }),
      ['0/1', 'SchedulingGated', '0'],
    ],
  ])('%s', (_name, p, want) => {
    expect(summary(p)).toEqual(want);
  });
});

describe('pod init containers', () => {
  const two = [{ name: 'init-a' }, { name: 'init-b' }];
  it.each([
    [
      'Init:0/2 while the first runs',
      pod({ initContainers: two, initStatuses: [cstatus('init-a', { running: {} }), cstatus('init-b', { waiting: { reason: 'PodInitializing' } })] }),
      ['0/1', 'Init:0/2', '0'],
    ],
    [
      'Init:1/2 once the first succeeded',
      pod({
        initContainers: two,
        initStatuses: [cstatus('init-a', { terminated: { exitCode: 0, reason: 'Completed' } }), cstatus('init-b', { running: {} })],
      }),
      ['0/1', 'Init:1/2', '0'],
    ],
    [
      'Init:CrashLoopBackOff counts init restarts',
      pod({
        initContainers: two,
        initStatuses: [
          cstatus('init-a', { waiting: { reason: 'CrashLoopBackOff' } }, {
            restartCount: 4,
            lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(20 * S) } },
          }),
          cstatus('init-b', { waiting: { reason: 'PodInitializing' } }),
        ],
        statuses: [cstatus('app', { waiting: { reason: 'PodInitializing' } })],
      }),
      ['0/1', 'Init:CrashLoopBackOff', '4 (20s ago)'],
    ],
    [
      'Init:Error',
      pod({ initContainers: two, initStatuses: [cstatus('init-a', { terminated: { exitCode: 1, reason: 'Error' } })] }),
      ['0/1', 'Init:Error', '0'],
    ],
    [
      'Init:ExitCode and Init:Signal without a reason',
      pod({ initContainers: [{ name: 'init-a' }], initStatuses: [cstatus('init-a', { terminated: { exitCode: 3 } })] }),
      ['0/1', 'Init:ExitCode:3', '0'],
    ],
    [
      'Init:Signal',
      pod({ initContainers: [{ name: 'init-a' }], initStatuses: [cstatus('init-a', { terminated: { exitCode: 1, signal: 15 } })] }),
      ['0/1', 'Init:Signal:15', '0'],
    ],
    [
      'PodInitializing once init containers are done',
      pod({
        initContainers: two,
        initStatuses: [
          cstatus('init-a', { terminated: { exitCode: 0, reason: 'Completed' } }),
          cstatus('init-b', { terminated: { exitCode: 0, reason: 'Completed' } }),
        ],
        statuses: [cstatus('app', { waiting: { reason: 'PodInitializing' } })],
      }),
      ['0/1', 'PodInitializing', '0'],
    ],
  ])('%s', (_name, p, want) => {
    expect(summary(p)).toEqual(want);
  });

  it('counts a started sidecar as a container and adds its restarts', () => {
    const p = pod({
      phase: 'Running',
      initContainers: [{ name: 'proxy', restartPolicy: 'Always' }],
      initStatuses: [
        running('proxy', { restartCount: 2, lastState: { terminated: { exitCode: 1, finishedAt: ago(3 * M) } } }),
      ],
      statuses: [running('app', { restartCount: 1, lastState: { terminated: { exitCode: 1, finishedAt: ago(7 * M) } } })],
      conditions: [{ type: 'Initialized', status: 'True' }],
    });
    expect(summary(p)).toEqual(['2/2', 'Running', '3 (3m ago)']);
  });

  it('a sidecar that has not started yet holds the pod in Init', () => {
    const p = pod({
      initContainers: [{ name: 'proxy', restartPolicy: 'Always' }],
      initStatuses: [cstatus('proxy', { running: {} }, { started: false })],
    });
    expect(summary(p)).toEqual(['0/2', 'Init:0/1', '0']);
  });

  it('Completed with a container still running reads Running or NotReady', () => {
    const base = {
      phase: 'Running',
      containers: ['job', 'side'],
      statuses: [cstatus('job', { terminated: { exitCode: 0, reason: 'Completed' } }), running('side')],
    };
    expect(summary(pod({ ...base, conditions: [{ type: 'Ready', status: 'True' }] }))[1]).toBe('Running');
    expect(summary(pod(base))[1]).toBe('NotReady');
  });
});

describe('pod wide cells and row conditions', () => {
  it('prints <none> for missing IP, node, nominated node and readiness gates', () => {
    expect(cells(pod({})).slice(4)).toEqual(['5m', '<none>', '<none>', '<none>', '<none>']);
  });

  it('prints IP, node and readiness gates n/m', () => {
    const p = pod({
      phase: 'Running',
      nodeName: 'node-1',
      podIP: '10.244.1.5',
      readinessGates: ['example.com/a', 'example.com/b'],
      conditions: [
        { type: 'example.com/a', status: 'True' },
        { type: 'example.com/b', status: 'False' },
      ],
    });
    expect(cells(p).slice(5)).toEqual(['10.244.1.5', 'node-1', '<none>', '1/2']);
  });

  it('marks succeeded and failed pods Completed', () => {
    expect(podPrinter.conditions!(pod({ phase: 'Succeeded' }))).toEqual([
      { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
    ]);
    expect(podPrinter.conditions!(pod({ phase: 'Failed' }))?.[0].reason).toBe('Failed');
    expect(podPrinter.conditions!(pod({ phase: 'Running' }))).toBeUndefined();
  });
});
