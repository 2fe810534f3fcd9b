// Loads the project a command points at (--project / --file), or fails with the
// loader's message, which already names the paths tried or the bad field. The loader (and
// the parser behind it) is imported on first use, so command files may import this one
// statically without slowing `taskdeck --help`.
import type { LoadedProject } from '../../main/project/loadBacklog';
import { CliFailure } from '../output/fail';

export interface TargetOptions {
  project?: string;
  file?: string;
}

/**
 * The build's identity (a hash of the sources, set by scripts/build-cli.mjs): the parse
 * cache answers only for the build that wrote it. Unset when the CLI runs unbundled (tests
 * importing the sources), and then there is no cache.
 */
declare const __TASKDECK_BUILD_ID__: string | undefined;
const BUILD_ID = typeof __TASKDECK_BUILD_ID__ === 'string' ? __TASKDECK_BUILD_ID__ : null;

/**
 * `readOnly`: the command only shows the backlog (list, show, validate, graph), so it may
 * answer from the parse cache. Commands that edit the file or run its tasks always read
 * the file itself: what runs is never taken from a file in .taskdeck/ that the backlog's
 * own text does not say (a cache entry planted in a cloned repository, say).
 */
export async function loadForCli(opts: TargetOptions, use: { readOnly?: boolean } = {}): Promise<LoadedProject> {
  const target = opts.file ? { file: opts.file, projectDir: opts.project } : (opts.project ?? '.');
  const { loadProject } = await import('../../main/project/loadBacklog');
  const loaded = await loadProject(target, BUILD_ID && use.readOnly ? { parseCache: { buildId: BUILD_ID } } : {});
  if (!loaded.ok) throw new CliFailure(loaded.error.message);
  return loaded.value;
}

/** Accepts `b-049` and `B‑049` (U+2011) for `B-049`, as the file may write it. */
export function normaliseId(id: string): string {
  return id.trim().replace(/[\u2010\u2011\u2012\u2013]/g, '-').toUpperCase();
}

export function requireTask(loaded: LoadedProject, rawId: string) {
  const id = normaliseId(rawId);
  const task = loaded.tasks.find((t) => t.id === id);
  if (!task) throw new CliFailure(`Unknown task ${rawId}: ${loaded.file} defines no task with that ID`);
  return task;
}
