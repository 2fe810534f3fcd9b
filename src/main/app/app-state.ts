// The app's own small state (last project, recent projects) in userData/state.json.
// Node I/O but no Electron, so it is tested on real temp folders. A missing or damaged
// file is not an error the user can do anything about: we start from defaults.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { MAX_RECENT_PROJECTS } from './recent-projects';

export const STATE_FILE_NAME = 'state.json';

const appStateSchema = z.object({
  version: z.literal(1),
  lastProject: z.string().min(1).nullable(),
  recentProjects: z.array(z.string().min(1)).max(100),
});

export type AppState = z.infer<typeof appStateSchema>;

export const DEFAULT_APP_STATE: AppState = { version: 1, lastProject: null, recentProjects: [] };

export function stateFilePath(userDataDir: string): string {
  return join(userDataDir, STATE_FILE_NAME);
}

export type LoadedAppState = { state: AppState; problem: string | null };

export function loadAppState(userDataDir: string): LoadedAppState {
  const file = stateFilePath(userDataDir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { state: DEFAULT_APP_STATE, problem: code === 'ENOENT' ? null : `could not read ${file} (${code ?? 'unknown error'})` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { state: DEFAULT_APP_STATE, problem: `${file} is not valid JSON; starting with no recent projects` };
  }
  const parsed = appStateSchema.safeParse(json);
  if (!parsed.success) return { state: DEFAULT_APP_STATE, problem: `${file} has an unexpected shape; starting with no recent projects` };
  return { state: { ...parsed.data, recentProjects: parsed.data.recentProjects.slice(0, MAX_RECENT_PROJECTS) }, problem: null };
}

/** Writes atomically (temp file + rename) so a crash never leaves half a file. */
export function saveAppState(userDataDir: string, state: AppState): void {
  const file = stateFilePath(userDataDir);
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(appStateSchema.parse(state), null, 2)}\n`, 'utf8');
  renameSync(temp, file);
}
