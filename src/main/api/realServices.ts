// Binds the session's ports to the real services: project loading (src/main/project),
// the editor, taskdeck.json, and the run history store.
import { createHash } from 'node:crypto';
import type { ApiResult } from '../../shared/api';
import { loadProject } from '../project/loadBacklog';
import { editBacklogFile } from '../project/backlogEditor';
import { readRegularFile } from '../project/readRegularFile';
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
      const done = await editBacklogFile(loaded.path, expectedHash, edit, known);
      if (!done.ok) return done;
      const inverse = done.value.inverse;
      return {
        ok: true,
        value: {
          summary: done.value.summary,
          hashAfter: done.value.hash,
          async undo(hash) {
            if (!inverse) return { ok: false, error: { code: 'cannot-undo', message: 'The last edit cannot be undone automatically; edit the file by hand.' } };
            const undone = await editBacklogFile(loaded.path, hash, inverse);
            return undone.ok ? { ok: true, value: { summary: undone.value.summary } } : undone;
          },
        },
      };
    },

    saveSprints: (projectDir, sprints) => saveSprints(projectDir, sprints),

    runsOf: readTaskRuns,

    async hashFile(path) {
      // Through the backlog's one reader: a path swapped for a FIFO or a device never blocks the session.
      const read = await readRegularFile(path);
      return read.ok ? createHash('sha256').update(read.value.bytes).digest('hex') : null;
    },
  };
}
