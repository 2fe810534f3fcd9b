import { create } from 'zustand';

/** The views the sidebar offers. Runs and Analytics are added by their features. */
export type ViewName = 'backlog' | 'board';

export const useAppView = create<{ view: ViewName; setView(v: ViewName): void }>()((set) => ({
  view: 'backlog',
  setView: (view) => set({ view }),
}));
