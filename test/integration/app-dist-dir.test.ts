// `npm run dist:dir`'s packing step, run for real: electron-builder packs the built app
// (out/, made by `npm run build`, which `npm test` runs first) against a placeholder
// Electron into a temp folder, and scripts/dist-dir.mjs checks the result: app files
// only in app.asar, better-sqlite3 unpacked and loadable, sample and icons beside the
// asar, fuses flipped.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../..');
const output = mkdtempSync(join(tmpdir(), 'taskdeck-dist-'));
afterAll(() => rmSync(output, { recursive: true, force: true }));

describe('dist:dir', () => {
  it('packs the built app offline with the configured layout and fuses', () => {
    for (const built of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']) {
      expect(existsSync(join(repoRoot, built)), `${built} is missing: run \`npm run build\` first`).toBe(true);
    }
    const result = spawnSync(process.execPath, [join(repoRoot, 'scripts/dist-dir.mjs'), '--output', output], { cwd: repoRoot, encoding: 'utf8', timeout: 240_000 });
    expect(result.stderr).not.toContain('is not right');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('dist:dir: OK:');
    const unpacked = join(output, 'linux-unpacked');
    expect(existsSync(join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds', `linux-${process.arch}.node`))).toBe(true);
    // Other platforms' binaries stay out of a Linux package.
    expect(existsSync(join(unpacked, 'resources', 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'prebuilds', 'win32-x64.node'))).toBe(false);
    const binary = readFileSync(join(unpacked, 'taskdeck'));
    const sentinel = binary.indexOf('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX');
    expect(sentinel).toBeGreaterThan(-1);
    // RunAsNode off, cookie encryption on, NODE_OPTIONS off, --inspect off, asar integrity on, asar only.
    expect(binary.subarray(sentinel + 34, sentinel + 40).toString('latin1')).toBe('010011');
  }, 300_000);
});
