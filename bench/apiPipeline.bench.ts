/**
 * The API server's write path, one verb at a time, with the requests the
 * control plane really sends for each pod: the ReplicaSet controller's
 * create, the scheduler's pods/binding, the kubelet's two pods/status PUTs
 * (ContainerCreating, then Running and Ready) and an Event. The floor is the
 * same number of bare store puts of structured clones of the same objects.
 */
import { createCluster, type Cluster } from '../workers/cluster';
import type { KubeObject } from '../workers/api/object';
import type { ApiRequest } from '../workers/api/request';
import { Store } from '../workers/store/store';
import type { Figure } from './report';

const NS = 'default';

/**
 * Milliseconds. Wall time by default; `cpu` counts only this process's CPU
 * time, which keeps A/B comparisons meaningful on a machine shared with
 * other work.
 */
let clock: () => number = () => performance.now();

export function useClock(kind: 'wall' | 'cpu'): void {
  clock =
    kind === 'cpu'
      ? () => {
          const u = process.cpuUsage();
          return (u.user + u.system) / 1000;
        }
      : () => performance.now();
}
const RS_UID = '5f0c3c1e-8a64-4d3a-9d5e-6f2b1c0a9e11';

/** What the ReplicaSet controller sends for a Deployment's pod (podFromTemplate). */
function podBody(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: 'web-7d9f8c6b5-',
      namespace: NS,
      labels: { app: 'web', 'pod-template-hash': '7d9f8c6b5' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d9f8c6b5', uid: RS_UID, controller: true, blockOwnerDeletion: true }],
    },
    spec: {
      containers: [
        {
          name: 'nginx',
          image: 'nginx:1.27',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } },
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'IfNotPresent',
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      securityContext: {},
      schedulerName: 'default-scheduler',
    },
  };
}

type Obj = Record<string, unknown>;

function cond(type: string, status: string, time: string, reason?: string, message?: string): Obj {
  const c: Obj = { type, status, lastProbeTime: null, lastTransitionTime: time };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

/** The kubelet's first report: sandbox coming up, container waiting (generatePodStatus). */
function creatingStatus(pod: KubeObject, hostIP: string, time: string): Obj {
  const old = (pod.status ?? {}) as Obj;
  return {
    conditions: [
      cond('PodReadyToStartContainers', 'False', time),
      cond('Initialized', 'True', time),
      cond('Ready', 'False', time, 'ContainersNotReady', 'containers with unready status: [nginx]'),
      cond('ContainersReady', 'False', time, 'ContainersNotReady', 'containers with unready status: [nginx]'),
      cond('PodScheduled', 'True', time),
    ],
    phase: 'Pending',
    hostIP,
    hostIPs: [{ ip: hostIP }],
    startTime: time,
    containerStatuses: [{ name: 'nginx', state: { waiting: { reason: 'ContainerCreating' } }, lastState: {}, ready: false, restartCount: 0, image: 'nginx:1.27', imageID: '', started: false }],
    qosClass: old.qosClass,
  };
}

function runningStatus(pod: KubeObject, hostIP: string, podIP: string, time: string, i: number): Obj {
  const old = (pod.status ?? {}) as Obj;
  return {
    conditions: [
      cond('PodReadyToStartContainers', 'True', time),
      cond('Initialized', 'True', time),
      cond('Ready', 'True', time),
      cond('ContainersReady', 'True', time),
      cond('PodScheduled', 'True', time),
    ],
    phase: 'Running',
    hostIP,
    hostIPs: [{ ip: hostIP }],
    podIP,
    podIPs: [{ ip: podIP }],
    startTime: old.startTime,
    containerStatuses: [
      {
        name: 'nginx',
        state: { running: { startedAt: time } },
        lastState: {},
        ready: true,
        restartCount: 0,
        image: 'docker.io/library/nginx:1.27',
        imageID: 'docker.io/library/nginx@sha256:2c2f3e5a8d1d3c4b5a6978f0e1d2c3b4a5968778695a4b3c2d1e0f9a8b7c6d5e',
        containerID: `containerd://${(i * 2654435761 >>> 0).toString(16).padStart(8, '0')}c0ffee`,
        started: true,
      },
    ],
    qosClass: old.qosClass,
  };
}

function eventBody(pod: KubeObject, node: string, time: string, seq: number): KubeObject {
  const m = pod.metadata;
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${m.name}.${(1735689600000000000n + BigInt(seq)).toString(16)}`, namespace: NS },
    involvedObject: { kind: 'Pod', namespace: NS, name: m.name, uid: m.uid, apiVersion: 'v1', resourceVersion: m.resourceVersion },
    reason: 'Scheduled',
    message: `Successfully assigned ${NS}/${m.name} to ${node}`,
    source: { component: 'default-scheduler' },
    firstTimestamp: time,
    lastTimestamp: time,
    count: 1,
    type: 'Normal',
    eventTime: null,
    reportingComponent: 'default-scheduler',
    reportingInstance: '',
  };
}

const PODS = { group: '', version: 'v1', resource: 'pods', namespace: NS } as const;

function must(c: Cluster, req: ApiRequest, want: number): unknown {
  const r = c.request(req);
  if (r.status !== want) throw new Error(`${req.verb} ${req.resource}/${req.subresource ?? ''} ${req.name ?? ''}: ${r.status} ${JSON.stringify(r.body).slice(0, 400)}`);
  return r.body;
}

export interface PhaseTimes {
  /** µs per request, each phase over the same pods. */
  create: number;
  bind: number;
  status: number;
  statusPatch: number;
  event: number;
  /** ms for create + bind + 2 status updates of all pods. */
  podWallMs: number;
  /** The stored objects after each of those four writes, for the floor. */
  stored: KubeObject[];
}

/** One round: `n` pods through every verb, each verb timed over all pods. */
export function runPhases(c: Cluster, n: number, round: number, keep: boolean, onPhase?: (phase: string) => void): PhaseTimes {
  const names: string[] = [];
  const stored: KubeObject[] = [];
  const key = (name: string) => `/registry/core/pods/${NS}/${name}`;
  const current = (name: string) => c.store.get(key(name))!.value;
  const time = c.clock.timestamp();
  const kcm = 'kube-controller-manager/v1.32.0 (linux/amd64) kubernetes/70d3cc9';

  onPhase?.('create');
  let t = clock();
  for (let i = 0; i < n; i++) {
    const r = c.request({ ...PODS, verb: 'create', body: podBody(), userAgent: kcm });
    // A generated name that is taken: the controller would try again on its next sync.
    if (r.status === 409) i--;
    else if (r.status !== 201) throw new Error(`create pods: ${r.status} ${JSON.stringify(r.body).slice(0, 400)}`);
    else names.push((r.body as KubeObject).metadata.name!);
  }
  const create = clock() - t;
  if (keep) for (const name of names) stored.push(current(name));

  onPhase?.('bind');
  t = clock();
  for (let i = 0; i < n; i++) {
    const name = names[i];
    const node = `node-${i % 100}`;
    must(c, { ...PODS, verb: 'create', name, subresource: 'binding', userAgent: 'kube-scheduler/v1.32.0', body: { apiVersion: 'v1', kind: 'Binding', metadata: { name, namespace: NS }, target: { kind: 'Node', name: node } } }, 201);
  }
  const bind = clock() - t;
  if (keep) for (const name of names) stored.push(current(name));

  const kubelet = 'kubelet/v1.32.0 (linux/amd64) kubernetes/70d3cc9';
  onPhase?.('status');
  t = clock();
  for (let i = 0; i < n; i++) {
    const pod = current(names[i]);
    const hostIP = `10.0.${i % 100}.2`;
    must(c, { ...PODS, verb: 'update', name: names[i], subresource: 'status', userAgent: kubelet, body: { ...pod, status: creatingStatus(pod, hostIP, time) } }, 200);
  }
  const status1 = clock() - t;
  if (keep) for (const name of names) stored.push(current(name));

  onPhase?.('status2');
  t = clock();
  for (let i = 0; i < n; i++) {
    const pod = current(names[i]);
    const hostIP = `10.0.${i % 100}.2`;
    must(c, { ...PODS, verb: 'update', name: names[i], subresource: 'status', userAgent: kubelet, body: { ...pod, status: runningStatus(pod, hostIP, `10.244.${i % 100}.${(round * 7 + i) % 250 + 2}`, time, i) } }, 200);
  }
  const status2 = clock() - t;
  if (keep) for (const name of names) stored.push(current(name));

  // The status manager upstream patches (strategic merge) what changed; here a probe flips readiness.
  onPhase?.('patch');
  t = clock();
  for (let i = 0; i < n; i++) {
    const name = names[i];
    const body = { metadata: { uid: current(name).metadata.uid }, status: { '$setElementOrder/conditions': [{ type: 'PodReadyToStartContainers' }, { type: 'Initialized' }, { type: 'Ready' }, { type: 'ContainersReady' }, { type: 'PodScheduled' }], conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: time, reason: 'ContainersNotReady', message: 'containers with unready status: [nginx]' }] } };
    must(c, { ...PODS, verb: 'patch', name, subresource: 'status', userAgent: kubelet, contentType: 'application/strategic-merge-patch+json', body }, 200);
  }
  const statusPatch = clock() - t;

  onPhase?.('event');
  t = clock();
  for (let i = 0; i < n; i++) {
    const pod = current(names[i]);
    must(c, { group: '', version: 'v1', resource: 'events', namespace: NS, verb: 'create', userAgent: 'kube-scheduler/v1.32.0', body: eventBody(pod, `node-${i % 100}`, time, round * n + i) }, 201);
  }
  const event = clock() - t;
  onPhase?.('');

  const us = (ms: number) => (ms * 1000) / n;
  return { create: us(create), bind: us(bind), status: us((status1 + status2) / 2), statusPatch: us(statusPatch), event: us(event), podWallMs: create + bind + status1 + status2, stored };
}

/** Bare store writes of structured clones of the same objects, in the same order (ms). */
export function floorMs(stored: KubeObject[]): number {
  const store = new Store<KubeObject>();
  const t = clock();
  for (const o of stored) {
    const v = structuredClone(o);
    const key = `/registry/core/pods/${NS}/${v.metadata.name}`;
    const cur = store.get(key);
    store.txn([{ key, modRevision: cur?.modRevision ?? 0 }], [{ type: 'put', key, value: v }]);
  }
  return clock() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

export async function apiPipelineBenchmarks(opts: { pods?: number; rounds?: number } = {}): Promise<Figure[]> {
  const n = opts.pods ?? 2000;
  const rounds = opts.rounds ?? 5;
  const c = await createCluster({ seed: 7, controllers: [] });
  // Let bootstrap finish (namespaces, service accounts); kubelets renew leases forever, so not "until idle".
  c.clock.runUntil({ time: c.clock.now() + 10_000 });
  runPhases(c, 500, 0, false); // warm-up: compile the hot paths first
  const all: PhaseTimes[] = [];
  const ratios: number[] = [];
  for (let r = 1; r <= rounds; r++) {
    const p = runPhases(c, n, r, true);
    // The floor runs right after, so machine load hits both alike.
    const floor = floorMs(p.stored);
    ratios.push(p.podWallMs / floor);
    p.stored = [];
    all.push(p);
  }
  const fig = (name: string, pick: (p: PhaseTimes) => number): Figure => ({ name, value: median(all.map(pick)), unit: 'µs', budget: 'report' });
  return [
    fig('api_pod_create_us', (p) => p.create),
    fig('api_pod_status_update_us', (p) => p.status),
    fig('api_pod_status_patch_us', (p) => p.statusPatch),
    fig('api_binding_us', (p) => p.bind),
    fig('api_event_create_us', (p) => p.event),
    { name: 'pod_cost_vs_floor', value: median(ratios), unit: '×', budget: 10, kind: 'max' },
  ];
}
