/**
 * The autoscaling add-ons' images: the three VPA components (release 1.2.1),
 * idle servers with their startup lines and /health-check on the metrics
 * port. What they do lives in workers/autoscaler/, acting through the API.
 */
import type { ImageSpec } from './spec';
import { DEFAULT_PATH } from './spec';
import { daemon } from './programs/servers';
import { klogPrefix } from './programs/common';

const VERSIONS = ['1.1.2', '1.2.0', '1.2.1'];

function vpaImage(component: string, binary: string, port: number, lines: (tag: string) => string[]): ImageSpec {
  return {
    repositories: [`registry.k8s.io/autoscaling/${component}`],
    tags: Object.fromEntries([...VERSIONS.map((v) => [v, v]), ['latest', '1.2.1']]),
    sizeBytes: () => (component === 'vpa-admission-controller' ? 21_400_000 : 24_800_000),
    entrypoint: () => [`/${binary}`],
    cmd: () => ['--v=4', '--stderrthreshold=info'],
    env: () => ({ PATH: DEFAULT_PATH }),
    exposedPorts: [port],
    os: 'distroless',
    toolset: 'none',
    user: 65534,
    programs: (v) => ({
      [`/${binary}`]: daemon({
        ports: component === 'vpa-admission-controller' ? [8000, port] : [port],
        start: (ctx) => lines(v).map((text) => ({ text: `${klogPrefix(ctx.sys.now())}${text}` })),
        health: { [`${port}:/health-check`]: 'OK', [`${port}:/metrics`]: '# HELP vpa_recommender_execution_latency_seconds Time spent in various parts of VPA Recommender main loop.\n' },
      }),
    }),
    usage: { memoryMi: component === 'vpa-recommender' ? 32 : 18, cpuMilli: 2 },
  };
}

export const vpaRecommenderImage = vpaImage('vpa-recommender', 'recommender', 8942, (v) => [
  `main.go:97] "Vertical Pod Autoscaler Recommender" version="${v}" recommenderName="default"`,
  'leaderelection.go:254] attempting to acquire leader lease kube-system/vpa-recommender-lease...',
  'leaderelection.go:268] successfully acquired lease kube-system/vpa-recommender-lease',
  'metrics_client.go:73] "Initial metrics client" namespace=""',
  'recommender.go:168] "Recommender Run"',
]);

export const vpaUpdaterImage = vpaImage('vpa-updater', 'updater', 8943, (v) => [
  `main.go:107] "Vertical Pod Autoscaler Updater" version="${v}"`,
  'leaderelection.go:254] attempting to acquire leader lease kube-system/vpa-updater...',
  'leaderelection.go:268] successfully acquired lease kube-system/vpa-updater',
  'updater.go:253] "Rate limit disabled"',
]);

export const vpaAdmissionControllerImage = vpaImage('vpa-admission-controller', 'admission-controller', 8944, (v) => [
  `main.go:86] "Vertical Pod Autoscaler Admission Controller" version="${v}"`,
  'certs.go:43] "Successfully read certificates" caCert="/etc/tls-certs/caCert.pem"',
  'config.go:147] "Self registration as MutatingWebhook succeeded"',
]);

export const AUTOSCALER_IMAGES: ImageSpec[] = [vpaRecommenderImage, vpaUpdaterImage, vpaAdmissionControllerImage];
