import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_APP_STATE, loadAppState, saveAppState, stateFilePath } from './app-state';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'taskdeck-state-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('app state file', () => {
  it('starts from defaults when there is no file yet', () => {
    expect(loadAppState(tempDir())).toEqual({ state: DEFAULT_APP_STATE, problem: null });
  });
  it('round-trips the last and recent projects, leaving no temp file', () => {
    const dir = join(tempDir(), 'nested', 'userData');
    const state = { version: 1 as const, lastProject: '/p', recentProjects: ['/p', '/q'] };
    saveAppState(dir, state);
    expect(loadAppState(dir)).toEqual({ state, problem: null });
    expect(readdirSync(dir)).toEqual(['state.json']);
    expect(JSON.parse(readFileSync(stateFilePath(dir), 'utf8'))).toEqual(state);
  });
  it('survives a damaged or foreign file with a note, not a crash', () => {
    const dir = tempDir();
    writeFileSync(stateFilePath(dir), '{ not json');
    expect(loadAppState(dir)).toMatchObject({ state: DEFAULT_APP_STATE, problem: expect.stringContaining('not valid JSON') });
    writeFileSync(stateFilePath(dir), JSON.stringify({ version: 9, recent: 3 }));
    expect(loadAppState(dir)).toMatchObject({ state: DEFAULT_APP_STATE, problem: expect.stringContaining('unexpected shape') });
  });
});
