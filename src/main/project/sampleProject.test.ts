import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureSampleCopy, sampleCopyDir } from './sampleProject';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function bundled(): string {
  root = mkdtempSync(join(tmpdir(), 'taskdeck-sample-'));
  const dir = join(root, 'resources', 'sample-project');
  mkdirSync(join(dir, '.taskdeck'), { recursive: true });
  mkdirSync(join(dir, 'scripts'), { recursive: true });
  writeFileSync(join(dir, 'backlog.md'), '| ID | Title |\n|---|---|\n| B-1 | One |\n');
  writeFileSync(join(dir, 'scripts', 'quick.mjs'), 'console.log(1)\n');
  writeFileSync(join(dir, '.taskdeck', 'task_execution.db'), 'not copied');
  return dir;
}

describe('ensureSampleCopy', () => {
  it('copies the sample once (without its record), then keeps the copy and what the user changed', () => {
    const from = bundled();
    const to = join(root, 'config', 'taskdeck', 'sample-project');
    expect(ensureSampleCopy(from, to)).toEqual({ dir: to, created: true });
    expect(readFileSync(join(to, 'scripts', 'quick.mjs'), 'utf8')).toBe('console.log(1)\n');
    expect(existsSync(join(to, '.taskdeck'))).toBe(false);
    writeFileSync(join(to, 'backlog.md'), 'planned by the user');
    expect(ensureSampleCopy(from, to)).toEqual({ dir: to, created: false });
    expect(readFileSync(join(to, 'backlog.md'), 'utf8')).toBe('planned by the user');
    // No temp folder is left beside the copy.
    expect(readdirSync(join(root, 'config', 'taskdeck'))).toEqual(['sample-project']);
  });

  it('says so when the bundled sample is missing, and leaves nothing behind', () => {
    root = mkdtempSync(join(tmpdir(), 'taskdeck-sample-'));
    expect(() => ensureSampleCopy(join(root, 'nowhere'), join(root, 'copy'))).toThrow(/sample project is missing/);
    expect(existsSync(join(root, 'copy'))).toBe(false);
  });

  it('lives beside the trust file', () => {
    root = mkdtempSync(join(tmpdir(), 'taskdeck-sample-'));
    expect(sampleCopyDir({ TASKDECK_CONFIG_DIR: '/c' })).toBe('/c/sample-project');
    expect(sampleCopyDir({ XDG_CONFIG_HOME: '/x' })).toBe('/x/taskdeck/sample-project');
  });
});
