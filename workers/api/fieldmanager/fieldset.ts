/**
 * A set of field paths as a tree, mirroring structured-merge-diff's
 * fieldpath.Set: `members` are the path elements owned at this level,
 * `children` the subtrees below (being a child does not imply membership).
 * Sets are treated as immutable once built (only builders call insert);
 * operations return new sets, or the operand itself when nothing changes.
 */
import { comparePE, parsePE, type Path, type PathElement } from './pathElement';

interface Child {
  pe: PathElement;
  set: FieldSet;
}

// Every write builds and compares a few of these trees, so their maps are
// created only when something goes in.
const NO_MEMBERS: ReadonlyMap<string, PathElement> = new Map();
const NO_CHILDREN: ReadonlyMap<string, Child> = new Map();

/**
 * The `{}` of every FieldsV1 leaf and `"."` marker: one frozen object, so
 * stored managedFields do not each hold dozens of empty objects (stored
 * objects are immutable; interned subtrees are shared the same way).
 */
export const LEAF: Record<string, unknown> = Object.freeze({});

export class FieldSet {
  /** serialized path element → element */
  private m?: Map<string, PathElement>;
  private c?: Map<string, Child>;
  /** The FieldsV1 object this set was decoded from or last encoded to (managers.ts). */
  encoded?: Record<string, unknown>;
  /**
   * A FieldsV1 level not read yet (see `lazy`): its members and subtrees are
   * read on first use, so a write that touches only `status` never reads
   * the spec fields another manager owns.
   */
  private raw?: Record<string, unknown>;

  private get members(): ReadonlyMap<string, PathElement> {
    if (this.raw) this.load();
    return this.m ?? NO_MEMBERS;
  }

  private get children(): ReadonlyMap<string, Child> {
    if (this.raw) this.load();
    return this.c ?? NO_CHILDREN;
  }

  /**
   * A set read level by level from a FieldsV1 object that this server
   * emitted itself (so it is known to be well formed, in canonical order,
   * without unknown path elements, and with no empty subtrees).
   */
  static lazy(fieldsV1: Record<string, unknown>): FieldSet {
    const s = new FieldSet();
    s.raw = fieldsV1;
    return s;
  }

  private load(): void {
    const raw = this.raw!;
    this.raw = undefined;
    for (const key in raw) {
      if (key === '.') continue;
      const pe = parsePE(key) as PathElement;
      const val = raw[key] as Record<string, unknown>;
      let self = false;
      let below = false;
      for (const k in val) {
        if (k === '.') self = true;
        else below = true;
        if (self && below) break;
      }
      if (self || !below) this.setMember(pe);
      if (below) this.setChild(pe.key, { pe, set: FieldSet.lazy(val) });
    }
  }

  /** A lazy level holds something unless it has no key but "." (emitted subtrees are never empty). */
  private get rawEmpty(): boolean {
    for (const k in this.raw) if (k !== '.') return false;
    return true;
  }

  private setMember(pe: PathElement): void {
    (this.m ??= new Map()).set(pe.key, pe);
  }

  private setChild(key: string, child: Child): void {
    (this.c ??= new Map()).set(key, child);
  }

  static of(...paths: Path[]): FieldSet {
    const s = new FieldSet();
    for (const p of paths) s.insert(p);
    return s;
  }

  /** Adds `p` (not its parents). The empty path is the whole object, which nobody owns. */
  insert(p: Path): void {
    const n = p.length;
    if (n === 0) return;
    if (this.raw) this.load();
    this.encoded = undefined;
    let s: FieldSet = this;
    for (let i = 0; i < n - 1; i++) {
      s.json = s.jsonSelf = undefined;
      const pe = p[i];
      if (s.raw) s.load();
      let c = s.c?.get(pe.key);
      if (!c) {
        c = { pe, set: new FieldSet() };
        s.setChild(pe.key, c);
      }
      s = c.set;
    }
    if (s.raw) s.load();
    s.json = s.jsonSelf = undefined;
    s.setMember(p[n - 1]);
  }

  /** Hangs a freshly built subtree under `pe` (decoding only). */
  adopt(pe: PathElement, set: FieldSet): void {
    if (this.raw) this.load();
    this.encoded = this.json = this.jsonSelf = undefined;
    const c = this.c?.get(pe.key);
    this.setChild(pe.key, { pe, set: c ? c.set.union(set) : set });
  }

  private addChild(key: string, pe: PathElement, set: FieldSet): void {
    if (!set.empty()) this.setChild(key, { pe, set });
  }

  hasMember(pe: PathElement): boolean {
    if (this.raw) this.load();
    return this.m !== undefined && this.m.has(pe.key);
  }

  has(p: Path): boolean {
    if (p.length === 0) return false;
    let s: FieldSet | undefined = this;
    for (let i = 0; i < p.length - 1 && s; i++) {
      if (s.raw) s.load();
      s = s.c?.get(p[i].key)?.set;
    }
    return !!s && s.hasMember(p[p.length - 1]);
  }

  /** The subtree under `pe` (empty when there is none). */
  withPrefix(pe: PathElement): FieldSet {
    if (this.raw) this.load();
    return this.c?.get(pe.key)?.set ?? new FieldSet();
  }

  /** The subtree under `pe`, or undefined when there is none. */
  withPrefixOrUndefined(pe: PathElement): FieldSet | undefined {
    if (this.raw) this.load();
    const c = this.c?.get(pe.key);
    return c && !c.set.empty() ? c.set : undefined;
  }

  private get bare(): boolean {
    if (this.raw) return this.rawEmpty;
    return this.members.size === 0 && this.children.size === 0;
  }

  empty(): boolean {
    if (this.raw) return this.rawEmpty;
    if (this.members.size > 0) return false;
    for (const c of this.children.values()) if (!c.set.empty()) return false;
    return true;
  }

  // The set operations return `this` (or `o`) when the result would equal it,
  // so unchanged managers keep their set, and with it their encoded FieldsV1.

  union(o: FieldSet): FieldSet {
    if (o.bare || o === this) return this;
    if (this.bare) return o;
    let changed = false;
    for (const k of o.members.keys()) if (!this.members.has(k)) changed = true;
    const kids: [string, Child][] = [];
    for (const [k, c] of this.children) {
      const oc = o.children.get(k);
      const u = oc ? c.set.union(oc.set) : c.set;
      if (u !== c.set) changed = true;
      kids.push([k, u === c.set ? c : { pe: c.pe, set: u }]);
    }
    for (const [k, c] of o.children) {
      if (!this.children.has(k) && !c.set.empty()) {
        changed = true;
        kids.push([k, c]);
      }
    }
    if (!changed) return this;
    const out = new FieldSet();
    for (const pe of this.members.values()) out.setMember(pe);
    for (const pe of o.members.values()) out.setMember(pe);
    for (const [k, c] of kids) out.setChild(k, c);
    return out;
  }

  intersection(o: FieldSet): FieldSet {
    return this.intersect(o) ?? new FieldSet();
  }

  /** The intersection, or undefined when it is empty (without allocating). Walks the smaller side. */
  private intersect(o: FieldSet): FieldSet | undefined {
    if (this.bare || o.bare) return undefined;
    let out: FieldSet | undefined;
    const [ma, mb] = this.members.size <= o.members.size ? [this.members, o.members] : [o.members, this.members];
    for (const [k, pe] of ma) if (mb.has(k)) (out ??= new FieldSet()).setMember(pe);
    const small = this.children.size <= o.children.size;
    const [ca, cb] = small ? [this.children, o.children] : [o.children, this.children];
    for (const [k, c] of ca) {
      const oc = cb.get(k);
      const sub = oc && (small ? c.set.intersect(oc.set) : oc.set.intersect(c.set));
      if (sub) (out ??= new FieldSet()).setChild(k, { pe: c.pe, set: sub });
    }
    return out;
  }

  /** Leaf-wise difference: a parent minus its child keeps the parent; a child minus its parent stays. */
  difference(o: FieldSet): FieldSet {
    return this.minus(o, false);
  }

  /** Like difference, but a member of `o` also removes everything beneath it. */
  recursiveDifference(o: FieldSet): FieldSet {
    return this.minus(o, true);
  }

  private minus(o: FieldSet, recursive: boolean): FieldSet {
    if (o.bare || this.bare) return this;
    let changed = false;
    for (const k of this.members.keys()) if (o.members.has(k)) changed = true;
    const kids: [string, Child][] = [];
    for (const [k, c] of this.children) {
      if (recursive && o.members.has(k)) {
        changed = true;
        continue;
      }
      const oc = o.children.get(k);
      const d = oc ? c.set.minus(oc.set, recursive) : c.set;
      if (d === c.set) kids.push([k, c]);
      else {
        changed = true;
        if (!d.empty()) kids.push([k, { pe: c.pe, set: d }]);
      }
    }
    if (!changed) return this;
    const out = new FieldSet();
    for (const [k, pe] of this.members) if (!o.members.has(k)) out.setMember(pe);
    for (const [k, c] of kids) out.setChild(k, c);
    return out;
  }

  equals(o: FieldSet): boolean {
    return this.difference(o).empty() && o.difference(this).empty();
  }

  /** Every member path in upstream's order (Set.Iterate: members, then children, each sorted). */
  paths(): Path[] {
    const out: Path[] = [];
    this.collect([], out);
    return out;
  }

  private collect(prefix: Path, out: Path[]): void {
    for (const pe of [...this.members.values()].sort(comparePE)) out.push([...prefix, pe]);
    for (const c of [...this.children.values()].sort((a, b) => comparePE(a.pe, b.pe))) c.set.collect([...prefix, c.pe], out);
  }

  /** Members and subtrees of this level in path-element order, each element once. */
  entries(): { pe: PathElement; member: boolean; child?: FieldSet }[] {
    const out: { pe: PathElement; member: boolean; child?: FieldSet }[] = [];
    for (const pe of this.members.values()) {
      const c = this.children.get(pe.key);
      out.push({ pe, member: true, child: c?.set });
    }
    for (const [k, c] of this.children) if (!this.members.has(k)) out.push({ pe: c.pe, member: false, child: c.set });
    return out.length > 1 ? out.sort((a, b) => comparePE(a.pe, b.pe)) : out;
  }

  /** A set from one level's members and subtrees (for schema-aware rewrites). */
  static build(members: Iterable<PathElement>, children: Iterable<readonly [PathElement, FieldSet]>): FieldSet {
    const out = new FieldSet();
    for (const pe of members) out.setMember(pe);
    for (const [pe, set] of children) out.addChild(pe.key, pe, set);
    return out;
  }

  /** The FieldsV1 JSON object (Set.ToJSON): keys in path-element order, `"."` when a node is also a member. */
  toFieldsV1(): Record<string, unknown> {
    return this.emit(false);
  }

  // Emitted subtrees are kept: sets share unchanged subtrees, so their JSON is shared too.
  private json?: Record<string, unknown>;
  private jsonSelf?: Record<string, unknown>;

  private emit(includeSelf: boolean): Record<string, unknown> {
    const cached = includeSelf ? this.jsonSelf : this.json;
    if (cached) return cached;
    // Not read yet, so unchanged: the level it came from is already its JSON.
    if (this.raw && ('.' in this.raw) === includeSelf) return this.raw;
    if (this.raw) this.load();
    const out: Record<string, unknown> = {};
    if (includeSelf) out['.'] = LEAF;
    const ms = this.m;
    const cs = this.c;
    const pes: PathElement[] = [];
    if (ms) for (const pe of ms.values()) pes.push(pe);
    if (cs) for (const [k, c] of cs) if (!ms?.has(k)) pes.push(c.pe);
    if (pes.length > 1) pes.sort(comparePE);
    for (const pe of pes) {
      const c = cs?.get(pe.key);
      out[pe.key] = c && !c.set.empty() ? c.set.emit(ms?.has(pe.key) ?? false) : LEAF;
    }
    if (includeSelf) this.jsonSelf = out;
    else this.json = out;
    return out;
  }

  /** Set.FromJSON. Unknown path element kinds are dropped, as upstream does. */
  static fromFieldsV1(v: unknown): FieldSet | Error {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return new Error('FieldsV1 must be a JSON object');
    const r = readNode(v as Record<string, unknown>);
    return r instanceof Error ? r : (r.children ?? new FieldSet());
  }
}

type NodeRead = { children?: FieldSet; isMember: boolean };

/**
 * FieldsV1 objects that many stored objects share (firstOwner.ts interns
 * them) → what they decode to, once decoded. Sets are immutable once built,
 * so one decoding serves every object that holds the subtree.
 */
const shared = new Map<object, NodeRead | null>();

export function markShared(obj: object): void {
  shared.set(obj, null);
}

export function forgetShared(): void {
  shared.clear();
}

function readNode(obj: Record<string, unknown>): NodeRead | Error {
  const known = shared.get(obj);
  if (known) return known;
  const r = readFresh(obj);
  if (known === null && !(r instanceof Error)) shared.set(obj, r);
  return r;
}

function readFresh(obj: Record<string, unknown>): NodeRead | Error {
  let children: FieldSet | undefined;
  let isMember = false;
  for (const key in obj) {
    if (key === '.') {
      isMember = true;
      continue;
    }
    const val = obj[key];
    const pe = parsePE(key);
    if (pe === 'unknown') continue;
    if (pe instanceof Error) return new Error(`parsing key as path element: ${pe.message}`);
    if (typeof val !== 'object' || val === null || Array.isArray(val)) return new Error(`expected an object under ${key}`);
    const sub = readNode(val as Record<string, unknown>);
    if (sub instanceof Error) return sub;
    children ??= new FieldSet();
    if (sub.isMember) children.insert([pe]);
    if (sub.children && !sub.children.empty()) children.adopt(pe, sub.children);
  }
  if (!children) isMember = true;
  return { children, isMember };
}
