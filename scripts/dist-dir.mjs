// `npm run dist:dir`: proves electron-builder.yml offline. Electron's real binary cannot
// be downloaded here, so electron-builder packs against a placeholder Electron folder
// whose `electron` file carries a genuine fuse wire (the bytes @electron/fuses looks
// for). Then the output is checked: the app files in app.asar and nothing else, the
// better-sqlite3 binary unpacked and loadable, the sample and icons beside the asar, and
// every fuse flipped as configured. Exits non-zero, with the failed checks, otherwise.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's own defaults, in wire order: RunAsNode, EnableCookieEncryption,
// EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments,
// EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar,
// LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges.
const DEFAULT_FUSES = '10110001';
// What electron-builder.yml asks for ('0' off, '1' on; LoadBrowserProcessSpecificV8Snapshot untouched).
export const EXPECTED_FUSES = {
  RunAsNode: '0',
  EnableCookieEncryption: '1',
  EnableNodeOptionsEnvironmentVariable: '0',
  EnableNodeCliInspectArguments: '0',
  EnableEmbeddedAsarIntegrityValidation: '1',
  OnlyLoadAppFromAsar: '1',
  LoadBrowserProcessSpecificV8Snapshot: '0',
  GrantFileProtocolExtraPrivileges: '0',
};

function makePlaceholderElectron(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const script = '#!/bin/sh\necho "Taskdeck placeholder Electron from npm run dist:dir: not a runnable app." >&2\nexit 1\n';
  const wire = Buffer.concat([Buffer.from(`${script}# `), Buffer.from(FUSE_SENTINEL), Buffer.from([1, DEFAULT_FUSES.length]), Buffer.from(DEFAULT_FUSES), Buffer.from('\n')]);
  writeFileSync(join(dir, 'electron'), wire);
  chmodSync(join(dir, 'electron'), 0o755);
  const version = JSON.parse(readFileSync(join(repoRoot, 'node_modules/electron/package.json'), 'utf8')).version;
  writeFileSync(join(dir, 'version'), version);
  writeFileSync(join(dir, 'LICENSE'), 'placeholder\n');
  return version;
}

/** Reads the fuse wire back from a binary: name -> '0' | '1' | 'r' (removed). */
export function readFuses(file) {
  const bytes = readFileSync(file);
  const at = bytes.indexOf(FUSE_SENTINEL);
  if (at === -1) return null;
  const start = at + FUSE_SENTINEL.length;
  const length = bytes[start + 1];
  const names = Object.keys(EXPECTED_FUSES);
  const fuses = {};
  for (let i = 0; i < length && i < names.length; i += 1) fuses[names[i]] = String.fromCharCode(bytes[start + 2 + i]);
  return fuses;
}

export function checkPackagedApp(dir) {
  const problems = [];
  const resources = join(dir, 'resources');
  const asarPath = join(resources, 'app.asar');
  const need = (path, what) => {
    if (!existsSync(path)) problems.push(`missing ${what}: ${path}`);
  };
  need(join(dir, 'taskdeck'), 'the app executable');
  need(asarPath, 'app.asar');
  if (problems.length > 0) return problems;

  const { listPackage } = require('@electron/asar');
  const files = listPackage(asarPath, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
  for (const file of ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html']) {
    if (!files.includes(file)) problems.push(`app.asar lacks ${file}`);
  }
  for (const file of files) {
    if (/^\/(src|test|bench|scripts|docs)\//.test(file) || file.endsWith('.map') || file.includes('/.taskdeck/')) problems.push(`app.asar should not contain ${file}`);
  }
  const sqliteDir = join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3');
  const binary = join(sqliteDir, 'prebuilds', `${process.platform}-${process.arch}.node`);
  need(binary, 'the unpacked better-sqlite3 binary');
  if (existsSync(binary)) {
    // Node-API: the same binary loads in Node and in Electron. Load it from the package.
    const probe = spawnSync(process.execPath, ['-e', `const D = require(${JSON.stringify(sqliteDir)}); const db = new D(':memory:'); console.log(db.prepare('select sqlite_version() as v').get().v);`], { encoding: 'utf8' });
    if (probe.status !== 0) problems.push(`the packaged better-sqlite3 does not load: ${probe.stderr.trim()}`);
  }
  need(join(resources, 'sample-project', 'backlog.md'), 'the sample project');
  need(join(resources, 'icons', '512x512.png'), 'the icon');
  const fuses = readFuses(join(dir, 'taskdeck'));
  if (fuses === null) problems.push('no fuse wire in the packaged executable');
  else for (const [name, want] of Object.entries(EXPECTED_FUSES)) if (fuses[name] !== want) problems.push(`fuse ${name} is ${fuses[name]}, expected ${want}`);
  return problems;
}

/** `--output DIR` packs somewhere else than dist/ (the tests use a temp folder). */
function outputRootFrom(argv) {
  const at = argv.indexOf('--output');
  return at !== -1 && argv[at + 1] !== undefined ? resolve(argv[at + 1]) : join(repoRoot, 'dist');
}

function main() {
  const outputRoot = outputRootFrom(process.argv);
  const outputDir = join(outputRoot, 'linux-unpacked');
  const placeholder = join(outputRoot, '.electron-placeholder');
  const electronVersion = makePlaceholderElectron(placeholder);
  rmSync(outputDir, { recursive: true, force: true });
  console.log(`dist:dir: packing with a placeholder Electron ${electronVersion} from ${placeholder}`);
  const builder = spawnSync(
    process.execPath,
    [require.resolve('electron-builder/cli.js'), '--linux', '--dir', '--publish', 'never', `-c.electronDist=${placeholder}`, `-c.electronVersion=${electronVersion}`, `-c.directories.output=${outputRoot}`],
    { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ELECTRON_BUILDER_OFFLINE: 'true' } },
  );
  if (builder.status !== 0) {
    console.error(`dist:dir: electron-builder failed (exit ${builder.status ?? builder.signal}).`);
    process.exit(1);
  }
  const problems = checkPackagedApp(outputDir);
  if (problems.length > 0) {
    console.error(`dist:dir: the package in ${outputDir} is not right:\n  - ${problems.join('\n  - ')}`);
    process.exit(1);
  }
  const size = statSync(join(outputDir, 'resources', 'app.asar')).size;
  console.log(`dist:dir: OK: ${outputDir} (app.asar ${(size / 1024).toFixed(0)} KiB; better-sqlite3 unpacked and loadable; sample, icons and fuses as configured)`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
