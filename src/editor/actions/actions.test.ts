/**
 * The editor's actions against a real in-process cluster (API server only:
 * no controllers, no kubelets), so the Status errors are the server's own.
 * Test-only use of worker code; the page reaches the cluster through comlink.
 */
import { describe, it, expect, beforeEach } from 'vitest';
import { createCluster, type Cluster } from '../../../workers/cluster';
import type { ApiRequest } from '../../../workers/api/request';
import { applyAction } from './applyAction';
import { deleteAction } from './deleteAction';
import { diffAction } from './diffAction';
import type { ActionContext } from './types';

const deployment = (opts: { replicas?: number; selector?: string; image?: string } = {}) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${opts.replicas ?? 3}
  selector:
    matchLabels:
      app: ${opts.selector ?? 'web'}
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: ${opts.image ?? 'nginx:1.27'}
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
`;

let cluster: Cluster;
let sent: ApiRequest[];

beforeEach(async () => {
  cluster = await createCluster({ controllers: [], kubelets: 'none' });
  sent = [];
});

function ctx(text: string): ActionContext {
  return {
    text,
    defaultNamespace: 'default',
    request: async (req) => {
      sent.push(req);
      return cluster.request(req);
    },
  };
}

async function exists(resource: string, name: string, namespace = 'default', group = resource === 'deployments' ? 'apps' : ''): Promise<boolean> {
  const res = cluster.request({ verb: 'get', group, version: 'v1', resource, namespace, name });
  return res.status === 200;
}

describe('apply', () => {
  it('server-side applies every object and reports created, unchanged, configured', async () => {
    const first = await applyAction.perform(ctx(`${deployment()}---\n${SERVICE}`), {});
    expect(first.ok).toBe(true);
    expect(first.results.map((r) => r.text)).toEqual(['deployment.apps/web created', 'service/web created']);
    expect(await exists('deployments', 'web')).toBe(true);
    const applied = sent.filter((r) => r.verb === 'patch');
    expect(applied[0]).toMatchObject({ contentType: 'application/apply-patch+yaml', query: { fieldManager: 'kube-playground', dryRun: 'All' } });
    expect(applied.at(-1)?.query).not.toHaveProperty('force');

    const again = await applyAction.perform(ctx(`${deployment()}---\n${SERVICE}`), {});
    expect(again.results.map((r) => r.text)).toEqual(['deployment.apps/web unchanged', 'service/web unchanged']);

    const scaled = await applyAction.perform(ctx(deployment({ replicas: 5 })), {});
    expect(scaled.results.map((r) => r.text)).toEqual(['deployment.apps/web configured']);
    const live = cluster.request({ verb: 'get', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', name: 'web' });
    expect((live.body as { spec: { replicas: number } }).spec.replicas).toBe(5);
  });

  it('marks the labels line when the selector does not match, and stores nothing', async () => {
    const out = await applyAction.perform(ctx(deployment({ selector: 'other' })), {});
    expect(out.ok).toBe(false);
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0].range.startLine).toBe(12);
    expect(out.problems[0].message).toContain('`selector` does not match template `labels`');
    expect(out.results[0].text).toMatch(/^Error from server \(Invalid\): Deployment.apps "web" is invalid/);
    expect(await exists('deployments', 'web')).toBe(false);
  });

  it('applies nothing when any object fails its dry run', async () => {
    const text = `${SERVICE}---\n${deployment({ image: '""' })}`;
    const out = await applyAction.perform(ctx(text), {});
    expect(out.ok).toBe(false);
    // The image line of the Deployment (line 17 of the second document, which starts on line 11).
    expect(out.problems.map((p) => [p.range.startLine, p.message])).toEqual([[27, 'spec.template.spec.containers[0].image: Required value']]);
    expect(await exists('services', 'web')).toBe(false);
    expect(sent.every((r) => r.verb !== 'patch' || r.query?.dryRun === 'All')).toBe(true);
  });

  it('sends nothing for YAML syntax errors', async () => {
    const out = await applyAction.perform(ctx('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: {x: 1\n'), {});
    expect(out.ok).toBe(false);
    expect(out.problems[0].range.startLine).toBeGreaterThanOrEqual(5);
    expect(out.notice?.title).toBe('Nothing was sent');
    expect(sent).toEqual([]);
  });

  it('names unknown kinds as kubectl does, on the kind line', async () => {
    const out = await applyAction.perform(ctx(`${SERVICE}---\napiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n`), {});
    expect(out.ok).toBe(false);
    expect(out.problems).toEqual([
      { message: 'no matches for kind "Widget" in version "example.com/v1"', range: { startLine: 12, startColumn: 1, endLine: 12, endColumn: 13 } },
    ]);
    expect(await exists('services', 'web')).toBe(false);
  });

  it('creates a namespace and what goes in it from one text', async () => {
    const text = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\ndata:\n  a: "1"\n`;
    const out = await applyAction.perform(ctx(text), {});
    expect(out.results.map((r) => r.text)).toEqual(['namespace/shop created', 'configmap/settings created']);
    expect(await exists('configmaps', 'settings', 'shop')).toBe(true);
  });

  it('still refuses a namespace that nothing creates', async () => {
    const out = await applyAction.perform(ctx('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\n  namespace: nowhere\n'), {});
    expect(out).toMatchObject({ ok: false, notice: { message: 'namespaces "nowhere" not found' } });
  });

  it('reports a conflict with another field manager and applies with force when asked', async () => {
    await applyAction.perform(ctx(deployment()), {});
    cluster.request({
      verb: 'patch', group: 'apps', version: 'v1', resource: 'deployments', namespace: 'default', name: 'web',
      contentType: 'application/merge-patch+json', body: { spec: { replicas: 1 } }, query: { fieldManager: 'kubectl-scale' },
    });
    const out = await applyAction.perform(ctx(deployment({ replicas: 4 })), {});
    expect(out.ok).toBe(false);
    expect(out.notice).toMatchObject({ offerForce: true });
    expect(out.problems[0]).toMatchObject({ range: { startLine: 6 } });
    expect(out.problems[0].message).toMatch(/^\.spec\.replicas: conflict with "kubectl-scale"/);

    const forced = await applyAction.perform(ctx(deployment({ replicas: 4 })), { force: true });
    expect(forced.ok).toBe(true);
    expect(sent.at(-1)?.query).toMatchObject({ force: 'true' });
  });

  it('puts a strict-decoding error on the unknown field', async () => {
    const text = deployment().replace('image: nginx:1.27', 'image: nginx:1.27\n          imagePullPolicyy: Always');
    const out = await applyAction.perform(ctx(text), {});
    expect(out.problems.map((p) => [p.range.startLine, p.message])).toEqual([[18, 'unknown field "spec.template.spec.containers[0].imagePullPolicyy"']]);
  });
});

describe('diff', () => {
  it('shows what would be created without storing it', async () => {
    const out = await diffAction.perform(ctx(deployment()), undefined);
    expect(out.ok).toBe(true);
    expect(out.diff).toMatchObject({ summary: '1 to create, 0 to change, 0 unchanged', changed: true });
    expect(out.diff?.live).toBe('# deployment.apps/web\n');
    expect(out.diff?.merged).toContain('replicas: 3');
    expect(out.diff?.merged).not.toContain('managedFields');
    expect(await exists('deployments', 'web')).toBe(false);
  });

  it('shows a change against the live object, and no change when there is none', async () => {
    await applyAction.perform(ctx(deployment()), {});
    const changed = await diffAction.perform(ctx(deployment({ replicas: 7 })), undefined);
    expect(changed.diff?.summary).toBe('0 to create, 1 to change, 0 unchanged');
    expect(changed.diff?.live).toContain('replicas: 3');
    expect(changed.diff?.merged).toContain('replicas: 7');
    const same = await diffAction.perform(ctx(deployment()), undefined);
    expect(same.diff).toMatchObject({ changed: false, summary: '0 to create, 0 to change, 1 unchanged' });
    expect(same.notice?.title).toBe('No changes');
    expect(changed.notice).toBeUndefined();
  });

  it('marks the lines a dry run rejects', async () => {
    const out = await diffAction.perform(ctx(deployment({ selector: 'x' })), undefined);
    expect(out).toMatchObject({ ok: false, problems: [{ range: { startLine: 12 } }] });
    expect(out.diff).toBeUndefined();
  });
});

describe('delete', () => {
  it('deletes each object and reports those already gone', async () => {
    await applyAction.perform(ctx(`${deployment()}---\n${SERVICE}`), {});
    const out = await deleteAction.perform(ctx(`${deployment()}---\n${SERVICE}`), undefined);
    expect(out.results.map((r) => r.text)).toEqual(['deployment.apps "web" deleted', 'service "web" deleted']);
    expect(await exists('services', 'web')).toBe(false);
    const again = await deleteAction.perform(ctx(SERVICE), undefined);
    expect(again.results).toEqual([{ tone: 'warn', text: 'Error from server (NotFound): services "web" not found' }]);
    expect(again.notice?.tone).toBe('warn');
  });
});
