// Changes taskdeck.json in place: reads it, lets the caller change the parsed object, and
// writes it back atomically with its key order, indentation and line endings kept, so a
// crash never leaves half a config and a hand-written file stays recognisable. Every read-
// change-write holds the file's cross-process lock (fileLock.ts), so two processes saving
// (the app's sprint form and `vocabulary:map` from another window, say) never lose one.
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicWrite } from './atomicWrite';
import { CONFIG_FILE } from './config';
import { fail, ok, type ProjectError, type Result } from './errors';
import { withFileLock } from './fileLock';
import { readRegularFile, SETTINGS_ROLE, SETTINGS_SIZE_LIMIT } from './readRegularFile';

/** Runs one read-change-write of taskdeck.json under its lock; a lock failure is a write failure. */
async function locked<T>(file: string, fn: () => Promise<Result<T, ProjectError>>): Promise<Result<T, ProjectError>> {
  const done = await withFileLock(file, fn);
  if (!done.ok && (done.error.code === 'file-locked' || done.error.code === 'write-failed')) return fail({ code: 'config-write-failed', message: done.error.message });
  return done as Result<T, ProjectError>;
}

/** The indentation the file already uses (two spaces when it cannot tell). */
function indentOf(text: string): string | number {
  const m = /^\{\r?\n([ \t]+)"/.exec(text);
  return m ? m[1]! : 2;
}

/** The file's text before and after a change (`before` null: there was no file). */
export interface ConfigChange {
  before: string | null;
  after: string;
}

async function readConfigText(file: string): Promise<Result<string | null, ProjectError>> {
  const read = await readRegularFile(file, SETTINGS_SIZE_LIMIT, SETTINGS_ROLE);
  if (read.ok) return ok(read.value.bytes.toString('utf8'));
  return read.error.code === 'not-found' ? ok(null) : fail({ code: 'config-unreadable', message: read.error.message });
}

/**
 * `change` gets the file's top-level object (empty when there is no file) and returns the
 * next one (or an error); replacing a key keeps its position, a new key goes last. `purpose`
 * finishes the sentence of the error for a file that is not JSON ("fix it before saving sprints").
 */
export async function updateConfigFile(
  projectDir: string,
  purpose: string,
  change: (existing: Record<string, unknown>) => Result<Record<string, unknown>, ProjectError>,
): Promise<Result<ConfigChange, ProjectError>> {
  const file = join(projectDir, CONFIG_FILE);
  return locked(file, () => changeConfig(file, purpose, change));
}

async function changeConfig(
  file: string,
  purpose: string,
  change: (existing: Record<string, unknown>) => Result<Record<string, unknown>, ProjectError>,
): Promise<Result<ConfigChange, ProjectError>> {
  let existing: Record<string, unknown> = {};
  const read = await readConfigText(file);
  if (!read.ok) return read;
  const before = read.value;
  const text = before ?? '';
  if (text.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('the top level is not an object');
      existing = parsed as Record<string, unknown>;
    } catch (err) {
      return fail({ code: 'config-not-json', message: `${file} is not valid JSON (${(err as Error).message}); fix it before ${purpose}` });
    }
  }
  const changed = change(existing);
  if (!changed.ok) return changed;
  const next = changed.value;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const out = JSON.stringify(next, null, indentOf(text)).replace(/\n/g, eol) + eol;
  const written = await atomicWrite(file, out);
  if (!written.ok) return fail({ code: 'config-write-failed', message: written.error.message });
  return ok({ before, after: out });
}

/**
 * Puts taskdeck.json back as it was before a change (undo), only while it still holds
 * exactly what that change wrote: a later hand edit is never overwritten.
 */
export async function revertConfigChange(projectDir: string, change: ConfigChange): Promise<Result<void, ProjectError | { code: 'config-changed'; message: string }>> {
  const file = join(projectDir, CONFIG_FILE);
  const done = await withFileLock(file, () => revertLocked(file, change));
  if (!done.ok && (done.error.code === 'file-locked' || done.error.code === 'write-failed')) return fail({ code: 'config-write-failed', message: done.error.message });
  return done as Result<void, ProjectError | { code: 'config-changed'; message: string }>;
}

async function revertLocked(file: string, change: ConfigChange): Promise<Result<void, ProjectError | { code: 'config-changed'; message: string }>> {
  const read = await readConfigText(file);
  if (!read.ok) return read;
  if (read.value !== change.after) {
    return fail({ code: 'config-changed', message: `Cannot undo: ${file} changed since Taskdeck wrote it. Nothing was written.` });
  }
  if (change.before === null) {
    try {
      await unlink(file);
    } catch (err) {
      return fail({ code: 'config-write-failed', message: `Could not remove ${file}: ${(err as Error).message}` });
    }
    return ok(undefined);
  }
  const written = await atomicWrite(file, change.before);
  return written.ok ? ok(undefined) : fail({ code: 'config-write-failed', message: written.error.message });
}
