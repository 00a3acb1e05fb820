/**
 * Hand-built PatchSchema fixtures for tests: the Deployment and Pod shapes
 * with the list semantics their OpenAPI definitions declare. Not a full
 * schema; unknown fields are untyped, as they would be upstream for a CRD
 * without a structural schema.
 */
import type { PatchSchema } from '../patch/schema';

type Extra = Partial<Omit<PatchSchema, 'kind' | 'field' | 'items'>>;

export const prim: PatchSchema = { kind: 'primitive', field: () => undefined, items: () => undefined };

/** A struct: named fields only. Fields may be given lazily for shared or recursive shapes. */
export function struct(fields: Record<string, PatchSchema | (() => PatchSchema)>, extra: Extra = {}): PatchSchema {
  return {
    kind: 'object',
    ...extra,
    field: (name) => {
      const f = fields[name];
      return typeof f === 'function' ? f() : f;
    },
    items: () => undefined,
  };
}

export const mapOf = (value: PatchSchema, extra: Extra = {}): PatchSchema => ({ kind: 'map', ...extra, field: () => value, items: () => undefined });

export const listOf = (item: PatchSchema, extra: Extra = {}): PatchSchema => ({ kind: 'list', ...extra, field: () => undefined, items: () => item });

const keyed = (item: PatchSchema, ...keys: string[]) =>
  listOf(item, { listType: 'map', listMapKeys: keys, patchMergeKey: keys[0], patchStrategy: 'merge' });

const stringMap = mapOf(prim);

export const ownerReference = struct({ apiVersion: prim, kind: prim, name: prim, uid: prim, controller: prim, blockOwnerDeletion: prim });

export const managedFieldsEntry = struct({
  manager: prim,
  operation: prim,
  apiVersion: prim,
  time: prim,
  fieldsType: prim,
  fieldsV1: mapOf(prim, { mapType: 'atomic' }),
  subresource: prim,
});

export const objectMeta = struct({
  name: prim,
  generateName: prim,
  namespace: prim,
  uid: prim,
  resourceVersion: prim,
  generation: prim,
  creationTimestamp: prim,
  deletionTimestamp: prim,
  deletionGracePeriodSeconds: prim,
  labels: stringMap,
  annotations: stringMap,
  ownerReferences: keyed(ownerReference, 'uid'),
  finalizers: listOf(prim, { listType: 'set', patchStrategy: 'merge' }),
  managedFields: listOf(managedFieldsEntry, { listType: 'atomic' }),
});

const quantityMap = mapOf(prim);

export const container = struct({
  name: prim,
  image: prim,
  imagePullPolicy: prim,
  command: listOf(prim, { listType: 'atomic' }),
  args: listOf(prim, { listType: 'atomic' }),
  workingDir: prim,
  ports: listOf(struct({ name: prim, containerPort: prim, protocol: prim, hostPort: prim, hostIP: prim }), {
    listType: 'map',
    listMapKeys: ['containerPort', 'protocol'],
    patchMergeKey: 'containerPort',
    patchStrategy: 'merge',
  }),
  env: keyed(struct({ name: prim, value: prim, valueFrom: struct({ fieldRef: struct({ fieldPath: prim, apiVersion: prim }) }) }), 'name'),
  resources: struct({ limits: quantityMap, requests: quantityMap }),
  volumeMounts: keyed(struct({ name: prim, mountPath: prim, readOnly: prim }), 'mountPath'),
  terminationMessagePath: prim,
  terminationMessagePolicy: prim,
  securityContext: struct({ runAsUser: prim, privileged: prim }),
  readinessProbe: struct({ httpGet: struct({ path: prim, port: prim }), periodSeconds: prim }),
});

export const podSpec = struct({
  containers: keyed(container, 'name'),
  initContainers: keyed(container, 'name'),
  volumes: keyed(struct({ name: prim, emptyDir: struct({ medium: prim }), configMap: struct({ name: prim }) }), 'name'),
  nodeSelector: stringMap,
  nodeName: prim,
  restartPolicy: prim,
  terminationGracePeriodSeconds: prim,
  dnsPolicy: prim,
  schedulerName: prim,
  serviceAccountName: prim,
  securityContext: struct({ runAsUser: prim }),
  tolerations: listOf(struct({ key: prim, operator: prim, value: prim, effect: prim }), { listType: 'atomic' }),
  imagePullSecrets: keyed(struct({ name: prim }), 'name'),
});

export const podTemplateSpec = struct({ metadata: objectMeta, spec: podSpec });

export const labelSelector = struct(
  {
    matchLabels: stringMap,
    matchExpressions: listOf(struct({ key: prim, operator: prim, values: listOf(prim, { listType: 'atomic' }) }), { listType: 'atomic' }),
  },
  { mapType: 'atomic' },
);

const condition = struct({ type: prim, status: prim, reason: prim, message: prim, lastUpdateTime: prim, lastTransitionTime: prim });

export const deploymentSchema = struct({
  apiVersion: prim,
  kind: prim,
  metadata: objectMeta,
  spec: struct({
    replicas: prim,
    selector: labelSelector,
    template: podTemplateSpec,
    strategy: struct({ type: prim, rollingUpdate: struct({ maxSurge: prim, maxUnavailable: prim }) }),
    minReadySeconds: prim,
    revisionHistoryLimit: prim,
    paused: prim,
    progressDeadlineSeconds: prim,
  }),
  status: struct({
    observedGeneration: prim,
    replicas: prim,
    updatedReplicas: prim,
    readyReplicas: prim,
    availableReplicas: prim,
    unavailableReplicas: prim,
    conditions: keyed(condition, 'type'),
  }),
});

export const podSchema = struct({
  apiVersion: prim,
  kind: prim,
  metadata: objectMeta,
  spec: podSpec,
  status: struct({ phase: prim, podIP: prim, conditions: keyed(condition, 'type') }),
});

export const configMapSchema = struct({ apiVersion: prim, kind: prim, metadata: objectMeta, data: stringMap, binaryData: stringMap, immutable: prim });

/** A Deployment as the API server stores it after defaulting (kubectl create deployment nginx --image=nginx). */
export function storedDeployment(extra: { uid?: string; managedFields?: unknown[] } = {}): import('../object').KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'nginx',
      namespace: 'default',
      labels: { app: 'nginx' },
      ...(extra.uid ? { uid: extra.uid, resourceVersion: '10', generation: 1, creationTimestamp: '2025-01-01T00:00:00Z' } : {}),
      ...(extra.managedFields ? { managedFields: extra.managedFields as never } : {}),
    },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'nginx' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: 'nginx',
              imagePullPolicy: 'Always',
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
            },
          ],
          restartPolicy: 'Always',
          terminationGracePeriodSeconds: 30,
          dnsPolicy: 'ClusterFirst',
          securityContext: {},
          schedulerName: 'default-scheduler',
        },
      },
    },
  };
}
