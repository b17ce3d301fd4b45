#!/usr/bin/env node
// The CLI and tests load better-sqlite3 built for Node; Electron needs the same addon built for its
// own ABI. This builds a second copy into .electron-native/ (main passes it as `nativeBinding`),
// so neither runtime breaks the other. Needs network access to Electron's headers.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const target = join(process.cwd(), '.electron-native', 'better_sqlite3.node');
const marker = `${target}.${electronVersion}`;
if (existsSync(target) && existsSync(marker)) process.exit(0);

const source = dirname(require.resolve('better-sqlite3/package.json'));
const work = mkdtempSync(join(tmpdir(), 'recon-electron-native-'));
cpSync(source, work, { recursive: true, filter: (path) => !path.includes(`${source}/build`) });
// npm tells its scripts where its own node-gyp is; outside npm, look beside the node binary.
const nodeGyp =
  process.env.npm_config_node_gyp ??
  join(dirname(require.resolve('npm/package.json', { paths: [join(dirname(process.execPath), '../lib'), dirname(process.execPath)] })), 'node_modules/node-gyp/bin/node-gyp.js');
console.error(`Building better-sqlite3 for Electron ${electronVersion}…`);
execFileSync(process.execPath, [nodeGyp, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], {
  cwd: work,
  stdio: 'inherit',
  // A configured nodedir points at Node's own headers, which would build for the wrong ABI.
  env: Object.fromEntries(Object.entries(process.env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir')),
});
mkdirSync(dirname(target), { recursive: true });
cpSync(join(work, 'build/Release/better_sqlite3.node'), target);
cpSync(join(work, 'build/Release/better_sqlite3.node'), marker);
rmSync(work, { recursive: true, force: true });
