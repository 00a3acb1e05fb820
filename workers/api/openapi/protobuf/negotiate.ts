/**
 * Which form of `/openapi/v2` an Accept header gets. Mirrors kube-openapi pkg/handler/handler.go
 * (RegisterOpenAPIVersionedService): clauses sorted as goautoneg.ParseAccept sorts them, the first
 * clause matching JSON, the deprecated protobuf subtype kubectl sends, or the current one wins;
 * nothing matching is a 406 (upstream writes no body). A missing header means `*∕*`, i.e. JSON.
 */

export type OpenApiV2Format = 'json' | 'protobuf';

/** What kube-apiserver answers with for either protobuf subtype. */
export const OPENAPI_V2_PROTOBUF_CONTENT_TYPE = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';
/** What kubectl 1.32 (client-go discovery OpenAPISchema) asks for. */
export const OPENAPI_V2_PROTOBUF_DEPRECATED = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';

const ACCEPTED: [subType: string, format: OpenApiV2Format][] = [
  ['json', 'json'],
  ['com.github.proto-openapi.spec.v2@v1.0+protobuf', 'protobuf'],
  ['com.github.proto-openapi.spec.v2.v1.0+protobuf', 'protobuf'],
];

interface Clause {
  type: string;
  subType: string;
  q: number;
}

/** goautoneg.ParseAccept: media ranges with their q, best first. */
function parseAccept(header: string): Clause[] {
  const clauses: Clause[] = [];
  for (const part of header.split(',')) {
    const [range, ...params] = part.trim().split(';');
    const sp = range.split('/');
    const type = sp[0].trim();
    let subType: string;
    if (sp.length === 1 && type === '*') subType = '*';
    else if (sp.length === 2) subType = sp[1].trim();
    else continue;
    let q = 1;
    for (const p of params) {
      const eq = p.indexOf('=');
      if (eq >= 0 && p.slice(0, eq).trim() === 'q') q = Number.parseFloat(p.slice(eq + 1)) || 0;
    }
    clauses.push({ type, subType, q });
  }
  const less = (a: Clause, b: Clause): boolean => a.q > b.q || (a.type !== '*' && b.type === '*') || (a.subType !== '*' && b.subType === '*');
  return clauses.sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
}

/** The form to serve, or undefined for 406 Not Acceptable. */
export function negotiateOpenApiV2(accept: string | undefined): OpenApiV2Format | undefined {
  for (const c of parseAccept(accept || '*/*')) {
    for (const [subType, format] of ACCEPTED) {
      if ((c.type === 'application' || c.type === '*') && (c.subType === subType || c.subType === '*')) return format;
    }
  }
  return undefined;
}
