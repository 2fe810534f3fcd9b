// The bundled sample project is never planned or run in place: in the repository its
// files are tracked (a run or a drag would change them), and in an installed app they
// are read-only. Every face (the desktop app, `taskdeck serve --sample`) works on a
// copy in the user's own folders, made on first use and kept after that.
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { configDir } from '../engine/trust';

/** Where the CLI's copy lives: beside the trust file ($TASKDECK_CONFIG_DIR, XDG, ~/.config). */
export function sampleCopyDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(configDir(env), 'sample-project');
}

/**
 * Copies `bundled` to `target` unless the copy exists. The copy is made in a temp folder
 * beside the target and renamed into place, so a crash mid-copy never leaves half a
 * project that later starts would take for the real one. The record (`.taskdeck`) of
 * the bundled folder, if any, is not copied.
 */
export function ensureSampleCopy(bundled: string, target: string): { dir: string; created: boolean } {
  if (existsSync(target)) return { dir: target, created: false };
  if (!existsSync(join(bundled, 'backlog.md'))) throw new Error(`The sample project is missing: ${bundled}`);
  mkdirSync(dirname(target), { recursive: true });
  const temp = mkdtempSync(join(dirname(target), `.${basename(target)}-`));
  try {
    cpSync(bundled, temp, { recursive: true, filter: (src) => basename(src) !== '.taskdeck' });
    renameSync(temp, target);
  } catch (err) {
    rmSync(temp, { recursive: true, force: true });
    // Another process made the copy first: use theirs.
    if (existsSync(target)) return { dir: target, created: false };
    throw err;
  }
  return { dir: target, created: true };
}
