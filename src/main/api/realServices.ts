// Binds the session's ports to the real services: project loading (src/main/project),
// the editor, taskdeck.json, and (later) the run history store.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ApiResult } from '../../shared/api';
import { loadProject } from '../project/loadBacklog';
import type { BacklogServices } from './services';
import { editFile, saveSprintList } from './interimWrites';

export function realServices(): BacklogServices {
  return {
    async load(projectDir) {
      const result = await loadProject(projectDir);
      if (!result.ok) return result;
      const p = result.value;
      return {
        ok: true,
        value: { projectDir: p.projectDir, file: p.file, path: p.path, hash: p.hash, tasks: p.tasks, diagnostics: p.diagnostics, sprints: p.sprints, graph: p.graph, parse: p.parse },
      };
    },
    edit: (loaded, expectedHash, edit) => editFile(loaded, expectedHash, edit),
    saveSprints: (projectDir, sprints): Promise<ApiResult<void>> => saveSprintList(projectDir, sprints),
    async runsOf() {
      return null;
    },
    async hashFile(path) {
      try {
        return createHash('sha256').update(await readFile(path)).digest('hex');
      } catch {
        return null;
      }
    },
  };
}
