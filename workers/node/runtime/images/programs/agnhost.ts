/**
 * agnhost (test/images/agnhost): one binary, subcommands. The ones the docs
 * use: liveness (healthy for 10 s), netexec, serve-hostname, test-webserver, pause.
 */
import type { HttpRequest, HttpResponse, Program, ProgramContext, ProgramRun } from '../../process/program';
import { flagValue, forever, pathOnly, query, serve, slashTime } from './common';

function goLog(ctx: ProgramContext, s: string): void {
  ctx.io.err(`${slashTime(ctx.sys.now())} ${s}\n`);
}

/** Go's SIGTERM default for a process without a handler: it dies, and as PID 1 the exit status is 2. */
const GO_STOP = { afterMs: 0, exitCode: 2 };

// Mirrors test/images/agnhost/liveness/server.go
function liveness(ctx: ProgramContext): ProgramRun {
  const started = ctx.sys.now();
  return serve({
    ports: [8080],
    stop: () => GO_STOP,
    http: (req) => {
      if (req.port !== 8080) return undefined;
      const elapsed = (ctx.sys.now() - started) / 1000;
      switch (pathOnly(req.path)) {
        case '/started': return { status: 200, body: `${elapsed}s` };
        case '/healthz':
          return elapsed > 10 ? { status: 500, body: `error: ${elapsed}` } : { status: 200, body: 'ok' };
        case '/redirect': return { status: 302, body: '', headers: { Location: query(req.path).get('loc') ?? '' } };
        default: return { status: 404, body: '404 page not found\n' };
      }
    },
  });
}

// Mirrors test/images/agnhost/netexec/netexec.go (the HTTP endpoints that need no network).
function netexec(ctx: ProgramContext, args: string[]): ProgramRun {
  const httpPort = Number(flagValue(args, 'http-port') ?? 8080);
  const udpPort = Number(flagValue(args, 'udp-port') ?? 8081);
  const ports = [httpPort, ...(udpPort !== -1 ? [udpPort] : [])];
  goLog(ctx, `Started HTTP server on port ${httpPort}`);
  if (udpPort !== -1) goLog(ctx, `Started UDP server on port  ${udpPort}`);
  const handle = (req: HttpRequest): HttpResponse | undefined => {
    if (req.port !== httpPort) return undefined;
    const q = query(req.path);
    const p = pathOnly(req.path);
    switch (p) {
      case '/':
        goLog(ctx, 'GET /');
        return { status: 200, body: `NOW: ${new Date(ctx.sys.now()).toISOString().replace('T', ' ').replace('Z', ' +0000 UTC')}` };
      case '/hostname':
      case '/hostName':
        goLog(ctx, `GET ${p}`);
        return { status: 200, body: ctx.sys.hostname };
      case '/clientip':
        goLog(ctx, 'GET /clientip');
        return { status: 200, body: `${req.clientIP ?? '10.244.0.1'}:${40000 + Math.floor(ctx.sys.rng() * 20000)}` };
      case '/echo': {
        const msg = q.get('msg') ?? '';
        const code = q.get('code') ?? '';
        goLog(ctx, `GET /echo?msg=${msg}&code=${code}`);
        return { status: code ? Number(code) || 200 : 200, body: msg };
      }
      case '/healthz':
        goLog(ctx, 'GET /healthz');
        return { status: 200, body: '' };
      case '/shell': {
        const cmd = q.get('shellCommand') ?? q.get('cmd') ?? '';
        goLog(ctx, `GET /shell?cmd=${cmd}`);
        const sh = ctx.sys.lookup('/bin/sh');
        let out = '';
        let status = 0;
        if (sh) {
          const run = sh({ ...ctx, argv: ['/bin/sh', '-c', cmd], io: { stdin: ctx.io.stdin, out: (s) => { out += s; }, err: (s) => { out += s; } } });
          if (typeof run === 'number') status = run;
          else {
            // Endpoints answer at once; a command that sleeps is cut short.
            let r = run.next();
            while (!r.done && r.value.kind === 'sleep') r = run.next();
            status = r.done ? r.value : 0;
          }
        }
        const output: Record<string, string> = {};
        if (out) output.output = out;
        if (status) output.error = `exit status ${status}`;
        return { status: 200, body: JSON.stringify(output) };
      }
      default:
        return { status: 404, body: '404 page not found\n' };
    }
  };
  return serve({ ports, http: handle, stop: () => GO_STOP });
}

function serveHostname(ctx: ProgramContext, args: string[]): ProgramRun {
  const port = Number(flagValue(args, 'port') ?? 9376);
  goLog(ctx, `Serving on port ${port}.`);
  return serve({
    ports: [port],
    stop: () => {
      goLog(ctx, 'Received SIGTERM, exiting');
      return { afterMs: 0, exitCode: 0 };
    },
    http: (req) => (req.port === port ? { status: 200, body: ctx.sys.hostname } : undefined),
  });
}

function testWebserver(ctx: ProgramContext, args: string[]): ProgramRun {
  const port = Number(flagValue(args, 'port') ?? 80);
  return serve({
    ports: [port],
    stop: () => GO_STOP,
    http: (req) => (req.port === port ? { status: 200, body: 'Hello World!' } : undefined),
  });
}

const SUBCOMMANDS = ['audit-proxy', 'connect', 'crd-conversion-webhook', 'dns-server-list', 'dns-suffix', 'entrypoint-tester', 'etc-hosts', 'fake-gitserver', 'guestbook', 'inclusterclient', 'liveness', 'logs-generator', 'mounttest', 'net', 'netexec', 'nettest', 'no-snat-test', 'no-snat-test-proxy', 'pause', 'port-forward-tester', 'porter', 'resource-consumer-controller', 'serve-hostname', 'test-webserver', 'webhook'];

const agnhost: Program = (ctx) => {
  const [sub, ...args] = ctx.argv.slice(1);
  switch (sub) {
    case 'liveness': return liveness(ctx);
    case 'netexec': return netexec(ctx, args);
    case 'serve-hostname': return serveHostname(ctx, args);
    case 'test-webserver': return testWebserver(ctx, args);
    case 'pause':
      ctx.io.out('Paused\n');
      return forever();
    case 'dns-suffix':
      ctx.io.out(`${(ctx.sys.fs.read('/etc/resolv.conf') ?? '').match(/search\s+\S+/)?.[0].split(/\s+/)[1] ?? ''}\n`);
      return 0;
    case 'etc-hosts':
      ctx.io.out(ctx.sys.fs.read('/etc/hosts') ?? '');
      return 0;
    case undefined:
    case '--help':
    case 'help':
      ctx.io.out(`agnhost is a test image with many subcommands.\n\nUsage:\n  agnhost [command]\n\nAvailable Commands:\n${SUBCOMMANDS.map((s) => `  ${s}\n`).join('')}`);
      return 0;
    default:
      if (SUBCOMMANDS.includes(sub)) return forever();
      ctx.io.err(`Error: unknown command "${sub}" for "agnhost"\nRun 'agnhost --help' for usage.\n`);
      return 1;
  }
};

export function agnhostPrograms(): Record<string, Program> {
  return { '/agnhost': agnhost };
}
