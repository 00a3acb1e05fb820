/**
 * Wires one cluster: clock, store, API server, and the components that act
 * through the API. Runs the same in a Web Worker and in Node.
 */
import { Clock } from './clock/clock';
import { ClockDriver } from './clock/driver';
import { Rng } from './clock/prng';
import { Store, taskCause } from './store/store';
import { ApiServer } from './api/server';
import { buildRegistry } from './api/kinds';
import { createMachinery } from './api/machinery';
import type { KubeObject } from './api/object';
import type { ApiRequest, ApiResponse, WatchEvent, WatchHandle } from './api/request';
import { buildNode, nodeInternalIP } from './node/nodeObject';
import { startKubelet, createNodeProxy, type Kubelet } from './node/kubelet';
import { createRuntime } from './node/runtime';
import { bootstrapApiserver } from './bootstrap/apiserver';
import { installAddons } from './bootstrap/addons';
import { loadDefinitions } from './api/openapi';
import { InformerFactory } from './client/factory';
import { ServiceAccountsController } from './controllers/serviceaccount';
import { RootCACertPublisher } from './controllers/rootcacertpublisher';
import { CLUSTER_CA_BUNDLE } from './api/clusterCA';
import { EventRecorder } from './client/events';
import type { ComponentContext } from './controllers/context';
import { startDeploymentController, type DeploymentController } from './controllers/deployment/controller';
import { startReplicaSetController, type ReplicaSetController } from './controllers/replicaset';
import { startReplicationControllerController } from './controllers/replicationcontroller';
import { startStatefulSetController, type StatefulSetController } from './controllers/statefulset/controller';
import { startDaemonSetController, type DaemonSetController } from './controllers/daemonset/controller';
import { startJobController, type JobController } from './controllers/job/controller';
import { startTTLAfterFinishedController } from './controllers/job/ttlAfterFinished';
import { startCronJobController } from './controllers/cronjob/controller';
import { Scheduler } from './scheduler/scheduler';
import { startLifecycleControllers, type LifecycleControllers } from './controllers/lifecycle';
import { startApiExtensions, withCustomResources } from './api/crd';
import { runChaos, type ChaosAction } from './chaos';
import { startEndpointSliceController, type EndpointSliceController } from './controllers/endpointslice/controller';
import { startEndpointsController } from './controllers/endpoints/controller';
import { startServiceLBController } from './controllers/servicelb/controller';
import { startVolumeControllers } from './controllers/volume';
import { startNetwork, type Network } from './network';
import { startMetricsServer, type MetricsServer } from './metrics/server';
import { startHorizontalController, type HorizontalController } from './controllers/podautoscaler/controller';
import { startVpa, type Vpa } from './autoscaler/vpa';
import { metricsApiUsage } from './autoscaler/usage';
import { ClusterAutoscaler } from './autoscaler/cluster';

export interface ClusterOptions {
  seed?: number;
  /** Worker nodes besides the control plane (default 3). */
  nodes?: number;
  /** Virtual time at start (ms since 1970); fixed by default so histories repeat. */
  epochMs?: number;
  /**
   * Which workload controllers to run (default all). Tests of one controller
   * pass `[]` and construct the one under test themselves.
   */
  controllers?: readonly ControllerName[];
  /**
   * Nodes: `run` (default) starts a kubelet per node; `register` only
   * registers the Node objects, for tests that play the kubelet themselves;
   * `none` leaves nodes to the test.
   */
  kubelets?: 'run' | 'register' | 'none';
  /** The cluster autoscaler's `workers` node group: min defaults to `nodes`, max to `nodes + 3`; on unless `enabled: false` (0 <= min <= max). */
  autoscaler?: { min?: number; max?: number; enabled?: boolean };
}

/** 2025-01-01T00:00:00Z: the default start of virtual time. */
export const DEFAULT_EPOCH_MS = Date.UTC(2025, 0, 1);

export { SYSTEM_NAMESPACES } from './bootstrap/apiserver';

const ZONES = ['zone-a', 'zone-b', 'zone-c'];

export const CONTROLLER_NAMES = ['deployment', 'replicaset', 'replicationcontroller', 'statefulset', 'daemonset', 'job', 'ttl-after-finished', 'cronjob', 'scheduler', 'lifecycle', 'endpointslice', 'endpoints', 'service-lb', 'volume', 'metrics-server', 'horizontal-pod-autoscaler', 'cluster-autoscaler', 'vpa'] as const;
export type ControllerName = (typeof CONTROLLER_NAMES)[number];

export class Cluster {
  readonly clock: Clock;
  readonly rng: Rng;
  readonly store: Store<KubeObject>;
  readonly api: ApiServer;
  readonly driver: ClockDriver;
  readonly seed: number;
  readonly informers: InformerFactory;
  /** The context control-plane and node components are built with. */
  readonly components: ComponentContext;
  /** The virtual network: kube-proxy rules, DNS, routing and request traces. */
  network?: Network;
  /** The kubelet of every node, by node name. */
  readonly kubelets = new Map<string, Kubelet>();
  /** Garbage collector, namespace, node lifecycle, pod GC, disruption controllers and leader election. */
  lifecycle?: LifecycleControllers;
  /** metrics-server: scrapes the kubelets and serves metrics.k8s.io. */
  metricsServer?: MetricsServer;
  /** The VPA recommender and updater (the admission controller is an admission plugin). */
  vpa?: Vpa;
  /** The cluster autoscaler (its decisions are read for narration). */
  clusterAutoscaler?: ClusterAutoscaler;
  /** kube-scheduler (its per-node decisions are read for narration). */
  scheduler?: Scheduler;
  /** Running controllers by name (their decisions are read for narration). */
  readonly controllers: {
    deployment?: DeploymentController;
    replicaset?: ReplicaSetController;
    replicationcontroller?: ReplicaSetController;
    hpa?: HorizontalController;
    statefulset?: StatefulSetController;
    daemonset?: DaemonSetController;
    job?: JobController;
    endpointslice?: EndpointSliceController;
  } = {};
  /**
   * Told of each request and chaos action from outside before it runs; the
   * function it returns gets the answer. The timeline records them for replay.
   */
  external?: (action: ExternalAction) => (res: ApiResponse) => void;

  constructor(private readonly options: ClusterOptions = {}) {
    const opts = options;
    this.seed = opts.seed ?? 1;
    this.clock = new Clock(opts.epochMs ?? DEFAULT_EPOCH_MS);
    this.rng = new Rng(this.seed);
    const clock = this.clock;
    this.store = new Store<KubeObject>({
      now: () => clock.now(),
      cause: () => (clock.current ? taskCause(clock.current) : { component: 'kube-apiserver' }),
    });
    const registry = buildRegistry();
    this.api = new ApiServer({ store: this.store, clock, rng: this.rng, registry, machinery: withCustomResources(createMachinery(registry, this.rng)) });
    this.driver = new ClockDriver(clock);
    this.informers = new InformerFactory({ handle: (r) => this.api.handle(r), watch: (r, cb) => this.api.watch(r, cb) });
    this.components = {
      clock,
      rng: this.rng,
      informers: this.informers,
      client: (identity) => this.as(identity),
      recorder: (component, host) => new EventRecorder(clock, this.as(component), component, host),
    };
    this.bootstrap(opts.nodes ?? 3);
    this.startControllers();
    // kubeadm installs its add-ons once the control plane is up.
    this.clock.schedule(0, { component: 'kubeadm', key: 'kube-system', what: 'install add-ons' }, () => installAddons(this.as('kubeadm')));
  }

  /**
   * Run what is due by now. A request from outside (kubectl, the page)
   * first lets the cluster catch up with the present, unless it is paused.
   */
  settle(): void {
    if (this.driver.mode.kind === 'paused') return;
    this.clock.runUntil({ time: this.clock.now(), maxTasks: 100_000 });
  }

  private startControllers(): void {
    const kcm = this.as('kube-controller-manager');
    new ServiceAccountsController(this.clock, this.informers, kcm);
    new RootCACertPublisher(this.clock, this.informers, kcm, CLUSTER_CA_BUNDLE);
    const want = (name: ControllerName) => (this.options.controllers ?? CONTROLLER_NAMES).includes(name);
    if (want('deployment')) this.controllers.deployment = startDeploymentController(this.components);
    if (want('replicaset')) this.controllers.replicaset = startReplicaSetController(this.components);
    if (want('replicationcontroller')) this.controllers.replicationcontroller = startReplicationControllerController(this.components);
    if (want('statefulset')) this.controllers.statefulset = startStatefulSetController(this.components);
    if (want('daemonset')) this.controllers.daemonset = startDaemonSetController(this.components);
    if (want('job')) this.controllers.job = startJobController(this.components);
    if (want('ttl-after-finished')) startTTLAfterFinishedController(this.components);
    if (want('cronjob')) startCronJobController(this.components);
    if (want('scheduler')) this.scheduler = new Scheduler(this.components);
    if (want('lifecycle')) this.lifecycle = startLifecycleControllers(this.components, this.api.deps.registry);
    if (want('endpointslice')) this.controllers.endpointslice = startEndpointSliceController(this.components);
    if (want('endpoints')) startEndpointsController(this.components);
    if (want('service-lb')) startServiceLBController(this.components);
    if (want('volume')) startVolumeControllers(this.components, { localPath: { removeData: (node, path) => this.kubelets.get(node)?.removeVolumeData(path) } });
    if (want('metrics-server')) this.metricsServer = startMetricsServer(this.components, this.api.deps.registry, { kubeletUsage: (node) => this.kubelets.get(node)?.usage() });
    if (want('horizontal-pod-autoscaler')) this.controllers.hpa = startHorizontalController(this.components, this.api.deps.registry);
    if (want('vpa')) this.vpa = startVpa(this.components, metricsApiUsage(this.as('vpa-recommender')));
    if (want('cluster-autoscaler') && this.options.autoscaler?.enabled !== false) this.clusterAutoscaler = this.startClusterAutoscaler();
    startApiExtensions(this.components, this.api.deps.registry);
    this.informers.start();
  }

  request(req: ApiRequest): ApiResponse {
    if (!this.external) return this.api.handle(req);
    return observed(this.external({ type: 'request', request: req }), () => this.api.handle(req));
  }

  watch(req: ApiRequest, onEvent: (e: WatchEvent) => void): WatchHandle | ApiResponse {
    return this.api.watch(req, onEvent);
  }

  /** A request on behalf of a component (its name is the user agent and field manager). */
  as(component: string): (req: Omit<ApiRequest, 'userAgent'>) => ApiResponse {
    const userAgent = `${component}/v1.32.0`;
    return (req) => this.api.handle({ ...req, userAgent });
  }

  private nodeSpecs: { name: string; controlPlane: boolean }[] = [];
  /** Machines asked for whose kubelet has not started yet. */
  private readonly booting = new Set<string>();

  private startClusterAutoscaler(): ClusterAutoscaler {
    const workers = this.options.nodes ?? 3;
    const min = this.options.autoscaler?.min ?? workers;
    const max = this.options.autoscaler?.max ?? Math.max(min, workers + 3);
    if (!(min >= 0) || !(max >= min)) throw new Error(`autoscaler: need 0 <= min <= max, got min ${min}, max ${max}`);
    return new ClusterAutoscaler(this.components, {
      createMachine: (bootMs) => this.addWorker(bootMs),
      deleteMachine: (node) => {
        this.kubelets.get(node)?.stop();
        this.kubelets.delete(node);
      },
    }, { min, max });
  }

  private bootstrap(workers: number): void {
    bootstrapApiserver(this.as('kube-apiserver'), nodeInternalIP(0));
    this.network = startNetwork(this.components, { kubelet: (n) => this.kubelets.get(n) });
    const nodes = [{ name: 'control-plane', controlPlane: true }, ...Array.from({ length: workers }, (_, i) => ({ name: `worker-${i + 1}`, controlPlane: false }))];
    for (const n of nodes) this.startNode(n);
    this.api.nodeProxy = createNodeProxy(
      (name) => this.kubelets.get(name),
      (name) => this.nodeSpecs.findIndex((n) => n.name === name),
    );
  }

  /** Bring up a node (its kubelet registers it), as joining a machine to the cluster does. */
  private startNode(n: { name: string; controlPlane: boolean }): void {
    const index = this.nodeSpecs.length;
    this.nodeSpecs.push(n);
    const spec = { ...n, index, cpu: n.controlPlane ? '2' : '4', memory: n.controlPlane ? '4028424Ki' : '8130124Ki', zone: ZONES[index % ZONES.length] };
    const mode = this.options.kubelets ?? 'run';
    if (mode === 'register') {
      this.clock.schedule(0, { component: `kubelet/${n.name}`, key: n.name, what: 'register node' }, () => {
        this.as('kubelet')({ verb: 'create', group: '', version: 'v1', resource: 'nodes', body: buildNode(spec, this.clock.timestamp()) });
      });
    } else if (mode === 'run') {
      const runtime = createRuntime(this.clock, this.rng.fork(), n.name);
      const network = this.network!;
      this.kubelets.set(
        n.name,
        startKubelet(this.components, {
          ...spec,
          runtime,
          watch: (r, cb) => this.api.watch(r, cb),
          network: (node, ip) => network.networkFor(node, ip),
          serviceEnv: (ns, enable) => network.serviceEnv(ns, enable),
        }),
      );
    }
  }

  /**
   * Add a worker node (`worker-N`, the next free number) and return its
   * name; with `bootDelayMs` the machine boots that long before its kubelet starts.
   */
  addWorker(bootDelayMs = 0): string {
    let i = 1;
    while (this.nodeSpecs.some((n) => n.name === `worker-${i}`) || this.booting.has(`worker-${i}`)) i++;
    const name = `worker-${i}`;
    if (bootDelayMs <= 0) this.startNode({ name, controlPlane: false });
    else {
      this.booting.add(name);
      this.clock.schedule(bootDelayMs, { component: 'cloud-provider', key: name, what: 'machine booted' }, () => {
        this.booting.delete(name);
        this.startNode({ name, controlPlane: false });
      });
    }
    return name;
  }

  /** Break something on purpose (see chaos.ts). */
  chaos(action: ChaosAction): ApiResponse {
    if (!this.external) return runChaos(this, action);
    return observed(this.external({ type: 'chaos', chaos: action }), () => runChaos(this, action));
  }
}

export type ExternalAction = { type: 'request'; request: ApiRequest } | { type: 'chaos'; chaos: ChaosAction };

function observed(done: (res: ApiResponse) => void, run: () => ApiResponse): ApiResponse {
  let res: ApiResponse = { status: 500, body: null };
  try {
    res = run();
    return res;
  } finally {
    done(res);
  }
}

/** A new cluster, once the API schema it validates against is loaded. */
export async function createCluster(opts?: ClusterOptions): Promise<Cluster> {
  await loadDefinitions();
  return new Cluster(opts);
}
