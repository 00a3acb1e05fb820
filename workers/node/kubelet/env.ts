/**
 * A container's environment (pkg/kubelet/kubelet_pods.go
 * makeEnvironmentVariables): service variables first, then envFrom, then
 * env, each value expanded against what came before. A missing ConfigMap or
 * Secret is a CreateContainerConfigError with the kubelet's message.
 */
import type { Container, EnvVar } from 'kubernetes-types/core/v1';
import { expand } from './expansion';
import { fieldRefValue, resourceFieldValue, type DownwardContext } from './fieldRefs';
import { configMapData, configMapNotFound, secretData, secretNotFound, type ObjectSource } from './objects';

/** Variables in order; never mutated (containers of a namespace may share one list). */
export type EnvVars = readonly (readonly [string, string])[];
export type EnvResult = { ok: true; env: EnvVars } | { ok: false; message: string };

const NO_VARS: EnvVars = Object.freeze([]);

export function makeEnvironment(container: Container, ctx: DownwardContext, objects: ObjectSource, serviceEnv: EnvVars = NO_VARS): EnvResult {
  const ns = ctx.pod.metadata?.namespace ?? 'default';
  const vars = new Map<string, string>(serviceEnv);
  // Service variables only (most containers): the list itself is the answer, unless a name repeats.
  if (!container.envFrom?.length && !container.env?.length && vars.size === serviceEnv.length) return { ok: true, env: serviceEnv };
  const lookup = (n: string) => vars.get(n);

  for (const from of container.envFrom ?? []) {
    const prefix = from.prefix ?? '';
    if (from.configMapRef) {
      const name = from.configMapRef.name ?? '';
      const cm = objects.configMap(ns, name);
      if (!cm) {
        if (from.configMapRef.optional) continue;
        return { ok: false, message: configMapNotFound(name) };
      }
      const data = configMapData(cm);
      for (const k of Object.keys(data).sort()) vars.set(prefix + k, data[k]);
    } else if (from.secretRef) {
      const name = from.secretRef.name ?? '';
      const secret = objects.secret(ns, name);
      if (!secret) {
        if (from.secretRef.optional) continue;
        return { ok: false, message: secretNotFound(name) };
      }
      const data = secretData(secret);
      for (const k of Object.keys(data).sort()) vars.set(prefix + k, data[k]);
    }
  }

  for (const e of container.env ?? []) {
    const r = envValue(e, container, ctx, objects, ns, lookup);
    if (!r.ok) return r;
    if (r.value !== undefined) vars.set(e.name, r.value);
  }
  return { ok: true, env: [...vars] };
}

type VarResult = { ok: true; value: string | undefined } | { ok: false; message: string };

function envValue(e: EnvVar, container: Container, ctx: DownwardContext, objects: ObjectSource, ns: string, lookup: (n: string) => string | undefined): VarResult {
  const from = e.valueFrom;
  if (!from) return { ok: true, value: expand(e.value ?? '', lookup) };
  if (from.fieldRef) {
    const r = fieldRefValue(from.fieldRef.fieldPath, ctx);
    return r.ok ? { ok: true, value: r.value } : r;
  }
  if (from.resourceFieldRef) {
    const target = from.resourceFieldRef.containerName ? findContainer(ctx, from.resourceFieldRef.containerName) : container;
    const r = resourceFieldValue(from.resourceFieldRef as { resource: string; divisor?: string }, target, ctx);
    return r.ok ? { ok: true, value: r.value } : r;
  }
  if (from.configMapKeyRef) {
    const { name = '', key, optional } = from.configMapKeyRef;
    const cm = objects.configMap(ns, name);
    if (!cm) return optional ? { ok: true, value: undefined } : { ok: false, message: configMapNotFound(name) };
    const data = configMapData(cm);
    if (!(key in data)) return optional ? { ok: true, value: undefined } : { ok: false, message: `couldn't find key ${key} in ConfigMap ${ns}/${name}` };
    return { ok: true, value: data[key] };
  }
  if (from.secretKeyRef) {
    const { name = '', key, optional } = from.secretKeyRef;
    const secret = objects.secret(ns, name);
    if (!secret) return optional ? { ok: true, value: undefined } : { ok: false, message: secretNotFound(name) };
    const data = secretData(secret);
    if (!(key in data)) return optional ? { ok: true, value: undefined } : { ok: false, message: `couldn't find key ${key} in Secret ${ns}/${name}` };
    return { ok: true, value: data[key] };
  }
  return { ok: true, value: undefined };
}

function findContainer(ctx: DownwardContext, name: string): Container | undefined {
  const spec = ctx.pod.spec;
  return [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])].find((c) => c.name === name);
}

/** Command and args with `$(VAR)` references to the final environment expanded. */
export function expandCommand(container: Container, env: EnvVars): { command?: string[]; args?: string[] } {
  if (!container.command && !container.args) return { command: undefined, args: undefined };
  const m = new Map(env);
  const lookup = (n: string) => m.get(n);
  return {
    command: container.command?.map((s) => expand(s, lookup)),
    args: container.args?.map((s) => expand(s, lookup)),
  };
}
