import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectToServe, userDataDir } from './sampleCopy';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function setup() {
  root = mkdtempSync(join(tmpdir(), 'taskdeck-sample-copy-'));
  const sample = join(root, 'repo', 'resources', 'sample-project');
  mkdirSync(join(sample, 'out'), { recursive: true });
  writeFileSync(join(sample, 'backlog.md'), '# Sample\n');
  writeFileSync(join(sample, 'out', 'log.txt'), 'run output');
  return { sample, data: join(root, 'data') };
}

describe('projectToServe', () => {
  it('serves a copy of the tracked sample in the data folder, made once and then kept', () => {
    const { sample, data } = setup();
    const first = projectToServe(join(sample, '..', 'sample-project'), sample, data);
    expect(first).toEqual({ dir: join(data, 'sample-project'), copiedFrom: sample });
    expect(readFileSync(join(first.dir, 'backlog.md'), 'utf8')).toBe('# Sample\n');
    // Run outputs are not copied.
    expect(() => readFileSync(join(first.dir, 'out', 'log.txt'))).toThrow();
    writeFileSync(join(first.dir, 'backlog.md'), '# Planned on\n');
    expect(readFileSync(join(projectToServe(sample, sample, data).dir, 'backlog.md'), 'utf8')).toBe('# Planned on\n');
    expect(readFileSync(join(sample, 'backlog.md'), 'utf8')).toBe('# Sample\n');
  });

  it('serves any other folder in place', () => {
    const { sample, data } = setup();
    const other = join(root, 'mine');
    mkdirSync(other);
    expect(projectToServe(other, sample, data)).toEqual({ dir: other, copiedFrom: null });
  });

  it('uses the desktop app\'s data folder, or TASKDECK_USER_DATA', () => {
    expect(userDataDir({ TASKDECK_USER_DATA: '/tmp/x' }, 'linux')).toBe('/tmp/x');
    expect(userDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/Taskdeck');
  });
});
