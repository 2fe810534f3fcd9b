// The views the sidebar offers, in order. A feature adds its view with one entry here
// (Runs, Analytics, ...); the sidebar and the main area read this list.
import type { ComponentType } from 'react';
import type { BacklogSnapshot } from '../../../shared/api';
import { BacklogView } from '../backlog/BacklogView';
import { BoardView } from '../board/BoardView';
import { RunsView } from '../runs/RunsView';
import { DashboardView } from '../analytics/DashboardView';

export interface ViewEntry {
  id: string;
  label: string;
  /** A short glyph; decorative. */
  icon: string;
  Component: ComponentType<{ snapshot: BacklogSnapshot }>;
}

export const VIEWS: readonly ViewEntry[] = [
  { id: 'backlog', label: 'Backlog', icon: '☰', Component: BacklogView },
  { id: 'board', label: 'Board', icon: '▦', Component: BoardView },
  { id: 'runs', label: 'Runs', icon: '▶', Component: RunsView },
  { id: 'analytics', label: 'Analytics', icon: '◔', Component: DashboardView },
];
