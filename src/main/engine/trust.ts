// Commands from a project folder never run until the user trusts them. Trust is per user,
// per folder by its real path (symlinks resolved, so a link cannot borrow another folder's
// trust), and per command: what is trusted is the set of commands the user saw (a sha256
// of each, with the task it came from), so a command added or changed after trusting is
// refused until the user trusts it too. Stored in $TASKDECK_CONFIG_DIR/trusted.json, else
// $XDG_CONFIG_HOME/taskdeck/trusted.json, else ~/.config/taskdeck/trusted.json.
//
// A folder trusted by an older Taskdeck (version 1: no command list) is still known as
// trusted, but every command counts as new: the user reviews them once.
import { mkdirSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { readRegularFileSyncOrNull } from '../project/readRegularFile';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { recordProjectAudit } from '../store/recordProjectAudit';
import { sha256Hex } from '../project/sha256';

export interface TrustedFolder {
  path: string;
  trustedAt: string;
  /** Task id -> sha256 of the command trusted for it. Absent in a version 1 file. */
  commands?: Record<string, string>;
}

export interface TrustFile {
  version: 2;
  folders: TrustedFolder[];
}

/** A command a run would start, and the task it is for. */
export interface TaskCommand {
  taskId: string;
  command: string;
}

/** A command not trusted yet: new (the task had no trusted command) or changed. */
export interface UntrustedCommand extends TaskCommand {
  change: 'added' | 'changed';
}

export interface TrustCheck {
  /** The folder was trusted before (with some commands, or by an older Taskdeck). */
  folderTrusted: boolean;
  /** Trusted by an older Taskdeck, which did not record the commands. */
  legacy: boolean;
  untrusted: UntrustedCommand[];
}

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env['TASKDECK_CONFIG_DIR']) return env['TASKDECK_CONFIG_DIR'];
  if (env['XDG_CONFIG_HOME']) return join(env['XDG_CONFIG_HOME'], 'taskdeck');
  return join(homedir(), '.config', 'taskdeck');
}

export function trustFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), 'trusted.json');
}

export function commandHash(command: string): string {
  return sha256Hex(command);
}

function readTrustFile(file: string): TrustFile {
  try {
    // Only a regular file of sane size: a FIFO or device planted as the trust store must
    // not hang every run (a blocked synchronous read cannot even be interrupted).
    const text = readRegularFileSyncOrNull(file);
    if (text === null) return { version: 2, folders: [] };
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && Array.isArray((parsed as TrustFile).folders)) {
      const folders = (parsed as TrustFile).folders
        .filter((f) => f && typeof f.path === 'string')
        .map((f) => {
          const commands = f.commands && typeof f.commands === 'object' && !Array.isArray(f.commands) ? f.commands : undefined;
          const clean = commands ? Object.fromEntries(Object.entries(commands).filter(([, h]) => typeof h === 'string')) : undefined;
          return { path: f.path, trustedAt: String(f.trustedAt ?? ''), ...(clean ? { commands: clean } : {}) };
        });
      return { version: 2, folders };
    }
  } catch {
    // Missing or unreadable: nothing is trusted, which is the safe reading.
  }
  return { version: 2, folders: [] };
}

function writeTrustFile(file: string, content: TrustFile): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(content, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
}

function folderEntry(projectDir: string, env: NodeJS.ProcessEnv): TrustedFolder | null {
  let real: string;
  try {
    real = realpathSync(projectDir);
  } catch {
    return null;
  }
  return readTrustFile(trustFilePath(env)).folders.find((f) => f.path === real) ?? null;
}

/** Whether the folder was ever trusted (its commands may still need review: checkTrust). */
export function isTrusted(projectDir: string, env: NodeJS.ProcessEnv = process.env): boolean {
  return folderEntry(projectDir, env) !== null;
}

/** Which of these commands are not trusted yet in this folder, and why. */
export function checkTrust(projectDir: string, commands: readonly TaskCommand[], env: NodeJS.ProcessEnv = process.env): TrustCheck {
  const entry = folderEntry(projectDir, env);
  const known = entry?.commands ?? {};
  const trusted = new Set(Object.values(known));
  const untrusted: UntrustedCommand[] = [];
  const seen = new Set<string>();
  for (const c of commands) {
    if (trusted.has(commandHash(c.command))) continue;
    const key = `${c.taskId}\0${c.command}`;
    if (seen.has(key)) continue;
    seen.add(key);
    untrusted.push({ ...c, change: known[c.taskId] !== undefined ? 'changed' : 'added' });
  }
  return { folderTrusted: entry !== null, legacy: entry !== null && entry.commands === undefined, untrusted };
}

/**
 * Trusts a folder and these commands (the ones the user saw); returns the folder's real
 * path. `replace` makes them the folder's whole trusted set (`taskdeck trust` on the
 * current backlog); otherwise they are added to it (the app's dialog, for one run).
 * Written atomically (temp file + rename), mode 600.
 */
export function trustFolder(
  projectDir: string,
  now: Date,
  env: NodeJS.ProcessEnv = process.env,
  commands: readonly TaskCommand[] = [],
  replace = false,
): string {
  const real = realpathSync(projectDir);
  const file = trustFilePath(env);
  const current = readTrustFile(file);
  let entry = current.folders.find((f) => f.path === real);
  const was = entry !== undefined;
  const before = Object.keys(entry?.commands ?? {}).sort();
  if (!entry) {
    entry = { path: real, trustedAt: now.toISOString() };
    current.folders.push(entry);
  }
  const next: Record<string, string> = replace ? {} : { ...(entry.commands ?? {}) };
  for (const c of commands) next[c.taskId] = commandHash(c.command);
  entry.commands = next;
  entry.trustedAt = now.toISOString();
  writeTrustFile(file, current);
  // Every surface trusts through here (CLI, app, web host): the one place to record it.
  const after = Object.keys(next).sort();
  recordProjectAudit(real, {
    action: 'trust',
    summary: `trusted ${real}${commands.length ? `: the commands of ${commands.map((c) => c.taskId).join(', ')}` : ''}`,
    before: { trusted: was, commandsOf: before },
    after: { trusted: true, commandsOf: after, trustFile: file },
    at: now.getTime(),
  });
  return real;
}

export function untrustFolder(projectDir: string, env: NodeJS.ProcessEnv = process.env): void {
  const real = realpathSync(projectDir);
  const file = trustFilePath(env);
  const current = readTrustFile(file);
  const was = current.folders.some((f) => f.path === real);
  current.folders = current.folders.filter((f) => f.path !== real);
  writeTrustFile(file, current);
  recordProjectAudit(real, { action: 'untrust', summary: `no longer trusted ${real}`, before: { trusted: was }, after: { trusted: false, trustFile: file } });
}

function listed(commands: readonly UntrustedCommand[]): string[] {
  const shown = commands.slice(0, 10).map((c) => `  ${c.change === 'changed' ? 'changed' : 'new    '}  ${c.taskId}: ${c.command}`);
  if (commands.length > 10) shown.push(`  ... and ${commands.length - 10} more`);
  return shown;
}

/** The message shown instead of running anything whose command is not trusted. */
export function untrustedMessage(projectDir: string, c: TrustCheck): string {
  const one = c.untrusted.length === 1;
  const intro = !c.folderTrusted
    ? `${projectDir} is not trusted, so Taskdeck will not run its commands.`
    : c.legacy
      ? `${projectDir} was trusted by an older Taskdeck, which did not record its commands; review them once before they run.`
      : `${projectDir} is trusted, but ${one ? 'a command was' : `${c.untrusted.length} commands were`} added or changed since; Taskdeck will not run ${one ? 'it' : 'them'} until you trust ${one ? 'it' : 'them'}.`;
  return [
    intro,
    c.untrusted.length ? 'These commands from its backlog would run:' : 'Its backlog defines no commands yet.',
    ...listed(c.untrusted),
    `If you trust them, run: taskdeck trust --project ${JSON.stringify(projectDir)}`,
  ].join('\n');
}
