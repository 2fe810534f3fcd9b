// A throwaway copy of the repository's layout for scripts/start.mjs and
// scripts/smoke-electron.mjs: the scripts themselves, a package.json whose `build` is a
// stand-in, and a copy of the real `electron` package whose installer (install.js,
// unchanged) runs exactly as the real one does. Only its network part is replaced: the
// `@electron/get` it requires is a stand-in that, instead of downloading, hands back a
// zip this file writes (a stand-in `electron` executable that records its argv) or fails
// the way a real download fails. The real zip extractor unpacks it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crc32 } from 'node:zlib';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const electronVersion = (JSON.parse(readFileSync(join(repoRoot, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

export interface StandinRoot {
  root: string;
  /** The stand-in download's log: one JSON line per call (version, platform, arch, checksums given). */
  downloadLog: string;
  /** The stand-in Electron's log: one `cwd|argv|ELECTRON_RUN_AS_NODE` line per launch. */
  electronLog: string;
  /** Environment for the scripts: how the stand-ins behave, and where they log. */
  env: Record<string, string>;
}

/** What the stand-in download does: hand back the zip, or fail as a real download fails. */
export type DownloadOutcome = 'ok' | 'network' | 'checksum';

const SCRIPTS = ['start.mjs', 'electron-binary.mjs', 'smoke-electron.mjs'];

export function makeStandinRoot(parent: string, options: { download: DownloadOutcome; buildExit?: number }): StandinRoot {
  const root = mkdtempSync(join(parent, 'root-'));
  mkdirSync(join(root, 'scripts'));
  for (const name of SCRIPTS) copyFileSync(join(repoRoot, 'scripts', name), join(root, 'scripts', name));
  mkdirSync(join(root, 'resources/sample-project'), { recursive: true });
  writeFileSync(join(root, 'resources/sample-project/backlog.md'), '# Backlog\n');
  // A build that talks as much as the real one, and fails when told to.
  writeFileSync(
    join(root, 'build.cjs'),
    `for (let i = 1; i <= 35; i++) console.log('bundler line ' + i);\nconsole.error('(!) Some chunks are larger than 500 kB');\nprocess.exit(Number(process.env.STANDIN_BUILD_EXIT || 0));\n`,
  );
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'taskdeck-standin', version: '0.0.0', private: true, scripts: { build: 'node build.cjs' } }));

  const modules = join(root, 'node_modules');
  cpSync(join(repoRoot, 'node_modules/electron'), join(modules, 'electron'), {
    recursive: true,
    filter: (source) => !/[\\/]electron[\\/](dist|path\.txt)/.test(source.slice(join(repoRoot, 'node_modules').length)),
  });
  mkdirSync(join(modules, '@electron-internal'), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules/@electron-internal/extract-zip'), join(modules, '@electron-internal/extract-zip'), 'dir');

  const zip = join(root, 'electron-standin.zip');
  const electronLog = join(root, 'electron-calls.log');
  const launcher = `#!/bin/sh\necho "$PWD|$*|\${ELECTRON_RUN_AS_NODE:-unset}" >> "$STANDIN_ELECTRON_LOG"\nexit \${STANDIN_ELECTRON_EXIT:-0}\n`;
  writeFileSync(zip, storedZip([
    { name: 'electron', data: Buffer.from(launcher), mode: 0o755 },
    { name: 'version', data: Buffer.from(`v${electronVersion}`), mode: 0o644 },
  ]));

  const downloadLog = join(root, 'download-calls.log');
  mkdirSync(join(modules, '@electron/get'), { recursive: true });
  writeFileSync(join(modules, '@electron/get/package.json'), JSON.stringify({ name: '@electron/get', version: '0.0.0-standin', main: 'index.js' }));
  writeFileSync(join(modules, '@electron/get/index.js'), STANDIN_GET);

  return {
    root,
    downloadLog,
    electronLog,
    env: {
      STANDIN_DOWNLOAD: options.download,
      STANDIN_ZIP: zip,
      STANDIN_DOWNLOAD_LOG: downloadLog,
      STANDIN_ELECTRON_LOG: electronLog,
      STANDIN_BUILD_EXIT: String(options.buildExit ?? 0),
    },
  };
}

/** Runs one of the copied scripts as `npm start` would, without the caller's display or Electron settings. */
export function runScript(standin: StandinRoot, script: string, args: string[], env: Record<string, string>) {
  const base: Record<string, string> = {};
  const dropped = ['DISPLAY', 'WAYLAND_DISPLAY', 'ELECTRON_OVERRIDE_DIST_PATH', 'ELECTRON_RUN_AS_NODE', 'INIT_CWD'];
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !dropped.includes(key)) base[key] = value;
  return spawnSync(process.execPath, [join(standin.root, 'scripts', script), ...args], {
    cwd: standin.root,
    env: { ...base, ...standin.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

// The stand-in for @electron/get's downloadArtifact, the installer's only network call.
// The failures carry the messages the real one gives (undici's fetch, sumchecker).
const STANDIN_GET = `
const fs = require('fs');
exports.downloadArtifact = async (details) => {
  fs.appendFileSync(process.env.STANDIN_DOWNLOAD_LOG, JSON.stringify({
    version: details.version, artifactName: details.artifactName, platform: details.platform, arch: details.arch,
    checksumsGiven: details.checksums !== undefined && Object.keys(details.checksums).length > 0,
  }) + '\\n');
  const outcome = process.env.STANDIN_DOWNLOAD;
  if (outcome === 'network') throw new TypeError('fetch failed');
  if (outcome === 'checksum') throw new Error('Generated checksum for "electron-v' + details.version + '-' + details.platform + '-' + details.arch + '.zip" did not match expected checksum.');
  return process.env.STANDIN_ZIP;
};
`;

interface ZipEntry {
  name: string;
  data: Buffer;
  mode: number;
}

/** A zip with stored (uncompressed) entries and Unix modes, as Electron's own zips carry them. */
export function storedZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix: the external attributes hold the mode
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((0o100000 | entry.mode) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const centralSize = centrals.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}
