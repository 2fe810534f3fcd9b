// The Electron shell, built (out/main/index.js), run in plain Node against a stub of the
// `electron` module (app-shell-harness/): Electron's binary cannot run here, so this is
// how the wiring is proven: every contract method on ipcMain behind the sender check,
// the window's secure options, the app:// protocol, session hooks, navigation guards,
// menus, the open-folder flow and state.json. `npm test` builds out/ first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { methodNames } from '../../src/shared/api';
import { CONTENT_SECURITY_POLICY } from '../../src/main/app/content-security-policy';

const repoRoot = resolve(import.meta.dirname, '../..');
const harnessDir = join(import.meta.dirname, 'app-shell-harness');
const temp = mkdtempSync(join(tmpdir(), 'taskdeck-shell-'));
const first = join(temp, 'first');
const second = join(temp, 'second');
const userData = join(temp, 'userData');
const empty = join(temp, 'no-backlog-here');
let report: Record<string, unknown> = {};

function runHarness(args: string[], env: Record<string, string>): Record<string, unknown> {
  const result = spawnSync(process.execPath, ['--import', join(harnessDir, 'register.mjs'), join(harnessDir, 'harness.mjs'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
    // A temp config folder: the app's sample copy and trust never touch the real ~/.config.
    env: { ...process.env, TASKDECK_TEST_MAIN: join(repoRoot, 'out/main/index.js'), TASKDECK_TEST_APP_PATH: repoRoot, ELECTRON_RENDERER_URL: '', TASKDECK_CONFIG_DIR: join(temp, 'config'), ...env },
  });
  const line = result.stdout.split('\n').find((l) => l.startsWith('REPORT '));
  expect(line, `harness failed (exit ${String(result.status)}):\n${result.stderr}`).toBeDefined();
  return JSON.parse((line ?? 'REPORT {}').slice('REPORT '.length)) as Record<string, unknown>;
}

beforeAll(() => {
  expect(existsSync(join(repoRoot, 'out/main/index.js')), 'out/main/index.js is missing: run `npm run build` first').toBe(true);
  cpSync(join(repoRoot, 'resources/sample-project'), first, { recursive: true });
  cpSync(join(repoRoot, 'resources/sample-project'), second, { recursive: true });
  mkdirSync(userData);
  mkdirSync(empty);
  report = runHarness(['--project', first], { TASKDECK_TEST_USERDATA: userData, TASKDECK_TEST_PICK_DIR: second, TASKDECK_TEST_EMPTY_DIR: empty });
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('Electron shell wiring (built main process, stubbed electron)', () => {
  it('opens one sandboxed, isolated window on app://taskdeck with the sandbox forced on', () => {
    expect(report['loadedUrl']).toBe('app://taskdeck/index.html');
    expect(report['windowOptions']).toMatchObject({
      show: false,
      icon: join(repoRoot, 'resources/icons/512x512.png'),
      webPreferences: { preload: join(repoRoot, 'out/preload/index.cjs'), contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false },
    });
    expect(report['appCalls']).toContain('enableSandbox');
    expect(report['privilegedSchemes']).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: false, corsEnabled: true, bypassCSP: false } }]);
  });

  it('registers exactly the contract methods and answers our window with the project from --project', () => {
    expect(report['ipcChannels']).toEqual([...methodNames].sort());
    expect(report['currentFromWindow']).toEqual({ ok: true, value: { dir: first, name: 'first', file: 'backlog.md', path: join(first, 'backlog.md') } });
    expect(report['title']).toBe('first — Taskdeck');
  });

  it('refuses foreign pages, frames, windows and gone frames, and validates arguments', () => {
    for (const key of ['foreignTopFrame', 'subFrame', 'otherWindow', 'goneFrame']) {
      expect(report[key], key).toMatchObject({ ok: false, error: { code: 'IPC_FORBIDDEN_SENDER' } });
    }
    expect(report['badArgs']).toMatchObject({ ok: false, error: { code: 'bad-arguments', message: expect.stringContaining('Bad arguments for project:open') } });
  });

  it('serves the renderer with the CSP and refuses traversal and other hosts', () => {
    const protocol = report['protocol'] as Record<string, { status: number; type: string | null; csp: string | null; body: string }>;
    expect(protocol['index']).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', csp: CONTENT_SECURITY_POLICY });
    expect(protocol['index']?.body).toContain('<div id="root">');
    expect(protocol['root']?.status).toBe(200);
    expect(protocol['traversal']?.status).toBe(403);
    expect(protocol['foreignHost']?.status).toBe(403);
    expect(protocol['missing']?.status).toBe(404);
  });

  it('denies permissions and rewrites every response CSP', () => {
    expect(report['permissionGranted']).toBe(false);
    expect(report['permissionCheck']).toBe(false);
    expect(report['rewrittenHeaders']).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('keeps the window on the app, sends only web links to the browser, and opens no windows', () => {
    expect(report['navigation']).toEqual({ appPrevented: false, webPrevented: true, filePrevented: true, windowOpen: { action: 'deny' } });
    expect(report['externalOpens']).toEqual(['https://docs.example/page']);
  });

  it('has the File menu with recent projects', () => {
    expect(report['menuLabels']).toEqual(['File', 'Edit', 'View', 'Window']);
    expect(report['recentLabels']).toEqual([`first — ${temp.split('/').at(-1) ?? ''}`, 'separator', 'Clear Recent Projects']);
  });

  it('File > Export saves through a save dialog the same bytes as reports:export, then offers Show in Folder', () => {
    const saved = join(userData, 'tasks-export.json');
    expect(report['menuExport']).toEqual({
      saveDialog: { title: 'Export', defaultPath: join(userData, 'Documents', 'taskdeck-tasks.json'), filters: [{ name: 'JSON', extensions: ['json'] }, { name: 'All files', extensions: ['*'] }] },
      confirmation: { type: 'info', message: 'Export saved', detail: expect.stringMatching(new RegExp(`^${saved}\\n.+`)), buttons: ['OK', 'Show in Folder'], title: 'Taskdeck', defaultId: 0, cancelId: 0 },
      sameBytesApartFromGeneratedAt: true,
      shownInFolder: [saved],
    });
  });

  it('reports:write writes only to the path the save dialog returned for that export, once', () => {
    const notChosen = { ok: false, error: { code: 'not-chosen', message: expect.stringContaining('save dialog') } };
    expect(report['windowWrite']).toEqual({ anyPath: notChosen, anyPathCreated: false, chosenPathAgain: notChosen });
  });

  it('remembers the last project, and Open Folder switches project, title, recents and tells the renderer', () => {
    expect(report['stateAfterStart']).toEqual({ version: 1, lastProject: first, recentProjects: [first] });
    expect(report['stateAfterOpen']).toEqual({ version: 1, lastProject: second, recentProjects: [second, first] });
    expect(report['titleAfterOpen']).toBe('second — Taskdeck');
    expect(report['backlogEvents']).toContainEqual(expect.objectContaining({ source: 'open' }));
  });

  it('explains a folder without a backlog in a dialog and keeps the open project', () => {
    expect(report['errorDialog']).toMatchObject({ type: 'error', title: 'Could not open the project', message: expect.stringContaining(empty) });
    expect(report['stateAfterFailedOpen']).toEqual({ version: 1, lastProject: second, recentProjects: [second, first] });
    expect(report['currentAfterFailedOpen']).toMatchObject({ ok: true, value: { dir: second } });
    expect(report['dialogs']).toEqual(['open', 'open', 'message']);
  });

  it('saves exports through a native save dialog, then offers Show in Folder; refuses other downloads', () => {
    expect(report['exportDownload']).toEqual({
      prevented: false,
      dialogOptions: { title: 'Export', defaultPath: join(userData, 'Documents', 'error-report.json'), filters: [{ name: 'JSON', extensions: ['json'] }, { name: 'All files', extensions: ['*'] }] },
      confirmation: { type: 'info', message: 'Export saved', detail: '/home/me/Documents/error-report.json', buttons: ['OK', 'Show in Folder'], title: 'Taskdeck', defaultId: 0, cancelId: 0 },
      shownInFolder: ['/home/me/Documents/error-report.json'],
    });
    expect(report['foreignDownloadPrevented']).toBe(true);
  });

  it('on the first packaged start, copies the bundled sample beside the trust file and opens the copy', () => {
    const packagedUserData = join(temp, 'packaged-userData');
    const config = join(temp, 'packaged-config');
    const resources = join(temp, 'resources');
    cpSync(join(repoRoot, 'resources/sample-project'), join(resources, 'sample-project'), { recursive: true });
    mkdirSync(packagedUserData);
    const packaged = runHarness([], { TASKDECK_TEST_USERDATA: packagedUserData, TASKDECK_CONFIG_DIR: config, TASKDECK_TEST_RESOURCES: resources, TASKDECK_TEST_SCENARIO: 'packaged-first-start' });
    const copy = join(config, 'sample-project');
    expect(packaged['currentFromWindow']).toMatchObject({ ok: true, value: { dir: copy } });
    expect(packaged['state']).toEqual({ version: 1, lastProject: copy, recentProjects: [copy] });
    expect(packaged['copiedBacklog']).toBe(readFileSync(join(repoRoot, 'resources/sample-project/backlog.md'), 'utf8').length);
    expect(packaged['windowOptions']).toMatchObject({ icon: join(resources, 'icons', '512x512.png') });
    // No developer tools in a packaged app's menu.
    expect(packaged['menuActions']).not.toContain('Toggle Developer Tools');
    expect(packaged['menuActions']).toContain('Reload');
  });
});
