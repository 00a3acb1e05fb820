import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from './testing/kubectl';

let h: TestHost;
beforeAll(async () => {
  h = await startTestHost({ seed: 7 });
});
afterAll(async () => {
  await h?.close();
});

describe('real kubectl against the host: basics', () => {
  it('reports the server version', async () => {
    const r = await h.kubectl(['version', '-o', 'json']);
    expect(r.stderr).toBe('');
    const v = JSON.parse(r.stdout);
    expect(v.serverVersion.gitVersion).toBe('v1.32.0');
    expect(v.serverVersion.minor).toBe('32');
  });

  it('lists the nodes with upstream columns', async () => {
    const r = await h.kubectl(['get', 'nodes']);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
    expect(lines).toHaveLength(5);
    expect(r.stdout).toMatch(/control-plane\s+Ready\s+control-plane\s+\S+\s+v1\.32\.0/);
    expect(r.stdout).toMatch(/worker-1\s+Ready\s+<none>\s+\S+\s+v1\.32\.0/);
  });

  it('lists the system namespaces as Active', async () => {
    const r = await h.kubectl(['get', 'namespaces']);
    expect(r.stderr).toBe('');
    for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
      expect(r.stdout).toMatch(new RegExp(`${ns}\\s+Active\\s+\\S+`));
    }
  });

  it('serves discovery that api-resources can read', async () => {
    const r = await h.kubectl(['api-resources']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND/);
    expect(r.stdout).toMatch(/deployments\s+deploy\s+apps\/v1\s+true\s+Deployment/);
    expect(r.stdout).toMatch(/pods\s+po\s+v1\s+true\s+Pod/);
    expect(r.stdout).toMatch(/horizontalpodautoscalers\s+hpa\s+autoscaling\/v2\s+true\s+HorizontalPodAutoscaler/);
  });

  it('answers a missing object with NotFound as a real server does', async () => {
    const r = await h.kubectl(['get', 'pod', 'nope']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim()).toBe('Error from server (NotFound): pods "nope" not found');
  });

  it('streams changes to kubectl get -w', async () => {
    const w = h.spawnKubectl(['get', 'configmaps', '-w']);
    try {
      const deadline = Date.now() + 20_000;
      while (!w.output().includes('kube-root-ca.crt') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const f = h.file('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: watched\ndata:\n  a: b\n');
      expect((await h.kubectl(['apply', '-f', f])).stdout.trim()).toBe('configmap/watched created');
      while (!/watched\s+1\s+/.test(w.output()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(w.output()).toMatch(/^NAME\s+DATA\s+AGE/m);
      expect(w.output()).toMatch(/watched\s+1\s+\S+/);
    } finally {
      w.proc.kill();
    }
  });
});
