// `npm run audit:electron`'s gate (scripts/audit-electron.mjs), run as a process against
// a stand-in electronegativity in a temp cache folder: it passes the tool our build, the
// Electron version and a report path, prints every finding, and fails only on HIGH.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'taskdeck-audit-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const HEADER = 'issue, severity, confidence, filename, location, sample, description, url';

/** A fake tool that records its arguments and writes `csv` to the -o path. */
function fakeTool(name: string, csv: string): string {
  const dir = join(temp, name);
  const pkgDir = join(dir, 'node_modules', '@doyensec', 'electronegativity');
  mkdirSync(join(pkgDir, 'dist'), { recursive: true });
  writeFileSync(join(pkgDir, 'package.json'), JSON.stringify({ name: '@doyensec/electronegativity', bin: { electronegativity: 'dist/index.js' } }));
  writeFileSync(
    join(pkgDir, 'dist', 'index.js'),
    `const fs = require('fs');
const args = process.argv.slice(2);
fs.writeFileSync(${JSON.stringify(join(dir, 'args.json'))}, JSON.stringify(args));
fs.writeFileSync(args[args.indexOf('-o') + 1], ${JSON.stringify(csv)});
`,
  );
  return dir;
}

function audit(toolDir: string, input: string) {
  return spawnSync(process.execPath, [join(repoRoot, 'scripts/audit-electron.mjs'), '--input', input], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, TASKDECK_ELECTRONEGATIVITY_DIR: toolDir },
    timeout: 30_000,
  });
}

function fakeBuild(): string {
  const dir = join(temp, 'build');
  for (const file of ['main/index.js', 'preload/index.cjs', 'renderer/index.html']) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), '\n');
  }
  return dir;
}

describe('npm run audit:electron', () => {
  const build = fakeBuild();
  const electronVersion = (JSON.parse(readFileSync(join(repoRoot, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

  it('passes with only MEDIUM and LOW findings, listing them', () => {
    const tool = fakeTool(
      'clean',
      `${HEADER}\nOPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","main/index.js","1:2","shell.openExternal(x, ""y"")","Review the use of openExternal",https://example.invalid\nCSP_GLOBAL_CHECK,"LOW","FIRM","renderer/index.html","5:0",N/A,"Review, maybe",https://example.invalid\n`,
    );
    const result = audit(tool, build);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/MEDIUM\s+TENTATIVE\s+OPEN_EXTERNAL_JS_CHECK\s+main\/index\.js:1:2\s+Review the use of openExternal/);
    expect(result.stdout).toContain('2 finding(s), 0 HIGH');
    const args = JSON.parse(readFileSync(join(tool, 'args.json'), 'utf8')) as string[];
    expect(args.slice(0, 4)).toEqual(['-i', build, '-e', electronVersion]);
  });

  it('fails on a HIGH finding', () => {
    const tool = fakeTool('dirty', `${HEADER}\nCONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","main/index.js","3:75","new BrowserWindow({})","Review the use of the contextIsolation option",https://example.invalid\n`);
    const result = audit(tool, build);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('1 finding(s), 1 HIGH');
  });

  it('says what to do when the build is missing', () => {
    const tool = fakeTool('unused', `${HEADER}\n`);
    const result = audit(tool, join(temp, 'nothing-built'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('run `npm run build` first');
  });
});
