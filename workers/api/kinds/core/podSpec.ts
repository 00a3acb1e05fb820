/**
 * PodSpec and PodTemplateSpec: the helpers every kind with a pod template
 * uses (Pod, ReplicationController, PodTemplate, and the apps/batch kinds).
 *
 *   defaultPodSpec / defaultPodTemplateSpec   → podSpecDefaults.ts
 *   validatePodSpec / validatePodTemplateSpec → here
 *
 * Mirrors ValidatePodSpec and ValidatePodTemplateSpec in
 * pkg/apis/core/validation/validation.go with v1.32's default feature gates.
 */
import type { ObjectMeta } from 'kubernetes-types/meta/v1';
import type { PodSpec, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { type FieldError, type Path, forbidden, invalid, notSupported, required } from '../../validation/field';
import { isValidGroupID, isValidUserID, validateIP } from '../../validation/formats';
import { isQualifiedName, validateLabels } from '../../validation/labels';
import { isDNS1123Subdomain, nameIsDNSSubdomain } from '../../validation/names';
import { validateAnnotations } from '../../validation/objectMeta';
import {
  validateAppArmorProfile,
  validateContainers,
  validateDNS1123Label,
  validateEphemeralContainers,
  validateInitContainers,
  validateSeccompProfile,
  validateWindowsOptions,
} from './containerValidation';
import { duplicateRendered } from './goErrors';
import { validateContainerResourceRequirements } from './resources';
import { validateAffinity, validateTolerations, validateTopologySpreadConstraints } from './schedulingValidation';
import { validateVolumes } from './volumes';

export { defaultContainer, defaultPodSpec, defaultPodTemplateSpec, defaultProbe, defaultPullPolicy, defaultResourceList, defaultVolume } from './podSpecDefaults';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface PodValidationOptions {
  /** The spec belongs to a Pod (not a template): stricter host-network ports and image volumes. */
  resourceIsPod?: boolean;
  /** Pod metadata, when validating a real pod: generic ephemeral volume PVC names use it. */
  podMeta?: ObjectMeta;
}

export const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
export const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];

function validateRestartPolicy(policy: string | undefined, at: Path): FieldError[] {
  if (!policy) return [required(at, '')];
  return RESTART_POLICIES.includes(policy) ? [] : [notSupported(at, policy, RESTART_POLICIES)];
}

function validateDNSPolicy(policy: string | undefined, at: Path): FieldError[] {
  if (!policy) return [required(at, '')];
  return DNS_POLICIES.includes(policy) ? [] : [notSupported(at, policy, DNS_POLICIES)];
}

function validatePodDNSConfig(spec: PodSpec, at: Path): FieldError[] {
  const cfg = spec.dnsConfig;
  if (spec.dnsPolicy === 'None') {
    if (!cfg) return [required(at, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (!cfg.nameservers || cfg.nameservers.length === 0) return [required(at.child('nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
  }
  if (!cfg) return [];
  const errs: FieldError[] = [];
  const ns = cfg.nameservers ?? [];
  if (ns.length > 3) errs.push(invalid(at.child('nameservers'), ns, 'must not have more than 3 nameservers'));
  ns.forEach((n, i) => errs.push(...validateIP(at.child('nameservers').index(i), n)));
  const searches = cfg.searches ?? [];
  if (searches.length > 32) errs.push(invalid(at.child('searches'), searches, 'must not have more than 32 search paths'));
  if (searches.join(' ').length > 2048) errs.push(invalid(at.child('searches'), searches, 'must not have more than 2048 characters (including spaces) in the search list'));
  searches.forEach((s, i) => {
    const v = s.endsWith('.') ? s.slice(0, -1) : s;
    for (const m of isDNS1123Subdomain(v)) errs.push(invalid(at.child('searches').index(i), v, m));
  });
  (cfg.options ?? []).forEach((o, i) => {
    if (!o.name) errs.push(required(at.child('options').index(i), 'must not be empty'));
  });
  return errs;
}

/** Sysctl names: dotted or slashed segments, at most 253 characters. */
const SYSCTL_SEGMENT = '[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const SYSCTL_FMT = `(${SYSCTL_SEGMENT}[\\./])*${SYSCTL_SEGMENT}`;
const SYSCTL_RE = new RegExp(`^${SYSCTL_FMT}$`);
const NET_SYSCTL = /^net\./;
const IPC_SYSCTL = /^(kernel\.(shm|msg|sem)|fs\.mqueue\.)/;

function validatePodSecurityContext(spec: PodSpec, at: Path): FieldError[] {
  const sc = spec.securityContext;
  if (!sc) return [];
  const errs: FieldError[] = [];
  if (sc.fsGroup !== undefined && sc.fsGroup !== null) for (const m of isValidGroupID(sc.fsGroup)) errs.push(invalid(at.child('fsGroup'), sc.fsGroup, m));
  if (sc.runAsUser !== undefined && sc.runAsUser !== null) for (const m of isValidUserID(sc.runAsUser)) errs.push(invalid(at.child('runAsUser'), sc.runAsUser, m));
  if (sc.runAsGroup !== undefined && sc.runAsGroup !== null) for (const m of isValidGroupID(sc.runAsGroup)) errs.push(invalid(at.child('runAsGroup'), sc.runAsGroup, m));
  (sc.supplementalGroups ?? []).forEach((g, i) => isValidGroupID(g).forEach((m) => errs.push(invalid(at.child('supplementalGroups').index(i), g, m))));
  if (spec.shareProcessNamespace && spec.hostPID) {
    errs.push(invalid(at.child('shareProcessNamespace'), true, 'ShareProcessNamespace and HostPID cannot both be enabled'));
  }
  const seen = new Set<string>();
  (sc.sysctls ?? []).forEach((s, i) => {
    const p = at.child('sysctls').index(i).child('name');
    const name = s.name ?? '';
    if (!name) errs.push(required(p, ''));
    else if (name.length > 253 || !SYSCTL_RE.test(name)) errs.push(invalid(p, name, `must have at most 253 characters and match regex ^${SYSCTL_FMT}$`));
    else if (seen.has(name)) errs.push(duplicateRendered(p, JSON.stringify(name)));
    if (spec.hostNetwork && NET_SYSCTL.test(name)) errs.push(invalid(p, name, "may not be specified when 'hostNetwork' is true"));
    else if (spec.hostIPC && IPC_SYSCTL.test(name)) errs.push(invalid(p, name, "may not be specified when 'hostIPC' is true"));
    seen.add(name);
  });
  if (sc.fsGroupChangePolicy !== undefined && sc.fsGroupChangePolicy !== 'OnRootMismatch' && sc.fsGroupChangePolicy !== 'Always') {
    errs.push(notSupported(at.child('fsGroupChangePolicy'), sc.fsGroupChangePolicy, ['Always', 'OnRootMismatch']));
  }
  errs.push(...validateSeccompProfile(sc.seccompProfile, at.child('seccompProfile')));
  errs.push(...validateWindowsOptions(sc.windowsOptions, at.child('windowsOptions')));
  errs.push(...validateAppArmorProfile((sc as unknown as Obj).appArmorProfile, at.child('appArmorProfile')));
  const sgp = (sc as unknown as Obj).supplementalGroupsPolicy;
  if (sgp !== undefined && sgp !== 'Merge' && sgp !== 'Strict') errs.push(notSupported(at.child('supplementalGroupsPolicy'), sgp, ['Merge', 'Strict']));
  const selcp = (sc as unknown as Obj).seLinuxChangePolicy;
  if (selcp !== undefined && selcp !== 'MountOption' && selcp !== 'Recursive') errs.push(notSupported(at.child('seLinuxChangePolicy'), selcp, ['MountOption', 'Recursive']));
  return errs;
}

function validateHostNetworkPorts(spec: PodSpec, at: Path, resourceIsPod: boolean): FieldError[] {
  if (!spec.hostNetwork) return [];
  const errs: FieldError[] = [];
  (spec.containers ?? []).forEach((c, i) => {
    (c.ports ?? []).forEach((port, j) => {
      const hp = port.hostPort ?? 0;
      if ((resourceIsPod || hp !== 0) && hp !== port.containerPort) {
        errs.push(invalid(at.child('containers').index(i).child('ports').index(j).child('hostPort'), hp, 'must match `containerPort` when `hostNetwork` is true'));
      }
    });
  });
  return errs;
}

function validateHostUsers(spec: PodSpec, at: Path): FieldError[] {
  if ((spec as unknown as Obj).hostUsers !== false) return [];
  const errs: FieldError[] = [];
  const msg = 'when `pod.Spec.HostUsers` is false';
  if (spec.hostNetwork) errs.push(forbidden(at.child('hostNetwork'), msg));
  if (spec.hostPID) errs.push(forbidden(at.child('HostPID'), msg));
  if (spec.hostIPC) errs.push(forbidden(at.child('HostIPC'), msg));
  return errs;
}

/** ValidatePodSpec. `at` is the spec's path, e.g. `spec` or `spec.template.spec`. */
export function validatePodSpec(spec: PodSpec | undefined, at: Path, opts: PodValidationOptions = {}): FieldError[] {
  const s = (isObj(spec) ? spec : {}) as PodSpec;
  const errs: FieldError[] = [];
  const tgps = s.terminationGracePeriodSeconds;
  if (tgps === undefined || tgps === null) errs.push(required(at.child('terminationGracePeriodSeconds'), ''));
  const hostUsers = (s as unknown as Obj).hostUsers !== false;
  const vols = validateVolumes(s.volumes, at.child('volumes'), {
    podName: opts.podMeta?.name,
    resourceIsPod: !!opts.resourceIsPod,
  });
  errs.push(...vols.errs);
  const claims = Array.isArray((s as unknown as Obj).resourceClaims) ? ((s as unknown as Obj).resourceClaims as Obj[]) : [];
  const podClaimNames = new Set(claims.map((c) => String(c?.name ?? '')).filter(Boolean));
  const claimSeen = new Set<string>();
  claims.forEach((c, i) => {
    const p = at.child('resourceClaims').index(i);
    const name = typeof c?.name === 'string' ? c.name : '';
    if (!name) errs.push(required(p.child('name'), ''));
    else if (claimSeen.has(name)) errs.push(duplicateRendered(p.child('name'), JSON.stringify(name)));
    else errs.push(...validateDNS1123Label(name, p.child('name')));
    claimSeen.add(name);
  });
  const ctx = {
    volumes: vols.info,
    podClaimNames,
    gracePeriod: tgps ?? undefined,
    podRestartPolicy: s.restartPolicy ?? '',
    hostUsers,
  };
  errs.push(...validateContainers(s.containers, ctx, at.child('containers')));
  errs.push(...validateInitContainers(s.initContainers, s.containers, ctx, at.child('initContainers')));
  errs.push(...validateEphemeralContainers(s.ephemeralContainers, s.containers, s.initContainers, ctx, at.child('ephemeralContainers')));
  errs.push(...validateHostNetworkPorts(s, at, !!opts.resourceIsPod));
  errs.push(...validateRestartPolicy(s.restartPolicy, at.child('restartPolicy')));
  errs.push(...validateDNSPolicy(s.dnsPolicy, at.child('dnsPolicy')));
  errs.push(...validateLabels(s.nodeSelector, at.child('nodeSelector')));
  errs.push(...validatePodSecurityContext(s, at.child('securityContext')));
  (s.imagePullSecrets ?? []).forEach((ref, i) => {
    if (isObj(ref) && Object.keys(ref).some((k) => k !== 'name')) errs.push(invalid(at.child('imagePullSecrets').index(i), ref, 'only name may be set'));
  });
  errs.push(...validateAffinity(s.affinity, at.child('affinity')));
  errs.push(...validatePodDNSConfig(s, at.child('dnsConfig')));
  (s.readinessGates ?? []).forEach((g, i) => {
    const p = at.child('readinessGates').index(i).child('conditionType');
    for (const m of isQualifiedName(g.conditionType ?? '')) errs.push(invalid(p, g.conditionType ?? '', m));
  });
  const gates = new Set<string>();
  (s.schedulingGates ?? []).forEach((g, i) => {
    const p = at.child('schedulingGates').index(i);
    for (const m of isQualifiedName(g.name ?? '')) errs.push(invalid(p, g.name ?? '', m));
    if (gates.has(g.name)) errs.push(duplicateRendered(p, JSON.stringify(g.name)));
    gates.add(g.name);
  });
  errs.push(...validateTopologySpreadConstraints(s.topologySpreadConstraints, at.child('topologySpreadConstraints')));
  errs.push(...validateHostUsers(s, at));
  if (s.serviceAccountName) for (const m of nameIsDNSSubdomain(s.serviceAccountName, false)) errs.push(invalid(at.child('serviceAccountName'), s.serviceAccountName, m));
  if (s.nodeName) for (const m of nameIsDNSSubdomain(s.nodeName, false)) errs.push(invalid(at.child('nodeName'), s.nodeName, m));
  const ads = s.activeDeadlineSeconds;
  if (ads !== undefined && ads !== null && (ads < 1 || ads > 2147483647)) errs.push(invalid(at.child('activeDeadlineSeconds'), ads, 'must be between 1 and 2147483647, inclusive'));
  if (s.hostname) errs.push(...validateDNS1123Label(s.hostname, at.child('hostname')));
  if (s.subdomain) errs.push(...validateDNS1123Label(s.subdomain, at.child('subdomain')));
  if (s.tolerations && s.tolerations.length) errs.push(...validateTolerations(s.tolerations, at.child('tolerations')));
  (s.hostAliases ?? []).forEach((h, i) => {
    const p = at.child('hostAliases').index(i);
    errs.push(...validateIP(p.child('ip'), h.ip ?? ''));
    (h.hostnames ?? []).forEach((hn, j) => isDNS1123Subdomain(hn).forEach((m) => errs.push(invalid(p.child('hostnames').index(j), hn, m))));
  });
  if (s.priorityClassName) for (const m of nameIsDNSSubdomain(s.priorityClassName, false)) errs.push(invalid(at.child('priorityClassName'), s.priorityClassName, m));
  if (s.runtimeClassName !== undefined && s.runtimeClassName !== null) {
    for (const m of nameIsDNSSubdomain(s.runtimeClassName, false)) errs.push(invalid(at.child('runtimeClassName'), s.runtimeClassName, m));
  }
  if (s.preemptionPolicy !== undefined && s.preemptionPolicy !== null) {
    if (!s.preemptionPolicy) errs.push(required(at.child('preemptionPolicy'), ''));
    else if (s.preemptionPolicy !== 'PreemptLowerPriority' && s.preemptionPolicy !== 'Never') {
      errs.push(notSupported(at.child('preemptionPolicy'), s.preemptionPolicy, ['PreemptLowerPriority', 'Never']));
    }
  }
  if (s.overhead) errs.push(...validateContainerResourceRequirements({ limits: s.overhead }, new Set(), at.child('overhead')));
  if (s.os) {
    const name = s.os.name;
    if (!name) errs.push(required(at.child('os', 'name'), 'cannot be empty'));
    else if (name !== 'linux' && name !== 'windows') errs.push(notSupported(at.child('os'), name, ['linux', 'windows']));
    else if (name === 'linux' && s.securityContext?.windowsOptions) {
      errs.push(forbidden(at.child('securityContext', 'windowsOptions'), 'windows options cannot be set for a linux pod'));
    }
  }
  return errs;
}

const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

function validateSeccompAnnotationValue(p: string, at: Path): FieldError[] {
  if (p === 'runtime/default' || p === 'docker/default' || p === 'unconfined') return [];
  if (p.startsWith('localhost/')) {
    const rest = p.slice('localhost/'.length);
    const errs: FieldError[] = [];
    if (rest.startsWith('/')) errs.push(invalid(at, rest, 'must be a relative path'));
    if (rest.split('/').includes('..')) errs.push(invalid(at, rest, "must not contain '..'"));
    return errs;
  }
  return [invalid(at, p, 'must be a valid seccomp profile')];
}

/** ValidatePodSpecificAnnotations. */
export function validatePodSpecificAnnotations(annotations: Record<string, string> | undefined, spec: PodSpec | undefined, at: Path): FieldError[] {
  const a = annotations ?? {};
  const errs: FieldError[] = [];
  if (MIRROR_ANNOTATION in a && !spec?.nodeName) errs.push(invalid(at.key(MIRROR_ANNOTATION), a[MIRROR_ANNOTATION], 'must set spec.nodeName if mirror pod annotation is set'));
  if (DELETION_COST in a) {
    const v = a[DELETION_COST];
    const n = Number(v);
    if (!/^[-+]?[0-9]+$/.test(v) || n < -2147483648 || n > 2147483647) errs.push(invalid(at.key(DELETION_COST), v, 'must be a 32bit integer'));
  }
  if (SECCOMP_POD_ANNOTATION in a) errs.push(...validateSeccompAnnotationValue(a[SECCOMP_POD_ANNOTATION], at.child(SECCOMP_POD_ANNOTATION)));
  const names = new Set([...(spec?.containers ?? []), ...(spec?.initContainers ?? []), ...(spec?.ephemeralContainers ?? [])].map((c) => c?.name));
  for (const k of Object.keys(a).sort()) {
    if (k.startsWith(SECCOMP_CONTAINER_PREFIX)) errs.push(...validateSeccompAnnotationValue(a[k], at.child(k)));
    if (k.startsWith(APPARMOR_PREFIX)) {
      const container = k.slice(APPARMOR_PREFIX.length);
      if (!names.has(container)) errs.push(invalid(at.key(k), container, 'container not found'));
      const v = a[k];
      if (v && v !== 'runtime/default' && v !== 'unconfined' && !v.startsWith('localhost/')) errs.push(invalid(at.key(k), v, `invalid AppArmor profile name: ${JSON.stringify(v)}`));
    }
  }
  return errs;
}

/** ValidatePodTemplateSpec: template labels, annotations and spec; no ephemeral containers. */
export function validatePodTemplateSpec(template: PodTemplateSpec | undefined, at: Path, opts: PodValidationOptions = {}): FieldError[] {
  const t = (isObj(template) ? template : {}) as PodTemplateSpec;
  const meta = t.metadata ?? {};
  const errs = validateLabels(meta.labels, at.child('labels'));
  errs.push(...validateAnnotations(meta.annotations, at.child('annotations')));
  errs.push(...validatePodSpecificAnnotations(meta.annotations, t.spec, at.child('annotations')));
  errs.push(...validatePodSpec(t.spec, at.child('spec'), { ...opts, podMeta: undefined, resourceIsPod: false }));
  if ((t.spec?.ephemeralContainers ?? []).length > 0) errs.push(forbidden(at.child('spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  return errs;
}
