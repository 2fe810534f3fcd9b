// Electron's binary for `npm start` and `npm run smoke:electron`: where it is, and, when
// it is missing, getting it with the electron package's own installer.
//
// Electron ≥ 45 has no install script: its binary is downloaded the first time something
// requires the package (node_modules/electron/index.js runs install.js). We run that same
// installer the same way (`node install.js`), so the download is the package's own:
// @electron/get fetches the zip for this platform, verifies it against the package's
// checksums.json, caches it (~/.cache/electron), unpacks it into dist/ and writes path.txt.
// What we add: a progress line while it downloads, and, when it fails, the reason in one
// sentence instead of its stack trace.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The zip for one platform, roughly: Electron 45's linux-x64 zip is about 100 MB. */
export const APPROXIMATE_DOWNLOAD = '~100 MB';

export function electronPackage(root) {
  const dir = join(root, 'node_modules', 'electron');
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return { dir, version, major: version.split('.')[0] };
}

function readTrimmed(file) {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

/** Where `require('electron')` (index.js) would find the binary; null when it was never installed. */
export function electronBinaryPath(env, pkgDir) {
  const relative = readTrimmed(join(pkgDir, 'path.txt'));
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
  return relative === '' ? null : join(pkgDir, 'dist', relative);
}

export function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Installed means what install.js itself checks: dist/version is this package's version and the binary is there. */
function installedBinary(env, pkg) {
  const binary = electronBinaryPath(env, pkg.dir);
  if (binary === null || !isExecutable(binary)) return null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return binary;
  return readTrimmed(join(pkg.dir, 'dist', 'version')).replace(/^v/, '') === pkg.version ? binary : null;
}

/**
 * The installer's failure, from what it printed (`console.error(err.stack)`), as one
 * reason a person can act on. Undici says only "fetch failed" when the server cannot be
 * reached; sumchecker names the checksum; an HTTP status comes as "Response code N".
 */
export function installFailureReason(stderr) {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const errorLine = lines.find((line) => /^[A-Za-z]*Error\b/.test(line)) ?? lines.find((line) => !line.startsWith('at ')) ?? '';
  const message = errorLine.replace(/^[A-Za-z]*Error:\s*/, '');
  if (message === '') return { kind: 'other', text: 'the installer stopped without saying why' };
  if (/fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket|certificate/i.test(message)) {
    return { kind: 'network', text: `the download server could not be reached (${message}): no network, or a proxy in the way` };
  }
  if (/Response code 407/.test(message)) return { kind: 'network', text: `the proxy asks for credentials (${message})` };
  if (/checksum/i.test(message)) return { kind: 'checksum', text: `the downloaded file does not match its published checksum (${message})` };
  return { kind: 'other', text: message };
}

/** Bytes written so far under the installer's temporary folder (where @electron/get downloads to). */
export function bytesUnder(dir) {
  let total = 0;
  try {
    for (const name of readdirSync(dir, { recursive: true })) {
      try {
        const stat = statSync(join(dir, name));
        if (stat.isFile()) total += stat.size;
      } catch {
        // A file moved away between the listing and the stat: it is done, not lost.
      }
    }
  } catch {
    // The folder is gone: nothing more to count.
  }
  return total;
}

/**
 * Runs `node install.js` in the package as index.js does, with its own temporary folder
 * (so the download's progress can be measured) and its stderr kept for the reason.
 * Resolves { ok: true } or { ok: false, reason: { kind, text } }.
 */
export function runElectronInstaller(pkg, { env, onProgress }) {
  const downloadDir = mkdtempSync(join(tmpdir(), 'taskdeck-electron-download-'));
  const childEnv = { ...env, TMPDIR: downloadDir, TMP: downloadDir, TEMP: downloadDir };
  delete childEnv.ELECTRON_RUN_AS_NODE;
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [join(pkg.dir, 'install.js')], { stdio: ['ignore', 'inherit', 'pipe'], env: childEnv });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = onProgress ? setInterval(() => onProgress(bytesUnder(downloadDir)), 500) : undefined;
    const finish = (result) => {
      if (timer) clearInterval(timer);
      rmSync(downloadDir, { recursive: true, force: true });
      resolvePromise(result);
    };
    child.on('error', (error) => finish({ ok: false, reason: { kind: 'other', text: `the installer could not run (${error.message})` } }));
    child.on('close', (code) => finish(code === 0 ? { ok: true } : { ok: false, reason: installFailureReason(stderr) }));
  });
}

/** A progress line that rewrites itself on a terminal, and stays silent in a log. */
export function terminalProgress(stream) {
  if (!stream.isTTY) return { update: undefined, done: () => {} };
  let shown = false;
  return {
    update: (bytes) => {
      if (bytes === 0) return;
      shown = true;
      stream.write(`\r  ${(bytes / 1e6).toFixed(0)} MB of ${APPROXIMATE_DOWNLOAD}`);
    },
    done: () => {
      if (shown) stream.write('\n');
    },
  };
}

function failure(pkg, reason) {
  const lines = [`Taskdeck: could not download Electron ${pkg.version}: ${reason.text}.`];
  if (reason.kind === 'network') lines.push('  Behind a proxy? Set HTTPS_PROXY and ELECTRON_GET_USE_PROXY=true, then try again.');
  if (reason.kind === 'checksum') lines.push('  Try again: the file is downloaded afresh.');
  return { ok: false, reason, lines };
}

/**
 * The Electron binary, downloaded first when it is missing (a line says so).
 * Resolves { ok: true, path } or { ok: false, lines } (what to tell the person).
 */
export async function ensureElectron({ root, env, say }) {
  const pkg = electronPackage(root);
  const present = installedBinary(env, pkg);
  if (present !== null) return { ok: true, path: present };
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    return { ok: false, lines: [`Taskdeck: ELECTRON_OVERRIDE_DIST_PATH is set, but there is no Electron executable at ${electronBinaryPath(env, pkg.dir)}.`] };
  }
  say(`Downloading Electron ${pkg.major} (first start, ${APPROXIMATE_DOWNLOAD})...`);
  const progress = terminalProgress(process.stdout);
  const result = await runElectronInstaller(pkg, { env, onProgress: progress.update });
  progress.done();
  if (!result.ok) return failure(pkg, result.reason);
  const installed = installedBinary(env, pkg);
  if (installed === null) return failure(pkg, { kind: 'other', text: `the installer finished, but ${pkg.dir}/dist holds no Electron ${pkg.version} binary` });
  return { ok: true, path: installed };
}
