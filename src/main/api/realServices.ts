// Binds the session's ports to the real services: project loading (src/main/project),
// the editor, taskdeck.json, and the run history store.
import type { ApiResult } from '../../shared/api';
import { loadProject } from '../project/loadBacklog';
import { parseBacklog, type ParseResult } from '../core/backlog';
import { buildGraph } from '../core/backlog/graph';
import { combineDiagnostics } from '../project/projectDiagnostics';
import { editBacklogFile } from '../project/backlogEditor';
import { nextFreeId } from '../core/backlog/edit/nextId';
import { normalizeId } from '../core/backlog/ids';
import { readRegularFile } from '../project/readRegularFile';
import type { AppliedEdit, BacklogServices, LoadedBacklog } from './services';
import { saveSprints } from '../project/saveSprints';
import { revertConfigChange } from '../project/configFile';
import { saveVocabularyWord } from '../project/saveVocabularyWord';
import { readTaskRuns } from './runHistory';
import { sha256Hex } from '../project/sha256';

/** `loaded` as it is after an edit that left the text parsed as `parse` (hash `hash`). */
function loadedFrom(loaded: LoadedBacklog, hash: string, parse: ParseResult): LoadedBacklog {
  const graph = buildGraph(parse.tasks);
  return { ...loaded, hash, parse, tasks: parse.tasks, graph, diagnostics: combineDiagnostics(parse, graph, loaded.sprints) };
}

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
      // A new task without an ID gets the next free one of the version being edited.
      const taskId = edit.kind === 'addTask' ? edit.id || nextFreeId(loaded.parse) : undefined;
      const done = await editBacklogFile(loaded.path, expectedHash, edit.kind === 'addTask' ? { ...edit, id: taskId ?? edit.id } : edit, known, { projectDir: loaded.projectDir });
      if (!done.ok) return done;
      const inverse = done.value.inverse;
      // The board redraws from the text just written: the editor's predicted parse for a
      // field edit, else a parse of that text; the session's next re-read finds the file
      // unchanged (same hash) and reads nothing. Only when the edit began from `loaded`.
      const after = known ? (done.value.parsed ?? parseBacklog(done.value.text, { vocabulary: loaded.parse.vocabulary })) : null;
      return {
        ok: true,
        value: {
          summary: done.value.summary,
          ...(taskId ? { taskId: normalizeId(taskId) } : {}),
          hashAfter: done.value.hash,
          ...(after ? { loadedAfter: loadedFrom(loaded, done.value.hash, after) } : {}),
          async undo(hash) {
            if (!inverse) return { ok: false, error: { code: 'cannot-undo', message: 'The last edit cannot be undone automatically; edit the file by hand.' } };
            const undone = await editBacklogFile(loaded.path, hash, inverse, { vocabulary: loaded.parse.vocabulary }, { projectDir: loaded.projectDir });
            return undone.ok ? { ok: true, value: { summary: undone.value.summary } } : undone;
          },
        },
      };
    },

    saveSprints: (projectDir, sprints) => saveSprints(projectDir, sprints),

    async saveVocabularyWord(projectDir, kind, word, value): Promise<ApiResult<AppliedEdit>> {
      const saved = await saveVocabularyWord(projectDir, kind, word, value);
      if (!saved.ok) return saved;
      const change = saved.value;
      const what = value === null ? `"${word}" is no longer a ${kind} word` : `"${word}" now means ${kind} ${value}`;
      return {
        ok: true,
        value: {
          summary: `taskdeck.json: ${what}`,
          // Undo touches taskdeck.json only, never the backlog: no backlog hash to hold it to.
          hashAfter: '',
          async undo() {
            const reverted = await revertConfigChange(projectDir, change);
            return reverted.ok ? { ok: true, value: { summary: `taskdeck.json: ${what}` } } : reverted;
          },
        },
      };
    },

    runsOf: readTaskRuns,

    async hashFile(path) {
      // Through the backlog's one reader: a path swapped for a FIFO or a device never blocks the session.
      const read = await readRegularFile(path);
      return read.ok ? sha256Hex(read.value.bytes) : null;
    },
  };
}
