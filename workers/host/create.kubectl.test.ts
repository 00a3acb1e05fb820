/** kubectl's generators send protobuf bodies; the host decodes them like the real API server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from './testing/kubectl';

let h: TestHost;
beforeAll(async () => {
  h = await startTestHost({ seed: 9 });
});
afterAll(async () => {
  await h?.close();
});

describe('kubectl create generators against the host', () => {
  it('creates a deployment', async () => {
    const r = await h.kubectl(['create', 'deployment', 'web', '--image=nginx', '--replicas=3']);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('deployment.apps/web created');
    const g = await h.kubectl(['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas} {.spec.template.spec.containers[0].image} {.spec.selector.matchLabels.app}']);
    expect(g.stdout).toBe('3 nginx web');
  });

  it('creates configmaps, secrets, namespaces, services and jobs', async () => {
    expect((await h.kubectl(['create', 'configmap', 'cfg', '--from-literal=a=b'])).stdout.trim()).toBe('configmap/cfg created');
    expect((await h.kubectl(['create', 'secret', 'generic', 's', '--from-literal=password=hunter2'])).stdout.trim()).toBe('secret/s created');
    expect((await h.kubectl(['create', 'namespace', 'team-a'])).stdout.trim()).toBe('namespace/team-a created');
    expect((await h.kubectl(['create', 'service', 'clusterip', 'svc', '--tcp=80:8080'])).stdout.trim()).toBe('service/svc created');
    expect((await h.kubectl(['create', 'job', 'once', '--image=busybox', '--', 'echo', 'hi'])).stdout.trim()).toBe('job.batch/once created');
    const secret = await h.kubectl(['get', 'secret', 's', '-o', 'jsonpath={.data.password}']);
    expect(Buffer.from(secret.stdout, 'base64').toString()).toBe('hunter2');
    const svc = await h.kubectl(['get', 'svc', 'svc']);
    expect(svc.stdout).toMatch(/^NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE/);
    expect(svc.stdout).toMatch(/svc\s+ClusterIP\s+10\.\d+\.\d+\.\d+\s+<none>\s+80\/TCP\s+\S+/);
  });

  it('refuses a duplicate with AlreadyExists', async () => {
    const r = await h.kubectl(['create', 'configmap', 'cfg', '--from-literal=a=b']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim()).toBe('error: failed to create configmap: configmaps "cfg" already exists');
  });

  it('refuses content in a missing namespace', async () => {
    const r = await h.kubectl(['create', 'configmap', 'c', '-n', 'nowhere', '--from-literal=a=b']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim()).toBe('error: failed to create configmap: namespaces "nowhere" not found');
  });
});
