#!/usr/bin/env node
// Makes sure Debian's Chromium is installed for the e2e suite (playwright-core
// drives it; Playwright's own browser download cannot reach the network here).
// Idempotent: returns at once when /usr/bin/chromium is already there.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';

function run(cmd, args) {
  console.log(`ensure-chromium: $ ${cmd} ${args.join(' ')}`);
  const res = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (res.error) return `${cmd} could not start: ${res.error.message}`;
  if (res.status !== 0) return `${cmd} ${args.join(' ')} exited with ${res.status ?? res.signal}`;
  return null;
}

function fail(why) {
  console.error(
    `ensure-chromium: could not install Chromium (${why}).\n` +
      `  The e2e tests need ${CHROMIUM}. Install it by hand as root:\n` +
      `    apt-get update && apt-get install -y chromium`,
  );
  process.exit(1);
}

if (existsSync(CHROMIUM)) {
  process.exit(0);
}

console.log(`ensure-chromium: ${CHROMIUM} is missing; installing Debian's chromium package.`);
if (typeof process.getuid === 'function' && process.getuid() !== 0) {
  fail('not running as root, so apt-get cannot install packages');
}
const err = run('apt-get', ['update']) ?? run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
if (err) fail(err);
if (!existsSync(CHROMIUM)) fail(`apt-get finished but ${CHROMIUM} is still missing`);
console.log(`ensure-chromium: installed ${CHROMIUM}.`);
