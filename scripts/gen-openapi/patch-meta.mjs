/**
 * Patch and list semantics that @kubernetes/client-node dropped from the
 * v1.32 schema: `x-kubernetes-patch-strategy`, `-patch-merge-key`,
 * `-list-type`, `-list-map-keys` and `-map-type`.
 *
 * Each entry restates a struct tag or marker of Kubernetes v1.32
 * (k8s.io/api@v0.32.0 `<group>/<version>/types.go`, apimachinery
 * `pkg/apis/meta/v1/types.go`, apiextensions-apiserver
 * `pkg/apis/apiextensions/v1/types.go`) for the GA group-versions we ship:
 *   `patchStrategy:"merge" patchMergeKey:"name"` → ps / pk
 *   `+listType=map` `+listMapKey=name`           → lt / keys
 *   `+mapType=atomic` on a field                 → mt
 *   `+structType=atomic` on a type               → '' (the type itself)
 * Fields of inlined structs (EphemeralContainerCommon, admissionregistration
 * Rule) are listed under the type that inlines them.
 *
 * Keys are definition names without the `io.k8s.api.` (or apimachinery /
 * apiextensions) prefix; see names.mjs for the full names.
 */

/** @typedef {{ ps?: string, pk?: string, lt?: 'atomic'|'set'|'map', keys?: string[], mt?: 'atomic'|'granular' }} FieldMeta */

/** @type {Record<string, Record<string, FieldMeta | 'atomic' | 'granular'>>} */
export const PATCH_META = {
  'admissionregistration.v1.ValidatingAdmissionPolicyStatus': {
    conditions: { lt: 'map', keys: ['type'] },
  },
  'admissionregistration.v1.TypeChecking': {
    expressionWarnings: { lt: 'atomic' },
  },
  'admissionregistration.v1.ValidatingAdmissionPolicySpec': {
    validations: { lt: 'atomic' },
    auditAnnotations: { lt: 'atomic' },
    matchConditions: { ps: 'merge', pk: 'name', lt: 'map', keys: ['name'] },
    variables: { ps: 'merge', pk: 'name', lt: 'map', keys: ['name'] },
  },
  'admissionregistration.v1.ParamKind': {
    '': 'atomic', // structType
  },
  'admissionregistration.v1.Variable': {
    '': 'atomic', // structType
  },
  'admissionregistration.v1.ValidatingAdmissionPolicyBindingSpec': {
    validationActions: { lt: 'set' },
  },
  'admissionregistration.v1.ParamRef': {
    '': 'atomic', // structType
  },
  'admissionregistration.v1.MatchResources': {
    '': 'atomic', // structType
    resourceRules: { lt: 'atomic' },
    excludeResourceRules: { lt: 'atomic' },
  },
  'admissionregistration.v1.NamedRuleWithOperations': {
    '': 'atomic', // structType
    resourceNames: { lt: 'atomic' },
    // inlined RuleWithOperations → Rule
    operations: { lt: 'atomic' },
    apiGroups: { lt: 'atomic' },
    apiVersions: { lt: 'atomic' },
    resources: { lt: 'atomic' },
  },
  'admissionregistration.v1.ValidatingWebhookConfiguration': {
    webhooks: { ps: 'merge', pk: 'name', lt: 'map', keys: ['name'] },
  },
  'admissionregistration.v1.MutatingWebhookConfiguration': {
    webhooks: { ps: 'merge', pk: 'name', lt: 'map', keys: ['name'] },
  },
  'admissionregistration.v1.ValidatingWebhook': {
    rules: { lt: 'atomic' },
    admissionReviewVersions: { lt: 'atomic' },
    matchConditions: { ps: 'merge', pk: 'name', lt: 'map', keys: ['name'] },
  },
  'admissionregistration.v1.MutatingWebhook': {
    rules: { lt: 'atomic' },
    admissionReviewVersions: { lt: 'atomic' },
    matchConditions: { ps: 'merge', pk: 'name', lt: 'map', keys: ['name'] },
  },
  'admissionregistration.v1.RuleWithOperations': {
    operations: { lt: 'atomic' },
    // inlined Rule
    apiGroups: { lt: 'atomic' },
    apiVersions: { lt: 'atomic' },
    resources: { lt: 'atomic' },
  },
  'apps.v1.StatefulSetSpec': {
    volumeClaimTemplates: { lt: 'atomic' },
  },
  'apps.v1.StatefulSetStatus': {
    conditions: { ps: 'merge', pk: 'type', lt: 'map', keys: ['type'] },
  },
  'apps.v1.DeploymentSpec': {
    strategy: { ps: 'retainKeys' },
  },
  'apps.v1.DeploymentStatus': {
    conditions: { ps: 'merge', pk: 'type', lt: 'map', keys: ['type'] },
  },
  'apps.v1.DaemonSetStatus': {
    conditions: { ps: 'merge', pk: 'type', lt: 'map', keys: ['type'] },
  },
  'apps.v1.ReplicaSetStatus': {
    conditions: { ps: 'merge', pk: 'type', lt: 'map', keys: ['type'] },
  },
  'authentication.v1.TokenReviewSpec': {
    audiences: { lt: 'atomic' },
  },
  'authentication.v1.TokenReviewStatus': {
    audiences: { lt: 'atomic' },
  },
  'authentication.v1.UserInfo': {
    groups: { lt: 'atomic' },
  },
  'authentication.v1.TokenRequestSpec': {
    audiences: { lt: 'atomic' },
  },
  'authorization.v1.LabelSelectorAttributes': {
    requirements: { lt: 'atomic' },
  },
  'authorization.v1.FieldSelectorAttributes': {
    requirements: { lt: 'atomic' },
  },
  'authorization.v1.SubjectAccessReviewSpec': {
    groups: { lt: 'atomic' },
  },
  'authorization.v1.SubjectRulesReviewStatus': {
    resourceRules: { lt: 'atomic' },
    nonResourceRules: { lt: 'atomic' },
  },
  'authorization.v1.ResourceRule': {
    verbs: { lt: 'atomic' },
    apiGroups: { lt: 'atomic' },
    resources: { lt: 'atomic' },
    resourceNames: { lt: 'atomic' },
  },
  'authorization.v1.NonResourceRule': {
    verbs: { lt: 'atomic' },
    nonResourceURLs: { lt: 'atomic' },
  },
  'autoscaling.v1.CrossVersionObjectReference': {
    '': 'atomic', // structType
  },
  'autoscaling.v2.HorizontalPodAutoscalerSpec': {
    metrics: { lt: 'atomic' },
  },
  'autoscaling.v2.HPAScalingRules': {
    policies: { lt: 'atomic' },
  },
  'autoscaling.v2.HorizontalPodAutoscalerStatus': {
    currentMetrics: { lt: 'atomic' },
    conditions: { ps: 'merge', pk: 'type', lt: 'map', keys: ['type'] },
  },
  'batch.v1.PodFailurePolicyOnExitCodesRequirement': {
    values: { lt: 'set' },
  },
  'batch.v1.PodFailurePolicyRule': {
    onPodConditions: { lt: 'atomic' },
  },
  'batch.v1.PodFailurePolicy': {
    rules: { lt: 'atomic' },
  },
  'batch.v1.SuccessPolicy': {
    rules: { lt: 'atomic' },
  },
  'batch.v1.JobStatus': {
    conditions: { ps: 'merge', pk: 'type', lt: 'atomic' },
  },
  'batch.v1.UncountedTerminatedPods': {
    succeeded: { lt: 'set' },
    failed: { lt: 'set' },
  },
  'batch.v1.CronJobStatus': {
    active: { lt: 'atomic' },
  },
  'certificates.v1.CertificateSigningRequestSpec': {
    request: { lt: 'atomic' },
    usages: { lt: 'atomic' },
    groups: { lt: 'atomic' },
  },
  'certificates.v1.CertificateSigningRequestStatus': {
    conditions: { lt: 'map', keys: ['type'] },
    certificate: { lt: 'atomic' },
  },
  'core.v1.PersistentVolumeSpec': {
    accessModes: { lt: 'atomic' },
    claimRef: { mt: 'granular' },
    mountOptions: { lt: 'atomic' },
  },
  'core.v1.PersistentVolumeClaimSpec': {
    accessModes: { lt: 'atomic' },
  },
  'core.v1.PersistentVolumeClaimStatus': {
    accessModes: { lt: 'atomic' },
    conditions: { ps: 'merge', pk: 'type', lt: 'map', keys: ['type'] },
    allocatedResourceStatuses: { mt: 'granular' },
  },
  'core.v1.RBDVolumeSource': {
    monitors: { lt: 'atomic' },
  },
  'core.v1.RBDPersistentVolumeSource': {
    monitors: { lt: 'atomic' },
  },
  'core.v1.CephFSVolumeSource': {
    monitors: { lt: 'atomic' },
  },
  'core.v1.SecretReference': {
    '': 'atomic', // structType
  },
  'core.v1.CephFSPersistentVolumeSource': {
    monitors: { lt: 'atomic' },
  },
  'core.v1.SecretVolumeSource': {
    items: { lt: 'atomic' },
  },
  'core.v1.SecretProjection': {
    items: { lt: 'atomic' },
  },
  'core.v1.ISCSIVolumeSource': {
    portals: { lt: 'atomic' },
  },
  'core.v1.ISCSIPersistentVolumeSource': {
    portals: { lt: 'atomic' },
  },
  'core.v1.FCVolumeSource': {
    targetWWNs: { lt: 'atomic' },
    wwids: { lt: 'atomic' },
  },
  'core.v1.ConfigMapVolumeSource': {
    items: { lt: 'atomic' },
  },
  'core.v1.ConfigMapProjection': {
    items: { lt: 'atomic' },
  },
  'core.v1.ProjectedVolumeSource': {
    sources: { lt: 'atomic' },
  },
  'core.v1.ObjectFieldSelector': {
    '': 'atomic', // structType
  },
  'core.v1.ResourceFieldSelector': {
    '': 'atomic', // structType
  },
  'core.v1.ConfigMapKeySelector': {
    '': 'atomic', // structType
  },
  'core.v1.SecretKeySelector': {
    '': 'atomic', // structType
  },
  'core.v1.HTTPGetAction': {
    httpHeaders: { lt: 'atomic' },
  },
  'core.v1.ExecAction': {
    command: { lt: 'atomic' },
  },
  'core.v1.Capabilities': {
    add: { lt: 'atomic' },
    drop: { lt: 'atomic' },
  },
  'core.v1.ResourceRequirements': {
    claims: { lt: 'map', keys: ['name'] },
  },
  'core.v1.Container': {
    command: { lt: 'atomic' },
    args: { lt: 'atomic' },
    ports: { ps: 'merge', pk: 'containerPort', lt: 'map', keys: ['containerPort', 'protocol'] },
    envFrom: { lt: 'atomic' },
    env: { ps: 'merge', pk: 'name', lt: 'map', keys: ['name'] },
    resizePolicy: { lt: 'atomic' },
    volumeMounts: { ps: 'merge', pk: 'mountPath', lt: 'map', keys: ['mountPath'] },
    volumeDevices: { ps: 'merge', pk: 'devicePath', lt: 'map', keys: ['devicePath'] },
  },
  'core.v1.ContainerStatus': {
    volumeMounts: { ps: 'merge', pk: 'mountPath', lt: 'map', keys: ['mountPath'] },
    allocatedResourcesStatus: { ps: 'merge', pk: 'name', lt: 'map', keys: ['name'] },
  },
  'core.v1.ResourceStatus': {
    resources: { lt: 'map', keys: ['resourceID'] },
  },
  'core.v1.LinuxContainerUser': {
    supplementalGroups: { lt: 'atomic' },
  },
  'core.v1.NodeSelector': {
    '': 'atomic', // structType
    nodeSelectorTerms: { lt: 'atomic' },
  },
  'core.v1.NodeSelectorTerm': {
    '': 'atomic', // structType
    matchExpressions: { lt: 'atomic' },
    matchFields: { lt: 'atomic' },
  },
  'core.v1.NodeSelectorRequirement': {
    values: { lt: 'atomic' },
  },
  'core.v1.TopologySelectorTerm': {
    '': 'atomic', // structType
    matchLabelExpressions: { lt: 'atomic' },
  },
  'core.v1.TopologySelectorLabelRequirement': {
    values: { lt: 'atomic' },
  },
  'core.v1.PodAffinity': {
    requiredDuringSchedulingIgnoredDuringExecution: { lt: 'atomic' },
    preferredDuringSchedulingIgnoredDuringExecution: { lt: 'atomic' },
  },
  'core.v1.PodAntiAffinity': {
    requiredDuringSchedulingIgnoredDuringExecution: { lt: 'atomic' },
    preferredDuringSchedulingIgnoredDuringExecution: { lt: 'atomic' },
  },
  'core.v1.PodAffinityTerm': {
    namespaces: { lt: 'atomic' },
    matchLabelKeys: { lt: 'atomic' },
    mismatchLabelKeys: { lt: 'atomic' },
  },
  'core.v1.NodeAffinity': {
    preferredDuringSchedulingIgnoredDuringExecution: { lt: 'atomic' },
  },
  'core.v1.PodSpec': {
    volumes: { ps: 'merge,retainKeys', pk: 'name', lt: 'map', keys: ['name'] },
    initContainers: { ps: 'merge', pk: 'name', lt: 'map', keys: ['name'] },
    containers: { ps: 'merge', pk: 'name', lt: 'map', keys: ['name'] },
    ephemeralContainers: { ps: 'merge', pk: 'name', lt: 'map', keys: ['name'] },
    nodeSelector: { mt: 'atomic' },
    imagePullSecrets: { ps: 'merge', pk: 'name', lt: 'map', keys: ['name'] },
    tolerations: { lt: 'atomic' },
    hostAliases: { ps: 'merge', pk: 'ip', lt: 'map', keys: ['ip'] },
    readinessGates: { lt: 'atomic' },
    topologySpreadConstraints: { ps: 'merge', pk: 'topologyKey', lt: 'map', keys: ['topologyKey', 'whenUnsatisfiable'] },
    schedulingGates: { ps: 'merge', pk: 'name', lt: 'map', keys: ['name'] },
    resourceClaims: { ps: 'merge,retainKeys', pk: 'name', lt: 'map', keys: ['name'] },
  },
  'core.v1.TopologySpreadConstraint': {
    matchLabelKeys: { lt: 'atomic' },
  },
  'core.v1.HostAlias': {
    hostnames: { lt: 'atomic' },
  },
  'core.v1.PodSecurityContext': {
    supplementalGroups: { lt: 'atomic' },
    sysctls: { lt: 'atomic' },
  },
  'core.v1.PodDNSConfig': {
    nameservers: { lt: 'atomic' },
    searches: { lt: 'atomic' },
    options: { lt: 'atomic' },
  },
  'core.v1.EphemeralContainer': {
    command: { lt: 'atomic' },
    args: { lt: 'atomic' },
    ports: { ps: 'merge', pk: 'containerPort', lt: 'map', keys: ['containerPort', 'protocol'] },
    envFrom: { lt: 'atomic' },
    env: { ps: 'merge', pk: 'name', lt: 'map', keys: ['name'] },
    resizePolicy: { lt: 'atomic' },
    volumeMounts: { ps: 'merge', pk: 'mountPath', lt: 'map', keys: ['mountPath'] },
    volumeDevices: { ps: 'merge', pk: 'devicePath', lt: 'map', keys: ['devicePath'] },
  },
  'core.v1.PodStatus': {
    conditions: { ps: 'merge', pk: 'type', lt: 'map', keys: ['type'] },
    hostIPs: { ps: 'merge', pk: 'ip', lt: 'atomic' },
    podIPs: { ps: 'merge', pk: 'ip', lt: 'map', keys: ['ip'] },
    initContainerStatuses: { lt: 'atomic' },
    containerStatuses: { lt: 'atomic' },
    ephemeralContainerStatuses: { lt: 'atomic' },
    resourceClaimStatuses: { ps: 'merge,retainKeys', pk: 'name', lt: 'map', keys: ['name'] },
  },
  'core.v1.ReplicationControllerSpec': {
    selector: { mt: 'atomic' },
  },
  'core.v1.ReplicationControllerStatus': {
    conditions: { ps: 'merge', pk: 'type', lt: 'map', keys: ['type'] },
  },
  'core.v1.ServiceStatus': {
    conditions: { ps: 'merge', pk: 'type', lt: 'map', keys: ['type'] },
  },
  'core.v1.LoadBalancerStatus': {
    ingress: { lt: 'atomic' },
  },
  'core.v1.LoadBalancerIngress': {
    ports: { lt: 'atomic' },
  },
  'core.v1.ServiceSpec': {
    ports: { ps: 'merge', pk: 'port', lt: 'map', keys: ['port', 'protocol'] },
    selector: { mt: 'atomic' },
    clusterIPs: { lt: 'atomic' },
    externalIPs: { lt: 'atomic' },
    loadBalancerSourceRanges: { lt: 'atomic' },
    ipFamilies: { lt: 'atomic' },
  },
  'core.v1.ServiceAccount': {
    secrets: { ps: 'merge', pk: 'name', lt: 'map', keys: ['name'] },
    imagePullSecrets: { lt: 'atomic' },
  },
  'core.v1.Endpoints': {
    subsets: { lt: 'atomic' },
  },
  'core.v1.EndpointSubset': {
    addresses: { lt: 'atomic' },
    notReadyAddresses: { lt: 'atomic' },
    ports: { lt: 'atomic' },
  },
  'core.v1.EndpointAddress': {
    '': 'atomic', // structType
  },
  'core.v1.EndpointPort': {
    '': 'atomic', // structType
  },
  'core.v1.NodeSpec': {
    podCIDRs: { ps: 'merge', lt: 'set' },
    taints: { lt: 'atomic' },
  },
  'core.v1.NodeStatus': {
    conditions: { ps: 'merge', pk: 'type', lt: 'map', keys: ['type'] },
    addresses: { ps: 'merge', pk: 'type', lt: 'map', keys: ['type'] },
    images: { lt: 'atomic' },
    volumesInUse: { lt: 'atomic' },
    volumesAttached: { lt: 'atomic' },
    runtimeHandlers: { lt: 'atomic' },
  },
  'core.v1.ContainerImage': {
    names: { lt: 'atomic' },
  },
  'core.v1.NamespaceSpec': {
    finalizers: { lt: 'atomic' },
  },
  'core.v1.NamespaceStatus': {
    conditions: { ps: 'merge', pk: 'type', lt: 'map', keys: ['type'] },
  },
  'core.v1.ObjectReference': {
    '': 'atomic', // structType
  },
  'core.v1.LocalObjectReference': {
    '': 'atomic', // structType
  },
  'core.v1.TypedLocalObjectReference': {
    '': 'atomic', // structType
  },
  'core.v1.LimitRangeSpec': {
    limits: { lt: 'atomic' },
  },
  'core.v1.ResourceQuotaSpec': {
    scopes: { lt: 'atomic' },
  },
  'core.v1.ScopeSelector': {
    '': 'atomic', // structType
    matchExpressions: { lt: 'atomic' },
  },
  'core.v1.ScopedResourceSelectorRequirement': {
    values: { lt: 'atomic' },
  },
  'core.v1.ComponentStatus': {
    conditions: { ps: 'merge', pk: 'type', lt: 'map', keys: ['type'] },
  },
  'core.v1.DownwardAPIVolumeSource': {
    items: { lt: 'atomic' },
  },
  'core.v1.DownwardAPIProjection': {
    items: { lt: 'atomic' },
  },
  'discovery.v1.EndpointSlice': {
    endpoints: { lt: 'atomic' },
    ports: { lt: 'atomic' },
  },
  'discovery.v1.Endpoint': {
    addresses: { lt: 'set' },
  },
  'discovery.v1.EndpointHints': {
    forZones: { lt: 'atomic' },
  },
  'discovery.v1.EndpointPort': {
    '': 'atomic', // structType
  },
  'flowcontrol.v1.FlowSchemaSpec': {
    rules: { lt: 'atomic' },
  },
  'flowcontrol.v1.PolicyRulesWithSubjects': {
    subjects: { lt: 'atomic' },
    resourceRules: { lt: 'atomic' },
    nonResourceRules: { lt: 'atomic' },
  },
  'flowcontrol.v1.ResourcePolicyRule': {
    verbs: { lt: 'set' },
    apiGroups: { lt: 'set' },
    resources: { lt: 'set' },
    namespaces: { lt: 'set' },
  },
  'flowcontrol.v1.NonResourcePolicyRule': {
    verbs: { lt: 'set' },
    nonResourceURLs: { lt: 'set' },
  },
  'flowcontrol.v1.FlowSchemaStatus': {
    conditions: { ps: 'merge', pk: 'type', lt: 'map', keys: ['type'] },
  },
  'flowcontrol.v1.PriorityLevelConfigurationStatus': {
    conditions: { ps: 'merge', pk: 'type', lt: 'map', keys: ['type'] },
  },
  'networking.v1.NetworkPolicySpec': {
    ingress: { lt: 'atomic' },
    egress: { lt: 'atomic' },
    policyTypes: { lt: 'atomic' },
  },
  'networking.v1.NetworkPolicyIngressRule': {
    ports: { lt: 'atomic' },
    from: { lt: 'atomic' },
  },
  'networking.v1.NetworkPolicyEgressRule': {
    ports: { lt: 'atomic' },
    to: { lt: 'atomic' },
  },
  'networking.v1.IPBlock': {
    except: { lt: 'atomic' },
  },
  'networking.v1.IngressSpec': {
    tls: { lt: 'atomic' },
    rules: { lt: 'atomic' },
  },
  'networking.v1.IngressTLS': {
    hosts: { lt: 'atomic' },
  },
  'networking.v1.IngressLoadBalancerStatus': {
    ingress: { lt: 'atomic' },
  },
  'networking.v1.IngressLoadBalancerIngress': {
    ports: { lt: 'atomic' },
  },
  'networking.v1.HTTPIngressRuleValue': {
    paths: { lt: 'atomic' },
  },
  'networking.v1.ServiceBackendPort': {
    '': 'atomic', // structType
  },
  'node.v1.Scheduling': {
    nodeSelector: { mt: 'atomic' },
    tolerations: { lt: 'atomic' },
  },
  'policy.v1.PodDisruptionBudgetSpec': {
    selector: { ps: 'replace' },
  },
  'policy.v1.PodDisruptionBudgetStatus': {
    conditions: { ps: 'merge', pk: 'type', lt: 'map', keys: ['type'] },
  },
  'rbac.v1.PolicyRule': {
    verbs: { lt: 'atomic' },
    apiGroups: { lt: 'atomic' },
    resources: { lt: 'atomic' },
    resourceNames: { lt: 'atomic' },
    nonResourceURLs: { lt: 'atomic' },
  },
  'rbac.v1.Subject': {
    '': 'atomic', // structType
  },
  'rbac.v1.RoleRef': {
    '': 'atomic', // structType
  },
  'rbac.v1.Role': {
    rules: { lt: 'atomic' },
  },
  'rbac.v1.RoleBinding': {
    subjects: { lt: 'atomic' },
  },
  'rbac.v1.ClusterRole': {
    rules: { lt: 'atomic' },
  },
  'rbac.v1.AggregationRule': {
    clusterRoleSelectors: { lt: 'atomic' },
  },
  'rbac.v1.ClusterRoleBinding': {
    subjects: { lt: 'atomic' },
  },
  'storage.v1.StorageClass': {
    mountOptions: { lt: 'atomic' },
    allowedTopologies: { lt: 'atomic' },
  },
  'storage.v1.CSIDriverSpec': {
    volumeLifecycleModes: { lt: 'set' },
    tokenRequests: { lt: 'atomic' },
  },
  'storage.v1.CSINodeSpec': {
    drivers: { ps: 'merge', pk: 'name', lt: 'map', keys: ['name'] },
  },
  'storage.v1.CSINodeDriver': {
    topologyKeys: { lt: 'atomic' },
  },
  'meta.v1.ObjectMeta': {
    ownerReferences: { ps: 'merge', pk: 'uid', lt: 'map', keys: ['uid'] },
    finalizers: { ps: 'merge', lt: 'set' },
    managedFields: { lt: 'atomic' },
  },
  'meta.v1.OwnerReference': {
    '': 'atomic', // structType
  },
  'meta.v1.DeleteOptions': {
    dryRun: { lt: 'atomic' },
  },
  'meta.v1.Status': {
    details: { lt: 'atomic' },
  },
  'meta.v1.StatusDetails': {
    causes: { lt: 'atomic' },
  },
  'meta.v1.APIVersions': {
    versions: { lt: 'atomic' },
    serverAddressByClientCIDRs: { lt: 'atomic' },
  },
  'meta.v1.APIGroupList': {
    groups: { lt: 'atomic' },
  },
  'meta.v1.APIGroup': {
    versions: { lt: 'atomic' },
    serverAddressByClientCIDRs: { lt: 'atomic' },
  },
  'meta.v1.APIResource': {
    shortNames: { lt: 'atomic' },
    categories: { lt: 'atomic' },
  },
  'meta.v1.APIResourceList': {
    resources: { lt: 'atomic' },
  },
  'meta.v1.LabelSelector': {
    '': 'atomic', // structType
    matchExpressions: { lt: 'atomic' },
  },
  'meta.v1.LabelSelectorRequirement': {
    values: { lt: 'atomic' },
  },
  'meta.v1.FieldSelectorRequirement': {
    values: { lt: 'atomic' },
  },
  'apiextensions.v1.CustomResourceDefinitionSpec': {
    versions: { lt: 'atomic' },
  },
  'apiextensions.v1.WebhookConversion': {
    conversionReviewVersions: { lt: 'atomic' },
  },
  'apiextensions.v1.CustomResourceDefinitionVersion': {
    additionalPrinterColumns: { lt: 'atomic' },
    selectableFields: { lt: 'atomic' },
  },
  'apiextensions.v1.CustomResourceDefinitionNames': {
    shortNames: { lt: 'atomic' },
    categories: { lt: 'atomic' },
  },
  'apiextensions.v1.CustomResourceDefinitionStatus': {
    conditions: { lt: 'map', keys: ['type'] },
    storedVersions: { lt: 'atomic' },
  },
};
