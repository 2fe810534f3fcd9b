import { create } from 'zustand';

/** Which view is shown: an id from VIEWS (views.tsx). */
export const useAppView = create<{ view: string; setView(v: string): void }>()((set) => ({
  view: 'backlog',
  setView: (view) => set({ view }),
}));
