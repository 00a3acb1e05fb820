/**
 * Which entries the list shows. Component and "writes only" are applied here,
 * over the entries the panel holds; "only this object" needs the writes of
 * every entry, so the worker answers it (`timeline({object})`) and the panel
 * keeps those entries apart.
 */
import type { TimelineEntrySummary, TimelineQuery } from '../../../workers/timeline/types';

export interface ObjectFilter {
  /** metadata.uid (or store key) of the object. */
  object: string;
  /** How the filter chip names it: `Pod default/web-1`. */
  label: string;
}

export interface TimelineFilter {
  /** A component (`scheduler`), a group ending in `/` (`kubelet/`), or null for all. */
  component: string | null;
  object: ObjectFilter | null;
  writesOnly: boolean;
}

export const NO_FILTER: TimelineFilter = { component: null, object: null, writesOnly: false };

/** Mirrors the worker's TimelineQuery.component: exact name, or a prefix when it ends in `/`. */
export function componentMatches(filter: string | null, component: string): boolean {
  if (filter === null || filter === '') return true;
  return filter.endsWith('/') ? component.startsWith(filter) : component === filter;
}

export function entryMatches(f: TimelineFilter, e: TimelineEntrySummary): boolean {
  if (f.writesOnly && e.revisions.length === 0) return false;
  return componentMatches(f.component, e.component);
}

/** Entries that pass, keeping the input array when every entry does (no needless re-render). */
export function applyFilter(f: TimelineFilter, entries: readonly TimelineEntrySummary[]): readonly TimelineEntrySummary[] {
  if (f.component === null && !f.writesOnly) return entries;
  return entries.filter((e) => entryMatches(f, e));
}

export function isFiltered(f: TimelineFilter): boolean {
  return f.component !== null || f.object !== null || f.writesOnly;
}

/** The worker query for the object filter's own feed. */
export function objectQuery(f: TimelineFilter): TimelineQuery | null {
  return f.object ? { object: f.object.object } : null;
}

/**
 * The component menu: every component seen, sorted, with one `kubelet/`-style
 * group entry in front of each family that has several members.
 */
export function componentOptions(components: Iterable<string>): string[] {
  const names = new Set<string>();
  const families = new Map<string, number>();
  for (const c of components) {
    if (names.has(c)) continue;
    names.add(c);
    const slash = c.indexOf('/');
    if (slash > 0) {
      const fam = c.slice(0, slash + 1);
      families.set(fam, (families.get(fam) ?? 0) + 1);
    }
  }
  const out = [...names];
  for (const [fam, n] of families) if (n > 1) out.push(fam);
  return out.sort((a, b) => (a === b ? 0 : a.replace(/\/$/, '/ ') < b.replace(/\/$/, '/ ') ? -1 : 1));
}
