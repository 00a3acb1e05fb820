/** Redis: the startup banner, a tiny key-value store and redis-cli against it. */
import type { Program, ProgramContext, ProgramRun } from '../../process/program';
import { execNext, flagValue, redisTime, serve } from './common';

const STORE = 'redis.data';

function data(ctx: ProgramContext): Map<string, string> | undefined {
  return ctx.sys.state.get(STORE) as Map<string, string> | undefined;
}

function redisServer(version: string): Program {
  return function* (ctx: ProgramContext): ProgramRun {
    const { io, sys } = ctx;
    const args = ctx.argv.slice(1);
    if (args.includes('--version') || args.includes('-v')) {
      io.out(`Redis server v=${version} sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=${'c4b1b1b1a1f1e1d1'.slice(0, 16)}\n`);
      return 0;
    }
    const port = Number(flagValue(args, 'port') ?? 6379);
    const major = Number(version.split('.')[0]);
    const t = (): string => redisTime(sys.now());
    const configFile = args.find((a) => !a.startsWith('-'));
    io.out(`1:C ${t()} # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition. Being disabled, it can also cause failures without low memory condition, see https://github.com/jemalloc/jemalloc/issues/1328. To fix this issue add 'vm.overcommit_memory = 1' to /etc/sysctl.conf and then reboot or run the command 'sysctl vm.overcommit_memory=1' for this to take effect.\n`);
    io.out(`1:C ${t()} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n`);
    io.out(`1:C ${t()} * Redis version=${version}, bits=64, commit=00000000, modified=0, pid=1, just started\n`);
    if (configFile) io.out(`1:C ${t()} * Configuration loaded\n`);
    else io.out(`1:C ${t()} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf\n`);
    io.out(`1:M ${t()} * monotonic clock: POSIX clock_gettime\n`);
    io.out(`1:M ${t()} * Running mode=standalone, port=${port}.\n`);
    io.out(`1:M ${t()} * Server initialized\n`);
    io.out(`1:M ${t()} * Ready to accept connections${major >= 7 ? ' tcp' : ''}\n`);
    sys.state.set(STORE, new Map<string, string>());
    sys.state.set('redis.port', port);
    return yield* serve({
      ports: [port],
      stop: () => {
        io.out(`1:signal-handler (${Math.floor(sys.now() / 1000)}) Received SIGTERM scheduling shutdown...\n`);
        io.out(`1:M ${t()} * User requested shutdown...\n`);
        io.out(`1:M ${t()} * Saving the final RDB snapshot before exiting.\n`);
        io.out(`1:M ${t()} * DB saved on disk\n`);
        io.out(`1:M ${t()} # Redis is now ready to exit, bye bye...\n`);
        return { afterMs: 15, exitCode: 0 };
      },
    });
  };
}

/** redis-cli for the commands tutorials use: PING, SET, GET, DEL, INCR, KEYS, EXISTS. */
const redisCli: Program = (ctx) => {
  const args = ctx.argv.slice(1);
  const host = flagValue(args, 'h') ?? '127.0.0.1';
  const port = Number(flagValue(args, 'p') ?? 6379);
  const words = args.filter((a, i) => !a.startsWith('-') && !['-h', '-p', '-a', '-n'].includes(args[i - 1] ?? ''));
  const local = host === '127.0.0.1' || host === 'localhost';
  const store = local && ctx.sys.state.get('redis.port') === port ? data(ctx) : undefined;
  if (!store) {
    ctx.io.err(local ? `Could not connect to Redis at ${host}:${port}: Connection refused\n` : `Could not connect to Redis at ${host}:${port}: Name or service not known\n`);
    return 1;
  }
  if (!words.length) return 0;
  const [cmd, ...rest] = words;
  const out = (s: string): void => ctx.io.out(`${s}\n`);
  switch (cmd.toUpperCase()) {
    case 'PING': out(rest[0] ?? 'PONG'); break;
    case 'SET': store.set(rest[0], rest[1] ?? ''); out('OK'); break;
    case 'GET': {
      const v = store.get(rest[0]);
      out(v === undefined ? '' : v);
      break;
    }
    case 'DEL': out(String(rest.filter((k) => store.delete(k)).length)); break;
    case 'EXISTS': out(String(rest.filter((k) => store.has(k)).length)); break;
    case 'INCR': {
      const n = Number(store.get(rest[0]) ?? 0) + 1;
      store.set(rest[0], String(n));
      out(String(n));
      break;
    }
    case 'KEYS': {
      const re = new RegExp(`^${(rest[0] ?? '*').replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
      const keys = [...store.keys()].filter((k) => re.test(k));
      ctx.io.out(keys.length ? keys.map((k) => `${k}\n`).join('') : '\n');
      break;
    }
    case 'DBSIZE': out(String(store.size)); break;
    case 'INFO': out(`# Server\r\nredis_version:${String(ctx.sys.state.get('redis.version') ?? '7.4.1')}\r\nredis_mode:standalone\r\ntcp_port:${port}\r\n`); break;
    default: out(`(error) ERR unknown command '${cmd}', with args beginning with: ${rest.map((r) => `'${r}' `).join('')}`);
  }
  return 0;
};

/** The image's docker-entrypoint.sh: `redis-server` as first arg (or a flag) is run as is. */
function entrypoint(): Program {
  return function* (ctx: ProgramContext): ProgramRun {
    let args = ctx.argv.slice(1);
    if (args[0]?.startsWith('-') || args[0]?.endsWith('.conf')) args = ['redis-server', ...args];
    return yield* execNext(ctx, args, '/usr/local/bin/docker-entrypoint.sh', 30);
  };
}

export function redisPrograms(version: string): Record<string, Program> {
  return {
    '/usr/local/bin/docker-entrypoint.sh': entrypoint(),
    '/usr/local/bin/redis-server': redisServer(version.replace(/-alpine$/, '')),
    '/usr/local/bin/redis-cli': redisCli,
  };
}
