import { create } from 'zustand';
import type { BoardMode } from './boardColumns';

export interface BoardState {
  mode: BoardMode;
  /** The sprint form: null closed, 'new', or the name of the sprint being edited. */
  sprintForm: null | { editing: string | null };
  setMode(mode: BoardMode): void;
  openSprintForm(editing: string | null): void;
  closeSprintForm(): void;
}

export const useBoard = create<BoardState>()((set) => ({
  mode: 'status',
  sprintForm: null,
  setMode: (mode) => set({ mode }),
  openSprintForm: (editing) => set({ sprintForm: { editing } }),
  closeSprintForm: () => set({ sprintForm: null }),
}));
