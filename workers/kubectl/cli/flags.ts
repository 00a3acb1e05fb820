/**
 * Command-line flags with spf13/pflag semantics, as kubectl parses them:
 * `--name=value`, `--name value`, `-n value`, `-nvalue`, `-n=value`,
 * grouped boolean shorthands (`-it`), `--` ending flags, flags anywhere
 * among the arguments. Error texts are cobra's.
 */
import { KubectlError } from './errors';

export type FlagType = 'bool' | 'string' | 'int' | 'strings' | 'stringArray';

export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  default?: string | number | boolean | string[];
  /** Shown in completion; hidden flags are accepted but not offered. */
  hidden?: boolean;
  /** A string flag that may be given without a value (`--dry-run` means `--dry-run=unchanged`). */
  noOptDefault?: string;
}

export type FlagValue = string | number | boolean | string[];

export interface ParsedFlags {
  values: Map<string, FlagValue>;
  /** Names of flags the user actually set. */
  changed: Set<string>;
  args: string[];
  /** Index into args where `--` appeared, or -1. */
  argsLenAtDash: number;
}

export class Flags {
  constructor(private readonly p: ParsedFlags) {}
  get args(): string[] {
    return this.p.args;
  }
  get argsLenAtDash(): number {
    return this.p.argsLenAtDash;
  }
  changed(name: string): boolean {
    return this.p.changed.has(name);
  }
  bool(name: string): boolean {
    return this.p.values.get(name) === true;
  }
  string(name: string): string {
    const v = this.p.values.get(name);
    return typeof v === 'string' ? v : '';
  }
  int(name: string): number {
    const v = this.p.values.get(name);
    return typeof v === 'number' ? v : 0;
  }
  strings(name: string): string[] {
    const v = this.p.values.get(name);
    return Array.isArray(v) ? v : [];
  }
}

function seeUsage(path: string): string {
  return `See 'kubectl ${path} --help' for usage.`;
}

/** pflag's stringSlice reads its value as one CSV record. */
function splitCsv(v: string): string[] {
  if (v === '') return [];
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    if (quoted) {
      if (c === '"' && v[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur === '') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function setValue(spec: FlagSpec, raw: string, p: ParsedFlags, path: string, shown: string): void {
  let value: FlagValue;
  switch (spec.type) {
    case 'bool': {
      const b = parseBool(raw);
      if (b === undefined) throw new KubectlError(`Error: invalid argument "${raw}" for "${shown}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax\n${seeUsage(path)}`);
      value = b;
      break;
    }
    case 'int': {
      if (!/^[+-]?\d+$/.test(raw)) throw new KubectlError(`Error: invalid argument "${raw}" for "${shown}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax\n${seeUsage(path)}`);
      value = Number(raw);
      break;
    }
    case 'strings': {
      const prev = p.changed.has(spec.name) ? (p.values.get(spec.name) as string[]) : [];
      value = [...prev, ...splitCsv(raw)];
      break;
    }
    case 'stringArray': {
      const prev = p.changed.has(spec.name) ? (p.values.get(spec.name) as string[]) : [];
      value = [...prev, raw];
      break;
    }
    default:
      value = raw;
  }
  p.values.set(spec.name, value);
  p.changed.add(spec.name);
}

function parseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(s)) return false;
  return undefined;
}

/** `path` is the command path after `kubectl` (`get`, `create deployment`), for messages. */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[], path: string): Flags {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const p: ParsedFlags = { values: new Map(), changed: new Set(), args: [], argsLenAtDash: -1 };
  for (const s of specs) if (s.default !== undefined) p.values.set(s.name, s.default);
  let i = 0;
  while (i < argv.length) {
    const a = argv[i++];
    if (a === '--') {
      p.argsLenAtDash = p.args.length;
      p.args.push(...argv.slice(i));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      const body = a.slice(2);
      const eq = body.indexOf('=');
      const name = eq < 0 ? body : body.slice(0, eq);
      const spec = byName.get(name);
      if (!spec) throw new KubectlError(`Error: unknown flag: --${name}\n${seeUsage(path)}`);
      if (eq >= 0) setValue(spec, body.slice(eq + 1), p, path, `--${name}`);
      else if (spec.type === 'bool') setValue(spec, 'true', p, path, `--${name}`);
      else if (spec.noOptDefault !== undefined) setValue(spec, spec.noOptDefault, p, path, `--${name}`);
      else if (i < argv.length) setValue(spec, argv[i++], p, path, `--${name}`);
      else throw new KubectlError(`Error: flag needs an argument: --${name}\n${seeUsage(path)}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      let rest = a.slice(1);
      while (rest.length > 0) {
        const c = rest[0];
        const spec = byShort.get(c);
        if (!spec) throw new KubectlError(`Error: unknown shorthand flag: '${c}' in ${a}\n${seeUsage(path)}`);
        const shown = `-${c}, --${spec.name}`;
        if (rest.length > 2 && rest[1] === '=') {
          setValue(spec, rest.slice(2), p, path, shown);
          rest = '';
        } else if (spec.type === 'bool') {
          setValue(spec, 'true', p, path, shown);
          rest = rest.slice(1);
        } else if (rest.length > 1) {
          setValue(spec, rest.slice(1), p, path, shown);
          rest = '';
        } else if (spec.noOptDefault !== undefined) {
          setValue(spec, spec.noOptDefault, p, path, shown);
          rest = '';
        } else if (i < argv.length) {
          setValue(spec, argv[i++], p, path, shown);
          rest = '';
        } else throw new KubectlError(`Error: flag needs an argument: '${c}' in ${a}\n${seeUsage(path)}`);
      }
      continue;
    }
    p.args.push(a);
  }
  return new Flags(p);
}

/** Flags every kubectl command accepts (genericclioptions.ConfigFlags and klog). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'server', short: 's', type: 'string' },
  { name: 'token', type: 'string' },
  { name: 'request-timeout', type: 'string', default: '0' },
  { name: 'insecure-skip-tls-verify', type: 'bool' },
  { name: 'as', type: 'string' },
  { name: 'v', short: 'v', type: 'string', default: '0' },
  { name: 'warnings-as-errors', type: 'bool' },
  { name: 'match-server-version', type: 'bool' },
  { name: 'cache-dir', type: 'string' },
  { name: 'profile', type: 'string', default: 'none', hidden: true },
];
