// Our own Electron security audit, in plain Node: the checks electronegativity makes
// (and a few it cannot), asserted on the source and the packaging config, so they run
// everywhere, offline, on every `npm test`. `npm run audit:electron` runs the real tool
// on the build where it can be installed (docs/packaging.md).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { methodNames } from '../../src/shared/api';
import { CONTENT_SECURITY_POLICY, parseCsp } from '../../src/main/app/content-security-policy';
import { mainWindowOptions } from '../../src/main/app/window-options';

const repoRoot = resolve(import.meta.dirname, '../..');
const read = (path: string): string => readFileSync(join(repoRoot, path), 'utf8');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(repoRoot, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(repoRoot, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const allSources = sourceFiles('src').map((path) => ({ path, text: read(path) }));
const appSources = allSources.filter((f) => f.path.startsWith('src/main/app/') || f.path.startsWith('src/preload/'));

function occurrences(pattern: RegExp): string[] {
  return allSources.flatMap(({ path, text }) => [...text.matchAll(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))].map((m) => `${path}: ${m[0]}`));
}

describe('renderer isolation', () => {
  it('never turns on Node in a renderer or off the isolation, sandbox or web security', () => {
    expect(occurrences(/nodeIntegration\w*\s*:\s*true/)).toEqual([]);
    expect(occurrences(/(contextIsolation|sandbox|webSecurity)\s*:\s*false/)).toEqual([]);
    expect(occurrences(/(allowRunningInsecureContent|experimentalFeatures|webviewTag|nodeIntegrationInSubFrames)\s*:\s*true/)).toEqual([]);
    expect(occurrences(/enableBlinkFeatures|enableRemoteModule|@electron\/remote|executeJavaScript|insertCSS\(/)).toEqual([]);
  });
  it('creates the window with isolated, sandboxed, Node-free web preferences', () => {
    const prefs = mainWindowOptions({ preloadPath: 'p' }).webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false });
    // The one BrowserWindow is built from those options, restated for static auditors.
    expect(occurrences(/new BrowserWindow\(/).map((hit) => hit.split(':')[0])).toEqual(['src/main/app/window.ts']);
    const windowTs = read('src/main/app/window.ts');
    for (const setting of ['contextIsolation: true', 'sandbox: true', 'nodeIntegration: false', 'webSecurity: true']) expect(windowTs).toContain(setting);
    expect(read('src/main/app/index.ts')).toContain('app.enableSandbox()');
  });
  it('keeps electron imports inside the shell and the preload', () => {
    const importers = allSources.filter(({ text }) => /from 'electron'|require\('electron'\)/.test(text)).map((f) => f.path);
    expect(importers.filter((path) => !path.startsWith('src/main/app/') && !path.startsWith('src/preload/'))).toEqual([]);
  });
});

describe('navigation, windows and permissions', () => {
  const windowTs = read('src/main/app/window.ts');
  const sessionTs = read('src/main/app/session-hardening.ts');
  it('denies new windows and guards navigation', () => {
    expect(windowTs).toMatch(/setWindowOpenHandler\(/);
    expect(windowTs).toMatch(/return \{ action: decision\.action \}/);
    expect(windowTs).toMatch(/on\('will-navigate'/);
    expect(windowTs).toMatch(/on\('will-redirect'/);
    expect(windowTs).toMatch(/on\('will-attach-webview', \(event\) => event\.preventDefault\(\)\)/);
    expect(sessionTs).toMatch(/setWindowOpenHandler\(\(\) => \(\{ action: 'deny' \}\)\)/);
  });
  it('refuses every permission request and check', () => {
    expect(sessionTs).toMatch(/setPermissionRequestHandler\(\(_webContents, _permission, callback\) => callback\(false\)\)/);
    expect(sessionTs).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
    expect(occurrences(/callback\(true\)/)).toEqual([]);
  });
  it('opens external links only after validating them', () => {
    const calls = occurrences(/shell\.openExternal\([^)]*\)/);
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call).toMatch(/shell\.openExternal\(decision\.openExternally\)$/);
    expect(windowTs).toContain("from './navigation-policy'");
  });
  it('accepts only downloads our page made, and refuses the rest', () => {
    const downloads = read('src/main/app/downloads.ts');
    expect(downloads).toMatch(/on\('will-download'/);
    expect(downloads).toMatch(/decideDownload\(item\.getURL\(\), wiring\.isOurWebContents\(contents\), devOrigin\)[\s\S]*if \(!decision\.allow\) \{\s*event\.preventDefault\(\);/);
    expect(occurrences(/setSavePath\(/)).toEqual([]);
  });
  it('serves the app from its own protocol, not file:', () => {
    expect(occurrences(/loadFile\(|loadURL\('file:/)).toEqual([]);
    const protocolTs = read('src/main/app/protocol.ts');
    expect(protocolTs).toMatch(/resolveAppRequest\(request\.url, rendererDir\)/);
    expect(protocolTs).toContain('bypassCSP: false');
    expect(protocolTs).not.toMatch(/'access-control-allow-origin'\s*:/i);
  });
});

describe('content security policy', () => {
  it('is strict and identical in the header and the page', () => {
    const csp = parseCsp(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|\*|https?:/);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    const html = read('src/renderer/index.html');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1] ?? '';
    expect(meta).not.toMatch(/unsafe-eval/);
    expect(parseCsp(meta).get('script-src')).toEqual(["'self'"]);
    expect(read('src/main/app/session-hardening.ts')).toMatch(/onHeadersReceived\([\s\S]*withCspHeader/);
    expect(read('src/main/app/protocol.ts')).toContain("'content-security-policy': CONTENT_SECURITY_POLICY");
  });
});

describe('IPC surface', () => {
  it('registers one handler per contract method, each checking the sender first', () => {
    const ipcTs = read('src/main/app/ipc.ts');
    expect(ipcTs).toMatch(/for \(const name of methodNames\) \{\s*ipcMain\.handle\(name,/);
    expect(ipcTs.indexOf('checkIpcSender(')).toBeLessThan(ipcTs.indexOf('registration.call(name, args)'));
    expect(occurrences(/ipcMain\.(on|once|handleOnce)\(/)).toEqual([]);
    expect(occurrences(/ipcMain\.handle\(/)).toEqual(['src/main/app/ipc.ts: ipcMain.handle(']);
    expect(methodNames.length).toBeGreaterThan(0);
  });
  it('exposes only window.taskdeck from the preload, with no raw ipcRenderer', () => {
    const preload = appSources.filter((f) => f.path.startsWith('src/preload/')).map((f) => f.text).join('\n');
    expect([...preload.matchAll(/exposeInMainWorld\(/g)].length).toBe(1);
    expect(preload).toMatch(/exposeInMainWorld\('taskdeck', bridge\)/);
    expect(preload).not.toMatch(/ipcRenderer\.(send|sendSync|sendTo|postMessage)\(/);
    expect(preload).not.toMatch(/invoke\(\.\.\.|invoke\(channel: string/);
    expect(read('src/preload/bridge.ts')).toMatch(/methodNames\.map\(/);
  });
});

describe('packaging', () => {
  const require = createRequire(import.meta.url);
  const yaml = require('js-yaml') as { load: (text: string) => unknown };
  const config = yaml.load(read('electron-builder.yml')) as Record<string, unknown>;
  it('flips the hardening fuses', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
  it('packs only built files into an asar, with better-sqlite3 unpacked', () => {
    expect(config['asar']).toBe(true);
    expect(config['asarUnpack']).toEqual(['**/node_modules/better-sqlite3/**']);
    const files = config['files'] as string[];
    expect(files.filter((f) => !f.startsWith('!') && !f.includes('node_modules'))).toEqual(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']);
    expect(files).toContain('!**/*.map');
  });
  it('keeps the relative layout the main process expects', () => {
    expect(relative(repoRoot, join(repoRoot, 'out/main', '..', 'preload', 'index.cjs'))).toBe(join('out', 'preload', 'index.cjs'));
    expect(read('electron.vite.config.ts')).toMatch(/format: 'cjs', entryFileNames: '\[name\]\.cjs'/);
  });
});
