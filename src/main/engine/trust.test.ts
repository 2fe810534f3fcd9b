import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configDir, isTrusted, trustFolder, untrustFolder, untrustedMessage } from './trust';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'taskdeck-trust-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('trust', () => {
  it('finds its file from TASKDECK_CONFIG_DIR, then XDG_CONFIG_HOME, then ~/.config', () => {
    expect(configDir({ TASKDECK_CONFIG_DIR: '/a', XDG_CONFIG_HOME: '/b' })).toBe('/a');
    expect(configDir({ XDG_CONFIG_HOME: '/b' })).toBe('/b/taskdeck');
    expect(configDir({})).toMatch(/\.config\/taskdeck$/);
  });

  it('trusts a folder by its real path, so a symlink to it is trusted and nothing else is', () => {
    const env = { TASKDECK_CONFIG_DIR: join(root, 'config') };
    const project = join(root, 'project');
    const other = join(root, 'other');
    mkdirSync(project);
    mkdirSync(other);
    symlinkSync(project, join(root, 'link'));
    expect(isTrusted(project, env)).toBe(false);
    trustFolder(join(root, 'link'), new Date('2026-11-24T00:00:00Z'), env);
    expect(isTrusted(project, env)).toBe(true);
    expect(isTrusted(other, env)).toBe(false);
    const file = JSON.parse(readFileSync(join(root, 'config', 'trusted.json'), 'utf8'));
    expect(file.folders).toEqual([{ path: project, trustedAt: '2026-11-24T00:00:00.000Z' }]);
    untrustFolder(project, env);
    expect(isTrusted(project, env)).toBe(false);
  });

  it('treats a missing or broken trust file as trusting nothing', () => {
    expect(isTrusted(root, { TASKDECK_CONFIG_DIR: join(root, 'nowhere') })).toBe(false);
  });

  it('explains how to trust and lists what would run', () => {
    const message = untrustedMessage('/p', ['make', 'npm test']);
    expect(message).toContain('/p is not trusted');
    expect(message).toContain('  make\n  npm test');
    expect(message).toContain('taskdeck trust --project "/p"');
  });
});
