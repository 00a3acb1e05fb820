/**
 * A slice of upstream swagger.json `definitions` (v1.32 shape and patch
 * extensions) for the patch tests, so they do not depend on the generated
 * file.
 */
import type { OpenApiDefinitions } from './schemaFromDefinitions';

const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
const str = { type: 'string' };
const int = { type: 'integer', format: 'int32' };
const stringMap = { type: 'object', additionalProperties: { type: 'string' } };

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const CORE = 'io.k8s.api.core.v1';
const APPS = 'io.k8s.api.apps.v1';

export const DEPLOYMENT = `${APPS}.Deployment`;
export const POD = `${CORE}.Pod`;

export const testDefinitions: OpenApiDefinitions = {
  [`${META}.ObjectMeta`]: {
    type: 'object',
    properties: {
      name: str,
      namespace: str,
      labels: stringMap,
      annotations: stringMap,
      finalizers: {
        type: 'array',
        items: str,
        'x-kubernetes-list-type': 'set',
        'x-kubernetes-patch-strategy': 'merge',
      },
      ownerReferences: {
        type: 'array',
        items: ref(`${META}.OwnerReference`),
        'x-kubernetes-list-map-keys': ['uid'],
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-patch-merge-key': 'uid',
        'x-kubernetes-patch-strategy': 'merge',
      },
      resourceVersion: str,
      generation: { type: 'integer', format: 'int64' },
    },
  },
  [`${META}.OwnerReference`]: {
    type: 'object',
    required: ['apiVersion', 'kind', 'name', 'uid'],
    properties: { apiVersion: str, kind: str, name: str, uid: str, controller: { type: 'boolean' } },
    'x-kubernetes-map-type': 'atomic',
  },
  [`${META}.LabelSelector`]: {
    type: 'object',
    properties: { matchLabels: stringMap },
    'x-kubernetes-map-type': 'atomic',
  },
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: 'string', format: 'int-or-string' },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: 'string' },
  [DEPLOYMENT]: {
    type: 'object',
    properties: {
      apiVersion: str,
      kind: str,
      metadata: ref(`${META}.ObjectMeta`),
      spec: ref(`${APPS}.DeploymentSpec`),
      status: ref(`${APPS}.DeploymentStatus`),
    },
  },
  [`${APPS}.DeploymentSpec`]: {
    type: 'object',
    properties: {
      replicas: int,
      selector: ref(`${META}.LabelSelector`),
      template: ref(`${CORE}.PodTemplateSpec`),
      strategy: { ...ref(`${APPS}.DeploymentStrategy`), 'x-kubernetes-patch-strategy': 'retainKeys' },
      revisionHistoryLimit: int,
    },
  },
  [`${APPS}.DeploymentStrategy`]: {
    type: 'object',
    properties: { type: str, rollingUpdate: ref(`${APPS}.RollingUpdateDeployment`) },
  },
  [`${APPS}.RollingUpdateDeployment`]: {
    type: 'object',
    properties: {
      maxSurge: ref('io.k8s.apimachinery.pkg.util.intstr.IntOrString'),
      maxUnavailable: ref('io.k8s.apimachinery.pkg.util.intstr.IntOrString'),
    },
  },
  [`${APPS}.DeploymentStatus`]: {
    type: 'object',
    properties: {
      replicas: int,
      conditions: {
        type: 'array',
        items: ref(`${APPS}.DeploymentCondition`),
        'x-kubernetes-list-map-keys': ['type'],
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-patch-merge-key': 'type',
        'x-kubernetes-patch-strategy': 'merge',
      },
    },
  },
  [`${APPS}.DeploymentCondition`]: {
    type: 'object',
    properties: { type: str, status: str, reason: str, message: str },
  },
  [POD]: {
    type: 'object',
    properties: { apiVersion: str, kind: str, metadata: ref(`${META}.ObjectMeta`), spec: ref(`${CORE}.PodSpec`) },
  },
  [`${CORE}.PodTemplateSpec`]: {
    type: 'object',
    properties: { metadata: ref(`${META}.ObjectMeta`), spec: ref(`${CORE}.PodSpec`) },
  },
  [`${CORE}.PodSpec`]: {
    type: 'object',
    properties: {
      containers: {
        type: 'array',
        items: ref(`${CORE}.Container`),
        'x-kubernetes-list-map-keys': ['name'],
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-patch-merge-key': 'name',
        'x-kubernetes-patch-strategy': 'merge',
      },
      initContainers: {
        type: 'array',
        items: ref(`${CORE}.Container`),
        'x-kubernetes-list-map-keys': ['name'],
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-patch-merge-key': 'name',
        'x-kubernetes-patch-strategy': 'merge',
      },
      volumes: {
        type: 'array',
        items: ref(`${CORE}.Volume`),
        'x-kubernetes-list-map-keys': ['name'],
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-patch-merge-key': 'name',
        'x-kubernetes-patch-strategy': 'merge,retainKeys',
      },
      tolerations: { type: 'array', items: ref(`${CORE}.Toleration`), 'x-kubernetes-list-type': 'atomic' },
      nodeSelector: { ...stringMap, 'x-kubernetes-map-type': 'atomic' },
      restartPolicy: str,
    },
  },
  [`${CORE}.Container`]: {
    type: 'object',
    required: ['name'],
    properties: {
      name: str,
      image: str,
      args: { type: 'array', items: str, 'x-kubernetes-list-type': 'atomic' },
      ports: {
        type: 'array',
        items: ref(`${CORE}.ContainerPort`),
        'x-kubernetes-list-map-keys': ['containerPort', 'protocol'],
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-patch-merge-key': 'containerPort',
        'x-kubernetes-patch-strategy': 'merge',
      },
      env: {
        type: 'array',
        items: ref(`${CORE}.EnvVar`),
        'x-kubernetes-list-map-keys': ['name'],
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-patch-merge-key': 'name',
        'x-kubernetes-patch-strategy': 'merge',
      },
      volumeMounts: {
        type: 'array',
        items: ref(`${CORE}.VolumeMount`),
        'x-kubernetes-list-map-keys': ['mountPath'],
        'x-kubernetes-list-type': 'map',
        'x-kubernetes-patch-merge-key': 'mountPath',
        'x-kubernetes-patch-strategy': 'merge',
      },
      resources: ref(`${CORE}.ResourceRequirements`),
    },
  },
  [`${CORE}.ContainerPort`]: {
    type: 'object',
    properties: { containerPort: int, name: str, protocol: str },
  },
  [`${CORE}.EnvVar`]: {
    type: 'object',
    properties: { name: str, value: str },
  },
  [`${CORE}.VolumeMount`]: {
    type: 'object',
    properties: { name: str, mountPath: str, readOnly: { type: 'boolean' } },
  },
  [`${CORE}.ResourceRequirements`]: {
    type: 'object',
    properties: {
      limits: { type: 'object', additionalProperties: ref('io.k8s.apimachinery.pkg.api.resource.Quantity') },
      requests: { type: 'object', additionalProperties: ref('io.k8s.apimachinery.pkg.api.resource.Quantity') },
    },
  },
  [`${CORE}.Volume`]: {
    type: 'object',
    properties: { name: str, configMap: ref(`${CORE}.ConfigMapVolumeSource`), emptyDir: ref(`${CORE}.EmptyDirVolumeSource`) },
  },
  [`${CORE}.ConfigMapVolumeSource`]: { type: 'object', properties: { name: str, defaultMode: int } },
  [`${CORE}.EmptyDirVolumeSource`]: { type: 'object', properties: { medium: str } },
  [`${CORE}.Toleration`]: { type: 'object', properties: { key: str, operator: str, value: str, effect: str } },
};
