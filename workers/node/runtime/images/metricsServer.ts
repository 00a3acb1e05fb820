/**
 * registry.k8s.io/metrics-server/metrics-server: an idle HTTPS server on
 * --secure-port with its health endpoints and the lines v0.7 logs at start.
 * Scraping and the metrics.k8s.io API it serves live in workers/metrics,
 * where the playground routes the APIService (as kube-aggregator would route
 * it to this pod).
 */
import type { ImageSpec } from './spec';
import { DEFAULT_PATH } from './spec';
import type { ProgramContext } from '../process/program';
import { daemon } from './programs/servers';
import { flagValue, klogPrefix } from './programs/common';

const CLIENT_CA = 'client-ca::kube-system::extension-apiserver-authentication';

function securePort(ctx: ProgramContext): number {
  return Number(flagValue(ctx.argv, 'secure-port') ?? 10250);
}

function startLines(ctx: ProgramContext): { text: string }[] {
  const at = ctx.sys.now();
  const certDir = flagValue(ctx.argv, 'cert-dir') ?? 'apiserver.local.config/certificates';
  const cert = `${certDir}/apiserver.crt`;
  const key = `${certDir}/apiserver.key`;
  // The lines come over about a second, as the real server's do.
  const l = (ms: number, msg: string) => ({ text: `${klogPrefix(at + ms)}${msg}` });
  return [
    l(412, `serving.go:374] Generated self-signed cert (${cert}, ${key})`),
    l(987, 'handler.go:275] Adding GroupVersion metrics.k8s.io v1beta1 to ResourceManager'),
    l(1104, 'requestheader_controller.go:172] Starting RequestHeaderAuthRequestController'),
    l(1104, 'shared_informer.go:313] Waiting for caches to sync for RequestHeaderAuthRequestController'),
    l(1105, `configmap_cafile_content.go:205] "Starting controller" name="${CLIENT_CA}::client-ca-file"`),
    l(1105, `shared_informer.go:313] Waiting for caches to sync for ${CLIENT_CA}::client-ca-file`),
    l(1105, `configmap_cafile_content.go:205] "Starting controller" name="${CLIENT_CA}::requestheader-client-ca-file"`),
    l(1105, `shared_informer.go:313] Waiting for caches to sync for ${CLIENT_CA}::requestheader-client-ca-file`),
    l(1106, `dynamic_serving_content.go:135] "Starting controller" name="serving-cert::${cert}::${key}"`),
    l(1107, `secure_serving.go:213] Serving securely on [::]:${securePort(ctx)}`),
    l(1107, 'tlsconfig.go:243] "Starting DynamicServingCertificateController"'),
    l(1205, 'shared_informer.go:320] Caches are synced for RequestHeaderAuthRequestController'),
    l(1205, `shared_informer.go:320] Caches are synced for ${CLIENT_CA}::requestheader-client-ca-file`),
    l(1206, `shared_informer.go:320] Caches are synced for ${CLIENT_CA}::client-ca-file`),
  ];
}

const VERSIONS = ['v0.6.4', 'v0.7.0', 'v0.7.1', 'v0.7.2'];

export const metricsServerImage: ImageSpec = {
  repositories: ['registry.k8s.io/metrics-server/metrics-server', 'k8s.gcr.io/metrics-server/metrics-server'],
  tags: Object.fromEntries([...VERSIONS.map((v) => [v, v]), ['latest', 'v0.7.2']]),
  sizeBytes: () => 19_500_000,
  entrypoint: () => ['/metrics-server'],
  cmd: () => [],
  env: () => ({ PATH: DEFAULT_PATH }),
  exposedPorts: [],
  os: 'distroless',
  toolset: 'none',
  user: 65534,
  programs: () => ({
    '/metrics-server': daemon({
      ports: (ctx) => [securePort(ctx)],
      start: startLines,
      health: { '/livez': 'ok', '/readyz': 'ok', '/healthz': 'ok' },
    }),
  }),
  usage: { memoryMi: 19, cpuMilli: 4 },
};
