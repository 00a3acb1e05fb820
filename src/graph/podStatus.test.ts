import { describe, it, expect } from 'vitest';
import type { ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1';
import { podStateOf, podStatus } from './podStatus';

type State = ContainerStatus['state'];

const cs = (name: string, state: State, extra: Partial<ContainerStatus> = {}): ContainerStatus => ({
  name,
  image: 'nginx',
  imageID: '',
  ready: false,
  restartCount: 0,
  state,
  ...extra,
});
const running = (name: string, ready = true): ContainerStatus => cs(name, { running: { startedAt: '2025-01-01T00:00:00Z' } }, { ready });
const ready = (status: 'True' | 'False'): PodCondition => ({ type: 'Ready', status });

function pod(o: {
  phase?: string;
  containers?: string[];
  init?: Array<{ name: string; restartPolicy?: string }>;
  statuses?: ContainerStatus[];
  initStatuses?: ContainerStatus[];
  conditions?: PodCondition[];
  deleting?: boolean;
  reason?: string;
}): Pod {
  return {
    metadata: { name: 'p', namespace: 'default', ...(o.deleting ? { deletionTimestamp: '2025-01-01T00:01:00Z' } : {}) },
    spec: {
      containers: (o.containers ?? ['app']).map((name) => ({ name, image: 'nginx' })),
      ...(o.init ? { initContainers: o.init.map((c) => ({ image: 'busybox', ...c })) } : {}),
    },
    status: {
      ...(o.phase ? { phase: o.phase } : {}),
      ...(o.reason ? { reason: o.reason } : {}),
      ...(o.statuses ? { containerStatuses: o.statuses } : {}),
      ...(o.initStatuses ? { initContainerStatuses: o.initStatuses } : {}),
      ...(o.conditions ? { conditions: o.conditions } : {}),
    },
  };
}

describe('podStatus', () => {
  it.each([
    ['unscheduled', pod({ phase: 'Pending' }), 'Pending', '0/1', 'pending'],
    ['no status at all', { metadata: { name: 'x' } } as Pod, '', '0/0', 'pending'],
    ['creating', pod({ phase: 'Pending', statuses: [cs('app', { waiting: { reason: 'ContainerCreating' } })] }), 'ContainerCreating', '0/1', 'creating'],
    ['running and ready', pod({ phase: 'Running', statuses: [running('app')], conditions: [ready('True')] }), 'Running', '1/1', 'running'],
    ['running, not ready', pod({ phase: 'Running', statuses: [running('app', false)], conditions: [ready('False')] }), 'Running', '0/1', 'notready'],
    [
      'crash looping',
      pod({ phase: 'Running', statuses: [cs('app', { waiting: { reason: 'CrashLoopBackOff' } }, { restartCount: 4 })] }),
      'CrashLoopBackOff',
      '0/1',
      'failing',
    ],
    ['image pull back-off', pod({ phase: 'Pending', statuses: [cs('app', { waiting: { reason: 'ImagePullBackOff' } })] }), 'ImagePullBackOff', '0/1', 'failing'],
    ['completed', pod({ phase: 'Succeeded', statuses: [cs('app', { terminated: { exitCode: 0, reason: 'Completed' } })] }), 'Completed', '0/1', 'succeeded'],
    ['failed', pod({ phase: 'Failed', statuses: [cs('app', { terminated: { exitCode: 1, reason: 'Error' } })] }), 'Error', '0/1', 'failed'],
    ['exit code without reason', pod({ phase: 'Failed', statuses: [cs('app', { terminated: { exitCode: 2 } })] }), 'ExitCode:2', '0/1', 'failed'],
    ['terminating', pod({ phase: 'Running', statuses: [running('app')], deleting: true }), 'Terminating', '1/1', 'terminating'],
    [
      'a finished pod being deleted keeps its status',
      pod({ phase: 'Succeeded', statuses: [cs('app', { terminated: { exitCode: 0, reason: 'Completed' } })], deleting: true }),
      'Completed',
      '0/1',
      'succeeded',
    ],
    ['node lost', pod({ phase: 'Running', reason: 'NodeLost', statuses: [running('app')], deleting: true }), 'Unknown', '1/1', 'unknown'],
    [
      'waiting for an init container',
      pod({ phase: 'Pending', init: [{ name: 'setup' }], initStatuses: [cs('setup', { running: {} })], statuses: [cs('app', { waiting: { reason: 'PodInitializing' } })] }),
      'Init:0/1',
      '0/1',
      'creating',
    ],
    [
      'init container crash looping',
      pod({ phase: 'Pending', init: [{ name: 'setup' }], initStatuses: [cs('setup', { waiting: { reason: 'CrashLoopBackOff' } })] }),
      'Init:CrashLoopBackOff',
      '0/1',
      'failing',
    ],
    [
      'a started sidecar counts towards READY and does not block',
      pod({
        phase: 'Running',
        init: [{ name: 'proxy', restartPolicy: 'Always' }],
        initStatuses: [cs('proxy', { running: {} }, { started: true, ready: true })],
        statuses: [running('app')],
        conditions: [{ type: 'Initialized', status: 'True' }, ready('True')],
      }),
      'Running',
      '2/2',
      'running',
    ],
    [
      'first container wins',
      pod({
        containers: ['a', 'b'],
        statuses: [cs('a', { waiting: { reason: 'ErrImagePull' } }), cs('b', { waiting: { reason: 'ContainerCreating' } })],
      }),
      'ErrImagePull',
      '0/2',
      'failing',
    ],
    [
      'a completed container beside a running one is NotReady',
      pod({
        phase: 'Running',
        containers: ['a', 'b'],
        statuses: [cs('a', { terminated: { exitCode: 0, reason: 'Completed' } }), running('b')],
        conditions: [ready('False')],
      }),
      'NotReady',
      '1/2',
      'notready',
    ],
    ['scheduling gated', pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }), 'SchedulingGated', '0/1', 'pending'],
  ])('%s', (_name, p, reason, readyText, state) => {
    const s = podStatus(p);
    expect(s.reason).toBe(reason);
    expect(s.ready).toBe(readyText);
    expect(s.state).toBe(state);
  });

  it('sums restarts of app containers', () => {
    const p = pod({ phase: 'Running', containers: ['a', 'b'], statuses: [running('a'), cs('b', { running: {} }, { restartCount: 3, ready: true })] });
    expect(podStatus(p).restarts).toBe(3);
  });
});

describe('podStateOf', () => {
  it('puts unknown reasons among the failing', () => {
    expect(podStateOf('CreateContainerConfigError', 'Pending', false)).toBe('failing');
    expect(podStateOf('Signal:9', 'Running', false)).toBe('failing');
  });
});
