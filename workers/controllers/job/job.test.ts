import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { KubeObject } from '../../api/object';
import type { Cluster } from '../../cluster';
import type { Pod } from '../replicaset/types';
import { bind, create, events, get, list, livePods, patch, setPhase, settle, tryGet, workloadCluster } from '../statefulset/testing';
import { startJobController } from './controller';
import { Intervals } from './indexes';
import { nextBackoffRecord, remainingBackoff } from './backoff';
import { matchPodFailurePolicy } from './podFailure';
import { startTTLAfterFinishedController } from './ttlAfterFinished';
import type { Job } from './types';

function pi(spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi', namespace: 'default' },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34' }] } }, ...spec },
  };
}

/** Pods of the Job that have not finished, sorted by name. */
const running = (c: Cluster) => livePods(c).filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');

function finish(c: Cluster, pods: Pod[], phase: 'Succeeded' | 'Failed'): void {
  for (const p of pods) {
    if (!p.spec?.nodeName) bind(c, p, 'worker-1');
    setPhase(c, p, phase);
  }
}

const job = (c: Cluster, name = 'pi') => get<Job>(c, 'batch', 'jobs', name);
const condTypes = (j: Job) => (j.status?.conditions ?? []).map((x) => `${x.type}=${x.status}`);

describe('Job controller', () => {
  it('runs completions with parallelism, counts successes and completes', async () => {
    const { c } = await workloadCluster(startJobController);
    create(c, 'jobs', pi({ completions: 3, parallelism: 2 }));
    settle(c);
    let pods = running(c);
    expect(pods).toHaveLength(2);
    expect(pods[0].metadata.name).toMatch(/^pi-[a-z0-9]{5}$/);
    expect(pods[0].metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
    expect(pods[0].metadata.labels?.['batch.kubernetes.io/job-name']).toBe('pi');
    let j = job(c);
    expect(j.status).toMatchObject({ active: 2, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    expect(j.status?.startTime).toBe(c.clock.timestamp());

    finish(c, [pods[0]], 'Succeeded');
    settle(c, 2000);
    j = job(c);
    expect(j.status).toMatchObject({ succeeded: 1, active: 2 });
    // Counted pods lose the tracking finalizer.
    expect(get<Pod>(c, '', 'pods', pods[0].metadata.name!).metadata.finalizers ?? []).toEqual([]);
    pods = running(c);
    expect(pods).toHaveLength(2);
    finish(c, pods, 'Succeeded');
    settle(c, 2000);
    j = job(c);
    expect(j.status).toMatchObject({ succeeded: 3, ready: 0, terminating: 0 });
    expect(j.status?.active).toBeUndefined();
    expect(condTypes(j)).toEqual(['SuccessCriteriaMet=True', 'Complete=True']);
    expect(j.status?.conditions?.[1]).toMatchObject({ reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' });
    expect(j.status?.completionTime).toBeDefined();
    expect(list(c, '', 'pods')).toHaveLength(3);

    const evs = events(c, 'pi').map((e) => `${e.type} ${e.reason} ${e.message}`);
    expect(evs.filter((e) => /^Normal SuccessfulCreate Created pod: pi-[a-z0-9]{5}$/.test(e))).toHaveLength(3);
    expect(evs).toContain('Normal Completed Job completed');
    expect(events(c, 'pi')[0].source.component).toBe('job-controller');
  });

  it('recreates failed pods after 10 s, 20 s … and fails at the backoff limit', async () => {
    const { c } = await workloadCluster(startJobController);
    create(c, 'jobs', pi({ backoffLimit: 1 }));
    settle(c);
    const [first] = running(c);
    finish(c, [first], 'Failed');
    // creationTimestamp has second precision; controllers react a few ms after the failure.
    const failedAt = Math.floor(c.clock.now() / 1000) * 1000;
    settle(c, 5000);
    expect(running(c)).toHaveLength(0); // back-off: no new pod yet
    expect(job(c).status?.failed).toBe(1);
    settle(c, 6000);
    const [second] = running(c);
    expect(second).toBeDefined();
    expect(Date.parse(second.metadata.creationTimestamp!) - failedAt).toBeGreaterThanOrEqual(10_000);
    expect(Date.parse(second.metadata.creationTimestamp!) - failedAt).toBeLessThan(12_000);

    finish(c, [second], 'Failed');
    settle(c, 2000);
    const j = job(c);
    expect(j.status?.failed).toBe(2);
    expect(condTypes(j)).toEqual(['FailureTarget=True', 'Failed=True']);
    expect(j.status?.conditions?.[1]).toMatchObject({ reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' });
    expect(j.status?.completionTime).toBeUndefined();
    const ev = events(c, 'pi').find((e) => e.reason === 'BackoffLimitExceeded');
    expect(ev).toMatchObject({ type: 'Warning', message: 'Job has reached the specified backoff limit' });
    settle(c, 60_000);
    expect(running(c)).toHaveLength(0);
  });

  it('runs the corpus Indexed Job: indexes, hostnames, env and completedIndexes', async () => {
    const { c } = await workloadCluster(startJobController);
    const doc = parse(readFileSync('/work/shared/corpus/manifests/application-job__indexed-job.yaml', 'utf8')) as KubeObject;
    create(c, 'jobs', doc);
    settle(c);
    let pods = running(c);
    expect(pods).toHaveLength(3);
    const ix = (p: Pod) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'];
    expect(pods.map(ix).sort()).toEqual(['0', '1', '2']);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^indexed-job-${ix(p)}-[a-z0-9]{5}$`));
      expect(p.metadata.labels?.['batch.kubernetes.io/job-completion-index']).toBe(ix(p));
      expect(p.spec?.hostname).toBe(`indexed-job-${ix(p)}`);
      const env = { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } };
      expect(p.spec?.initContainers?.[0].env).toEqual([env]);
      expect(p.spec?.containers[0].env).toEqual([env]);
    }
    // Index 1 succeeds first: index 3 is next.
    finish(c, pods.filter((p) => ix(p) === '1'), 'Succeeded');
    settle(c, 2000);
    expect(job(c, 'indexed-job').status?.completedIndexes).toBe('1');
    pods = running(c);
    expect(pods.map(ix).sort()).toEqual(['0', '2', '3']);
    finish(c, pods.filter((p) => ix(p) === '0'), 'Succeeded');
    settle(c, 2000);
    expect(job(c, 'indexed-job').status?.completedIndexes).toBe('0,1');
    expect(running(c).map(ix).sort()).toEqual(['2', '3', '4']);
    finish(c, running(c).filter((p) => ix(p) !== '4'), 'Succeeded');
    settle(c, 2000);
    expect(job(c, 'indexed-job').status?.completedIndexes).toBe('0-3');
    finish(c, running(c), 'Succeeded');
    settle(c, 2000);
    const j = job(c, 'indexed-job');
    expect(j.status).toMatchObject({ completedIndexes: '0-4', succeeded: 5 });
    expect(condTypes(j)).toContain('Complete=True');
  });

  it('with backoffLimitPerIndex, fails an index without failing the others', async () => {
    const { c } = await workloadCluster(startJobController);
    create(c, 'jobs', pi({ completionMode: 'Indexed', completions: 2, parallelism: 2, backoffLimitPerIndex: 0 }));
    settle(c);
    const ix = (p: Pod) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'];
    const pods = running(c);
    finish(c, pods.filter((p) => ix(p) === '0'), 'Failed');
    settle(c, 20_000);
    // Index 0 is not retried; index 1 keeps running.
    expect(running(c).map(ix)).toEqual(['1']);
    expect(job(c).status?.failedIndexes).toBe('0');
    finish(c, running(c), 'Succeeded');
    settle(c, 2000);
    const j = job(c);
    expect(j.status).toMatchObject({ completedIndexes: '1', failedIndexes: '0', failed: 1, succeeded: 1 });
    expect(j.status?.conditions?.map((x) => `${x.type}:${x.reason}`)).toEqual(['FailureTarget:FailedIndexes', 'Failed:FailedIndexes']);
  });

  it('fails a Job past activeDeadlineSeconds and deletes its pods', async () => {
    const { c } = await workloadCluster(startJobController);
    create(c, 'jobs', pi({ activeDeadlineSeconds: 30, parallelism: 2, completions: 4 }));
    settle(c);
    expect(running(c)).toHaveLength(2);
    settle(c, 31_000);
    const j = job(c);
    expect(condTypes(j)).toEqual(['FailureTarget=True', 'Failed=True']);
    expect(j.status?.conditions?.[1].reason).toBe('DeadlineExceeded');
    expect(running(c)).toHaveLength(0);
    expect(events(c, 'pi').find((e) => e.reason === 'DeadlineExceeded')?.message).toBe('Job was active longer than specified deadline');
  });

  it('suspends and resumes', async () => {
    const { c } = await workloadCluster(startJobController);
    create(c, 'jobs', pi({ suspend: true, parallelism: 2, completions: 2 }));
    settle(c);
    expect(running(c)).toHaveLength(0);
    let j = job(c);
    expect(j.status?.startTime).toBeUndefined();
    expect(j.status?.conditions?.[0]).toMatchObject({ type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended' });
    patch(c, 'batch', 'jobs', 'pi', { spec: { suspend: false } });
    settle(c);
    expect(running(c)).toHaveLength(2);
    j = job(c);
    expect(j.status?.conditions?.[0]).toMatchObject({ type: 'Suspended', status: 'False', reason: 'JobResumed' });
    expect(events(c, 'pi').map((e) => e.reason)).toEqual(expect.arrayContaining(['Suspended', 'Resumed']));
  });

  it('fails the Job on a FailJob podFailurePolicy rule', async () => {
    const { c } = await workloadCluster(startJobController);
    create(c, 'jobs', pi({ podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { containerName: 'pi', operator: 'In', values: [42] } }] } }));
    settle(c);
    const [p] = running(c);
    bind(c, p, 'worker-1');
    setPhase(c, p, 'Failed', { exitCode: 42 });
    settle(c, 2000);
    const j = job(c);
    expect(j.status?.conditions?.map((x) => x.reason)).toEqual(['PodFailurePolicy', 'PodFailurePolicy']);
    expect(j.status?.conditions?.[1].message).toBe(`Container pi for pod default/${p.metadata.name} failed with exit code 42 matching FailJob rule at index 0`);
  });

  it('deletes a finished Job after ttlSecondsAfterFinished', async () => {
    const { c } = await workloadCluster(startJobController, startTTLAfterFinishedController);
    create(c, 'jobs', pi({ ttlSecondsAfterFinished: 100 }));
    settle(c);
    finish(c, running(c), 'Succeeded');
    settle(c, 2000);
    expect(condTypes(job(c))).toContain('Complete=True');
    settle(c, 90_000);
    expect(job(c).metadata.deletionTimestamp).toBeUndefined();
    settle(c, 15_000);
    const gone = tryGet<Job>(c, 'batch', 'jobs', 'pi');
    // Deleted in the foreground: gone, or waiting on the garbage collector with a deletionTimestamp.
    expect(gone === undefined || !!gone.metadata.deletionTimestamp).toBe(true);
  });
});

describe('job helpers', () => {
  it('formats completed indexes like upstream', () => {
    expect(Intervals.of([0, 1, 2, 4]).toString()).toBe('0-2,4');
    expect(Intervals.of([0, 1]).toString()).toBe('0,1');
    expect(Intervals.of([]).toString()).toBe('');
    expect(Intervals.parse('1,3-5,x,9', 6).toString()).toBe('1,3-5');
  });

  it('backs off 10 s, 20 s, 40 s, capped at 6 minutes', () => {
    expect(remainingBackoff(1, 0, 0)).toBe(10_000);
    expect(remainingBackoff(2, 0, 5_000)).toBe(15_000);
    expect(remainingBackoff(3, 0, 0)).toBe(40_000);
    expect(remainingBackoff(20, 0, 0)).toBe(360_000);
    expect(remainingBackoff(0, 0, 0)).toBe(0);
    expect(remainingBackoff(1, 0, 60_000)).toBe(0);
  });

  it('resets the back-off on a success after the failures', () => {
    const pod = (phase: string, at: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: phase + at, creationTimestamp: at }, status: { phase } }) as Pod;
    const rec = nextBackoffRecord({ failuresAfterLastSuccess: 3, lastFailureTime: 1 }, [pod('Succeeded', '2025-01-01T00:00:10Z')], [pod('Failed', '2025-01-01T00:00:05Z')]);
    expect(rec.failuresAfterLastSuccess).toBe(0);
  });

  it('matches pod failure policy rules by exit code and condition', () => {
    const failed = (exitCode: number, conditions: { type: string; status: string }[] = []) =>
      ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'p', namespace: 'ns' },
        status: { phase: 'Failed', conditions, containerStatuses: [{ name: 'main', ready: false, restartCount: 0, image: 'x', imageID: '', state: { terminated: { exitCode } } }] },
      }) as Pod;
    const policy = {
      rules: [
        { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
        { action: 'FailJob', onExitCodes: { operator: 'NotIn', values: [1, 2] } },
      ],
    };
    expect(matchPodFailurePolicy(policy, failed(1)).countFailed).toBe(true);
    expect(matchPodFailurePolicy(policy, failed(3)).failJobMessage).toBe('Container main for pod ns/p failed with exit code 3 matching FailJob rule at index 1');
    expect(matchPodFailurePolicy(policy, failed(3, [{ type: 'DisruptionTarget', status: 'True' }]))).toEqual({ countFailed: false, action: 'Ignore' });
  });
});
