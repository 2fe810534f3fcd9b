// Whether the new-task form is open: the top bar's button and the N key open it.
import { create } from 'zustand';

export const useNewTaskForm = create<{ open: boolean; show(): void; hide(): void }>()((set) => ({
  open: false,
  show: () => set({ open: true }),
  hide: () => set({ open: false }),
}));
