/**
 * PHP on Apache: the HPA walkthrough's php-apache (each request burns CPU,
 * which is what makes the autoscaler act) and the guestbook frontend.
 */
import type { Program, ProgramContext, ProgramRun } from '../../process/program';
import { apacheTime, clfTime, pathOnly, query, serve } from './common';

/**
 * CPU time one request to index.php costs: a million sqrt calls on PHP 5.6,
 * about 18 ms of a core. With the walkthrough's load generator (wget in a
 * loop, 10 ms apart) that is ~0.62 cores of demand: one php-apache pod
 * (limit 500m) runs at its limit, 250% of its 200m request, and the HPA
 * settles at 7 replicas near 44%, as the walkthrough shows.
 */
export const PHP_APACHE_REQUEST_CPU_MS = 18;

function apacheStart(ctx: ProgramContext, banner: string): void {
  const fqdn = `AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using ${ctx.sys.podIP}. Set the 'ServerName' directive globally to suppress this message\n`;
  ctx.io.err(fqdn);
  ctx.io.err(fqdn);
  ctx.io.err(`[${apacheTime(ctx.sys.now())}] [mpm_prefork:notice] [pid 1] AH00163: ${banner} configured -- resuming normal operations\n`);
  ctx.io.err(`[${apacheTime(ctx.sys.now())}] [core:notice] [pid 1] AH00094: Command line: 'apache2 -D FOREGROUND'\n`);
}

function access(ctx: ProgramContext, clientIP: string | undefined, method: string, path: string, status: number, size: number): void {
  ctx.io.out(`${clientIP ?? '10.244.0.1'} - - [${clfTime(ctx.sys.now())}] "${method} ${path} HTTP/1.1" ${status} ${size} "-" "-"\n`);
}

export const phpApache: Program = function* (ctx: ProgramContext): ProgramRun {
  apacheStart(ctx, 'Apache/2.4.10 (Debian) PHP/5.6.40');
  return yield* serve({
    ports: [80],
    stop: () => ({ afterMs: 20, exitCode: 0 }),
    http: (req) => {
      if (req.port !== 80) return undefined;
      ctx.sys.addCpuWork(PHP_APACHE_REQUEST_CPU_MS);
      const body = 'OK!';
      access(ctx, req.clientIP, req.method, req.path, 200, body.length);
      return { status: 200, body, headers: { 'Content-Type': 'text/html', 'X-Powered-By': 'PHP/5.6.40' } };
    },
  });
};

const GUESTBOOK_HTML = `<html ng-app="redis">
  <head>
    <title>Guestbook</title>
    <link rel="stylesheet" href="//netdna.bootstrapcdn.com/bootstrap/3.1.1/css/bootstrap.min.css">
    <script src="https://ajax.googleapis.com/ajax/libs/angularjs/1.2.12/angular.min.js"></script>
    <script src="controllers.js"></script>
    <script src="https://cdnjs.cloudflare.com/ajax/libs/angular-ui-bootstrap/0.13.0/ui-bootstrap-tpls.js"></script>
  </head>
  <body ng-controller="RedisCtrl">
    <div style="width: 50%; margin-left: 20px">
      <h2>Guestbook</h2>
    <form>
    <fieldset>
    <input ng-model="msg" placeholder="Messages" class="form-control" type="text" name="input"><br>
    <button type="button" class="btn btn-primary" ng-click="controller.onRedis()">Submit</button>
    </fieldset>
    </form>
    <div>
      <div ng-repeat="msg in messages track by $index">
        {{msg}}
      </div>
    </div>
    </div>
  </body>
</html>
`;

/** gb-frontend: guestbook.php talks to redis-leader / redis-follower through the network hook. */
export const guestbookFrontend: Program = function* (ctx: ProgramContext): ProgramRun {
  apacheStart(ctx, 'Apache/2.4.38 (Debian) PHP/7.4.33');
  return yield* serve({
    ports: [80],
    stop: () => ({ afterMs: 20, exitCode: 0 }),
    http: (req) => {
      if (req.port !== 80) return undefined;
      const p = pathOnly(req.path);
      let status = 200;
      let body: string;
      if (p === '/' || p === '/index.html') body = ctx.sys.fs.read('/var/www/html/index.html') ?? GUESTBOOK_HTML;
      else if (p === '/guestbook.php') {
        const q = query(req.path);
        const host = q.get('cmd') === 'set' ? 'redis-leader' : 'redis-follower';
        const reachable = ctx.sys.network?.resolve(host);
        if (!reachable) {
          status = 500;
          body = `<br />\n<b>Fatal error</b>:  Uncaught Predis\\Connection\\ConnectionException: php_network_getaddresses: getaddrinfo failed: Name or service not known [tcp://${host}:6379] in /usr/local/lib/php/Predis/Connection/AbstractConnection.php:155\n`;
        } else body = q.get('cmd') === 'set' ? '{"message": "Updated"}' : '{"data": ""}';
      } else {
        status = 404;
        body = '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n</body></html>\n';
      }
      access(ctx, req.clientIP, req.method, req.path, status, body.length);
      return { status, body, headers: { 'Content-Type': p.endsWith('.php') ? 'application/json' : 'text/html' } };
    },
  });
};

export function guestbookFiles(): Record<string, string> {
  return { '/var/www/html/index.html': GUESTBOOK_HTML, '/var/www/html/guestbook.php': '<?php\n', '/var/www/html/controllers.js': '' };
}
