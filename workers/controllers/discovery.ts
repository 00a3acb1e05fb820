/**
 * What the garbage collector and the namespace controller learn from
 * discovery: the served resources, one version per group and resource, the
 * preferred one (client-go discovery.ServerPreferredResources). The API
 * server's kinds Registry satisfies `Discovery`; CRDs come and go at run
 * time, so callers may listen for changes.
 */
import type { ResourceType, Verb } from '../api/kinds/types';
import { ALL_VERBS } from '../api/kinds/types';

export interface Discovery {
  all(): ResourceType[];
  groups(): { group: string; versions: string[] }[];
  lookupKind(group: string, version: string, kind: string): ResourceType | undefined;
  kindInGroup(group: string, kind: string): ResourceType | undefined;
  lookup(group: string, version: string, plural: string): ResourceType | undefined;
  onChange(listener: () => void): () => void;
}

export function verbsOf(rt: ResourceType): readonly Verb[] {
  return rt.verbs ?? ALL_VERBS;
}

export function supportsAll(rt: ResourceType, verbs: readonly Verb[]): boolean {
  const have = verbsOf(rt);
  return verbs.every((v) => have.includes(v));
}

/**
 * One entry per group/resource, from the group's most preferred version that
 * serves it. Views of another stored kind (autoscaling/v1 HPAs) are left out:
 * their objects are the stored kind's.
 */
export function preferredResources(d: Discovery): ResourceType[] {
  const all = d.all();
  const out: ResourceType[] = [];
  const seen = new Set<string>();
  for (const g of d.groups()) {
    for (const v of g.versions) {
      for (const rt of all) {
        if (rt.group !== g.group || rt.version !== v || rt.conversion) continue;
        const k = `${rt.group}/${rt.plural}`;
        if (seen.has(k)) continue;
        seen.add(k);
        out.push(rt);
      }
    }
  }
  return out;
}

/** `pods` / `deployments.apps`: how upstream names a GroupResource in messages. */
export function groupResource(rt: { plural: string; group: string }): string {
  return rt.group ? `${rt.plural}.${rt.group}` : rt.plural;
}
