import { create } from 'zustand';
import type { BoardMode } from './boardColumns';

export interface BoardState {
  mode: BoardMode;
  /** The sprint form: null closed, 'new', or the name of the sprint being edited. */
  sprintForm: null | { editing: string | null };
  /** Narrows the cards shown; drops still write moves relative to the visible neighbour. */
  search: string;
  setMode(mode: BoardMode): void;
  setSearch(search: string): void;
  openSprintForm(editing: string | null): void;
  closeSprintForm(): void;
}

export const useBoard = create<BoardState>()((set) => ({
  mode: 'status',
  sprintForm: null,
  search: '',
  setMode: (mode) => set({ mode }),
  setSearch: (search) => set({ search }),
  openSprintForm: (editing) => set({ sprintForm: { editing } }),
  closeSprintForm: () => set({ sprintForm: null }),
}));
