// Commands from a project folder never run until the user trusts that folder. Trust is
// per user, keyed by the folder's real path (symlinks resolved, so a link cannot borrow
// another folder's trust), in $TASKDECK_CONFIG_DIR/trusted.json, else
// $XDG_CONFIG_HOME/taskdeck/trusted.json, else ~/.config/taskdeck/trusted.json.
import { mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { recordProjectAudit } from '../store/recordProjectAudit';

export interface TrustFile {
  version: 1;
  folders: { path: string; trustedAt: string }[];
}

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['TASKDECK_CONFIG_DIR']) return env['TASKDECK_CONFIG_DIR'];
  if (env['XDG_CONFIG_HOME']) return join(env['XDG_CONFIG_HOME'], 'taskdeck');
  return join(homedir(), '.config', 'taskdeck');
}

export function trustFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), 'trusted.json');
}

function readTrustFile(file: string): TrustFile {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (parsed && typeof parsed === 'object' && Array.isArray((parsed as TrustFile).folders)) {
      const folders = (parsed as TrustFile).folders.filter((f) => f && typeof f.path === 'string');
      return { version: 1, folders };
    }
  } catch {
    // Missing or unreadable: nothing is trusted, which is the safe reading.
  }
  return { version: 1, folders: [] };
}

function realFolder(dir: string): string {
  return realpathSync(dir);
}

export function isTrusted(projectDir: string, env: NodeJS.ProcessEnv = process.env): boolean {
  let real: string;
  try {
    real = realFolder(projectDir);
  } catch {
    return false;
  }
  return readTrustFile(trustFilePath(env)).folders.some((f) => f.path === real);
}

/** Trusts a folder; returns its real path. Written atomically (temp file + rename). */
export function trustFolder(projectDir: string, now: Date, env: NodeJS.ProcessEnv = process.env): string {
  const real = realFolder(projectDir);
  const file = trustFilePath(env);
  const current = readTrustFile(file);
  const was = current.folders.some((f) => f.path === real);
  if (!was) current.folders.push({ path: real, trustedAt: now.toISOString() });
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(current, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
  // Every surface trusts through here (CLI, app, web host): the one place to record it.
  recordProjectAudit(real, { action: 'trust', summary: `trusted ${real}`, before: { trusted: was }, after: { trusted: true, trustFile: file }, at: now.getTime() });
  return real;
}

export function untrustFolder(projectDir: string, env: NodeJS.ProcessEnv = process.env): void {
  const real = realFolder(projectDir);
  const file = trustFilePath(env);
  const current = readTrustFile(file);
  const was = current.folders.some((f) => f.path === real);
  current.folders = current.folders.filter((f) => f.path !== real);
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(current, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
  recordProjectAudit(real, { action: 'untrust', summary: `no longer trusted ${real}`, before: { trusted: was }, after: { trusted: false, trustFile: file } });
}

/** The message shown instead of running anything in an untrusted folder. */
export function untrustedMessage(projectDir: string, commands: readonly string[]): string {
  const shown = commands.slice(0, 10).map((c) => `  ${c}`);
  if (commands.length > 10) shown.push(`  ... and ${commands.length - 10} more`);
  return [
    `${projectDir} is not trusted, so Taskdeck will not run its commands.`,
    commands.length ? 'These commands from its backlog would run:' : 'Its backlog defines no commands yet.',
    ...shown,
    `If you trust this folder, run: taskdeck trust --project ${JSON.stringify(projectDir)}`,
  ].join('\n');
}
