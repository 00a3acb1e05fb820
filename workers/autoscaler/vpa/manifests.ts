/**
 * What installing the VPA puts in kube-system (vertical-pod-autoscaler/deploy:
 * recommender-, updater- and admission-controller-deployment.yaml, the
 * service accounts of vpa-rbac.yaml, the admission controller's Service and
 * the vpa-tls-certs Secret gencerts.sh makes), at release 1.2.1.
 */
import type { KubeObject } from '../../api/object';

export const VPA_VERSION_TAG = '1.2.1';
export const VPA_IMAGES = {
  recommender: `registry.k8s.io/autoscaling/vpa-recommender:${VPA_VERSION_TAG}`,
  updater: `registry.k8s.io/autoscaling/vpa-updater:${VPA_VERSION_TAG}`,
  admissionController: `registry.k8s.io/autoscaling/vpa-admission-controller:${VPA_VERSION_TAG}`,
};

const NS = 'kube-system';

const probe = { httpGet: { path: '/health-check', port: 'prometheus', scheme: 'HTTP' }, periodSeconds: 10, failureThreshold: 3 };

function deployment(name: string, container: Record<string, unknown>, extra: { labels?: Record<string, string>; volumes?: unknown[] } = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: NS },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name, ...(extra.labels ?? {}) } },
        spec: {
          serviceAccountName: name,
          securityContext: { runAsNonRoot: true, runAsUser: 65534 },
          containers: [container],
          ...(extra.volumes ? { volumes: extra.volumes } : {}),
        },
      },
    },
  };
}

const namespaceEnv = [{ name: 'NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }];

export function vpaObjects(): { resource: string; group: string; version: string; body: KubeObject }[] {
  const sa = (name: string) => ({ resource: 'serviceaccounts', group: '', version: 'v1', body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: NS } } as KubeObject });
  const dep = (body: KubeObject) => ({ resource: 'deployments', group: 'apps', version: 'v1', body });
  return [
    sa('vpa-recommender'),
    sa('vpa-updater'),
    sa('vpa-admission-controller'),
    {
      resource: 'secrets',
      group: '',
      version: 'v1',
      body: {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'vpa-tls-certs', namespace: NS },
        type: 'Opaque',
        // Stand-ins for gencerts.sh's CA and server certificate: nothing here speaks TLS.
        data: { 'caCert.pem': btoa('vpa_webhook_ca\n'), 'caKey.pem': btoa('vpa_webhook_ca_key\n'), 'serverCert.pem': btoa('vpa-webhook.kube-system.svc\n'), 'serverKey.pem': btoa('vpa-webhook_key\n') },
      } as KubeObject,
    },
    {
      resource: 'services',
      group: '',
      version: 'v1',
      body: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'vpa-webhook', namespace: NS }, spec: { ports: [{ port: 443, targetPort: 8000 }], selector: { app: 'vpa-admission-controller' } } } as KubeObject,
    },
    dep(
      deployment(
        'vpa-recommender',
        {
          name: 'recommender',
          image: VPA_IMAGES.recommender,
          imagePullPolicy: 'IfNotPresent',
          resources: { limits: { cpu: '200m', memory: '1000Mi' }, requests: { cpu: '50m', memory: '500Mi' } },
          ports: [{ name: 'prometheus', containerPort: 8942 }],
          livenessProbe: { ...probe, initialDelaySeconds: 5 },
          readinessProbe: probe,
        },
        { labels: { 'app.kubernetes.io/component': 'recommender', 'app.kubernetes.io/name': 'vertical-pod-autoscaler' } },
      ),
    ),
    dep(
      deployment('vpa-updater', {
        name: 'updater',
        image: VPA_IMAGES.updater,
        imagePullPolicy: 'IfNotPresent',
        env: namespaceEnv,
        resources: { limits: { cpu: '200m', memory: '1000Mi' }, requests: { cpu: '50m', memory: '500Mi' } },
        ports: [{ name: 'prometheus', containerPort: 8943 }],
        livenessProbe: { ...probe, initialDelaySeconds: 5 },
        readinessProbe: probe,
      }),
    ),
    dep(
      deployment(
        'vpa-admission-controller',
        {
          name: 'admission-controller',
          image: VPA_IMAGES.admissionController,
          imagePullPolicy: 'IfNotPresent',
          env: namespaceEnv,
          args: ['--v=4', '--stderrthreshold=info', '--reload-cert'],
          volumeMounts: [{ name: 'tls-certs', mountPath: '/etc/tls-certs', readOnly: true }],
          resources: { limits: { cpu: '200m', memory: '500Mi' }, requests: { cpu: '50m', memory: '200Mi' } },
          ports: [{ containerPort: 8000 }, { name: 'prometheus', containerPort: 8944 }],
          livenessProbe: { ...probe, initialDelaySeconds: 5 },
          readinessProbe: probe,
        },
        { volumes: [{ name: 'tls-certs', secret: { secretName: 'vpa-tls-certs' } }] },
      ),
    ),
  ];
}
