/**
 * What kube-apiserver creates for itself when it starts: the system
 * namespaces, the `kubernetes` Service with its endpoints
 * (pkg/controlplane/controller/kubernetesservice), the built-in
 * PriorityClasses (pkg/registry/scheduling/rest) and the superuser role
 * (plugin/pkg/auth/authorizer/rbac/bootstrappolicy).
 */
import type { ApiCall } from '../controllers/context';
import type { KubeObject } from '../api/object';

export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];
export const KUBERNETES_SERVICE_IP = '10.96.0.1';
export const APISERVER_PORT = 6443;

const create = (api: ApiCall, group: string, version: string, resource: string, body: KubeObject) => {
  const r = api({ verb: 'create', group, version, resource, namespace: body.metadata.namespace, body });
  if (r.status >= 400 && r.status !== 409) throw new Error(`bootstrap: creating ${resource}/${body.metadata.name} failed: ${JSON.stringify(r.body)}`);
};

export function bootstrapApiserver(api: ApiCall, apiserverIP: string): void {
  for (const name of SYSTEM_NAMESPACES) create(api, '', 'v1', 'namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

  const bootstrapLabel = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
  create(api, 'scheduling.k8s.io', 'v1', 'priorityclasses', {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: 'system-node-critical' },
    value: 2000001000,
    description: 'Used for system critical pods that must not be moved from their current node.',
    preemptionPolicy: 'PreemptLowerPriority',
  } as KubeObject);
  create(api, 'scheduling.k8s.io', 'v1', 'priorityclasses', {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: 'system-cluster-critical' },
    value: 2000000000,
    description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
    preemptionPolicy: 'PreemptLowerPriority',
  } as KubeObject);

  create(api, 'rbac.authorization.k8s.io', 'v1', 'clusterroles', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name: 'cluster-admin', labels: bootstrapLabel, annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' } },
    rules: [
      { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
      { nonResourceURLs: ['*'], verbs: ['*'] },
    ],
  } as KubeObject);
  create(api, 'rbac.authorization.k8s.io', 'v1', 'clusterrolebindings', {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name: 'cluster-admin', labels: bootstrapLabel, annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' } },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:masters' }],
  } as KubeObject);

  create(api, '', 'v1', 'services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      type: 'ClusterIP',
      clusterIP: KUBERNETES_SERVICE_IP,
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: APISERVER_PORT }],
      sessionAffinity: 'None',
    },
  });
  create(api, '', 'v1', 'endpoints', {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: apiserverIP }], ports: [{ name: 'https', port: APISERVER_PORT, protocol: 'TCP' }] }],
  });
  create(api, 'discovery.k8s.io', 'v1', 'endpointslices', {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [apiserverIP], conditions: { ready: true } }],
    ports: [{ name: 'https', port: APISERVER_PORT, protocol: 'TCP' }],
  } as KubeObject);
}
