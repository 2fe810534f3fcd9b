import { z } from 'zod';
import { method } from './method';

/** The open project as the UI shows it in the top bar. */
export interface ProjectInfo {
  /** Absolute project folder. */
  dir: string;
  /** The folder's name, for titles. */
  name: string;
  /** The backlog file, relative to the folder (as in `taskdeck list --json`). */
  file: string;
  /** The backlog file's absolute path. */
  path: string;
}

export const projectMethods = {
  /** Opens a project folder (and starts watching its backlog). Fails with `no-backlog` and the paths tried. */
  'project:open': method<ProjectInfo>()(z.object({ dir: z.string().min(1) })),
  /** The open project, or null when none is open. */
  'project:current': method<ProjectInfo | null>()(z.object({})),
} as const;
