// scripts/start.mjs (`npm start`) as a user runs it: a real child process, with the
// environment varied to stand for machines with and without Electron and a display.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../..');
const script = join(repoRoot, 'scripts/start.mjs');
const temp = mkdtempSync(join(tmpdir(), 'taskdeck-start-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function runStart(env: Record<string, string | undefined>) {
  const base: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !['DISPLAY', 'WAYLAND_DISPLAY', 'ELECTRON_OVERRIDE_DIST_PATH'].includes(key)) base[key] = value;
  }
  for (const [key, value] of Object.entries(env)) if (value !== undefined) base[key] = value;
  return spawnSync(process.execPath, [script], { cwd: repoRoot, env: base, encoding: 'utf8', timeout: 20_000 });
}

/** A stand-in Electron: records how it was called, then exits with a chosen code. */
function fakeElectron(exitCode: number): { dir: string; log: string } {
  const dir = mkdtempSync(join(temp, 'electron-'));
  const log = join(dir, 'calls.log');
  writeFileSync(join(dir, 'electron'), `#!/bin/sh\necho "$PWD|$*|\${ELECTRON_RUN_AS_NODE:-unset}" >> "${log}"\nexit ${exitCode}\n`);
  chmodSync(join(dir, 'electron'), 0o755);
  return { dir, log };
}

describe('npm start (scripts/start.mjs)', () => {
  it('explains a missing Electron binary, points to npm run serve, and exits 0 without a stack trace', () => {
    const result = runStart({ ELECTRON_OVERRIDE_DIST_PATH: join(temp, 'no-electron-here'), DISPLAY: ':0' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('the Electron binary is not installed');
    expect(result.stdout).toContain('npm run serve');
    expect(result.stderr).not.toMatch(/at .+:\d+:\d+/);
  });
  it.runIf(process.platform === 'linux')('explains a missing display when Electron is there', () => {
    const { dir, log } = fakeElectron(0);
    const result = runStart({ ELECTRON_OVERRIDE_DIST_PATH: dir });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('no display found');
    expect(result.stdout).toContain('npm run serve');
    expect(() => readFileSync(log, 'utf8')).toThrow();
  });
  it('launches Electron on the sample project from the repository root, and passes its exit code on', () => {
    const { dir, log } = fakeElectron(3);
    const result = runStart({ ELECTRON_OVERRIDE_DIST_PATH: dir, DISPLAY: ':99', ELECTRON_RUN_AS_NODE: '1' });
    expect(result.status).toBe(3);
    const [cwd, args, runAsNode] = readFileSync(log, 'utf8').trim().split('|');
    expect(cwd).toBe(repoRoot);
    expect(args).toBe(`. --project ${join(repoRoot, 'resources', 'sample-project')}`);
    expect(runAsNode).toBe('unset');
  });
});
