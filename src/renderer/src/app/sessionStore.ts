// The backlog as the file says it is, and the only place that writes to it. Every edit
// sends the hash the board was drawn from; the board then shows the re-read file from
// the answer, never an optimistic guess. A refused edit (the file changed meanwhile)
// reloads the board and says why.
import { createStore } from 'zustand/vanilla';
import type { ApiError, ArgsOf, BacklogEditInput, BacklogSnapshot, ProjectInfo, ResultOf } from '../../../shared/api';
import type { SprintDef } from '../../../shared/backlog';
import type { VocabularyKind } from '../../../shared/vocabulary';
import type { Transport } from '../transport/transport';

/** `undoable`: the notice offers an Undo button (an archive or a delete, say). */
export type Notice = { kind: 'info' | 'warning' | 'error'; text: string; id: number; undoable?: boolean };

/** The planning methods: each one edit of the file, sent with the hash the view shows. */
export type PlanMethod = 'task:add' | 'task:edit' | 'task:archive' | 'task:remove';
export type PlanArgs<K extends PlanMethod> = Omit<ArgsOf<K>, 'expectedHash'>;

export interface SessionState {
  project: ProjectInfo | null;
  snapshot: BacklogSnapshot | null;
  /** Why there is no snapshot (no project, no backlog: the paths tried, ...). */
  loadError: ApiError | null;
  loading: boolean;
  /** An edit is on its way: further drops wait for it. */
  writing: boolean;
  notice: Notice | null;
  load(): Promise<void>;
  openProject(dir: string): Promise<void>;
  /** Writes one edit; resolves to the outcome summary, or null when it was refused. */
  edit(edit: BacklogEditInput): Promise<string | null>;
  /**
   * Adds, edits, archives or removes a task; resolves to the answer, or to the error when
   * it was refused (already shown as a notice unless `quiet`).
   */
  plan<K extends PlanMethod>(method: K, args: PlanArgs<K>, options?: { quiet?: boolean }): Promise<{ ok: true; value: ResultOf<K> } | { ok: false; error: ApiError }>;
  undo(): Promise<void>;
  saveSprints(sprints: SprintDef[]): Promise<ApiError | null>;
  /** "Treat '🟪 Parked' as Blocked": writes the word to taskdeck.json (undoable); false when refused. */
  mapWord(kind: VocabularyKind, word: string, value: string): Promise<boolean>;
  notify(kind: Notice['kind'], text: string, undoable?: boolean): void;
  dismissNotice(): void;
  /** Reacts to backlog:changed: reloads unless the event is about a state already shown. */
  onBacklogChanged(event: { hash: string | null; source: 'edit' | 'external' | 'open' }): void;
}

let noticeIds = 0;

export function createSessionStore(transport: Transport) {
  return createStore<SessionState>()((set, get) => ({
    project: null,
    snapshot: null,
    loadError: null,
    loading: false,
    writing: false,
    notice: null,

    async load() {
      set({ loading: true });
      const result = await transport.call('backlog:get', {});
      if (result.ok) set({ snapshot: result.value, project: result.value.project, loadError: null, loading: false });
      else set({ snapshot: null, loadError: result.error, loading: false });
    },

    async openProject(dir) {
      const opened = await transport.call('project:open', { dir });
      if (!opened.ok) return set({ loadError: opened.error, snapshot: null });
      set({ project: opened.value });
      await get().load();
    },

    async edit(edit) {
      const snapshot = get().snapshot;
      if (!snapshot) return null;
      if (get().writing) {
        get().notify('info', 'Still saving the previous change; try again in a moment.');
        return null;
      }
      set({ writing: true });
      const result = await transport.call('backlog:edit', { edit, expectedHash: snapshot.hash });
      set({ writing: false });
      if (result.ok) {
        set({ snapshot: result.value.snapshot });
        get().notify('info', result.value.summary);
        return result.value.summary;
      }
      if (result.error.code === 'file-changed') {
        get().notify('error', 'Not saved: the backlog changed on disk since the board was drawn. The board now shows the file as it is; try the move again.');
        await get().load();
      } else {
        get().notify('error', result.error.message);
      }
      return null;
    },

    async plan(method, args, options) {
      const snapshot = get().snapshot;
      if (!snapshot) return { ok: false, error: { code: 'no-project', message: 'No backlog is open.' } };
      if (get().writing) return { ok: false, error: { code: 'busy', message: 'Still saving the previous change; try again in a moment.' } };
      set({ writing: true });
      // The argument types differ per method; the contract's schema checks them at dispatch.
      const result = await transport.call(method, { ...args, expectedHash: snapshot.hash } as ArgsOf<typeof method>);
      set({ writing: false });
      if (result.ok) {
        const value = result.value as ResultOf<typeof method>;
        set({ snapshot: value.snapshot });
        get().notify('info', value.summary, true);
        return { ok: true, value };
      }
      if (result.error.code === 'file-changed') {
        get().notify('error', 'Not saved: the backlog changed on disk since it was shown. It now shows the file as it is; make the change again.');
        await get().load();
      } else if (!options?.quiet) {
        get().notify('error', result.error.message);
      }
      return result;
    },

    async undo() {
      if (get().writing) return;
      set({ writing: true });
      const result = await transport.call('backlog:undo', {});
      set({ writing: false });
      if (result.ok) {
        set({ snapshot: result.value.snapshot });
        get().notify('info', result.value.summary);
      } else {
        get().notify(result.error.code === 'nothing-to-undo' ? 'info' : 'error', result.error.message);
        if (result.error.code === 'file-changed') await get().load();
      }
    },

    async saveSprints(sprints) {
      const result = await transport.call('sprints:save', { sprints });
      if (!result.ok) return result.error;
      set({ snapshot: result.value });
      get().notify('info', 'Sprints saved to taskdeck.json');
      return null;
    },

    async mapWord(kind, word, value) {
      if (get().writing) return false;
      set({ writing: true });
      const result = await transport.call('vocabulary:map', { kind, word, value });
      set({ writing: false });
      if (!result.ok) {
        get().notify('error', result.error.message);
        return false;
      }
      set({ snapshot: result.value.snapshot });
      get().notify('info', `${result.value.summary} (Ctrl+Z to undo)`);
      return true;
    },

    notify(kind, text, undoable) {
      set({ notice: { kind, text, id: ++noticeIds, ...(undoable ? { undoable } : {}) } });
    },
    dismissNotice() {
      set({ notice: null });
    },

    onBacklogChanged({ hash, source }) {
      // Our own writes arrive with the hash already shown; anything external may have
      // changed taskdeck.json alone (same backlog hash), so it always reloads.
      if (source !== 'external' && hash !== null && hash === get().snapshot?.hash) return;
      // The backend announces a write before answering it: while our own write is on its
      // way, its answer (the re-read file, later writes included) is what to show.
      if (source === 'edit' && get().writing) return;
      void get().load();
    },
  }));
}

export type SessionStore = ReturnType<typeof createSessionStore>;
