/**
 * metrics-server as kind users install it: the objects of the v0.7.2
 * components.yaml, with `--kubelet-insecure-tls` added (kind's kubelets
 * serve self-signed certificates). The APIService v1beta1.metrics.k8s.io is
 * left out: apiregistration.k8s.io is not served here, and the API server
 * routes metrics.k8s.io to workers/metrics itself.
 */
import type { KubeObject } from '../api/object';
import type { ApiCall } from '../controllers/context';

export const METRICS_SERVER_IMAGE = 'registry.k8s.io/metrics-server/metrics-server:v0.7.2';
export const METRICS_SERVER_LABELS = { 'k8s-app': 'metrics-server' };
const NS = 'kube-system';

const meta = (name: string, namespaced = true, labels: Record<string, string> = METRICS_SERVER_LABELS) => ({ name, ...(namespaced ? { namespace: NS } : {}), labels: { ...labels } });

function objects(): { group: string; resource: string; body: KubeObject }[] {
  const rbac = 'rbac.authorization.k8s.io';
  return [
    { group: '', resource: 'serviceaccounts', body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta('metrics-server') } },
    {
      group: rbac,
      resource: 'clusterroles',
      body: {
        apiVersion: `${rbac}/v1`,
        kind: 'ClusterRole',
        metadata: meta('system:aggregated-metrics-reader', false, {
          ...METRICS_SERVER_LABELS,
          'rbac.authorization.k8s.io/aggregate-to-admin': 'true',
          'rbac.authorization.k8s.io/aggregate-to-edit': 'true',
          'rbac.authorization.k8s.io/aggregate-to-view': 'true',
        }),
        rules: [{ apiGroups: ['metrics.k8s.io'], resources: ['pods', 'nodes'], verbs: ['get', 'list', 'watch'] }],
      },
    },
    {
      group: rbac,
      resource: 'clusterroles',
      body: {
        apiVersion: `${rbac}/v1`,
        kind: 'ClusterRole',
        metadata: meta('system:metrics-server', false),
        rules: [
          { apiGroups: [''], resources: ['nodes/metrics'], verbs: ['get'] },
          { apiGroups: [''], resources: ['pods', 'nodes'], verbs: ['get', 'list', 'watch'] },
        ],
      },
    },
    {
      group: rbac,
      resource: 'rolebindings',
      body: {
        apiVersion: `${rbac}/v1`,
        kind: 'RoleBinding',
        metadata: meta('metrics-server-auth-reader'),
        roleRef: { apiGroup: rbac, kind: 'Role', name: 'extension-apiserver-authentication-reader' },
        subjects: [{ kind: 'ServiceAccount', name: 'metrics-server', namespace: NS }],
      },
    },
    {
      group: rbac,
      resource: 'clusterrolebindings',
      body: {
        apiVersion: `${rbac}/v1`,
        kind: 'ClusterRoleBinding',
        metadata: meta('metrics-server:system:auth-delegator', false),
        roleRef: { apiGroup: rbac, kind: 'ClusterRole', name: 'system:auth-delegator' },
        subjects: [{ kind: 'ServiceAccount', name: 'metrics-server', namespace: NS }],
      },
    },
    {
      group: rbac,
      resource: 'clusterrolebindings',
      body: {
        apiVersion: `${rbac}/v1`,
        kind: 'ClusterRoleBinding',
        metadata: meta('system:metrics-server', false),
        roleRef: { apiGroup: rbac, kind: 'ClusterRole', name: 'system:metrics-server' },
        subjects: [{ kind: 'ServiceAccount', name: 'metrics-server', namespace: NS }],
      },
    },
    {
      group: '',
      resource: 'services',
      body: {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: meta('metrics-server'),
        spec: { ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' }], selector: { ...METRICS_SERVER_LABELS } },
      },
    },
    { group: 'apps', resource: 'deployments', body: deployment() },
  ];
}

function deployment(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta('metrics-server'),
    spec: {
      selector: { matchLabels: { ...METRICS_SERVER_LABELS } },
      strategy: { rollingUpdate: { maxUnavailable: 0 } },
      template: {
        metadata: { labels: { ...METRICS_SERVER_LABELS } },
        spec: {
          containers: [
            {
              name: 'metrics-server',
              image: METRICS_SERVER_IMAGE,
              imagePullPolicy: 'IfNotPresent',
              args: ['--cert-dir=/tmp', '--secure-port=10250', '--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname', '--kubelet-use-node-status-port', '--metric-resolution=15s', '--kubelet-insecure-tls'],
              ports: [{ containerPort: 10250, name: 'https', protocol: 'TCP' }],
              livenessProbe: { failureThreshold: 3, httpGet: { path: '/livez', port: 'https', scheme: 'HTTPS' }, periodSeconds: 10 },
              readinessProbe: { failureThreshold: 3, httpGet: { path: '/readyz', port: 'https', scheme: 'HTTPS' }, initialDelaySeconds: 20, periodSeconds: 10 },
              resources: { requests: { cpu: '100m', memory: '200Mi' } },
              securityContext: {
                allowPrivilegeEscalation: false,
                capabilities: { drop: ['ALL'] },
                readOnlyRootFilesystem: true,
                runAsNonRoot: true,
                runAsUser: 1000,
                seccompProfile: { type: 'RuntimeDefault' },
              },
              volumeMounts: [{ mountPath: '/tmp', name: 'tmp-dir' }],
            },
          ],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'metrics-server',
          volumes: [{ emptyDir: {}, name: 'tmp-dir' }],
        },
      },
    },
  };
}

/** `kubectl apply -f components.yaml`, as a client of the API. Existing objects are left alone. */
export function installMetricsServer(api: ApiCall): void {
  for (const o of objects()) {
    const r = api({ verb: 'create', group: o.group, version: 'v1', resource: o.resource, namespace: o.body.metadata.namespace, body: o.body });
    if (r.status >= 400 && r.status !== 409) throw new Error(`metrics-server: creating ${o.resource}/${o.body.metadata.name} failed: ${JSON.stringify(r.body)}`);
  }
}
