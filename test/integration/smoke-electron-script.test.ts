// scripts/smoke-electron.mjs (`npm run smoke:electron`) where no Electron binary can be had:
// it exits 1 and says so, before needing a display, a build or a browser driver. The run
// with a real binary needs internet and is not part of `npm test` (docs/packaging.md).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronVersion, makeStandinRoot, runScript } from './electron-standin';

const temp = mkdtempSync(join(tmpdir(), 'taskdeck-smoke-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('npm run smoke:electron (scripts/smoke-electron.mjs) without an Electron binary', () => {
  it('tries the download, and when it fails exits 1 saying there is no binary and why, without a stack trace', () => {
    const offline = makeStandinRoot(temp, { download: 'network' });
    const result = runScript(offline, 'smoke-electron.mjs', [], { DISPLAY: ':99' });
    expect(result.status).toBe(1);
    const said = result.stderr.trim().split('\n');
    expect(said[0]).toBe('smoke:electron: no Electron binary can be had here, so the window cannot be checked.');
    expect(said[1]).toContain(`could not download Electron ${electronVersion}: the download server could not be reached`);
    expect(result.stderr).not.toMatch(/^\s+at .+[:(]/m);
  });

  it('with ELECTRON_OVERRIDE_DIST_PATH pointing at no binary exits 1 saying so, without downloading', () => {
    const root = makeStandinRoot(temp, { download: 'ok' });
    const empty = join(temp, 'empty-dist');
    mkdirSync(empty);
    const result = runScript(root, 'smoke-electron.mjs', [], { ELECTRON_OVERRIDE_DIST_PATH: empty });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'smoke:electron: no Electron binary can be had here, so the window cannot be checked.',
      `Taskdeck: ELECTRON_OVERRIDE_DIST_PATH is set, but there is no Electron executable at ${join(empty, 'electron')}.`,
    ]);
    expect(result.stdout).toBe('');
  });
});
