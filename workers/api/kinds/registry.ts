/**
 * The kinds the API server serves, looked up by group/version/resource or
 * kind. Built-in kinds are fixed; CustomResourceDefinitions add and remove
 * entries at run time, so discovery listens for changes.
 */
import type { ResourceType } from './types';

const gvr = (group: string, version: string, plural: string) => `${group}/${version}/${plural}`;
const gvk = (group: string, version: string, kind: string) => `${group}/${version}/${kind}`;

export interface GroupInfo {
  group: string;
  /** Served versions, preferred first. */
  versions: string[];
}

export class Registry {
  private byResource = new Map<string, ResourceType>();
  private byKind = new Map<string, ResourceType>();
  private listeners = new Set<() => void>();
  private generation = 0;

  add(rt: ResourceType): void {
    this.byResource.set(gvr(rt.group, rt.version, rt.plural), rt);
    this.byKind.set(gvk(rt.group, rt.version, rt.kind), rt);
    this.changed();
  }

  remove(rt: ResourceType): void {
    this.byResource.delete(gvr(rt.group, rt.version, rt.plural));
    this.byKind.delete(gvk(rt.group, rt.version, rt.kind));
    this.changed();
  }

  lookup(group: string, version: string, plural: string): ResourceType | undefined {
    return this.byResource.get(gvr(group, version, plural));
  }

  lookupKind(group: string, version: string, kind: string): ResourceType | undefined {
    return this.byKind.get(gvk(group, version, kind));
  }

  /** Any served version of a group's kind (for messages and conversions). */
  kindInGroup(group: string, kind: string): ResourceType | undefined {
    for (const rt of this.byKind.values()) if (rt.group === group && rt.kind === kind) return rt;
    return undefined;
  }

  all(): ResourceType[] {
    return [...this.byResource.values()];
  }

  /** Groups in discovery order: core first, then built-in groups in registration order. */
  groups(): GroupInfo[] {
    const out = new Map<string, GroupInfo>();
    for (const rt of this.byResource.values()) {
      let gi = out.get(rt.group);
      if (!gi) out.set(rt.group, (gi = { group: rt.group, versions: [] }));
      if (!gi.versions.includes(rt.version)) gi.versions.push(rt.version);
    }
    for (const gi of out.values()) gi.versions.sort(compareVersionsPreferredFirst);
    return [...out.values()];
  }

  /** Bumped on every change; discovery caches key on it. */
  get version(): number {
    return this.generation;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.generation++;
    for (const l of this.listeners) l();
  }
}

/**
 * Kubernetes version priority (apimachinery/pkg/version CompareKubeAwareVersionStrings):
 * GA > beta > alpha, higher numbers first.
 */
export function compareVersionsPreferredFirst(a: string, b: string): number {
  const parse = (v: string) => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return { ok: false, major: 0, stage: 0, minor: 0 };
    return { ok: true, major: +m[1], stage: m[2] === 'alpha' ? 1 : m[2] === 'beta' ? 2 : 3, minor: m[3] ? +m[3] : 0 };
  };
  const x = parse(a);
  const y = parse(b);
  if (x.ok !== y.ok) return x.ok ? -1 : 1;
  if (!x.ok) return a < b ? -1 : a > b ? 1 : 0;
  if (x.stage !== y.stage) return y.stage - x.stage;
  if (x.major !== y.major) return y.major - x.major;
  return y.minor - x.minor;
}
