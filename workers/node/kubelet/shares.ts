/**
 * Shared copies of what many containers of a node are given alike. Every
 * container started gets its values computed then (the service variables
 * as upstream's getServiceEnvVarMap does, pkg/kubelet/kubelet_pods.go, and
 * its resolv.conf); when a value equals one handed out before, the earlier
 * one (its arrays and strings) is given instead, so a hundred pods of a
 * namespace hold one copy and not a hundred. These are shares, not caches:
 * the value is always computed, only its storage is shared.
 */
import type { EnvVars } from './env';

/** Distinct values remembered at most per kind; past it the memory starts afresh. */
export const MAX_SHARED = 64;

export class ServiceEnvShare {
  /** By namespace: lists with service links enabled, and without (master services only). */
  private readonly withLinks = new Map<string, EnvVars>();
  private readonly withoutLinks = new Map<string, EnvVars>();

  /** `vars`, or an equal list handed out before for the same namespace and setting. */
  share(namespace: string, enableServiceLinks: boolean, vars: EnvVars): EnvVars {
    const m = enableServiceLinks ? this.withLinks : this.withoutLinks;
    const prev = m.get(namespace);
    if (prev && samePairs(prev, vars)) return prev;
    if (!prev && m.size >= MAX_SHARED) m.clear();
    const frozen = Object.isFrozen(vars) ? vars : Object.freeze(vars);
    m.set(namespace, frozen);
    return frozen;
  }

  get size(): number {
    return this.withLinks.size + this.withoutLinks.size;
  }
}

function samePairs(a: EnvVars, b: EnvVars): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i][0] !== b[i][0] || a[i][1] !== b[i][1]) return false;
  return true;
}

/** Equal texts as one string (and one flat one: texts built by concatenation are trees of parts). */
export class TextShare {
  private readonly texts = new Map<string, string>();

  share<T extends string | undefined>(text: T): T {
    if (text === undefined) return text;
    const prev = this.texts.get(text);
    if (prev !== undefined) return prev as T;
    if (this.texts.size >= MAX_SHARED) this.texts.clear();
    this.texts.set(text, text);
    return text;
  }

  get size(): number {
    return this.texts.size;
  }
}
