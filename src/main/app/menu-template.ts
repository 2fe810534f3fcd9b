// The application menu as data. menu.ts turns each `action` into a click handler; the
// structure (labels, shortcuts, which items exist and when they are enabled) is decided
// here, without Electron, so it is tested in plain Node.
import { EXPORT_FORMATS, type ExportFormat } from '../../shared/contract/export-formats';
import { recentProjectLabel } from './recent-projects';

export const EXPORT_KINDS = EXPORT_FORMATS;
export type ExportKind = ExportFormat;

export const EXPORT_LABELS: Readonly<Record<ExportKind, string>> = {
  'error-report': 'Error Report (JSON)…',
  'history-csv': 'Run History (CSV)…',
  'tasks-json': 'Tasks (JSON)…',
  'html-report': 'HTML Report…',
};

export type MenuAction =
  | { kind: 'open-folder' }
  | { kind: 'open-recent'; dir: string }
  | { kind: 'clear-recent' }
  | { kind: 'export'; format: ExportKind }
  | { kind: 'reload' }
  | { kind: 'toggle-devtools' }
  | { kind: 'quit' };

export type MenuRole = 'about' | 'hide' | 'hideOthers' | 'unhide' | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'togglefullscreen' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'minimize' | 'close';

export type MenuSpec =
  | { type: 'separator' }
  | { type: 'role'; role: MenuRole }
  | { type: 'item'; label: string; action: MenuAction; accelerator?: string; enabled: boolean }
  | { type: 'submenu'; label: string; submenu: MenuSpec[] };

export interface MenuInput {
  platform: NodeJS.Platform;
  recentProjects: readonly string[];
  hasProject: boolean;
  isDevelopment: boolean;
}

const separator: MenuSpec = { type: 'separator' };

function item(label: string, action: MenuAction, options: { accelerator?: string; enabled?: boolean } = {}): MenuSpec {
  return { type: 'item', label, action, enabled: options.enabled ?? true, ...(options.accelerator === undefined ? {} : { accelerator: options.accelerator }) };
}

function role(name: MenuRole): MenuSpec {
  return { type: 'role', role: name };
}

export function recentProjectsSubmenu(recent: readonly string[]): MenuSpec[] {
  if (recent.length === 0) return [item('No Recent Projects', { kind: 'clear-recent' }, { enabled: false })];
  return [...recent.map((dir) => item(recentProjectLabel(dir), { kind: 'open-recent', dir })), separator, item('Clear Recent Projects', { kind: 'clear-recent' })];
}

export function exportSubmenu(hasProject: boolean): MenuSpec[] {
  return EXPORT_KINDS.map((format) => item(EXPORT_LABELS[format], { kind: 'export', format }, { enabled: hasProject }));
}

export function buildMenuTemplate(input: MenuInput): MenuSpec[] {
  const isMac = input.platform === 'darwin';
  const fileMenu: MenuSpec[] = [
    item('Open Folder…', { kind: 'open-folder' }, { accelerator: 'CmdOrCtrl+O' }),
    { type: 'submenu', label: 'Recent Projects', submenu: recentProjectsSubmenu(input.recentProjects) },
    separator,
    { type: 'submenu', label: 'Export', submenu: exportSubmenu(input.hasProject) },
    separator,
    isMac ? role('close') : item('Quit', { kind: 'quit' }, { accelerator: 'CmdOrCtrl+Q' }),
  ];
  const viewMenu: MenuSpec[] = [
    item('Reload', { kind: 'reload' }, { accelerator: 'CmdOrCtrl+R' }),
    // Developer tools only in development: a packaged app does not invite pasting code.
    ...(input.isDevelopment ? [item('Toggle Developer Tools', { kind: 'toggle-devtools' }, { accelerator: 'CmdOrCtrl+Shift+I' })] : []),
    separator,
    role('resetZoom'),
    role('zoomIn'),
    role('zoomOut'),
    separator,
    role('togglefullscreen'),
  ];
  const editMenu: MenuSpec[] = [role('undo'), role('redo'), separator, role('cut'), role('copy'), role('paste'), role('selectAll')];
  const appMenu: MenuSpec[] = isMac
    ? [{ type: 'submenu', label: 'Taskdeck', submenu: [role('about'), separator, role('hide'), role('hideOthers'), role('unhide'), separator, item('Quit Taskdeck', { kind: 'quit' }, { accelerator: 'Cmd+Q' })] }]
    : [];
  return [
    ...appMenu,
    { type: 'submenu', label: 'File', submenu: fileMenu },
    { type: 'submenu', label: 'Edit', submenu: editMenu },
    { type: 'submenu', label: 'View', submenu: viewMenu },
    { type: 'submenu', label: 'Window', submenu: [role('minimize'), ...(isMac ? [] : [role('close')])] },
  ];
}

/** Every action reachable in a template, depth-first; tests and the wiring use it. */
export function menuActions(template: readonly MenuSpec[]): MenuAction[] {
  return template.flatMap((spec) => {
    if (spec.type === 'item') return [spec.action];
    if (spec.type === 'submenu') return menuActions(spec.submenu);
    return [];
  });
}
