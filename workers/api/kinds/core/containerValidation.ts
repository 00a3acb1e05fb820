/**
 * Containers, init containers (incl. sidecars, `restartPolicy: Always`) and
 * ephemeral containers: validateContainers, validateInitContainers,
 * validateContainerCommon and friends in pkg/apis/core/validation/validation.go.
 */
import type { Container, ContainerPort, Lifecycle, Probe, SecurityContext, VolumeDevice, VolumeMount } from 'kubernetes-types/core/v1';
import { type FieldError, type Path, forbidden, invalid, notFound, notSupported, required } from '../../validation/field';
import { isHTTPHeaderName, isValidGroupID, isValidPortName, isValidPortNum, isValidUserID } from '../../validation/formats';
import { isDNS1123Label, isDNS1123Subdomain } from '../../validation/names';
import { validateNonnegativeField } from '../../validation/objectMeta';
import { validateEnv, validateEnvFrom } from './envValidation';
import { duplicateRendered } from './goErrors';
import { validateContainerResourceRequirements } from './resources';
import { type VolumeInfo, validateLocalDescendingPath, validatePathNoBacksteps, validatePullPolicyValue } from './volumes';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const SUPPORTED_PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

export interface ContainerContext {
  volumes: VolumeInfo;
  podClaimNames: Set<string>;
  gracePeriod: number | undefined;
  podRestartPolicy: string;
  hostUsers: boolean;
}

export function validateDNS1123Label(value: string, at: Path): FieldError[] {
  return isDNS1123Label(value).map((m) => invalid(at, value, m));
}

export function validateContainerPorts(ports: ContainerPort[] | undefined, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const p = at.index(i);
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length) for (const m of msgs) errs.push(invalid(p.child('name'), port.name, m));
      else if (names.has(port.name)) errs.push(duplicateRendered(p.child('name'), JSON.stringify(port.name)));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(required(p.child('containerPort'), ''));
    else for (const m of isValidPortNum(port.containerPort)) errs.push(invalid(p.child('containerPort'), port.containerPort, m));
    if (port.hostPort) for (const m of isValidPortNum(port.hostPort)) errs.push(invalid(p.child('hostPort'), port.hostPort, m));
    if (!port.protocol) errs.push(required(p.child('protocol'), ''));
    else if (!SUPPORTED_PORT_PROTOCOLS.includes(port.protocol)) errs.push(notSupported(p.child('protocol'), port.protocol, SUPPORTED_PORT_PROTOCOLS));
  });
  return errs;
}

function validateVolumeMounts(mounts: VolumeMount[] | undefined, devices: VolumeDevice[] | undefined, vols: VolumeInfo, container: Container, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const mountpoints = new Set<string>();
  const devByName = new Map((devices ?? []).map((d) => [d.name, d.devicePath]));
  const devPaths = new Set((devices ?? []).map((d) => d.devicePath));
  (mounts ?? []).forEach((mnt, i) => {
    const p = at.index(i);
    const name = mnt.name ?? '';
    const mountPath = mnt.mountPath ?? '';
    if (!name) errs.push(required(p.child('name'), ''));
    if (!vols.byName.has(name)) errs.push(notFound(p.child('name'), name));
    if (!mountPath) errs.push(required(p.child('mountPath'), ''));
    if (mountpoints.has(mountPath)) errs.push(invalid(p.child('mountPath'), mountPath, 'must be unique'));
    mountpoints.add(mountPath);
    if (devByName.has(name)) errs.push(invalid(p.child('name'), name, 'must not already exist in volumeDevices'));
    if (devPaths.has(mountPath)) errs.push(invalid(p.child('mountPath'), mountPath, 'must not already exist as a path in volumeDevices'));
    if (vols.byName.get(name)?.isImage) {
      if (mnt.subPath) errs.push(invalid(p.child('subPath'), mnt.subPath, 'not allowed in image volume sources'));
      if (mnt.subPathExpr) errs.push(invalid(p.child('subPathExpr'), mnt.subPathExpr, 'not allowed in image volume sources'));
    }
    // Upstream reports subPath problems against the list path, not the item.
    if (mnt.subPath) errs.push(...validateLocalDescendingPath(mnt.subPath, at.child('subPath')));
    if (mnt.subPathExpr) {
      if (mnt.subPath) errs.push(invalid(p.child('subPathExpr'), mnt.subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
      errs.push(...validateLocalDescendingPath(mnt.subPathExpr, at.child('subPathExpr')));
    }
    if (mnt.mountPropagation !== undefined) {
      const prop = at.child('mountPropagation');
      const supported = ['Bidirectional', 'HostToContainer', 'None'];
      if (!supported.includes(mnt.mountPropagation)) errs.push(notSupported(prop, mnt.mountPropagation, supported));
      if (mnt.mountPropagation === 'Bidirectional' && !container.securityContext?.privileged) {
        errs.push(forbidden(prop, 'Bidirectional mount propagation is available only to privileged containers'));
      }
    }
    const rro = (mnt as unknown as Obj).recursiveReadOnly;
    if (rro !== undefined) {
      const rp = at.child('recursiveReadOnly');
      if (rro === 'Enabled' || rro === 'IfPossible') {
        if (!mnt.readOnly) errs.push(forbidden(rp, 'may only be specified when readOnly is true'));
        if (mnt.mountPropagation && mnt.mountPropagation !== 'None') errs.push(forbidden(rp, 'may only be specified when mountPropagation is None or not specified'));
      } else if (rro !== 'Disabled') {
        errs.push(notSupported(rp, rro, ['Disabled', 'Enabled', 'IfPossible']));
      }
    }
  });
  return errs;
}

function validateVolumeDevices(devices: VolumeDevice[] | undefined, mounts: VolumeMount[] | undefined, vols: VolumeInfo, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const paths = new Set<string>();
  const names = new Set<string>();
  const mountNames = new Set((mounts ?? []).map((m) => m.name));
  const mountPaths = new Set((mounts ?? []).map((m) => m.mountPath));
  (devices ?? []).forEach((dev, i) => {
    const p = at.index(i);
    const name = dev.name ?? '';
    const path = dev.devicePath ?? '';
    const vol = vols.byName.get(name);
    if (!name) errs.push(required(p.child('name'), ''));
    if (names.has(name)) errs.push(invalid(p.child('name'), name, 'must be unique'));
    if (vol && !vol.isPVC) errs.push(invalid(p.child('name'), name, 'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode'));
    if (!vol) errs.push(notFound(p.child('name'), name));
    if (!path) errs.push(required(p.child('devicePath'), ''));
    if (paths.has(path)) errs.push(invalid(p.child('devicePath'), path, 'must be unique'));
    if (path && validatePathNoBacksteps(path, p).length) errs.push(invalid(p.child('devicePath'), path, "can not contain backsteps ('..')"));
    else paths.add(path);
    if (mountNames.has(name)) errs.push(invalid(p.child('name'), name, 'must not already exist in volumeMounts'));
    if (mountPaths.has(path)) errs.push(invalid(p.child('devicePath'), path, 'must not already exist as a path in volumeMounts'));
    if (name) names.add(name);
  });
  return errs;
}

function validatePortNumOrName(port: unknown, at: Path): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalid(at, port, m));
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(at, port, m));
  return [{ type: 'InternalError', field: at.toString(), detail: `unknown type: ${port === undefined ? 0 : typeof port}` }];
}

/** validateHandler: exactly one of exec/httpGet/tcpSocket/grpc (probes) or sleep (lifecycle). */
function validateHandler(h: Obj, kinds: readonly string[], gracePeriod: number | undefined, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  for (const kind of kinds) {
    const v = h[kind];
    if (v === undefined || v === null) continue;
    if (n > 0) {
      errs.push(forbidden(at.child(kind), 'may not specify more than 1 handler type'));
      continue;
    }
    n++;
    const a = isObj(v) ? v : {};
    const p = at.child(kind);
    switch (kind) {
      case 'exec':
        if (!Array.isArray(a.command) || a.command.length === 0) errs.push(required(p.child('command'), ''));
        break;
      case 'httpGet': {
        if (!a.path) errs.push(required(p.child('path'), ''));
        errs.push(...validatePortNumOrName(a.port, p.child('port')));
        if (a.scheme !== 'HTTP' && a.scheme !== 'HTTPS') errs.push(notSupported(p.child('scheme'), a.scheme ?? '', ['HTTP', 'HTTPS']));
        for (const hdr of Array.isArray(a.httpHeaders) ? a.httpHeaders : []) {
          const name = isObj(hdr) && typeof hdr.name === 'string' ? hdr.name : '';
          for (const m of isHTTPHeaderName(name)) errs.push(invalid(p.child('httpHeaders'), name, m));
        }
        break;
      }
      case 'tcpSocket':
        errs.push(...validatePortNumOrName(a.port, p.child('port')));
        break;
      case 'grpc':
        errs.push(...validatePortNumOrName(typeof a.port === 'number' ? a.port : 0, p.child('port')));
        break;
      case 'sleep': {
        const s = typeof a.seconds === 'number' ? a.seconds : 0;
        // AllowPodLifecycleSleepActionZeroValue is alpha (off) in v1.32.
        if (gracePeriod !== undefined && (s <= 0 || s > gracePeriod)) {
          errs.push(
            invalid(
              p,
              s,
              `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`,
            ),
          );
        }
        break;
      }
    }
  }
  if (n === 0) errs.push(required(at, 'must specify a handler type'));
  return errs;
}

const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
const LIFECYCLE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;

function validateProbe(probe: Probe, gracePeriod: number | undefined, at: Path): FieldError[] {
  const errs = validateHandler(probe as Obj, PROBE_HANDLERS, gracePeriod, at);
  errs.push(...validateNonnegativeField(probe.initialDelaySeconds ?? 0, at.child('initialDelaySeconds')));
  errs.push(...validateNonnegativeField(probe.timeoutSeconds ?? 0, at.child('timeoutSeconds')));
  errs.push(...validateNonnegativeField(probe.periodSeconds ?? 0, at.child('periodSeconds')));
  errs.push(...validateNonnegativeField(probe.successThreshold ?? 0, at.child('successThreshold')));
  errs.push(...validateNonnegativeField(probe.failureThreshold ?? 0, at.child('failureThreshold')));
  const tgps = probe.terminationGracePeriodSeconds;
  if (tgps !== undefined && tgps !== null && tgps <= 0) errs.push(invalid(at.child('terminationGracePeriodSeconds'), tgps, 'must be greater than 0'));
  return errs;
}

function validateProbes(c: Container, gracePeriod: number | undefined, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (c.livenessProbe) {
    const p = at.child('livenessProbe');
    errs.push(...validateProbe(c.livenessProbe, gracePeriod, p));
    if (c.livenessProbe.successThreshold !== 1) errs.push(invalid(p.child('successThreshold'), c.livenessProbe.successThreshold ?? 0, 'must be 1'));
  }
  if (c.readinessProbe) {
    const p = at.child('readinessProbe');
    errs.push(...validateProbe(c.readinessProbe, gracePeriod, p));
    const t = c.readinessProbe.terminationGracePeriodSeconds;
    if (t !== undefined && t !== null) errs.push(invalid(p.child('terminationGracePeriodSeconds'), t, 'must not be set for readinessProbes'));
  }
  if (c.startupProbe) {
    const p = at.child('startupProbe');
    errs.push(...validateProbe(c.startupProbe, gracePeriod, p));
    if (c.startupProbe.successThreshold !== 1) errs.push(invalid(p.child('successThreshold'), c.startupProbe.successThreshold ?? 0, 'must be 1'));
  }
  return errs;
}

function validateLifecycle(l: Lifecycle, gracePeriod: number | undefined, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (l.postStart) errs.push(...validateHandler(l.postStart as Obj, LIFECYCLE_HANDLERS, gracePeriod, at.child('postStart')));
  if (l.preStop) errs.push(...validateHandler(l.preStop as Obj, LIFECYCLE_HANDLERS, gracePeriod, at.child('preStop')));
  return errs;
}

export function validateSeccompProfile(sp: unknown, at: Path): FieldError[] {
  if (!isObj(sp)) return [];
  const errs: FieldError[] = [];
  const types = ['Localhost', 'RuntimeDefault', 'Unconfined'];
  if (!sp.type) errs.push(required(at.child('type'), 'type is required when seccompProfile is set'));
  else if (!types.includes(String(sp.type))) errs.push(notSupported(at.child('type'), sp.type, types));
  if (sp.type === 'Localhost') {
    if (sp.localhostProfile === undefined) errs.push(required(at.child('localhostProfile'), 'must be set when seccomp type is Localhost'));
    else errs.push(...validateLocalDescendingPath(String(sp.localhostProfile), at.child('localhostProfile')));
  } else if (sp.localhostProfile !== undefined) {
    errs.push(invalid(at.child('localhostProfile'), sp, 'can only be set when seccomp type is Localhost'));
  }
  return errs;
}

export function validateAppArmorProfile(p: unknown, at: Path): FieldError[] {
  if (!isObj(p)) return [];
  const types = ['Localhost', 'RuntimeDefault', 'Unconfined'];
  switch (p.type) {
    case 'Localhost': {
      const lp = p.localhostProfile;
      if (typeof lp !== 'string') return [required(at.child('localhostProfile'), 'must be set when AppArmor type is Localhost')];
      if (lp.trim() !== lp) return [invalid(at.child('localhostProfile'), lp, 'must not be padded with whitespace')];
      if (lp === '') return [required(at.child('localhostProfile'), 'must be set when AppArmor type is Localhost')];
      return [];
    }
    case 'RuntimeDefault':
    case 'Unconfined':
      return p.localhostProfile !== undefined ? [invalid(at.child('localhostProfile'), p.localhostProfile, 'can only be set when AppArmor type is Localhost')] : [];
    case undefined:
    case '':
      return [required(at.child('type'), 'type is required when appArmorProfile is set')];
    default:
      return [notSupported(at.child('type'), p.type, types)];
  }
}

export function validateWindowsOptions(w: unknown, at: Path): FieldError[] {
  if (!isObj(w)) return [];
  const errs: FieldError[] = [];
  if (typeof w.gmsaCredentialSpecName === 'string') {
    for (const m of isDNS1123Subdomain(w.gmsaCredentialSpecName)) errs.push(invalid(at.child('gmsaCredentialSpecName'), w.gmsaCredentialSpecName, m));
  }
  if (w.runAsUserName === '') errs.push(invalid(at.child('runAsUserName'), '', 'runAsUserName cannot be an empty string'));
  return errs;
}

function validateSecurityContext(sc: SecurityContext | undefined, at: Path, hostUsers: boolean): FieldError[] {
  if (!sc) return [];
  const errs: FieldError[] = [];
  if (sc.runAsUser !== undefined && sc.runAsUser !== null) for (const m of isValidUserID(sc.runAsUser)) errs.push(invalid(at.child('runAsUser'), sc.runAsUser, m));
  if (sc.runAsGroup !== undefined && sc.runAsGroup !== null) for (const m of isValidGroupID(sc.runAsGroup)) errs.push(invalid(at.child('runAsGroup'), sc.runAsGroup, m));
  if (sc.procMount !== undefined) {
    if (sc.procMount !== 'Default' && sc.procMount !== 'Unmasked') errs.push(notSupported(at.child('procMount'), sc.procMount, ['Default', 'Unmasked']));
    if (hostUsers && sc.procMount === 'Unmasked') errs.push(invalid(at.child('procMount'), sc.procMount, '`hostUsers` must be false to use `Unmasked`'));
  }
  errs.push(...validateSeccompProfile(sc.seccompProfile, at.child('seccompProfile')));
  if (sc.allowPrivilegeEscalation === false) {
    if (sc.privileged) errs.push(invalid(at, sc, 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'));
    for (const cap of sc.capabilities?.add ?? []) {
      if (cap === 'CAP_SYS_ADMIN') errs.push(invalid(at, sc, 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN'));
    }
  }
  errs.push(...validateWindowsOptions(sc.windowsOptions, at.child('windowsOptions')));
  errs.push(...validateAppArmorProfile((sc as unknown as Obj).appArmorProfile, at.child('appArmorProfile')));
  return errs;
}

function validateResizePolicy(list: unknown, at: Path, podRestartPolicy: string): FieldError[] {
  if (!Array.isArray(list)) return [];
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  list.forEach((raw, i) => {
    const p = isObj(raw) ? raw : {};
    const name = String(p.resourceName ?? '');
    if (seen.has(name)) errs.push(duplicateRendered(at.index(i), JSON.stringify(name)));
    seen.add(name);
    if (!name) errs.push(required(at, ''));
    else if (name !== 'cpu' && name !== 'memory') errs.push(notSupported(at, name, ['cpu', 'memory']));
    const rp = String(p.restartPolicy ?? '');
    if (!rp) errs.push(required(at, ''));
    else if (rp !== 'NotRequired' && rp !== 'RestartContainer') errs.push(notSupported(at, rp, ['NotRequired', 'RestartContainer']));
    if (podRestartPolicy === 'Never' && rp !== 'NotRequired') errs.push(invalid(at, rp, "must be 'NotRequired' when `restartPolicy` is 'Never'"));
  });
  return errs;
}

function validateContainerCommon(c: Container, ctx: ContainerContext, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(required(at.child('name'), ''));
  else errs.push(...validateDNS1123Label(c.name, at.child('name')));
  if (!c.image) errs.push(required(at.child('image'), ''));
  const tmp = c.terminationMessagePolicy;
  if (!tmp) errs.push(required(at.child('terminationMessagePolicy'), ''));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') errs.push(notSupported(at.child('terminationMessagePolicy'), tmp, ['File', 'FallbackToLogsOnError']));
  errs.push(...validateContainerPorts(c.ports, at.child('ports')));
  errs.push(...validateEnv(c.env, at.child('env')));
  errs.push(...validateEnvFrom(c.envFrom, at.child('envFrom')));
  errs.push(...validateVolumeMounts(c.volumeMounts, c.volumeDevices, ctx.volumes, c, at.child('volumeMounts')));
  errs.push(...validateVolumeDevices(c.volumeDevices, c.volumeMounts, ctx.volumes, at.child('volumeDevices')));
  errs.push(...validatePullPolicyValue(c.imagePullPolicy, at.child('imagePullPolicy')));
  errs.push(...validateContainerResourceRequirements(c.resources, ctx.podClaimNames, at.child('resources')));
  errs.push(...validateResizePolicy((c as unknown as Obj).resizePolicy, at.child('resizePolicy'), ctx.podRestartPolicy));
  errs.push(...validateSecurityContext(c.securityContext, at.child('securityContext'), ctx.hostUsers));
  return errs;
}

/** AccumulateUniqueHostPorts: `protocol/hostIP/port` must be unique. */
function checkHostPortConflicts(containers: Container[], at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) => {
    (c.ports ?? []).forEach((port, pi) => {
      if (!port.hostPort) return;
      const key = `${port.protocol ?? ''}/${port.hostIP ?? ''}/${port.hostPort}`;
      if (seen.has(key)) errs.push(duplicateRendered(at.index(ci).child('ports').index(pi).child('hostPort'), JSON.stringify(key)));
      else seen.add(key);
    });
  });
  return errs;
}

const asContainers = (list: unknown): Container[] => (Array.isArray(list) ? list.map((c) => (isObj(c) ? (c as unknown as Container) : ({} as Container))) : []);

export function validateContainers(list: unknown, ctx: ContainerContext, at: Path): FieldError[] {
  const containers = asContainers(list);
  if (containers.length === 0) return [required(at, '')];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = at.index(i);
    errs.push(...validateContainerCommon(c, ctx, p));
    if (names.has(c.name)) errs.push(duplicateRendered(p.child('name'), JSON.stringify(c.name ?? '')));
    else names.add(c.name);
    if (c.lifecycle) errs.push(...validateLifecycle(c.lifecycle, ctx.gracePeriod, p.child('lifecycle')));
    errs.push(...validateProbes(c, ctx.gracePeriod, p));
    if (c.restartPolicy !== undefined) errs.push(forbidden(p.child('restartPolicy'), 'may not be set for non-init containers'));
  });
  errs.push(...checkHostPortConflicts(containers, at));
  return errs;
}

export function validateInitContainers(list: unknown, regular: unknown, ctx: ContainerContext, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set(asContainers(regular).map((c) => c.name));
  asContainers(list).forEach((c, i) => {
    const p = at.index(i);
    errs.push(...validateContainerCommon(c, ctx, p));
    let restartAlways = false;
    if (c.restartPolicy !== undefined) {
      if (c.restartPolicy !== 'Always') errs.push(notSupported(p.child('restartPolicy'), c.restartPolicy, ['Always']));
      restartAlways = c.restartPolicy === 'Always';
    }
    if (names.has(c.name)) errs.push(duplicateRendered(p.child('name'), JSON.stringify(c.name ?? '')));
    else if (c.name) names.add(c.name);
    errs.push(...checkHostPortConflicts([c], at));
    if (restartAlways) {
      if (c.lifecycle) errs.push(...validateLifecycle(c.lifecycle, ctx.gracePeriod, p.child('lifecycle')));
      errs.push(...validateProbes(c, ctx.gracePeriod, p));
    } else {
      const msg = 'may not be set for init containers without restartPolicy=Always';
      if (c.lifecycle) errs.push(forbidden(p.child('lifecycle'), msg));
      if (c.livenessProbe) errs.push(forbidden(p.child('livenessProbe'), msg));
      if (c.readinessProbe) errs.push(forbidden(p.child('readinessProbe'), msg));
      if (c.startupProbe) errs.push(forbidden(p.child('startupProbe'), msg));
    }
    const rp = (c as unknown as Obj).resizePolicy;
    if (Array.isArray(rp) && rp.length > 0) errs.push(invalid(p.child('resizePolicy'), rp, 'must not be set for init containers'));
  });
  return errs;
}

const EPHEMERAL_FORBIDDEN = ['ports', 'resources', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'resizePolicy', 'restartPolicy'];

export function validateEphemeralContainers(list: unknown, containers: unknown, initContainers: unknown, ctx: ContainerContext, at: Path): FieldError[] {
  const ecs = asContainers(list);
  if (ecs.length === 0) return [];
  const errs: FieldError[] = [];
  const other = new Set([...asContainers(containers), ...asContainers(initContainers)].map((c) => c.name));
  const all = new Set(other);
  ecs.forEach((ec, i) => {
    const p = at.index(i);
    errs.push(...validateContainerCommon(ec, ctx, p));
    if (ec.image && ec.image.trim() !== ec.image) errs.push(invalid(p.child('image'), ec.image, 'must not have leading or trailing whitespace'));
    if (all.has(ec.name)) errs.push(duplicateRendered(p.child('name'), JSON.stringify(ec.name ?? '')));
    else all.add(ec.name);
    const target = (ec as unknown as Obj).targetContainerName;
    if (typeof target === 'string' && target && !other.has(target)) errs.push(notFound(p.child('targetContainerName'), target));
    for (const f of EPHEMERAL_FORBIDDEN) {
      const v = (ec as unknown as Obj)[f];
      const set = v !== undefined && v !== null && !(isObj(v) && Object.keys(v).length === 0) && !(Array.isArray(v) && v.length === 0);
      if (set) errs.push(forbidden(p.child(f), 'cannot be set for an Ephemeral Container'));
    }
    (ec.volumeMounts ?? []).forEach((vm, j) => {
      if (vm.subPath) errs.push(forbidden(p.child('volumeMounts').index(j).child('subPath'), 'cannot be set for an Ephemeral Container'));
      if (vm.subPathExpr) errs.push(forbidden(p.child('volumeMounts').index(j).child('subPathExpr'), 'cannot be set for an Ephemeral Container'));
    });
  });
  return errs;
}

/** validateContainersOnlyForPod: pods (not templates) reject padded image names. */
export function validateContainersOnlyForPod(list: unknown, at: Path): FieldError[] {
  const errs: FieldError[] = [];
  asContainers(list).forEach((c, i) => {
    if (typeof c.image === 'string' && c.image.trim() !== c.image) errs.push(invalid(at.index(i).child('image'), c.image, 'must not have leading or trailing whitespace'));
  });
  return errs;
}
