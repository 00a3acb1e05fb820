/**
 * Which Table (if any) an Accept header asks for. kubectl 1.32 sends
 * `application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json`;
 * the server serves the first media range it can (apiserver negotiation).
 */
import type { TableGroupVersion } from './table';

interface MediaRange {
  type: string;
  params: Record<string, string>;
}

function parseAccept(accept: string): MediaRange[] {
  return accept
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [type, ...rest] = part.split(';');
      const params: Record<string, string> = {};
      for (const p of rest) {
        const eq = p.indexOf('=');
        if (eq > 0) params[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim();
      }
      return { type: type.trim().toLowerCase(), params };
    });
}

const JSON_TYPES = new Set(['application/json', 'application/*', '*/*']);

/**
 * The Table version to answer with, or undefined when the first acceptable
 * media range is a plain object (no `as=`), or none asks for a Table we serve.
 */
export function negotiateTable(accept: string | undefined): TableGroupVersion | undefined {
  if (!accept) return undefined;
  for (const r of parseAccept(accept)) {
    if (!JSON_TYPES.has(r.type)) continue;
    const as = r.params.as;
    if (as === undefined) return undefined;
    if (as !== 'Table' || r.params.g !== 'meta.k8s.io') continue;
    if (r.params.v === 'v1') return 'meta.k8s.io/v1';
    if (r.params.v === 'v1beta1') return 'meta.k8s.io/v1beta1';
  }
  return undefined;
}
