/**
 * Stand-in for workers/api/kinds/core/podSpec.ts until the core group lands:
 * the few SetDefaults_PodSpec / SetDefaults_Container defaults that the
 * workload validations depend on (restartPolicy above all), and the
 * container-list check. Mirrors pkg/apis/core/v1/defaults.go.
 */
import { required, type FieldError, type Path } from '../../../validation/field';
import { arrAt, ensureObj, isObj, setDefault, type Json } from './json';

function defaultContainer(c: Json): void {
  setDefault(c, 'terminationMessagePath', '/dev/termination-log');
  setDefault(c, 'terminationMessagePolicy', 'File');
  const image = typeof c.image === 'string' ? c.image : '';
  const lastSeg = image.slice(image.lastIndexOf('/') + 1);
  const tag = image.includes('@') ? '' : lastSeg.includes(':') ? lastSeg.slice(lastSeg.indexOf(':') + 1) : 'latest';
  setDefault(c, 'imagePullPolicy', tag === 'latest' ? 'Always' : 'IfNotPresent');
  setDefault(c, 'resources', {});
  for (const p of arrAt(c, 'ports') ?? []) if (isObj(p)) setDefault(p, 'protocol', 'TCP');
}

export function defaultPodTemplateSpec(template: Json): void {
  const spec = ensureObj(template, 'spec');
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'securityContext', {});
  setDefault(spec, 'schedulerName', 'default-scheduler');
  for (const k of ['containers', 'initContainers']) for (const c of arrAt(spec, k) ?? []) if (isObj(c)) defaultContainer(c);
}

export function validatePodTemplateSpec(template: unknown, at: Path): FieldError[] {
  const spec = isObj(template) ? template.spec : undefined;
  const containers = arrAt(spec, 'containers');
  return containers && containers.length ? [] : [required(at.child('spec', 'containers'), '')];
}
