/**
 * Map a Kubernetes REST path and HTTP method onto an ApiRequest
 * (the apiserver's RequestInfoFactory, staging/src/k8s.io/apiserver/pkg/endpoints/request/requestinfo.go).
 */
import type { ApiRequest, RequestVerb } from '../api/request';

export type Routed =
  | { type: 'resource'; req: Omit<ApiRequest, 'body' | 'contentType' | 'accept' | 'userAgent'> }
  | { type: 'discovery'; path: string }
  | { type: 'none' };

export function routeRequest(method: string, pathname: string, query: Record<string, string>): Routed {
  const parts = pathname.split('/').filter(Boolean);
  let group: string;
  let version: string;
  let rest: string[];
  if (parts[0] === 'api') {
    if (parts.length <= 2) return { type: 'discovery', path: pathname };
    group = '';
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis') {
    if (parts.length <= 3) return { type: 'discovery', path: pathname };
    group = parts[1];
    version = parts[2];
    rest = parts.slice(3);
  } else {
    return { type: 'none' };
  }
  let namespace: string | undefined;
  // /namespaces/{ns}/{resource}... — but /namespaces/{name}[/status|finalize] is the namespace itself.
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [resource, name, subresource, ...extra] = rest;
  if (!resource || extra.length) return { type: 'none' };
  const watchParam = query.watch === 'true' || query.watch === '1';
  let verb: RequestVerb;
  switch (method) {
    case 'GET':
    case 'HEAD':
      verb = watchParam ? 'watch' : name ? 'get' : 'list';
      break;
    case 'POST':
      verb = 'create';
      break;
    case 'PUT':
      verb = 'update';
      break;
    case 'PATCH':
      verb = 'patch';
      break;
    case 'DELETE':
      verb = name ? 'delete' : 'deletecollection';
      break;
    default:
      return { type: 'none' };
  }
  // exec over GET is the streaming form; treat POST and GET alike for subresources that create.
  return { type: 'resource', req: { verb, group, version, resource, namespace, name, subresource, query } };
}
