import { describe, it, expect } from 'vitest';
import type { ContainerStatus, PodSpec } from 'kubernetes-types/core/v1';
import { getPhase, imageIDOf } from './podStatus';

const running = (name: string, started = true): ContainerStatus => ({ name, ready: true, restartCount: 0, image: 'x', imageID: '', started, state: { running: { startedAt: 'now' } } });
const exited = (name: string, exitCode: number): ContainerStatus => ({ name, ready: false, restartCount: 0, image: 'x', imageID: '', state: { terminated: { exitCode } } });
const waiting = (name: string, lastExit?: number): ContainerStatus => ({
  name,
  ready: false,
  restartCount: 0,
  image: 'x',
  imageID: '',
  state: { waiting: { reason: 'CrashLoopBackOff' } },
  lastState: lastExit === undefined ? {} : { terminated: { exitCode: lastExit } },
});

describe('getPhase', () => {
  const one: PodSpec = { containers: [{ name: 'a' }] };
  it('follows the restart policy for stopped containers', () => {
    expect(getPhase(one, [], [running('a')], false, false)).toBe('Running');
    expect(getPhase(one, [], [waiting('a')], false, false)).toBe('Pending');
    expect(getPhase(one, [], [waiting('a', 1)], false, false)).toBe('Running');
    expect(getPhase({ ...one, restartPolicy: 'Never' }, [], [exited('a', 1)], false, false)).toBe('Failed');
    expect(getPhase({ ...one, restartPolicy: 'OnFailure' }, [], [exited('a', 0)], false, false)).toBe('Succeeded');
    expect(getPhase({ ...one, restartPolicy: 'OnFailure' }, [], [exited('a', 2)], false, false)).toBe('Running');
    expect(getPhase(one, [], [exited('a', 0)], false, false)).toBe('Running');
    // Once the pod is terminal, Always no longer keeps it Running.
    expect(getPhase(one, [], [exited('a', 0)], true, false)).toBe('Succeeded');
    expect(getPhase(one, [], [exited('a', 137)], true, false)).toBe('Failed');
    expect(getPhase(one, [], [], false, false)).toBe('Pending');
  });
  it('waits for init containers and fails a Never pod whose init failed', () => {
    const spec: PodSpec = { initContainers: [{ name: 'i' }], containers: [{ name: 'a' }] };
    expect(getPhase(spec, [running('i')], [waiting('a')], false, false)).toBe('Pending');
    expect(getPhase({ ...spec, restartPolicy: 'Never' }, [exited('i', 1)], [waiting('a')], false, false)).toBe('Failed');
    expect(getPhase(spec, [exited('i', 0)], [running('a')], false, false)).toBe('Running');
  });
  it('treats an unstarted sidecar as pending initialization', () => {
    const spec: PodSpec = { initContainers: [{ name: 's', restartPolicy: 'Always' }], containers: [{ name: 'a' }] };
    expect(getPhase(spec, [running('s', false)], [], false, false)).toBe('Pending');
    expect(getPhase(spec, [running('s')], [running('a')], false, false)).toBe('Running');
  });
});

describe('imageIDOf', () => {
  it('joins the repository and the digest', () => {
    expect(imageIDOf('docker.io/library/nginx:1.27', 'sha256:ab')).toBe('docker.io/library/nginx@sha256:ab');
    expect(imageIDOf('localhost:5000/app', 'sha256:ab')).toBe('localhost:5000/app@sha256:ab');
  });
});
