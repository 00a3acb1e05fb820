/**
 * Tab completion for the terminal: commands, subcommands, flags, resource
 * types, object names (listed through the API), namespaces after -n and
 * container names after -c, as kubectl's cobra completions offer them.
 */
import type { KubectlClient } from './client';
import type { Command } from './cli/command';
import { GLOBAL_FLAGS, type FlagSpec } from './cli/flags';
import { wordStarts } from './cli/split';
import { COMMANDS } from './commands';
import { fetchDiscovery, tryResolveType, type Discovery } from './discovery/resources';

const OUTPUT_VALUES = ['json', 'yaml', 'wide', 'name', 'jsonpath=', 'custom-columns='];

function flagsOf(cmd: Command | undefined): FlagSpec[] {
  return [...(cmd?.flags ?? []), ...GLOBAL_FLAGS].filter((f) => !f.hidden);
}

async function names(client: KubectlClient, d: Discovery, type: string, namespace: string): Promise<string[]> {
  const r = tryResolveType(d, type);
  if (!r || !r.verbs.includes('list')) return [];
  const res = await client.request({ verb: 'list', group: r.group, version: r.version, resource: r.resource, namespace: r.namespaced ? namespace : undefined });
  if (res.status !== 200) return [];
  return ((res.body as { items?: { metadata?: { name?: string } }[] }).items ?? []).map((o) => o.metadata?.name ?? '').filter(Boolean);
}

function typeNames(d: Discovery): string[] {
  return [...new Set(d.resources.filter((r) => r.preferred && r.verbs.includes('list')).map((r) => r.resource))].sort();
}

export async function completeKubectl(line: string, cursor: number, client: KubectlClient): Promise<{ from: number; candidates: string[] }> {
  const upto = line.slice(0, cursor);
  const words = wordStarts(upto);
  const endsInSpace = upto.length === 0 || /\s$/.test(upto);
  const current = endsInSpace ? { start: cursor, text: '' } : words[words.length - 1];
  const before = (endsInSpace ? words : words.slice(0, -1)).map((w) => w.text);
  const done = (candidates: string[]) => ({ from: current.start, candidates: [...new Set(candidates.filter((c) => c.startsWith(current.text)))].sort() });
  if (before.length === 0) return done(['kubectl']);
  if (before[0] !== 'kubectl' && before[0] !== 'k') return done([]);
  // Walk the words: command path, positionals, namespace and the flag awaiting a value.
  let commands: readonly Command[] = COMMANDS;
  let cmd: Command | undefined;
  const positionals: string[] = [];
  let namespace = 'default';
  let pendingFlag: FlagSpec | undefined;
  let afterDash = false;
  for (const w of before.slice(1)) {
    if (pendingFlag) {
      if (pendingFlag.name === 'namespace') namespace = w;
      pendingFlag = undefined;
      continue;
    }
    if (w === '--') {
      afterDash = true;
      continue;
    }
    if (!afterDash && w.startsWith('-') && w.length > 1) {
      const eq = w.indexOf('=');
      const name = w.startsWith('--') ? w.slice(2, eq < 0 ? undefined : eq) : w.slice(1, 2);
      const spec = flagsOf(cmd).find((f) => (w.startsWith('--') ? f.name === name : f.short === name));
      if (spec && spec.type !== 'bool' && eq < 0 && (w.startsWith('--') || w.length === 2)) pendingFlag = spec;
      if (spec?.name === 'namespace' && eq >= 0) namespace = w.slice(eq + 1);
      else if (spec?.name === 'namespace' && !w.startsWith('--') && w.length > 2) namespace = w.slice(2);
      continue;
    }
    if (positionals.length === 0) {
      const sub = commands.find((c) => c.name === w || c.aliases?.includes(w));
      if (sub && (!cmd || cmd.subcommands)) {
        cmd = sub;
        commands = sub.subcommands ?? [];
        continue;
      }
    }
    positionals.push(w);
  }
  if (afterDash) return done([]);
  if (pendingFlag) {
    if (pendingFlag.name === 'namespace') {
      const d = await fetchDiscovery(client);
      return done(await names(client, d, 'namespaces', namespace));
    }
    if (pendingFlag.name === 'output') return done(OUTPUT_VALUES);
    if (pendingFlag.name === 'container' && positionals[0]) {
      const pod = await client.request({ verb: 'get', group: '', version: 'v1', resource: 'pods', namespace, name: positionals[0].replace(/^(pods?|po)\//, '') });
      const spec = (pod.body as { spec?: { containers?: { name: string }[]; initContainers?: { name: string }[] } }).spec;
      return done(pod.status === 200 ? [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])].map((c) => c.name) : []);
    }
    return done([]);
  }
  if (current.text.startsWith('-')) return done(flagsOf(cmd).map((f) => `--${f.name}`));
  if (!cmd) return done(COMMANDS.filter((c) => !c.hidden).map((c) => c.name));
  if (cmd.subcommands && positionals.length === 0 && !cmd.run) return done(cmd.subcommands.map((c) => c.name));
  const mode = cmd.completeArgs ?? 'none';
  if (mode === 'none') return cmd.subcommands && positionals.length === 0 ? done(cmd.subcommands.map((c) => c.name)) : done([]);
  const d = await fetchDiscovery(client);
  const slash = current.text.indexOf('/');
  if (slash > 0 && mode !== 'resources') {
    const type = current.text.slice(0, slash);
    return done((await names(client, d, type, namespace)).map((n) => `${type}/${n}`));
  }
  if (mode === 'pods') return positionals.length === 0 ? done(await names(client, d, 'pods', namespace)) : done([]);
  if (mode === 'nodes') return done(await names(client, d, 'nodes', namespace));
  if (mode === 'resources') return positionals.length === 0 ? done(typeNames(d)) : done([]);
  if (mode === 'type-or-type-slash-name') return done(typeNames(d).map((t) => t));
  // type-then-names
  if (positionals.length === 0) return done(typeNames(d));
  if (positionals[0].includes('/')) return done([]);
  return done(await names(client, d, positionals[0].split(',')[0], namespace));
}
