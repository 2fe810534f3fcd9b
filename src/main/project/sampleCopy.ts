// The tracked sample project is never planned on in place: like the desktop app, which
// copies its bundled sample into the user's data folder, `taskdeck serve` pointed at the
// repository's resources/sample-project serves a copy, so drags, edits and runs never
// change files under version control.
import { cpSync, existsSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The data folder the desktop app uses on this platform (Electron's userData for the
 * product "Taskdeck"), or TASKDECK_USER_DATA when set (tests, portable setups).
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env['TASKDECK_USER_DATA'];
  if (override) return resolve(override);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Taskdeck');
  if (platform === 'win32') return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'Taskdeck');
  return join(env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'Taskdeck');
}

function same(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

/**
 * The folder to serve for `requested`: itself, or, when it is the tracked sample, the
 * copy in the user's data folder (made on first use, kept afterwards so plans persist).
 */
export function projectToServe(requested: string, trackedSample: string, dataDir: string = userDataDir()): { dir: string; copiedFrom: string | null } {
  if (!existsSync(trackedSample) || !same(requested, trackedSample)) return { dir: resolve(requested), copiedFrom: null };
  const copy = join(dataDir, 'sample-project');
  if (!existsSync(copy)) cpSync(trackedSample, copy, { recursive: true, errorOnExist: false, force: false, filter: (src) => !/[\\/](out|\.taskdeck)([\\/]|$)/.test(src.slice(trackedSample.length)) });
  return { dir: copy, copiedFrom: resolve(trackedSample) };
}
