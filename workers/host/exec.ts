/**
 * `kubectl exec` (and attach) over WebSockets, as kubectl 1.32 speaks it by
 * default: the `v5.channel.k8s.io` subprotocol (v4 accepted too), one byte of
 * channel before each message — 0 stdin, 1 stdout, 2 stderr, 3 the final
 * Status, 255 "close stream" (v5) — and the Status that carries the exit code
 * (staging/src/k8s.io/apimachinery/pkg/util/remotecommand, kubelet cri streaming).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Cluster } from '../cluster';
import type { ApiRequest } from '../api/request';
import { routeRequest } from './route';

const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
const STDIN = 0;
const STDOUT = 1;
const STDERR = 2;
const ERROR = 3;
const CLOSE = 255;

export interface ExecOutcome {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const wss = new WebSocketServer({
  noServer: true,
  handleProtocols: (offered) => PROTOCOLS.find((p) => offered.has(p)) ?? false,
});

/** Handle an HTTP upgrade; returns false when it is not an exec/attach request. */
export function handleUpgrade(cluster: Cluster, req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const routed = routeRequest('POST', url.pathname, Object.fromEntries(url.searchParams));
  if (routed.type !== 'resource' || (routed.req.subresource !== 'exec' && routed.req.subresource !== 'attach')) return false;
  const command = url.searchParams.getAll('command');
  wss.handleUpgrade(req, socket, head, (ws) => {
    const wantsStdin = url.searchParams.get('stdin') === 'true';
    const run = (stdin: string | undefined) => {
      cluster.settle();
      const r = cluster.request({ ...(routed.req as ApiRequest), verb: 'create', body: { command, stdin }, userAgent: req.headers['user-agent'] });
      finish(ws, r.status, r.body, command);
    };
    if (!wantsStdin) return run(undefined);
    // Collect stdin until the client closes it (v5) or the socket ends.
    let input = '';
    let done = false;
    const go = () => {
      if (!done) {
        done = true;
        run(input);
      }
    };
    ws.on('message', (data: Buffer) => {
      if (!data.length) return;
      if (data[0] === STDIN) input += data.subarray(1).toString('utf8');
      else if (data[0] === CLOSE && data[1] === STDIN) go();
    });
    ws.on('close', go);
  });
  return true;
}

function send(ws: WebSocket, channel: number, text: string): void {
  if (!text) return;
  ws.send(Buffer.concat([Buffer.from([channel]), Buffer.from(text, 'utf8')]));
}

function finish(ws: WebSocket, status: number, body: unknown, command: string[]): void {
  if (status >= 400) {
    // A refused exec: kubectl prints the Status message ("error: ... ").
    send(ws, ERROR, JSON.stringify(body));
    ws.close(1000);
    return;
  }
  const out = body as ExecOutcome;
  send(ws, STDOUT, out.stdout);
  send(ws, STDERR, out.stderr);
  const st =
    out.exitCode === 0
      ? { metadata: {}, status: 'Success' }
      : {
          metadata: {},
          status: 'Failure',
          message: `command terminated with non-zero exit code: command '${command.join(' ')}' exited with ${out.exitCode}`,
          reason: 'NonZeroExitCode',
          details: { causes: [{ reason: 'ExitCode', message: String(out.exitCode) }] },
        };
  send(ws, ERROR, JSON.stringify(st));
  ws.close(1000);
}
