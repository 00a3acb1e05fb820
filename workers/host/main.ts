/**
 * `npm run serve -- --port PORT [--speed N] [--seed N] [--nodes N]`:
 * a cluster in this Node process, served over HTTP on 127.0.0.1 for kubectl.
 */
import { createCluster } from '../cluster';
import { startHost } from './server';

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1] !== undefined) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : fallback;
}

function num(name: string, fallback: number): number {
  const raw = arg(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n)) {
    console.error(`--${name} must be a number, got "${raw}"`);
    process.exit(2);
  }
  return n;
}

const cluster = await createCluster({ seed: num('seed', 1), nodes: num('nodes', 3), epochMs: Math.floor(Date.now() / 1000) * 1000 });
cluster.driver.setMode({ kind: 'realtime', speed: num('speed', 1) });
const host = await startHost(cluster, { port: num('port', 8080) });
console.log(`Kube Playground API server is listening at ${host.url}`);
console.log(`Try: kubectl --server ${host.url} get nodes`);
const shutdown = () => host.close().then(() => process.exit(0));
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
