/**
 * Our describe, jsonpath and custom-columns printers against real kubectl
 * 1.32 on the same cluster, byte for byte.
 *
 * Ages: real kubectl measures them with its own wall clock (time.Since), not
 * the cluster's. The cluster's virtual time starts hours in the past and runs
 * fast while the objects are made, then pauses; our client's now() is read
 * from the wall clock just before and just after kubectl runs, and the
 * output must equal one of the two renderings (an age can tick over while
 * kubectl runs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../../host/testing/kubectl';
import type { KubectlClient } from '../client';
import { clusterKubectlClient } from '../clusterClient';
import { printCustomColumns } from '../output/customColumns';
import { printJsonPath } from '../output/jsonpath';
import { describe as describeObject, describeSelected, type DescribeTarget } from './index';

let h: TestHost;

const until = (args: string[], ok: (out: string) => boolean, ms = 60_000) => h.until(args, ok, ms);

const apply = (name: string, yaml: string) => h.kubectl(['apply', '-f', h.file(name, yaml)]);

beforeAll(async () => {
  // kubectl prints times in the local zone; our describe prints UTC.
  process.env.TZ = 'UTC';
  h = await startTestHost({ seed: 17, speed: 200, epochMs: Math.floor(Date.now() / 1000) * 1000 - 3 * 3600_000 });
  await h.kubectl(['create', 'deployment', 'web', '--image=nginx', '--replicas=2', '--port=80']);
  await h.kubectl(['expose', 'deployment', 'web', '--port=80']);
  await h.kubectl(['run', 'crash', '--image=busybox', '--labels=app=crash', '--', 'sh', '-c', 'exit 1']);
  await h.kubectl(['create', 'job', 'hello', '--image=busybox', '--', 'echo', 'hello']);
  await h.kubectl(['create', 'cronjob', 'tick', '--image=busybox', '--schedule=*/5 * * * *', '--', 'date']);
  await h.kubectl(['create', 'configmap', 'cfg', '--from-literal=greeting=hello\nworld']);
  await h.kubectl(['create', 'secret', 'generic', 'pw', '--from-literal=password=s3cret']);
  await h.kubectl(['autoscale', 'deployment', 'web', '--min=2', '--max=5', '--cpu-percent=50']);
  await h.kubectl(['create', 'pdb', 'web', '--selector=app=web', '--min-available=1']);
  await h.kubectl(['create', 'ingress', 'web', '--rule=example.com/=web:80']);
  await apply(
    'data.yaml',
    `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Pod
metadata:
  name: writer
  labels: {app: writer}
  annotations: {note: "keeps the claim bound"}
spec:
  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "sleep 3600"]
    env:
    - {name: MODE, value: prod}
    - name: POD_NAME
      valueFrom: {fieldRef: {fieldPath: metadata.name}}
    - name: PASSWORD
      valueFrom: {secretKeyRef: {name: pw, key: password}}
    resources:
      requests: {cpu: 100m, memory: 64Mi}
      limits: {cpu: 200m, memory: 128Mi}
    readinessProbe:
      exec: {command: ["true"]}
    volumeMounts:
    - {name: data, mountPath: /data}
    - {name: cfg, mountPath: /etc/cfg, readOnly: true}
  volumes:
  - name: data
    persistentVolumeClaim: {claimName: data}
  - name: cfg
    configMap: {name: cfg}
  tolerations:
  - {key: dedicated, operator: Equal, value: batch, effect: NoSchedule}
`,
  );
  await apply(
    'db.yaml',
    `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 1
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
      - name: redis
        image: redis
        ports: [{containerPort: 6379}]
`,
  );
  await apply(
    'team.yaml',
    `apiVersion: v1
kind: Namespace
metadata:
  name: team
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
  namespace: team
spec:
  hard: {pods: "10", requests.cpu: "4", limits.cpu: "8", configmaps: "5", requests.storage: 20Gi}
---
apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: team
spec:
  limits:
  # One resource per item: kubectl ranges over a Go map here, so several resources print in random order.
  - type: Container
    default: {cpu: 500m}
    defaultRequest: {cpu: 100m}
    max: {cpu: "2"}
  - type: PersistentVolumeClaim
    max: {storage: 10Gi}
---
apiVersion: v1
kind: ReplicationController
metadata:
  name: legacy
  namespace: team
spec:
  replicas: 1
  selector: {app: legacy}
  template:
    metadata:
      labels: {app: legacy}
    spec:
      initContainers:
      - name: init
        image: busybox
        command: ["sh", "-c", "echo ready"]
      containers:
      - name: app
        image: httpd
        ports: [{containerPort: 80, name: http}, {containerPort: 443, name: https}]
        livenessProbe:
          httpGet: {path: /healthz, port: 80}
          periodSeconds: 20
---
apiVersion: v1
kind: Service
metadata:
  name: legacy
  namespace: team
spec:
  type: NodePort
  selector: {app: legacy}
  ports: [{name: http, port: 80, targetPort: http}]
---
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        x-kubernetes-preserve-unknown-fields: true
`,
  );
  await until(['get', 'crd', 'widgets.example.com', '-o', 'jsonpath={.status.acceptedNames.kind}'], (o) => o === 'Widget');
  await apply(
    'widget.yaml',
    `apiVersion: example.com/v1
kind: Widget
metadata:
  name: gizmo
  labels: {tier: gold}
spec:
  size: large
  replicas: 3
  podIP: 10.0.0.1
  apiURL: https://example.com
  tags: [a, b]
  ports:
  - {name: http, containerPort: 80}
  enabled: true
`,
  );
  await h.kubectl(['create', 'role', 'pod-reader', '--verb=get,list,watch', '--resource=pods,pods/log,deployments.apps']);
  await h.kubectl(['create', 'role', 'cm-editor', '--verb=update', '--verb=get', '--resource=configmaps', '--resource-name=cfg', '--resource-name=other']);
  await h.kubectl(['create', 'rolebinding', 'read-pods', '--role=pod-reader', '--user=jane', '--serviceaccount=default:default', '--group=devs']);
  await h.kubectl(['create', 'clusterrole', 'url-reader', '--verb=get', '--non-resource-url=/healthz', '--non-resource-url=/version']);
  await h.kubectl(['create', 'clusterrolebinding', 'url-readers', '--clusterrole=url-reader', '--group=system:authenticated']);
  await apply(
    'net.yaml',
    `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-access
spec:
  podSelector:
    matchLabels: {app: db}
  policyTypes: [Ingress, Egress]
  ingress:
  - from:
    - podSelector: {matchLabels: {app: web}}
    - namespaceSelector: {matchLabels: {team: a}}
      podSelector: {matchExpressions: [{key: tier, operator: In, values: [fe, be]}]}
    - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}
    ports:
    - {port: 6379}
    - {protocol: UDP, port: 5000, endPort: 5010}
  - {}
  egress: []
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: nginx
spec:
  controller: k8s.io/ingress-nginx
  parameters: {apiGroup: k8s.example.com, kind: IngressParameters, name: external-lb}
`,
  );
  await h.kubectl(['rollout', 'status', 'deployment/web', '--timeout=60s']);
  await h.kubectl(['set', 'image', 'deployment/web', 'nginx=nginx:1.27']);
  await h.kubectl(['rollout', 'status', 'deployment/web', '--timeout=60s']);
  await until(['get', 'rc', 'legacy', '-n', 'team', '-o', 'jsonpath={.status.readyReplicas}'], (o) => o === '1');
  await until(['get', 'pod', 'crash', '-o', 'jsonpath={.status.containerStatuses[0].restartCount}'], (o) => Number(o) >= 3);
  await until(['get', 'job', 'hello', '-o', 'jsonpath={.status.succeeded}'], (o) => o === '1');
  await until(['get', 'pod', 'writer', '-o', 'jsonpath={.status.phase}'], (o) => o === 'Running');
  await until(['get', 'statefulset', 'db', '-o', 'jsonpath={.status.readyReplicas}'], (o) => o === '1');
  h.cluster.driver.setMode({ kind: 'paused' });
  // Bring virtual time within minutes of the wall clock so recent ages print with seconds (`4m12s`).
  h.cluster.clock.runUntil({ time: Date.now() - 4 * 60_000, maxTasks: 2_000_000 });
}, 120_000);

afterAll(async () => {
  await h?.close();
});

/** A client over the paused cluster whose now() is the given wall time. */
function clientAt(now: number): KubectlClient {
  return { ...clusterKubectlClient(h.cluster), now: () => now };
}

/** kubectl's output, and ours rendered at the wall times just before and after it ran. */
async function compare(args: string[], ours: (c: KubectlClient) => Promise<string>): Promise<{ real: string; mine: string }> {
  const before = Date.now();
  const real = await h.kubectl(args);
  const after = Date.now();
  expect(real.stderr).toBe('');
  const first = await ours(clientAt(before));
  if (first === real.stdout) return { real: real.stdout, mine: first };
  return { real: real.stdout, mine: await ours(clientAt(after)) };
}

const core = (resource: string, kind: string, namespaced = true) => ({ group: '', version: 'v1', resource, kind, namespaced });
const T = {
  pod: core('pods', 'Pod'),
  service: core('services', 'Service'),
  endpoints: core('endpoints', 'Endpoints'),
  replicationcontroller: core('replicationcontrollers', 'ReplicationController'),
  resourcequota: core('resourcequotas', 'ResourceQuota'),
  limitrange: core('limitranges', 'LimitRange'),
  widget: { group: 'example.com', version: 'v1', resource: 'widgets', kind: 'Widget', namespaced: true },
  configmap: core('configmaps', 'ConfigMap'),
  secret: core('secrets', 'Secret'),
  serviceaccount: core('serviceaccounts', 'ServiceAccount'),
  pvc: core('persistentvolumeclaims', 'PersistentVolumeClaim'),
  pv: core('persistentvolumes', 'PersistentVolume', false),
  node: core('nodes', 'Node', false),
  namespace: core('namespaces', 'Namespace', false),
  deployment: { group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment', namespaced: true },
  replicaset: { group: 'apps', version: 'v1', resource: 'replicasets', kind: 'ReplicaSet', namespaced: true },
  statefulset: { group: 'apps', version: 'v1', resource: 'statefulsets', kind: 'StatefulSet', namespaced: true },
  daemonset: { group: 'apps', version: 'v1', resource: 'daemonsets', kind: 'DaemonSet', namespaced: true },
  job: { group: 'batch', version: 'v1', resource: 'jobs', kind: 'Job', namespaced: true },
  cronjob: { group: 'batch', version: 'v1', resource: 'cronjobs', kind: 'CronJob', namespaced: true },
  hpa: { group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler', namespaced: true },
  pdb: { group: 'policy', version: 'v1', resource: 'poddisruptionbudgets', kind: 'PodDisruptionBudget', namespaced: true },
  ingress: { group: 'networking.k8s.io', version: 'v1', resource: 'ingresses', kind: 'Ingress', namespaced: true },
  endpointslice: { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', kind: 'EndpointSlice', namespaced: true },
  storageclass: { group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses', kind: 'StorageClass', namespaced: false },
  priorityclass: { group: 'scheduling.k8s.io', version: 'v1', resource: 'priorityclasses', kind: 'PriorityClass', namespaced: false },
  role: { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'roles', kind: 'Role', namespaced: true },
  rolebinding: { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'rolebindings', kind: 'RoleBinding', namespaced: true },
  clusterrole: { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterroles', kind: 'ClusterRole', namespaced: false },
  clusterrolebinding: { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'clusterrolebindings', kind: 'ClusterRoleBinding', namespaced: false },
  networkpolicy: { group: 'networking.k8s.io', version: 'v1', resource: 'networkpolicies', kind: 'NetworkPolicy', namespaced: true },
  ingressclass: { group: 'networking.k8s.io', version: 'v1', resource: 'ingressclasses', kind: 'IngressClass', namespaced: false },
  lease: { group: 'coordination.k8s.io', version: 'v1', resource: 'leases', kind: 'Lease', namespaced: true },
};

async function nameOf(args: string[]): Promise<string> {
  const r = await h.kubectl([...args, '-o', 'jsonpath={.items[0].metadata.name}']);
  expect(r.stdout).not.toBe('');
  return r.stdout;
}

async function expectSameDescribe(type: keyof typeof T, name: string, namespace = 'default'): Promise<void> {
  const t = T[type];
  const target: DescribeTarget = { ...t, namespace: t.namespaced ? namespace : undefined, name };
  const args = ['describe', t.resource + (t.group ? `.${t.group}` : ''), name, ...(t.namespaced ? ['-n', namespace] : [])];
  const { real, mine } = await compare(args, (c) => describeObject(c, target, { showEvents: true }));
  expect(mine).toBe(real);
}

describe('kubectl describe matches real kubectl', () => {
  it('Pod: running, crash-looping, with env/probes/volumes/tolerations', async () => {
    await expectSameDescribe('pod', await nameOf(['get', 'pods', '-l', 'app=web']));
    const crash = await h.kubectl(['describe', 'pod', 'crash']);
    expect(crash.stdout).toMatch(/Reason:\s+CrashLoopBackOff/);
    expect(crash.stdout).toMatch(/Last State:\s+Terminated/);
    await expectSameDescribe('pod', 'crash');
    await expectSameDescribe('pod', 'writer');
  });

  it('Deployment, ReplicaSet, StatefulSet, DaemonSet', async () => {
    await expectSameDescribe('deployment', 'web');
    await expectSameDescribe('replicaset', await nameOf(['get', 'rs', '-l', 'app=web']));
    await expectSameDescribe('statefulset', 'db');
    await expectSameDescribe('daemonset', 'kube-proxy', 'kube-system');
    await expectSameDescribe('deployment', 'coredns', 'kube-system');
  });

  it('ReplicationController (init containers, named ports, probes), quota, limits, NodePort service', async () => {
    await expectSameDescribe('replicationcontroller', 'legacy', 'team');
    await expectSameDescribe('pod', await nameOf(['get', 'pods', '-n', 'team', '-l', 'app=legacy']), 'team');
    await expectSameDescribe('namespace', 'team');
    await expectSameDescribe('resourcequota', 'compute', 'team');
    await expectSameDescribe('limitrange', 'defaults', 'team');
    await expectSameDescribe('service', 'legacy', 'team');
  });

  it('Job and CronJob', async () => {
    await expectSameDescribe('job', 'hello');
    await expectSameDescribe('cronjob', 'tick');
  });

  it('Service, Endpoints, EndpointSlice, Ingress', async () => {
    await expectSameDescribe('service', 'web');
    await expectSameDescribe('service', 'kubernetes');
    await expectSameDescribe('service', 'kube-dns', 'kube-system');
    await expectSameDescribe('endpoints', 'web');
    await expectSameDescribe('endpointslice', await nameOf(['get', 'endpointslices', '-l', 'kubernetes.io/service-name=web']));
    await expectSameDescribe('ingress', 'web');
  });

  it('Node, Namespace', async () => {
    await expectSameDescribe('node', 'worker-1');
    await expectSameDescribe('node', 'control-plane');
    await expectSameDescribe('namespace', 'default');
    await expectSameDescribe('namespace', 'kube-system');
  });

  it('ConfigMap, Secret, ServiceAccount', async () => {
    await expectSameDescribe('configmap', 'cfg');
    await expectSameDescribe('secret', 'pw');
    await expectSameDescribe('serviceaccount', 'default');
  });

  it('PersistentVolumeClaim, PersistentVolume, StorageClass', async () => {
    await expectSameDescribe('pvc', 'data');
    const pv = (await h.kubectl(['get', 'pvc', 'data', '-o', 'jsonpath={.spec.volumeName}'])).stdout;
    if (pv) await expectSameDescribe('pv', pv);
    await expectSameDescribe('storageclass', 'standard');
  });

  it('HorizontalPodAutoscaler, PodDisruptionBudget, PriorityClass', async () => {
    await expectSameDescribe('hpa', 'web');
    await expectSameDescribe('pdb', 'web');
    await expectSameDescribe('priorityclass', 'system-node-critical');
  });

  it('RBAC roles and bindings, NetworkPolicy, IngressClass', async () => {
    await expectSameDescribe('role', 'pod-reader');
    await expectSameDescribe('role', 'cm-editor');
    await expectSameDescribe('rolebinding', 'read-pods');
    await expectSameDescribe('clusterrole', 'url-reader');
    await expectSameDescribe('clusterrole', 'cluster-admin');
    await expectSameDescribe('clusterrolebinding', 'url-readers');
    await expectSameDescribe('networkpolicy', 'db-access');
    await expectSameDescribe('ingressclass', 'nginx');
  });

  it('falls back to the generic describer (Lease, a custom resource)', async () => {
    await expectSameDescribe('lease', 'worker-1', 'kube-node-lease');
    await expectSameDescribe('widget', 'gizmo');
  });

  it('describes every selected pod, separated by blank lines', async () => {
    const { real, mine } = await compare(['describe', 'pods', '-l', 'app=web'], (c) => describeSelected(c, { ...T.pod, namespace: 'default', labelSelector: 'app=web' }, { showEvents: true }));
    expect(mine).toBe(real);
  });

  it('reports a missing object with kubectl error text', async () => {
    const r = await h.kubectl(['describe', 'pod', 'nope']);
    await expect(describeObject(clientAt(Date.now()), { ...T.pod, namespace: 'default', name: 'nope' }, { showEvents: false })).rejects.toThrow(r.stderr.trim());
  });
});

describe('-o jsonpath and -o custom-columns match real kubectl', () => {
  /** The objects kubectl hands its jsonpath and custom-columns printers: managedFields included (only -o json/yaml drop them). */
  async function json(args: string[]): Promise<unknown> {
    const r = await h.kubectl([...args, '-o', 'json', '--show-managed-fields']);
    return JSON.parse(r.stdout);
  }

  it.each([
    ['{.items[*].metadata.name}'],
    ['{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}'],
    ['{.items[?(@.status.phase=="Running")].spec.containers[0].image}'],
    ['{.items[0].spec.containers[0].ports[?(@.containerPort==80)].containerPort}'],
    ['{.items[*].status.conditions[?(@.type=="Ready")].status}'],
    ['{.items[0].metadata.labels}'],
    ['{.items[0].status.containerStatuses[0].restartCount}'],
    ['{.items[0].spec.containers[0].ports[?(@.containerPort=="80")]}'],
    ['{.items[5].metadata.name}'],
    ['{.items[0].metadata.name'],
  ])('pods -o jsonpath=%s', async (template) => {
    const data = await json(['get', 'pods', '-l', 'app=web']);
    const real = await h.kubectl(['get', 'pods', '-l', 'app=web', '-o', `jsonpath=${template}`]);
    let out = '';
    let err = '';
    try {
      out = printJsonPath(template, data);
    } catch (e) {
      err = `error: ${(e as Error).message}`;
      if (!err.endsWith('\n')) err += '\n';
    }
    expect(out).toBe(real.stdout);
    expect(err).toBe(real.stderr);
  });

  it('single object -o jsonpath', async () => {
    const data = await json(['get', 'deployment', 'web']);
    const t = '{.metadata.name}:{.spec.replicas}/{.status.readyReplicas} {.spec.template.spec.containers[*].name}';
    const real = await h.kubectl(['get', 'deployment', 'web', '-o', `jsonpath=${t}`]);
    expect(printJsonPath(t, data)).toBe(real.stdout);
  });

  it.each([
    ['NAME:.metadata.name,IP:.status.podIP,NODE:.spec.nodeName'],
    ['NAME:metadata.name,RESTARTS:{.status.containerStatuses[*].restartCount},MISSING:.spec.nope'],
    ['N:.metadata.name,LABELS:.metadata.labels,PORTS:.spec.containers[*].ports[*].containerPort,READY:.status.conditions[?(@.type=="Ready")].status'],
  ])('pods -o custom-columns=%s', async (spec) => {
    const data = (await json(['get', 'pods'])) as { items: unknown[] };
    for (const noHeaders of [false, true]) {
      const real = await h.kubectl(['get', 'pods', '-o', `custom-columns=${spec}`, ...(noHeaders ? ['--no-headers'] : [])]);
      expect(real.stderr).toBe('');
      expect(printCustomColumns(spec, data.items, { noHeaders })).toBe(real.stdout);
    }
  });
});
