// scripts/start.mjs (`npm start`) as a user runs it: a real child process, in a copy of
// the repository's layout whose `electron` package is the real one with a stand-in
// download (electron-standin.ts), and whose build is a stand-in that talks like the real one.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronVersion, makeStandinRoot, runScript, type DownloadOutcome, type StandinRoot } from './electron-standin';

const temp = mkdtempSync(join(tmpdir(), 'taskdeck-start-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const major = electronVersion.split('.')[0];
const STACK_FRAME = /^\s+at .+[:(]/m;

function lines(file: string): string[] {
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n') : [];
}

function standin(download: DownloadOutcome, options: { buildExit?: number } = {}): StandinRoot {
  return makeStandinRoot(temp, { download, ...options });
}

describe('npm start (scripts/start.mjs)', () => {
  const first = standin('ok');

  it('on the first start builds quietly, downloads Electron with the package installer, and opens the window on the sample project', () => {
    const result = runScript(first, 'start.mjs', [], { DISPLAY: ':99', ELECTRON_RUN_AS_NODE: '1' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    // Three lines a person reads; the build's 36 lines stay out of sight.
    expect(result.stdout.trim().split('\n')).toEqual(['Building...', `Downloading Electron ${major} (first start, ~100 MB)...`, 'Opening Taskdeck on a copy of the sample project']);
    // The installer asked for this package's version and platform, with its checksums, and wrote path.txt and dist/.
    expect(lines(first.downloadLog).map((l) => JSON.parse(l) as unknown)).toEqual([
      { version: electronVersion, artifactName: 'electron', platform: process.platform, arch: process.arch, checksumsGiven: true },
    ]);
    expect(readFileSync(join(first.root, 'node_modules/electron/path.txt'), 'utf8')).toBe('electron');
    // It launched what the installer unpacked, from the repository root, as a real Electron (not as Node).
    expect(lines(first.electronLog)).toEqual([`${first.root}|. --sample|unset`]);
  });

  it('on a later start finds the binary, downloads nothing, and passes Electron’s exit code on', () => {
    const result = runScript(first, 'start.mjs', [], { DISPLAY: ':99', STANDIN_ELECTRON_EXIT: '3' });
    expect(result.status).toBe(3);
    expect(result.stdout.trim().split('\n')).toEqual(['Building...', 'Opening Taskdeck on a copy of the sample project']);
    expect(lines(first.downloadLog)).toHaveLength(1);
    expect(lines(first.electronLog)).toHaveLength(2);
  });

  it('opens --project DIR (relative to where npm was run) and hands other arguments to Electron', () => {
    const other = join(temp, 'other project');
    mkdirSync(other, { recursive: true });
    const spaced = runScript(first, 'start.mjs', ['--project', 'other project', '--enable-logging'], { DISPLAY: ':99', INIT_CWD: temp });
    expect(spaced.status).toBe(0);
    expect(spaced.stdout).toContain(`Opening Taskdeck on ${other}\n`);
    const inline = runScript(first, 'start.mjs', [`--project=${other}`], { DISPLAY: ':99', INIT_CWD: first.root });
    expect(inline.status).toBe(0);
    expect(lines(first.electronLog).slice(-2)).toEqual([`${first.root}|. --project ${other} --enable-logging|unset`, `${first.root}|. --project ${other}|unset`]);
  });

  it('refuses a --project folder that does not exist, or a missing folder name, before building anything', () => {
    const result = runScript(first, 'start.mjs', ['--project', 'nowhere'], { DISPLAY: ':99', INIT_CWD: temp });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(`Taskdeck: the project folder does not exist: ${join(temp, 'nowhere')}`);
    expect(result.stdout).toBe('');
    const bare = runScript(first, 'start.mjs', ['--project'], { DISPLAY: ':99' });
    expect(bare.status).toBe(1);
    expect(bare.stderr.trim()).toBe('Taskdeck: `--project` needs a folder: `npm start -- --project DIR`.');
  });

  it('when the download cannot reach the server: one clear message with the proxy hint and npm run serve, exit 1, no stack trace', () => {
    const offline = standin('network');
    const result = runScript(offline, 'start.mjs', [], { DISPLAY: ':99' });
    expect(result.status).toBe(1);
    expect(result.stdout.trim().split('\n')).toEqual(['Building...', `Downloading Electron ${major} (first start, ~100 MB)...`]);
    expect(result.stderr.trim().split('\n')).toEqual([
      `Taskdeck: could not download Electron ${electronVersion}: the download server could not be reached (fetch failed): no network, or a proxy in the way.`,
      '  Behind a proxy? Set HTTPS_PROXY and ELECTRON_GET_USE_PROXY=true, then try again.',
      '  Meanwhile, `npm run serve` opens the same Taskdeck UI in your browser.',
    ]);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(lines(offline.electronLog)).toEqual([]);
    expect(existsSync(join(offline.root, 'node_modules/electron/path.txt'))).toBe(false);
  });

  it('when the download fails its checksum: says so, exit 1, nothing launched', () => {
    const corrupt = standin('checksum');
    const result = runScript(corrupt, 'start.mjs', [], { DISPLAY: ':99' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Taskdeck: could not download Electron ${electronVersion}: the downloaded file does not match its published checksum (Generated checksum for "electron-v${electronVersion}-`);
    expect(result.stderr).toContain('npm run serve');
    expect(result.stderr).not.toMatch(STACK_FRAME);
    expect(lines(corrupt.electronLog)).toEqual([]);
  });

  it.runIf(process.platform === 'linux')('without a display says so and points to xvfb-run and npm run serve, exit 0, before building or downloading', () => {
    const headless = standin('ok');
    const result = runScript(headless, 'start.mjs', [], {});
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Taskdeck: no display found');
    expect(result.stdout).toContain('`xvfb-run npm start`');
    expect(result.stdout).toContain('`npm run serve`');
    expect(result.stdout).not.toContain('Building...');
    expect(lines(headless.downloadLog)).toEqual([]);
    expect(lines(headless.electronLog)).toEqual([]);
  });

  it('when the build fails shows the build’s own output and exits with its code, without downloading', () => {
    const broken = standin('ok', { buildExit: 2 });
    const result = runScript(broken, 'start.mjs', [], { DISPLAY: ':99' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('bundler line 35');
    expect(result.stderr).toContain('Some chunks are larger than 500 kB');
    expect(result.stderr.trim().split('\n').at(-1)).toBe('Taskdeck: the build failed (exit code 2); its output is above.');
    expect(lines(broken.downloadLog)).toEqual([]);
  });

  it('with ELECTRON_OVERRIDE_DIST_PATH uses that binary, and says so when it is not there', () => {
    const override = standin('ok');
    const missing = runScript(override, 'start.mjs', [], { DISPLAY: ':99', ELECTRON_OVERRIDE_DIST_PATH: join(temp, 'no-electron-here') });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`ELECTRON_OVERRIDE_DIST_PATH is set, but there is no Electron executable at ${join(temp, 'no-electron-here', 'electron')}`);
    expect(lines(override.downloadLog)).toEqual([]);
    // The first root's installed dist stands in for a binary someone points to.
    const present = runScript(override, 'start.mjs', [], { DISPLAY: ':99', ELECTRON_OVERRIDE_DIST_PATH: join(first.root, 'node_modules/electron/dist') });
    expect(present.status).toBe(0);
    expect(lines(override.downloadLog)).toEqual([]);
    expect(lines(override.electronLog)).toEqual([`${override.root}|. --sample|unset`]);
  });
});
