/**
 * client-go's reading of failed responses whose body is not a Status
 * (rest/request.go transformResponse → errors.NewGenericServerResponse):
 * a reason and message by status code, with "(get pods.metrics.k8s.io)".
 */
import type { ApiRequest, ApiResponse } from '../../api/request';
import type { KubectlClient } from '../client';

const GENERIC: Record<number, [string, string]> = {
  400: ['BadRequest', 'the server rejected our request for an unknown reason'],
  401: ['Unauthorized', 'the server has asked for the client to provide credentials'],
  403: ['Forbidden', 'the server does not allow access to the requested resource'],
  404: ['NotFound', 'the server could not find the requested resource'],
  405: ['MethodNotAllowed', 'the server does not allow this method on the requested resource'],
  406: ['NotAcceptable', 'the server was unable to respond with a content type that the client supports'],
  409: ['Conflict', 'the server reported a conflict'],
  415: ['UnsupportedMediaType', 'the server was unable to respond with a content type that the client supports'],
  422: ['Invalid', 'the server rejected our request due to an error in our request'],
  429: ['TooManyRequests', 'the server has received too many requests and has asked us to try again later'],
  503: ['ServiceUnavailable', 'the server is currently unable to handle the request'],
  504: ['Timeout', 'the server was unable to return a response in the time allotted, but may still be processing the request'],
};

const HTTP_VERB: Record<ApiRequest['verb'], string> = { get: 'get', list: 'get', watch: 'get', create: 'post', update: 'put', patch: 'patch', delete: 'delete', deletecollection: 'delete' };

export function genericStatus(req: ApiRequest, r: ApiResponse): Record<string, unknown> {
  const serverMessage = typeof r.body === 'string' ? r.body : '';
  let [reason, message] = GENERIC[r.status] ?? ['', `the server responded with the status code ${r.status} but did not return more information`];
  if (!GENERIC[r.status] && r.status >= 500) {
    reason = 'InternalError';
    message = `an error on the server (${JSON.stringify(serverMessage)}) has prevented the request from succeeding`;
  }
  if (req.resource) {
    const qualified = req.group ? `${req.resource}.${req.group}` : req.resource;
    message += req.name ? ` (${HTTP_VERB[req.verb]} ${qualified} ${req.name})` : ` (${HTTP_VERB[req.verb]} ${qualified})`;
  }
  const status: Record<string, unknown> = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code: r.status };
  if (reason) status.reason = reason;
  return status;
}

function isStatus(b: unknown): boolean {
  return typeof b === 'object' && b !== null && (b as { kind?: unknown }).kind === 'Status';
}

/** The client, with non-Status failures turned into the Status client-go would make of them. */
export function withClientGoErrors(client: KubectlClient): KubectlClient {
  return {
    now: () => client.now(),
    async request(req) {
      const r = await client.request(req);
      if (r.status < 300 || isStatus(r.body) || req.subresource === 'exec') return r;
      return { ...r, body: genericStatus(req, r) };
    },
    async watch(req, onEvent) {
      const w = await client.watch(req, onEvent);
      if ('stop' in w || w.status < 300 || isStatus(w.body)) return w;
      return { ...w, body: genericStatus(req, w) };
    },
  };
}
