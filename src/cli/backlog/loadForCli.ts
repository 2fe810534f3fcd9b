// Loads the project a command points at (--project / --file), or fails with the
// loader's message, which already names the paths tried or the bad field. The loader and
// the parser behind it are imported statically: the command registrations (which
// `taskdeck --help` loads) never import this file, only the commands' own modules do.
import { loadProject, type LoadedProject, type ShownProject } from '../../main/project/loadBacklog';
import { CliFailure } from '../output/fail';

export { normaliseId, requireTask } from './taskIds';

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
export async function loadForCli(opts: TargetOptions, use: { readOnly: true }): Promise<ShownProject>;
export async function loadForCli(opts: TargetOptions): Promise<LoadedProject>;
export async function loadForCli(opts: TargetOptions, use: { readOnly?: boolean } = {}): Promise<ShownProject> {
  const target = opts.file ? { file: opts.file, projectDir: opts.project } : (opts.project ?? '.');
  const loaded = BUILD_ID && use.readOnly ? await loadProject(target, { parseCache: { buildId: BUILD_ID } }) : await loadProject(target);
  if (!loaded.ok) throw new CliFailure(loaded.error.message);
  return loaded.value;
}
