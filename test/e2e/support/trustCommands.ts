// Trust is per command: a test that runs tasks trusts every command the backlog has now,
// as `taskdeck trust` does, in the test's own TASKDECK_CONFIG_DIR.
import { trustFolder } from '../../../src/main/engine/trust';
import { commandsOf } from '../../../src/main/engine/resolveCommand';
import { loadProject } from '../../../src/main/project/loadBacklog';

export async function trustProjectCommands(projectDir: string): Promise<void> {
  const loaded = await loadProject(projectDir);
  if (!loaded.ok) throw new Error(loaded.error.message);
  trustFolder(projectDir, new Date(), process.env, commandsOf(loaded.value.tasks, loaded.value.config), true);
}
