/**
 * The well-known images: their real config (entrypoint, cmd, env, ports),
 * realistic compressed sizes, the OS they are built on and the programs
 * they ship.
 */
import type { Program } from '../process/program';
import { DEFAULT_PATH, MB, tagsFor, type ImageSpec } from './spec';
import { nginxFiles, nginxPrograms, nginxVersion } from './programs/nginx';
import { httpdFiles, httpdPrograms } from './programs/httpd';
import { redisPrograms } from './programs/redis';
import { agnhostPrograms } from './programs/agnhost';
import { echoserverPrograms } from './programs/echoserver';
import { guestbookFiles, guestbookFrontend, phpApache } from './programs/php';
import { bootcamp, cassandra, cassandraReady, coredns, etcd, fluentd, goGuestbook, helloApp, kubeComponent, mongo, mysql, postgres, zookeeper, zookeeperReady } from './programs/servers';
import { nodePrograms, perlPrograms, pythonPrograms } from './programs/languages';
import { pause, polinuxStressPrograms, vishStressPrograms } from './programs/stress';
import { AUTOSCALER_IMAGES } from './autoscaler';
import { metricsServerImage } from './metricsServer';

const none = (): Record<string, Program> => ({});
const constant = <T>(v: T) => (): T => v;
const alpine = (v: string): boolean => v.endsWith('-alpine') || v === 'alpine';

const NGINX_VERSIONS = ['1.14.2', '1.15.12', '1.16.1', '1.17.10', '1.18.0', '1.19.10', '1.20.2', '1.21.6', '1.22.1', '1.23.4', '1.24.0', '1.25.5', '1.26.2', '1.27.3'];

const nginx: ImageSpec = {
  repositories: ['docker.io/library/nginx'],
  tags: tagsFor(NGINX_VERSIONS, { latest: '1.27.3', mainline: '1.27.3', stable: '1.26.2', alpine: '1.27.3-alpine', 'stable-alpine': '1.26.2-alpine', 'mainline-alpine': '1.27.3-alpine' }, ['alpine']),
  sizeBytes: (v) => {
    const n = nginxVersion(v);
    if (n.alpine) return 20_500_000 + n.minor * 20_000;
    return n.minor >= 25 ? 72_100_000 + n.minor * 30_000 : n.minor >= 19 ? 54_000_000 + n.minor * 150_000 : 44_700_000 + n.minor * 100_000;
  },
  entrypoint: (v) => (nginxVersion(v).minor >= 19 ? ['/docker-entrypoint.sh'] : []),
  cmd: constant(['nginx', '-g', 'daemon off;']),
  env: (v) => ({ PATH: DEFAULT_PATH, NGINX_VERSION: nginxVersion(v).full, NJS_VERSION: '0.8.7', PKG_RELEASE: '1~bookworm' }),
  exposedPorts: [80],
  os: (v) => (alpine(v) ? 'alpine' : 'debian'),
  toolset: (v) => (alpine(v) ? 'busybox' : 'coreutils'),
  shell: (v) => (alpine(v) ? 'ash' : 'dash'),
  bash: true,
  extraTools: ['curl'],
  files: nginxFiles,
  programs: nginxPrograms,
  usage: { memoryMi: 3, cpuMilli: 1 },
};

/** registry.k8s.io/nginx-slim, used by the StatefulSet tutorial. */
const nginxSlim: ImageSpec = {
  ...nginx,
  repositories: ['registry.k8s.io/nginx-slim', 'k8s.gcr.io/nginx-slim', 'gcr.io/google_containers/nginx-slim'],
  tags: { '0.7': '1.9.14', '0.8': '1.9.14', '0.21': '1.13.8', '0.24': '1.15.3', '0.26': '1.19.0', '0.27': '1.21.0' },
  sizeBytes: constant(38_000_000),
  entrypoint: constant([]),
  extraTools: [],
};

const httpd: ImageSpec = {
  repositories: ['docker.io/library/httpd'],
  tags: tagsFor(['2.4.62'], { latest: '2.4.62', alpine: '2.4.62-alpine', '2.4-alpine': '2.4.62-alpine', '2-alpine': '2.4.62-alpine' }),
  sizeBytes: (v) => (alpine(v) ? 22_000_000 : 58_100_000),
  entrypoint: constant([]),
  cmd: constant(['httpd-foreground']),
  env: constant({ PATH: `/usr/local/apache2/bin:${DEFAULT_PATH}`, HTTPD_PREFIX: '/usr/local/apache2', HTTPD_VERSION: '2.4.62' }),
  workingDir: '/usr/local/apache2',
  exposedPorts: [80],
  os: (v) => (alpine(v) ? 'alpine' : 'debian'),
  toolset: (v) => (alpine(v) ? 'busybox' : 'coreutils'),
  shell: (v) => (alpine(v) ? 'ash' : 'dash'),
  bash: true,
  files: httpdFiles,
  programs: httpdPrograms,
  usage: { memoryMi: 6, cpuMilli: 1 },
};

const redis: ImageSpec = {
  repositories: ['docker.io/library/redis'],
  tags: tagsFor(['5.0.4', '6.0.5', '6.2.16', '7.0.15', '7.2.6', '7.4.1'], { latest: '7.4.1', alpine: '7.4.1-alpine', '7.2-alpine': '7.2.6-alpine', '7-alpine': '7.4.1-alpine', e2e: '5.0.4' }),
  sizeBytes: (v) => (alpine(v) ? 17_200_000 : 45_000_000),
  entrypoint: constant(['docker-entrypoint.sh']),
  cmd: constant(['redis-server']),
  env: (v) => ({ PATH: DEFAULT_PATH, GOSU_VERSION: '1.17', REDIS_VERSION: v.replace(/-alpine$/, '') }),
  workingDir: '/data',
  exposedPorts: [6379],
  os: (v) => (alpine(v) ? 'alpine' : 'debian'),
  toolset: (v) => (alpine(v) ? 'busybox' : 'coreutils'),
  shell: (v) => (alpine(v) ? 'ash' : 'dash'),
  bash: true,
  files: constant({ '/data/': '' }),
  programs: redisPrograms,
  usage: { memoryMi: 8, cpuMilli: 2 },
};

const guestbookRedisFollower: ImageSpec = {
  ...redis,
  repositories: ['gcr.io/google_samples/gb-redis-follower', 'gcr.io/google-samples/gb-redis-follower', 'gcr.io/google_samples/gb-redisslave', 'gcr.io/google-samples/gb-redisslave'],
  tags: { v1: '6.0.5', v2: '6.0.5', v3: '6.0.5' },
  sizeBytes: constant(38_600_000),
};

const busybox: ImageSpec = {
  repositories: ['docker.io/library/busybox', 'registry.k8s.io/busybox', 'k8s.gcr.io/busybox', 'gcr.io/google-containers/busybox', 'gcr.io/google_containers/busybox', 'registry.k8s.io/e2e-test-images/busybox'],
  tags: tagsFor(['1.27.2', '1.28.4', '1.29.3', '1.31.1', '1.33.1', '1.34.1', '1.35.0', '1.36.1', '1.37.0'], { latest: '1.37.0', stable: '1.36.1', musl: '1.37.0', glibc: '1.37.0', uclibc: '1.37.0', '1.29-1': '1.29.3', '1.29-2': '1.29.3', '1.29-4': '1.29.3', '1.36.1-1': '1.36.1' }),
  sizeBytes: constant(2_160_000),
  entrypoint: constant([]),
  cmd: constant(['sh']),
  env: constant({ PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' }),
  exposedPorts: [],
  os: 'busybox',
  toolset: 'busybox',
  shell: 'ash',
  programs: none,
  usage: { memoryMi: 0.5, cpuMilli: 0 },
};

const alpineImage: ImageSpec = {
  repositories: ['docker.io/library/alpine'],
  tags: tagsFor(['3.18.9', '3.19.4', '3.20.3', '3.21.0'], { latest: '3.21.0', edge: '3.21.0' }),
  sizeBytes: constant(3_650_000),
  entrypoint: constant([]),
  cmd: constant(['/bin/sh']),
  env: constant({ PATH: DEFAULT_PATH }),
  exposedPorts: [],
  os: 'alpine',
  toolset: 'busybox',
  shell: 'ash',
  programs: none,
  usage: { memoryMi: 0.5, cpuMilli: 0 },
};

const bashImage: ImageSpec = {
  ...alpineImage,
  repositories: ['docker.io/library/bash'],
  tags: tagsFor(['4.4.23', '5.1.16', '5.2.37'], { latest: '5.2.37', devel: '5.2.37' }),
  sizeBytes: constant(6_100_000),
  entrypoint: constant(['docker-entrypoint.sh']),
  cmd: constant(['bash']),
  bash: true,
  programs: () => ({
    '/usr/local/bin/docker-entrypoint.sh': function* (ctx) {
      // The bash image prepends `bash` when the first argument is a flag or a script file.
      const args = ctx.argv.slice(1);
      const target = args[0]?.startsWith('-') ? ['bash', ...args] : args;
      const p = ctx.sys.lookup(target[0] ?? 'bash');
      if (!p) {
        ctx.io.err(`/usr/local/bin/docker-entrypoint.sh: exec: line 11: ${target[0]}: not found\n`);
        return 127;
      }
      const r = p({ ...ctx, argv: target });
      return typeof r === 'number' ? r : yield* r;
    },
  }),
};

const debian: ImageSpec = {
  repositories: ['docker.io/library/debian'],
  tags: { latest: '12.8', '12': '12.8', '12.8': '12.8', bookworm: '12.8', 'bookworm-slim': '12.8-slim', '12-slim': '12.8-slim', stable: '12.8', 'stable-slim': '12.8-slim', '11': '11.11', bullseye: '11.11', 'bullseye-slim': '11.11-slim', '10': '10.13', buster: '10.13', trixie: '13' },
  sizeBytes: (v) => (v.endsWith('-slim') ? 28_200_000 : 48_500_000),
  entrypoint: constant([]),
  cmd: constant(['bash']),
  env: constant({ PATH: DEFAULT_PATH }),
  exposedPorts: [],
  os: 'debian',
  toolset: 'coreutils',
  shell: 'dash',
  bash: true,
  programs: none,
  usage: { memoryMi: 0.8, cpuMilli: 0 },
};

const ubuntu: ImageSpec = {
  ...debian,
  repositories: ['docker.io/library/ubuntu'],
  tags: { latest: '24.04', '24.04': '24.04', noble: '24.04', '22.04': '22.04', jammy: '22.04', '20.04': '20.04', focal: '20.04', '18.04': '18.04', bionic: '18.04', rolling: '24.10', '24.10': '24.10' },
  sizeBytes: constant(29_700_000),
  cmd: constant(['/bin/bash']),
  os: 'ubuntu',
};

const perl: ImageSpec = {
  repositories: ['docker.io/library/perl'],
  tags: tagsFor(['5.34.0', '5.36.3', '5.38.2', '5.40.0'], { latest: '5.40.0', slim: '5.40.0-slim', '5-slim': '5.40.0-slim' }),
  sizeBytes: (v) => (v.endsWith('-slim') ? 40_000_000 : 337_000_000),
  entrypoint: constant([]),
  cmd: (v) => [`perl${v.replace(/-.*$/, '')}`, '-de0'],
  env: constant({ PATH: DEFAULT_PATH }),
  workingDir: '/',
  exposedPorts: [],
  os: 'debian',
  toolset: 'coreutils',
  shell: 'dash',
  bash: true,
  programs: perlPrograms,
  usage: { memoryMi: 2, cpuMilli: 0 },
};

const python: ImageSpec = {
  repositories: ['docker.io/library/python'],
  tags: tagsFor(['3.8.20', '3.9.21', '3.10.16', '3.11.11', '3.12.8', '3.13.1'], { latest: '3.13.1', slim: '3.13.1-slim', alpine: '3.13.1-alpine', '3-slim': '3.13.1-slim', '3-alpine': '3.13.1-alpine', '3.12-slim': '3.12.8-slim', '3.11-slim': '3.11.11-slim', '3.12-alpine': '3.12.8-alpine' }),
  sizeBytes: (v) => (v.endsWith('-slim') ? 45_000_000 : alpine(v) ? 18_000_000 : 381_000_000),
  entrypoint: constant([]),
  cmd: constant(['python3']),
  env: (v) => ({ PATH: DEFAULT_PATH, LANG: 'C.UTF-8', PYTHON_VERSION: v.replace(/-.*$/, '') }),
  exposedPorts: [],
  os: (v) => (alpine(v) ? 'alpine' : 'debian'),
  toolset: (v) => (alpine(v) ? 'busybox' : 'coreutils'),
  shell: (v) => (alpine(v) ? 'ash' : 'dash'),
  bash: true,
  programs: pythonPrograms,
  usage: { memoryMi: 9, cpuMilli: 0 },
};

const nodeImage: ImageSpec = {
  repositories: ['docker.io/library/node'],
  tags: tagsFor(['18.20.5', '20.18.1', '22.12.0', '23.4.0'], { latest: '23.4.0', lts: '22.12.0', alpine: '23.4.0-alpine', 'lts-alpine': '22.12.0-alpine', '22-alpine': '22.12.0-alpine', '20-alpine': '20.18.1-alpine', '18-alpine': '18.20.5-alpine', slim: '23.4.0-slim', 'lts-slim': '22.12.0-slim' }),
  sizeBytes: (v) => (alpine(v) ? 57_000_000 : v.endsWith('-slim') ? 75_000_000 : 394_000_000),
  entrypoint: constant(['docker-entrypoint.sh']),
  cmd: constant(['node']),
  env: (v) => ({ PATH: DEFAULT_PATH, NODE_VERSION: v.replace(/-.*$/, ''), YARN_VERSION: '1.22.22' }),
  exposedPorts: [],
  os: (v) => (alpine(v) ? 'alpine' : 'debian'),
  toolset: (v) => (alpine(v) ? 'busybox' : 'coreutils'),
  shell: (v) => (alpine(v) ? 'ash' : 'dash'),
  bash: true,
  programs: nodePrograms,
  usage: { memoryMi: 30, cpuMilli: 1 },
};

function dbImage(repo: string, versions: string[], latest: string, size: number, entrypoint: string[], cmd: string[], ports: number[], program: Program, usage: { memoryMi: number; cpuMilli: number }, extraEnv: Record<string, string> = {}): ImageSpec {
  return {
    repositories: [`docker.io/library/${repo}`],
    tags: tagsFor(versions, { latest }),
    sizeBytes: constant(size),
    entrypoint: constant(entrypoint),
    cmd: constant(cmd),
    env: constant({ PATH: DEFAULT_PATH, ...extraEnv }),
    exposedPorts: ports,
    os: 'debian',
    toolset: 'coreutils',
    shell: 'dash',
    bash: true,
    programs: () => ({ [`/usr/local/bin/${cmd[0]}`]: program, '/usr/local/bin/docker-entrypoint.sh': program }),
    usage,
  };
}

const postgresImage = dbImage('postgres', ['13.18', '14.15', '15.10', '16.6', '17.2'], '17.2', 151_000_000, ['docker-entrypoint.sh'], ['postgres'], [5432], postgres, { memoryMi: 28, cpuMilli: 3 }, { PGDATA: '/var/lib/postgresql/data' });
const mysqlImage = dbImage('mysql', ['5.6.51', '5.7.44', '8.0.40', '8.4.3', '9.1.0'], '9.1.0', 171_000_000, ['docker-entrypoint.sh'], ['mysqld'], [3306, 33060], mysql, { memoryMi: 360, cpuMilli: 5 });
const mongoImage = dbImage('mongo', ['5.0.30', '6.0.19', '7.0.16', '8.0.4'], '8.0.4', 281_000_000, ['docker-entrypoint.sh'], ['mongod'], [27017], mongo, { memoryMi: 120, cpuMilli: 8 });
const cassandraImage: ImageSpec = {
  ...dbImage('cassandra', ['3.11.17', '4.0.15', '4.1.7', '5.0.2'], '5.0.2', 140_000_000, ['docker-entrypoint.sh'], ['cassandra', '-f'], [7000, 7001, 7199, 9042, 9160], cassandra, { memoryMi: 900, cpuMilli: 40 }),
};
const cassandraSample: ImageSpec = {
  ...cassandraImage,
  repositories: ['gcr.io/google-samples/cassandra'],
  tags: { v11: '3.9', v12: '3.9', v13: '3.11.2', v14: '3.11.4' },
  entrypoint: constant(['/usr/bin/dumb-init', '/bin/bash', '/run.sh']),
  cmd: constant([]),
  programs: () => ({ '/run.sh': cassandra, '/usr/bin/dumb-init': function* (ctx) {
    const target = ctx.argv.slice(1);
    const p = ctx.sys.lookup(target[target.length - 1] === '/run.sh' ? '/run.sh' : target[0] ?? '');
    if (!p) return 127;
    const r = p({ ...ctx, argv: target });
    return typeof r === 'number' ? r : yield* r;
  }, '/ready-probe.sh': cassandraReady }),
};

const pauseImage: ImageSpec = {
  repositories: ['registry.k8s.io/pause', 'k8s.gcr.io/pause', 'gcr.io/google_containers/pause'],
  tags: { '3.1': '3.1', '3.2': '3.2', '3.5': '3.5', '3.6': '3.6', '3.7': '3.7', '3.8': '3.8', '3.9': '3.9', '3.10': '3.10', latest: '3.10' },
  sizeBytes: constant(320_368),
  entrypoint: constant(['/pause']),
  cmd: constant([]),
  env: constant({ PATH: DEFAULT_PATH }),
  user: 65535,
  exposedPorts: [],
  os: 'scratch',
  toolset: 'none',
  programs: () => ({ '/pause': pause }),
  usage: { memoryMi: 0.3, cpuMilli: 0 },
};

function simple(repos: string[], tags: Record<string, string>, size: number, entrypoint: string[], cmd: string[], ports: number[], programs: (v: string) => Record<string, Program>, usage: { memoryMi: number; cpuMilli: number }, os: ImageSpec['os'] = 'distroless', extra: Partial<ImageSpec> = {}): ImageSpec {
  const shelled = os !== 'distroless' && os !== 'scratch';
  return {
    repositories: repos,
    tags,
    sizeBytes: constant(size),
    entrypoint: constant(entrypoint),
    cmd: constant(cmd),
    env: constant({ PATH: DEFAULT_PATH }),
    exposedPorts: ports,
    os,
    toolset: shelled ? (os === 'alpine' || os === 'busybox' ? 'busybox' : 'coreutils') : 'none',
    shell: shelled ? (os === 'alpine' || os === 'busybox' ? 'ash' : 'dash') : undefined,
    programs,
    usage,
    ...extra,
  };
}

const agnhost = simple(
  ['registry.k8s.io/e2e-test-images/agnhost', 'k8s.gcr.io/e2e-test-images/agnhost'],
  Object.fromEntries(['2.21', '2.26', '2.32', '2.33', '2.36', '2.39', '2.40', '2.43', '2.45', '2.47', '2.48', '2.50', '2.52', '2.53'].map((t) => [t, t])),
  51_200_000, ['/agnhost'], ['pause'], [80, 8080, 8081], agnhostPrograms, { memoryMi: 5, cpuMilli: 1 }, 'alpine', { bash: true, extraTools: ['curl'] },
);

const echoserver = simple(
  ['registry.k8s.io/echoserver', 'k8s.gcr.io/echoserver', 'gcr.io/google_containers/echoserver'],
  { '1.4': '1.4', '1.10': '1.10' },
  46_100_000, [], ['/usr/local/bin/run.sh'], [8080], echoserverPrograms, { memoryMi: 4, cpuMilli: 1 }, 'ubuntu',
);

const hpaExample = simple(['registry.k8s.io/hpa-example', 'k8s.gcr.io/hpa-example', 'gcr.io/google_containers/hpa-example'], { latest: 'latest' }, 181_000_000, [], ['apache2-foreground'], [80], () => ({ '/usr/local/bin/apache2-foreground': phpApache }), { memoryMi: 10, cpuMilli: 1 }, 'debian');
const gbFrontend = simple(['gcr.io/google-samples/gb-frontend', 'gcr.io/google_samples/gb-frontend', 'us-docker.pkg.dev/google-samples/containers/gke/gb-frontend'], { v4: 'v4', v5: 'v5', v6: 'v6' }, 139_000_000, [], ['apache2-foreground'], [80], () => ({ '/usr/local/bin/apache2-foreground': guestbookFrontend }), { memoryMi: 12, cpuMilli: 1 }, 'debian', { files: guestbookFiles, workingDir: '/var/www/html' });
const goGuestbookImage = simple(['registry.k8s.io/guestbook', 'k8s.gcr.io/guestbook'], { v3: 'v3' }, 11_000_000, [], ['./guestbook'], [3000], () => ({ '/app/guestbook': goGuestbook, './guestbook': goGuestbook }), { memoryMi: 4, cpuMilli: 1 }, 'distroless', { workingDir: '/app' });
const helloAppImage = simple(['gcr.io/google-samples/hello-app', 'us-docker.pkg.dev/google-samples/containers/gke/hello-app'], { '1.0': '1.0', '2.0': '2.0' }, 5_900_000, [], ['/hello-app'], [8080], (v) => ({ '/hello-app': helloApp(v) }), { memoryMi: 3, cpuMilli: 1 }, 'alpine');
const bootcampImage = simple(['gcr.io/google-samples/kubernetes-bootcamp', 'docker.io/jocatalin/kubernetes-bootcamp'], { v1: 'v1', v2: 'v2' }, 77_000_000, [], ['/bin/sh', '-c', 'node server.js'], [8080], (v) => ({ '/usr/local/bin/node': bootcamp(v) }), { memoryMi: 20, cpuMilli: 1 }, 'debian');

const fluentdOld = simple(['registry.k8s.io/fluentd-elasticsearch', 'k8s.gcr.io/fluentd-elasticsearch', 'gcr.io/google_containers/fluentd-elasticsearch'], { '1.20': '1.20', '1.22': '1.22' }, 139_000_000, [], ['/run.sh'], [], () => ({ '/run.sh': fluentd }), { memoryMi: 60, cpuMilli: 5 }, 'debian');
const fluentdQuay = simple(['quay.io/fluentd_elasticsearch/fluentd'], { 'v2.5.2': 'v2.5.2', 'v3.0.1': 'v3.0.1', 'v4.7.2': 'v4.7.2', latest: 'v4.7.2' }, 139_000_000, ['/entrypoint.sh'], [], [24231], () => ({ '/entrypoint.sh': fluentd }), { memoryMi: 80, cpuMilli: 5 }, 'debian');

const zookeeperImage = simple(['registry.k8s.io/kubernetes-zookeeper', 'k8s.gcr.io/kubernetes-zookeeper', 'gcr.io/google_containers/kubernetes-zookeeper'], { '1.0-3.4.10': '1.0-3.4.10' }, 118_000_000, [], [], [2181, 2888, 3888], () => ({ '/usr/bin/start-zookeeper': zookeeper, '/usr/bin/zookeeper-ready': zookeeperReady }), { memoryMi: 90, cpuMilli: 3 }, 'ubuntu', { bash: true });

const K8S_VERSIONS = ['v1.29.10', 'v1.30.6', 'v1.31.2', 'v1.32.0', 'v1.32.1'];
const k8sTags = Object.fromEntries(K8S_VERSIONS.map((v) => [v, v]));
const corednsImage = simple(['registry.k8s.io/coredns/coredns', 'registry.k8s.io/coredns', 'k8s.gcr.io/coredns/coredns', 'docker.io/coredns/coredns'], { 'v1.9.3': 'v1.9.3', 'v1.10.1': 'v1.10.1', 'v1.11.1': 'v1.11.1', 'v1.11.3': 'v1.11.3', '1.11.3': 'v1.11.3', latest: 'v1.11.3' }, 18_562_039, ['/coredns'], [], [53, 9153], (v) => ({ '/coredns': coredns(v) }), { memoryMi: 12, cpuMilli: 3 }, 'distroless', { user: 65532 });
const kubeProxy = simple(['registry.k8s.io/kube-proxy', 'k8s.gcr.io/kube-proxy'], k8sTags, 30_908_000, [], [], [10249, 10256], () => ({ '/usr/local/bin/kube-proxy': kubeComponent('kube-proxy', 10256) }), { memoryMi: 14, cpuMilli: 1 }, 'distroless');
const apiserver = simple(['registry.k8s.io/kube-apiserver', 'k8s.gcr.io/kube-apiserver'], k8sTags, 28_667_000, [], [], [6443], () => ({ '/usr/local/bin/kube-apiserver': kubeComponent('kube-apiserver', 6443) }), { memoryMi: 250, cpuMilli: 40 }, 'distroless');
const controllerManager = simple(['registry.k8s.io/kube-controller-manager', 'k8s.gcr.io/kube-controller-manager'], k8sTags, 26_254_000, [], [], [10257], () => ({ '/usr/local/bin/kube-controller-manager': kubeComponent('kube-controller-manager', 10257) }), { memoryMi: 45, cpuMilli: 15 }, 'distroless');
const scheduler = simple(['registry.k8s.io/kube-scheduler', 'k8s.gcr.io/kube-scheduler'], k8sTags, 20_657_000, [], [], [10259], () => ({ '/usr/local/bin/kube-scheduler': kubeComponent('kube-scheduler', 10259) }), { memoryMi: 20, cpuMilli: 4 }, 'distroless');
const etcdImage = simple(['registry.k8s.io/etcd', 'k8s.gcr.io/etcd'], { '3.5.12-0': '3.5.12-0', '3.5.15-0': '3.5.15-0', '3.5.16-0': '3.5.16-0', '3.5.21-0': '3.5.21-0' }, 57_680_000, [], [], [2379, 2380], () => ({ '/usr/local/bin/etcd': etcd }), { memoryMi: 40, cpuMilli: 20 }, 'distroless');

const polinuxStress = simple(['docker.io/polinux/stress'], { latest: '1.0.4', '1.0.4': '1.0.4' }, 4_000_000, [], ['stress', '--help'], [], polinuxStressPrograms, { memoryMi: 0.7, cpuMilli: 0 }, 'alpine');
const vishStress = simple(['docker.io/vish/stress'], { latest: 'latest' }, 2_600_000, ['/stress', '-logtostderr'], [], [], vishStressPrograms, { memoryMi: 1, cpuMilli: 0 }, 'scratch');
const curlImage = simple(['docker.io/curlimages/curl'], { latest: '8.11.1', '8.11.1': '8.11.1', '8.5.0': '8.5.0', '7.85.0': '7.85.0' }, 12_400_000, ['/entrypoint.sh'], ['curl'], [], () => ({ '/entrypoint.sh': function* (ctx) {
  const args = ctx.argv.slice(1);
  const target = !args.length || args[0].startsWith('-') ? ['curl', ...args] : args;
  const p = ctx.sys.lookup(target[0]);
  if (!p) return 127;
  const r = p({ ...ctx, argv: target });
  return typeof r === 'number' ? r : yield* r;
} }), { memoryMi: 1, cpuMilli: 0 }, 'alpine', { user: 100, extraTools: ['curl'] });

export const CATALOGUE: ImageSpec[] = [
  nginx, nginxSlim, httpd, redis, guestbookRedisFollower, busybox, alpineImage, bashImage, debian, ubuntu, perl, python, nodeImage,
  postgresImage, mysqlImage, mongoImage, cassandraImage, cassandraSample, pauseImage, agnhost, echoserver, hpaExample, gbFrontend,
  goGuestbookImage, helloAppImage, bootcampImage, fluentdOld, fluentdQuay, zookeeperImage, corednsImage, kubeProxy, apiserver,
  controllerManager, scheduler, etcdImage, polinuxStress, vishStress, curlImage,
  ...AUTOSCALER_IMAGES,
  metricsServerImage,
];

/** The images a node has before any pull (what kind and kubeadm nodes ship preloaded). */
export const PRELOADED = ['registry.k8s.io/pause:3.10', 'registry.k8s.io/kube-proxy:v1.32.0'];
