/**
 * Node names grouped by zone, listed round-robin across zones so that the
 * first nodes the scheduler evaluates are spread over zones
 * (pkg/scheduler/backend/cache/node_tree.go).
 */
import type { KubeObject } from '../api/object';

/** utilnode.GetZoneKey: region and zone from the well-known labels, "" when neither is set. */
export function zoneKey(node: KubeObject): string {
  const labels = (node.metadata.labels ?? {}) as Record<string, string>;
  const region = labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone = labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? '';
  if (!region && !zone) return '';
  return `${region}:\u0000:${zone}`;
}

export class NodeTree {
  private zones: string[] = [];
  private tree = new Map<string, string[]>();
  private zoneOf = new Map<string, string>();

  get size(): number {
    return this.zoneOf.size;
  }

  add(node: KubeObject): void {
    const name = node.metadata.name!;
    const zone = zoneKey(node);
    if (this.zoneOf.get(name) === zone) return;
    if (this.zoneOf.has(name)) this.remove(name);
    let names = this.tree.get(zone);
    if (!names) {
      this.tree.set(zone, (names = []));
      this.zones.push(zone);
    }
    names.push(name);
    this.zoneOf.set(name, zone);
  }

  remove(name: string): void {
    const zone = this.zoneOf.get(name);
    if (zone === undefined) return;
    this.zoneOf.delete(name);
    const names = this.tree.get(zone)!;
    names.splice(names.indexOf(name), 1);
    if (names.length === 0) {
      this.tree.delete(zone);
      this.zones.splice(this.zones.indexOf(zone), 1);
    }
  }

  /** Whether re-adding `node` would move it to another zone. */
  zoneChanged(node: KubeObject): boolean {
    return this.zoneOf.get(node.metadata.name!) !== zoneKey(node);
  }

  list(): string[] {
    const out: string[] = [];
    const lists = this.zones.map((z) => this.tree.get(z)!);
    for (let i = 0; out.length < this.zoneOf.size; i++) {
      for (const l of lists) if (i < l.length) out.push(l[i]);
    }
    return out;
  }
}
