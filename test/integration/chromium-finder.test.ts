// The browser the e2e tests and benches launch is found in one place (scripts/chromium.mjs);
// without one, `npm test` stops at once with one line saying how to install it.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../scripts/chromium.mjs';

const repoRoot = resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'taskdeck-chromium-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function fakeExecutable(path: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '#!/bin/sh\nexit 0\n');
  chmodSync(path, 0o755);
  return path;
}

describe('findChromium', () => {
  it('takes TASKDECK_CHROMIUM first, and refuses one that is not an executable', () => {
    const exe = fakeExecutable(join(temp, 'my-chrome'));
    expect(findChromium({ TASKDECK_CHROMIUM: exe })).toEqual({ ok: true, path: exe });
    const bad = findChromium({ TASKDECK_CHROMIUM: join(temp, 'missing') });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toContain('TASKDECK_CHROMIUM=');
  });

  it('finds the newest browser in a Playwright cache when no system Chromium is there', () => {
    const cache = join(temp, 'ms-playwright');
    fakeExecutable(join(cache, 'chromium-1100', 'chrome-linux', 'chrome'));
    const newest = fakeExecutable(join(cache, 'chromium-1200', 'chrome-linux', 'chrome'));
    expect(findChromium({ PLAYWRIGHT_BROWSERS_PATH: cache }, [])).toEqual({ ok: true, path: newest });
    expect(findChromium({ HOME: join(temp, 'home') }, [join(temp, 'nope')]).ok).toBe(false);
  });

  it('without any, says in one line where it looked and how to install one', () => {
    const none = findChromium({ HOME: join(temp, 'empty-home') }, ['/nonexistent/chromium']);
    expect(none.ok).toBe(false);
    if (none.ok) return;
    expect(none.message).not.toContain('\n');
    expect(none.message).toContain('/nonexistent/chromium');
    expect(none.message).toContain('apt-get install -y chromium');
    expect(none.message).toContain('TASKDECK_CHROMIUM');
  });

  it('makes a test run stop at once, before any test, with that line', { timeout: 120_000 }, () => {
    const r = spawnSync(process.execPath, [join(repoRoot, 'node_modules/vitest/vitest.mjs'), 'run', 'src/main/project/textCheck.test.ts'], {
      cwd: repoRoot,
      env: { ...process.env, TASKDECK_CHROMIUM: join(temp, 'no-such-chromium'), CI: '1' },
      encoding: 'utf8',
      timeout: 110_000,
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('apt-get install -y chromium');
    expect(r.stdout + r.stderr).not.toContain('textCheck.test.ts');
  });
});
