/**
 * The two CustomResourceDefinitions the VPA installs
 * (vertical-pod-autoscaler/deploy/vpa-v1-crd-gen.yaml as of v1.2.1):
 * v1 served and stored, v1beta2 kept but not served. The schemas keep
 * upstream's structure; descriptions are shortened.
 */
import type { KubeObject } from '../../api/object';

type Schema = Record<string, unknown>;

const QUANTITY_PATTERN = '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';
const quantity: Schema = { anyOf: [{ type: 'integer' }, { type: 'string' }], pattern: QUANTITY_PATTERN, 'x-kubernetes-int-or-string': true };
const resourceList = (description: string): Schema => ({ description, type: 'object', additionalProperties: quantity });
const str = (description: string, extra: Schema = {}): Schema => ({ description, type: 'string', ...extra });

const containerRecommendation: Schema = {
  description: 'RecommendedContainerResources is the recommendation of resources computed by autoscaler for a specific container.',
  type: 'object',
  required: ['target'],
  properties: {
    containerName: str('Name of the container.'),
    lowerBound: resourceList('Minimum recommended amount of resources. Observes ContainerResourcePolicy.'),
    target: resourceList('Recommended amount of resources. Observes ContainerResourcePolicy.'),
    uncappedTarget: resourceList('The most recent recommended resources target computed by the autoscaler for the controlled pods, based only on actual resource usage, not taking into account the ContainerResourcePolicy.'),
    upperBound: resourceList('Maximum recommended amount of resources. Observes ContainerResourcePolicy.'),
  },
};

const vpaSchema: Schema = {
  description: 'VerticalPodAutoscaler is the configuration for a vertical pod autoscaler, which automatically manages pod resources based on historical and real time resource utilization.',
  type: 'object',
  required: ['spec'],
  properties: {
    apiVersion: str('APIVersion defines the versioned schema of this representation of an object.'),
    kind: str('Kind is a string value representing the REST resource this object represents.'),
    metadata: { type: 'object' },
    spec: {
      description: 'Specification of the behavior of the autoscaler.',
      type: 'object',
      required: ['targetRef'],
      properties: {
        recommenders: {
          description: 'Recommender responsible for generating recommendation for this object.',
          type: 'array',
          items: { type: 'object', required: ['name'], properties: { name: str('Name of the recommender responsible for generating recommendation for this object.') } },
        },
        resourcePolicy: {
          description: 'Controls how the autoscaler computes recommended resources.',
          type: 'object',
          properties: {
            containerPolicies: {
              description: 'Per-container resource policies.',
              type: 'array',
              items: {
                description: 'ContainerResourcePolicy controls how autoscaler computes the recommended resources for a specific container.',
                type: 'object',
                properties: {
                  containerName: str("Name of the container or DefaultContainerResourcePolicy, in which case the policy is used by the containers that don't have their own policy specified."),
                  controlledResources: { description: 'Specifies the type of recommendations that will be computed (and possibly applied) by VPA.', type: 'array', items: { type: 'string', description: 'ResourceName is the name identifying various resources in a ResourceList.' } },
                  controlledValues: str('Specifies which resource values should be controlled.', { enum: ['RequestsAndLimits', 'RequestsOnly'] }),
                  maxAllowed: resourceList('Specifies the maximum amount of resources that will be recommended for the container.'),
                  minAllowed: resourceList('Specifies the minimal amount of resources that will be recommended for the container.'),
                  mode: str('Whether autoscaler is enabled for the container. The default is "Auto".', { enum: ['Auto', 'Off'] }),
                },
              },
            },
          },
        },
        targetRef: {
          description: 'TargetRef points to the controller managing the set of pods for the autoscaler to control.',
          type: 'object',
          required: ['kind', 'name'],
          'x-kubernetes-map-type': 'atomic',
          properties: {
            apiVersion: str('apiVersion is the API version of the referent'),
            kind: str('kind is the kind of the referent; More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds'),
            name: str('name is the name of the referent; More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#names'),
          },
        },
        updatePolicy: {
          description: 'Describes the rules on how changes are applied to the pods.',
          type: 'object',
          properties: {
            evictionRequirements: {
              description: 'EvictionRequirements is a list of EvictionRequirements that need to evaluate to true in order for a Pod to be evicted.',
              type: 'array',
              items: {
                type: 'object',
                required: ['changeRequirement', 'resources'],
                properties: {
                  changeRequirement: str('EvictionChangeRequirement refers to the relationship between the new target recommendation for a Pod and its current requests.', { enum: ['TargetHigherThanRequests', 'TargetLowerThanRequests'] }),
                  resources: { type: 'array', items: { type: 'string' } },
                },
              },
            },
            minReplicas: { description: 'Minimal number of replicas which need to be alive for Updater to attempt pod eviction.', type: 'integer', format: 'int32' },
            updateMode: str('Controls when autoscaler applies changes to the pod resources. The default is \'Auto\'.', { enum: ['Off', 'Initial', 'Recreate', 'Auto'] }),
          },
        },
      },
    },
    status: {
      description: 'Current information about the autoscaler.',
      type: 'object',
      properties: {
        conditions: {
          description: 'Conditions is the set of conditions required for this autoscaler to scale its target, and indicates whether or not those conditions are met.',
          type: 'array',
          items: {
            type: 'object',
            required: ['status', 'type'],
            properties: {
              lastTransitionTime: str('lastTransitionTime is the last time the condition transitioned from one status to another', { format: 'date-time' }),
              message: str('message is a human-readable explanation containing details about the transition'),
              reason: str("reason is the reason for the condition's last transition."),
              status: str('status is the status of the condition (True, False, Unknown)'),
              type: str('type describes the current condition'),
            },
          },
        },
        recommendation: {
          description: 'The most recently computed amount of resources recommended by the autoscaler for the controlled pods.',
          type: 'object',
          properties: { containerRecommendations: { description: 'Resources recommended by the autoscaler for each container.', type: 'array', items: containerRecommendation } },
        },
      },
    },
  },
};

const histogram: Schema = {
  type: 'object',
  properties: {
    bucketWeights: { description: 'Map from bucket index to bucket weight.', type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    referenceTimestamp: { description: 'Reference timestamp for samples collected within this histogram.', type: 'string', format: 'date-time', nullable: true },
    totalWeight: { description: 'Sum of samples to be used as denominator for weights from BucketWeights.', type: 'number' },
  },
};

const checkpointSchema: Schema = {
  description: "VerticalPodAutoscalerCheckpoint is the checkpoint of the internal state of VPA that is used for recovery after recommender's restart.",
  type: 'object',
  properties: {
    apiVersion: str('APIVersion defines the versioned schema of this representation of an object.'),
    kind: str('Kind is a string value representing the REST resource this object represents.'),
    metadata: { type: 'object' },
    spec: {
      description: 'Specification of the checkpoint.',
      type: 'object',
      properties: { containerName: str('Name of the checkpointed container.'), vpaObjectName: str('Name of the VPA object that stored VerticalPodAutoscalerCheckpoint object.') },
    },
    status: {
      description: 'Data of the checkpoint.',
      type: 'object',
      properties: {
        cpuHistogram: { ...histogram, description: 'Checkpoint of histogram for consumption of CPU.' },
        firstSampleStart: { description: 'Timestamp of the fist sample from the histograms.', type: 'string', format: 'date-time', nullable: true },
        lastSampleStart: { description: 'Timestamp of the last sample from the histograms.', type: 'string', format: 'date-time', nullable: true },
        lastUpdateTime: { description: 'The time when the status was last refreshed.', type: 'string', format: 'date-time', nullable: true },
        memoryHistogram: { ...histogram, description: 'Checkpoint of histogram for consumption of memory.' },
        totalSamplesCount: { description: 'Total number of samples in the histograms.', type: 'integer' },
        version: str('Version of the format of the stored data.'),
      },
    },
  },
};

const annotations = { 'api-approved.kubernetes.io': 'https://github.com/kubernetes/kubernetes/pull/63797', 'controller-gen.kubebuilder.io/version': 'v0.16.5' };

function crd(name: string, names: Record<string, unknown>, schema: Schema, v1Extra: Schema = {}): KubeObject {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name, annotations },
    spec: {
      group: 'autoscaling.k8s.io',
      names,
      scope: 'Namespaced',
      versions: [
        { name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: schema }, ...v1Extra },
        { name: 'v1beta2', served: false, storage: false, schema: { openAPIV3Schema: schema }, ...v1Extra },
      ],
    },
  } as KubeObject;
}

export function vpaCrds(): KubeObject[] {
  return [
    crd(
      'verticalpodautoscalercheckpoints.autoscaling.k8s.io',
      { kind: 'VerticalPodAutoscalerCheckpoint', listKind: 'VerticalPodAutoscalerCheckpointList', plural: 'verticalpodautoscalercheckpoints', shortNames: ['vpacheckpoint'], singular: 'verticalpodautoscalercheckpoint' },
      checkpointSchema,
      { subresources: {} },
    ),
    crd(
      'verticalpodautoscalers.autoscaling.k8s.io',
      { kind: 'VerticalPodAutoscaler', listKind: 'VerticalPodAutoscalerList', plural: 'verticalpodautoscalers', shortNames: ['vpa'], singular: 'verticalpodautoscaler' },
      vpaSchema,
      {
        subresources: { status: {} },
        additionalPrinterColumns: [
          { jsonPath: '.spec.updatePolicy.updateMode', name: 'Mode', type: 'string' },
          { jsonPath: '.status.recommendation.containerRecommendations[0].target.cpu', name: 'CPU', type: 'string' },
          { jsonPath: '.status.recommendation.containerRecommendations[0].target.memory', name: 'Mem', type: 'string' },
          { jsonPath: ".status.conditions[?(@.type=='RecommendationProvided')].status", name: 'Provided', type: 'string' },
          { jsonPath: '.metadata.creationTimestamp', name: 'Age', type: 'date' },
        ],
      },
    ),
  ];
}
