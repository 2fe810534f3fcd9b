// Binds the session's ports to the real services: project loading (src/main/project),
// the editor, taskdeck.json, and the run history store.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { ApiResult } from '../../shared/api';
import { loadProject } from '../project/loadBacklog';
import { editBacklogFile } from '../project/backlogEditor';
import type { AppliedEdit, BacklogServices } from './services';
import { saveSprints } from '../project/saveSprints';
import { readTaskRuns } from './runHistory';

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

    async edit(loaded, expectedHash, edit): Promise<ApiResult<AppliedEdit>> {
      // The parse is only reused when it is of the version the caller saw.
      const known = loaded.hash === expectedHash ? { parsed: loaded.parse } : undefined;
      const done = await editBacklogFile(loaded.path, expectedHash, edit, known, { projectDir: loaded.projectDir });
      if (!done.ok) return done;
      const inverse = done.value.inverse;
      return {
        ok: true,
        value: {
          summary: done.value.summary,
          hashAfter: done.value.hash,
          async undo(hash) {
            if (!inverse) return { ok: false, error: { code: 'cannot-undo', message: 'The last edit cannot be undone automatically; edit the file by hand.' } };
            const undone = await editBacklogFile(loaded.path, hash, inverse, undefined, { projectDir: loaded.projectDir });
            return undone.ok ? { ok: true, value: { summary: undone.value.summary } } : undone;
          },
        },
      };
    },

    saveSprints: (projectDir, sprints) => saveSprints(projectDir, sprints),

    runsOf: readTaskRuns,

    async hashFile(path) {
      try {
        return createHash('sha256').update(await readFile(path)).digest('hex');
      } catch {
        return null;
      }
    },
  };
}
