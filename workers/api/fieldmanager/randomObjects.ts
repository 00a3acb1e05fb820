/**
 * Seeded random variations of realistic objects, for tests that hold a
 * shortcut to the answer of the general path it skips. Test-only.
 */
import type { KubeObject } from '../object';

export type Rand = () => number;

/** mulberry32: small, seeded, good enough to vary test inputs. */
export function seeded(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const SCALARS: unknown[] = ['', 'x', 'nginx', 'a"b<c>&', 'é😀', 0, 1, -1, 80, 1.5, true, false, null, '0', 'TCP', 'UDP'];
const KEYS = ['name', 'image', 'x', 'type', 'containerPort', 'protocol', 'mountPath', 'ip', 'key', 'value', 'status', 'spec', 'f', '', 'metadata', 'labels', 'items', 'resources'];

function randomValue(r: Rand, depth: number): unknown {
  const d = r();
  if (depth <= 0 || d < 0.5) return pick(r, SCALARS);
  if (d < 0.7) return Array.from({ length: Math.floor(r() * 3) }, () => randomValue(r, depth - 1));
  const o: Record<string, unknown> = {};
  const n = Math.floor(r() * 4);
  for (let i = 0; i < n; i++) o[pick(r, KEYS)] = randomValue(r, depth - 1);
  return o;
}

/**
 * One random edit somewhere in `v` (in place): drop, null, empty, retype,
 * duplicate a list item, add a field, or change a scalar.
 */
function mutateOnce(r: Rand, v: unknown, depth = 0): void {
  if (Array.isArray(v)) {
    if (v.length === 0 || r() < 0.25) {
      const roll = r();
      if (roll < 0.3 && v.length) v.push(structuredClone(v[Math.floor(r() * v.length)]));
      else if (roll < 0.5 && v.length) v.splice(Math.floor(r() * v.length), 1);
      else if (roll < 0.6) v.push(randomValue(r, 2));
      else if (roll < 0.7 && v.length) v[Math.floor(r() * v.length)] = pick(r, SCALARS);
      else if (v.length) mutateOnce(r, v[Math.floor(r() * v.length)], depth + 1);
      return;
    }
    mutateOnce(r, v[Math.floor(r() * v.length)], depth + 1);
    return;
  }
  if (typeof v !== 'object' || v === null) return;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 0 || r() < 0.2) {
    const roll = r();
    const k = keys.length ? pick(r, keys) : pick(r, KEYS);
    if (roll < 0.2) delete o[k];
    else if (roll < 0.3) o[k] = null;
    else if (roll < 0.4) o[k] = {};
    else if (roll < 0.5) o[k] = [];
    else if (roll < 0.6) o[k] = pick(r, SCALARS);
    else if (roll < 0.75) o[pick(r, KEYS)] = randomValue(r, 3);
    else if (roll < 0.85) o[k] = undefined;
    else o[k] = randomValue(r, 2);
    return;
  }
  const k = pick(r, keys);
  const child = o[k];
  if (typeof child !== 'object' || child === null) {
    if (r() < 0.5) o[k] = pick(r, SCALARS);
    return;
  }
  mutateOnce(r, child, depth + 1);
}

export function mutate<T>(r: Rand, v: T, edits: number): T {
  const out = structuredClone(v);
  for (let i = 0; i < edits; i++) mutateOnce(r, out);
  return out;
}

/** A pod as the API server stores it after a ReplicaSet's create. */
export function storedPod(i = 0): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `web-7d9f8c6b5-${i}`,
      generateName: 'web-7d9f8c6b5-',
      namespace: 'default',
      uid: `uid-${i}`,
      resourceVersion: String(100 + i),
      creationTimestamp: '2025-01-01T00:00:00Z',
      labels: { app: 'web', 'pod-template-hash': '7d9f8c6b5' },
      annotations: { note: 'x' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d9f8c6b5', uid: 'rs-uid', controller: true, blockOwnerDeletion: true }],
      finalizers: ['example.com/f'],
    },
    spec: {
      volumes: [
        {
          name: `kube-api-access-${i}`,
          projected: {
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
            ],
            defaultMode: 420,
          },
        },
        { name: 'data', emptyDir: {} },
      ],
      initContainers: [{ name: 'init', image: 'busybox', command: ['sh', '-c', 'true'], resources: {} }],
      containers: [
        {
          name: 'nginx',
          image: 'nginx:1.27',
          ports: [
            { containerPort: 80, protocol: 'TCP' },
            { containerPort: 443, protocol: 'TCP', name: 'https' },
          ],
          env: [{ name: 'A', value: '1' }, { name: 'POD', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }],
          resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } },
          volumeMounts: [{ name: `kube-api-access-${i}`, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }],
          readinessProbe: { httpGet: { path: '/', port: 80, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'IfNotPresent',
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      nodeSelector: { disk: 'ssd' },
      serviceAccountName: 'default',
      serviceAccount: 'default',
      securityContext: {},
      affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: { topologyKey: 'zone', labelSelector: { matchLabels: { app: 'web' } } } }] } },
      schedulerName: 'default-scheduler',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      priority: 0,
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
    },
    status: {
      phase: 'Running',
      conditions: [
        { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:00Z' },
        { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:01Z' },
      ],
      hostIP: '10.0.0.2',
      hostIPs: [{ ip: '10.0.0.2' }],
      podIP: '10.244.0.5',
      podIPs: [{ ip: '10.244.0.5' }],
      startTime: '2025-01-01T00:00:00Z',
      containerStatuses: [{ name: 'nginx', state: { running: { startedAt: '2025-01-01T00:00:01Z' } }, lastState: {}, ready: true, restartCount: 0, image: 'nginx:1.27', imageID: '', started: true }],
      qosClass: 'Burstable',
    },
  };
}

/** A few other kinds, to cover other schemas' shapes. */
export function otherObjects(): { gvk: { group: string; version: string; kind: string }; obj: KubeObject }[] {
  return [
    {
      gvk: { group: 'apps', version: 'v1', kind: 'Deployment' },
      obj: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, annotations: { 'deployment.kubernetes.io/revision': '1' } },
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: 'web' } },
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
          template: { metadata: { creationTimestamp: null, labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', resources: {} }] } },
          revisionHistoryLimit: 10,
          progressDeadlineSeconds: 600,
        },
        status: { replicas: 3, conditions: [{ type: 'Available', status: 'True' }] },
      },
    },
    {
      gvk: { group: '', version: 'v1', kind: 'Service' },
      obj: {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'web', namespace: 'default' },
        spec: {
          selector: { app: 'web' },
          ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }, { port: 53, protocol: 'UDP', targetPort: 'dns' }],
          clusterIP: '10.96.0.10',
          clusterIPs: ['10.96.0.10'],
          ipFamilies: ['IPv4'],
          type: 'ClusterIP',
          sessionAffinity: 'None',
        },
        status: { loadBalancer: {} },
      },
    },
    {
      gvk: { group: '', version: 'v1', kind: 'ConfigMap' },
      obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default', labels: {} }, data: { a: '1', b: '' }, binaryData: { c: 'AA==' } },
    },
    {
      gvk: { group: '', version: 'v1', kind: 'Event' },
      obj: {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: 'p.1', namespace: 'default' },
        involvedObject: { kind: 'Pod', namespace: 'default', name: 'p', uid: 'u', apiVersion: 'v1', resourceVersion: '5' },
        reason: 'Scheduled',
        message: 'Successfully assigned default/p to node-1',
        source: { component: 'default-scheduler' },
        firstTimestamp: '2025-01-01T00:00:00Z',
        lastTimestamp: '2025-01-01T00:00:00Z',
        count: 1,
        type: 'Normal',
        eventTime: null,
        reportingComponent: 'default-scheduler',
        reportingInstance: '',
      },
    },
    {
      gvk: { group: '', version: 'v1', kind: 'Node' },
      obj: {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name: 'n1', labels: { 'kubernetes.io/hostname': 'n1' } },
        spec: { podCIDR: '10.244.1.0/24', podCIDRs: ['10.244.1.0/24'], taints: [{ key: 'k', effect: 'NoSchedule' }] },
        status: { capacity: { cpu: '4', memory: '8Gi', pods: '110' }, addresses: [{ type: 'InternalIP', address: '10.0.0.3' }], nodeInfo: { kubeletVersion: 'v1.32.0' } },
      },
    },
  ];
}
