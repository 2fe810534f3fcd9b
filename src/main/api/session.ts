// The open project: loads it, re-reads it on change, runs every write through one queue,
// remembers the last edits for undo, and emits backlog:changed. Electron-free, so the web
// host, the Electron main process and the tests share it.
import { basename, join, resolve } from 'node:path';
import type { SprintDef } from '../../shared/backlog';
import type { VocabularyKind } from '../../shared/vocabulary';
import type { ApiResult, BacklogEditInput, BacklogSnapshot, EditOutcome, ProjectInfo } from '../../shared/api';
import { readyTasks } from '../core/backlog/graph';
import type { AppliedEdit, BacklogServices, LoadedBacklog } from './services';
import { createEventHub } from './events';
import type { EventListener } from './events';
import { createWriteQueue } from './writeQueue';
import { watchBacklog } from './backlogWatcher';
import type { BacklogWatcher } from './backlogWatcher';

export interface SessionOptions {
  services: BacklogServices;
  /** Watch the backlog for external changes (off in tests that do not need it). */
  watch?: boolean;
  /** How many edits Ctrl+Z can walk back. */
  undoDepth?: number;
}

const noProject = { ok: false, error: { code: 'no-project', message: 'No project is open. Open a project folder first.' } } as const;

export function createSession(options: SessionOptions) {
  const { services, watch = true, undoDepth = 50 } = options;
  const hub = createEventHub();
  const enqueue = createWriteQueue();
  let projectDir: string | null = null;
  let loaded: LoadedBacklog | null = null;
  let watcher: BacklogWatcher | null = null;
  let undoStack: AppliedEdit[] = [];
  /** Why the last open failed (no backlog: the paths tried), shown until a project opens. */
  let openError: { code: string; message: string } | null = null;

  function info(l: LoadedBacklog): ProjectInfo {
    return { dir: l.projectDir, name: basename(l.projectDir), file: l.file, path: l.path };
  }

  function snapshotOf(l: LoadedBacklog): BacklogSnapshot {
    return { project: info(l), hash: l.hash, tasks: l.tasks, diagnostics: l.diagnostics, sprints: l.sprints, ready: readyTasks(l.graph) };
  }

  /** taskdeck.json's hash when `loaded` was read: with the backlog's hash, what `loaded` reflects. */
  let loadedConfigHash: string | null = null;

  /**
   * Re-reads the project, unless neither the backlog nor taskdeck.json changed since the
   * last read: hashing two files is far cheaper than parsing a large backlog again.
   */
  async function reload(): Promise<ApiResult<LoadedBacklog>> {
    if (projectDir === null) return openError ? { ok: false, error: openError } : noProject;
    const configHash = await services.hashFile(join(projectDir, 'taskdeck.json'));
    if (loaded && configHash === loadedConfigHash && (await services.hashFile(loaded.path)) === loaded.hash) {
      return { ok: true, value: loaded };
    }
    const result = await services.load(projectDir);
    if (result.ok) {
      loaded = result.value;
      loadedConfigHash = configHash;
    }
    return result;
  }

  /**
   * What the clients were last told the files say. A watcher event is news only when the
   * files now differ from it: our own writes were announced already, and a change that a
   * request happened to re-read first (a Reload, a refused edit) still reaches every client.
   */
  let announced: string | null = null;
  // taskdeck.json's hash too: a change of the team's words re-reads every task.
  const stateOf = (l: LoadedBacklog | null) => (l ? `${l.hash} ${loadedConfigHash} ${JSON.stringify(l.sprints)}` : 'unreadable');

  function announce(source: 'edit' | 'external' | 'open', l: LoadedBacklog | null): void {
    announced = stateOf(l);
    hub.emit('backlog:changed', { hash: l ? l.hash : null, source });
  }

  async function onDiskChange(): Promise<void> {
    if (projectDir === null) return;
    const result = await reload();
    const now = result.ok ? result.value : null;
    if (stateOf(now) !== announced) announce('external', now);
  }

  async function close(): Promise<void> {
    await watcher?.close();
    watcher = null;
  }

  return {
    subscribe: (listener: EventListener) => hub.subscribe(listener),
    /** For other features' handlers (runs, ...): one stream of contract events for every transport. */
    emit: hub.emit,

    async open(dir: string): Promise<ApiResult<ProjectInfo>> {
      const abs = resolve(dir);
      const configHash = await services.hashFile(join(abs, 'taskdeck.json'));
      const result = await services.load(abs);
      if (!result.ok) {
        if (projectDir === null) openError = result.error;
        return result;
      }
      openError = null;
      await close();
      projectDir = abs;
      loaded = result.value;
      loadedConfigHash = configHash;
      undoStack = [];
      // Through the queue: a change seen mid-edit is judged after the edit has re-read the file.
      // A re-read that throws must not become an unhandled rejection (it would stop the web
      // host); the next request re-reads and answers the error.
      if (watch) watcher = watchBacklog(abs, loaded.path, () => void enqueue(onDiskChange).catch(() => undefined));
      announce('open', loaded);
      return { ok: true, value: info(loaded) };
    },

    current(): ProjectInfo | null {
      return loaded ? info(loaded) : null;
    },

    /** Checks the files every time: the answer is what is on disk now, never a stale copy. */
    async snapshot(): Promise<ApiResult<BacklogSnapshot>> {
      const result = await reload();
      return result.ok ? { ok: true, value: snapshotOf(result.value) } : result;
    },

    /**
     * The backlog as it is on disk now (for task details): re-read only when a hash
     * changed, so a detail never shows a task as it was before a write made elsewhere (a
     * `taskdeck done`, an agent's completion, a session without a watcher).
     */
    async loadedBacklog(): Promise<ApiResult<LoadedBacklog>> {
      return reload();
    },

    runsOf(taskId: string) {
      return projectDir === null ? Promise.resolve(null) : services.runsOf(projectDir, taskId);
    },

    edit(edit: BacklogEditInput, expectedHash: string): Promise<ApiResult<EditOutcome>> {
      return enqueue(async () => {
        const current = await reload();
        if (!current.ok) return current;
        const applied = await services.edit(current.value, expectedHash, edit);
        if (!applied.ok) return applied;
        // The edit's own result is the new state (taskdeck.json unchanged: the edit read
        // with the words `current` was loaded with); afterWrite's re-read then only hashes
        // the files, and parses again only if someone changed them meanwhile.
        if (applied.value.loadedAfter && loaded === current.value) loaded = applied.value.loadedAfter;
        undoStack = [...undoStack.slice(-(undoDepth - 1)), applied.value];
        return afterWrite(applied.value.summary, applied.value.taskId);
      });
    },

    undo(): Promise<ApiResult<EditOutcome>> {
      return enqueue(async () => {
        const last = undoStack.at(-1);
        if (!last) return { ok: false, error: { code: 'nothing-to-undo', message: 'There is no edit to undo.' } };
        // Only onto the very version that edit produced: if anyone changed the file since,
        // the inverse could overwrite their work, so undo is refused and forgotten.
        const undone = await last.undo(last.hashAfter);
        if (!undone.ok) {
          // The file was changed by hand since: this undo, and the ones under it, are gone.
          if (undone.error.code === 'config-changed') {
            undoStack = [];
            return undone;
          }
          if (undone.error.code === 'file-changed') {
            undoStack = [];
            return { ok: false, error: { code: 'file-changed', message: 'Cannot undo: the backlog changed since that edit (in another editor?). Nothing was written; the board shows the file as it is now.' } };
          }
          return undone;
        }
        undoStack = undoStack.slice(0, -1);
        return afterWrite(`Undid: ${undone.value.summary}`);
      });
    },

    saveSprints(sprints: SprintDef[]): Promise<ApiResult<BacklogSnapshot>> {
      return enqueue(async () => {
        if (projectDir === null) return noProject;
        const saved = await services.saveSprints(projectDir, sprints);
        if (!saved.ok) return saved;
        const result = await reload();
        if (!result.ok) return result;
        announce('edit', result.value);
        return { ok: true, value: snapshotOf(result.value) };
      });
    },

    /** "Treat '🟪 Parked' as blocked": one word into taskdeck.json, undoable like an edit. */
    mapWord(kind: VocabularyKind, word: string, value: string | null): Promise<ApiResult<EditOutcome>> {
      return enqueue(async () => {
        if (projectDir === null) return noProject;
        const applied = await services.saveVocabularyWord(projectDir, kind, word, value);
        if (!applied.ok) return applied;
        undoStack = [...undoStack.slice(-(undoDepth - 1)), applied.value];
        return afterWrite(applied.value.summary);
      });
    },

    close,
  };

  async function afterWrite(summary: string, taskId?: string): Promise<ApiResult<EditOutcome>> {
    const result = await reload();
    if (!result.ok) return result;
    announce('edit', result.value);
    return { ok: true, value: { summary, snapshot: snapshotOf(result.value), ...(taskId ? { taskId } : {}) } };
  }
}

export type Session = ReturnType<typeof createSession>;
