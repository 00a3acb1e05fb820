/** registry.k8s.io/echoserver: nginx + lua answering with a description of the request. */
import type { HttpRequest, Program, ProgramContext, ProgramRun } from '../../process/program';
import { clfTime, header, pathOnly, serve } from './common';

function headerLines(req: HttpRequest, host: string, indent: string): string {
  const hs: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers ?? {})) hs[k.toLowerCase()] = v;
  hs.host ??= host;
  return Object.keys(hs).sort().map((k) => `${indent}${k}=${hs[k]}\n`).join('');
}

function describe14(req: HttpRequest, ctx: ProgramContext): string {
  const host = header(req, 'host') ?? `${ctx.sys.podIP}:${req.port}`;
  const q = req.path.includes('?') ? req.path.slice(req.path.indexOf('?') + 1) : 'nil';
  return `CLIENT VALUES:\nclient_address=${req.clientIP ?? '10.244.0.1'}\ncommand=${req.method}\nreal path=${pathOnly(req.path)}\nquery=${q}\nrequest_version=1.1\nrequest_uri=http://${host}${req.path}\n\nSERVER VALUES:\nserver_version=nginx: 1.10.0 - lua: 10001\n\nHEADERS RECEIVED:\n${headerLines(req, host, '')}BODY:\n${req.body ? req.body : '-no body in request-'}`;
}

function describe110(req: HttpRequest, ctx: ProgramContext): string {
  const host = header(req, 'host') ?? `${ctx.sys.podIP}:${req.port}`;
  const q = req.path.includes('?') ? req.path.slice(req.path.indexOf('?') + 1) : '';
  return `\n\nHostname: ${ctx.sys.hostname}\n\nPod Information:\n\t-no pod information available-\n\nServer values:\n\tserver_version=nginx: 1.13.3 - lua: 10008\n\nRequest Information:\n\tclient_address=${req.clientIP ?? '10.244.0.1'}\n\tmethod=${req.method}\n\treal path=${pathOnly(req.path)}\n\tquery=${q}\n\trequest_version=1.1\n\trequest_scheme=http\n\trequest_uri=http://${host}${req.path}\n\nRequest Headers:\n${headerLines(req, host, '\t')}\nRequest Body:\n\t${req.body ? req.body : '-no body in request-'}\n\n`;
}

function echoserver(version: string): Program {
  return function* (ctx: ProgramContext): ProgramRun {
    const old = version === '1.4';
    if (!old) ctx.io.out('Generating self-signed cert\nGenerating a 2048 bit RSA private key\n..+++\n.......................+++\nwriting new private key to \'/certs/privateKey.key\'\n-----\nStarting nginx\n');
    return yield* serve({
      ports: old ? [8080] : [8080, 8443],
      stop: () => ({ afterMs: 10, exitCode: 0 }),
      http: (req) => {
        if (req.port !== 8080 && req.port !== 8443) return undefined;
        const body = old ? describe14(req, ctx) : describe110(req, ctx);
        ctx.io.out(`${req.clientIP ?? '10.244.0.1'} - - [${clfTime(ctx.sys.now())}] "${req.method} ${req.path} HTTP/1.1" 200 ${body.length} "-" "${header(req, 'user-agent') ?? '-'}"\n`);
        return { status: 200, body, headers: { 'Content-Type': 'text/plain', Server: old ? 'nginx/1.10.0' : 'echoserver' } };
      },
    });
  };
}

export function echoserverPrograms(version: string): Record<string, Program> {
  const run = echoserver(version);
  return { '/usr/local/bin/run.sh': run, '/usr/sbin/nginx': run };
}
