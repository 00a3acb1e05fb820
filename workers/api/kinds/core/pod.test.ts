import { describe, expect, it } from 'vitest';
import { coreStrategies } from './index';
import { computePodQOS } from './qos';
import { create, ctx, pod, update } from './testFixtures';

describe('Pod defaults', () => {
  it('fills what a v1.32 API server fills for an nginx pod', () => {
    const p = pod({
      containers: [
        {
          name: 'nginx',
          image: 'nginx',
          ports: [{ containerPort: 80 }],
          resources: { limits: { cpu: '0.5', memory: '1024Mi' } },
          readinessProbe: { httpGet: { port: 80 } },
          env: [{ name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
        },
      ],
      volumes: [{ name: 'cache' }, { name: 'cfg', configMap: { name: 'cfg' } }],
    });
    expect(create(p)).toEqual([]);
    expect(p).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'nginx', namespace: 'default' },
      spec: {
        containers: [
          {
            name: 'nginx',
            image: 'nginx',
            imagePullPolicy: 'Always',
            ports: [{ containerPort: 80, protocol: 'TCP' }],
            resources: { limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } },
            readinessProbe: {
              httpGet: { port: 80, path: '/', scheme: 'HTTP' },
              timeoutSeconds: 1,
              periodSeconds: 10,
              successThreshold: 1,
              failureThreshold: 3,
            },
            env: [{ name: 'POD', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }],
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
          },
        ],
        volumes: [
          { name: 'cache', emptyDir: {} },
          { name: 'cfg', configMap: { name: 'cfg', defaultMode: 420 } },
        ],
        dnsPolicy: 'ClusterFirst',
        enableServiceLinks: true,
        preemptionPolicy: 'PreemptLowerPriority',
        priority: 0,
        restartPolicy: 'Always',
        schedulerName: 'default-scheduler',
        securityContext: {},
        terminationGracePeriodSeconds: 30,
      },
      status: { phase: 'Pending', qosClass: 'Guaranteed' },
    });
  });

  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['registry.k8s.io:5000/pause', 'Always'],
    ['nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 'IfNotPresent'],
  ])('image %s pulls %s', (image, policy) => {
    const p = pod({ containers: [{ name: 'c', image }] });
    create(p);
    expect((p.spec as { containers: { imagePullPolicy: string }[] }).containers[0].imagePullPolicy).toBe(policy);
  });

  it('keeps explicit values and does not touch templates-only fields', () => {
    const p = pod({ restartPolicy: 'Never', terminationGracePeriodSeconds: 0, containers: [{ name: 'c', image: 'busybox', imagePullPolicy: 'Never' }] });
    create(p);
    const spec = p.spec as Record<string, unknown> & { containers: { imagePullPolicy: string }[] };
    expect(spec.restartPolicy).toBe('Never');
    expect(spec.terminationGracePeriodSeconds).toBe(0);
    expect(spec.containers[0].imagePullPolicy).toBe('Never');
  });

  it('mirrors serviceAccountName into the deprecated serviceAccount field', () => {
    const p = pod({ serviceAccount: 'builder' });
    expect(create(p)).toEqual([]);
    expect(p.spec).toMatchObject({ serviceAccountName: 'builder', serviceAccount: 'builder' });
  });

  it('takes priority from the PriorityClass when one is named', () => {
    const p = pod({ priorityClassName: 'high' });
    coreStrategies.Pod.defaults!(p, { ...ctx, get: () => ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 1000 }) });
    expect((p.spec as Record<string, unknown>).priority).toBe(1000);
  });

  it('adds the SchedulingGated condition on create', () => {
    const p = pod({ schedulingGates: [{ name: 'example.com/wait' }] });
    expect(create(p)).toEqual([]);
    expect((p.status as { conditions: { reason: string }[] }).conditions[0].reason).toBe('SchedulingGated');
  });
});

describe('QoS class', () => {
  const c = (resources: Record<string, unknown>) => ({ containers: [{ name: 'c', image: 'x', resources }] });
  it.each([
    [{}, 'BestEffort'],
    [{ requests: { cpu: '100m' } }, 'Burstable'],
    [{ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1', memory: '1Gi' } }, 'Guaranteed'],
    [{ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } }, 'Burstable'],
    [{ limits: { cpu: '1' }, requests: { cpu: '1' } }, 'Burstable'],
  ])('%j is %s', (resources, qos) => {
    expect(computePodQOS(c(resources))).toBe(qos);
  });
});

describe('Pod validation', () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    ['no containers', { containers: [] }, ['spec.containers: Required value']],
    ['missing image', { containers: [{ name: 'c' }] }, ['spec.containers[0].image: Required value']],
    [
      'duplicate container names',
      { containers: [{ name: 'c', image: 'x' }, { name: 'c', image: 'y' }] },
      ['spec.containers[1].name: Duplicate value: "c"'],
    ],
    [
      'bad container name',
      { containers: [{ name: 'Web_1', image: 'x' }] },
      [
        "spec.containers[0].name: Invalid value: \"Web_1\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      ],
    ],
    [
      'port out of range, bad protocol and name',
      { containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 70000, protocol: 'HTTP', name: 'Web--' }] }] },
      [
        'spec.containers[0].ports[0].name: Invalid value: "Web--": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'spec.containers[0].ports[0].name: Invalid value: "Web--": must not contain consecutive hyphens',
        'spec.containers[0].ports[0].name: Invalid value: "Web--": must not begin or end with a hyphen',
        'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
        'spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      ],
    ],
    [
      'duplicate port names',
      { containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 80, name: 'http' }, { containerPort: 81, name: 'http' }] }] },
      ['spec.containers[0].ports[1].name: Duplicate value: "http"'],
    ],
    [
      'requests above limits',
      { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '1' }, limits: { cpu: '500m' } } }] },
      ['spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m'],
    ],
    [
      'unknown resource name',
      { containers: [{ name: 'c', image: 'x', resources: { limits: { gpu: '1' } } }] },
      [
        'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
        'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers',
        // Requests are defaulted from limits, so the name is reported twice.
        'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
        'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource for containers',
      ],
    ],
    [
      'volume mount without volume',
      { containers: [{ name: 'c', image: 'x', volumeMounts: [{ name: 'x', mountPath: '/x' }] }] },
      ['spec.containers[0].volumeMounts[0].name: Not found: "x"'],
    ],
    [
      'duplicate volumes and two sources',
      { volumes: [{ name: 'v', emptyDir: {} }, { name: 'v', emptyDir: {}, hostPath: { path: '/tmp' } }] },
      ['spec.volumes[1].hostPath: Forbidden: may not specify more than 1 volume type', 'spec.volumes[1].name: Duplicate value: "v"'],
    ],
    [
      'bad env names and sources',
      {
        containers: [
          {
            name: 'c',
            image: 'x',
            env: [{ name: 'A=B' }, { name: 'X', value: 'v', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, { name: 'Y', valueFrom: { fieldRef: { fieldPath: 'spec.foo' } } }],
          },
        ],
      },
      [
        "spec.containers[0].env[0].name: Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='",
        'spec.containers[0].env[1].valueFrom: Invalid value: "": may not be specified when `value` is not empty',
        'spec.containers[0].env[2].valueFrom.fieldRef.fieldPath: Invalid value: "spec.foo": error converting fieldPath: field label not supported: spec.foo',
      ],
    ],
    [
      'restartPolicy and dnsPolicy enums',
      { restartPolicy: 'Sometimes', dnsPolicy: 'Google' },
      [
        'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
        'spec.dnsPolicy: Unsupported value: "Google": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
      ],
    ],
    [
      'probe without handler and liveness successThreshold',
      { containers: [{ name: 'c', image: 'x', livenessProbe: { successThreshold: 2 }, readinessProbe: { exec: { command: [] } } }] },
      [
        'spec.containers[0].livenessProbe: Required value: must specify a handler type',
        'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
        'spec.containers[0].readinessProbe.exec.command: Required value',
      ],
    ],
    [
      'init container probes need restartPolicy Always',
      { initContainers: [{ name: 'init', image: 'x', readinessProbe: { exec: { command: ['true'] } } }] },
      ['spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always'],
    ],
    ['sidecar init containers may have probes', { initContainers: [{ name: 'side', image: 'x', restartPolicy: 'Always', readinessProbe: { exec: { command: ['true'] } } }] }, []],
    [
      'init restartPolicy must be Always; regular may not set it',
      { initContainers: [{ name: 'init', image: 'x', restartPolicy: 'OnFailure' }], containers: [{ name: 'c', image: 'x', restartPolicy: 'Always' }] },
      [
        'spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers',
        'spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
      ],
    ],
    ['init container name clashes', { initContainers: [{ name: 'nginx', image: 'x' }] }, ['spec.initContainers[0].name: Duplicate value: "nginx"']],
    [
      'nodeSelector and tolerations',
      { nodeSelector: { 'disk type': 'ssd' }, tolerations: [{ operator: 'Equal', value: 'x' }, { key: 'k', operator: 'Exists', value: 'v' }, { key: 'k', effect: 'NoRun' }] },
      [
        "spec.nodeSelector: Invalid value: \"disk type\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
        'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
        "spec.tolerations[1].operator: Invalid value: \"v\": value must be empty when `operator` is 'Exists'",
        'spec.tolerations[2].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      ],
    ],
    [
      'node affinity basics',
      { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In' }] }] } } } },
      ["spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"],
    ],
    [
      'pod anti-affinity needs a topologyKey',
      { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } } }] } } },
      [
        'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty',
        'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: "": name part must be non-empty',
        "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ],
    ],
    [
      'hostNetwork ports must match',
      { hostNetwork: true, containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 80, hostPort: 8080 }] }] },
      ['spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true'],
    ],
    ['ephemeral containers on create', { ephemeralContainers: [{ name: 'debug', image: 'busybox' }] }, ['spec.ephemeralContainers: Forbidden: cannot be set on create']],
    [
      'image with whitespace',
      { containers: [{ name: 'c', image: ' nginx' }] },
      ['spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace'],
    ],
    [
      'activeDeadlineSeconds range',
      { activeDeadlineSeconds: 0 },
      ['spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive'],
    ],
  ];

  it.each(cases)('%s', (_name, spec, want) => {
    expect(create(pod(spec))).toEqual(want);
  });

  it('reports bad names and missing namespaces from metadata first', () => {
    const errs = create(pod({ containers: [{ name: 'c' }] }, { name: 'Foo', namespace: undefined }));
    expect(errs).toEqual([
      "metadata.name: Invalid value: \"Foo\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      'metadata.namespace: Required value',
      'spec.containers[0].image: Required value',
    ]);
  });

  it('never throws on garbage input, and still refuses it', () => {
    const p = pod({ containers: [null, 3, { name: 5, ports: 'x' }], volumes: [null], tolerations: [{}] });
    let errs: string[] = [];
    expect(() => (errs = create(p))).not.toThrow();
    expect(errs.length).toBeGreaterThan(0);
  });
});

describe('Pod update', () => {
  it('allows changing images, adding tolerations and lowering activeDeadlineSeconds', () => {
    const errs = update(pod({ activeDeadlineSeconds: 100 }), (next) => {
      const spec = next.spec as Record<string, unknown> & { containers: { image: string }[] };
      spec.containers[0].image = 'nginx:1.28';
      spec.tolerations = [{ key: 'k', operator: 'Exists', effect: 'NoSchedule' }];
      spec.activeDeadlineSeconds = 50;
      next.metadata.labels = { app: 'web' };
    });
    expect(errs).toEqual([]);
  });

  it('refuses other spec changes with the upstream message and a diff', () => {
    const errs = update(pod(), (next) => {
      (next.spec as Record<string, unknown>).nodeSelector = { disk: 'ssd' };
    });
    expect(errs).toHaveLength(1);
    const [head, ...diff] = errs[0].split('\n');
    expect(head).toBe(
      'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
    expect(diff[0]).toBe('  core.PodSpec{');
    expect(diff).toContain('+ \tNodeSelector: {Disk: "ssd"},');
  });

  it('refuses adding containers and raising activeDeadlineSeconds', () => {
    expect(
      update(pod(), (next) => {
        (next.spec as { containers: unknown[] }).containers.push({ name: 'b', image: 'x' });
      }),
    ).toEqual(['spec.containers: Forbidden: pod updates may not add or remove containers']);
    expect(
      update(pod({ activeDeadlineSeconds: 10 }), (next) => {
        (next.spec as Record<string, unknown>).activeDeadlineSeconds = 20;
      }),
    ).toEqual(['spec.activeDeadlineSeconds: Invalid value: 20: must be less than or equal to previous value']);
  });

  it('refuses changing an existing toleration', () => {
    const errs = update(pod({ tolerations: [{ key: 'k', operator: 'Exists' }] }), (next) => {
      (next.spec as Record<string, unknown>).tolerations = [{ key: 'other', operator: 'Exists' }];
    });
    expect(errs[0]).toBe('spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds');
  });

  it('keeps status on spec updates and rejects metadata identity changes', () => {
    const errs = update(pod(), (next) => {
      next.metadata.name = 'other';
      next.status = { phase: 'Running' };
    });
    expect(errs[0]).toBe('metadata.name: Invalid value: "other": field is immutable');
  });
});
