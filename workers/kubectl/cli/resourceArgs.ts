/**
 * Positional `TYPE[,TYPE] [NAME...]` or `TYPE/NAME ...` arguments, as
 * cli-runtime's Builder.ResourceTypeOrNameArgs reads them.
 */
import { KubectlError } from './errors';
import { resolveTypes, resolveType, type ApiResource, type Discovery } from '../discovery/resources';

export interface ResourceTarget {
  resource: ApiResource;
  /** undefined: every object of the type (list). */
  names?: string[];
}

export function parseResourceArgs(d: Discovery, args: string[]): ResourceTarget[] {
  if (args.length === 0) return [];
  if (args.some((a) => a.includes('/'))) {
    const out: ResourceTarget[] = [];
    for (const a of args) {
      const slash = a.indexOf('/');
      if (slash < 0) throw new KubectlError(`error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`);
      const type = a.slice(0, slash);
      const name = a.slice(slash + 1);
      if (type === '' || name === '') throw new KubectlError(`error: arguments in resource/name form must have a single resource and name`);
      const r = resolveType(d, type);
      const last = out[out.length - 1];
      if (last && last.resource === r) last.names!.push(name);
      else out.push({ resource: r, names: [name] });
    }
    return out;
  }
  const [types, ...names] = args;
  const resources = resolveTypes(d, types);
  return resources.map((resource) => (names.length ? { resource, names: [...names] } : { resource }));
}
