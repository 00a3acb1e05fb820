/**
 * The HTTP face of a cluster for real kubectl: discovery, OpenAPI, health,
 * REST verbs and streaming watches, on loopback only.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Cluster } from '../cluster';
import type { ApiResponse, WatchEvent } from '../api/request';
import * as S from '../api/status';
import { routeRequest } from './route';
import { isProtobuf, parseBody, parseProtobufBody, readBody } from './body';
import { serveDiscovery } from './discoveryRoutes';
import { serveOpenApi } from './openapiRoutes';
import { handleUpgrade } from './exec';
import { SERVER_VERSION } from '../api/version';

export interface HostOptions {
  port?: number;
}

export function startHost(cluster: Cluster, opts: HostOptions = {}): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    handle(cluster, req, res).catch((err) => {
      // Nothing a client sends may bring the host down.
      if (!res.headersSent) sendJson(res, { status: 500, body: S.internal(String(err instanceof Error ? err.message : err)) });
      else res.end();
    });
  });
  server.keepAliveTimeout = 60_000;
  server.on('upgrade', (req, socket, head) => {
    if (!handleUpgrade(cluster, req, socket, head)) socket.destroy();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const url = `http://127.0.0.1:${port}`;
      resolve({
        server,
        url,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}

async function handle(cluster: Cluster, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = v;
  const accept = req.headers.accept;
  const method = req.method ?? 'GET';

  if (path === '/version') return sendJson(res, { status: 200, body: SERVER_VERSION });
  if (path === '/healthz' || path === '/livez' || path === '/readyz') return sendText(res, 200, 'ok');
  if (path.startsWith('/openapi/')) return serveOpenApi(cluster, path, accept, res);

  const routed = routeRequest(method, path, query);
  if (routed.type === 'discovery') {
    const served = serveDiscovery(cluster, routed.path, accept, `${req.socket.localAddress}:${req.socket.localPort}`, res);
    if (served) return;
  }
  if (routed.type !== 'resource') return sendJson(res, { status: 404, body: S.pathNotFound() });

  const contentType = req.headers['content-type'] ?? 'application/json';
  const read = await readBody(req);
  if (!read.ok) return sendJson(res, { status: 413, body: S.tooLarge(read.message) });
  const parsed = isProtobuf(contentType) ? parseProtobufBody(read.bytes, bodyKindOf(cluster, routed.req)) : parseBody(read.text, contentType);
  if (!parsed.ok) return sendJson(res, { status: parsed.status, body: S.badRequest(parsed.message) });

  const apiReq = {
    ...routed.req,
    body: parsed.value,
    contentType,
    accept,
    userAgent: req.headers['user-agent'],
  };
  cluster.settle();
  if (apiReq.verb === 'watch') return streamWatch(cluster, apiReq, res);
  if (apiReq.subresource === 'log' && apiReq.query?.follow === 'true') return followLog(cluster, apiReq, res);
  sendJson(res, cluster.request(apiReq));
}

function streamWatch(cluster: Cluster, apiReq: Parameters<Cluster['watch']>[0], res: ServerResponse): void {
  const pending: WatchEvent[] = [];
  let started = false;
  const write = (e: WatchEvent) => {
    if (!res.writableEnded) res.write(`${JSON.stringify(e)}\n`);
  };
  const handle = cluster.watch(apiReq, (e) => (started ? write(e) : pending.push(e)));
  if ('status' in handle) return sendJson(res, handle);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  // A watcher waits for the response headers before it reads events.
  res.flushHeaders();
  started = true;
  for (const e of pending) write(e);
  const stop = () => {
    handle.stop();
    clearTimeout(timer);
    if (!res.writableEnded) res.end();
  };
  // timeoutSeconds is wall time: it bounds how long a client holds the connection.
  const timeout = Number(apiReq.query?.timeoutSeconds ?? 1800);
  const timer = setTimeout(stop, Math.max(1, timeout) * 1000);
  res.on('close', stop);
  const ended = pending.some((e) => e.type === 'ERROR');
  if (ended) stop();
}

export function sendJson(res: ServerResponse, r: ApiResponse | { status: number; body: unknown; contentType?: string }): void {
  const raw = typeof r.body === 'string' && r.contentType && !r.contentType.includes('json');
  const body = raw ? (r.body as string) : JSON.stringify(r.body);
  const headers: Record<string, string | string[]> = {
    'Content-Type': 'contentType' in r && r.contentType ? r.contentType : 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-cache, private',
  };
  const warnings = 'warnings' in r ? r.warnings : undefined;
  if (warnings?.length) headers.Warning = warnings.map((w) => `299 - ${JSON.stringify(w)}`);
  res.writeHead(r.status, headers);
  res.end(body);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

/** The kind a request body is expected to be, for protobuf decoding (subresources have their own). */
function bodyKindOf(cluster: Cluster, req: { group: string; version: string; resource: string; subresource?: string }): { apiVersion: string; kind: string } {
  if (req.subresource === 'eviction') return { apiVersion: 'policy/v1', kind: 'Eviction' };
  if (req.subresource === 'binding') return { apiVersion: 'v1', kind: 'Binding' };
  if (req.subresource === 'scale') return { apiVersion: 'autoscaling/v1', kind: 'Scale' };
  const rt = cluster.api.deps.registry.lookup(req.group, req.version, req.resource);
  return { apiVersion: req.group ? `${req.group}/${req.version}` : req.version, kind: rt?.kind ?? '' };
}

/** How often a followed log is checked for new output (wall ms). */
const FOLLOW_POLL_MS = 200;

/**
 * `kubectl logs -f`: send what there is, then keep the response open and
 * send new output as the container writes it, until the container stops
 * or the client goes away.
 */
function followLog(cluster: Cluster, apiReq: Parameters<Cluster['request']>[0], res: ServerResponse): void {
  const { follow: _f, ...query } = apiReq.query ?? {};
  const first = cluster.request({ ...apiReq, query });
  if (first.status !== 200 || typeof first.body !== 'string') return sendJson(res, first);
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
  res.write(first.body);
  // What has been seen so far is tracked on the whole log, whatever tail was asked for first.
  const { tailLines: _t, limitBytes: _l, ...whole } = query;
  const all = () => cluster.request({ ...apiReq, query: whole });
  const start = all();
  let sent = typeof start.body === 'string' ? start.body : '';
  const podReq = { verb: 'get' as const, group: '', version: 'v1', resource: 'pods', namespace: apiReq.namespace, name: apiReq.name };
  const timer = setInterval(() => {
    cluster.settle();
    const r = all();
    if (r.status === 200 && typeof r.body === 'string' && r.body.length > sent.length && r.body.startsWith(sent)) {
      res.write(r.body.slice(sent.length));
      sent = r.body;
    }
    const pod = cluster.request(podReq);
    const phase = (pod.body as { status?: { phase?: string } }).status?.phase;
    if (pod.status !== 200 || phase === 'Succeeded' || phase === 'Failed') stop();
  }, FOLLOW_POLL_MS);
  const stop = () => {
    clearInterval(timer);
    if (!res.writableEnded) res.end();
  };
  res.on('close', stop);
}
