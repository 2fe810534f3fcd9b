// The ports the session needs from the services (project loading, the editor, config,
// run history). realServices.ts binds them to src/main/project and src/main/store; keeping
// them behind this small interface means the handler table never reaches into files.
import type { Diagnostic, SprintDef, Task } from '../../shared/backlog';
import type { ApiResult, BacklogEditInput, TaskRunSummary } from '../../shared/api';
import type { BacklogGraph } from '../core/backlog/graph';
import type { ParseResult } from '../core/backlog';
import type { VocabularyKind } from '../../shared/vocabulary';

export interface LoadedBacklog {
  projectDir: string;
  /** Relative to projectDir. */
  file: string;
  /** Absolute. */
  path: string;
  hash: string;
  tasks: Task[];
  diagnostics: Diagnostic[];
  sprints: SprintDef[];
  graph: BacklogGraph;
  /** The reader's full result (source map included), for the editor. */
  parse: ParseResult;
}

export interface AppliedEdit {
  summary: string;
  /** The ID of the task the edit created (adding a task). */
  taskId?: string;
  /** The file's hash right after this edit: undo applies only to exactly that version. */
  hashAfter: string;
  /** Writes the inverse of this edit, refusing when the file's hash is no longer `expectedHash`. */
  undo: (expectedHash: string) => Promise<ApiResult<{ summary: string }>>;
  /**
   * The backlog as this edit left it (hash `hashAfter`), made from the text just written,
   * without reading the file again; absent when the edit did not start from the loaded version.
   */
  loadedAfter?: LoadedBacklog;
}

export interface BacklogServices {
  load(projectDir: string): Promise<ApiResult<LoadedBacklog>>;
  edit(loaded: LoadedBacklog, expectedHash: string, edit: BacklogEditInput): Promise<ApiResult<AppliedEdit>>;
  saveSprints(projectDir: string, sprints: SprintDef[]): Promise<ApiResult<void>>;
  /** Maps a word to a status or priority in taskdeck.json (null: unmaps it); undoable. */
  saveVocabularyWord(projectDir: string, kind: VocabularyKind, word: string, value: string | null): Promise<ApiResult<AppliedEdit>>;
  /** Run attempts of one task, newest first; null when the project has no run history. */
  runsOf(projectDir: string, taskId: string): Promise<TaskRunSummary[] | null>;
  /** sha256 of a file's bytes, or null when it cannot be read. */
  hashFile(path: string): Promise<string | null>;
}
